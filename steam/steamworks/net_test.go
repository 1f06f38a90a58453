package steamworks

import (
	"encoding/binary"
	"math"
	"net/netip"
	"reflect"
	"slices"
	"testing"

	"github.com/gosteam/godot-steam-server/steam"
)

// The networking through the fake library: each call reaches its flat function with the
// arguments Steam expects (identities made by Steam's SetSteamID64, addresses by its ParseString,
// options as given), and each answer comes back as Steam wrote it.

// netServer is a steam.Server over the fake, initialized, with the init calls taken.
func netServer(t *testing.T, f *fakeFlat) (*steam.Server, *Backend) {
	t.Helper()
	var be *Backend
	srv := steam.NewServer(func() (steam.Backend, error) { be = newBackend(f, ""); return be, nil })
	if err := srv.Init(testConfig); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Shutdown() })
	f.take()
	return srv, be
}

// netAnswers makes the fake answer the networking calls as a working Steam would.
func netAnswers(f *fakeFlat) {
	f.net.ints = map[sym]int64{symCreateListenSocketIP: 11, symConnectByIPAddress: 12, symCreateListenSocketP2P: 13, symConnectP2P: 14,
		symConnectToHostedDedicatedServer: 15, symCreateHostedDedicatedServerListenSocket: 16, symCreatePollGroup: 17,
		symGetConnectionUserData: 99, symGetHostedDedicatedServerPort: 27030, symGetHostedDedicatedServerPOPID: 0x646576,
		symInitAuthentication: 100, symGetAuthenticationStatus: 100, symGetLocalTimestamp: 123456, symGetRelayNetworkStatus: -102,
		symGetPOPCount: 2, symGetPOPList: 2, symGetConfigValue: 1, symGetLocalPingLocation: -1, symGetDirectPingToPOP: -1,
		symEstimatePingTimeFromLocalHost: -1, symEstimatePingTimeBetweenTwoLocations: -1, symGetPingToDataCenter: -1,
		symSendMessageToUser: 1, symSendMessageToConnection: 1, symAcceptConnection: 1, symFlushMessagesOnConnection: 1,
		symConfigureConnectionLanes: 1, symGetConnectionRealTimeStatus: 1, symGetSessionConnectionInfo: 3}
	f.net.bools = map[sym]bool{}
	for s := range sym(len(symbols)) {
		f.net.bools[s] = true
	}
	f.net.pair = [2]uint32{21, 22}
	// As gbe_fork: the shared Utils accessor finds no client's instance; the fallback finds the server's.
	f.net.none = map[sym]bool{symNetworkingUtilsV004: true}
	f.net.inbox = []steam.Message{{Data: []byte("in"), Conn: 12, Identity: userID}}
	f.net.size, f.net.peer = 5, uint64(userID)
	f.net.name, f.net.ctype, f.net.scope = "NagleTime", int32(steam.ConfigTypeInt32), int32(steam.ConfigScopeConnection)
	f.net.out = map[sym][]byte{symGetConnectionName: []byte("bob\x00"), symGetDetailedConnectionStatus: []byte("detail\x00"),
		symGetConnectionInfo: infoBytes(testInfo), symGetIdentity: identityBytes(identityTypeSteamID, ownerID),
		symGetListenSocketAddress: ipAddrBytes(netip.MustParseAddrPort("127.0.0.1:27020")), symReadP2PPacket: []byte("hello"),
		symGetConfigValue: binary.LittleEndian.AppendUint32(nil, 5000), symGetSessionConnectionInfo: infoBytes(testInfo)}
}

// netEveryCall drives every networking call of the front once.
func netEveryCall(srv *steam.Server) []func() error {
	var batch steam.MessageBatch
	loc := make([]byte, steam.PingLocationSize)
	opt := steam.ConfigOption{Value: steam.ConfigNagleTime, Type: steam.ConfigTypeInt32, Int: 1000}
	return []func() error{
		func() error {
			_, err := srv.CreateListenSocketIP("127.0.0.1:27020", []steam.ConfigOption{opt})
			return err
		},
		func() error { _, err := srv.ConnectByIPAddress("127.0.0.1:27020", nil); return err },
		func() error { _, err := srv.CreateListenSocketP2P(0, nil); return err },
		func() error { _, err := srv.ConnectP2P(userID, 0, nil); return err },
		func() error { _, err := srv.ConnectToHostedDedicatedServer(userID, 0, nil); return err },
		func() error { _, err := srv.CreateHostedDedicatedServerListenSocket(0, nil); return err },
		func() error { _, err := srv.GetHostedDedicatedServerPort(); return err },
		func() error { _, err := srv.GetHostedDedicatedServerPOPID(); return err },
		func() error { _, err := srv.AcceptConnection(12); return err },
		func() error { _, err := srv.SetConnectionUserData(12, 5); return err },
		func() error { _, err := srv.GetConnectionUserData(12); return err },
		func() error { return srv.SetConnectionName(12, "bob") },
		func() error { _, err := srv.GetConnectionName(12); return err },
		func() error { _, _, err := srv.SendMessageToConnection(12, []byte("hi"), 8); return err },
		func() error {
			_, err := srv.SendMessages([]steam.OutgoingMessage{{Conn: 12, Data: []byte("a"), Lane: 1}})
			return err
		},
		func() error { _, err := srv.FlushMessagesOnConnection(12); return err },
		func() error { _, err := srv.ReceiveMessagesOnConnection(12, 8, &batch); return err },
		func() error { _, err := srv.CreatePollGroup(); return err },
		func() error { _, err := srv.SetConnectionPollGroup(12, 17); return err },
		func() error { _, err := srv.ReceiveMessagesOnPollGroup(17, 8, &batch); return err },
		func() error { _, err := srv.DestroyPollGroup(17); return err },
		func() error { _, err := srv.GetConnectionInfo(12); return err },
		func() error { _, _, _, err := srv.GetConnectionRealTimeStatus(12, 2); return err },
		func() error { _, _, err := srv.GetDetailedConnectionStatus(12); return err },
		func() error { _, err := srv.ConfigureConnectionLanes(12, 2, []int64{0, 1}, []int64{1, 1}); return err },
		func() error { _, err := srv.CloseConnection(12, 0, "bye", false); return err },
		func() error { _, err := srv.GetListenSocketAddress(11, true); return err },
		func() error { _, err := srv.CloseListenSocket(11); return err },
		func() error { _, _, _, err := srv.CreateSocketPair(false, 0, 0); return err },
		func() error { _, _, err := srv.GetIdentity(); return err },
		func() error { return srv.ResetIdentity(0) },
		func() error { _, err := srv.InitAuthentication(); return err },
		func() error { _, _, err := srv.GetAuthenticationStatus(); return err },
		srv.RunNetworkingCallbacks,
		func() error { _, err := srv.SendMessageToUser(userID, []byte("m"), 8, 3); return err },
		func() error { _, err := srv.ReceiveMessagesOnChannel(3, 8, &batch); batch.Release(); return err },
		func() error { _, err := srv.AcceptSessionWithUser(userID); return err },
		func() error { _, err := srv.CloseChannelWithUser(userID, 3); return err },
		func() error { _, err := srv.CloseSessionWithUser(userID); return err },
		func() error { _, _, _, err := srv.GetSessionConnectionInfo(userID); return err },
		func() error { _, err := srv.SendP2PPacket(userID, []byte("p"), 2, 1); return err },
		func() error { _, err := srv.GetAvailableP2PPacketSize(1); return err },
		func() error { _, _, _, err := srv.ReadP2PPacket(5, 1); return err },
		func() error { _, err := srv.AcceptP2PSessionWithUser(userID); return err },
		func() error { _, _, err := srv.GetP2PSessionState(userID); return err },
		func() error { _, err := srv.AllowP2PPacketRelay(true); return err },
		func() error { _, err := srv.CloseP2PChannelWithUser(userID, 1); return err },
		func() error { _, err := srv.CloseP2PSessionWithUser(userID); return err },
		func() error { _, err := srv.GetLocalTimestamp(); return err },
		srv.InitRelayNetworkAccess,
		func() error { _, err := srv.GetRelayNetworkStatus(); return err },
		func() error { _, _, err := srv.GetLocalPingLocation(); return err },
		func() error { _, err := srv.EstimatePingTimeBetweenTwoLocations(loc, loc); return err },
		func() error { _, err := srv.EstimatePingTimeFromLocalHost(loc); return err },
		func() error { _, err := srv.ConvertPingLocationToString(loc); return err },
		func() error { _, _, err := srv.ParsePingLocationString("x"); return err },
		func() error { _, err := srv.CheckPingDataUpToDate(60); return err },
		func() error { _, _, err := srv.GetPingToDataCenter(0x616d73); return err },
		func() error { _, err := srv.GetDirectPingToPOP(0x616d73); return err },
		func() error { _, err := srv.GetPOPCount(); return err },
		func() error { _, err := srv.GetPOPList(); return err },
		func() error { _, err := srv.SetGlobalConfigValue(opt); return err },
		func() error { _, err := srv.SetConnectionConfigValue(12, opt); return err },
		func() error { _, _, err := srv.GetConfigValue(int64(steam.ConfigNagleTime), 1, 0); return err },
		func() error { _, _, _, err := srv.GetConfigValueInfo(int64(steam.ConfigNagleTime)); return err },
	}
}

func TestNetCallsReachSteam(t *testing.T) {
	f := newFake(t)
	netAnswers(f)
	srv, _ := netServer(t, f)
	opt := steam.ConfigOption{Value: steam.ConfigTimeoutInitial, Type: steam.ConfigTypeInt32, Int: 3000}
	if s, err := srv.CreateListenSocketIP("0.0.0.0:27020", []steam.ConfigOption{opt}); err != nil || s != 11 {
		t.Fatalf("CreateListenSocketIP = %d, %v", s, err)
	}
	if c, err := srv.ConnectP2P(userID, 7, nil); err != nil || c != 14 {
		t.Fatalf("ConnectP2P = %d, %v", c, err)
	}
	if ok, err := srv.CloseConnection(14, 1001, "bye", true); err != nil || !ok {
		t.Fatalf("CloseConnection = %v, %v", ok, err)
	}
	if r, err := srv.SendMessageToUser(ownerID, []byte("hey"), int64(steam.SendReliable), 3); err != nil || r != steam.ResultOK {
		t.Fatalf("SendMessageToUser = %v, %v", r, err)
	}
	if err := srv.ResetIdentity(0); err != nil {
		t.Fatal(err)
	}
	want := []string{
		`SteamAPI_SteamNetworkingIPAddr_ParseString("0.0.0.0:27020")`,
		`CreateListenSocketIP(0.0.0.0:27020, [{24 1 3000 0 }])`,
		`SteamAPI_SteamNetworkingIdentity_SetSteamID64(0x110000100a1b2c3)`,
		`ConnectP2P(0x110000100a1b2c3, 7, [])`,
		`CloseConnection(14, 1001, "bye", true)`,
		`SteamAPI_SteamNetworkingIdentity_SetSteamID64(0x110000100d4e5f6)`,
		`SendMessageToUser(0x110000100d4e5f6, "hey", 8, 3)`,
		`ResetIdentity(NULL)`,
	}
	if got := f.take(); !slices.Equal(got, want) {
		t.Errorf("calls:\n%q\nwant\n%q", got, want)
	}
}

func TestNetAnswersComeBackAsSteamWroteThem(t *testing.T) {
	f := newFake(t)
	netAnswers(f)
	srv, _ := netServer(t, f)
	if info, err := srv.GetConnectionInfo(12); err != nil || info != testInfo {
		t.Errorf("GetConnectionInfo = %+v, %v; want %+v", info, err, testInfo)
	}
	if id, ok, err := srv.GetIdentity(); err != nil || !ok || id != ownerID {
		t.Errorf("GetIdentity = %v, %v, %v", id, ok, err)
	}
	if addr, err := srv.GetListenSocketAddress(11, true); err != nil || addr != "127.0.0.1:27020" {
		t.Errorf("GetListenSocketAddress = %q, %v", addr, err)
	}
	if name, err := srv.GetConnectionName(12); err != nil || name != "bob" {
		t.Errorf("GetConnectionName = %q, %v", name, err)
	}
	if c1, c2, ok, err := srv.CreateSocketPair(true, 0, 0); err != nil || !ok || c1 != 21 || c2 != 22 {
		t.Errorf("CreateSocketPair = %d, %d, %v, %v", c1, c2, ok, err)
	}
	if _, lanes, r, err := srv.GetConnectionRealTimeStatus(12, 2); err != nil || r != steam.ResultOK ||
		!reflect.DeepEqual(lanes, []steam.LaneStatus{{PendingUnreliable: 100}, {PendingUnreliable: 101}}) {
		t.Errorf("GetConnectionRealTimeStatus lanes %+v, %v, %v", lanes, r, err)
	}
	if data, remote, ok, err := srv.ReadP2PPacket(5, 1); err != nil || !ok || string(data) != "hello" || remote != userID {
		t.Errorf("ReadP2PPacket = %q, %v, %v, %v", data, remote, ok, err)
	}
	if opt, r, err := srv.GetConfigValue(int64(steam.ConfigNagleTime), int64(steam.ConfigScopeGlobal), 0); err != nil ||
		r != steam.ConfigGetOK || opt.Int != 5000 || opt.Type != steam.ConfigTypeInt32 {
		t.Errorf("GetConfigValue = %+v, %v, %v", opt, r, err)
	}
	if st, info, _, err := srv.GetSessionConnectionInfo(userID); err != nil || st != steam.ConnectionStateConnected || info != testInfo {
		t.Errorf("GetSessionConnectionInfo = %v, %+v, %v", st, info, err)
	}
	// A detailed status longer than the first buffer is asked again with the size Steam needs.
	long := append(slices.Repeat([]byte("x"), detailedStatusSize+10), 0)
	f.net.out[symGetDetailedConnectionStatus] = long
	f.take()
	if text, code, err := srv.GetDetailedConnectionStatus(12); err != nil || code != 0 || len(text) != detailedStatusSize+10 {
		t.Errorf("a long detailed status: %d bytes, %d, %v", len(text), code, err)
	}
	if got := f.take(); len(got) != 2 {
		t.Errorf("calls %q, want two GetDetailedConnectionStatus", got)
	}
	// A float and a string config value.
	f.net.ctype, f.net.out[symGetConfigValue] = int32(steam.ConfigTypeFloat), binary.LittleEndian.AppendUint32(nil, math.Float32bits(2.5))
	if opt, _, _ := srv.GetConfigValue(int64(steam.ConfigFakePacketLossSend), 1, 0); opt.Float != 2.5 {
		t.Errorf("float config value %+v", opt)
	}
}

// SendMessages allocates each message through AllocateMessage (Steam then owns it) and reports
// each message's number or refusal in order.
func TestNetSendMessages(t *testing.T) {
	f := newFake(t)
	netAnswers(f)
	srv, _ := netServer(t, f)
	msgs := []steam.OutgoingMessage{{Conn: 12, Data: []byte("one"), Flags: steam.SendReliable, Lane: 2}, {Conn: 13, Data: []byte("two")}}
	results, err := srv.SendMessages(msgs)
	if err != nil || !slices.Equal(results, []int64{1, 2}) {
		t.Fatalf("SendMessages = %v, %v", results, err)
	}
	if !reflect.DeepEqual(f.net.sent, msgs) {
		t.Errorf("sent %+v, want %+v", f.net.sent, msgs)
	}
	if got := f.take(); !slices.Equal(got, []string{"AllocateMessage(3)", "AllocateMessage(3)", "SendMessages(2)"}) {
		t.Errorf("calls %q", got)
	}
}

// Received messages stay Steam's until the batch is released: their native pointers are handed
// back through SteamNetworkingMessage_t_Release, by Release or by the next receive into the batch.
func TestNetReceiveReleasesSteamMessages(t *testing.T) {
	f := newFake(t)
	netAnswers(f)
	srv, _ := netServer(t, f)
	f.net.inbox = nil
	for i := range 3 {
		f.net.inbox = append(f.net.inbox, steam.Message{Data: []byte{byte(i)}, Conn: 12, Identity: userID, MessageNumber: int64(i + 1)})
	}
	var batch steam.MessageBatch
	if n, err := srv.ReceiveMessagesOnConnection(12, 2, &batch); err != nil || n != 2 || batch.Len() != 2 ||
		!slices.Equal(batch.Native, []uintptr{0x1001, 0x1002}) || batch.Messages[1].MessageNumber != 2 {
		t.Fatalf("first receive: %d, %v, %+v", n, err, batch)
	}
	if n, _ := srv.ReceiveMessagesOnConnection(12, 2, &batch); n != 1 || !slices.Equal(f.net.released, []uintptr{0x1001, 0x1002}) {
		t.Fatalf("second receive %d; released %#x, want the first batch's", n, f.net.released)
	}
	batch.Release()
	if !slices.Equal(f.net.released, []uintptr{0x1001, 0x1002, 0x1003}) || batch.Len() != 0 {
		t.Errorf("released %#x after Release", f.net.released)
	}
	batch.Release() // nothing held: nothing released twice
	if len(f.net.released) != 3 {
		t.Errorf("a second Release released %#x", f.net.released)
	}
	f.net.ints[symReceiveMessagesOnConnection] = -1
	if n, err := srv.ReceiveMessagesOnConnection(99, 2, &batch); n != 0 || err == nil {
		t.Errorf("an unknown connection: %d, %v; want Steam's -1 reported as an error", n, err)
	}
}

// Without a networking interface (an accessor returned NULL) its calls answer Steam's refusal and
// call nothing.
func TestNetMissingInterfacesRefuse(t *testing.T) {
	f := newFake(t)
	netAnswers(f)
	f.net.none = map[sym]bool{symGameServerNetworkingSocketsV012: true, symGameServerNetworkingMessagesV002: true,
		symGameServerNetworkingV006: true, symNetworkingUtilsV004: true, symFindOrCreateGameServerInterface: true}
	srv, _ := netServer(t, f)
	if s, _ := srv.CreateListenSocketP2P(0, nil); s != 0 {
		t.Errorf("CreateListenSocketP2P = %d", s)
	}
	if r, _ := srv.SendMessageToUser(userID, []byte("x"), 0, 0); r != steam.ResultNoConnection {
		t.Errorf("SendMessageToUser = %v", r)
	}
	if ok, _ := srv.SendP2PPacket(userID, []byte("x"), 0, 0); ok {
		t.Error("SendP2PPacket succeeded")
	}
	if results, _ := srv.SendMessages([]steam.OutgoingMessage{{Conn: 1, Data: []byte("x")}}); !slices.Equal(results, []int64{-int64(steam.ResultFail)}) {
		t.Errorf("SendMessages = %v", results)
	}
	for _, c := range f.take() {
		t.Errorf("called %s without its interface", c)
	}
}

// When the shared Utils accessor returns NULL (no client in the process), the backend asks for the
// game server's instance, as the SDK's SteamNetworkingUtils_SteamAPI() does.
func TestNetUtilsFallBackToTheGameServers(t *testing.T) {
	f := newFake(t)
	f.ints[symGameServerGetHSteamUser] = 3
	f.net.none = map[sym]bool{symNetworkingUtilsV004: true}
	b := newBackend(f, "")
	if err := b.Init(testConfig, &steam.State{}, steam.NewEventQueue(0)); err != nil {
		t.Fatal(err)
	}
	defer b.Shutdown()
	calls := f.take()
	if !slices.Contains(calls, `SteamInternal_FindOrCreateGameServerInterface(3, "SteamNetworkingUtils004")`) || !b.net.utils {
		t.Errorf("init calls %q; utils %v", calls, b.net.utils)
	}
}

// The networking callbacks come through the pump like every other.
func TestNetCallbacksArePumped(t *testing.T) {
	f := newFake(t)
	be, q := started(t, f)
	f.callbacks = []fakeCallback{{1221, fixture("SteamNetConnectionStatusChangedCallback_t").bytes()},
		{1251, fixture("SteamNetworkingMessagesSessionRequest_t").bytes()}, {1203, fixture("P2PSessionConnectFail_t").bytes()}}
	be.RunFrame()
	want := []steam.Event{fixture("SteamNetConnectionStatusChangedCallback_t").want, fixture("SteamNetworkingMessagesSessionRequest_t").want,
		fixture("P2PSessionConnectFail_t").want}
	if got := events(q); !reflect.DeepEqual(got, want) {
		t.Errorf("events %#v, want %#v", got, want)
	}
}
