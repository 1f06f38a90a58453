package steam

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStatsArguments(t *testing.T) {
	player := NewSteamID(1, AccountTypeIndividual, 1, 22202)
	s, fb := startedServer(t)
	before := len(fb.Calls())
	requireArgError(t, s.RequestUserStats(0), "steam_id")
	requireArgError(t, s.StoreUserStats(0), "steam_id")
	requireArgError(t, s.SetUserAchievement(player, ""), "name")
	requireArgError(t, s.SetUserAchievement(player, strings.Repeat("n", MaxStatNameLen+1)), "name")
	requireArgError(t, s.ClearUserAchievement(player, "a\x00b"), "name")
	requireArgError(t, s.SetUserStatInt(player, "Kills", math.MaxInt32+1), "stat")
	requireArgError(t, s.SetUserStatInt(player, "Kills", math.MinInt32-1), "stat")
	requireArgError(t, s.SetUserStatInt(0, "Kills", math.MaxInt32+1), "steam_id")
	for _, bad := range []float64{math.NaN(), math.Inf(1), math.Inf(-1), math.MaxFloat64} {
		requireArgError(t, s.SetUserStatFloat(player, "Feet", bad), "stat")
		requireArgError(t, s.UpdateUserAvgRateStat(player, "Speed", bad, 1), "this_session")
		if bad != math.MaxFloat64 {
			requireArgError(t, s.UpdateUserAvgRateStat(player, "Speed", 1, bad), "session_length")
		}
	}
	requireArgError(t, s.UpdateUserAvgRateStat(player, "Speed", 1, 0), "session_length")
	requireArgError(t, s.UpdateUserAvgRateStat(player, "Speed", 1, -1), "session_length")
	v, err := s.GetUserStatInt(0, "Kills")
	requireArgError(t, err, "steam_id")
	assert.Zero(t, v)
	assert.Len(t, fb.Calls(), before, "refused calls must not reach the backend")

	require.NoError(t, s.SetUserStatInt(player, strings.Repeat("n", MaxStatNameLen), math.MinInt32))
	require.NoError(t, s.SetUserStatFloat(player, "Feet", -math.MaxFloat32))
	require.NoError(t, s.UpdateUserAvgRateStat(player, "Speed", 3, 0.5))
	got, err := s.GetUserStatFloat(player, "Feet")
	require.NoError(t, err)
	assert.Equal(t, float32(1.5), got)

	fb.statsErr = errors.New("no")
	n, err := s.GetUserStatInt(player, "Kills")
	assert.Error(t, err)
	assert.Zero(t, n, "a refused read returns 0")
	ach, err := s.GetUserAchievement(player, "ACH")
	assert.Error(t, err)
	assert.False(t, ach)
	require.NoError(t, s.Shutdown())
	assert.ErrorIs(t, s.RequestUserStats(player), ErrNotInitialized)
	_, err = s.GetUserStatFloat(player, "Feet")
	assert.ErrorIs(t, err, ErrNotInitialized)
}
