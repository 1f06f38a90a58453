package offline_test

import (
	"sync"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/gosteam/godot-steam-server/steam/offline"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fakeClock is a settable Options.Clock.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func newFakeClock() *fakeClock { return &fakeClock{now: time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)} }

// serverWithData starts a server on a fake clock, with a data file that fill sets up (nil: empty).
func serverWithData(t *testing.T, fill func(*offline.Data)) (*steam.Server, *offline.Backend, *fakeClock) {
	t.Helper()
	clock := newFakeClock()
	data := offline.NewData()
	if fill != nil {
		fill(data)
	}
	s, b := newServer(t, offline.Options{Clock: clock.Now, Data: data}, cfgAuth)
	return s, b, clock
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

func begin(t *testing.T, s *steam.Server, ticket []byte, id steam.SteamID) steam.BeginAuthSessionResult {
	t.Helper()
	r, err := s.BeginAuthSession(ticket, id)
	require.NoError(t, err)
	return r
}

func license(t *testing.T, s *steam.Server, id steam.SteamID, app int64) steam.UserHasLicenseResult {
	t.Helper()
	r, err := s.UserHasLicenseForApp(id, app)
	require.NoError(t, err)
	return r
}

func validated(id steam.SteamID, r steam.AuthSessionResponse) []steam.Event {
	return []steam.Event{steam.ValidateAuthTicketResponse{SteamID: id, Response: r, OwnerID: id}}
}

func TestGetAuthSessionTicket(t *testing.T) {
	realm := newRealm(t)
	s, _ := newServer(t, offline.Options{Realm: realm}, cfgAuth)
	require.NoError(t, s.LogOnAnonymous())
	drain(s)
	t1, err := s.GetAuthSessionTicket()
	require.NoError(t, err)
	t2, err := s.GetAuthSessionTicket()
	require.NoError(t, err)
	assert.NotZero(t, t1.Handle)
	assert.Equal(t, t1.Handle+1, t2.Handle, "handles count up")
	assert.NotEqual(t, t1.Bytes, t2.Bytes)
	assert.Len(t, t1.Bytes, 81)
	assert.Equal(t, []steam.Event{
		steam.GetAuthSessionTicketResponse{Ticket: t1.Handle, Result: steam.ResultOK},
		steam.GetAuthSessionTicketResponse{Ticket: t2.Handle, Result: steam.ResultOK},
	}, drain(s))

	// Another server of the realm verifies this server's ticket; a server of another realm cannot.
	peer, _ := newServer(t, offline.Options{Realm: realm}, cfgAuth)
	stranger, _ := newServer(t, offline.Options{}, cfgAuth)
	serverID := must[steam.SteamID](t)(s.SteamID())
	assert.Equal(t, steam.BeginAuthSessionInvalidTicket, begin(t, stranger, t1.Bytes, serverID), "another realm's key")
	assert.Equal(t, steam.BeginAuthSessionOK, begin(t, peer, t1.Bytes, serverID))
	assert.Equal(t, validated(serverID, steam.AuthSessionOK), drain(peer))
	assert.Equal(t, steam.UserHasLicense, license(t, peer, serverID, 480))
}

func TestTicketRoundTrip(t *testing.T) {
	s, b := newServer(t, offline.Options{}, cfgAuth)
	tk := b.IssueTicket(player)
	assert.NotZero(t, tk.Handle)
	assert.Empty(t, drain(s), "a player's ticket is issued on the player's side: no server event")

	assert.Equal(t, steam.UserLicenseNoAuth, license(t, s, player, 480))
	assert.Equal(t, steam.BeginAuthSessionOK, begin(t, s, tk.Bytes, player))
	assert.Equal(t, validated(player, steam.AuthSessionOK), drain(s))
	assert.Equal(t, steam.UserHasLicense, license(t, s, player, 480))

	require.NoError(t, s.EndAuthSession(player))
	assert.Equal(t, steam.UserLicenseNoAuth, license(t, s, player, 480))
	assert.Empty(t, drain(s), "EndAuthSession queues nothing")
	require.NoError(t, s.EndAuthSession(player2), "ending an unknown session is harmless")
}

// TestTicketOutcomes covers every answer BeginAuthSession gives, and the verdict that follows.
func TestTicketOutcomes(t *testing.T) {
	type env struct {
		s     *steam.Server
		b     *offline.Backend
		clock *fakeClock
	}
	tests := []struct {
		name    string
		data    func(*offline.Data)
		ticket  func(t *testing.T, e env) []byte // presented for player
		want    steam.BeginAuthSessionResult
		verdict steam.AuthSessionResponse // when want is OK
	}{
		{"genuine", nil, func(t *testing.T, e env) []byte { return e.b.IssueTicket(player).Bytes },
			steam.BeginAuthSessionOK, steam.AuthSessionOK},
		{"forged: signed with another realm's key", nil, func(t *testing.T, e env) []byte {
			_, other := newServer(t, offline.Options{}, cfgAuth)
			return other.IssueTicket(player).Bytes
		}, steam.BeginAuthSessionInvalidTicket, 0},
		{"truncated", nil, func(t *testing.T, e env) []byte { return e.b.IssueTicket(player).Bytes[:80] },
			steam.BeginAuthSessionInvalidTicket, 0},
		{"padded", nil, func(t *testing.T, e env) []byte { return append(e.b.IssueTicket(player).Bytes, 0) },
			steam.BeginAuthSessionInvalidTicket, 0},
		{"unknown version", nil, func(t *testing.T, e env) []byte {
			tk := e.b.IssueTicket(player).Bytes
			tk[0] = 3
			return tk
		}, steam.BeginAuthSessionInvalidVersion, 0},
		{"another app", nil, func(t *testing.T, e env) []byte { return e.b.IssueTicketForApp(player, 730).Bytes },
			steam.BeginAuthSessionGameMismatch, 0},
		{"another Steam ID", nil, func(t *testing.T, e env) []byte { return e.b.IssueTicket(player2).Bytes },
			steam.BeginAuthSessionInvalidTicket, 0},
		{"expired", nil, func(t *testing.T, e env) []byte {
			tk := e.b.IssueTicket(player).Bytes
			e.clock.Advance(offline.DefaultTicketLifetime)
			return tk
		}, steam.BeginAuthSessionExpiredTicket, 0},
		{"duplicate session", nil, func(t *testing.T, e env) []byte {
			require.Equal(t, steam.BeginAuthSessionOK, begin(t, e.s, e.b.IssueTicket(player).Bytes, player))
			drain(e.s)
			return e.b.IssueTicket(player).Bytes
		}, steam.BeginAuthSessionDuplicateRequest, 0},
		{"replayed", nil, func(t *testing.T, e env) []byte {
			tk := e.b.IssueTicket(player).Bytes
			require.Equal(t, steam.BeginAuthSessionOK, begin(t, e.s, tk, player))
			drain(e.s)
			require.NoError(t, e.s.EndAuthSession(player))
			return tk
		}, steam.BeginAuthSessionOK, steam.AuthSessionAuthTicketInvalidAlreadyUsed},
		{"canceled before use", nil, func(t *testing.T, e env) []byte {
			tk := e.b.IssueTicket(player)
			require.NoError(t, e.s.CancelAuthTicket(int64(tk.Handle)))
			return tk.Bytes
		}, steam.BeginAuthSessionOK, steam.AuthSessionAuthTicketCanceled},
		{"VAC banned", func(d *offline.Data) { d.VACBanned = map[steam.SteamID]bool{player: true} },
			func(t *testing.T, e env) []byte { return e.b.IssueTicket(player).Bytes },
			steam.BeginAuthSessionOK, steam.AuthSessionVACBanned},
		{"publisher banned", func(d *offline.Data) { d.PublisherBanned = map[steam.SteamID]bool{player: true} },
			func(t *testing.T, e env) []byte { return e.b.IssueTicket(player).Bytes },
			steam.BeginAuthSessionOK, steam.AuthSessionPublisherIssuedBan},
		{"does not own the server's app", func(d *offline.Data) { d.OwnsServerApp = false },
			func(t *testing.T, e env) []byte { return e.b.IssueTicket(player).Bytes },
			steam.BeginAuthSessionOK, steam.AuthSessionNoLicenseOrExpired},
		{"owns the server's app by the data file", func(d *offline.Data) {
			d.OwnsServerApp = false
			d.Users = map[steam.SteamID]offline.User{player: {Apps: []uint32{480}}}
		}, func(t *testing.T, e env) []byte { return e.b.IssueTicket(player).Bytes },
			steam.BeginAuthSessionOK, steam.AuthSessionOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, b, clock := serverWithData(t, tt.data)
			raw := tt.ticket(t, env{s, b, clock})
			assert.Equal(t, tt.want, begin(t, s, raw, player))
			if tt.want != steam.BeginAuthSessionOK {
				assert.Empty(t, drain(s), "a refused ticket queues nothing")
				if tt.want != steam.BeginAuthSessionDuplicateRequest {
					assert.Equal(t, steam.UserLicenseNoAuth, license(t, s, player, 480), "and starts no session")
				}
				return
			}
			assert.Equal(t, validated(player, tt.verdict), drain(s))
			want := steam.UserLicenseNoAuth
			if tt.verdict == steam.AuthSessionOK {
				want = steam.UserHasLicense
			}
			assert.Equal(t, want, license(t, s, player, 480))
			assert.Equal(t, steam.BeginAuthSessionDuplicateRequest, begin(t, s, b.IssueTicket(player).Bytes, player),
				"the session exists, whatever the verdict, until EndAuthSession")
		})
	}
}
