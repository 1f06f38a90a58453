package steam

import (
	"errors"
	"math"
	"strconv"
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

func TestParseIPv4(t *testing.T) {
	tests := []struct {
		in   string
		want uint32
		ok   bool
	}{
		{"", 0, true},
		{"0.0.0.0", 0, true},
		{"127.0.0.1", 0x7F000001, true},
		{"192.168.1.20", 0xC0A80114, true},
		{"10.0.0.1", 0x0A000001, true},
		{"255.255.255.255", 0xFFFFFFFF, true},
		{"localhost", 0, false},
		{"1.2.3", 0, false},
		{"1.2.3.4.5", 0, false},
		{"256.1.1.1", 0, false},
		{"01.2.3.4", 0, false},
		{" 1.2.3.4", 0, false},
		{"1.2.3.4:27015", 0, false},
		{"::1", 0, false},
		{"::ffff:1.2.3.4", 0, false},
		{"-1", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseIPv4(tt.in)
			if !tt.ok {
				requireArgError(t, err, "ip")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
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

type stringSetter struct {
	name  string
	arg   string
	max   int
	get   func(State) string
	field Field
}

var stringSetters = []stringSetter{
	{"SetProduct", "product", 63, func(s State) string { return s.Product }, FieldProduct},
	{"SetGameDescription", "description", 63, func(s State) string { return s.Description }, FieldDescription},
	{"SetModDir", "modDir", 31, func(s State) string { return s.ModDir }, FieldModDir},
	{"SetServerName", "name", 63, func(s State) string { return s.ServerName }, FieldServerName},
	{"SetMapName", "map", 31, func(s State) string { return s.MapName }, FieldMapName},
	{"SetSpectatorServerName", "name", 63, func(s State) string { return s.SpectatorName }, FieldSpectatorName},
	{"SetGameTags", "tags", 127, func(s State) string { return s.GameTags }, FieldGameTags},
	{"SetGameData", "data", 2047, func(s State) string { return s.GameData }, FieldGameData},
	{"SetRegion", "region", 31, func(s State) string { return s.Region }, FieldRegion},
}

// set is the setter of the row's field.
func (tt stringSetter) set(s *Server, v string) error { return s.SetString(tt.field, v) }

func TestStringLimits(t *testing.T) {
	for _, tt := range stringSetters {
		t.Run(tt.name, func(t *testing.T) {
			s, fb := startedServer(t)
			atLimit := strings.Repeat("a", tt.max)
			require.NoError(t, tt.set(s, atLimit))
			assert.Equal(t, atLimit, tt.get(s.State()))
			assert.Equal(t, []Field{tt.field}, fb.applied, "the backend is told which field changed")

			before := s.State()
			over := []string{
				strings.Repeat("b", tt.max+1),
				strings.Repeat("b", tt.max-1) + "é", // limits count bytes, not characters
				strings.Repeat("b", 10*tt.max),
			}
			for _, v := range over {
				requireArgError(t, tt.set(s, v), tt.arg)
				assert.Equal(t, before, s.State(), "a refused value changes nothing")
			}
			assert.Len(t, fb.applied, 1, "the backend does not hear of refused values")

			require.NoError(t, tt.set(s, ""), "empty is allowed")
			assert.Empty(t, tt.get(s.State()))
		})
	}
}

func TestLogOnTokenLimits(t *testing.T) {
	s, fb := startedServer(t)
	requireArgError(t, s.LogOn(""), "token")
	requireArgError(t, s.LogOn(strings.Repeat("t", MaxTokenLen+1)), "token")
	require.NoError(t, s.SetString(FieldProduct, "480"), "a refused LogOn does not count as logging on")
	require.NoError(t, s.LogOn(strings.Repeat("t", MaxTokenLen)))
	assert.Contains(t, fb.Calls(), "LogOn("+strings.Repeat("t", MaxTokenLen)+")")
}

func TestSetBeforeLogOnOnly(t *testing.T) {
	beforeLogOn := []struct {
		name string
		set  func(*Server) error
	}{
		{"SetProduct", func(s *Server) error { return s.SetString(FieldProduct, "480") }},
		{"SetGameDescription", func(s *Server) error { return s.SetString(FieldDescription, "Spacewar") }},
		{"SetModDir", func(s *Server) error { return s.SetString(FieldModDir, "spacewar") }},
		{"SetDedicatedServer", func(s *Server) error { return s.SetBool(FieldDedicated, true) }},
	}
	logOns := []struct {
		name  string
		logOn func(*Server) error
	}{
		{"logOn", func(s *Server) error { return s.LogOn("token") }},
		{"logOnAnonymous", (*Server).LogOnAnonymous},
	}
	for _, lo := range logOns {
		for _, tt := range beforeLogOn {
			t.Run(lo.name+"/"+tt.name, func(t *testing.T) {
				s, fb := startedServer(t)
				require.NoError(t, tt.set(s), "accepted before log-on")
				require.NoError(t, lo.logOn(s))
				before := s.State()
				n := len(fb.applied)
				err := tt.set(s)
				require.Error(t, err)
				assert.NotErrorIs(t, err, ErrNotInitialized)
				assert.Equal(t, before, s.State())
				assert.Len(t, fb.applied, n)
				assert.NoError(t, s.SetString(FieldServerName, "other fields still change"))

				require.NoError(t, s.LogOff())
				assert.NoError(t, tt.set(s), "accepted again after logOff, for the next log-on")
				require.NoError(t, lo.logOn(s))
				require.NoError(t, s.Shutdown())
				require.NoError(t, s.Init(testCfg))
				assert.NoError(t, tt.set(s), "accepted again after a new Init")
			})
		}
	}
}

func TestKeyValues(t *testing.T) {
	s, fb := startedServer(t)
	require.NoError(t, s.SetKeyValue("b", "1"))
	require.NoError(t, s.SetKeyValue("a", "2"))
	require.NoError(t, s.SetKeyValue("c", "3"))
	assert.Equal(t, []KeyValue{{"b", "1"}, {"a", "2"}, {"c", "3"}}, s.State().KeyValues, "insertion order, not sorted")

	require.NoError(t, s.SetKeyValue("a", "new"))
	assert.Equal(t, []KeyValue{{"b", "1"}, {"a", "new"}, {"c", "3"}}, s.State().KeyValues, "replacing keeps the position")
	require.NoError(t, s.SetKeyValue("b", ""))
	assert.Equal(t, KeyValue{"b", ""}, s.State().KeyValues[0], "an empty value is kept as a rule")

	st := s.State()
	st.KeyValues[0].Value = "mutated"
	assert.Empty(t, s.State().KeyValues[0].Value, "State returns a copy")

	requireArgError(t, s.SetKeyValue("", "v"), "key")
	requireArgError(t, s.SetKeyValue(strings.Repeat("k", MaxKeyLen+1), "v"), "key")
	requireArgError(t, s.SetKeyValue("k", strings.Repeat("v", MaxValueLen+1)), "value")
	require.NoError(t, s.SetKeyValue(strings.Repeat("k", MaxKeyLen), strings.Repeat("v", MaxValueLen)))
	assert.Len(t, s.State().KeyValues, 4)

	require.NoError(t, s.ClearAllKeyValues())
	assert.Empty(t, s.State().KeyValues)
	require.NoError(t, s.ClearAllKeyValues(), "clearing an empty list is fine")
	require.NoError(t, s.SetKeyValue("z", "1"))
	assert.Equal(t, []KeyValue{{"z", "1"}}, s.State().KeyValues)
	for _, f := range fb.applied {
		assert.Equal(t, FieldKeyValues, f)
	}
}

func TestKeyValuesBound(t *testing.T) {
	s, fb := startedServer(t)
	key := func(i int) string { return "key" + strings.Repeat("x", i%7) + string(rune('A'+i%26)) + strconv.Itoa(i) }
	for i := 0; i < MaxKeyValues; i++ {
		require.NoError(t, s.SetKeyValue(key(i), "v"))
	}
	before := s.State()
	require.Len(t, before.KeyValues, MaxKeyValues)
	applied := len(fb.applied)

	err := s.SetKeyValue("one-too-many", "v")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "clearAllKeyValues")
	assert.Equal(t, before, s.State(), "a refused rule changes nothing")
	assert.Len(t, fb.applied, applied, "the backend does not hear of a refused rule")

	require.NoError(t, s.SetKeyValue(key(100), "replaced"), "replacing a key still works when full")
	kv := s.State().KeyValues
	assert.Len(t, kv, MaxKeyValues)
	assert.Equal(t, KeyValue{key(100), "replaced"}, kv[100])

	require.NoError(t, s.ClearAllKeyValues())
	require.NoError(t, s.SetKeyValue("one-too-many", "v"), "room again after clearing")
}

func TestIntegerRanges(t *testing.T) {
	tests := []struct {
		name  string
		arg   string
		field Field
		get   func(State) int64
		ok    []int64
		bad   []int64
	}{
		{"SetMaxPlayerCount", "players_max", FieldMaxPlayers, func(s State) int64 { return int64(s.MaxPlayers) },
			[]int64{0, 1, 64, MaxPlayerCountSane}, []int64{-1, MaxPlayerCountSane + 1, math.MinInt64, math.MaxInt64, 1 << 32}},
		{"SetBotPlayerCount", "bots", FieldBotPlayers, func(s State) int64 { return int64(s.BotPlayers) },
			[]int64{0, 3, MaxPlayerCountSane}, []int64{-1, MaxPlayerCountSane + 1, math.MinInt64, 1 << 32}},
		{"SetSpectatorPort", "port", FieldSpectatorPort, func(s State) int64 { return int64(s.SpectatorPort) },
			[]int64{0, 1, 27020, 65535}, []int64{-1, 65536, math.MaxInt64, math.MinInt64}},
		{"SetHeartbeatInterval", "interval", FieldHeartbeatInterval, func(s State) int64 { return int64(s.HeartbeatInterval) },
			[]int64{-1, 0, 300, math.MaxInt32}, []int64{-2, math.MaxInt32 + 1, math.MinInt64, math.MaxInt64}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := startedServer(t)
			for _, v := range tt.ok {
				require.NoError(t, s.SetInt(tt.field, v), "%d", v)
				assert.Equal(t, v, tt.get(s.State()))
			}
			before := s.State()
			for _, v := range tt.bad {
				requireArgError(t, s.SetInt(tt.field, v), tt.arg)
				assert.Equal(t, before, s.State(), "%d changed nothing", v)
			}
		})
	}
}

func TestBoolSetters(t *testing.T) {
	s, _ := startedServer(t)
	require.NoError(t, s.SetBool(FieldDedicated, true))
	require.NoError(t, s.SetBool(FieldPasswordProtected, true))
	require.NoError(t, s.SetBool(FieldAdvertiseActive, true))
	st := s.State()
	assert.True(t, st.Dedicated)
	assert.True(t, st.PasswordProtected)
	assert.True(t, st.AdvertiseActive)
	require.NoError(t, s.SetBool(FieldPasswordProtected, false))
	assert.False(t, s.State().PasswordProtected)
}

func TestAuthArguments(t *testing.T) {
	invalidIDs := []SteamID{0, NewSteamID(1, AccountTypeIndividual, 1, 0), NewSteamID(0, AccountTypeIndividual, 1, 5), NewSteamID(1, AccountTypeInvalid, 1, 5)}

	t.Run("CancelAuthTicket", func(t *testing.T) {
		s, fb := startedServer(t)
		for _, h := range []int64{0, -1, math.MinInt64, 1 << 32, math.MaxInt64} {
			requireArgError(t, s.CancelAuthTicket(h), "auth_ticket")
		}
		require.NoError(t, s.CancelAuthTicket(1))
		require.NoError(t, s.CancelAuthTicket(math.MaxUint32))
		assert.Equal(t, []string{"CancelAuthTicket(1)", "CancelAuthTicket(4294967295)"}, fb.Calls()[1:])
	})

	t.Run("UserHasLicenseForApp", func(t *testing.T) {
		s, fb := startedServer(t)
		fb.licenseResult = UserHasLicense
		for _, id := range invalidIDs {
			r, err := s.UserHasLicenseForApp(id, 480)
			requireArgError(t, err, "steam_id")
			assert.Equal(t, UserLicenseNoAuth, r)
		}
		for _, app := range []int64{-1, 1 << 32, math.MinInt64} {
			r, err := s.UserHasLicenseForApp(testPlayer, app)
			requireArgError(t, err, "app_id")
			assert.Equal(t, UserLicenseNoAuth, r)
		}
		for _, app := range []int64{0, math.MaxUint32} {
			r, err := s.UserHasLicenseForApp(testPlayer, app)
			require.NoError(t, err)
			assert.Equal(t, UserHasLicense, r)
		}
		assert.Len(t, fb.Calls(), 3, "Init plus the two accepted calls")
	})

	t.Run("BeginAuthSession", func(t *testing.T) {
		s, fb := startedServer(t)
		fb.beginResult = BeginAuthSessionDuplicateRequest
		for _, ticket := range [][]byte{nil, {}, make([]byte, MaxTicketLen+1)} {
			r, err := s.BeginAuthSession(ticket, testPlayer)
			requireArgError(t, err, "auth_ticket")
			assert.Equal(t, BeginAuthSessionInvalidTicket, r)
		}
		for _, id := range invalidIDs {
			r, err := s.BeginAuthSession([]byte{1}, id)
			requireArgError(t, err, "steam_id")
			assert.Equal(t, BeginAuthSessionInvalidTicket, r)
		}
		r, err := s.BeginAuthSession(make([]byte, MaxTicketLen), testPlayer)
		require.NoError(t, err)
		assert.Equal(t, BeginAuthSessionDuplicateRequest, r, "the backend's answer is passed through")
		assert.Len(t, fb.Calls(), 2)
	})

	t.Run("EndAuthSession and ComputeNewPlayerCompatibility", func(t *testing.T) {
		s, fb := startedServer(t)
		for _, id := range invalidIDs {
			requireArgError(t, s.EndAuthSession(id), "steam_id")
			requireArgError(t, s.ComputeNewPlayerCompatibility(id), "steam_id")
		}
		require.NoError(t, s.EndAuthSession(testPlayer))
		require.NoError(t, s.ComputeNewPlayerCompatibility(testPlayer))
		assert.Len(t, fb.Calls(), 3)
	})

	t.Run("RequestUserGroupStatus", func(t *testing.T) {
		s, fb := startedServer(t)
		for _, id := range invalidIDs {
			ok, err := s.RequestUserGroupStatus(id, testGroup)
			requireArgError(t, err, "steam_id")
			assert.False(t, ok)
		}
		ok, err := s.RequestUserGroupStatus(testPlayer, 0)
		requireArgError(t, err, "group_id")
		assert.False(t, ok)
		ok, err = s.RequestUserGroupStatus(testPlayer, testGroup)
		require.NoError(t, err)
		assert.True(t, ok)
		assert.Len(t, fb.Calls(), 2)
	})

	t.Run("AssociateWithClan", func(t *testing.T) {
		s, fb := startedServer(t)
		requireArgError(t, s.AssociateWithClan(0), "clan_id")
		require.NoError(t, s.AssociateWithClan(testGroup))
		assert.Len(t, fb.Calls(), 2)
	})

	t.Run("GetAuthSessionTicket", func(t *testing.T) {
		s, _ := startedServer(t)
		tk, err := s.GetAuthSessionTicket()
		require.NoError(t, err)
		assert.Equal(t, AuthTicket{Handle: 1, Bytes: []byte{1}}, tk)
	})
}

func TestHandleIncomingPacketArguments(t *testing.T) {
	query := []byte{0xFF, 0xFF, 0xFF, 0xFF, 'T'}
	tests := []struct {
		name string
		data []byte
		ip   string
		port int64
		arg  string
	}{
		{"nil packet", nil, "10.0.0.1", 27005, "packet"},
		{"empty packet", []byte{}, "10.0.0.1", 27005, "packet"},
		{"oversized packet", make([]byte, MaxPacketLen+1), "10.0.0.1", 27005, "packet"},
		{"bad ip", query, "10.0.0", 27005, "ip"},
		{"ipv6", query, "::1", 27005, "ip"},
		{"name not address", query, "example.com", 27005, "ip"},
		{"port 0", query, "10.0.0.1", 0, "port"},
		{"port -1", query, "10.0.0.1", -1, "port"},
		{"port 65536", query, "10.0.0.1", 65536, "port"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, fb := startedServer(t)
			fb.packetOK = true
			ok, err := s.HandleIncomingPacket(tt.data, tt.ip, tt.port)
			requireArgError(t, err, tt.arg)
			assert.False(t, ok)
			assert.Len(t, fb.Calls(), 1, "only Init reached the backend")
		})
	}

	s, fb := startedServer(t)
	fb.packetOK = true
	ok, err := s.HandleIncomingPacket(query, "10.0.0.1", 65535)
	require.NoError(t, err)
	assert.True(t, ok)
	ok, err = s.HandleIncomingPacket(make([]byte, MaxPacketLen), "192.168.1.20", 1)
	require.NoError(t, err)
	assert.True(t, ok)
	calls := fb.Calls()
	assert.Equal(t, "HandleIncomingPacket(ffffffff54,0xa000001,65535)", calls[1], "ip in host order")
	assert.True(t, strings.HasSuffix(calls[2], ",0xc0a80114,1)"))
}

func TestNextOutgoingPacket(t *testing.T) {
	s, fb := startedServer(t)
	fb.outgoing = []byte{0xFF, 0xFF, 0xFF, 0xFF, 'I'}
	buf := make([]byte, 64)
	p, err := s.NextOutgoingPacket(buf)
	require.NoError(t, err)
	assert.Equal(t, OutgoingPacket{Data: []byte{0xFF, 0xFF, 0xFF, 0xFF, 'I'}, IP: 0x0A000001, Port: 27015}, p)
	p, err = s.NextOutgoingPacket(buf)
	require.NoError(t, err)
	assert.Empty(t, p.Data)
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

// A value the backend was already given since Init is not given again: games set the same values
// every frame. The first set after Init always reaches the backend, even when it equals the
// state's zero value, since Steam's own defaults may differ.
func TestUnchangedValuesAreNotResent(t *testing.T) {
	s, fb := startedServer(t)
	sets := []func() error{
		func() error { return s.SetString(FieldMapName, "") },
		func() error { return s.SetString(FieldMapName, "de_dust") },
		func() error { return s.SetInt(FieldMaxPlayers, 0) },
		func() error { return s.SetBool(FieldPasswordProtected, false) },
		func() error { return s.SetInt(FieldSpectatorPort, 27020) },
		func() error { return s.SetInt(FieldHeartbeatInterval, -1) },
		func() error { return s.SetKeyValue("k", "v") },
		func() error { return s.ClearAllKeyValues() },
		func() error { return s.SetString(FieldProduct, "480") },
	}
	for i, set := range sets {
		require.NoError(t, set())
		n := len(fb.applied)
		require.Equal(t, i+1, n, "set %d reaches the backend the first time", i)
		require.NoError(t, set())
		assert.Len(t, fb.applied, n, "set %d again with the same value is not resent", i)
	}
	require.NoError(t, s.SetString(FieldMapName, "other"))
	require.NoError(t, s.SetString(FieldMapName, "de_dust"))
	require.NoError(t, s.SetKeyValue("k", "w"))
	require.NoError(t, s.ClearAllKeyValues())
	assert.Equal(t, []Field{FieldMapName, FieldMapName, FieldKeyValues, FieldKeyValues}, fb.applied[len(sets):], "changes are sent")

	require.NoError(t, s.LogOnAnonymous())
	require.Error(t, s.SetString(FieldProduct, "480"), "refused after log-on even when unchanged")

	require.NoError(t, s.Shutdown())
	require.NoError(t, s.Init(testCfg))
	n := len(fb.applied)
	require.NoError(t, s.SetInt(FieldMaxPlayers, 0))
	require.NoError(t, s.ClearAllKeyValues())
	assert.Equal(t, []Field{FieldMaxPlayers, FieldKeyValues}, fb.applied[n:], "a new Init sends every value again")
	require.NoError(t, s.Shutdown())
	require.ErrorIs(t, s.SetInt(FieldMaxPlayers, 0), ErrNotInitialized, "refused before Init even when unchanged")
}
