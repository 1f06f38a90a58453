package steam

// The networking front: every call refused before serverInit and on a backend without
// networking, every bad argument refused with its name, addresses, config options, batches.

import (
	"math"
	"net/netip"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var opt0 = []ConfigOption{{Value: ConfigTimeoutInitial, Type: ConfigTypeInt32, Int: 100}}

// netCalls is every networking front method, each with valid arguments.
var netCalls = []struct {
	name string
	call func(*Server) error
}{
	{"CreateListenSocketIP", func(s *Server) error { _, err := s.CreateListenSocketIP("", opt0); return err }},
	{"ConnectByIPAddress", func(s *Server) error { _, err := s.ConnectByIPAddress("127.0.0.1:1", nil); return err }},
	{"CreateListenSocketP2P", func(s *Server) error { _, err := s.CreateListenSocketP2P(0, nil); return err }},
	{"ConnectP2P", func(s *Server) error { _, err := s.ConnectP2P(testPlayer, 0, nil); return err }},
	{"ConnectToHostedDedicatedServer", func(s *Server) error { _, err := s.ConnectToHostedDedicatedServer(testPlayer, 0, nil); return err }},
	{"CreateHostedDedicatedServerListenSocket", func(s *Server) error { _, err := s.CreateHostedDedicatedServerListenSocket(0, nil); return err }},
	{"GetHostedDedicatedServerPort", func(s *Server) error { _, err := s.GetHostedDedicatedServerPort(); return err }},
	{"GetHostedDedicatedServerPOPID", func(s *Server) error { _, err := s.GetHostedDedicatedServerPOPID(); return err }},
	{"AcceptConnection", func(s *Server) error { _, err := s.AcceptConnection(1); return err }},
	{"CloseConnection", func(s *Server) error { _, err := s.CloseConnection(1, 0, "", false); return err }},
	{"CloseListenSocket", func(s *Server) error { _, err := s.CloseListenSocket(1); return err }},
	{"GetListenSocketAddress", func(s *Server) error { _, err := s.GetListenSocketAddress(1, true); return err }},
	{"CreateSocketPair", func(s *Server) error { _, _, _, err := s.CreateSocketPair(false, 0, 0); return err }},
	{"GetIdentity", func(s *Server) error { _, _, err := s.GetIdentity(); return err }},
	{"ResetIdentity", func(s *Server) error { return s.ResetIdentity(0) }},
	{"InitAuthentication", func(s *Server) error { _, err := s.InitAuthentication(); return err }},
	{"GetAuthenticationStatus", func(s *Server) error { _, _, err := s.GetAuthenticationStatus(); return err }},
	{"RunNetworkingCallbacks", func(s *Server) error { return s.RunNetworkingCallbacks() }},
	{"SendMessageToConnection", func(s *Server) error { _, _, err := s.SendMessageToConnection(1, nil, 8); return err }},
	{"SendMessages", func(s *Server) error { _, err := s.SendMessages([]OutgoingMessage{{Conn: 1}}); return err }},
	{"FlushMessagesOnConnection", func(s *Server) error { _, err := s.FlushMessagesOnConnection(1); return err }},
	{"ReceiveMessagesOnConnection", func(s *Server) error {
		_, err := s.ReceiveMessagesOnConnection(1, 1, &MessageBatch{})
		return err
	}},
	{"CreatePollGroup", func(s *Server) error { _, err := s.CreatePollGroup(); return err }},
	{"DestroyPollGroup", func(s *Server) error { _, err := s.DestroyPollGroup(1); return err }},
	{"SetConnectionPollGroup", func(s *Server) error { _, err := s.SetConnectionPollGroup(1, 0); return err }},
	{"ReceiveMessagesOnPollGroup", func(s *Server) error { _, err := s.ReceiveMessagesOnPollGroup(1, 1, &MessageBatch{}); return err }},
	{"GetConnectionInfo", func(s *Server) error { _, err := s.GetConnectionInfo(1); return err }},
	{"GetConnectionRealTimeStatus", func(s *Server) error { _, _, _, err := s.GetConnectionRealTimeStatus(1, 0); return err }},
	{"GetDetailedConnectionStatus", func(s *Server) error { _, _, err := s.GetDetailedConnectionStatus(1); return err }},
	{"ConfigureConnectionLanes", func(s *Server) error { _, err := s.ConfigureConnectionLanes(1, 2, nil, nil); return err }},
	{"SetConnectionUserData", func(s *Server) error { _, err := s.SetConnectionUserData(1, 5); return err }},
	{"GetConnectionUserData", func(s *Server) error { _, err := s.GetConnectionUserData(1); return err }},
	{"SetConnectionName", func(s *Server) error { return s.SetConnectionName(1, "n") }},
	{"GetConnectionName", func(s *Server) error { _, err := s.GetConnectionName(1); return err }},
	{"SendMessageToUser", func(s *Server) error { _, err := s.SendMessageToUser(testPlayer, nil, 8, 0); return err }},
	{"ReceiveMessagesOnChannel", func(s *Server) error { _, err := s.ReceiveMessagesOnChannel(0, 1, &MessageBatch{}); return err }},
	{"AcceptSessionWithUser", func(s *Server) error { _, err := s.AcceptSessionWithUser(testPlayer); return err }},
	{"CloseSessionWithUser", func(s *Server) error { _, err := s.CloseSessionWithUser(testPlayer); return err }},
	{"CloseChannelWithUser", func(s *Server) error { _, err := s.CloseChannelWithUser(testPlayer, 0); return err }},
	{"GetSessionConnectionInfo", func(s *Server) error { _, _, _, err := s.GetSessionConnectionInfo(testPlayer); return err }},
	{"SendP2PPacket", func(s *Server) error { _, err := s.SendP2PPacket(testPlayer, nil, 2, 0); return err }},
	{"GetAvailableP2PPacketSize", func(s *Server) error { _, err := s.GetAvailableP2PPacketSize(0); return err }},
	{"ReadP2PPacket", func(s *Server) error { _, _, _, err := s.ReadP2PPacket(10, 0); return err }},
	{"AcceptP2PSessionWithUser", func(s *Server) error { _, err := s.AcceptP2PSessionWithUser(testPlayer); return err }},
	{"CloseP2PSessionWithUser", func(s *Server) error { _, err := s.CloseP2PSessionWithUser(testPlayer); return err }},
	{"CloseP2PChannelWithUser", func(s *Server) error { _, err := s.CloseP2PChannelWithUser(testPlayer, 0); return err }},
	{"GetP2PSessionState", func(s *Server) error { _, _, err := s.GetP2PSessionState(testPlayer); return err }},
	{"AllowP2PPacketRelay", func(s *Server) error { _, err := s.AllowP2PPacketRelay(true); return err }},
	{"GetLocalTimestamp", func(s *Server) error { _, err := s.GetLocalTimestamp(); return err }},
	{"InitRelayNetworkAccess", func(s *Server) error { return s.InitRelayNetworkAccess() }},
	{"GetRelayNetworkStatus", func(s *Server) error { _, err := s.GetRelayNetworkStatus(); return err }},
	{"GetLocalPingLocation", func(s *Server) error { _, _, err := s.GetLocalPingLocation(); return err }},
	{"EstimatePingTimeBetweenTwoLocations", func(s *Server) error {
		_, err := s.EstimatePingTimeBetweenTwoLocations(make([]byte, PingLocationSize), make([]byte, PingLocationSize))
		return err
	}},
	{"EstimatePingTimeFromLocalHost", func(s *Server) error {
		_, err := s.EstimatePingTimeFromLocalHost(make([]byte, PingLocationSize))
		return err
	}},
	{"ConvertPingLocationToString", func(s *Server) error {
		_, err := s.ConvertPingLocationToString(make([]byte, PingLocationSize))
		return err
	}},
	{"ParsePingLocationString", func(s *Server) error { _, _, err := s.ParsePingLocationString(""); return err }},
	{"CheckPingDataUpToDate", func(s *Server) error { _, err := s.CheckPingDataUpToDate(1); return err }},
	{"GetPingToDataCenter", func(s *Server) error { _, _, err := s.GetPingToDataCenter(1); return err }},
	{"GetDirectPingToPOP", func(s *Server) error { _, err := s.GetDirectPingToPOP(1); return err }},
	{"GetPOPCount", func(s *Server) error { _, err := s.GetPOPCount(); return err }},
	{"GetPOPList", func(s *Server) error { _, err := s.GetPOPList(); return err }},
	{"SetGlobalConfigValue", func(s *Server) error { _, err := s.SetGlobalConfigValue(opt0[0]); return err }},
	{"SetConnectionConfigValue", func(s *Server) error { _, err := s.SetConnectionConfigValue(1, opt0[0]); return err }},
	{"GetConfigValue", func(s *Server) error { _, _, err := s.GetConfigValue(int64(ConfigNagleTime), 1, 0); return err }},
	{"GetConfigValueInfo", func(s *Server) error { _, _, _, err := s.GetConfigValueInfo(int64(ConfigNagleTime)); return err }},
}

func TestNetworkingRefusedBeforeInitAndWithoutNetworking(t *testing.T) {
	s, _, _ := newTestServer()
	for _, c := range netCalls {
		assert.ErrorIs(t, c.call(s), ErrNotInitialized, c.name)
	}
	require.NoError(t, s.Init(testCfg))
	for _, c := range netCalls {
		assert.ErrorContains(t, c.call(s), "networking is not implemented by the fake backend yet", c.name)
	}
}

func TestNetworkingArguments(t *testing.T) {
	s, _ := startedServer(t)
	big := make([]byte, MaxMessageSizeSend+1)
	cases := []struct {
		arg  string
		call func() error
	}{
		{"ip_reference", func() error { _, err := s.CreateListenSocketIP("not an address", nil); return err }},
		{"ip_address_with_port", func() error { _, err := s.ConnectByIPAddress("127.0.0.1", nil); return err }},
		{"ip_address_with_port", func() error { _, err := s.ConnectByIPAddress("0.0.0.0:27015", nil); return err }},
		{"ip_address_with_port", func() error { _, err := s.ConnectByIPAddress("", nil); return err }},
		{"options[0]", func() error {
			_, err := s.ConnectByIPAddress("127.0.0.1:1", []ConfigOption{{Value: 77777, Type: ConfigTypeInt32}})
			return err
		}},
		{"options[0]", func() error {
			_, err := s.CreateListenSocketIP("", []ConfigOption{{Value: 201, Type: ConfigTypePtr}})
			return err
		}},
		{"virtual_port", func() error { _, err := s.CreateListenSocketP2P(-1, nil); return err }},
		{"virtual_port", func() error { _, err := s.ConnectP2P(testPlayer, math.MaxInt32, nil); return err }},
		{"remote_steam_id", func() error { _, err := s.ConnectP2P(0, 0, nil); return err }},
		{"connection_handle", func() error { _, err := s.AcceptConnection(0); return err }},
		{"connection_handle", func() error { _, err := s.AcceptConnection(math.MaxUint32 + 1); return err }},
		{"peer", func() error { _, err := s.CloseConnection(-5, 0, "", false); return err }},
		{"reason", func() error { _, err := s.CloseConnection(1, 999, "", false); return err }},
		{"reason", func() error { _, err := s.CloseConnection(1, 3000, "", false); return err }},
		{"debug_message", func() error { _, err := s.CloseConnection(1, 0, string(make([]byte, 128)), false); return err }},
		{"flags", func() error { _, _, err := s.SendMessageToConnection(1, nil, 64); return err }},
		{"flags", func() error { _, _, err := s.SendMessageToConnection(1, nil, -1); return err }},
		{"data", func() error { _, _, err := s.SendMessageToConnection(1, big, 8); return err }},
		{"max_messages", func() error {
			_, err := s.ReceiveMessagesOnConnection(1, MaxReceiveBatch+1, &MessageBatch{})
			return err
		}},
		{"max_messages", func() error { _, err := s.ReceiveMessagesOnPollGroup(1, -1, &MessageBatch{}); return err }},
		{"poll_group", func() error { _, err := s.SetConnectionPollGroup(1, -1); return err }},
		{"lanes", func() error { _, _, _, err := s.GetConnectionRealTimeStatus(1, MaxLanes+1); return err }},
		{"lanes", func() error { _, err := s.ConfigureConnectionLanes(1, 0, nil, nil); return err }},
		{"weights", func() error { _, err := s.ConfigureConnectionLanes(1, 2, nil, []int64{1, 0}); return err }},
		{"priorities", func() error { _, err := s.ConfigureConnectionLanes(1, 2, []int64{1}, nil); return err }},
		{"name", func() error { return s.SetConnectionName(1, string(make([]byte, MaxConnectionNameLen+1))) }},
		{"remote_steam_id1", func() error { _, _, _, err := s.CreateSocketPair(true, 5, 0); return err }},
		{"channel", func() error { _, err := s.SendMessageToUser(testPlayer, nil, 0, -1); return err }},
		{"data", func() error { _, err := s.SendMessageToUser(testPlayer, big, 8, 0); return err }},
		{"send_type", func() error { _, err := s.SendP2PPacket(testPlayer, nil, 4, 0); return err }},
		{"data", func() error {
			_, err := s.SendP2PPacket(testPlayer, make([]byte, MaxP2PUnreliable+1), 0, 0)
			return err
		}},
		{"packet", func() error { _, _, _, err := s.ReadP2PPacket(-1, 0); return err }},
		{"location", func() error { _, err := s.EstimatePingTimeFromLocalHost([]byte{1}); return err }},
		{"max_age_in_seconds", func() error { _, err := s.CheckPingDataUpToDate(math.NaN()); return err }},
		{"pop_id", func() error { _, err := s.GetDirectPingToPOP(-1); return err }},
		{"config", func() error {
			_, err := s.SetGlobalConfigValue(ConfigOption{Value: ConfigTimeoutInitial, Type: ConfigTypeInt32, Int: -1})
			return err
		}},
		{"config", func() error {
			_, err := s.SetGlobalConfigValue(ConfigOption{Value: ConfigFakePacketLossSend, Type: ConfigTypeFloat, Float: float32(math.NaN())})
			return err
		}},
		{"config_value", func() error { _, _, err := s.GetConfigValue(math.MaxInt64, 1, 0); return err }},
		{"scope_type", func() error { _, _, err := s.GetConfigValue(int64(ConfigNagleTime), 5, 0); return err }},
		{"connection_handle", func() error { _, _, err := s.GetConfigValue(int64(ConfigNagleTime), 4, 0); return err }},
	}
	for _, c := range cases {
		requireArgError(t, c.call(), c.arg)
	}
}

func TestParseNetAddress(t *testing.T) {
	for in, want := range map[string]string{
		"127.0.0.1:27020": "127.0.0.1:27020", "10.0.0.1": "10.0.0.1:0", "[::1]:5": "[::1]:5", "::1": "[::1]:0",
		"[::ffff:127.0.0.1]:7": "127.0.0.1:7",
	} {
		got, err := ParseNetAddress("a", in, false, false)
		require.NoError(t, err, in)
		assert.Equal(t, want, got.String(), in)
	}
	any, err := ParseNetAddress("a", "", true, false)
	require.NoError(t, err)
	assert.Equal(t, "0.0.0.0:0", any.String())
	for _, bad := range []string{"localhost:1", "1.2.3.4:99999", "[fe80::1%eth0]:1", "1.2.3", "[::1]"} {
		_, err := ParseNetAddress("a", bad, false, false)
		assert.Error(t, err, bad)
	}
	assert.Equal(t, "", FormatNetAddress(netip.AddrPort{}, true))
	assert.Equal(t, "1.2.3.4", FormatNetAddress(netip.MustParseAddrPort("1.2.3.4:5"), false))
}

func TestConfigOptionChecks(t *testing.T) {
	ok := []ConfigOption{
		{Value: ConfigConnectionUserData, Type: ConfigTypeInt32, Int: 5}, // an int32 is good for an int64 value
		{Value: ConfigConnectionUserData, Type: ConfigTypeInt64, Int: math.MinInt64},
		{Value: 103, Type: ConfigTypeString, String: "stun.example:3478"},
	}
	for _, o := range ok {
		assert.NoError(t, CheckConfigOption("o", o, ConfigScopeConnection), "%+v", o)
	}
	for _, r := range NetConfigRows {
		assert.NotEmpty(t, r.Name)
		if r.Type == ConfigTypeInt32 || r.Type == ConfigTypeFloat {
			assert.LessOrEqual(t, r.Min, r.Max, r.Name)
			d := float64(r.Default.Int)
			if r.Type == ConfigTypeFloat {
				d = float64(r.Default.Float)
			}
			if !r.ReadOnly {
				assert.True(t, d >= r.Min && d <= r.Max, "%s's default is in its range", r.Name)
			}
		}
	}
}

type recordingReleaser struct{ released []uintptr }

func (r *recordingReleaser) ReleaseMessages(b *MessageBatch) {
	r.released = append(r.released, b.Native...)
}

func TestMessageBatchRelease(t *testing.T) {
	var b MessageBatch
	b.GrowArena(8)
	d := b.AppendCopy([]byte("abc"))
	b.Messages = append(b.Messages, Message{Data: d})
	r := &recordingReleaser{}
	b.SetReleaser(r)
	b.Native = append(b.Native, 7, 8)
	b.Release()
	assert.Equal(t, []uintptr{7, 8}, r.released, "native messages are handed back")
	assert.Zero(t, b.Len())
	assert.Empty(t, b.Arena)
	assert.Positive(t, cap(b.Arena), "capacity is kept for the next poll")
	b.Release() // twice is harmless
	assert.Len(t, r.released, 2)
}

// The lane calls' Result is RESULT_INVALID_PARAM when refused before the backend answers, as for
// the other calls returning a Result (not the zero Result, which no call answers).
func TestLaneCallsAnswerInvalidParamWhenRefused(t *testing.T) {
	s, _, _ := newTestServer()
	r, err := s.ConfigureConnectionLanes(1, 1, nil, nil)
	assert.ErrorIs(t, err, ErrNotInitialized)
	assert.Equal(t, ResultInvalidParam, r)
	_, _, r, err = s.GetConnectionRealTimeStatus(1, 0)
	assert.ErrorIs(t, err, ErrNotInitialized)
	assert.Equal(t, ResultInvalidParam, r)
}
