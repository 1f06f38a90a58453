package offline

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ---- A2S_PLAYER and A2S_RULES --------------------------------------------------------------------

func TestPlayersReply(t *testing.T) {
	now := t0
	h := handlerAt(&now, nil)
	c := currentChallenge(h.key, testIP, now)
	tests := []struct {
		name    string
		players []queryPlayer
		want    []playerRow
	}{
		{"none", nil, []playerRow{}},
		{"people and a bot", []queryPlayer{
			{name: "Alice", score: 12, connected: t0.Add(-345500 * time.Millisecond)},
			{name: "Bob", score: -3, connected: t0.Add(-60250 * time.Millisecond)},
			{name: "BotCarl", bot: true},
			{name: "Café ☕", score: math.MaxInt32, connected: t0.Add(time.Hour)}, // a clock going back reports 0
		}, []playerRow{{Index: 0, Name: "Alice", Score: 12, Duration: 345.5}, {Index: 1, Name: "Bob", Score: -3, Duration: 60.25}, {Index: 2, Name: "BotCarl", Score: 0, Duration: -1}, {Index: 3, Name: "Café ☕", Score: math.MaxInt32, Duration: 0}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, err := decodePlayers(askOne(t, h, playerReq(c), testIP, snapshotOf(demoState(), serverID, false, 480, tt.players...)))
			require.NoError(t, err)
			assert.Equal(t, tt.want, rows)
		})
	}
	many := make([]queryPlayer, 300)
	for i := range many {
		many[i] = queryPlayer{name: strings.Repeat("n", 100), connected: t0}
	}
	rows, err := decodePlayers(askOne(t, h, playerReq(c), testIP, snapshotOf(demoState(), serverID, false, 480, many...)))
	require.NoError(t, err, "a long list is split and reassembles")
	require.Len(t, rows, 255, "the count is a byte")
	assert.Equal(t, byte(254), rows[254].Index)
}

func TestRulesReply(t *testing.T) {
	now := t0
	h := handlerAt(&now, nil)
	c := currentChallenge(h.key, testIP, now)
	for _, n := range []int{0, 1, 3, 40, 512} {
		t.Run(fmt.Sprint(n, " rules"), func(t *testing.T) {
			st := demoState()
			st.KeyValues = nil
			for i := 0; i < n; i++ {
				st.KeyValues = append(st.KeyValues, steam.KeyValue{Key: fmt.Sprintf("rule_%03d", i), Value: strings.Repeat("v", i%256)})
			}
			rules, err := decodeRules(askOne(t, h, rulesReq(c), testIP, snapshotOf(st, serverID, false, 480)))
			require.NoError(t, err)
			assert.Equal(t, append([]steam.KeyValue{}, st.KeyValues...), rules)
		})
	}
}
