package offline_test

import (
	"crypto/rand"
	"testing"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/gosteam/godot-steam-server/steam/offline"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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
