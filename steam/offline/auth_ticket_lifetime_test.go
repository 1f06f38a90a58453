package offline_test

import (
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/gosteam/godot-steam-server/steam/offline"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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
