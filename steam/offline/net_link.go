package offline

// A link is the reliability layer of one connection: it turns queued messages into data datagrams
// and data datagrams back into messages, and knows nothing of sockets, handles or Steam's API
// (net_conn.go owns one per connection). Its parts:
//
//   - sending (net_link_send.go): messages wait in per-lane queues, are cut into segments of at most
//     fragMax bytes, and packed into datagrams of at most MTU_PacketSize bytes. Reliable segments
//     get a connection-wide sequence number and stay in the in-flight ring until acknowledged;
//     they are sent again when an ack shows a later segment arrived while they did not (fast
//     retransmit) or when their retransmission timeout passes (RTT-based, doubling while nothing
//     is acknowledged). A congestion window (slow start, halved on loss) and the ring's size bound
//     what is in flight; SendBufferSize bounds what waits.
//   - receiving (net_link_recv.go): reliable segments are acknowledged (cumulative plus ranges),
//     deduplicated, and reassembled; each lane delivers its reliable messages in the order they were
//     sent, whatever order the segments came in. Unreliable messages are delivered as soon as they
//     are whole, once each; a fragmented one whose fragment was lost is dropped whole.
//   - liveness: a ping when nothing was heard for a while, and the owner is told when nothing was
//     heard for the timeout.
//
// Time is in microseconds of the core's clock. Every method runs under the core's lock.

import "math"

const (
	// flightWindow is the in-flight ring: the most reliable segments sent and not acknowledged.
	flightWindow = 1024
	flightMask   = flightWindow - 1
	initialCwnd  = 32
	minCwnd      = 4
	minRTO       = 10_000
	maxRTO       = 2_000_000
	initialRTO   = 200_000
	// ackDelayMax is how long an acknowledgement may wait for a datagram to ride on.
	ackDelayMax = 1_000
	// keepaliveIdle is how long without hearing from the peer before a ping is sent, unless a third
	// of the connection's timeout is shorter (linkConfig.keepalive).
	keepaliveIdle = 1_000_000
	// unreliableSlots is how many fragmented unreliable messages may be in reassembly at once.
	unreliableSlots = 4
)

// delivery is a complete received message; data is valid only during the call.
type delivery struct {
	lane     uint16
	channel  int32
	reliable bool
	msgNum   int64
	data     []byte
}

// linkOwner is what a link needs from its connection.
type linkOwner interface {
	// transmit sends one complete datagram to the peer.
	transmit(pkt []byte)
	// roomFor reports whether the receive queue can take another message of n bytes.
	roomFor(n int) bool
	deliver(d *delivery)
	// violation reports a peer breaking the protocol in a way that ends the connection.
	violation(debug string)
}

// linkConfig is what the connection's configuration gives the link.
type linkConfig struct {
	mtu            int   // MTU_PacketSize
	nagle          int64 // NagleTime, µs
	sendBuffer     int   // SendBufferSize
	recvMaxMessage int   // RecvMaxMessageSize
	maxSegments    int   // RecvMaxSegmentsPerPacket
	channels       bool  // a session link: segments carry NetworkingMessages channels
	keepalive      int64 // µs of silence before a ping
}

type netLink struct {
	owner   linkOwner
	cfg     linkConfig
	peerID  uint32 // the peer's conn id, the first field of every data datagram
	scratch []byte

	// Sending.
	lanes      []laneTx
	qseq       uint64 // order of queueing, across lanes and kinds
	pktNum     uint32
	ring       [flightWindow]flight
	sndUna     int64 // lowest segment not acknowledged
	sndNxt     int64 // next segment to number
	retx       []int64
	cwnd       float64
	ssthresh   float64
	recoverTo  int64 // no further window cut for losses below this segment
	srtt       int64
	rttvar     int64
	rto        int64
	backoff    int64
	pending    int // bytes queued and not yet sent once
	pendingRel int
	unacked    int   // bytes sent reliably and not acknowledged
	rtoAt      int64 // when the next retransmission check is due (0: nothing in flight)
	nagleAt    int64
	freeMsgs   []*outMsg
	pingID     uint32
	pingSentAt int64
	pongDue    bool
	pongID     uint32
	lastSend   int64

	// Receiving.
	rcvNext    int64
	rcvHigh    int64
	rcvBits    [flightWindow / 64]uint64
	ackPending bool
	ackCount   int
	ackSince   int64
	rxLanes    []laneRx
	partials   [unreliableSlots]*rxMessage
	stamp      uint64
	reasm      int // bytes held in reliable reassembly
	rx         rxState
	lastRecv   int64

	stats linkStats
}

func newLink(owner linkOwner, cfg linkConfig, now int64) *netLink {
	l := &netLink{owner: owner, cfg: cfg, sndUna: 1, sndNxt: 1, rcvNext: 1, rcvHigh: 0,
		cwnd: initialCwnd, ssthresh: flightWindow, rto: initialRTO, backoff: 1, lastRecv: now, lastSend: now}
	l.lanes = []laneTx{{weight: 1, nextMsgNum: 1, nextRel: 1}}
	l.scratch = make([]byte, 0, maxDatagram)
	return l
}

// fragMax is the most payload one segment carries: what fits beside a full ack, a ping, a pong and
// the largest segment header in one datagram. Retransmissions resend segments as they were cut,
// so every segment must fit any datagram.
func (l *netLink) fragMax() int {
	return l.cfg.mtu - dataHeaderLen - maxAckFrameLen - 10 - maxSegmentHeader
}

// heard records a datagram from the peer.
func (l *netLink) heard(now int64) { l.lastRecv = now }

// idleFor is how long nothing was heard from the peer.
func (l *netLink) idleFor(now int64) int64 { return now - l.lastRecv }

// service does the timed work (retransmissions, delayed acks, Nagle, keepalive pings) and returns
// when it wants to run next (0: nothing planned).
func (l *netLink) service(now int64) int64 {
	next := int64(0)
	soonest := func(t int64) {
		if t > 0 && (next == 0 || t < next) {
			next = t
		}
	}
	soonest(l.checkRetransmit(now))
	if l.nagleAt > 0 {
		if now >= l.nagleAt {
			l.flush(now, true)
		} else {
			soonest(l.nagleAt)
		}
	}
	if l.ackPending {
		if now-l.ackSince >= ackDelayMax {
			l.flush(now, false)
		} else {
			soonest(l.ackSince + ackDelayMax)
		}
	}
	if len(l.retx) > 0 {
		l.flush(now, false)
	}
	if l.idleFor(now) >= l.cfg.keepalive && now-l.pingSentAt >= l.cfg.keepalive {
		l.ping(now)
	}
	soonest(max(l.lastRecv, l.pingSentAt) + l.cfg.keepalive)
	return next
}

// ping asks the peer for a pong: a keepalive and an RTT sample.
func (l *netLink) ping(now int64) {
	l.pingID++
	l.pingSentAt = now
	b := l.header()
	b = append(b, framePing)
	b = putU32(b, l.pingID)
	b = l.appendControl(b, now)
	l.send(b, now)
}

// header starts a data datagram in the scratch buffer.
func (l *netLink) header() []byte {
	l.pktNum++
	b := append(l.scratch[:0], pktData)
	b = putU32(b, l.peerID)
	return putU32(b, l.pktNum)
}

func (l *netLink) send(b []byte, now int64) {
	l.lastSend = now
	l.stats.sent(len(b), now)
	l.owner.transmit(b)
}

// rttSample updates the smoothed RTT and the retransmission timeout (RFC 6298).
func (l *netLink) rttSample(rtt int64) {
	rtt = max(rtt, 1)
	if l.srtt == 0 {
		l.srtt, l.rttvar = rtt, rtt/2
	} else {
		d := l.srtt - rtt
		if d < 0 {
			d = -d
		}
		l.rttvar = (3*l.rttvar + d) / 4
		l.srtt = (7*l.srtt + rtt) / 8
	}
	l.rto = min(max(l.srtt+4*l.rttvar, minRTO), maxRTO)
}

// pingMS is the RTT estimate in milliseconds, -1 before any sample.
func (l *netLink) pingMS() int32 {
	if l.srtt == 0 {
		return -1
	}
	return int32((l.srtt + 500) / 1000)
}

// sendRate estimates what the link can carry, in bytes a second: a window of datagrams per
// round trip (0 before the first RTT sample). Nothing paces sends to it offline.
func (l *netLink) sendRate() int32 {
	if l.srtt == 0 {
		return 0
	}
	return int32(min(l.cwnd*float64(l.cfg.mtu)*1e6/float64(l.srtt), math.MaxInt32))
}

// release gives every pooled buffer back; the link is not used afterwards.
func (l *netLink) release() {
	for i := range l.lanes {
		l.lanes[i].drop(l)
	}
	for i := range l.ring {
		if m := l.ring[i].msg; m != nil {
			l.ring[i].msg = nil
			l.unref(m)
		}
	}
	for i := range l.rxLanes {
		l.rxLanes[i].drop()
	}
	for i, p := range l.partials {
		if p != nil {
			putBuf(p.buf)
			l.partials[i] = nil
		}
	}
}
