package steam

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// utilsCalls is every Utils call of the front, with valid arguments.
var utilsCalls = map[string]func(*Server) error{
	"ServerRealTime":             func(s *Server) error { _, err := s.ServerRealTime(); return err },
	"IPCountry":                  func(s *Server) error { _, err := s.IPCountry(); return err },
	"SecondsSinceAppActive":      func(s *Server) error { _, err := s.SecondsSinceAppActive(); return err },
	"SecondsSinceComputerActive": func(s *Server) error { _, err := s.SecondsSinceComputerActive(); return err },
	"SteamUILanguage":            func(s *Server) error { _, err := s.SteamUILanguage(); return err },
	"CurrentBatteryPower":        func(s *Server) error { _, err := s.CurrentBatteryPower(); return err },
	"InitFilterText":             func(s *Server) error { _, err := s.InitFilterText(); return err },
	"FilterText":                 func(s *Server) error { _, err := s.FilterText(2, testPlayer, "hi"); return err },
	"IsAPICallCompleted":         func(s *Server) error { _, err := s.IsAPICallCompleted(); return err },
	"APICallFailureReason":       func(s *Server) error { _, err := s.APICallFailureReason(); return err },
	"ImageSize":                  func(s *Server) error { _, _, err := s.ImageSize(1); return err },
	"ImageRGBA":                  func(s *Server) error { _, err := s.ImageRGBA(1); return err },
	"IPCCallCount":               func(s *Server) error { _, err := s.IPCCallCount(); return err },
}

func TestUtilsRefusedBeforeInit(t *testing.T) {
	s, fb, _ := newTestServer()
	for name, call := range utilsCalls {
		assert.ErrorIs(t, call(s), ErrNotInitialized, name)
	}
	assert.Empty(t, fb.Calls())
	v, err := s.APICallFailureReason()
	assert.ErrorIs(t, err, ErrNotInitialized)
	assert.Equal(t, APICallFailureNone, v, "a refused getAPICallFailureReason says no failure")
}

func TestUtilsForwardTheBackendsAnswers(t *testing.T) {
	s, fb := startedServer(t)
	fb.utils.width, fb.utils.height = 2, 3
	now, _ := s.ServerRealTime()
	country, _ := s.IPCountry()
	app, _ := s.SecondsSinceAppActive()
	idle, _ := s.SecondsSinceComputerActive()
	lang, _ := s.SteamUILanguage()
	power, _ := s.CurrentBatteryPower()
	filter, _ := s.InitFilterText()
	text, err := s.FilterText(int64(TextFilteringContextName), 0, "héllo")
	require.NoError(t, err)
	status, _ := s.IsAPICallCompleted()
	reason, _ := s.APICallFailureReason()
	w, h, err := s.ImageSize(-5)
	require.NoError(t, err)
	rgba, err := s.ImageRGBA(7)
	require.NoError(t, err)
	assert.Equal(t, []any{uint32(1_700_000_000), "DE", uint32(12), uint32(34), "german", uint32(42), true, "<héllo>",
		APICallStatus{true, true}, APICallFailureNetworkFailure, uint32(2), uint32(3), 24},
		[]any{now, country, app, idle, lang, power, filter, text, status, reason, w, h, len(rgba)})
	assert.Contains(t, fb.Calls(), `FilterText(3,0,"héllo")`)
	assert.Contains(t, fb.Calls(), "ImageSize(-5)")
	assert.Contains(t, fb.Calls(), "ImageRGBA(7,24)", "getImageRGBA asks for width*height*4 bytes")
}

func TestUtilsArguments(t *testing.T) {
	s, fb := startedServer(t)
	before := len(fb.Calls())
	_, err := s.FilterText(4, testPlayer, "x")
	requireArgError(t, err, "context")
	_, err = s.FilterText(-1, testPlayer, "x")
	requireArgError(t, err, "context")
	_, err = s.FilterText(0, SteamID(5), "x")
	requireArgError(t, err, "steam_id")
	_, err = s.FilterText(0, testPlayer, "a\x00b")
	requireArgError(t, err, "message")
	for _, bad := range []int64{math.MaxInt32 + 1, math.MinInt32 - 1} {
		_, _, err = s.ImageSize(bad)
		requireArgError(t, err, "image")
		_, err = s.ImageRGBA(bad)
		requireArgError(t, err, "image")
	}
	assert.Len(t, fb.Calls(), before, "refused calls must not reach the backend")
	_, err = s.FilterText(int64(TextFilteringContextUnknown), 0, "")
	assert.NoError(t, err, "an empty text from nobody in particular is fine")
}

func TestImageRGBARefusals(t *testing.T) {
	s, fb := startedServer(t)
	_, err := s.ImageRGBA(1)
	assert.ErrorContains(t, err, "no such image", "the backend's reason")
	fb.utils.width, fb.utils.height = 4096, 4096
	_, err = s.ImageRGBA(1)
	assert.ErrorContains(t, err, "larger than getImageRGBA fetches")
	fb.utils.width, fb.utils.height = 0, 7
	_, err = s.ImageRGBA(1)
	assert.ErrorContains(t, err, "no pixels")
	assert.NotContains(t, fb.Calls(), "ImageRGBA(1,0)", "no pixels are fetched when there are none")
}

// Without Steam's own count, getIPCCallCount counts the calls the front gave the backend since
// the last ask; with it, Steam's answer.
func TestIPCCallCount(t *testing.T) {
	s, _ := startedServer(t)
	n, err := s.IPCCallCount()
	require.NoError(t, err)
	assert.Zero(t, n, "Init is not a call the game made after serverInit")
	require.NoError(t, s.SetString(FieldMapName, "dm_1"))
	require.NoError(t, s.SetString(FieldMapName, "dm_1")) // the value the backend has: not given again
	_, _ = s.LoggedOn()
	_, _ = s.SteamID()
	_, _ = s.IPCountry()
	assert.Error(t, s.SetUserStatInt(testPlayer, "", 1), "refused by the front: never reaches the backend")
	n, _ = s.IPCCallCount()
	assert.Equal(t, uint32(4), n, "the setter's Apply, LoggedOn, SteamID and IPCountry")
	n, _ = s.IPCCallCount()
	assert.Zero(t, n, "counted since the last ask")

	steamCount := uint32(77)
	fb := &fakeBackend{utils: fakeUtils{ipcCalls: &steamCount}}
	withSteam := NewServer(func() (Backend, error) { return fakeIPCBackend{fb}, nil })
	require.NoError(t, withSteam.Init(testCfg))
	n, _ = withSteam.IPCCallCount()
	assert.Equal(t, uint32(77), n)
	assert.Contains(t, fb.Calls(), "IPCCallCount")
}

func TestAPICallFailureTexts(t *testing.T) {
	assert.Equal(t, "No failure.", APICallFailureNone.Text())
	assert.Equal(t, "The SteamAPICall_t handle passed in no longer exists.", APICallFailureInvalidHandle.Text())
	assert.Equal(t, "No failure.", APICallFailure(9).Text(), "a value Steam may add later")
	for _, e := range Enums {
		if e.Name == "APICallFailure" {
			for _, c := range e.Values[1:] {
				assert.NotEqual(t, "No failure.", APICallFailure(c.Value).Text(), c.Name)
			}
		}
	}
}

// Every call result event names its kind; other events none.
func TestCallResultOf(t *testing.T) {
	for _, ev := range []Event{AssociateClan{}, PlayerCompat{}, StatsReceived{}, StatsStored{}, UGCQueryCompleted{}, AppDependencies{},
		HTTPRequestCompleted{}} {
		k, ok := CallResultOf(ev)
		assert.True(t, ok, "%T", ev)
		assert.NotZero(t, k.Callback, "%T", ev)
		assert.NotZero(t, k.Size(), "%T", ev)
	}
	for _, ev := range []Event{ServerConnected{}, ClientGroupStatus{}, ItemDownloaded{}, APICallCompleted{}, StatsUnloaded{}} {
		_, ok := CallResultOf(ev)
		assert.False(t, ok, "%T answers no async call", ev)
	}
}
