package offline

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// ---- silence ------------------------------------------------------------------------------------

func TestSilentUntilAdvertised(t *testing.T) {
	now := t0
	h := handlerAt(&now, nil)
	st := demoState()
	st.AdvertiseActive = false
	c := currentChallenge(h.key, testIP, now)
	for _, req := range [][]byte{infoReq, playerReq(noChallenge), rulesReq(c), playerReq(c)} {
		assert.Empty(t, ask(h, req, testIP, snapshotOf(st, serverID, false, 480)))
		assert.Empty(t, ask(h, req, testIP, nil), "no snapshot yet")
	}
}

func TestMalformedDropped(t *testing.T) {
	now := t0
	h := handlerAt(&now, nil)
	snap := snapshotOf(demoState(), serverID, false, 480)
	c := currentChallenge(h.key, testIP, now)
	long := append(rulesReq(c), make([]byte, maxRequestLen)...)
	cases := map[string][]byte{
		"empty":                   {},
		"bare header":             {0xFF, 0xFF, 0xFF, 0xFF},
		"split header":            append([]byte{0xFE, 0xFF, 0xFF, 0xFF}, infoReq[4:]...),
		"wrong header":            append([]byte{0xFF, 0xFF, 0xFF, 0xFE}, infoReq[4:]...),
		"A2A_PING":                {0xFF, 0xFF, 0xFF, 0xFF, 'i'},
		"GETCHALLENGE (legacy)":   {0xFF, 0xFF, 0xFF, 0xFF, 'W'},
		"a reply type":            {0xFF, 0xFF, 0xFF, 0xFF, 'I', 0x11, 0},
		"INFO without magic":      {0xFF, 0xFF, 0xFF, 0xFF, 'T'},
		"INFO, magic cut":         infoReq[:20],
		"INFO, magic without NUL": infoReq[:24],
		"INFO, wrong magic":       append([]byte{0xFF, 0xFF, 0xFF, 0xFF, 'T'}, "Source Engine Querx\x00"...),
		"INFO, lower case":        append([]byte{0xFF, 0xFF, 0xFF, 0xFF, 'T'}, "source engine query\x00"...),
		"over 1400 bytes":         long,
	}
	for name, req := range cases {
		assert.Empty(t, ask(h, req, testIP, snap), name)
	}
	// Filtered datagrams cost no allocation.
	var sink collect
	allocs := testing.AllocsPerRun(200, func() {
		for _, req := range cases {
			h.handle(req, testIP, snap, &sink)
		}
	})
	assert.Zero(t, allocs)
}
