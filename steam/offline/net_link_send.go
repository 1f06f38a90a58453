package offline

// The sending half of a link (see net_link.go): lane queues, packing segments into datagrams, the
// in-flight ring. What acknowledgements do to it is in net_link_ack.go.

import (
	"cmp"
	"slices"

	"github.com/gosteam/godot-steam-server/steam"
)

// outMsg is a queued message. refs counts its holders: its lane queue while bytes remain unsent,
// and each in-flight segment not yet acknowledged; the buffer goes back to the pool at 0.
type outMsg struct {
	buf      *netBuf
	size     int
	lane     uint16
	channel  int32
	reliable bool
	relIndex int64
	msgNum   int64
	sentOff  int
	refs     int
	qseq     uint64
}

// flight is one reliable segment sent and not yet passed by sndUna.
type flight struct {
	msg    *outMsg // nil once acknowledged
	off    uint32
	n      uint16
	whole  bool
	sends  uint16
	acked  bool
	queued bool // waiting in retx
	sentAt int64
}

type msgFIFO struct {
	q []*outMsg
	h int
}

func (f *msgFIFO) push(m *outMsg) { f.q = append(f.q, m) }
func (f *msgFIFO) len() int       { return len(f.q) - f.h }

func (f *msgFIFO) head() *outMsg {
	if f.h < len(f.q) {
		return f.q[f.h]
	}
	return nil
}

func (f *msgFIFO) pop() {
	f.q[f.h] = nil
	f.h++
	if f.h == len(f.q) {
		f.q, f.h = f.q[:0], 0
	} else if f.h > 64 && f.h*2 > len(f.q) {
		n := copy(f.q, f.q[f.h:])
		clear(f.q[n:])
		f.q, f.h = f.q[:n], 0
	}
}

// laneTx is one lane's sending state.
type laneTx struct {
	priority     int32
	weight       uint16
	nextMsgNum   int64
	nextRel      int64
	rq, uq       msgFIFO
	vtime        float64
	pendingRel   int
	pendingUnrel int
	unackedRel   int
}

func (t *laneTx) drop(l *netLink) {
	for _, q := range []*msgFIFO{&t.rq, &t.uq} {
		for m := q.head(); m != nil; m = q.head() {
			q.pop()
			l.unref(m)
		}
	}
	t.pendingRel, t.pendingUnrel = 0, 0
}

func (l *netLink) unref(m *outMsg) {
	if m.refs--; m.refs > 0 {
		return
	}
	putBuf(m.buf)
	*m = outMsg{}
	if len(l.freeMsgs) < 64 {
		l.freeMsgs = append(l.freeMsgs, m)
	}
}

// queue adds a message to its lane; it returns the message's number or Steam's refusal.
func (l *netLink) queue(lane uint16, channel int32, data []byte, reliable bool, now int64) (int64, steam.Result) {
	if int(lane) >= len(l.lanes) {
		return 0, steam.ResultInvalidParam
	}
	if l.pending+len(data) > l.cfg.sendBuffer {
		return 0, steam.ResultLimitExceeded
	}
	var m *outMsg
	if n := len(l.freeMsgs); n > 0 {
		m, l.freeMsgs = l.freeMsgs[n-1], l.freeMsgs[:n-1]
	} else {
		m = new(outMsg)
	}
	t := &l.lanes[lane]
	l.qseq++
	*m = outMsg{buf: getBuf(len(data)), size: len(data), lane: lane, channel: channel, reliable: reliable,
		msgNum: t.nextMsgNum, refs: 1, qseq: l.qseq}
	copy(m.buf.b, data)
	t.nextMsgNum++
	if reliable {
		m.relIndex = t.nextRel
		t.nextRel++
		t.rq.push(m)
		t.pendingRel += len(data)
		l.pendingRel += len(data)
	} else {
		t.uq.push(m)
		t.pendingUnrel += len(data)
	}
	l.pending += len(data)
	if l.nagleAt == 0 {
		l.nagleAt = now + l.cfg.nagle
	}
	return m.msgNum, steam.ResultOK
}

// configureLanes sets the lanes' priorities and weights; their number may only grow.
func (l *netLink) configureLanes(priorities []int32, weights []uint16) steam.Result {
	if len(priorities) < len(l.lanes) || len(priorities) > steam.MaxLanes {
		return steam.ResultInvalidParam
	}
	for len(l.lanes) < len(priorities) {
		l.lanes = append(l.lanes, laneTx{nextMsgNum: 1, nextRel: 1})
	}
	for i := range l.lanes {
		l.lanes[i].priority, l.lanes[i].weight = priorities[i], weights[i]
		l.lanes[i].vtime = 0
	}
	return steam.ResultOK
}

// flush sends what is queued: everything when force (NoNagle, a flush, Nagle's time passed), else
// only full datagrams, with the acknowledgements and retransmissions due.
func (l *netLink) flush(now int64, force bool) {
	if l.nagleAt > 0 && now >= l.nagleAt {
		force = true
	}
	for {
		newData := force || l.pending >= l.fragMax()
		b := l.header()
		b = l.appendControl(b, now)
		b = l.appendRetransmits(b, now)
		if newData {
			b = l.appendNew(b, now)
		}
		if len(b) == dataHeaderLen {
			l.pktNum--
			break
		}
		l.send(b, now)
	}
	if l.pending == 0 && l.queued() == 0 {
		l.nagleAt = 0
	}
}

// appendControl adds the acknowledgement and the pong that are due.
func (l *netLink) appendControl(b []byte, now int64) []byte {
	if l.ackPending {
		a := l.buildAck(now)
		b = a.encode(b)
		l.ackPending, l.ackCount = false, 0
	}
	if l.pongDue {
		b = append(b, framePong)
		b = putU32(b, l.pongID)
		l.pongDue = false
	}
	return b
}

func (l *netLink) segmentOf(seq int64, f *flight) segment {
	m := f.msg
	return segment{reliable: true, seq: uint32(seq), lane: m.lane, channel: m.channel, hasChannel: l.cfg.channels,
		relIndex: uint32(m.relIndex), msgNum: uint32(m.msgNum), fragment: !f.whole, total: uint32(m.size),
		offset: f.off, data: m.buf.b[f.off : f.off+uint32(f.n)]}
}

func (l *netLink) appendRetransmits(b []byte, now int64) []byte {
	for len(l.retx) > 0 {
		seq := l.retx[0]
		f := &l.ring[seq&flightMask]
		if seq < l.sndUna || f.acked || f.msg == nil {
			f.queued = false
			l.retx = l.retx[1:]
			continue
		}
		s := l.segmentOf(seq, f)
		if len(b)+s.headerLen()+len(s.data) > l.cfg.mtu {
			break
		}
		b = s.encode(b)
		f.sentAt, f.queued = now, false
		f.sends++
		l.armRTO(now)
		l.stats.retransmits++
		l.retx = l.retx[1:]
	}
	if len(l.retx) == 0 {
		l.retx = l.retx[:0:cap(l.retx)]
	}
	return b
}

// reliableOpen reports whether the windows let another reliable segment out.
func (l *netLink) reliableOpen() bool {
	return l.sndNxt-l.sndUna < min(int64(l.cwnd), flightWindow-1)
}

// pickNext chooses the next message to send from: the lowest priority value first, the least
// served (by weight) among equals, and within a lane the one queued first. A reliable message the
// windows hold back does not hold back the unreliable ones behind it.
func (l *netLink) pickNext() *outMsg {
	var best *outMsg
	var bestLane *laneTx
	relOK := l.reliableOpen()
	for i := range l.lanes {
		t := &l.lanes[i]
		m := t.uq.head()
		if r := t.rq.head(); r != nil && relOK && (m == nil || r.qseq < m.qseq) {
			m = r
		}
		if m == nil {
			continue
		}
		if bestLane == nil || t.priority < bestLane.priority || t.priority == bestLane.priority && t.vtime < bestLane.vtime {
			best, bestLane = m, t
		}
	}
	return best
}

// appendNew packs queued messages into b: whole when they fit a segment, else cut into fragments.
func (l *netLink) appendNew(b []byte, now int64) []byte {
	fragMax := l.fragMax()
	for {
		m := l.pickNext()
		if m == nil {
			return b
		}
		remaining := m.size - m.sentOff
		s := segment{reliable: m.reliable, lane: m.lane, channel: m.channel, hasChannel: l.cfg.channels,
			relIndex: uint32(m.relIndex), msgNum: uint32(m.msgNum), total: uint32(m.size), offset: uint32(m.sentOff)}
		n := remaining
		if m.sentOff > 0 || remaining > fragMax {
			s.fragment = true
			n = min(remaining, fragMax, l.cfg.mtu-len(b)-s.headerLen())
			if n < remaining && n < fragMax/4 && len(b) > dataHeaderLen+maxAckFrameLen {
				return b // a sliver: start the next datagram instead
			}
		}
		if n < 0 || s.fragment && n == 0 || len(b)+s.headerLen()+n > l.cfg.mtu {
			return b // no room left in this datagram (a fragment carries at least a byte)
		}
		s.data = m.buf.b[m.sentOff : m.sentOff+n]
		t := &l.lanes[m.lane]
		if m.reliable {
			seq := l.sndNxt
			l.sndNxt++
			s.seq = uint32(seq)
			l.ring[seq&flightMask] = flight{msg: m, off: uint32(m.sentOff), n: uint16(n), whole: !s.fragment, sends: 1, sentAt: now}
			l.armRTO(now)
			m.refs++
			l.unacked += n
			t.unackedRel += n
			t.pendingRel -= n
			l.pendingRel -= n
		} else {
			t.pendingUnrel -= n
		}
		b = s.encode(b)
		m.sentOff += n
		l.pending -= n
		t.vtime += float64(n+s.headerLen()) / float64(max(t.weight, 1))
		if m.sentOff == m.size {
			if m.reliable {
				t.rq.pop()
			} else {
				t.uq.pop()
			}
			l.unref(m)
		}
	}
}

// idle reports whether nothing waits to be sent or acknowledged: a lingering close may finish.
func (l *netLink) idle() bool { return l.pending == 0 && l.sndUna == l.sndNxt && len(l.retx) == 0 }

// takeQueued moves what from had queued and never sent onto l, in the order it was queued: a
// session's messages when its connection is replaced before it connected.
func (l *netLink) takeQueued(from *netLink, now int64) {
	var msgs []*outMsg
	for i := range from.lanes {
		t := &from.lanes[i]
		for _, q := range []*msgFIFO{&t.rq, &t.uq} {
			for m := q.head(); m != nil; m = q.head() {
				q.pop()
				msgs = append(msgs, m)
			}
		}
		t.pendingRel, t.pendingUnrel = 0, 0
	}
	slices.SortFunc(msgs, func(a, b *outMsg) int { return cmp.Compare(a.qseq, b.qseq) })
	for _, m := range msgs {
		if m.sentOff == 0 {
			_, _ = l.queue(0, m.channel, m.buf.b[:m.size], m.reliable, now)
		}
		from.unref(m)
	}
	from.pending, from.pendingRel = 0, 0
}

// queued is how many messages wait to be sent (whole or in part).
func (l *netLink) queued() int {
	n := 0
	for i := range l.lanes {
		n += l.lanes[i].rq.len() + l.lanes[i].uq.len()
	}
	return n
}
