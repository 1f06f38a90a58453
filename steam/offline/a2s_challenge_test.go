package offline

import (
	"encoding/binary"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ---- SipHash ------------------------------------------------------------------------------------

func TestSipHashReferenceVectors(t *testing.T) {
	// The reference implementation's vectors: key 00..0f, message 00..n-1.
	k0, k1 := uint64(0x0706050403020100), uint64(0x0F0E0D0C0B0A0908)
	msg := make([]byte, 16)
	for i := range msg {
		msg[i] = byte(i)
	}
	for _, v := range []struct {
		n    int
		want uint64
	}{{0, 0x726fdb47dd0e0e31}, {1, 0x74f839c593dc67fd}, {2, 0x0d6c8009d9a94f5a}, {3, 0x85676696d7fb7e2d},
		{4, 0xcf2794e0277187b7}, {8, 0x93f5f5799a932462}, {15, 0xa129ca6149be45e5}, {16, 0x3f2acc7f57c29bdb}} {
		assert.Equal(t, v.want, sipHash24(k0, k1, msg[:v.n]), "%d bytes", v.n)
	}
}

// ---- challenges ---------------------------------------------------------------------------------

func TestChallengeModes(t *testing.T) {
	now := t0
	key := challengeKey
	cur := currentChallenge(key, testIP, now)
	prev := challengeFor(key, testIP, challengeWindowOf(now)-1)
	stale := challengeFor(key, testIP, challengeWindowOf(now)-2)
	other := currentChallenge(key, testIP+1, now) // another address's challenge
	padded := append(withChallenge(infoReq, cur), make([]byte, 1000)...)
	type tc struct {
		name string
		req  []byte
		want byte // reply type; 0 = silence
	}
	common := []tc{
		{"PLAYER asking for a challenge (-1)", playerReq(noChallenge), 'A'},
		{"PLAYER with the challenge", playerReq(cur), 'D'},
		{"PLAYER with last window's challenge", playerReq(prev), 'D'},
		{"PLAYER with a stale challenge", playerReq(stale), 'A'},
		{"PLAYER with another address's challenge", playerReq(other), 'A'},
		{"PLAYER without a challenge", []byte{0xFF, 0xFF, 0xFF, 0xFF, 'U'}, 0},
		{"PLAYER with a short challenge", []byte{0xFF, 0xFF, 0xFF, 0xFF, 'U', 1, 2, 3}, 0},
		{"RULES asking for a challenge (-1)", rulesReq(noChallenge), 'A'},
		{"RULES with the challenge", rulesReq(cur), 'E'},
		{"RULES with a wrong challenge", rulesReq(cur ^ 1), 'A'},
		{"RULES with padding after the challenge", append(rulesReq(cur), 0, 0, 0), 'E'},
	}
	modes := []struct {
		name    string
		require bool
		cases   []tc
	}{
		{"INFO without challenge (Steamworks default)", false, append([]tc{
			{"INFO", infoReq, 'I'},
			{"INFO with a challenge", withChallenge(infoReq, cur), 'I'},
			{"INFO with a wrong challenge is still answered", withChallenge(infoReq, cur^1), 'I'},
			{"INFO with padding", padded, 'I'},
		}, common...)},
		{"INFO requires the 2020 challenge", true, append([]tc{
			{"INFO", infoReq, 'A'},
			{"INFO with the challenge", withChallenge(infoReq, cur), 'I'},
			{"INFO with last window's challenge", withChallenge(infoReq, prev), 'I'},
			{"INFO with a stale challenge", withChallenge(infoReq, stale), 'A'},
			{"INFO with a wrong challenge", withChallenge(infoReq, cur^1), 'A'},
			{"INFO with -1", withChallenge(infoReq, noChallenge), 'A'},
			{"INFO with half a challenge", append(slices.Clone(infoReq), 1, 2), 'A'},
			{"INFO with the challenge and padding", padded, 'I'},
		}, common...)},
	}
	snap := snapshotOf(demoState(), serverID, false, 480)
	for _, m := range modes {
		h := handlerAt(&now, func(c *queryConfig) { c.requireInfoChallenge = m.require })
		for _, c := range m.cases {
			t.Run(m.name+"/"+c.name, func(t *testing.T) {
				d := ask(h, c.req, testIP, snap)
				if c.want == 0 {
					assert.Empty(t, d)
					return
				}
				require.Len(t, d, 1)
				assert.Equal(t, []byte{0xFF, 0xFF, 0xFF, 0xFF, c.want}, d[0][:5])
				if c.want == 'A' {
					got, err := decodeChallenge(d[0])
					require.NoError(t, err)
					assert.Equal(t, cur, got, "S2C_CHALLENGE carries the current challenge")
					if len(c.req) >= 9 {
						sent := binary.LittleEndian.Uint32(c.req[len(c.req)-4:])
						assert.NotEqual(t, sent, got, "a refused challenge is never sent back (gamedig ignores a repeated one)")
					}
					assert.LessOrEqual(t, len(d[0]), len(c.req), "an unproven source gets no more bytes than it sent")
				}
			})
		}
	}
}

func TestChallengeFlowAsClientsDoIt(t *testing.T) {
	// gamedig and qstat: INFO, S2C_CHALLENGE, INFO + challenge, then PLAYER and RULES with that challenge.
	now := t0
	h := handlerAt(&now, func(c *queryConfig) { c.requireInfoChallenge = true })
	snap := snapshotOf(demoState(), serverID, false, 480)
	c, err := decodeChallenge(askOne(t, h, infoReq, testIP, snap))
	require.NoError(t, err)
	_, err = decodeInfo(askOne(t, h, withChallenge(infoReq, c), testIP, snap))
	require.NoError(t, err)
	_, err = decodeRules(askOne(t, h, rulesReq(c), testIP, snap))
	require.NoError(t, err)
	_, err = decodePlayers(askOne(t, h, playerReq(c), testIP, snap))
	require.NoError(t, err)

	// 25 minutes later the challenge is stale; the client is given a new, different one.
	now = now.Add(25 * time.Minute)
	c2, err := decodeChallenge(askOne(t, h, rulesReq(c), testIP, snap))
	require.NoError(t, err)
	assert.NotEqual(t, c, c2)
	_, err = decodeRules(askOne(t, h, rulesReq(c2), testIP, snap))
	require.NoError(t, err)
}

func TestChallengeValues(t *testing.T) {
	seen := map[uint32]bool{}
	for ip := uint32(0); ip < 5000; ip++ {
		c := challengeFor(challengeKey, ip, 1)
		assert.NotEqual(t, uint32(noChallenge), c)
		assert.NotZero(t, c)
		seen[c] = true
	}
	assert.Greater(t, len(seen), 4990, "challenges differ per address")
	assert.NotEqual(t, challengeFor(challengeKey, 1, 1), challengeFor(challengeKey, 1, 2), "and per window")
	assert.NotEqual(t, challengeFor([2]uint64{1, 2}, 1, 1), challengeFor([2]uint64{1, 3}, 1, 1), "and per key")
}
