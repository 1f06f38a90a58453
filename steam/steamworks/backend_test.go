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

// events drains q, leaving out the APICallCompleted notice each async call's result comes with
// (utils_test.go checks those, with allEvents).
func events(q *steam.EventQueue) []steam.Event { return steam.WithoutCallNotices(allEvents(q)) }

func allEvents(q *steam.EventQueue) []steam.Event {
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
		`SteamInternal_GameServer_Init_V2(0xc0a80114, 27015, 27016, 2, "1.2.3", "SteamGameServer015\x00SteamGameServerStats001\x00STEAMUGC_INTERFACE_VERSION020\x00STEAMHTTP_INTERFACE_VERSION003\x00SteamUtils010\x00STEAMINVENTORY_INTERFACE_V003\x00` +
			`SteamNetworkingSockets012\x00SteamNetworkingMessages002\x00SteamNetworking006\x00SteamNetworkingUtils004\x00\x00")`,
		"SteamAPI_SteamGameServer_v015()",
		"SteamAPI_SteamGameServerStats_v001()",
		"SteamAPI_SteamGameServerUGC_v020()",
		"SteamAPI_SteamGameServerHTTP_v003()",
		"SteamAPI_SteamGameServerUtils_v010()",
		"SteamAPI_SteamGameServerInventory_v003()",
		"SteamAPI_SteamGameServerNetworkingSockets_SteamAPI_v012()",
		"SteamAPI_SteamGameServerNetworkingMessages_SteamAPI_v002()",
		"SteamAPI_SteamGameServerNetworking_v006()",
		"SteamAPI_SteamNetworkingUtils_SteamAPI_v004()",
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

// completed is a SteamAPICallCompleted_t.
func completed(call uint64, id int32, size uint32) []byte {
	b := make([]byte, 16)
	binary.LittleEndian.PutUint64(b, call)
	binary.LittleEndian.PutUint32(b[8:], uint32(id))
	binary.LittleEndian.PutUint32(b[12:], size)
	return b
}
