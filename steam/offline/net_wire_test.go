package offline

// The wire format: every datagram and frame encodes and decodes to itself; truncated or padded
// ones do not decode; sequence numbers widen across the 32-bit wrap.

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestConnectRoundTrip(t *testing.T) {
	m := connectMsg{version: 1, clientConn: 7, clientID: 76561197960287930, targetID: 90071992547409921, targetPort: -1,
		service: serviceMessages, ticket: bytes.Repeat([]byte{9}, ticketLen)}
	m.cookie[3] = 0x55
	d := m.encode(nil)
	got, ok := decodeConnect(d)
	require.True(t, ok)
	require.Equal(t, m, got)
	for n := 1; n < len(d); n++ {
		_, ok := decodeConnect(d[:n])
		require.False(t, ok, "truncated to %d bytes", n)
	}
	_, ok = decodeConnect(append(bytes.Clone(d), 0))
	require.False(t, ok, "a trailing byte")
}

func TestControlRoundTrips(t *testing.T) {
	ok := connectOK{clientConn: 1, serverConn: 2, serverID: 3}
	ok.proof[0] = 4
	d := ok.encode(nil)
	got, good := decodeConnectOK(d)
	require.True(t, good)
	require.Equal(t, ok, got)
	_, good = decodeConnectOK(d[:len(d)-1])
	require.False(t, good)

	c := closeMsg{to: 5, from: 6, reason: 4003, debug: []byte("why")}
	d = c.encode(nil)
	gc, good := decodeClose(d)
	require.True(t, good)
	require.Equal(t, c, gc)
	long := closeMsg{debug: bytes.Repeat([]byte("x"), 300)}
	gc, good = decodeClose(long.encode(nil))
	require.True(t, good)
	require.Len(t, gc.debug, 127, "a debug text is cut to Steam's 127 bytes on the wire")

	require.Len(t, encodeChallengeReq(nil, 9), challengeReqLen)
	var cookie [cookieLen]byte
	require.Less(t, len(encodeChallenge(nil, 9, &cookie)), challengeReqLen, "a challenge is smaller than its request")
}

type frameLog struct {
	acks  []ackFrame
	pings []uint32
	pongs []uint32
	segs  []segment
}

func (f *frameLog) onAck(a *ackFrame) { f.acks = append(f.acks, *a) }
func (f *frameLog) onPing(id uint32)  { f.pings = append(f.pings, id) }
func (f *frameLog) onPong(id uint32)  { f.pongs = append(f.pongs, id) }
func (f *frameLog) onSegment(s *segment) bool {
	s.data = bytes.Clone(s.data)
	f.segs = append(f.segs, *s)
	return true
}

func TestFramesRoundTrip(t *testing.T) {
	var segs []segment
	for _, reliable := range []bool{false, true} {
		for _, frag := range []bool{false, true} {
			for _, lane := range []uint16{0, 3} {
				for _, ch := range []bool{false, true} {
					s := segment{reliable: reliable, lane: lane, hasChannel: ch, msgNum: 11, data: []byte("payload")}
					if ch {
						s.channel = 42
					}
					if reliable {
						s.seq, s.relIndex = 99, 5
					}
					if frag {
						s.fragment, s.total, s.offset = true, 100, 20
					}
					segs = append(segs, s)
				}
			}
		}
	}
	a := ackFrame{next: 10, delay: 300, n: 2, ranges: [maxAckRanges][2]uint16{{2, 3}, {1, 1}}}
	var b []byte
	b = a.encode(b)
	b = append(b, framePing, 1, 0, 0, 0, framePong, 2, 0, 0, 0)
	for i := range segs {
		require.Equal(t, segs[i].headerLen()+len(segs[i].data), len(segs[i].encode(nil)), "headerLen is the header's length")
		b = segs[i].encode(b)
	}
	var log frameLog
	require.True(t, walkFrames(b, 1000, &log))
	require.Equal(t, []ackFrame{a}, log.acks)
	require.Equal(t, []uint32{1}, log.pings)
	require.Equal(t, []uint32{2}, log.pongs)
	require.Equal(t, segs, log.segs)

	var few frameLog
	require.True(t, walkFrames(b, 3, &few))
	require.Len(t, few.segs, 3, "RecvMaxSegmentsPerPacket: the rest of the datagram is ignored")
	for n := 1; n < len(b); n++ {
		var part frameLog
		if walkFrames(b[:n], 1000, &part) {
			require.LessOrEqual(t, len(part.segs), len(segs))
		}
	}
	var bad frameLog
	require.False(t, walkFrames([]byte{0x7F}, 10, &bad), "an unknown frame")
	over := segment{fragment: true, total: 5, offset: 3, data: []byte("abc")}
	require.False(t, walkFrames(over.encode(nil), 10, &bad), "a fragment beyond its message")
}

func TestWiden(t *testing.T) {
	require.Equal(t, int64(5), widen(3, 5))
	require.Equal(t, int64(1<<32+2), widen(1<<32-5, 2), "across the wrap")
	require.Equal(t, int64(1<<32-3), widen(1<<32+2, 1<<32-3), "back across it")
	require.Equal(t, int64(0xFFFFFFFF), widen(0xFFFFFFF0, 0xFFFFFFFF))
}

func TestMessageRangesCoverage(t *testing.T) {
	var m rxMessage
	m.total = 30
	require.True(t, m.cover(10, 10))
	require.True(t, m.cover(0, 10))
	require.False(t, m.cover(5, 2), "inside what arrived")
	require.False(t, m.cover(15, 10), "overlapping")
	require.True(t, m.cover(20, 10))
	require.True(t, m.complete())
	require.Equal(t, [][2]uint32{{0, 30}}, m.ranges)
}
