package offline

// Links tested alone: two netLinks joined by a simulated wire with a virtual clock and a seeded
// RNG that drops, duplicates and delays (so reorders) datagrams.

import (
	"bytes"
	"container/heap"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/stretchr/testify/require"
)

type got struct {
	lane     uint16
	reliable bool
	num      int64
	data     []byte
}

type simOwner struct {
	w       *simWire
	side    int
	got     []got
	full    bool
	violate []string
}

func (o *simOwner) transmit(pkt []byte) { o.w.send(o.side, pkt) }
func (o *simOwner) roomFor(int) bool    { return !o.full }
func (o *simOwner) violation(d string)  { o.violate = append(o.violate, d) }
func (o *simOwner) deliver(d *delivery) {
	o.got = append(o.got, got{d.lane, d.reliable, d.msgNum, bytes.Clone(d.data)})
}

type simPacket struct {
	at   int64
	to   int
	data []byte
	seq  int
}

type simQueue []simPacket

func (q simQueue) Len() int { return len(q) }
func (q simQueue) Less(i, j int) bool {
	return q[i].at < q[j].at || q[i].at == q[j].at && q[i].seq < q[j].seq
}
func (q simQueue) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *simQueue) Push(x any)   { *q = append(*q, x.(simPacket)) }
func (q *simQueue) Pop() any {
	old := *q
	p := old[len(old)-1]
	*q = old[:len(old)-1]
	return p
}

// simWire carries datagrams between two links with a one-way delay of 100 µs plus the faults.
type simWire struct {
	rng                *rand.Rand
	drop, dup, reorder float64
	now                int64
	q                  simQueue
	n                  int
	links              [2]*netLink
	owners             [2]*simOwner
	sent, dropped      int
	malformed          int     // datagrams a link could not parse
	blackhole          [2]bool // drop everything sent by that side
}

func newSimWire(seed uint64, drop, dup, reorder float64) *simWire {
	w := &simWire{rng: rand.New(rand.NewPCG(seed, 1)), drop: drop, dup: dup, reorder: reorder, now: 1_000_000}
	cfg := linkConfig{mtu: 1300, nagle: 5000, sendBuffer: 512 * 1024, recvMaxMessage: 512 * 1024, maxSegments: 256, keepalive: keepaliveIdle}
	for i := range 2 {
		w.owners[i] = &simOwner{w: w, side: i}
		w.links[i] = newLink(w.owners[i], cfg, w.now)
	}
	return w
}

func (w *simWire) send(from int, pkt []byte) {
	w.sent++
	if w.blackhole[from] || w.rng.Float64() < w.drop {
		w.dropped++
		return
	}
	copies := 1
	if w.rng.Float64() < w.dup {
		copies = 2
	}
	for range copies {
		delay := int64(100)
		if w.rng.Float64() < w.reorder {
			delay += w.rng.Int64N(20_000)
		}
		w.n++
		heap.Push(&w.q, simPacket{at: w.now + delay, to: 1 - from, data: bytes.Clone(pkt), seq: w.n})
	}
}

// run advances the clock until done reports true or the time limit passes.
func (w *simWire) run(t *testing.T, limit int64, done func() bool) {
	t.Helper()
	end := w.now + limit
	for !done() {
		next := end
		for _, l := range w.links {
			if d := l.service(w.now); d > 0 && d < next {
				next = d
			}
		}
		if len(w.q) > 0 && w.q[0].at < next {
			next = w.q[0].at
		}
		if next >= end {
			t.Fatalf("not done after %d virtual ms (%d datagrams sent, %d dropped)", limit/1000, w.sent, w.dropped)
		}
		w.now = max(next, w.now+1)
		for len(w.q) > 0 && w.q[0].at <= w.now {
			p := heap.Pop(&w.q).(simPacket)
			if !w.links[p.to].onDatagram(p.data, w.now) {
				w.malformed++
			}
		}
	}
}

func payload(rng *rand.Rand, n int, tag int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(rng.IntN(256))
	}
	if n >= 4 {
		b[0], b[1], b[2], b[3] = byte(tag), byte(tag>>8), byte(tag>>16), byte(tag>>24)
	}
	return b
}

func TestLinkReliableOrderedThroughLossDuplicationReordering(t *testing.T) {
	for _, seed := range []uint64{1, 2, 3} {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			w := newSimWire(seed, 0.1, 0.05, 0.2)
			rng := rand.New(rand.NewPCG(seed, 2))
			var sent [][]byte
			for i := range 300 {
				size := rng.IntN(3000)
				if i%50 == 7 {
					size = 40_000 + rng.IntN(60_000) // many fragments
				}
				m := payload(rng, size, i)
				sent = append(sent, m)
				_, r := w.links[0].queue(0, 0, m, true, w.now)
				require.Equal(t, steam.ResultOK, r)
				if i%10 == 0 {
					w.links[0].flush(w.now, true)
					w.run(t, 60_000_000, func() bool { return w.links[0].pending < 64*1024 })
				}
			}
			w.links[0].flush(w.now, true)
			recv := w.owners[1]
			w.run(t, 120_000_000, func() bool { return len(recv.got) == len(sent) && w.links[0].idle() })
			for i, g := range recv.got {
				require.True(t, g.reliable)
				require.Equal(t, int64(i+1), g.num, "message numbers follow the send order")
				require.True(t, bytes.Equal(sent[i], g.data), "message %d arrives whole and in order", i)
			}
			require.Empty(t, recv.violate)
			require.Positive(t, w.links[0].stats.retransmits, "loss was repaired by retransmission")
		})
	}
}

func TestLinkUnreliableDeliveredOnceWholeOrNotAtAll(t *testing.T) {
	w := newSimWire(7, 0.15, 0.2, 0.3)
	rng := rand.New(rand.NewPCG(7, 3))
	sent := map[int64][]byte{}
	for i := range 400 {
		size := 1 + rng.IntN(200)
		if i%4 == 0 {
			size = 2000 + rng.IntN(6000) // fragmented: lost whole if one fragment is
		}
		m := payload(rng, size, i)
		num, r := w.links[0].queue(0, 0, m, false, w.now)
		require.Equal(t, steam.ResultOK, r)
		sent[num] = m
		w.links[0].flush(w.now, true)
		w.run(t, 1_000_000, func() bool { return true })
		w.now += 500
	}
	w.run(t, 5_000_000, func() bool { return len(w.q) == 0 })
	recv := w.owners[1]
	seen := map[int64]bool{}
	fragmentedArrived, fragmentedLost := 0, 0
	for _, g := range recv.got {
		require.False(t, g.reliable)
		require.False(t, seen[g.num], "message %d delivered twice", g.num)
		seen[g.num] = true
		require.True(t, bytes.Equal(sent[g.num], g.data), "message %d intact", g.num)
	}
	for num, m := range sent {
		if len(m) >= 2000 {
			if seen[num] {
				fragmentedArrived++
			} else {
				fragmentedLost++
			}
		}
	}
	require.Less(t, len(recv.got), len(sent), "some were lost")
	require.Positive(t, fragmentedArrived)
	require.Positive(t, fragmentedLost)
	require.Positive(t, w.sent-w.dropped)
}

func TestLinkLanesDoNotBlockEachOther(t *testing.T) {
	w := newSimWire(11, 0, 0, 0)
	require.Equal(t, steam.ResultOK, w.links[0].configureLanes([]int32{0, 0}, []uint16{1, 1}))
	// The first datagram (lane 0's message) is lost; lane 1's message, sent after, arrives first.
	w.blackhole[0] = true
	_, r := w.links[0].queue(0, 0, []byte("lane zero"), true, w.now)
	require.Equal(t, steam.ResultOK, r)
	w.links[0].flush(w.now, true)
	w.blackhole[0] = false
	_, r = w.links[0].queue(1, 0, []byte("lane one"), true, w.now)
	require.Equal(t, steam.ResultOK, r)
	w.links[0].flush(w.now, true)
	recv := w.owners[1]
	w.run(t, 1_000_000, func() bool { return len(recv.got) >= 1 })
	require.Equal(t, []byte("lane one"), recv.got[0].data)
	require.Equal(t, uint16(1), recv.got[0].lane)
	w.run(t, 5_000_000, func() bool { return len(recv.got) == 2 })
	require.Equal(t, []byte("lane zero"), recv.got[1].data)
}

func TestLinkUnreliableNotBlockedByReliableLoss(t *testing.T) {
	w := newSimWire(12, 0, 0, 0)
	w.blackhole[0] = true
	_, _ = w.links[0].queue(0, 0, []byte("reliable"), true, w.now)
	w.links[0].flush(w.now, true)
	w.blackhole[0] = false
	_, _ = w.links[0].queue(0, 0, []byte("unreliable"), false, w.now)
	w.links[0].flush(w.now, true)
	recv := w.owners[1]
	w.run(t, 1_000_000, func() bool { return len(recv.got) >= 1 })
	require.Equal(t, []byte("unreliable"), recv.got[0].data, "the unreliable message does not wait for the lost reliable one")
	w.run(t, 5_000_000, func() bool { return len(recv.got) == 2 })
}

func TestLinkFragmentSizes(t *testing.T) {
	w := newSimWire(13, 0.05, 0, 0.1)
	fm := w.links[0].fragMax()
	sizes := []int{0, 1, fm - 1, fm, fm + 1, 2 * fm, 2*fm + 1, steam.MaxMessageSizeSend}
	rng := rand.New(rand.NewPCG(13, 1))
	var sent [][]byte
	for i, n := range sizes {
		m := payload(rng, n, i)
		sent = append(sent, m)
		_, r := w.links[0].queue(0, 0, m, true, w.now)
		require.Equal(t, steam.ResultOK, r, "size %d", n)
		w.links[0].flush(w.now, true)
		w.run(t, 60_000_000, func() bool { return w.links[0].pending == 0 })
	}
	recv := w.owners[1]
	w.run(t, 60_000_000, func() bool { return len(recv.got) == len(sizes) })
	for i := range sizes {
		require.True(t, bytes.Equal(sent[i], recv.got[i].data), "size %d", sizes[i])
	}
}

func TestLinkSendBufferLimit(t *testing.T) {
	w := newSimWire(14, 0, 0, 0)
	big := make([]byte, steam.MaxMessageSizeSend)
	_, r := w.links[0].queue(0, 0, big, true, w.now)
	require.Equal(t, steam.ResultOK, r, "a 512 KiB message fits the default send buffer")
	_, r = w.links[0].queue(0, 0, []byte{1}, true, w.now)
	require.Equal(t, steam.ResultLimitExceeded, r, "nothing more fits before it is sent")
}

func TestLinkReceiverThatDoesNotReadHoldsTheSenderBack(t *testing.T) {
	w := newSimWire(15, 0, 0, 0)
	recv := w.owners[1]
	recv.full = true
	for i := range 20 {
		_, _ = w.links[0].queue(0, 0, []byte{byte(i)}, true, w.now)
	}
	w.links[0].flush(w.now, true)
	w.run(t, 300_000, func() bool { return w.now > 1_200_000 })
	require.Empty(t, recv.got)
	require.False(t, w.links[0].idle(), "unacknowledged while the receiver has no room")
	recv.full = false
	w.run(t, 10_000_000, func() bool { return len(recv.got) == 20 })
	for i, g := range recv.got {
		require.Equal(t, []byte{byte(i)}, g.data)
	}
}

func TestLinkOversizedMessageIsAViolation(t *testing.T) {
	w := newSimWire(16, 0, 0, 0)
	w.links[1].cfg.recvMaxMessage = 2000
	_, _ = w.links[0].queue(0, 0, make([]byte, 5000), true, w.now)
	w.links[0].flush(w.now, true)
	w.run(t, 1_000_000, func() bool { return len(w.owners[1].violate) > 0 })
	require.Contains(t, w.owners[1].violate[0], "RecvMaxMessageSize")
	require.Empty(t, w.owners[1].got)
}

func TestLinkPacksEveryMTUIntoWellFormedDatagrams(t *testing.T) {
	for _, mtu := range []int{576, 577, 700, 1300, 1499, 1500} {
		w := newSimWire(uint64(mtu), 0, 0, 0)
		for _, l := range w.links {
			l.cfg.mtu = mtu
		}
		rng := rand.New(rand.NewPCG(uint64(mtu), 7))
		var want int
		for i := range 300 {
			reliable := rng.IntN(2) == 0
			_, r := w.links[0].queue(0, 0, payload(rng, rng.IntN(5000), i), reliable, w.now)
			require.Equal(t, steam.ResultOK, r)
			want++
			if rng.IntN(5) == 0 {
				w.links[0].flush(w.now, rng.IntN(2) == 0)
				w.run(t, 10_000_000, func() bool { return len(w.q) == 0 })
			}
		}
		w.links[0].flush(w.now, true)
		w.run(t, 10_000_000, func() bool { return len(w.owners[1].got) == want })
		require.Zero(t, w.malformed, "MTU %d: every datagram parses", mtu)
		require.Empty(t, w.owners[1].violate)
	}
}
