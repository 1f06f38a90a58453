package offline_test

import (
	"crypto/rand"
	"testing"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/gosteam/godot-steam-server/steam/offline"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	// Query port 0: no query socket, as the tests run many servers at once.
	cfgAuth = steam.InitConfig{GamePort: 27015, QueryPort: 0, Mode: steam.ServerModeAuthentication, Version: "1.0", AppID: 480}
	player  = steam.NewSteamID(steam.UniversePublic, steam.AccountTypeIndividual, 1, 1234)
	player2 = steam.NewSteamID(steam.UniversePublic, steam.AccountTypeIndividual, 1, 5678)
	group   = steam.NewSteamID(steam.UniversePublic, steam.AccountTypeClan, 0, 42)
)

// newServer runs the real front over one offline backend; every Init reuses that backend. Without a
// Realm or Data in opts, the backend gets a realm of its own and the default data.
func newServer(t *testing.T, opts offline.Options, cfg steam.InitConfig) (*steam.Server, *offline.Backend) {
	t.Helper()
	if opts.Realm == nil {
		opts.Realm = newRealm(t)
	}
	if opts.Data == nil {
		opts.Data = offline.NewData()
	}
	b := offline.New(opts)
	s := steam.NewServer(func() (steam.Backend, error) { return b, nil })
	require.NoError(t, s.Init(cfg))
	require.Equal(t, "offline", s.BackendName())
	return s, b
}

// newRealm is a realm with a random key, private to the test.
func newRealm(t testing.TB) *offline.Realm {
	t.Helper()
	key := make([]byte, offline.RealmKeyLen)
	_, _ = rand.Read(key)
	r, err := offline.NewRealm(key)
	require.NoError(t, err)
	return r
}

// drain does what run_callbacks does: the frame's work (a log-on completes there), then the events,
// without the APICallCompleted notice each async call's result comes with (utils_test.go checks
// those, with drainAll).
func drain(s *steam.Server) []steam.Event { return steam.WithoutCallNotices(drainAll(s)) }

// drainAll is drain with the APICallCompleted notices.
func drainAll(s *steam.Server) []steam.Event {
	var got []steam.Event
	s.RunFrame()
	s.Events().Drain(func(e steam.Event) { got = append(got, e) })
	return got
}

func must[T any](t *testing.T) func(T, error) T {
	return func(v T, err error) T {
		t.Helper()
		require.NoError(t, err)
		return v
	}
}

func TestLogOnLogOff(t *testing.T) {
	modes := []steam.ServerMode{steam.ServerModeNoAuthentication, steam.ServerModeAuthentication, steam.ServerModeAuthenticationAndSecure}
	logOns := []struct {
		name  string
		logOn func(*steam.Server) error
	}{
		{"anonymous", (*steam.Server).LogOnAnonymous},
		{"token", func(s *steam.Server) error { return s.LogOn("GSLT-TOKEN") }},
	}
	for _, mode := range modes {
		for _, lo := range logOns {
			t.Run(lo.name+"/mode"+string(rune('0'+mode)), func(t *testing.T) {
				cfg := cfgAuth
				cfg.Mode = mode
				s, _ := newServer(t, offline.Options{}, cfg)
				secure := mode == steam.ServerModeAuthenticationAndSecure
				b := must[bool](t)

				assert.False(t, b(s.LoggedOn()), "not logged on after Init")
				assert.False(t, b(s.Secure()), "not secure before log-on")
				assert.Empty(t, drain(s), "Init queues nothing")

				require.NoError(t, lo.logOn(s))
				assert.False(t, b(s.LoggedOn()), "connecting until the next frame, as with Steam")
				assert.False(t, b(s.Secure()), "not secure while connecting")
				assert.Zero(t, s.Events().Len(), "nothing queued while connecting")
				assert.Equal(t, []steam.Event{steam.ServerConnected{}, steam.PolicyResponse{Secure: secure}}, drain(s))
				assert.True(t, b(s.LoggedOn()))
				assert.Equal(t, secure, b(s.Secure()))
				id := must[steam.SteamID](t)(s.SteamID())

				require.NoError(t, s.LogOnAnonymous(), "log-on while logged on")
				require.NoError(t, s.LogOn("other-token"))
				assert.Empty(t, drain(s), "no second ServerConnected")
				assert.Equal(t, id, must[steam.SteamID](t)(s.SteamID()), "the identity does not change")

				require.NoError(t, s.LogOff())
				assert.Equal(t, []steam.Event{steam.ServerDisconnected{Result: steam.ResultOK}}, drain(s))
				assert.False(t, b(s.LoggedOn()))
				assert.False(t, b(s.Secure()))

				require.NoError(t, s.LogOff())
				assert.Empty(t, drain(s), "LogOff while logged off queues nothing")

				require.NoError(t, lo.logOn(s))
				assert.Equal(t, []steam.Event{steam.ServerConnected{}, steam.PolicyResponse{Secure: secure}}, drain(s), "log-on again")
				assert.Equal(t, id, must[steam.SteamID](t)(s.SteamID()), "same account, same ID")
			})
		}
	}
}

func TestSteamIDs(t *testing.T) {
	s, b := newServer(t, offline.Options{}, cfgAuth)
	id := must[steam.SteamID](t)
	anon := id(s.SteamID())
	assert.True(t, anon.Valid(), "%#x", uint64(anon))
	assert.Equal(t, steam.UniversePublic, anon.Universe())
	assert.Equal(t, steam.AccountTypeAnonGameServer, anon.AccountType())
	assert.Zero(t, anon.Instance())
	assert.NotZero(t, anon.AccountID())
	assert.Equal(t, uint64(0x0140_0000_0000_0000), uint64(anon)&0xFFFF_FFFF_0000_0000)
	assert.Positive(t, int64(anon), "fits in a Godot int")

	require.NoError(t, s.LogOnAnonymous())
	assert.Equal(t, anon, id(s.SteamID()), "anonymous log-on keeps the ID generated at Init")
	require.NoError(t, s.LogOff())

	require.NoError(t, s.LogOn("token-a"))
	persistent := id(s.SteamID())
	assert.True(t, persistent.Valid())
	assert.Equal(t, steam.UniversePublic, persistent.Universe())
	assert.Equal(t, steam.AccountTypeGameServer, persistent.AccountType())
	assert.Zero(t, persistent.Instance())
	assert.Equal(t, persistent, b.SteamID())

	other, _ := newServer(t, offline.Options{}, cfgAuth)
	require.NoError(t, other.LogOn("token-a"))
	assert.Equal(t, persistent, id(other.SteamID()), "one token, one ID, in any backend")
	require.NoError(t, other.LogOff())
	require.NoError(t, other.LogOn("token-b"))
	assert.NotEqual(t, persistent, id(other.SteamID()))

	require.NoError(t, s.LogOff())
	require.NoError(t, s.LogOnAnonymous())
	assert.Equal(t, anon, id(s.SteamID()), "back to the anonymous ID")

	require.NoError(t, s.Shutdown())
	require.NoError(t, s.Init(cfgAuth))
	fresh := id(s.SteamID())
	assert.Equal(t, steam.AccountTypeAnonGameServer, fresh.AccountType())
	assert.NotEqual(t, anon, fresh, "a new anonymous ID per Init")
}

func TestInitAfterShutdown(t *testing.T) {
	s, b := newServer(t, offline.Options{}, cfgAuth)
	require.NoError(t, s.LogOnAnonymous())
	drain(s)
	tk := b.IssueTicket(player)
	assert.Equal(t, steam.BeginAuthSessionOK, must[steam.BeginAuthSessionResult](t)(s.BeginAuthSession(tk.Bytes, player)))
	drain(s)

	require.NoError(t, s.Shutdown())
	assert.Zero(t, s.Events().Len(), "Shutdown logs off silently")
	assert.False(t, b.LoggedOn())
	assert.False(t, b.Secure())

	require.NoError(t, s.Init(cfgAuth))
	assert.False(t, must[bool](t)(s.LoggedOn()))
	assert.Equal(t, steam.UserLicenseNoAuth, must[steam.UserHasLicenseResult](t)(s.UserHasLicenseForApp(player, 480)), "sessions end at Shutdown")
	require.NoError(t, s.LogOnAnonymous())
	assert.Equal(t, []steam.Event{steam.ServerConnected{}, steam.PolicyResponse{Secure: false}}, drain(s))
	tk2 := b.IssueTicket(player2)
	assert.Equal(t, steam.BeginAuthSessionOK, must[steam.BeginAuthSessionResult](t)(s.BeginAuthSession(tk2.Bytes, player2)))
	assert.Greater(t, tk2.Handle, tk.Handle, "handles are not reused after a restart")
}

func TestPublicIP(t *testing.T) {
	tests := []struct {
		name string
		ip   uint32
		want uint32
	}{
		{"all interfaces gives localhost", 0, 0x7F000001},
		{"bound address", 0xC0A80114, 0xC0A80114},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := cfgAuth
			cfg.IP = tt.ip
			s, _ := newServer(t, offline.Options{}, cfg)
			ip := must[steam.IPAddress](t)(s.PublicIP())
			assert.Equal(t, steam.IPAddress{Type: steam.IPTypeIPv4, IPv4: tt.want}, ip)
		})
	}
}

func TestWasRestartRequested(t *testing.T) {
	s, b := newServer(t, offline.Options{}, cfgAuth)
	was := must[bool](t)
	assert.False(t, was(s.WasRestartRequested()))
	b.RequestRestart()
	b.RequestRestart()
	assert.True(t, was(s.WasRestartRequested()))
	assert.False(t, was(s.WasRestartRequested()), "reverts after it was read")
}

func TestAppID(t *testing.T) {
	tests := []struct {
		name     string
		opts     uint32
		cfg      uint32
		expected uint32
	}{
		{"Spacewar by default", 0, 0, offline.DefaultAppID},
		{"options when Init has none", 730, 0, 730},
		{"Init wins", 730, 440, 440},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := cfgAuth
			cfg.AppID = tt.cfg
			s, b := newServer(t, offline.Options{AppID: tt.opts}, cfg)
			assert.Equal(t, tt.expected, b.AppID())
			tk := b.IssueTicket(player)
			require.Equal(t, steam.BeginAuthSessionOK, must[steam.BeginAuthSessionResult](t)(s.BeginAuthSession(tk.Bytes, player)))
			assert.Equal(t, steam.UserHasLicense, must[steam.UserHasLicenseResult](t)(s.UserHasLicenseForApp(player, int64(tt.expected))))
		})
	}
}

func TestGroupStatus(t *testing.T) {
	officers := steam.NewSteamID(steam.UniversePublic, steam.AccountTypeClan, 0, 43)
	data := offline.NewData()
	data.Users = map[steam.SteamID]offline.User{player: {Groups: map[steam.SteamID]offline.GroupMembership{
		group: {Member: true}, officers: {Member: true, Officer: true},
	}}}
	opts := offline.Options{Data: data}
	s, _ := newServer(t, opts, cfgAuth)
	tests := []struct {
		name            string
		user, group     steam.SteamID
		member, officer bool
	}{
		{"member", player, group, true, false},
		{"officer", player, officers, true, true},
		{"unknown user", player2, group, false, false},
		{"unknown group", player, steam.NewSteamID(1, steam.AccountTypeClan, 0, 7), false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ok, err := s.RequestUserGroupStatus(tt.user, tt.group)
			require.NoError(t, err)
			assert.True(t, ok)
			assert.Equal(t, []steam.Event{steam.ClientGroupStatus{SteamID: tt.user, GroupID: tt.group, Member: tt.member, Officer: tt.officer}}, drain(s))
		})
	}
}

func TestAssociateWithClan(t *testing.T) {
	s, b := newServer(t, offline.Options{}, cfgAuth)
	assert.Zero(t, b.Clan())
	require.NoError(t, s.AssociateWithClan(group))
	assert.Equal(t, []steam.Event{steam.AssociateClan{Result: steam.ResultOK}}, drain(s))
	assert.Equal(t, group, b.Clan())
}

func TestComputeNewPlayerCompatibility(t *testing.T) {
	s, _ := newServer(t, offline.Options{}, cfgAuth)
	require.NoError(t, s.ComputeNewPlayerCompatibility(player))
	assert.Equal(t, []steam.Event{steam.PlayerCompat{Result: steam.ResultOK, SteamID: player}}, drain(s))
}

func TestMiscNoOps(t *testing.T) {
	s, b := newServer(t, offline.Options{}, cfgAuth)
	s.RunFrame()
	require.NoError(t, s.ReleaseCurrentThreadMemory())
	require.NoError(t, s.SetString(steam.FieldServerName, "applied"))
	b.Apply(steam.FieldServerName, nil)
	assert.Empty(t, drain(s))
	assert.Equal(t, "applied", s.State().ServerName)
}

func TestPacketsThroughFront(t *testing.T) {
	query := []byte{0xFF, 0xFF, 0xFF, 0xFF, 'T', 'S', 'o', 'u', 'r', 'c', 'e'}
	tests := []struct {
		name      string
		queryPort uint16
		data      []byte
		want      bool
	}{
		{"shared socket, query", steam.QueryPortShared, query, true},
		{"shared socket, bare header", steam.QueryPortShared, []byte{0xFF, 0xFF, 0xFF, 0xFF}, true},
		{"shared socket, game traffic", steam.QueryPortShared, []byte{0x01, 0x02, 0x03, 0x04, 0x05}, false},
		{"shared socket, split header", steam.QueryPortShared, []byte{0xFE, 0xFF, 0xFF, 0xFF, 0x00}, false},
		{"shared socket, too short", steam.QueryPortShared, []byte{0xFF, 0xFF, 0xFF}, false},
		{"no query port (own-port mode: a2s_udp_test.go)", 0, query, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := cfgAuth
			cfg.QueryPort = tt.queryPort
			s, _ := newServer(t, offline.Options{}, cfg)
			ok, err := s.HandleIncomingPacket(tt.data, "10.0.0.1", 27005)
			require.NoError(t, err)
			assert.Equal(t, tt.want, ok)
			p, err := s.NextOutgoingPacket(make([]byte, 1400))
			require.NoError(t, err)
			assert.Empty(t, p.Data, "nothing to send yet")
			assert.Empty(t, drain(s))
		})
	}
}

// The test helpers may be called from a goroutine that does not hold the front's lock.
func TestHelpersConcurrentWithFront(t *testing.T) {
	s, b := newServer(t, offline.Options{}, cfgAuth)
	done := make(chan struct{})
	tickets := make(chan steam.AuthTicket, 50)
	go func() {
		defer close(done)
		for i := 0; i < 50; i++ {
			b.RequestRestart()
			tickets <- b.IssueTicket(player)
		}
		close(tickets)
	}()
	for tk := range tickets {
		_, _ = s.WasRestartRequested()
		_, _ = s.GetAuthSessionTicket()
		_, _ = s.BeginAuthSession(tk.Bytes, player)
		require.NoError(t, s.EndAuthSession(player))
		s.RunFrame()
	}
	<-done
}
