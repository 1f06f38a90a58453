package offline

// The receiving half of a link (see net_link.go): acknowledgement state, deduplication, reliable
// reordering per lane, reassembly of fragmented messages.

import (
	"encoding/binary"
	"fmt"
)

// rxMessage is a message being reassembled (or a whole reliable one waiting for its turn).
type rxMessage struct {
	relIndex int64
	msgNum   int64
	lane     uint16
	channel  int32
	total    uint32
	got      uint32
	buf      *netBuf
	stamp    uint64      // unreliable slots: when last touched, for eviction
	ranges   [][2]uint32 // unreliable slots: what arrived (see cover)
}

func (m *rxMessage) complete() bool { return m.got >= m.total }

// cover records that [off, off+n) arrived, keeping the ranges sorted and merged; it reports false
// when any of it had arrived before. Unreliable fragments carry no sequence number, so this is
// how a duplicated one is told apart.
func (m *rxMessage) cover(off, n uint32) bool {
	end := off + n
	i := 0
	for i < len(m.ranges) && m.ranges[i][1] < off {
		i++
	}
	if i < len(m.ranges) && m.ranges[i][0] < end && off < m.ranges[i][1] {
		return false
	}
	switch {
	case i < len(m.ranges) && m.ranges[i][1] == off:
		m.ranges[i][1] = end
		if i+1 < len(m.ranges) && m.ranges[i+1][0] == end {
			m.ranges[i][1] = m.ranges[i+1][1]
			m.ranges = append(m.ranges[:i+1], m.ranges[i+2:]...)
		}
	case i < len(m.ranges) && m.ranges[i][0] == end:
		m.ranges[i][0] = off
	default:
		m.ranges = append(m.ranges, [2]uint32{})
		copy(m.ranges[i+1:], m.ranges[i:])
		m.ranges[i] = [2]uint32{off, end}
	}
	m.got += n
	return true
}

// laneRx is one lane's receiving state.
type laneRx struct {
	nextRel   int64 // the reliable index to deliver next
	msgRef    int64 // the highest message number seen, to widen the next ones
	pend      map[int64]*rxMessage
	unrelTop  int64  // the highest unreliable message number delivered
	unrelBits uint64 // bit i: message unrelTop-i was delivered
}

func (r *laneRx) drop() {
	for k, m := range r.pend {
		putBuf(m.buf)
		delete(r.pend, k)
	}
}

func (l *netLink) rxLane(i uint16) *laneRx {
	for int(i) >= len(l.rxLanes) {
		l.rxLanes = append(l.rxLanes, laneRx{nextRel: 1})
	}
	return &l.rxLanes[i]
}

func (l *netLink) rcvBit(seq int64) bool {
	i := seq & flightMask
	return l.rcvBits[i>>6]>>(i&63)&1 != 0
}

func (l *netLink) setRcvBit(seq int64, on bool) {
	i := seq & flightMask
	if on {
		l.rcvBits[i>>6] |= 1 << (i & 63)
	} else {
		l.rcvBits[i>>6] &^= 1 << (i & 63)
	}
}

// rxState is the datagram being read.
type rxState struct {
	now     int64
	ackNow  bool // answer at once: a duplicate (our ack was lost) or a ping
	stopped string
}

// onDatagram reads a data datagram whose type and recipient the owner checked. It reports false
// when the datagram did not parse.
func (l *netLink) onDatagram(d []byte, now int64) bool {
	if len(d) < dataHeaderLen {
		return false
	}
	l.heard(now)
	l.stats.received(len(d), now)
	l.stats.heardPacket(binary.LittleEndian.Uint32(d[5:]))
	l.rx = rxState{now: now}
	ok := walkFrames(d[dataHeaderLen:], l.cfg.maxSegments, l)
	if l.rx.stopped != "" {
		l.owner.violation(l.rx.stopped)
		return ok
	}
	if l.ackPending && (l.ackCount >= 2 || l.rx.ackNow) || l.pongDue {
		l.flush(now, false)
	}
	return ok
}

func (l *netLink) onAck(a *ackFrame) { l.applyAck(a, l.rx.now) }

func (l *netLink) onPing(id uint32) {
	l.pongDue, l.pongID = true, id
}

func (l *netLink) onPong(id uint32) {
	if id == l.pingID && l.pingSentAt > 0 {
		l.rttSample(l.rx.now - l.pingSentAt)
		l.pingSentAt = l.rx.now - l.cfg.keepalive/2 // one sample per ping
	}
}

func (l *netLink) onSegment(s *segment) bool {
	if s.hasChannel != l.cfg.channels {
		l.rx.stopped = "segment without its channel (or with one on a connection)"
		return false
	}
	size := len(s.data)
	if s.fragment {
		size = int(s.total)
	}
	if size > l.cfg.recvMaxMessage {
		l.rx.stopped = fmt.Sprintf("message of %d bytes, more than RecvMaxMessageSize (%d)", size, l.cfg.recvMaxMessage)
		return false
	}
	if s.reliable {
		return l.onReliable(s, size)
	}
	l.onUnreliable(s, size)
	return true
}

func (l *netLink) markAck() {
	if !l.ackPending {
		l.ackPending, l.ackSince = true, l.rx.now
	}
}

func (l *netLink) onReliable(s *segment, size int) bool {
	seq := widen(l.rcvNext, s.seq)
	l.markAck()
	if seq < l.rcvNext || seq < l.rcvNext+flightWindow && l.rcvBit(seq) {
		l.rx.ackNow = true // a duplicate: the peer did not hear our ack
		return true
	}
	if seq >= l.rcvNext+flightWindow {
		return true // beyond the window: the peer resends it when we have room
	}
	lane := l.rxLane(s.lane)
	relIndex := widen(lane.nextRel, s.relIndex)
	if relIndex < lane.nextRel || relIndex >= lane.nextRel+flightWindow {
		l.rx.stopped = "reliable message out of the window"
		return false
	}
	if !l.owner.roomFor(size) {
		return false // the app is not reading: unacknowledged, so the peer sends it again
	}
	l.setRcvBit(seq, true)
	l.rcvHigh = max(l.rcvHigh, seq)
	for l.rcvBit(l.rcvNext) {
		l.setRcvBit(l.rcvNext, false)
		l.rcvNext++
	}
	l.ackCount++
	msgNum := l.widenMsgNum(lane, s.msgNum)
	if !s.fragment && relIndex == lane.nextRel {
		l.owner.deliver(&delivery{lane: s.lane, channel: s.channel, reliable: true, msgNum: msgNum, data: s.data})
		lane.nextRel++
		l.deliverReady(lane)
		return true
	}
	m := lane.pend[relIndex]
	if m == nil {
		if l.reasm+size > l.reasmCap() {
			l.rx.stopped = "reassembly buffers full"
			return false
		}
		m = &rxMessage{relIndex: relIndex, msgNum: msgNum, lane: s.lane, channel: s.channel, total: uint32(size), buf: getBuf(size)}
		l.reasm += size
		if lane.pend == nil {
			lane.pend = map[int64]*rxMessage{}
		}
		lane.pend[relIndex] = m
	} else if m.total != uint32(size) {
		l.rx.stopped = "fragments of one message disagree on its size"
		return false
	}
	copy(m.buf.b[s.offset:], s.data)
	m.got += uint32(len(s.data))
	if relIndex == lane.nextRel {
		l.deliverReady(lane)
	}
	return true
}

// reasmCap bounds the bytes held for reassembly: what the window can carry, and room for the
// largest messages of a few lanes at once.
func (l *netLink) reasmCap() int { return flightWindow*l.fragMax() + 4*l.cfg.recvMaxMessage }

// deliverReady delivers the lane's complete messages that are next in order.
func (l *netLink) deliverReady(lane *laneRx) {
	for {
		m := lane.pend[lane.nextRel]
		if m == nil || !m.complete() {
			return
		}
		delete(lane.pend, lane.nextRel)
		lane.nextRel++
		l.owner.deliver(&delivery{lane: m.lane, channel: m.channel, reliable: true, msgNum: m.msgNum, data: m.buf.b})
		l.reasm -= int(m.total)
		putBuf(m.buf)
	}
}

func (l *netLink) widenMsgNum(lane *laneRx, low uint32) int64 {
	n := widen(max(lane.msgRef, 1), low)
	lane.msgRef = max(lane.msgRef, n)
	return n
}

// onUnreliable delivers a whole unreliable message at once and reassembles a fragmented one;
// each message number is delivered once.
func (l *netLink) onUnreliable(s *segment, size int) {
	lane := l.rxLane(s.lane)
	msgNum := l.widenMsgNum(lane, s.msgNum)
	if l.unreliableSeen(lane, msgNum) {
		return
	}
	if !s.fragment {
		if l.owner.roomFor(size) {
			l.markUnreliable(lane, msgNum)
			l.owner.deliver(&delivery{lane: s.lane, channel: s.channel, msgNum: msgNum, data: s.data})
		}
		return
	}
	l.stamp++
	slot := -1
	for i, p := range l.partials {
		if p != nil && p.lane == s.lane && p.msgNum == msgNum {
			slot = i
			break
		}
	}
	for i, p := range l.partials {
		if slot < 0 && p == nil {
			slot = i
		}
	}
	if slot < 0 {
		slot = l.oldestPartial()
		putBuf(l.partials[slot].buf)
		l.partials[slot] = nil
		l.stats.unreliableDropped++
	}
	p := l.partials[slot]
	if p == nil {
		p = &rxMessage{msgNum: msgNum, lane: s.lane, channel: s.channel, total: s.total, buf: getBuf(int(s.total))}
		l.partials[slot] = p
	} else if p.total != s.total {
		return
	}
	p.stamp = l.stamp
	if !p.cover(s.offset, uint32(len(s.data))) {
		return // a duplicate fragment
	}
	copy(p.buf.b[s.offset:], s.data)
	if !p.complete() {
		return
	}
	l.partials[slot] = nil
	if l.owner.roomFor(int(p.total)) {
		l.markUnreliable(lane, msgNum)
		l.owner.deliver(&delivery{lane: p.lane, channel: p.channel, msgNum: msgNum, data: p.buf.b})
	}
	putBuf(p.buf)
}

func (l *netLink) oldestPartial() int {
	oldest := 0
	for i, p := range l.partials {
		if p != nil && p.stamp < l.partials[oldest].stamp {
			oldest = i
		}
	}
	return oldest
}

func (l *netLink) unreliableSeen(lane *laneRx, n int64) bool {
	switch d := lane.unrelTop - n; {
	case d < 0:
		return false
	case d >= 64:
		return true // too old to tell: treated as seen, as a late duplicate most likely is
	default:
		return lane.unrelBits>>d&1 != 0
	}
}

func (l *netLink) markUnreliable(lane *laneRx, n int64) {
	if d := n - lane.unrelTop; d > 0 {
		if d >= 64 {
			lane.unrelBits = 0
		} else {
			lane.unrelBits <<= d
		}
		lane.unrelTop = n
	}
	lane.unrelBits |= 1 << (lane.unrelTop - n)
}

// buildAck says what arrived: all below rcvNext, and up to maxAckRanges runs beyond it.
func (l *netLink) buildAck(now int64) ackFrame {
	a := ackFrame{next: uint32(l.rcvNext), delay: uint16(min(max(now-l.ackSince, 0), 65535))}
	cursor := l.rcvNext
	for seq := l.rcvNext + 1; seq <= l.rcvHigh && a.n < maxAckRanges; seq++ {
		if !l.rcvBit(seq) {
			continue
		}
		start := seq
		for seq <= l.rcvHigh && l.rcvBit(seq) {
			seq++
		}
		a.ranges[a.n] = [2]uint16{uint16(start - cursor), uint16(seq - start)}
		a.n++
		cursor = seq
	}
	return a
}
