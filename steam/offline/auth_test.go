package offline_test

import (
	"crypto/rand"
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

func TestTicketBitFlipsRefused(t *testing.T) {
	s, b := newServer(t, offline.Options{}, cfgAuth)
	tk := b.IssueTicket(player)
	for i := range tk.Bytes {
		for bit := 0; bit < 8; bit++ {
			forged := append([]byte(nil), tk.Bytes...)
			forged[i] ^= 1 << bit
			want := steam.BeginAuthSessionInvalidTicket
			if i == 0 {
				want = steam.BeginAuthSessionInvalidVersion
			}
			if !assert.Equal(t, want, begin(t, s, forged, player), "byte %d bit %d", i, bit) {
				return
			}
		}
	}
	assert.Empty(t, drain(s), "refused tickets queue nothing")
	assert.Equal(t, steam.UserLicenseNoAuth, license(t, s, player, 480), "and start no session")
	assert.Equal(t, steam.BeginAuthSessionOK, begin(t, s, tk.Bytes, player), "the genuine ticket is still good")
	assert.Equal(t, validated(player, steam.AuthSessionOK), drain(s))
}

func TestTicketTruncationsRefused(t *testing.T) {
	s, b := newServer(t, offline.Options{}, cfgAuth)
	tk := b.IssueTicket(player)
	for n := 1; n < len(tk.Bytes); n++ {
		assert.Equal(t, steam.BeginAuthSessionInvalidTicket, begin(t, s, tk.Bytes[:n], player), "first %d bytes", n)
	}
	assert.Equal(t, steam.BeginAuthSessionInvalidTicket, begin(t, s, append(append([]byte(nil), tk.Bytes...), 0), player), "one byte appended")
	_, err := s.BeginAuthSession(nil, player)
	assert.Error(t, err, "empty tickets are refused by the front")

	for i := 0; i < 200; i++ {
		junk := make([]byte, 1+i%len(tk.Bytes)*2)
		_, _ = rand.Read(junk)
		r := begin(t, s, junk, player)
		assert.Contains(t, []steam.BeginAuthSessionResult{steam.BeginAuthSessionInvalidTicket, steam.BeginAuthSessionInvalidVersion}, r)
	}
	assert.Empty(t, drain(s))
	assert.Equal(t, steam.UserLicenseNoAuth, license(t, s, player, 480))
}

func TestTicketWrongApp(t *testing.T) {
	realm := newRealm(t)
	_, spacewar := newServer(t, offline.Options{Realm: realm}, cfgAuth)
	cfg := cfgAuth
	cfg.AppID = 730
	other, _ := newServer(t, offline.Options{Realm: realm}, cfg)
	tk := spacewar.IssueTicket(player)
	assert.Equal(t, steam.BeginAuthSessionGameMismatch, begin(t, other, tk.Bytes, player))
	assert.Empty(t, drain(other))
	assert.Equal(t, steam.UserLicenseNoAuth, license(t, other, player, 730))
}

func TestTicketWrongSteamID(t *testing.T) {
	s, b := newServer(t, offline.Options{}, cfgAuth)
	tk := b.IssueTicket(player)
	assert.Equal(t, steam.BeginAuthSessionInvalidTicket, begin(t, s, tk.Bytes, player2), "presented by someone else")
	server := must[steam.SteamID](t)(s.SteamID())
	own, err := s.GetAuthSessionTicket()
	require.NoError(t, err)
	drain(s)
	assert.Equal(t, steam.BeginAuthSessionInvalidTicket, begin(t, s, own.Bytes, player), "the server's ticket names the server")
	assert.Equal(t, steam.BeginAuthSessionOK, begin(t, s, own.Bytes, server))
	assert.Equal(t, validated(server, steam.AuthSessionOK), drain(s))
	assert.Equal(t, steam.UserLicenseNoAuth, license(t, s, player2, 480))
}

func TestTicketDuplicateSession(t *testing.T) {
	s, b := newServer(t, offline.Options{}, cfgAuth)
	first, second := b.IssueTicket(player), b.IssueTicket(player)
	assert.Equal(t, steam.BeginAuthSessionOK, begin(t, s, first.Bytes, player))
	drain(s)
	assert.Equal(t, steam.BeginAuthSessionDuplicateRequest, begin(t, s, second.Bytes, player))
	assert.Equal(t, steam.BeginAuthSessionDuplicateRequest, begin(t, s, first.Bytes, player))
	assert.Empty(t, drain(s))
	assert.Equal(t, steam.UserHasLicense, license(t, s, player, 480), "the first session is untouched")

	require.NoError(t, s.EndAuthSession(player))
	assert.Equal(t, steam.BeginAuthSessionOK, begin(t, s, second.Bytes, player), "after EndAuthSession a new session may start")
	assert.Equal(t, validated(player, steam.AuthSessionOK), drain(s))
}

func TestTicketReplay(t *testing.T) {
	s, b := newServer(t, offline.Options{}, cfgAuth)
	tk := b.IssueTicket(player)
	require.Equal(t, steam.BeginAuthSessionOK, begin(t, s, tk.Bytes, player))
	drain(s)
	require.NoError(t, s.EndAuthSession(player))

	assert.Equal(t, steam.BeginAuthSessionOK, begin(t, s, tk.Bytes, player), "Steam answers OK and reports reuse by callback")
	assert.Equal(t, validated(player, steam.AuthSessionAuthTicketInvalidAlreadyUsed), drain(s))
	assert.Equal(t, steam.UserLicenseNoAuth, license(t, s, player, 480), "a replayed ticket grants nothing")
	assert.Equal(t, steam.BeginAuthSessionDuplicateRequest, begin(t, s, b.IssueTicket(player).Bytes, player),
		"the failed session exists until EndAuthSession")
	require.NoError(t, s.EndAuthSession(player))
	assert.Equal(t, steam.BeginAuthSessionOK, begin(t, s, b.IssueTicket(player).Bytes, player))
	assert.Equal(t, validated(player, steam.AuthSessionOK), drain(s))
}

// A ticket is used once in the whole realm: on another server of the process, and after a restart.
func TestTicketReplayAcrossServersAndRestarts(t *testing.T) {
	realm := newRealm(t)
	a, issuer := newServer(t, offline.Options{Realm: realm}, cfgAuth)
	b, _ := newServer(t, offline.Options{Realm: realm}, cfgAuth)
	tk := issuer.IssueTicket(player)
	require.Equal(t, steam.BeginAuthSessionOK, begin(t, a, tk.Bytes, player))
	assert.Equal(t, validated(player, steam.AuthSessionOK), drain(a))

	assert.Equal(t, steam.BeginAuthSessionOK, begin(t, b, tk.Bytes, player))
	assert.Equal(t, validated(player, steam.AuthSessionAuthTicketInvalidAlreadyUsed), drain(b), "used on another server")

	require.NoError(t, a.Shutdown())
	require.NoError(t, a.Init(cfgAuth))
	assert.Equal(t, steam.BeginAuthSessionOK, begin(t, a, tk.Bytes, player))
	assert.Equal(t, validated(player, steam.AuthSessionAuthTicketInvalidAlreadyUsed), drain(a), "after serverShutdown and serverInit")
}

func TestTicketCanceled(t *testing.T) {
	t.Run("while in a session", func(t *testing.T) {
		s, b := newServer(t, offline.Options{}, cfgAuth)
		tk := b.IssueTicket(player)
		other := b.IssueTicket(player2)
		require.Equal(t, steam.BeginAuthSessionOK, begin(t, s, tk.Bytes, player))
		require.Equal(t, steam.BeginAuthSessionOK, begin(t, s, other.Bytes, player2))
		drain(s)

		require.NoError(t, s.CancelAuthTicket(int64(tk.Handle)))
		assert.Equal(t, validated(player, steam.AuthSessionAuthTicketCanceled), drain(s))
		assert.Equal(t, steam.UserLicenseNoAuth, license(t, s, player, 480))
		assert.Equal(t, steam.UserHasLicense, license(t, s, player2, 480), "other sessions are untouched")

		require.NoError(t, s.CancelAuthTicket(int64(tk.Handle)))
		require.NoError(t, s.CancelAuthTicket(999))
		assert.Empty(t, drain(s), "canceling again or an unknown handle does nothing")
	})

	t.Run("before BeginAuthSession", func(t *testing.T) {
		s, b := newServer(t, offline.Options{}, cfgAuth)
		tk := b.IssueTicket(player)
		require.NoError(t, s.CancelAuthTicket(int64(tk.Handle)))
		assert.Empty(t, drain(s))
		assert.Equal(t, steam.BeginAuthSessionOK, begin(t, s, tk.Bytes, player))
		assert.Equal(t, validated(player, steam.AuthSessionAuthTicketCanceled), drain(s))
		assert.Equal(t, steam.UserLicenseNoAuth, license(t, s, player, 480))
	})

	t.Run("the server's own ticket", func(t *testing.T) {
		s, _ := newServer(t, offline.Options{}, cfgAuth)
		own, err := s.GetAuthSessionTicket()
		require.NoError(t, err)
		server := must[steam.SteamID](t)(s.SteamID())
		require.Equal(t, steam.BeginAuthSessionOK, begin(t, s, own.Bytes, server))
		drain(s)
		require.NoError(t, s.CancelAuthTicket(int64(own.Handle)))
		assert.Equal(t, validated(server, steam.AuthSessionAuthTicketCanceled), drain(s))
	})

	t.Run("on another server of the realm", func(t *testing.T) {
		clock := newFakeClock()
		realm := newRealm(t)
		issuer, ib := newServer(t, offline.Options{Realm: realm, Clock: clock.Now}, cfgAuth)
		verifier, _ := newServer(t, offline.Options{Realm: realm, Clock: clock.Now}, cfgAuth)
		tk := ib.IssueTicket(player)
		require.Equal(t, steam.BeginAuthSessionOK, begin(t, verifier, tk.Bytes, player))
		drain(verifier)
		verifier.RunFrame()

		require.NoError(t, issuer.CancelAuthTicket(int64(tk.Handle)))
		assert.Empty(t, drain(issuer), "the issuer holds no session")
		verifier.RunFrame()
		assert.Empty(t, drain(verifier), "seen at the next check, once a second")
		assert.Equal(t, steam.UserHasLicense, license(t, verifier, player, 480))
		clock.Advance(time.Second)
		verifier.RunFrame()
		assert.Equal(t, validated(player, steam.AuthSessionAuthTicketCanceled), drain(verifier))
		assert.Equal(t, steam.UserLicenseNoAuth, license(t, verifier, player, 480))
		clock.Advance(time.Second)
		verifier.RunFrame()
		assert.Empty(t, drain(verifier), "reported once")
	})
}

func TestTicketExpiry(t *testing.T) {
	clock := newFakeClock()
	s, b := newServer(t, offline.Options{Clock: clock.Now, TicketLifetime: time.Minute}, cfgAuth)
	young, old := b.IssueTicket(player), b.IssueTicket(player2)
	clock.Advance(time.Minute - time.Millisecond)
	assert.Equal(t, steam.BeginAuthSessionOK, begin(t, s, young.Bytes, player), "still valid just before the end of its life")
	clock.Advance(time.Millisecond)
	assert.Equal(t, steam.BeginAuthSessionExpiredTicket, begin(t, s, old.Bytes, player2))
	assert.Equal(t, validated(player, steam.AuthSessionOK), drain(s))
	assert.Equal(t, steam.UserLicenseNoAuth, license(t, s, player2, 480))

	// A long session survives expiry and the RunFrame clean-up: cancellation still reaches it.
	clock.Advance(time.Hour)
	s.RunFrame()
	require.NoError(t, s.CancelAuthTicket(int64(young.Handle)))
	assert.Equal(t, validated(player, steam.AuthSessionAuthTicketCanceled), drain(s))
}

// The expiry is the issuer's, written in the ticket: the verifier's own lifetime does not matter.
func TestTicketExpiryIsTheIssuers(t *testing.T) {
	clock := newFakeClock()
	realm := newRealm(t)
	_, issuer := newServer(t, offline.Options{Realm: realm, Clock: clock.Now, TicketLifetime: 3 * time.Hour}, cfgAuth)
	verifier, _ := newServer(t, offline.Options{Realm: realm, Clock: clock.Now, TicketLifetime: time.Minute}, cfgAuth)
	tk := issuer.IssueTicket(player)
	clock.Advance(2 * time.Hour)
	assert.Equal(t, steam.BeginAuthSessionOK, begin(t, verifier, tk.Bytes, player))
	assert.Equal(t, validated(player, steam.AuthSessionOK), drain(verifier))
	require.NoError(t, verifier.EndAuthSession(player))
	clock.Advance(time.Hour)
	assert.Equal(t, steam.BeginAuthSessionExpiredTicket, begin(t, verifier, tk.Bytes, player))
}

func TestDefaultTicketLifetime(t *testing.T) {
	clock := newFakeClock()
	s, b := newServer(t, offline.Options{Clock: clock.Now}, cfgAuth)
	tk := b.IssueTicket(player)
	clock.Advance(offline.DefaultTicketLifetime)
	assert.Equal(t, steam.BeginAuthSessionExpiredTicket, begin(t, s, tk.Bytes, player))
}

func TestLicenses(t *testing.T) {
	const dlc, otherDLC = 1001, 1002
	data := offline.NewData()
	data.Users = map[steam.SteamID]offline.User{player: {Apps: []uint32{dlc}}, player2: {Apps: []uint32{otherDLC}}}
	s, b := newServer(t, offline.Options{Data: data}, cfgAuth)
	assert.Equal(t, steam.UserLicenseNoAuth, license(t, s, player, dlc), "no session")

	require.Equal(t, steam.BeginAuthSessionOK, begin(t, s, b.IssueTicket(player).Bytes, player))
	tests := []struct {
		name string
		app  int64
		want steam.UserHasLicenseResult
	}{
		{"the server's app", 480, steam.UserHasLicense},
		{"listed DLC", dlc, steam.UserHasLicense},
		{"someone else's DLC", otherDLC, steam.UserDoesNotHaveLicense},
		{"unlisted app", 730, steam.UserDoesNotHaveLicense},
		{"app 0", 0, steam.UserDoesNotHaveLicense},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, license(t, s, player, tt.app))
		})
	}
	assert.Equal(t, steam.UserLicenseNoAuth, license(t, s, player2, otherDLC), "listed, but not authenticated")
	require.NoError(t, s.EndAuthSession(player))
	assert.Equal(t, steam.UserLicenseNoAuth, license(t, s, player, dlc), "session ended")
}

func TestLicensesWhenNotEveryoneOwnsTheApp(t *testing.T) {
	data := offline.NewData()
	data.OwnsServerApp = false
	data.Users = map[steam.SteamID]offline.User{player: {Apps: []uint32{480, 1001}}}
	s, b := newServer(t, offline.Options{Data: data}, cfgAuth)
	require.Equal(t, steam.BeginAuthSessionOK, begin(t, s, b.IssueTicket(player).Bytes, player))
	require.Equal(t, steam.BeginAuthSessionOK, begin(t, s, b.IssueTicket(player2).Bytes, player2))
	assert.Equal(t, append(validated(player, steam.AuthSessionOK), validated(player2, steam.AuthSessionNoLicenseOrExpired)...), drain(s))
	assert.Equal(t, steam.UserHasLicense, license(t, s, player, 480))
	assert.Equal(t, steam.UserHasLicense, license(t, s, player, 1001))
	assert.Equal(t, steam.UserLicenseNoAuth, license(t, s, player2, 480), "a failed verdict authenticates nothing")
}
