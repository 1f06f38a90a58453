package offline

import (
	"fmt"
	"strings"
	"testing"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ---- split and single-datagram replies -----------------------------------------------------------

func TestSplitAndSingle(t *testing.T) {
	now := t0
	tests := []struct {
		name        string
		rules       int
		single      bool
		maxDatagram int
		datagrams   int
	}{
		{"small reply: one datagram", 3, false, 0, 1},
		{"exactly 1400 bytes is not split", -1, false, 0, 1},
		{"60 rules split in 2", 60, false, 0, 2},
		{"250 rules split in 7", 250, false, 0, 7},
		{"512 long rules split", -512, false, 0, 158},
		{"single: 60 rules in one datagram", 60, true, 0, 1},
		{"single: 250 rules in one datagram", 250, true, 0, 1},
		{"single, over the datagram limit: split", 250, true, sharedMaxDatagram / 4, 7},
		{"single, 512 long rules over 64 KiB: split", -512, true, 0, 158},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := demoState()
			switch {
			case tt.rules == -1: // one rule that makes the reply exactly 1400 bytes
				st.KeyValues = []steam.KeyValue{{Key: "k", Value: strings.Repeat("v", 1400-10)}} // 7 + "k\0" + value + NUL
			case tt.rules < 0:
				for i := 0; i < -tt.rules; i++ {
					st.KeyValues = append(st.KeyValues, steam.KeyValue{Key: fmt.Sprintf("%0127d", i), Value: strings.Repeat("v", 255)})
				}
			default:
				st.KeyValues = bigRules(tt.rules)
			}
			h := handlerAt(&now, func(c *queryConfig) { c.singleDatagram, c.maxDatagram = tt.single, tt.maxDatagram })
			snap := snapshotOf(st, serverID, false, 480)
			d := ask(h, rulesReq(currentChallenge(h.key, testIP, now)), testIP, snap)
			require.Len(t, d, tt.datagrams)
			if tt.rules == -1 {
				require.Len(t, d[0], 1400)
			}
			for _, dg := range d {
				assert.LessOrEqual(t, len(dg), max(h.cfg.maxDatagram, 1260))
			}
			r, err := reassemble(d)
			require.NoError(t, err)
			assert.Equal(t, snap.rulesReply(), r)
			rules, err := decodeRules(r)
			require.NoError(t, err)
			assert.Equal(t, st.KeyValues, rules)
		})
	}
}

func TestSplitIDsDiffer(t *testing.T) {
	now := t0
	h := handlerAt(&now, nil)
	st := demoState()
	st.KeyValues = bigRules(100)
	snap := snapshotOf(st, serverID, false, 480)
	c := currentChallenge(h.key, testIP, now)
	a, b := ask(h, rulesReq(c), testIP, snap), ask(h, rulesReq(c), testIP, snap)
	assert.NotEqual(t, a[0][4:8], b[0][4:8], "each split reply has its own ID")
}

func TestOversizedReplyDropped(t *testing.T) {
	// Over 255 fragments cannot be expressed; the limits keep real replies far below.
	now := t0
	h := handlerAt(&now, nil)
	var c collect
	h.emit(make([]byte, 256*splitPayload), &c)
	assert.Empty(t, c.dgrams)
	h.emit(make([]byte, 255*splitPayload), &c)
	assert.Len(t, c.dgrams, 255)
}

func TestReplyAllOrNothing(t *testing.T) {
	now := t0
	h := handlerAt(&now, nil)
	c := collect{room: 1}
	h.emit(make([]byte, 2000), &c)
	assert.Empty(t, c.dgrams, "a split reply that does not fit is not started")
}
