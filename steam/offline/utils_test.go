package offline_test

import (
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/gosteam/godot-steam-server/steam/offline"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseDataIPCountry(t *testing.T) {
	d, err := offline.ParseData([]byte(`{"ip_country": "SE"}`))
	require.NoError(t, err)
	assert.Equal(t, "SE", d.IPCountry)
	d, err = offline.ParseData([]byte(`{}`))
	require.NoError(t, err)
	assert.Equal(t, "", d.IPCountry, "no country by default: offline looks up no IP")
	for _, bad := range []string{`"se"`, `"SWE"`, `"S"`, `"S1"`, `"É"`} {
		_, err := offline.ParseData([]byte(`{"ip_country": ` + bad + `}`))
		require.Error(t, err, bad)
		assert.Contains(t, err.Error(), "ip_country must be", bad)
		assert.Contains(t, err.Error(), "ISO 3166-1", bad)
	}
	_, err = offline.ParseData([]byte(`{"ip_country": 46}`))
	assert.ErrorContains(t, err, "ip_country must be a string")
}

// The Utils answers come from the server's state: its clock, the data file, the app.
func TestUtilsAnswersFromTheServersState(t *testing.T) {
	now := time.Unix(1_750_000_000, 0)
	data := offline.NewData()
	data.IPCountry = "NO"
	s, _ := newServer(t, offline.Options{Data: data, Clock: func() time.Time { return now }}, cfgAuth)
	got := func(v uint32, err error) uint32 { t.Helper(); require.NoError(t, err); return v }
	assert.Equal(t, uint32(1_750_000_000), got(s.ServerRealTime()), "Unix time from the clock")
	country, err := s.IPCountry()
	require.NoError(t, err)
	assert.Equal(t, "NO", country)
	assert.Equal(t, uint32(255), got(s.CurrentBatteryPower()), "on AC power")
	lang, err := s.SteamUILanguage()
	require.NoError(t, err)
	assert.Equal(t, "english", lang)
	ok, err := s.InitFilterText()
	require.NoError(t, err)
	assert.True(t, ok)
	text, err := s.FilterText(int64(steam.TextFilteringContextChat), player, "you absolute donkey ☃")
	require.NoError(t, err)
	assert.Equal(t, "you absolute donkey ☃", text, "no filter offline: the text unchanged")
	_, _, err = s.ImageSize(1)
	assert.ErrorContains(t, err, "no images")
	_, err = s.ImageRGBA(1)
	assert.ErrorContains(t, err, "no images")
}

// Seconds since the app was active count from the package's load, across serverShutdown and
// serverInit; the computer has been idle as long.
func TestSecondsSinceAppActive(t *testing.T) {
	now := time.Now()
	clock := func() time.Time { return now }
	s, _ := newServer(t, offline.Options{Clock: clock}, cfgAuth)
	first, err := s.SecondsSinceAppActive()
	require.NoError(t, err)
	now = now.Add(90 * time.Second)
	require.NoError(t, s.Shutdown())
	require.NoError(t, s.Init(cfgAuth))
	later, err := s.SecondsSinceAppActive()
	require.NoError(t, err)
	assert.Equal(t, first+90, later, "serverInit does not restart the count")
	idle, err := s.SecondsSinceComputerActive()
	require.NoError(t, err)
	assert.Equal(t, later, idle)
	now = time.Unix(0, 0)
	early, _ := s.SecondsSinceAppActive()
	assert.Zero(t, early, "a clock before the load counts 0, not a wrapped uint32")
}

// Each async call's result is announced by its APICallCompleted, numbered; the call completes at
// once and never fails offline. Before any call, none is completed and the handle is invalid.
func TestAPICallsAnnounceTheirResults(t *testing.T) {
	s, _ := newServer(t, offline.Options{}, cfgAuth)
	status, err := s.IsAPICallCompleted()
	require.NoError(t, err)
	assert.Equal(t, steam.APICallStatus{}, status, "no call yet")
	reason, _ := s.APICallFailureReason()
	assert.Equal(t, steam.APICallFailureInvalidHandle, reason, "no call yet: no handle to ask about")

	require.NoError(t, s.AssociateWithClan(group))
	status, _ = s.IsAPICallCompleted()
	assert.Equal(t, steam.APICallStatus{Completed: true}, status, "completed before run_callbacks delivers it")
	require.NoError(t, s.ComputeNewPlayerCompatibility(player))
	require.NoError(t, s.RequestUserStats(player)) // no session: RESULT_FAIL, still a completed call
	_, err = s.RequestUserGroupStatus(player, group)
	require.NoError(t, err)
	evs := drainAll(s)
	require.Len(t, evs, 7)
	first := evs[0].(steam.APICallCompleted).Call
	assert.NotZero(t, first)
	assert.Equal(t, []steam.Event{
		steam.APICallCompleted{Call: first, Callback: 210, Size: 4},
		steam.AssociateClan{Result: steam.ResultOK},
		steam.APICallCompleted{Call: first + 1, Callback: 211, Size: 24},
		steam.PlayerCompat{Result: steam.ResultOK, SteamID: player},
		steam.APICallCompleted{Call: first + 2, Callback: 1800, Size: steam.CallResults[2].Size()},
		steam.StatsReceived{Result: steam.ResultFail, SteamID: player},
		steam.ClientGroupStatus{SteamID: player, GroupID: group}, // a callback, not a call result
	}, evs)
	reason, _ = s.APICallFailureReason()
	assert.Equal(t, steam.APICallFailureNone, reason)

	// A new serverInit forgets the last call; handles are never reused.
	require.NoError(t, s.Shutdown())
	require.NoError(t, s.Init(cfgAuth))
	status, _ = s.IsAPICallCompleted()
	assert.False(t, status.Completed, "no call since serverInit")
	require.NoError(t, s.AssociateWithClan(group))
	evs = drainAll(s)
	require.NotEmpty(t, evs)
	assert.Equal(t, first+3, evs[0].(steam.APICallCompleted).Call)
}

// Without Steam's IPC count, getIPCCallCount counts the calls given to the offline backend.
func TestIPCCallCountOffline(t *testing.T) {
	s, _ := newServer(t, offline.Options{}, cfgAuth)
	_, _ = s.IPCCallCount()
	_, _ = s.IPCountry()
	_, _ = s.ServerRealTime()
	n, err := s.IPCCallCount()
	require.NoError(t, err)
	assert.Equal(t, uint32(2), n)
}
