package steamworks

import (
	"encoding/binary"
	"errors"
	"reflect"
	"slices"
	"testing"

	"github.com/gosteam/godot-steam-server/steam"
)

var testConfig = steam.InitConfig{IP: 0xC0A80114, GamePort: 27015, QueryPort: 27016, Mode: steam.ServerModeAuthentication, Version: "1.2.3"}

// started is a backend over f after a successful Init, with the init calls taken.
func started(t *testing.T, f *fakeFlat) (*Backend, *steam.EventQueue) {
	t.Helper()
	b := newBackend(f, "/fake/libsteam_api.so")
	q := steam.NewEventQueue(0)
	if err := b.Init(testConfig, &steam.State{}, q); err != nil {
		t.Fatalf("Init: %v", err)
	}
	t.Cleanup(b.Shutdown)
	f.take()
	return b, q
}

func events(q *steam.EventQueue) []steam.Event {
	var out []steam.Event
	q.Drain(func(ev steam.Event) { out = append(out, ev) })
	return out
}

func TestInitStartsSteamThenShutsDown(t *testing.T) {
	f := newFake(t)
	b := newBackend(f, "/fake/libsteam_api.so")
	if err := b.Init(testConfig, &steam.State{}, steam.NewEventQueue(0)); err != nil {
		t.Fatal(err)
	}
	want := []string{
		`SteamInternal_GameServer_Init_V2(0xc0a80114, 27015, 27016, 2, "1.2.3", "SteamGameServer015\x00\x00")`,
		"SteamAPI_SteamGameServer_v015()",
		"SteamAPI_ManualDispatch_Init()",
		"SteamGameServer_GetHSteamPipe()",
	}
	if got := f.take(); !slices.Equal(got, want) {
		t.Errorf("init calls:\n got %q\nwant %q", got, want)
	}
	b.RunFrame()
	if got := f.take(); !slices.Equal(got, []string{"SteamAPI_ManualDispatch_RunFrame(7)", "SteamAPI_ManualDispatch_GetNextCallback(7)"}) {
		t.Errorf("RunFrame pumps the server's pipe: %q", got)
	}
	b.Shutdown()
	b.Shutdown() // a second Shutdown does nothing
	b.RunFrame() // nor does a frame after it
	if got := f.take(); !slices.Equal(got, []string{"SteamGameServer_Shutdown()"}) {
		t.Errorf("shutdown calls: %q", got)
	}
}

func TestInitFailureReportsTheLibrarysMessage(t *testing.T) {
	f := newFake(t)
	f.initStatus, f.initMsg = 1, "Failed to load module '/home/x/.steam/sdk64/steamclient.so'"
	err := newBackend(f, "").Init(testConfig, &steam.State{}, steam.NewEventQueue(0))
	var ie *steam.InitError
	if !errors.As(err, &ie) || ie.Status != steam.InitFailedGeneric || ie.Message != f.initMsg {
		t.Fatalf("got %#v, want InitError{1, %q}", err, f.initMsg)
	}
	if got := f.take(); len(got) != 1 {
		t.Errorf("nothing but the init may be called after a failed init: %q", got)
	}
	// The process may try again (and then succeed).
	f.initStatus, f.initMsg = 0, ""
	b := newBackend(f, "")
	if err := b.Init(testConfig, &steam.State{}, steam.NewEventQueue(0)); err != nil {
		t.Fatalf("Init after a failed Init: %v", err)
	}
	b.Shutdown()
}

func TestInitFailureWithoutMessage(t *testing.T) {
	f := newFake(t)
	f.initStatus = 3
	err := newBackend(f, "").Init(testConfig, &steam.State{}, steam.NewEventQueue(0))
	want := &steam.InitError{Status: steam.InitVersionMismatch, Message: "SteamGameServer init failed (ESteamAPIInitResult 3)"}
	if !reflect.DeepEqual(err, want) {
		t.Errorf("got %#v, want %#v", err, want)
	}
}

func TestInitWithoutInterfaceShutsSteamDown(t *testing.T) {
	f := newFake(t)
	f.noSelf = true
	err := newBackend(f, "").Init(testConfig, &steam.State{}, steam.NewEventQueue(0))
	var ie *steam.InitError
	if !errors.As(err, &ie) || ie.Status != steam.InitVersionMismatch {
		t.Fatalf("got %#v", err)
	}
	if got := f.take(); got[len(got)-1] != "SteamGameServer_Shutdown()" {
		t.Errorf("Steam was left running: %q", got)
	}
	if running.Load() {
		t.Error("the process still counts a running server")
	}
}

func TestOneGameServerPerProcess(t *testing.T) {
	first, _ := started(t, newFake(t))
	second := newBackend(newFake(t), "")
	if err := second.Init(testConfig, &steam.State{}, steam.NewEventQueue(0)); err == nil {
		t.Fatal("a second game server started while the first runs")
	}
	first.Shutdown()
	if err := second.Init(testConfig, &steam.State{}, steam.NewEventQueue(0)); err != nil {
		t.Fatalf("after the first shut down: %v", err)
	}
	second.Shutdown()
}

func TestInitExportsTheAppID(t *testing.T) {
	t.Setenv("SteamAppId", "")
	t.Setenv("SteamGameId", "")
	f := newFake(t)
	cfg := testConfig
	cfg.AppID = 730
	b := newBackend(f, "")
	if err := b.Init(cfg, &steam.State{}, steam.NewEventQueue(0)); err != nil {
		t.Fatal(err)
	}
	b.Shutdown()
	if steam.Getenv("SteamAppId") != "730" || steam.Getenv("SteamGameId") != "730" {
		t.Errorf("SteamAppId=%q SteamGameId=%q, want 730", steam.Getenv("SteamAppId"), steam.Getenv("SteamGameId"))
	}
}

func TestMethodsMapToTheFlatAPI(t *testing.T) {
	f := newFake(t)
	b, _ := started(t, f)
	f.bools[symBLoggedOn], f.bools[symBSecure], f.bools[symWasRestartRequested] = true, true, true
	f.bools[symRequestUserGroupStatus], f.bools[symHandleIncomingPacket] = true, true
	f.ints[symBeginAuthSession], f.ints[symUserHasLicenseForApp] = 4, 1
	f.steamID = uint64(userID)
	cases := []struct {
		name string
		call func() any
		want string
		ret  any
	}{
		{"LogOn", func() any { b.LogOn("token"); return nil }, `LogOn("token")`, nil},
		{"LogOnAnonymous", func() any { b.LogOnAnonymous(); return nil }, "LogOnAnonymous()", nil},
		{"LogOff", func() any { b.LogOff(); return nil }, "LogOff()", nil},
		{"LoggedOn", func() any { return b.LoggedOn() }, "BLoggedOn()", true},
		{"Secure", func() any { return b.Secure() }, "BSecure()", true},
		{"SteamID", func() any { return b.SteamID() }, "GetSteamID()", userID},
		{"WasRestartRequested", func() any { return b.WasRestartRequested() }, "WasRestartRequested()", true},
		{"ReleaseCurrentThreadMemory", func() any { b.ReleaseCurrentThreadMemory(); return nil }, "SteamAPI_ReleaseCurrentThreadMemory()", nil},
		{"BeginAuthSession", func() any { return b.BeginAuthSession([]byte{1, 2, 3}, userID) },
			"BeginAuthSession(01 02 03, 0x1100001" + "00a1b2c3)", steam.BeginAuthSessionGameMismatch},
		{"EndAuthSession", func() any { b.EndAuthSession(userID); return nil }, "EndAuthSession(0x110000100a1b2c3)", nil},
		{"CancelAuthTicket", func() any { b.CancelAuthTicket(0xFFFFFFFE); return nil }, "CancelAuthTicket(4294967294)", nil},
		{"UserHasLicenseForApp", func() any { return b.UserHasLicenseForApp(userID, 4000000000) },
			"UserHasLicenseForApp(0x110000100a1b2c3, 4000000000)", steam.UserDoesNotHaveLicense},
		{"RequestUserGroupStatus", func() any { return b.RequestUserGroupStatus(userID, groupID) },
			"RequestUserGroupStatus(0x110000100a1b2c3, 0x170000000123457)", true},
		{"HandleIncomingPacket", func() any { return b.HandleIncomingPacket([]byte{0xFF, 0xFF, 0xFF, 0xFF, 0x54}, 0x7F000001, 65535) },
			"HandleIncomingPacket(ff ff ff ff 54, 0x7f000001, 65535)", true},
	}
	for _, c := range cases {
		ret := c.call()
		if got := f.take(); !slices.Equal(got, []string{c.want}) {
			t.Errorf("%s: calls %q, want %q", c.name, got, c.want)
		}
		if !reflect.DeepEqual(ret, c.ret) {
			t.Errorf("%s: returned %#v, want %#v", c.name, ret, c.ret)
		}
	}
}

func TestPlayerConnections(t *testing.T) {
	f := newFake(t)
	b, _ := started(t, f)
	f.bools[symSendUserConnectAndAuthenticate], f.bools[symBUpdateUserData] = true, true
	if ok, err := b.SendUserConnectAndAuthenticate(0x0A000002, []byte{9, 8}, userID); !ok || err != nil {
		t.Errorf("SendUserConnectAndAuthenticate: %v, %v", ok, err)
	}
	if _, err := b.CreateUnauthenticatedUserConnection(); err == nil {
		t.Error("CreateUnauthenticatedUserConnection: Steam's 0 (no ID) was not an error")
	}
	f.botID = 0x0140000000000009
	if id, err := b.CreateUnauthenticatedUserConnection(); id != 0x0140000000000009 || err != nil {
		t.Errorf("CreateUnauthenticatedUserConnection: %#x, %v", uint64(id), err)
	}
	if err := b.SendUserDisconnect(userID); err != nil {
		t.Errorf("SendUserDisconnect: %v", err)
	}
	if ok, err := b.UpdateUserData(userID, "Gordon", 0xFFFFFFFF); !ok || err != nil {
		t.Errorf("UpdateUserData: %v, %v", ok, err)
	}
	want := []string{
		"SendUserConnectAndAuthenticate_DEPRECATED(0x0a000002, 09 08, 0x110000100a1b2c3)",
		"CreateUnauthenticatedUserConnection()", "CreateUnauthenticatedUserConnection()",
		"SendUserDisconnect_DEPRECATED(0x110000100a1b2c3)",
		`BUpdateUserData(0x110000100a1b2c3, "Gordon", 4294967295)`,
	}
	if got := f.take(); !slices.Equal(got, want) {
		t.Errorf("calls:\n got %q\nwant %q", got, want)
	}
}

func TestGetAuthSessionTicket(t *testing.T) {
	f := newFake(t)
	b, _ := started(t, f)
	f.ticketID, f.ticket = 42, []byte{0x14, 0, 0, 0, 0xAB}
	tk, err := b.GetAuthSessionTicket()
	if err != nil || tk.Handle != 42 || !slices.Equal(tk.Bytes, f.ticket) {
		t.Errorf("got %+v, %v", tk, err)
	}
	if got := f.take(); !slices.Equal(got, []string{"GetAuthSessionTicket(buf[1024], NULL)"}) {
		t.Errorf("calls %q: a 1024-byte buffer and a NULL identity", got)
	}
	f.ticketID = 0
	if tk, err := b.GetAuthSessionTicket(); err == nil || tk.Handle != 0 || tk.Bytes != nil {
		t.Errorf("k_HAuthTicketInvalid: got %+v, %v", tk, err)
	}
}

func TestPublicIP(t *testing.T) {
	f := newFake(t)
	b, _ := started(t, f)
	binary.LittleEndian.PutUint32(f.ip[:], 0xC0A80114) // a host-order uint32 in x86_64 memory
	if got, want := b.PublicIP(), (steam.IPAddress{Type: steam.IPTypeIPv4, IPv4: 0xC0A80114}); got != want {
		t.Errorf("IPv4: got %+v, want %+v", got, want)
	}
	f.ipType = 1
	f.ip = [16]byte{0x20, 0x01, 0x0d, 0xb8, 15: 1}
	if got, want := b.PublicIP(), (steam.IPAddress{Type: steam.IPTypeIPv6, IPv6: f.ip}); got != want {
		t.Errorf("IPv6: got %+v, want %+v", got, want)
	}
}

func TestNextOutgoingPacket(t *testing.T) {
	f := newFake(t)
	b, _ := started(t, f)
	buf := make([]byte, steam.MaxOutgoingPacket)
	if n, ip, port := b.NextOutgoingPacket(buf); n != 0 || ip != 0 || port != 0 {
		t.Errorf("none queued: got %d, %#x, %d", n, ip, port)
	}
	f.outgoing, f.outIP, f.outPort = []byte{0xFF, 0xFF, 0xFF, 0xFF, 0x49}, 0x0A000002, 27005
	n, ip, port := b.NextOutgoingPacket(buf)
	if n != 5 || !slices.Equal(buf[:n], []byte{0xFF, 0xFF, 0xFF, 0xFF, 0x49}) || ip != 0x0A000002 || port != 27005 {
		t.Errorf("got %d (% x), %#x, %d", n, buf[:n], ip, port)
	}
	if got := f.take(); !slices.Equal(got, []string{"GetNextOutgoingPacket(buf[16384])", "GetNextOutgoingPacket(buf[16384])"}) {
		t.Errorf("calls %q", got)
	}
}

// completed is a SteamAPICallCompleted_t.
func completed(call uint64, id int32, size uint32) []byte {
	b := make([]byte, 16)
	binary.LittleEndian.PutUint64(b, call)
	binary.LittleEndian.PutUint32(b[8:], uint32(id))
	binary.LittleEndian.PutUint32(b[12:], size)
	return b
}

// The pump drains every callback each frame, in order, frees each one before the next, skips
// unknown ones, and fetches async results while their SteamAPICallCompleted_t is current.
func TestPumpDecodesCallbacksInOrder(t *testing.T) {
	f := newFake(t)
	b, q := started(t, f)
	f.nextCall = 0x900
	b.ComputeNewPlayerCompatibility(userID)
	f.results[0x900] = fixture("ComputeNewPlayerCompatibilityResult_t").bytes()
	f.callbacks = []fakeCallback{
		{fixture("SteamServersConnected_t").id(), fixture("SteamServersConnected_t").bytes()},
		{fixture("GSPolicyResponse_t").id(), fixture("GSPolicyResponse_t").bytes()},
		{1201, make([]byte, 40)}, // SteamNetConnectionStatusChangedCallback_t: not ours, skipped
		{idAPICallCompleted, completed(0x900, idPlayerCompatibilityResult, 24)},
		{fixture("ValidateAuthTicketResponse_t").id(), fixture("ValidateAuthTicketResponse_t").bytes()},
	}
	f.take()
	b.RunFrame()
	want := []steam.Event{
		fixture("SteamServersConnected_t").want,
		fixture("GSPolicyResponse_t").want,
		fixture("ComputeNewPlayerCompatibilityResult_t").want,
		fixture("ValidateAuthTicketResponse_t").want,
	}
	if got := events(q); !reflect.DeepEqual(got, want) {
		t.Errorf("events:\n got %#v\nwant %#v", got, want)
	}
	wantCalls := []string{
		"SteamAPI_ManualDispatch_RunFrame(7)",
		"SteamAPI_ManualDispatch_GetNextCallback(7)", "SteamAPI_ManualDispatch_FreeLastCallback(7)",
		"SteamAPI_ManualDispatch_GetNextCallback(7)", "SteamAPI_ManualDispatch_FreeLastCallback(7)",
		"SteamAPI_ManualDispatch_GetNextCallback(7)", "SteamAPI_ManualDispatch_FreeLastCallback(7)",
		"SteamAPI_ManualDispatch_GetNextCallback(7)", "SteamAPI_ManualDispatch_GetAPICallResult(7, 0x900, 24, 211)",
		"SteamAPI_ManualDispatch_FreeLastCallback(7)",
		"SteamAPI_ManualDispatch_GetNextCallback(7)", "SteamAPI_ManualDispatch_FreeLastCallback(7)",
		"SteamAPI_ManualDispatch_GetNextCallback(7)",
	}
	if got := f.take(); !slices.Equal(got, wantCalls) {
		t.Errorf("dispatch calls:\n got %q\nwant %q", got, wantCalls)
	}
	if f.current != nil {
		t.Error("the last callback was not freed")
	}
}

// A call whose result cannot be fetched, or reports failure, still answers: with ResultFail, and
// for compatibility with the player it was about.
func TestPumpReportsFailedCalls(t *testing.T) {
	f := newFake(t)
	b, q := started(t, f)
	f.nextCall = 0x901
	b.AssociateWithClan(groupID)
	f.nextCall = 0x902
	b.ComputeNewPlayerCompatibility(userID)
	f.results[0x902] = fixture("ComputeNewPlayerCompatibilityResult_t").bytes()
	f.failed[0x902] = true
	f.callbacks = []fakeCallback{
		{idAPICallCompleted, completed(0x901, idAssociateWithClanResult, 4)}, // no result stored: GetAPICallResult fails
		{idAPICallCompleted, completed(0x902, idPlayerCompatibilityResult, 24)},
		{idAPICallCompleted, completed(0x903, 9999, 8)},     // someone else's call: fetched, skipped
		{idAPICallCompleted, completed(0x904, 9999, 1<<20)}, // absurd size: not fetched
		{idAPICallCompleted, []byte{1, 2, 3}},               // truncated: skipped
	}
	b.RunFrame()
	want := []steam.Event{
		steam.AssociateClan{Result: steam.ResultFail},
		steam.PlayerCompat{Result: steam.ResultFail, SteamID: userID},
	}
	if got := events(q); !reflect.DeepEqual(got, want) {
		t.Errorf("events:\n got %#v\nwant %#v", got, want)
	}
	if len(b.compat) != 0 {
		t.Errorf("answered calls are still remembered: %v", b.compat)
	}
}

// Steam refuses to start an async call (k_uAPICallInvalid) when, for example, the server is not
// logged on: the signal still comes, with ResultFail.
func TestRefusedAsyncCallsAnswerWithFailure(t *testing.T) {
	f := newFake(t)
	b, q := started(t, f)
	b.AssociateWithClan(groupID)
	b.ComputeNewPlayerCompatibility(userID)
	want := []steam.Event{
		steam.AssociateClan{Result: steam.ResultFail},
		steam.PlayerCompat{Result: steam.ResultFail, SteamID: userID},
	}
	if got := events(q); !reflect.DeepEqual(got, want) {
		t.Errorf("got %#v, want %#v", got, want)
	}
	if got := f.take(); !slices.Equal(got, []string{"AssociateWithClan(0x170000000123457)", "ComputeNewPlayerCompatibility(0x110000100a1b2c3)"}) {
		t.Errorf("calls %q", got)
	}
}

// Driving the backend through steam.Server (the front the extension uses) calls every symbol of
// the table: none is resolved for nothing.
func TestEverySymbolIsCalled(t *testing.T) {
	f := newFake(t)
	f.nextCall = 0x77
	f.ticketID = 1
	f.botID = uint64(userID)
	srv := steam.NewServer(func() (steam.Backend, error) { return newBackend(f, ""), nil })
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(srv.Init(testConfig))
	for _, set := range []func() error{
		func() error { return srv.SetString(steam.FieldProduct, "480") }, func() error { return srv.SetString(steam.FieldDescription, "d") },
		func() error { return srv.SetString(steam.FieldModDir, "m") }, func() error { return srv.SetBool(steam.FieldDedicated, true) },
		func() error { return srv.SetInt(steam.FieldMaxPlayers, 8) }, func() error { return srv.SetInt(steam.FieldBotPlayers, 1) },
		func() error { return srv.SetString(steam.FieldServerName, "n") }, func() error { return srv.SetString(steam.FieldMapName, "m") },
		func() error { return srv.SetBool(steam.FieldPasswordProtected, true) }, func() error { return srv.SetInt(steam.FieldSpectatorPort, 1) },
		func() error { return srv.SetString(steam.FieldSpectatorName, "s") }, func() error { return srv.SetString(steam.FieldGameTags, "t") },
		func() error { return srv.SetString(steam.FieldGameData, "g") }, func() error { return srv.SetString(steam.FieldRegion, "r") },
		func() error { return srv.SetBool(steam.FieldAdvertiseActive, true) }, func() error { return srv.SetKeyValue("k", "v") },
		func() error { return srv.SetInt(steam.FieldHeartbeatInterval, 10) },
		srv.LogOnAnonymous, func() error { return srv.LogOn("token") }, srv.LogOff, srv.ReleaseCurrentThreadMemory,
		func() error { _, err := srv.LoggedOn(); return err }, func() error { _, err := srv.Secure(); return err },
		func() error { _, err := srv.SteamID(); return err }, func() error { _, err := srv.PublicIP(); return err },
		func() error { _, err := srv.WasRestartRequested(); return err },
		func() error { _, err := srv.GetAuthSessionTicket(); return err },
		func() error { _, err := srv.BeginAuthSession([]byte{1}, userID); return err },
		func() error { return srv.EndAuthSession(userID) }, func() error { return srv.CancelAuthTicket(1) },
		func() error { _, err := srv.UserHasLicenseForApp(userID, 480); return err },
		func() error { _, err := srv.RequestUserGroupStatus(userID, groupID); return err },
		func() error { return srv.AssociateWithClan(groupID) },
		func() error { return srv.ComputeNewPlayerCompatibility(userID) },
		func() error { _, err := srv.HandleIncomingPacket([]byte{0xFF}, "127.0.0.1", 27015); return err },
		func() error { _, err := srv.NextOutgoingPacket(make([]byte, 1500)); return err },
		func() error { _, err := srv.SendUserConnectAndAuthenticate(0x7F000001, []byte{1}, userID); return err },
		func() error { _, err := srv.CreateUnauthenticatedUserConnection(); return err },
		func() error { return srv.SendUserDisconnect(userID) },
		func() error { _, err := srv.UpdateUserData(userID, "bot", 3); return err },
	} {
		must(set())
	}
	f.results[0x77] = make([]byte, 4)
	f.callbacks = []fakeCallback{{idAPICallCompleted, completed(0x77, idAssociateWithClanResult, 4)}}
	srv.RunFrame()
	must(srv.Shutdown())
	for s := range sym(len(symbols)) {
		if !f.used[s] {
			t.Errorf("%s is in the table but never called", symbols[s].name)
		}
	}
}
