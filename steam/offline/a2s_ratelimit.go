package offline

// The A2S per-source rate limit (STEAM_GAMESERVER_RATE_LIMIT_200MS).

import (
	"math"
	"sync"
	"time"
)

// rateLimiter implements STEAM_GAMESERVER_RATE_LIMIT_200MS: after limit connectionless packets from
// one IPv4 address within 200 ms, the rest of those 200 ms are dropped. It keeps a fixed table of
// rateSlots sources indexed by a hash of the address; a source that lands on a slot another holds
// takes it over with a fresh count. Memory stays bounded whatever the number of sources; a flood of
// spoofed sources can at worst reset a real source's count, never block it.
type rateLimiter struct {
	mu    sync.Mutex
	limit uint32
	slots []rateSlot
}

const (
	rateSlots  = 4096
	rateWindow = 200 * time.Millisecond
)

type rateSlot struct {
	ip    uint32
	count uint32
	start int64 // unix nanoseconds
}

func newRateLimiter(limit int) *rateLimiter {
	return &rateLimiter{limit: uint32(min(uint64(limit), math.MaxUint32)), slots: make([]rateSlot, rateSlots)} // limit > 0
}

func (l *rateLimiter) allow(ip uint32, now time.Time) bool {
	t := now.UnixNano()
	i := (ip * 0x9E3779B1) >> (32 - 12) // Fibonacci hashing onto 4096 slots
	l.mu.Lock()
	defer l.mu.Unlock()
	s := &l.slots[i]
	if s.ip != ip || s.count == 0 || t-s.start >= int64(rateWindow) || t < s.start {
		*s = rateSlot{ip: ip, start: t}
	}
	if s.count >= l.limit {
		return false
	}
	s.count++
	return true
}
