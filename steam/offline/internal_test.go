package offline

import (
	"crypto/rand"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func testRealm(t *testing.T) *Realm {
	t.Helper()
	key := make([]byte, RealmKeyLen)
	_, _ = rand.Read(key)
	r, err := NewRealm(key)
	require.NoError(t, err)
	return r
}

var shared = steam.InitConfig{GamePort: 27015, QueryPort: steam.QueryPortShared, Mode: steam.ServerModeAuthentication, AppID: 480}

// started initializes a backend; without a Realm in opts it gets one of its own.
func started(t *testing.T, opts Options, cfg steam.InitConfig) *Backend {
	t.Helper()
	if opts.Realm == nil {
		opts.Realm = testRealm(t)
	}
	b := New(opts)
	st := steam.State{Init: cfg}
	require.NoError(t, b.Init(cfg, &st, steam.NewEventQueue(0)))
	return b
}

func TestPacketQueueBounds(t *testing.T) {
	b := started(t, Options{MaxOutgoingPackets: 4}, shared)
	buf := make([]byte, 64)
	n, _, _ := b.NextOutgoingPacket(buf)
	assert.Zero(t, n, "empty")

	for round := 0; round < 3; round++ { // wraps around the ring
		for i := 0; i < 6; i++ {
			ok := b.out.push([]byte{byte(round), byte(i)}, uint32(i), uint16(1000+i))
			assert.Equal(t, i < 4, ok, "round %d packet %d", round, i)
		}
		assert.Equal(t, 4, b.out.len())
		for i := 0; i < 4; i++ {
			n, ip, port := b.NextOutgoingPacket(buf)
			require.Equal(t, 2, n)
			assert.Equal(t, []byte{byte(round), byte(i)}, buf[:n], "FIFO")
			assert.Equal(t, uint32(i), ip)
			assert.Equal(t, uint16(1000+i), port)
		}
		n, _, _ := b.NextOutgoingPacket(buf)
		assert.Zero(t, n)
	}
	assert.Equal(t, uint64(6), b.out.dropped, "two packets over the bound per round")
}

func TestPacketQueueDefaults(t *testing.T) {
	b := started(t, Options{}, shared)
	for i := 0; i < DefaultMaxOutgoingPackets; i++ {
		require.True(t, b.out.push([]byte{1}, 1, 1))
	}
	assert.False(t, b.out.push([]byte{1}, 1, 1))
	assert.False(t, b.out.push(nil, 1, 1), "empty datagrams are refused")
}

func TestPacketQueueCopiesAndOversize(t *testing.T) {
	b := started(t, Options{}, shared)
	data := []byte("abcdef")
	b.out.push(data, 1, 2)
	data[0] = 'X'
	b.out.push([]byte("toolong-for-the-buffer"), 3, 4)
	b.out.push([]byte("ok"), 5, 6)

	buf := make([]byte, 8)
	n, ip, port := b.NextOutgoingPacket(buf)
	assert.Equal(t, "abcdef", string(buf[:n]), "the queue keeps its own copy")
	assert.Equal(t, uint32(1), ip)
	assert.Equal(t, uint16(2), port)
	n, ip, port = b.NextOutgoingPacket(buf)
	assert.Equal(t, "ok", string(buf[:n]), "a datagram too big for buf is dropped, not cut")
	assert.Equal(t, uint32(5), ip)
	assert.Equal(t, uint16(6), port)
	assert.Equal(t, uint64(1), b.out.dropped)
	n, _, _ = b.NextOutgoingPacket(buf)
	assert.Zero(t, n)
}

func TestPacketQueueClearedAtShutdown(t *testing.T) {
	b := started(t, Options{}, shared)
	b.out.push([]byte{1}, 1, 1)
	b.Shutdown()
	assert.False(t, b.HandleIncomingPacket([]byte{0xFF, 0xFF, 0xFF, 0xFF}, 1, 1), "not after shutdown")
	st := steam.State{}
	require.NoError(t, b.Init(shared, &st, steam.NewEventQueue(0)))
	n, _, _ := b.NextOutgoingPacket(make([]byte, 8))
	assert.Zero(t, n)
}

func TestTicketLayout(t *testing.T) {
	b := started(t, Options{}, shared)
	tk := b.IssueTicket(0x0110000100000001)
	require.Len(t, tk.Bytes, ticketLen)
	assert.Equal(t, byte(ticketVersion), tk.Bytes[0])
	require.Equal(t, 81, ticketLen)
	got, r := decodeTicket(b.realm.key, tk.Bytes)
	require.Equal(t, steam.BeginAuthSessionOK, r)
	assert.Equal(t, steam.SteamID(0x0110000100000001), got.issuer)
	assert.Equal(t, uint32(480), got.appID)
	assert.Equal(t, tk.Handle, got.handle)
	assert.NotEqual(t, ticketID{}, got.id)
	assert.WithinDuration(t, time.Now(), got.issued, time.Minute)
	assert.Equal(t, DefaultTicketLifetime, got.expires.Sub(got.issued))

	_, r = decodeTicket(b.realm.key, nil)
	assert.Equal(t, steam.BeginAuthSessionInvalidTicket, r)
	_, r = decodeTicket(b.realm.key, []byte{ticketVersion + 1})
	assert.Equal(t, steam.BeginAuthSessionInvalidVersion, r)
	_, r = decodeTicket(b.realm.key, []byte{1}) // the first offline tickets were version 1
	assert.Equal(t, steam.BeginAuthSessionInvalidVersion, r)

	other := make([]byte, RealmKeyLen)
	_, r = decodeTicket(other, tk.Bytes)
	assert.Equal(t, steam.BeginAuthSessionInvalidTicket, r, "another realm's key")
}

func TestHandlesSkipZero(t *testing.T) {
	b := started(t, Options{}, shared)
	lastHandle.Store(^uint32(0) - 1)
	assert.Equal(t, ^uint32(0), b.IssueTicket(1).Handle)
	assert.Equal(t, uint32(1), b.IssueTicket(1).Handle, "0 is k_HAuthTicketInvalid")
}

func TestHandlesAreNotReusedByTheNextServer(t *testing.T) {
	first := started(t, Options{}, shared).IssueTicket(1).Handle
	second := started(t, Options{}, shared).IssueTicket(1).Handle
	assert.Greater(t, second, first, "a new server must not hand out a handle an old one gave")
}

func TestAuthPrune(t *testing.T) {
	now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	b := started(t, Options{Clock: clock, TicketLifetime: time.Minute}, shared)
	held := steam.NewSteamID(1, steam.AccountTypeIndividual, 1, 1)
	loose := steam.NewSteamID(1, steam.AccountTypeIndividual, 1, 2)
	th := b.IssueTicket(held)
	tl := b.IssueTicket(loose)
	tc := b.IssueTicket(loose)
	require.Equal(t, steam.BeginAuthSessionOK, b.BeginAuthSession(th.Bytes, held))
	require.Equal(t, steam.BeginAuthSessionOK, b.BeginAuthSession(tl.Bytes, loose))
	b.EndAuthSession(loose)
	b.CancelAuthTicket(tc.Handle)

	j := b.realm.journal
	b.RunFrame()
	assert.Len(t, b.auth.issued, 2, "nothing is old yet")
	assert.Len(t, j.used, 2)
	assert.Len(t, j.canceled, 1)

	now = now.Add(2 * time.Minute)
	b.RunFrame()
	assert.Len(t, b.auth.issued, 1, "only the ticket a session holds is kept")
	assert.Contains(t, b.auth.issued, th.Handle)
	assert.Empty(t, j.used)
	assert.Len(t, j.canceled, 1, "a cancellation is kept a while after expiry, for sessions elsewhere")

	now = now.Add(cancelGrace)
	b.RunFrame()
	assert.Empty(t, j.canceled)

	// Forgotten tickets are still refused: they are expired.
	assert.Equal(t, steam.BeginAuthSessionExpiredTicket, b.BeginAuthSession(tl.Bytes, loose))
}
