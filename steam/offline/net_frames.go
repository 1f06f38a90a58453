package offline

// The frames of a data datagram (net_wire.go describes the layout): encoding, and one decoder that
// walks a datagram and hands each frame to a visitor. A frame that does not parse ends the walk
// and marks the datagram malformed; what came before it was already handled, as the frames are
// independent.

// segment is one reliable or unreliable frame as it travels: the numbers are their low 32 bits.
type segment struct {
	reliable   bool
	seq        uint32 // reliable only
	lane       uint16
	channel    int32
	hasChannel bool
	relIndex   uint32 // reliable only
	msgNum     uint32
	fragment   bool
	total      uint32 // fragments only: the whole message's size
	offset     uint32
	data       []byte // aliases the datagram
}

func (s *segment) headerLen() int {
	n := 1 + 4 + 2 // kind, message number, length
	if s.reliable {
		n += 8
	}
	if s.lane != 0 {
		n++
	}
	if s.hasChannel {
		n += 4
	}
	if s.fragment {
		n += 8
	}
	return n
}

func (s *segment) encode(b []byte) []byte {
	kind := frameUnreliable
	if s.reliable {
		kind = frameReliable
	}
	if s.fragment {
		kind |= frameFragment
	}
	if s.lane != 0 {
		kind |= frameLane
	}
	if s.hasChannel {
		kind |= frameChannel
	}
	b = append(b, kind)
	if s.reliable {
		b = putU32(b, s.seq)
	}
	if s.lane != 0 {
		b = append(b, byte(s.lane))
	}
	if s.hasChannel {
		b = putU32(b, uint32(s.channel))
	}
	if s.reliable {
		b = putU32(b, s.relIndex)
	}
	b = putU32(b, s.msgNum)
	if s.fragment {
		b = putU32(b, s.total)
		b = putU32(b, s.offset)
	}
	b = putU16(b, uint16(len(s.data)))
	return append(b, s.data...)
}

// decodeSegment reads the frame whose kind byte was just read.
func decodeSegment(r *wreader, kind byte) (s segment, ok bool) {
	s.reliable = kind&frameKindMask == frameReliable
	if s.reliable {
		s.seq = r.u32()
	}
	if kind&frameLane != 0 {
		s.lane = uint16(r.u8())
	}
	if kind&frameChannel != 0 {
		s.hasChannel = true
		s.channel = int32(r.u32())
	}
	if s.reliable {
		s.relIndex = r.u32()
	}
	s.msgNum = r.u32()
	if kind&frameFragment != 0 {
		s.fragment = true
		s.total = r.u32()
		s.offset = r.u32()
	}
	s.data = r.take(int(r.u16()))
	if r.bad || kind&^(frameKindMask|frameFragment|frameLane|frameChannel) != 0 || s.channel < 0 {
		return s, false
	}
	if s.fragment && (len(s.data) == 0 || uint64(s.offset)+uint64(len(s.data)) > uint64(s.total)) {
		return s, false
	}
	return s, true
}

// ackFrame is what a receiver says of the reliable segments: every segment below next arrived,
// and the ranges beyond it.
type ackFrame struct {
	next   uint32
	delay  uint16 // µs the ack waited, capped
	n      int
	ranges [maxAckRanges][2]uint16 // gap, length
}

func (a *ackFrame) encode(b []byte) []byte {
	b = append(b, frameAck)
	b = putU32(b, a.next)
	b = putU16(b, a.delay)
	b = append(b, byte(a.n))
	for _, r := range a.ranges[:a.n] {
		b = putU16(b, r[0])
		b = putU16(b, r[1])
	}
	return b
}

func decodeAck(r *wreader) (a ackFrame, ok bool) {
	a.next = r.u32()
	a.delay = r.u16()
	a.n = int(r.u8())
	if a.n > maxAckRanges {
		return a, false
	}
	for i := range a.n {
		a.ranges[i] = [2]uint16{r.u16(), r.u16()}
		if a.ranges[i][0] == 0 && i > 0 || a.ranges[i][1] == 0 {
			return a, false
		}
	}
	return a, !r.bad
}

// frameVisitor receives the frames of one data datagram.
type frameVisitor interface {
	onAck(a *ackFrame)
	onPing(id uint32)
	onPong(id uint32)
	// onSegment returns false to stop reading the datagram (the receiver has no room).
	onSegment(s *segment) bool
}

// walkFrames reads the frames after a data datagram's header; maxSegments bounds the segments
// read (RecvMaxSegmentsPerPacket). It reports false when a frame did not parse.
func walkFrames(frames []byte, maxSegments int, v frameVisitor) bool {
	r := wreader{b: frames}
	segs := 0
	for len(r.b) > 0 {
		kind := r.u8()
		switch {
		case kind == frameAck:
			a, ok := decodeAck(&r)
			if !ok {
				return false
			}
			v.onAck(&a)
		case kind == framePing || kind == framePong:
			id := r.u32()
			if r.bad {
				return false
			}
			if kind == framePing {
				v.onPing(id)
			} else {
				v.onPong(id)
			}
		case kind&frameKindMask == frameReliable || kind&frameKindMask == frameUnreliable:
			s, ok := decodeSegment(&r, kind)
			if !ok {
				return false
			}
			if segs++; segs > maxSegments {
				return true
			}
			if !v.onSegment(&s) {
				return true
			}
		default:
			return false
		}
	}
	return true
}
