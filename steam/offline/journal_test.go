package offline

import (
	"crypto/rand"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func newTicketID() ticketID {
	var id ticketID
	_, _ = rand.Read(id[:])
	return id
}

// Two journals on one folder stand for two processes of a realm.
func TestJournalSharedThroughItsFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "tickets-x")
	p1 := &journal{dir: dir, used: map[ticketID]time.Time{}, canceled: map[ticketID]time.Time{}}
	p2 := &journal{dir: dir, used: map[ticketID]time.Time{}, canceled: map[ticketID]time.Time{}}
	now := time.Now()
	id, other := newTicketID(), newTicketID()

	assert.False(t, p1.use(id, now.Add(time.Hour)), "first use")
	assert.True(t, p2.use(id, now.Add(time.Hour)), "the other process sees the use")
	assert.True(t, p1.use(id, now.Add(time.Hour)))
	assert.False(t, p2.use(other, now.Add(time.Hour)))

	assert.False(t, p2.isCanceled(id))
	p1.cancel(id, now.Add(time.Hour), now)
	assert.True(t, p1.isCanceled(id))
	assert.True(t, p2.isCanceled(id), "the other process sees the cancellation")

	info, err := os.Stat(filepath.Join(dir, "used-"+hexID(id)))
	require.NoError(t, err)
	assert.WithinDuration(t, now.Add(time.Hour), info.ModTime(), time.Second, "a file's time is when it may go")
	dirInfo, err := os.Stat(dir)
	require.NoError(t, err)
	if posixModes {
		assert.Equal(t, os.FileMode(0o700), dirInfo.Mode().Perm())
	}

	// Pruning after expiry (and the cancellation grace) removes the files for every process.
	p2.prune(now.Add(time.Hour + cancelGrace + time.Second))
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Empty(t, entries)
	assert.False(t, p1.isCanceled(other))
}

func TestJournalWithoutUsableFolder(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	require.NoError(t, os.WriteFile(file, nil, 0o600))
	j := &journal{dir: filepath.Join(file, "tickets"), used: map[ticketID]time.Time{}, canceled: map[ticketID]time.Time{}}
	id := newTicketID()
	exp := time.Now().Add(time.Hour)
	assert.False(t, j.use(id, exp))
	assert.True(t, j.use(id, exp), "the memory journal still works")
	j.cancel(id, exp, time.Now())
	assert.True(t, j.isCanceled(id))
	j.prune(time.Now())
}

func TestJournalSharedByKeyInProcess(t *testing.T) {
	key := make([]byte, RealmKeyLen)
	_, _ = rand.Read(key)
	r1, err := NewRealm(key)
	require.NoError(t, err)
	r2, err := NewRealm(key)
	require.NoError(t, err)
	assert.Same(t, r1.journal, r2.journal, "one journal per realm in a process")
}

func hexID(id ticketID) string {
	const digits = "0123456789abcdef"
	out := make([]byte, 0, 32)
	for _, b := range id {
		out = append(out, digits[b>>4], digits[b&15])
	}
	return string(out)
}

// FuzzTicket feeds arbitrary bytes to the ticket parser and the checks: nothing may panic, the result
// is always one of Steam's values, and only genuine tickets pass (the MAC cannot be forged), decoding
// to exactly what was issued.
func FuzzTicket(f *testing.F) {
	key := make([]byte, RealmKeyLen)
	for i := range key {
		key[i] = byte(i * 7)
	}
	realm, err := NewRealm(key)
	if err != nil {
		f.Fatal(err)
	}
	now := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
	b := New(Options{Realm: realm, Data: NewData(), Clock: func() time.Time { return now }})
	st := steam.State{}
	if err := b.Init(steam.InitConfig{Mode: steam.ServerModeAuthentication, AppID: 480}, &st, steam.NewEventQueue(0)); err != nil {
		f.Fatal(err)
	}
	// The genuine tickets are built deterministically: fuzzing runs the target in worker processes,
	// which must agree on them.
	issuer := steam.NewSteamID(1, steam.AccountTypeIndividual, 1, 99)
	genuine := map[string]ticket{}
	for i, app := range []uint32{480, 730} {
		tk := ticket{issuer: issuer, appID: app, handle: uint32(i + 1), issued: now.Add(-time.Minute), expires: now.Add(time.Hour)}
		tk.id[0] = byte(i + 1)
		raw := tk.encode(key)
		genuine[string(raw)] = tk
		f.Add(raw)
		for _, n := range []int{1, 48, 49, 80} {
			f.Add(raw[:n])
		}
	}
	f.Add([]byte{})
	f.Add([]byte{1})
	f.Add(make([]byte, 81))
	f.Fuzz(func(t *testing.T, raw []byte) {
		got, r := decodeTicket(key, raw)
		if r != steam.BeginAuthSessionOK && r != steam.BeginAuthSessionInvalidTicket && r != steam.BeginAuthSessionInvalidVersion {
			t.Fatalf("decodeTicket returned %d", r)
		}
		if r == steam.BeginAuthSessionOK {
			want, ok := genuine[string(raw)]
			if !ok {
				t.Fatalf("a ticket that was never issued passed the MAC check: %x", raw)
			}
			if !got.issued.Equal(want.issued) || !got.expires.Equal(want.expires) || got.issuer != want.issuer ||
				got.appID != want.appID || got.handle != want.handle || got.id != want.id {
				t.Fatalf("decoded %+v, issued %+v", got, want)
			}
			if string(got.encode(key)) != string(raw) {
				t.Fatal("encode(decode(ticket)) differs from the ticket")
			}
		}
		b.mu.Lock()
		_, cr := b.checkTicket(raw, issuer)
		b.mu.Unlock()
		if cr < steam.BeginAuthSessionOK || cr > steam.BeginAuthSessionExpiredTicket {
			t.Fatalf("checkTicket returned %d", cr)
		}
		if cr == steam.BeginAuthSessionOK && genuine[string(raw)].appID != 480 {
			t.Fatal("a ticket for another app passed")
		}
	})
}
