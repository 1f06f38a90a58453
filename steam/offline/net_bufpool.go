package offline

// Payload buffers of the transport come from size classes kept in sync.Pools: a message being sent
// reliably stays in its buffer until every segment is acknowledged, and a fragmented message being
// received is reassembled in one. Steady traffic therefore reuses buffers instead of allocating per
// message. Each class holds buffers of 256 << k bytes, up to one of the largest message.

import (
	"math/bits"
	"sync"
)

const (
	minBufClassShift = 8  // 256 bytes
	bufClasses       = 12 // 256 B ... 512 KiB
)

// netBuf is a pooled buffer; b has the length asked for.
type netBuf struct {
	b     []byte
	class int8
}

var bufPools [bufClasses]sync.Pool

func bufClass(n int) int {
	if n <= 1<<minBufClassShift {
		return 0
	}
	return bits.Len(uint(n-1)) - minBufClassShift
}

// getBuf returns a buffer of n bytes (n at most the largest message a connection may hold).
func getBuf(n int) *netBuf {
	c := bufClass(n)
	if c >= bufClasses {
		return &netBuf{b: make([]byte, n), class: -1}
	}
	if v, ok := bufPools[c].Get().(*netBuf); ok {
		v.b = v.b[:n]
		return v
	}
	return &netBuf{b: make([]byte, n, 1<<(c+minBufClassShift)), class: int8(c)}
}

// putBuf gives a buffer back; nil is ignored.
func putBuf(v *netBuf) {
	if v == nil || v.class < 0 {
		return
	}
	bufPools[v.class].Put(v)
}
