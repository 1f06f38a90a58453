package offline_test

import (
	"testing"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/gosteam/godot-steam-server/steam/offline"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestScriptedEvents(t *testing.T) {
	tests := []struct {
		name   string
		script func(s *steam.Server) error
		want   []steam.Event
	}{
		{"kick", func(s *steam.Server) error { return s.OfflineKickClient(player, int64(steam.DenyCheater)) },
			[]steam.Event{steam.ClientKick{SteamID: player, Reason: steam.DenyCheater}}},
		{"deny", func(s *steam.Server) error { return s.OfflineDenyClient(player, int64(steam.DenyNoLicense)) },
			[]steam.Event{steam.ClientDenied{SteamID: player, Reason: steam.DenyNoLicense}}},
		{"connect failure", func(s *steam.Server) error { return s.OfflineConnectFailure(int64(steam.ResultNoConnection), true) },
			[]steam.Event{steam.ServerConnectFailure{Result: steam.ResultNoConnection, Retrying: true}}},
		{"policy response", func(s *steam.Server) error { return s.OfflinePolicyResponse(true) },
			[]steam.Event{steam.PolicyResponse{Secure: true}}},
		{"restart request", func(s *steam.Server) error { return s.OfflineRequestRestart() }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := newServer(t, offline.Options{}, cfgAuth)
			require.NoError(t, tt.script(s))
			assert.Equal(t, tt.want, drain(s))
		})
	}
}

func TestScriptedConnectionEvents(t *testing.T) {
	s, _ := newServer(t, offline.Options{}, cfgAuth)
	loggedOn := func() bool { return must[bool](t)(s.LoggedOn()) }

	err := s.OfflineDisconnect(int64(steam.ResultNoConnection))
	assert.ErrorContains(t, err, "not logged on")
	assert.Empty(t, drain(s))

	require.NoError(t, s.LogOnAnonymous())
	drain(s)
	require.NoError(t, s.OfflineDisconnect(int64(steam.ResultNoConnection)))
	assert.Equal(t, []steam.Event{steam.ServerDisconnected{Result: steam.ResultNoConnection}}, drain(s))
	assert.False(t, loggedOn())
	require.NoError(t, s.OfflineConnectFailure(int64(steam.ResultTimeout), true))
	assert.Equal(t, []steam.Event{steam.ServerConnectFailure{Result: steam.ResultTimeout, Retrying: true}}, drain(s))
	require.NoError(t, s.LogOnAnonymous(), "Steam is back")
	assert.Equal(t, []steam.Event{steam.ServerConnected{}, steam.PolicyResponse{Secure: false}}, drain(s))
	assert.True(t, loggedOn())

	require.NoError(t, s.OfflineConnectFailure(int64(steam.ResultServiceUnavailable), false))
	assert.False(t, loggedOn(), "a connect failure leaves the server logged off")
	drain(s)

	require.NoError(t, s.LogOnAnonymous())
	require.NoError(t, s.OfflineConnectFailure(int64(steam.ResultNoConnection), true))
	assert.Equal(t, []steam.Event{steam.ServerConnectFailure{Result: steam.ResultNoConnection, Retrying: true}}, drain(s),
		"a log-on still connecting fails")
	assert.False(t, loggedOn())
}

func TestLogOffWhileConnecting(t *testing.T) {
	s, _ := newServer(t, offline.Options{}, cfgAuth)
	require.NoError(t, s.LogOnAnonymous())
	require.NoError(t, s.LogOff())
	assert.Empty(t, drain(s), "the log-on was canceled: no server_connected, no server_disconnected")
	assert.False(t, must[bool](t)(s.LoggedOn()))
	require.NoError(t, s.LogOnAnonymous())
	assert.Equal(t, []steam.Event{steam.ServerConnected{}, steam.PolicyResponse{Secure: false}}, drain(s))
	assert.True(t, must[bool](t)(s.LoggedOn()))
}

func TestScriptedPolicyResponse(t *testing.T) {
	cfg := cfgAuth
	cfg.Mode = steam.ServerModeAuthenticationAndSecure
	s, _ := newServer(t, offline.Options{}, cfg)
	secure := func() bool { return must[bool](t)(s.Secure()) }
	require.NoError(t, s.LogOnAnonymous())
	drain(s)
	assert.True(t, secure())
	require.NoError(t, s.OfflinePolicyResponse(false))
	assert.Equal(t, []steam.Event{steam.PolicyResponse{Secure: false}}, drain(s))
	assert.False(t, secure(), "Steam said the server is not secure")
	require.NoError(t, s.LogOff())
	require.NoError(t, s.LogOnAnonymous())
	drain(s)
	assert.True(t, secure(), "a new log-on asks again")
	require.NoError(t, s.LogOff())
	require.NoError(t, s.OfflinePolicyResponse(true))
	assert.False(t, secure(), "never secure while logged off")
}

func TestScriptedRestartRequest(t *testing.T) {
	s, _ := newServer(t, offline.Options{}, cfgAuth)
	require.NoError(t, s.OfflineRequestRestart())
	assert.True(t, must[bool](t)(s.WasRestartRequested()))
	assert.False(t, must[bool](t)(s.WasRestartRequested()), "once per request")
}

func TestScriptedAuthSessionResponse(t *testing.T) {
	s, b := newServer(t, offline.Options{}, cfgAuth)
	err := s.OfflineAuthSessionResponse(player, int64(steam.AuthSessionVACBanned))
	assert.ErrorContains(t, err, "no auth session")
	require.Equal(t, steam.BeginAuthSessionOK, begin(t, s, b.IssueTicket(player).Bytes, player))
	drain(s)
	require.NoError(t, s.OfflineAuthSessionResponse(player, int64(steam.AuthSessionUserNotConnectedToSteam)))
	assert.Equal(t, validated(player, steam.AuthSessionUserNotConnectedToSteam), drain(s))
	assert.Equal(t, steam.UserLicenseNoAuth, license(t, s, player, 480), "the session is no longer validated")
	require.NoError(t, s.OfflineAuthSessionResponse(player, int64(steam.AuthSessionOK)))
	assert.Equal(t, validated(player, steam.AuthSessionOK), drain(s))
	assert.Equal(t, steam.UserHasLicense, license(t, s, player, 480))
}

func TestScriptedIssueTicket(t *testing.T) {
	s, _ := newServer(t, offline.Options{}, cfgAuth)
	tk, err := s.OfflineIssueTicket(player, 0)
	require.NoError(t, err)
	assert.NotZero(t, tk.Handle)
	assert.Empty(t, drain(s), "the player's client got the ticket: nothing for the server")
	other, err := s.OfflineIssueTicket(player2, 730)
	require.NoError(t, err)
	assert.Equal(t, steam.BeginAuthSessionGameMismatch, begin(t, s, other.Bytes, player2))
	assert.Equal(t, steam.BeginAuthSessionOK, begin(t, s, tk.Bytes, player))
	assert.Equal(t, validated(player, steam.AuthSessionOK), drain(s))
	require.NoError(t, s.CancelAuthTicket(int64(tk.Handle)), "the player cancels it")
	assert.Equal(t, validated(player, steam.AuthSessionAuthTicketCanceled), drain(s))
}

func TestScriptedArguments(t *testing.T) {
	s, _ := newServer(t, offline.Options{}, cfgAuth)
	for _, tt := range []struct {
		name string
		err  error
		arg  string
	}{
		{"kick steam_id", s.OfflineKickClient(0, 1), "steam_id"},
		{"kick reason", s.OfflineKickClient(player, 16), "reason"},
		{"deny reason", s.OfflineDenyClient(player, -1), "reason"},
		{"auth response", s.OfflineAuthSessionResponse(player, 11), "response"},
		{"connect failure result", s.OfflineConnectFailure(0, true), "result"},
		{"disconnect result", s.OfflineDisconnect(-2), "result"},
		{"issue steam_id", func() error { _, err := s.OfflineIssueTicket(0, 0); return err }(), "steam_id"},
		{"issue app", func() error { _, err := s.OfflineIssueTicket(player, 1<<32); return err }(), "app_id"},
	} {
		var ae *steam.ArgError
		if assert.ErrorAs(t, tt.err, &ae, tt.name) {
			assert.Equal(t, tt.arg, ae.Arg, tt.name)
		}
	}
	assert.Empty(t, drain(s))
}
