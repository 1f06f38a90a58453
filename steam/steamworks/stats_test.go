package steamworks

import (
	"errors"
	"slices"
	"testing"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStatsCallsAndResults(t *testing.T) {
	f := newFake(t)
	b, q := started(t, f)

	// A call Steam refuses to start is answered with ResultFail at once.
	b.RequestUserStats(userID)
	b.StoreUserStats(userID)
	assert.Equal(t, []steam.Event{steam.StatsReceived{Result: steam.ResultFail, SteamID: userID},
		steam.StatsStored{Result: steam.ResultFail, SteamID: userID}}, events(q))
	f.take()

	// A started call is answered through the pump, at GSStatsReceived_t's layout.
	f.nextCall = 0x99
	b.RequestUserStats(userID)
	assert.Equal(t, []string{"RequestUserStats(0x110000100a1b2c3)"}, f.take())
	received := fixture("GSStatsReceived_t")
	f.results[0x99] = received.bytes()
	// The emulator also posts the answer as a callback: one call still gives one event.
	f.callbacks = []fakeCallback{{idAPICallCompleted, completed(0x99, idStatsReceived, uint32(len(received.bytes())))},
		{idStatsReceived, received.bytes()}}
	b.RunFrame()
	assert.Equal(t, []steam.Event{received.want}, events(q))

	// A call whose result failed still names its user.
	f.nextCall = 0x9A
	b.StoreUserStats(userID)
	f.results[0x9A] = make([]byte, 12)
	f.failed[0x9A] = true
	f.callbacks = []fakeCallback{{idAPICallCompleted, completed(0x9A, idStatsStored, 12)}}
	b.RunFrame()
	assert.Equal(t, []steam.Event{steam.StatsStored{Result: steam.ResultFail, SteamID: userID}}, events(q))
	f.take()

	f.statInt, f.statFloat = -5, 2.5
	_, err := b.GetUserStatInt(userID, "Kills")
	assert.ErrorIs(t, err, steam.ErrStatsRefused, "Steam said false")
	f.bools[symGetUserStatInt32], f.bools[symGetUserStatFloat], f.bools[symUpdateUserAvgRateStat] = true, true, true
	v, err := b.GetUserStatInt(userID, "Kills")
	require.NoError(t, err)
	assert.Equal(t, int32(-5), v)
	fl, err := b.GetUserStatFloat(userID, "Feet")
	require.NoError(t, err)
	assert.Equal(t, float32(2.5), fl)
	require.NoError(t, b.UpdateUserAvgRateStat(userID, "Speed", 1.5, 0.25))
	assert.True(t, slices.Contains(f.take(), `UpdateUserAvgRateStat(0x110000100a1b2c3, "Speed", 1.5, 0.25)`))
}

func TestStatsWithoutTheInterface(t *testing.T) {
	f := newFake(t)
	f.noStats = true
	b, q := started(t, f)
	_, err := b.GetUserAchievement(userID, "ACH")
	assert.True(t, errors.Is(err, errNoStats))
	assert.Error(t, b.SetUserAchievement(userID, "ACH"))
	b.RequestUserStats(userID)
	assert.Equal(t, []steam.Event{steam.StatsReceived{Result: steam.ResultFail, SteamID: userID}}, events(q))
	assert.Empty(t, f.take(), "nothing is called through a NULL interface")
}
