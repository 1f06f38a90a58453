package offline_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/gosteam/godot-steam-server/steam/offline"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var statsPlayer = steam.NewSteamID(1, steam.AccountTypeIndividual, 1, 4242)

const statsData = `{
  "stats": {
    "Kills": {"type": "int", "min": 0, "max": 1000, "increment_only": true},
    "Score": {"type": "int", "min": -50, "max": 50, "default": 5},
    "Feet": {"type": "float", "max": 1e6},
    "Speed": {"type": "avgrate", "window": 10}
  },
  "achievements": {
    "TEN_KILLS": {"stat": "Kills", "threshold": 10},
    "FAR": {"stat": "Feet", "threshold": 100.5},
    "SECRET": {}
  }
}`

// statsServer starts a server with the schema above and an authenticated player whose stats were received.
func statsServer(t *testing.T, realm *offline.Realm) (*steam.Server, *offline.Backend) {
	t.Helper()
	data, err := offline.ParseData([]byte(statsData))
	require.NoError(t, err)
	s, b := newServer(t, offline.Options{Realm: realm, Data: data}, cfgAuth)
	authenticate(t, s, b, statsPlayer)
	require.NoError(t, s.RequestUserStats(statsPlayer))
	require.Equal(t, []steam.Event{steam.StatsReceived{Result: steam.ResultOK, SteamID: statsPlayer}}, drain(s))
	return s, b
}

func authenticate(t *testing.T, s *steam.Server, b *offline.Backend, id steam.SteamID) {
	t.Helper()
	r, err := s.BeginAuthSession(b.IssueTicket(id).Bytes, id)
	require.NoError(t, err)
	require.Equal(t, steam.BeginAuthSessionOK, r)
	drain(s)
}

func TestStatsRefusals(t *testing.T) {
	s, b := statsServer(t, newRealm(t))
	refused := func(err error, want string) {
		t.Helper()
		require.Error(t, err)
		assert.Contains(t, err.Error(), want)
	}
	refused(s.SetUserStatInt(statsPlayer, "Nope", 1), "is not a stat")
	refused(s.SetUserStatInt(statsPlayer, "Feet", 1), "is a float stat; this call is for int stats")
	refused(s.SetUserStatFloat(statsPlayer, "Kills", 1), "is an int stat")
	refused(s.SetUserStatFloat(statsPlayer, "Speed", 1), "is an avgrate stat")
	refused(s.UpdateUserAvgRateStat(statsPlayer, "Feet", 1, 1), "is a float stat")
	refused(s.SetUserStatInt(statsPlayer, "Kills", 1001), "may only hold 0 to 1000")
	refused(s.SetUserStatInt(statsPlayer, "Score", -51), "may only hold -50 to 50")
	refused(s.SetUserAchievement(statsPlayer, "Kills"), "is not an achievement")
	_, err := s.GetUserStatInt(statsPlayer, "Feet")
	refused(err, "is a float stat")
	require.NoError(t, s.SetUserStatInt(statsPlayer, "Kills", 5))
	refused(s.SetUserStatInt(statsPlayer, "Kills", 4), "increment-only")

	stranger := steam.NewSteamID(1, steam.AccountTypeIndividual, 1, 9)
	refused(s.SetUserStatInt(stranger, "Kills", 1), "no authenticated session")
	require.NoError(t, s.RequestUserStats(stranger))
	assert.Equal(t, []steam.Event{steam.StatsReceived{Result: steam.ResultFail, SteamID: stranger}}, drain(s))
	require.NoError(t, s.StoreUserStats(stranger))
	assert.Equal(t, []steam.Event{steam.StatsStored{Result: steam.ResultFail, SteamID: stranger}}, drain(s))

	other := steam.NewSteamID(1, steam.AccountTypeIndividual, 1, 10)
	authenticate(t, s, b, other)
	_, err = s.GetUserAchievement(other, "SECRET")
	refused(err, "were not received yet")
}

func TestStatsRoundTripAndUnlocks(t *testing.T) {
	realm := newRealm(t)
	s, _ := statsServer(t, realm)
	v, err := s.GetUserStatInt(statsPlayer, "Score")
	require.NoError(t, err)
	assert.Equal(t, int32(5), v, "the schema's default")
	require.NoError(t, s.SetUserStatInt(statsPlayer, "Kills", 10))
	got, err := s.GetUserAchievement(statsPlayer, "TEN_KILLS")
	require.NoError(t, err)
	assert.True(t, got, "reaching the threshold unlocks")
	require.NoError(t, s.SetUserStatFloat(statsPlayer, "Feet", 100.25))
	got, _ = s.GetUserAchievement(statsPlayer, "FAR")
	assert.False(t, got)
	require.NoError(t, s.SetUserAchievement(statsPlayer, "SECRET"))
	require.NoError(t, s.UpdateUserAvgRateStat(statsPlayer, "Speed", 30, 2)) // (30 + 8*0) / 10
	rate, err := s.GetUserStatFloat(statsPlayer, "Speed")
	require.NoError(t, err)
	assert.Equal(t, float32(3), rate)
	require.NoError(t, s.UpdateUserAvgRateStat(statsPlayer, "Speed", 50, 20)) // longer than the window
	rate, _ = s.GetUserStatFloat(statsPlayer, "Speed")
	assert.Equal(t, float32(2.5), rate)
	require.NoError(t, s.StoreUserStats(statsPlayer))
	assert.Equal(t, []steam.Event{steam.StatsStored{Result: steam.ResultOK, SteamID: statsPlayer}}, drain(s))
	require.NoError(t, s.ClearUserAchievement(statsPlayer, "SECRET")) // not stored: lost at shutdown
	require.NoError(t, s.Shutdown())

	s2, _ := statsServer(t, realm)
	k, _ := s2.GetUserStatInt(statsPlayer, "Kills")
	f, _ := s2.GetUserStatFloat(statsPlayer, "Feet")
	secret, _ := s2.GetUserAchievement(statsPlayer, "SECRET")
	assert.Equal(t, int32(10), k)
	assert.Equal(t, float32(100.25), f)
	assert.True(t, secret)
	require.NoError(t, s2.EndAuthSession(statsPlayer))
	assert.Equal(t, []steam.Event{steam.StatsUnloaded{SteamID: statsPlayer}}, drain(s2))
}

func TestAvgRate(t *testing.T) {
	assert.Equal(t, 2.0, offline.AvgRate(7, 20, 10, 10))
	assert.Equal(t, 3.5, offline.AvgRate(5, 10, 5, 10)) // half the window at the old rate 5: (10 + 5*5) / 10
}

func TestStatsStoreOnDisk(t *testing.T) {
	config := realmEnv(t)
	realm, err := offline.LoadRealm()
	require.NoError(t, err)
	s, _ := statsServer(t, realm)
	require.NoError(t, s.SetUserStatInt(statsPlayer, "Kills", 3))
	require.NoError(t, s.StoreUserStats(statsPlayer))
	require.Equal(t, []steam.Event{steam.StatsStored{Result: steam.ResultOK, SteamID: statsPlayer}}, drain(s))
	require.NoError(t, s.Shutdown())
	file := filepath.Join(config, "gosteam", "stats-"+realm.Fingerprint(), "480", strconv.FormatUint(uint64(statsPlayer), 10)+".json")
	b, err := os.ReadFile(file)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"Kills": 3`)

	// A second server of the realm (another process would read the same file) sees it.
	realm2, err := offline.LoadRealm()
	require.NoError(t, err)
	s2, _ := statsServer(t, realm2)
	k, _ := s2.GetUserStatInt(statsPlayer, "Kills")
	assert.Equal(t, int32(3), k)
	require.NoError(t, s2.Shutdown())

	// A damaged file stops serverInit, naming it, and is left alone.
	require.NoError(t, os.WriteFile(file, []byte(`{"format": 1, "stats": {"Kills": 3`), 0o600))
	data, _ := offline.ParseData([]byte(statsData))
	b3 := offline.New(offline.Options{Data: data})
	s3 := steam.NewServer(func() (steam.Backend, error) { return b3, nil })
	err = s3.Init(cfgAuth)
	require.Error(t, err)
	assert.Contains(t, err.Error(), file)
	assert.Contains(t, err.Error(), "damaged")
	after, _ := os.ReadFile(file)
	assert.Equal(t, `{"format": 1, "stats": {"Kills": 3`, string(after))
}

func TestStatsSchemaErrors(t *testing.T) {
	for _, c := range []struct{ json, want string }{
		{`{"stats": {"A": {"type": "long"}}}`, `stats.A.type must be "int", "float" or "avgrate"`},
		{`{"stats": {"A": {"type": "int", "min": 1.5}}}`, "stats.A.min must be a whole number"},
		{`{"stats": {"A": {"type": "int", "min": 5, "max": 1}}}`, "min 5 is above max 1"},
		{`{"stats": {"A": {"type": "int", "min": 5}}}`, "stats.A.default 0 is outside"},
		{`{"stats": {"A": {"type": "avgrate"}}}`, "stats.A.window is missing"},
		{`{"stats": {"A": {"type": "float", "window": 3}}}`, "window is only for avgrate"},
		{`{"stats": {"A": {"type": "float", "max": 1e39}}}`, "finite 32-bit float"},
		{`{"stats": {"A": {"type": "int", "typo": 1}}}`, `unknown field "typo"`},
		{`{"achievements": {"X": {"stat": "A", "threshold": 1}}}`, `"A" is not a stat`},
		{`{"achievements": {"X": {"threshold": 1}}}`, "has a threshold but no stat"},
		{`{"stats": {"A": {"type": "int"}}, "achievements": {"X": {"stat": "A"}}}`, "threshold is missing"},
		{`{"stats": {"` + strings.Repeat("n", 129) + `": {"type": "int"}}}`, "at most 128"},
	} {
		_, err := offline.ParseData([]byte(c.json))
		if assert.Error(t, err, c.json) {
			assert.Contains(t, err.Error(), c.want, c.json)
		}
	}
	d, err := offline.ParseData([]byte(`{}`))
	require.NoError(t, err)
	assert.Contains(t, d.StatsSchema().Stats, "NumGames", "no schema in the file: Spacewar's")
	assert.Equal(t, offline.StatInt, d.StatsSchema().Stats["NumWins"].Type)
}

func TestStatsTwoServersMergeTheirChanges(t *testing.T) {
	realmEnv(t)
	realmA, err := offline.LoadRealm()
	require.NoError(t, err)
	realmB, err := offline.LoadRealm()
	require.NoError(t, err)
	a, _ := statsServer(t, realmA)
	b, _ := statsServer(t, realmB)
	require.NoError(t, a.SetUserStatInt(statsPlayer, "Kills", 7))
	require.NoError(t, b.SetUserStatFloat(statsPlayer, "Feet", 2.5))
	require.NoError(t, a.StoreUserStats(statsPlayer))
	require.NoError(t, b.StoreUserStats(statsPlayer))
	drain(a)
	drain(b)
	k, _ := b.GetUserStatInt(statsPlayer, "Kills")
	assert.Equal(t, int32(7), k, "b's store kept a's change and shows it")
	require.NoError(t, b.RequestUserStats(statsPlayer))
	require.NoError(t, a.RequestUserStats(statsPlayer))
	drain(a)
	f, _ := a.GetUserStatFloat(statsPlayer, "Feet")
	assert.Equal(t, float32(2.5), f)
}
