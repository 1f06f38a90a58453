package offline

// Received messages wait in a msgQueue until the game reads them: one per connection, and one per
// NetworkingMessages (or P2P) channel. Payloads are copied once into the queue's byte buffer,
// which is reused (the read prefix is dropped and the rest moved to the front now and then), so
// steady traffic allocates nothing per message; a read copies them once more, into the caller's
// MessageBatch. What a queue holds is charged to the connection it came from (RecvBufferSize,
// RecvBufferMessages), and released as it is read. Each queue also counts its messages atomically
// for the polls that find nothing (net_ready.go).

import (
	"sync/atomic"

	"github.com/gosteam/godot-steam-server/steam"
)

type queuedMsg struct {
	off, n   int
	from     *netConn
	seq      uint64 // the connection's delivery number: poll groups refer to messages by it
	time     int64
	num      int64
	userData int64
	channel  int32
	flags    int32
	lane     uint16
}

type msgQueue struct {
	buf   []byte
	start int // bytes of buf already read
	q     []queuedMsg
	h     int
	// waiting is len(), for a poll without the core's lock; shared is another count the
	// messages are part of (a connection's poll group's, a channel's bucket), or nil.
	waiting atomic.Int32
	shared  *atomic.Int32
}

// counted changes the counts by d as messages come and go. Called with the core's lock held.
func (q *msgQueue) counted(d int) {
	q.waiting.Add(int32(d))
	if q.shared != nil {
		q.shared.Add(int32(d))
	}
}

func (q *msgQueue) len() int { return len(q.q) - q.h }

func (q *msgQueue) head() *queuedMsg {
	if q.h < len(q.q) {
		return &q.q[q.h]
	}
	return nil
}

// push copies a message in; the caller charged its connection.
func (q *msgQueue) push(m queuedMsg, data []byte) {
	if q.start > 0 && q.start >= len(q.buf)/2 {
		n := copy(q.buf, q.buf[q.start:])
		q.buf = q.buf[:n]
		for i := q.h; i < len(q.q); i++ {
			q.q[i].off -= q.start
		}
		q.start = 0
	}
	m.off, m.n = len(q.buf), len(data)
	q.buf = append(q.buf, data...)
	q.q = append(q.q, m)
	q.counted(1)
}

// pop drops the head and releases its charge.
func (q *msgQueue) pop() {
	m := &q.q[q.h]
	if m.from != nil {
		m.from.uncharge(m.n)
	}
	q.start = m.off + m.n
	*m = queuedMsg{}
	q.h++
	q.counted(-1)
	if q.h == len(q.q) {
		q.q, q.h, q.buf, q.start = q.q[:0], 0, q.buf[:0], 0
	} else if q.h > 64 && q.h*2 > len(q.q) {
		n := copy(q.q, q.q[q.h:])
		q.q, q.h = q.q[:n], 0
	}
	if len(q.q) == 0 && cap(q.buf) > 4<<20 {
		q.buf = nil // give back what a burst of large messages grew
	}
}

func (q *msgQueue) data(m *queuedMsg) []byte { return q.buf[m.off : m.off+m.n] }

// take moves the head into the batch.
func (q *msgQueue) take(into *steam.MessageBatch, conn steam.NetConnection, identity steam.SteamID) {
	m := q.head()
	into.Messages = append(into.Messages, steam.Message{Data: into.AppendCopy(q.data(m)), Conn: conn,
		Identity: identity, ConnUserData: m.userData, TimeReceived: m.time, MessageNumber: m.num,
		Channel: m.channel, Flags: m.flags, Lane: m.lane})
	q.pop()
}

// bytesOf is the payload the first n messages hold, to size a batch's arena once.
func (q *msgQueue) bytesOf(n int) int {
	total := 0
	for i := q.h; i < len(q.q) && i < q.h+n; i++ {
		total += q.q[i].n
	}
	return total
}

// drain hands up to max messages to into, in order.
func (q *msgQueue) drain(max int, into *steam.MessageBatch, conn func(*queuedMsg) (steam.NetConnection, steam.SteamID)) int {
	n := min(max, q.len())
	into.GrowArena(q.bytesOf(n))
	for range n {
		c, id := conn(q.head())
		q.take(into, c, id)
	}
	return n
}

// removeFrom drops every message a connection delivered (its session was closed); channel < 0
// means every channel.
func (q *msgQueue) removeFrom(c *netConn, channel int32) {
	kept := q.q[:q.h]
	for i := q.h; i < len(q.q); i++ {
		m := q.q[i]
		if m.from == c && (channel < 0 || m.channel == channel) {
			c.uncharge(m.n)
			continue
		}
		kept = append(kept, m)
	}
	q.counted(len(kept) - len(q.q))
	clear(q.q[len(kept):])
	q.q = kept
}

// clear drops everything, releasing the charges.
func (q *msgQueue) clear() {
	for q.len() > 0 {
		q.pop()
	}
}
