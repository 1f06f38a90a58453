package offline

// The offline transport's wire format. Every datagram starts with its type byte; integers are
// little-endian. Handshake and control datagrams:
//
//	A1 challenge request  ver u8, client conn id u32, zero padding to 64 bytes (so the reply,
//	                      21 bytes, is never larger than what asked for it)
//	A2 challenge          client conn id u32, cookie [16]
//	A3 connect            ver u8, client conn id u32, cookie [16], client identity u64,
//	                      target identity u64, target virtual port i32, service u8,
//	                      ticket length u16, ticket (the realm's 81-byte auth ticket, auth.go)
//	A4 connect OK         client conn id u32, server conn id u32, server identity u64, proof [16]
//	A5 close              to conn id u32, from conn id u32, reason u32, debug length u8, debug
//	A6 no connection      to conn id u32, from conn id u32
//	A7 data               to conn id u32, packet number u32, then frames
//
// Frames of a data datagram, each starting with its kind byte:
//
//	01 ack         next expected reliable segment u32, ack delay µs u16, range count u8, then per
//	               range: gap u16 (from the end of the previous range, or from next expected),
//	               length u16 — the segments received beyond next expected
//	02 ping        id u32 (answer with a pong)
//	03 pong        id u32
//	1x reliable    segment u32, [lane u8], [channel u32], reliable index u32, message number u32,
//	               [total u32, offset u32], length u16, payload
//	2x unreliable  [lane u8], [channel u32], message number u32, [total u32, offset u32],
//	               length u16, payload
//
// The low bits of the reliable and unreliable kinds say which optional fields follow: 1 a fragment
// (total and offset), 2 a lane other than 0, 4 a channel (NetworkingMessages). Message numbers and
// segments travel as their low 32 bits and are widened against what the receiver expects.

import "encoding/binary"

const (
	netProtoVersion = 1

	pktChallengeReq byte = 0xA1
	pktChallenge    byte = 0xA2
	pktConnect      byte = 0xA3
	pktConnectOK    byte = 0xA4
	pktClose        byte = 0xA5
	pktNoConn       byte = 0xA6
	pktData         byte = 0xA7

	frameAck        byte = 0x01
	framePing       byte = 0x02
	framePong       byte = 0x03
	frameReliable   byte = 0x10
	frameUnreliable byte = 0x20
	frameKindMask   byte = 0xF0
	frameFragment   byte = 0x01
	frameLane       byte = 0x02
	frameChannel    byte = 0x04

	challengeReqLen = 64
	cookieLen       = 16
	proofLen        = 16
	dataHeaderLen   = 9
	maxAckRanges    = 8
	maxAckFrameLen  = 8 + maxAckRanges*4
	// maxSegmentHeader is the largest reliable frame header: kind, segment, lane, channel, index,
	// number, total, offset, length.
	maxSegmentHeader = 1 + 4 + 1 + 4 + 4 + 4 + 4 + 4 + 2
	// maxDatagram bounds what is read: MTU_PacketSize is at most 1500.
	maxDatagram = 1500
)

// Services a connect datagram asks for.
const (
	serviceSockets  byte = 0 // a listen socket
	serviceMessages byte = 1 // ISteamNetworkingMessages sessions
	serviceP2P      byte = 2 // the old ISteamNetworking P2P sessions
)

// wreader reads a datagram; any read past the end sets bad, so a decoder checks once at the end.
type wreader struct {
	b   []byte
	bad bool
}

func (r *wreader) take(n int) []byte {
	if r.bad || len(r.b) < n {
		r.bad = true
		return nil
	}
	v := r.b[:n]
	r.b = r.b[n:]
	return v
}

func (r *wreader) u8() byte {
	if v := r.take(1); v != nil {
		return v[0]
	}
	return 0
}

func (r *wreader) u16() uint16 {
	if v := r.take(2); v != nil {
		return binary.LittleEndian.Uint16(v)
	}
	return 0
}

func (r *wreader) u32() uint32 {
	if v := r.take(4); v != nil {
		return binary.LittleEndian.Uint32(v)
	}
	return 0
}

func (r *wreader) u64() uint64 {
	if v := r.take(8); v != nil {
		return binary.LittleEndian.Uint64(v)
	}
	return 0
}

func putU16(b []byte, v uint16) []byte { return binary.LittleEndian.AppendUint16(b, v) }
func putU32(b []byte, v uint32) []byte { return binary.LittleEndian.AppendUint32(b, v) }
func putU64(b []byte, v uint64) []byte { return binary.LittleEndian.AppendUint64(b, v) }

// connectMsg is a connect datagram's content.
type connectMsg struct {
	version    byte
	clientConn uint32
	cookie     [cookieLen]byte
	clientID   uint64
	targetID   uint64
	targetPort int32
	service    byte
	ticket     []byte // aliases the datagram
}

func (m *connectMsg) encode(b []byte) []byte {
	b = append(b, pktConnect, m.version)
	b = putU32(b, m.clientConn)
	b = append(b, m.cookie[:]...)
	b = putU64(b, m.clientID)
	b = putU64(b, m.targetID)
	b = putU32(b, uint32(m.targetPort))
	b = append(b, m.service)
	b = putU16(b, uint16(len(m.ticket)))
	return append(b, m.ticket...)
}

func decodeConnect(d []byte) (m connectMsg, ok bool) {
	r := wreader{b: d[1:]}
	m.version = r.u8()
	m.clientConn = r.u32()
	copy(m.cookie[:], r.take(cookieLen))
	m.clientID = r.u64()
	m.targetID = r.u64()
	m.targetPort = int32(r.u32())
	m.service = r.u8()
	m.ticket = r.take(int(r.u16()))
	return m, !r.bad && len(r.b) == 0
}

// connectOK is a connect OK datagram's content.
type connectOK struct {
	clientConn, serverConn uint32
	serverID               uint64
	proof                  [proofLen]byte
}

func (m *connectOK) encode(b []byte) []byte {
	b = append(b, pktConnectOK)
	b = putU32(b, m.clientConn)
	b = putU32(b, m.serverConn)
	b = putU64(b, m.serverID)
	return append(b, m.proof[:]...)
}

func decodeConnectOK(d []byte) (m connectOK, ok bool) {
	r := wreader{b: d[1:]}
	m.clientConn = r.u32()
	m.serverConn = r.u32()
	m.serverID = r.u64()
	copy(m.proof[:], r.take(proofLen))
	return m, !r.bad && len(r.b) == 0
}

// closeMsg is a close datagram's content.
type closeMsg struct {
	to, from uint32
	reason   uint32
	debug    []byte // aliases the datagram
}

func (m *closeMsg) encode(b []byte) []byte {
	debug := m.debug
	if len(debug) > 127 {
		debug = debug[:127]
	}
	b = append(b, pktClose)
	b = putU32(b, m.to)
	b = putU32(b, m.from)
	b = putU32(b, m.reason)
	b = append(b, byte(len(debug)))
	return append(b, debug...)
}

func decodeClose(d []byte) (m closeMsg, ok bool) {
	r := wreader{b: d[1:]}
	m.to = r.u32()
	m.from = r.u32()
	m.reason = r.u32()
	m.debug = r.take(int(r.u8()))
	return m, !r.bad && len(r.b) == 0 && len(m.debug) <= 127
}

func encodeChallengeReq(b []byte, clientConn uint32) []byte {
	b = append(b, pktChallengeReq, netProtoVersion)
	b = putU32(b, clientConn)
	for len(b) < challengeReqLen {
		b = append(b, 0)
	}
	return b
}

func encodeChallenge(b []byte, clientConn uint32, cookie *[cookieLen]byte) []byte {
	b = append(b, pktChallenge)
	b = putU32(b, clientConn)
	return append(b, cookie[:]...)
}

func encodeNoConn(b []byte, to, from uint32) []byte {
	b = append(b, pktNoConn)
	b = putU32(b, to)
	return putU32(b, from)
}

// twoIDs reads the two conn ids that follow the type byte of challenge, no-connection and data datagrams.
func twoIDs(d []byte) (a, b uint32, ok bool) {
	if len(d) < 9 {
		return 0, 0, false
	}
	return binary.LittleEndian.Uint32(d[1:]), binary.LittleEndian.Uint32(d[5:]), true
}

// widen turns the low 32 bits of a sequence back into the full number nearest to ref.
func widen(ref int64, low uint32) int64 {
	v := ref&^0xFFFFFFFF | int64(low)
	switch d := v - ref; {
	case d > 1<<31:
		v -= 1 << 32
	case d < -(1 << 31):
		v += 1 << 32
	}
	return v
}
