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
	s, _ := newServer(t, offline.Options{}, cfgAuth)
	require.NoError(t, s.LogOnAnonymous())
	drain(s)
	t1, err := s.GetAuthSessionTicket()
	require.NoError(t, err)
	t2, err := s.GetAuthSessionTicket()
	require.NoError(t, err)
	assert.NotZero(t, t1.Handle)
	assert.Equal(t, t1.Handle+1, t2.Handle, "handles count up")
	assert.NotEqual(t, t1.Bytes, t2.Bytes)
	assert.LessOrEqual(t, len(t1.Bytes), steam.MaxTicketLen)
	assert.Equal(t, []steam.Event{
		steam.GetAuthSessionTicketResponse{Ticket: t1.Handle, Result: steam.ResultOK},
		steam.GetAuthSessionTicketResponse{Ticket: t2.Handle, Result: steam.ResultOK},
	}, drain(s))

	// Another server in the same process verifies this server's ticket.
	peer, _ := newServer(t, offline.Options{}, cfgAuth)
	serverID := must[steam.SteamID](t)(s.SteamID())
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
	_, spacewar := newServer(t, offline.Options{}, cfgAuth)
	cfg := cfgAuth
	cfg.AppID = 730
	other, _ := newServer(t, offline.Options{}, cfg)
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

func TestDefaultTicketLifetime(t *testing.T) {
	clock := newFakeClock()
	s, b := newServer(t, offline.Options{Clock: clock.Now}, cfgAuth)
	tk := b.IssueTicket(player)
	clock.Advance(offline.DefaultTicketLifetime)
	assert.Equal(t, steam.BeginAuthSessionExpiredTicket, begin(t, s, tk.Bytes, player))
}

func TestLicenses(t *testing.T) {
	const dlc, otherDLC = 1001, 1002
	opts := offline.Options{Licenses: map[steam.SteamID][]uint32{player: {dlc}, player2: {otherDLC}}}
	s, b := newServer(t, opts, cfgAuth)
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
