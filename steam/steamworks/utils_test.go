package steamworks

import (
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// utilsFrontCalls is every Utils call of steam.Server, for TestEverySymbolIsCalled; f answers them.
func utilsFrontCalls(f *fakeFlat, srv *steam.Server) []func() error {
	f.utils.bools = map[sym]bool{symGetImageSize: true, symGetImageRGBA: true}
	f.utils.width, f.utils.height = 2, 2
	return []func() error{
		func() error { _, err := srv.AppID(); return err },
		func() error { _, err := srv.ServerRealTime(); return err },
		func() error { _, err := srv.IPCountry(); return err },
		func() error { _, err := srv.SecondsSinceAppActive(); return err },
		func() error { _, err := srv.SecondsSinceComputerActive(); return err },
		func() error { _, err := srv.SteamUILanguage(); return err },
		func() error { _, err := srv.CurrentBatteryPower(); return err },
		func() error { _, err := srv.IPCCallCount(); return err },
		func() error { _, err := srv.InitFilterText(); return err },
		func() error { _, err := srv.FilterText(0, userID, "x"); return err },
		func() error { _, err := srv.IsAPICallCompleted(); return err },
		func() error { _, err := srv.APICallFailureReason(); return err },
		func() error { _, err := srv.ImageRGBA(3); return err }, // GetImageSize, then GetImageRGBA
	}
}

func TestUtilsMapToTheFlatAPI(t *testing.T) {
	f := newFake(t)
	f.utils.u32s = map[sym]uint32{symGetAppID: 480, symGetServerRealTime: 1_750_000_000, symGetSecondsSinceAppActive: 5,
		symGetSecondsSinceComputerActive: 2005, symGetIPCCallCount: 123}
	f.utils.str = map[sym]string{symGetIPCountry: "DE", symGetSteamUILanguage: "german"}
	f.utils.u8 = 87
	f.utils.bools = map[sym]bool{symInitFilterText: true, symGetImageSize: true, symGetImageRGBA: true}
	f.utils.width, f.utils.height, f.utils.pixel = 3, 2, 0xAB
	b, _ := started(t, f)
	cases := []struct {
		call func() any
		want string
		ret  any
	}{
		{func() any { return b.AppID() }, "SteamAPI_ISteamUtils_GetAppID()", uint32(480)},
		{func() any { return b.ServerRealTime() }, "SteamAPI_ISteamUtils_GetServerRealTime()", uint32(1_750_000_000)},
		{func() any { return b.SecondsSinceAppActive() }, "SteamAPI_ISteamUtils_GetSecondsSinceAppActive()", uint32(5)},
		{func() any { return b.SecondsSinceComputerActive() }, "SteamAPI_ISteamUtils_GetSecondsSinceComputerActive()", uint32(2005)},
		{func() any { return b.IPCCallCount() }, "SteamAPI_ISteamUtils_GetIPCCallCount()", uint32(123)},
		{func() any { return b.IPCountry() }, "SteamAPI_ISteamUtils_GetIPCountry()", "DE"},
		{func() any { return b.SteamUILanguage() }, "SteamAPI_ISteamUtils_GetSteamUILanguage()", "german"},
		{func() any { return b.CurrentBatteryPower() }, "SteamAPI_ISteamUtils_GetCurrentBatteryPower()", uint8(87)},
		{func() any { return b.InitFilterText() }, "SteamAPI_ISteamUtils_InitFilterText(0)", true},
		// The output buffer holds the UTF-8 text and its NUL.
		{func() any { return b.FilterText(steam.TextFilteringContextChat, userID, "héllo") },
			`SteamAPI_ISteamUtils_FilterText(2, 0x110000100a1b2c3, "héllo", out[7])`, "héllo"},
		{func() any { w, h, err := b.ImageSize(-7); return []any{w, h, err} }, "SteamAPI_ISteamUtils_GetImageSize(-7)", []any{uint32(3), uint32(2), nil}},
		{func() any { p, err := b.ImageRGBA(9, 24); return []any{len(p), p[23], err} }, "SteamAPI_ISteamUtils_GetImageRGBA(9, buf[24])", []any{24, byte(0xAB), nil}},
	}
	for _, c := range cases {
		ret := c.call()
		if got := f.take(); !slices.Equal(got, []string{c.want}) {
			t.Errorf("calls %q, want %q", got, c.want)
		}
		if !reflect.DeepEqual(ret, c.ret) {
			t.Errorf("%s returned %#v, want %#v", c.want, ret, c.ret)
		}
	}
	f.utils.filter = "*****, world"
	assert.Equal(t, "*****", b.FilterText(0, 0, "hello"), "Steam's answer, cut to the buffer it was given")
	f.utils.bools[symGetImageSize] = false
	_, _, err := b.ImageSize(1)
	assert.ErrorIs(t, err, errNoImage)
}

// The handle of the last async call started, refused ones included (0), is what Steam is asked about.
func TestAPICallStateIsAskedForTheLastCall(t *testing.T) {
	f := newFake(t)
	f.utils.bools = map[sym]bool{symIsAPICallCompleted: true}
	f.utils.failed, f.utils.reason = true, int32(steam.APICallFailureNetworkFailure)
	b, _ := started(t, f)
	done, failed := b.APICallCompleted()
	assert.Equal(t, []string{"SteamAPI_ISteamUtils_IsAPICallCompleted(0x0)"}, f.take(), "no call yet")
	assert.True(t, done && failed)
	for _, c := range []struct {
		start func()
		call  uint64
	}{
		{func() { b.AssociateWithClan(groupID) }, 0x51},
		{func() { b.ComputeNewPlayerCompatibility(userID) }, 0x52},
		{func() { b.RequestUserStats(userID) }, 0x53},
		{func() { b.StoreUserStats(userID) }, 0x54},
		{func() { b.AssociateWithClan(groupID) }, 0}, // refused by Steam: no handle
	} {
		f.nextCall = c.call
		c.start()
		f.take()
		b.APICallCompleted()
		assert.Equal(t, steam.APICallFailureNetworkFailure, b.APICallFailureReason())
		want := []string{
			fmt.Sprintf("SteamAPI_ISteamUtils_IsAPICallCompleted(%#x)", c.call),
			fmt.Sprintf("SteamAPI_ISteamUtils_GetAPICallFailureReason(%#x)", c.call),
		}
		assert.Equal(t, want, f.take())
	}
	// A new serverInit forgets the last call.
	f.nextCall = 0x60
	b.AssociateWithClan(groupID)
	b.Shutdown()
	require.NoError(t, b.Init(testConfig, &steam.State{}, steam.NewEventQueue(0)))
	f.take()
	b.APICallCompleted()
	assert.Equal(t, []string{"SteamAPI_ISteamUtils_IsAPICallCompleted(0x0)"}, f.take())
}

// Without the game server's ISteamUtils nothing is called through NULL: the app it was started
// with, zeros, AC power, text passed through, and refusals.
func TestUtilsWithoutTheInterface(t *testing.T) {
	f := newFake(t)
	f.utils.none = true
	b := newBackend(f, "")
	cfg := testConfig
	cfg.AppID = 730
	require.NoError(t, b.Init(cfg, &steam.State{}, steam.NewEventQueue(0)))
	t.Cleanup(b.Shutdown)
	f.take()
	assert.Equal(t, uint32(730), b.AppID())
	assert.Zero(t, b.ServerRealTime())
	assert.Equal(t, "", b.IPCountry())
	assert.Equal(t, uint8(255), b.CurrentBatteryPower())
	assert.False(t, b.InitFilterText())
	assert.Equal(t, "text", b.FilterText(0, 0, "text"))
	done, _ := b.APICallCompleted()
	assert.False(t, done)
	assert.Equal(t, steam.APICallFailureSteamGone, b.APICallFailureReason())
	_, _, err := b.ImageSize(1)
	assert.ErrorIs(t, err, errNoUtils)
	_, err = b.ImageRGBA(1, 4)
	assert.ErrorIs(t, err, errNoUtils)
	assert.Empty(t, f.take())
}

// Each SteamAPICallCompleted_t is announced (steam_api_call_completed), before the result it
// names; one too short to read is not.
func TestPumpAnnouncesCompletedCalls(t *testing.T) {
	f := newFake(t)
	b, q := started(t, f)
	f.nextCall = 0x901
	b.AssociateWithClan(groupID)
	f.results[0x901] = fixture("AssociateWithClanResult_t").bytes()
	f.callbacks = []fakeCallback{
		{idAPICallCompleted, completed(0x901, idAssociateWithClanResult, 4)},
		{idAPICallCompleted, completed(0x904, 9999, 1<<20)}, // absurd size: announced, not fetched
		{idAPICallCompleted, []byte{1, 2, 3}},               // truncated: skipped
	}
	b.RunFrame()
	want := []steam.Event{
		steam.APICallCompleted{Call: 0x901, Callback: 210, Size: 4},
		fixture("AssociateWithClanResult_t").want,
		steam.APICallCompleted{Call: 0x904, Callback: 9999, Size: 1 << 20},
	}
	assert.Equal(t, want, allEvents(q))
}

// Package steam's call result kinds, which the offline backend announces, are the callback
// table's: each ID and size at both packings (the table is checked against C compilers).
func TestCallResultKindsMatchTheCallbackTable(t *testing.T) {
	linux, windows := layOut(callbackRows, 4), layOut(callbackRows, 8)
	for _, k := range steam.CallResults {
		i := slices.IndexFunc(linux, func(c callback) bool { return c.sdk == k.Struct })
		if i < 0 {
			t.Errorf("%s has no row in the callback table", k.Struct)
			continue
		}
		assert.Equal(t, linux[i].id, k.Callback, k.Struct)
		assert.Equal(t, []uint32{uint32(linux[i].size), uint32(windows[i].size)}, []uint32{k.Pack4, k.Pack8}, k.Struct)
		assert.True(t, answersCalls[k.Callback], "%s answers a call: the pump must take it from the call result only", k.Struct)
	}
	for id := range answersCalls {
		assert.True(t, slices.ContainsFunc(steam.CallResults, func(k steam.CallResultKind) bool { return k.Callback == id }),
			"callback %d answers a call but package steam does not know it", id)
	}
}
