package offline

// Figures only: benchmarks of the auth tickets. Nothing here asserts a time. `./build.sh bench`
// runs them with the others: go test -run '^$' -bench . -benchmem ./steam/offline/

import (
	"github.com/gosteam/godot-steam-server/steam"
	"github.com/stretchr/testify/require"
	"testing"
)

var benchPlayer = steam.NewSteamID(steam.UniversePublic, steam.AccountTypeIndividual, 1, 4242)

// BenchmarkTicketIssue: one signed ticket per op (random ID, HMAC-SHA256), as getAuthSessionTicket
// and offlineIssueTicket make them.
func BenchmarkTicketIssue(b *testing.B) {
	be := startedB(b, Options{})
	b.ReportAllocs()
	for b.Loop() {
		be.IssueTicket(benchPlayer)
	}
}

// BenchmarkTicketVerify: the checks beginAuthSession makes before it starts a session: version,
// length, MAC, app, issuer and expiry.
func BenchmarkTicketVerify(b *testing.B) {
	be := startedB(b, Options{})
	raw := be.IssueTicket(benchPlayer).Bytes
	b.ReportAllocs()
	for b.Loop() {
		be.mu.Lock()
		_, r := be.checkTicket(raw, benchPlayer)
		be.mu.Unlock()
		if r != steam.BeginAuthSessionOK {
			b.Fatal(r)
		}
	}
}

// BenchmarkAuthSession: a whole session per op through the backend: a player's ticket issued,
// beginAuthSession (checks, the journal's replay record in memory, the verdict event),
// endAuthSession, and the event drained.
func BenchmarkAuthSession(b *testing.B) {
	events := steam.NewEventQueue(0)
	be := New(Options{Realm: benchRealm(b), Data: NewData()})
	st := steam.State{Init: shared}
	require.NoError(b, be.Init(shared, &st, events))
	b.ReportAllocs()
	for b.Loop() {
		raw := be.IssueTicket(benchPlayer).Bytes
		if r := be.BeginAuthSession(raw, benchPlayer); r != steam.BeginAuthSessionOK {
			b.Fatal(r)
		}
		be.EndAuthSession(benchPlayer)
		events.Drain(func(steam.Event) {})
	}
}

func benchRealm(tb testing.TB) *Realm {
	key := make([]byte, RealmKeyLen)
	for i := range key {
		key[i] = byte(i)
	}
	r, err := NewRealm(key) // in memory: the journal writes no files
	require.NoError(tb, err)
	return r
}

func startedB(tb testing.TB, opts Options) *Backend {
	if opts.Realm == nil {
		opts.Realm = benchRealm(tb)
	}
	if opts.Data == nil {
		opts.Data = NewData()
	}
	b := New(opts)
	st := steam.State{Init: shared}
	require.NoError(tb, b.Init(shared, &st, steam.NewEventQueue(0)))
	return b
}
