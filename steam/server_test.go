package steam

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	testCfg    = InitConfig{GamePort: 27015, QueryPort: 27016, Mode: ServerModeAuthentication, Version: "1.0.0", AppID: 480}
	testPlayer = NewSteamID(UniversePublic, AccountTypeIndividual, 1, 1234)
	testGroup  = NewSteamID(UniversePublic, AccountTypeClan, 0, 99)
)

// newTestServer returns a server whose backends are fakes; made counts how many were created.
func newTestServer() (s *Server, fb *fakeBackend, made *int) {
	fb = &fakeBackend{}
	made = new(int)
	s = NewServer(func() (Backend, error) { *made++; return fb, nil })
	return s, fb, made
}

func startedServer(t *testing.T) (*Server, *fakeBackend) {
	t.Helper()
	s, fb, _ := newTestServer()
	require.NoError(t, s.Init(testCfg))
	return s, fb
}

func requireArgError(t *testing.T, err error, arg string) {
	t.Helper()
	var ae *ArgError
	require.ErrorAs(t, err, &ae)
	assert.Equal(t, arg, ae.Arg)
}

// frontCalls is every front method that needs serverInit, each called with valid arguments.
var frontCalls = []struct {
	name string
	call func(*Server) error
}{
	{"SetProduct", func(s *Server) error { return s.SetString(FieldProduct, "480") }},
	{"SetGameDescription", func(s *Server) error { return s.SetString(FieldDescription, "Spacewar") }},
	{"SetModDir", func(s *Server) error { return s.SetString(FieldModDir, "spacewar") }},
	{"SetDedicatedServer", func(s *Server) error { return s.SetBool(FieldDedicated, true) }},
	{"SetServerName", func(s *Server) error { return s.SetString(FieldServerName, "name") }},
	{"SetMapName", func(s *Server) error { return s.SetString(FieldMapName, "map") }},
	{"SetSpectatorServerName", func(s *Server) error { return s.SetString(FieldSpectatorName, "tv") }},
	{"SetGameTags", func(s *Server) error { return s.SetString(FieldGameTags, "a,b") }},
	{"SetGameData", func(s *Server) error { return s.SetString(FieldGameData, "d") }},
	{"SetRegion", func(s *Server) error { return s.SetString(FieldRegion, "eu") }},
	{"SetPasswordProtected", func(s *Server) error { return s.SetBool(FieldPasswordProtected, true) }},
	{"SetAdvertiseServerActive", func(s *Server) error { return s.SetBool(FieldAdvertiseActive, true) }},
	{"SetMaxPlayerCount", func(s *Server) error { return s.SetInt(FieldMaxPlayers, 8) }},
	{"SetBotPlayerCount", func(s *Server) error { return s.SetInt(FieldBotPlayers, 2) }},
	{"SetSpectatorPort", func(s *Server) error { return s.SetInt(FieldSpectatorPort, 27020) }},
	{"SetHeartbeatInterval", func(s *Server) error { return s.SetInt(FieldHeartbeatInterval, 30) }},
	{"SetKeyValue", func(s *Server) error { return s.SetKeyValue("k", "v") }},
	{"ClearAllKeyValues", func(s *Server) error { return s.ClearAllKeyValues() }},
	{"LogOn", func(s *Server) error { return s.LogOn("token") }},
	{"LogOnAnonymous", func(s *Server) error { return s.LogOnAnonymous() }},
	{"LogOff", func(s *Server) error { return s.LogOff() }},
	{"LoggedOn", func(s *Server) error { _, err := s.LoggedOn(); return err }},
	{"Secure", func(s *Server) error { _, err := s.Secure(); return err }},
	{"SteamID", func(s *Server) error { _, err := s.SteamID(); return err }},
	{"PublicIP", func(s *Server) error { _, err := s.PublicIP(); return err }},
	{"WasRestartRequested", func(s *Server) error { _, err := s.WasRestartRequested(); return err }},
	{"ReleaseCurrentThreadMemory", func(s *Server) error { return s.ReleaseCurrentThreadMemory() }},
	{"GetAuthSessionTicket", func(s *Server) error { _, err := s.GetAuthSessionTicket(); return err }},
	{"BeginAuthSession", func(s *Server) error { _, err := s.BeginAuthSession([]byte{1}, testPlayer); return err }},
	{"EndAuthSession", func(s *Server) error { return s.EndAuthSession(testPlayer) }},
	{"CancelAuthTicket", func(s *Server) error { return s.CancelAuthTicket(1) }},
	{"UserHasLicenseForApp", func(s *Server) error { _, err := s.UserHasLicenseForApp(testPlayer, 480); return err }},
	{"RequestUserGroupStatus", func(s *Server) error { _, err := s.RequestUserGroupStatus(testPlayer, testGroup); return err }},
	{"AssociateWithClan", func(s *Server) error { return s.AssociateWithClan(testGroup) }},
	{"ComputeNewPlayerCompatibility", func(s *Server) error { return s.ComputeNewPlayerCompatibility(testPlayer) }},
	{"HandleIncomingPacket", func(s *Server) error {
		_, err := s.HandleIncomingPacket([]byte{0xFF, 0xFF, 0xFF, 0xFF}, "10.0.0.1", 27005)
		return err
	}},
	{"NextOutgoingPacket", func(s *Server) error { _, err := s.NextOutgoingPacket(make([]byte, 16)); return err }},
	{"SendUserConnectAndAuthenticate", func(s *Server) error {
		_, err := s.SendUserConnectAndAuthenticate(0x0A000002, []byte{1}, testPlayer)
		return err
	}},
	{"CreateUnauthenticatedUserConnection", func(s *Server) error { _, err := s.CreateUnauthenticatedUserConnection(); return err }},
	{"SendUserDisconnect", func(s *Server) error { return s.SendUserDisconnect(testPlayer) }},
	{"UpdateUserData", func(s *Server) error { _, err := s.UpdateUserData(testPlayer, "name", 1); return err }},
	{"Shutdown", func(s *Server) error { return s.Shutdown() }},
}

func TestCallsBeforeInitRefused(t *testing.T) {
	for _, tt := range frontCalls {
		t.Run(tt.name, func(t *testing.T) {
			s, fb, made := newTestServer()
			assert.ErrorIs(t, tt.call(s), ErrNotInitialized)
			assert.Equal(t, State{HeartbeatInterval: -1}, s.State(), "state unchanged")
			assert.Zero(t, *made, "no backend is created")
			assert.Empty(t, fb.Calls())
			assert.False(t, s.Initialized())
			assert.Empty(t, s.BackendName())
		})
	}
	s, fb, _ := newTestServer()
	s.RunFrame() // allowed from the first frame, does nothing
	assert.Empty(t, fb.Calls())
}

func TestCallsAfterShutdownRefused(t *testing.T) {
	for _, tt := range frontCalls {
		t.Run(tt.name, func(t *testing.T) {
			s, fb := startedServer(t)
			require.NoError(t, s.SetString(FieldServerName, "kept"))
			require.NoError(t, s.Shutdown())
			before := s.State()
			n := len(fb.Calls())
			assert.ErrorIs(t, tt.call(s), ErrNotInitialized)
			assert.Equal(t, before, s.State())
			assert.Equal(t, "kept", s.State().ServerName, "state stays readable after shutdown")
			assert.Len(t, fb.Calls(), n, "the backend sees nothing")
		})
	}
}

func TestCallsAfterInitForwarded(t *testing.T) {
	for _, tt := range frontCalls {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := startedServer(t)
			assert.NoError(t, tt.call(s))
		})
	}
}

func TestInitValidation(t *testing.T) {
	tests := []struct {
		name string
		cfg  func(*InitConfig)
		arg  string // "" = accepted
	}{
		{"mode 1", func(c *InitConfig) { c.Mode = ServerModeNoAuthentication }, ""},
		{"mode 2", func(c *InitConfig) { c.Mode = ServerModeAuthentication }, ""},
		{"mode 3", func(c *InitConfig) { c.Mode = ServerModeAuthenticationAndSecure }, ""},
		{"mode 0", func(c *InitConfig) { c.Mode = ServerModeInvalid }, "server_mode"},
		{"mode 4", func(c *InitConfig) { c.Mode = 4 }, "server_mode"},
		{"mode -1", func(c *InitConfig) { c.Mode = -1 }, "server_mode"},
		{"empty version", func(c *InitConfig) { c.Version = "" }, ""},
		{"version at limit", func(c *InitConfig) { c.Version = strings.Repeat("9", MaxVersionLen) }, ""},
		{"version one over", func(c *InitConfig) { c.Version = strings.Repeat("9", MaxVersionLen+1) }, "version_number"},
		{"shared query port", func(c *InitConfig) { c.QueryPort = QueryPortShared }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, fb, made := newTestServer()
			cfg := testCfg
			tt.cfg(&cfg)
			err := s.Init(cfg)
			if tt.arg != "" {
				requireArgError(t, err, tt.arg)
				assert.False(t, s.Initialized())
				assert.Zero(t, *made)
				assert.Equal(t, State{HeartbeatInterval: -1}, s.State())
				return
			}
			require.NoError(t, err)
			assert.True(t, s.Initialized())
			assert.Equal(t, "fake", s.BackendName())
			assert.Equal(t, cfg, s.State().Init)
			assert.Equal(t, int32(-1), s.State().HeartbeatInterval, "default heartbeat")
			assert.Same(t, s.Events(), fb.events, "the backend gets the server's queue")
		})
	}
}

func TestInitTwiceRefused(t *testing.T) {
	s, _, made := newTestServer()
	require.NoError(t, s.Init(testCfg))
	require.NoError(t, s.SetString(FieldServerName, "first"))
	err := s.Init(testCfg)
	require.Error(t, err)
	assert.Equal(t, 1, *made)
	assert.Equal(t, "first", s.State().ServerName, "a refused Init does not reset state")

	require.NoError(t, s.Shutdown())
	require.NoError(t, s.Init(testCfg), "Init works again after Shutdown")
	assert.Equal(t, 2, *made, "a fresh backend per Init")
	assert.Empty(t, s.State().ServerName, "state starts over at Init")
}

func TestInitBackendErrors(t *testing.T) {
	boom := errors.New("no steamclient.so")
	s := NewServer(func() (Backend, error) { return nil, boom })
	assert.ErrorIs(t, s.Init(testCfg), boom)
	assert.False(t, s.Initialized())
	assert.Empty(t, s.BackendName())

	fb := &fakeBackend{initErr: &InitError{Status: InitNoSteamClient, Message: "no client"}}
	s = NewServer(func() (Backend, error) { return fb, nil })
	var ie *InitError
	require.ErrorAs(t, s.Init(testCfg), &ie)
	assert.Equal(t, InitNoSteamClient, ie.Status)
	assert.False(t, s.Initialized())
	assert.ErrorIs(t, s.SetString(FieldServerName, "x"), ErrNotInitialized)

	fb.initErr = nil
	require.NoError(t, s.Init(testCfg), "a failed Init can be retried")
	assert.True(t, s.Initialized())
}

func TestShutdownCallsBackend(t *testing.T) {
	s, fb := startedServer(t)
	s.RunFrame()
	require.NoError(t, s.Shutdown())
	assert.Equal(t, []string{`Init(0,27015,27016,2,"1.0.0",480)`, "RunFrame", "Shutdown"}, fb.Calls())
	assert.ErrorIs(t, s.Shutdown(), ErrNotInitialized, "second Shutdown refused")
	s.RunFrame() // after shutdown: nothing
	assert.Len(t, fb.Calls(), 3)
}

func TestStatusReads(t *testing.T) {
	s, _ := startedServer(t)
	on, err := s.LoggedOn()
	require.NoError(t, err)
	assert.False(t, on)
	require.NoError(t, s.LogOnAnonymous())
	on, err = s.LoggedOn()
	require.NoError(t, err)
	assert.True(t, on)
	id, err := s.SteamID()
	require.NoError(t, err)
	assert.True(t, id.Valid())
	ip, err := s.PublicIP()
	require.NoError(t, err)
	assert.Equal(t, uint32(0x7F000001), ip.IPv4)
}
