package offline

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ---- rate limit ---------------------------------------------------------------------------------

func TestRateLimit(t *testing.T) {
	now := t0
	h := handlerAt(&now, func(c *queryConfig) { c.rateLimit = 3 })
	snap := snapshotOf(demoState(), serverID, false, 480)
	answered := func(ip uint32) int {
		n := 0
		for i := 0; i < 10; i++ {
			n += len(ask(h, infoReq, ip, snap))
		}
		return n
	}
	assert.Equal(t, 3, answered(testIP), "3 in 200 ms")
	now = now.Add(100 * time.Millisecond)
	assert.Equal(t, 0, answered(testIP), "same window")
	assert.Equal(t, 3, answered(testIP+1), "another address has its own count")
	now = now.Add(100 * time.Millisecond)
	assert.Equal(t, 3, answered(testIP), "a new window")
	garbage := []byte{0xFF, 0xFF, 0xFF, 0xFF, 'T'}
	now = now.Add(time.Second)
	for i := 0; i < 3; i++ {
		h.handle(garbage, testIP, snap, &collect{}) // not a query: not counted, dropped before
	}
	assert.Equal(t, 3, answered(testIP))

	off := handlerAt(&now, nil)
	for i := 0; i < 1000; i++ {
		require.Len(t, ask(off, infoReq, testIP, snap), 1, "no limit by default")
	}
}

func TestRateLimiterBoundedMemory(t *testing.T) {
	l := newRateLimiter(1)
	for ip := uint32(0); ip < 100000; ip++ {
		l.allow(ip, t0)
	}
	assert.Len(t, l.slots, rateSlots)
	assert.True(t, l.allow(0xDEADBEEF, t0.Add(time.Second)))
	assert.False(t, l.allow(0xDEADBEEF, t0.Add(time.Second)))
}
