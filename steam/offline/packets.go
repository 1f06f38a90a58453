package offline

// GameSocketShare: the game hands every datagram starting with FF FF FF FF to HandleIncomingPacket
// and sends what NextOutgoingPacket gives back. The A2S handler (a2s.go) answers the queries among
// them, queueing one datagram per reply or per fragment of a split reply.

import "github.com/gosteam/godot-steam-server/steam"

type packet struct {
	data []byte
	ip   uint32
	port uint16
}

// packetQueue is a bounded FIFO ring of datagrams to send.
type packetQueue struct {
	ring    []packet
	head, n int
	dropped uint64
}

func (q *packetQueue) reset(max int) {
	q.ring = make([]packet, max)
	q.head, q.n = 0, 0
	q.dropped = 0
}

// push queues a copy of data; when the queue is full the packet is dropped and counted. An empty
// datagram is refused: NextOutgoingPacket's 0 means "nothing to send".
func (q *packetQueue) push(data []byte, ip uint32, port uint16) bool {
	if len(data) == 0 {
		return false
	}
	if q.n == len(q.ring) {
		q.dropped++
		return false
	}
	q.ring[(q.head+q.n)%len(q.ring)] = packet{append([]byte(nil), data...), ip, port}
	q.n++
	return true
}

func (q *packetQueue) pop() (packet, bool) {
	if q.n == 0 {
		return packet{}, false
	}
	p := q.ring[q.head]
	q.ring[q.head] = packet{}
	q.head = (q.head + 1) % len(q.ring)
	q.n--
	return p, true
}

func (q *packetQueue) len() int { return q.n }

// free is how many more datagrams fit.
func (q *packetQueue) free() int { return len(q.ring) - q.n }

// isQuery reports whether a datagram is for Steam: it starts with the long -1.
func isQuery(data []byte) bool {
	return len(data) >= 4 && data[0] == 0xFF && data[1] == 0xFF && data[2] == 0xFF && data[3] == 0xFF
}

// HandleIncomingPacket accepts a query datagram in GameSocketShare mode (query port
// steam.QueryPortShared). It returns false for anything else, and in the other modes, where Steam
// would own a query socket of its own. A datagram it takes is answered (or dropped) at once: the
// replies are queued for NextOutgoingPacket.
func (b *Backend) HandleIncomingPacket(data []byte, ip uint32, port uint16) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.initialized || !b.cfg.SharedSocket() || !isQuery(data) {
		return false
	}
	b.handleQuery(data, ip, port)
	return true
}

// handleQuery answers an A2S query by queueing its reply datagrams (a2s.go). Called with b.mu held.
func (b *Backend) handleQuery(data []byte, ip uint32, port uint16) {
	r := b.a2s
	if r == nil {
		return
	}
	r.shared = queueSink{q: &b.out, ip: ip, port: port}
	r.h.handle(data, ip, r, &r.shared)
}

// OutgoingQueuedOnlyByCalls: datagrams are queued only by HandleIncomingPacket (the query port's own
// socket sends its replies itself), so an empty queue stays empty until the game's next call.
func (b *Backend) OutgoingQueuedOnlyByCalls() bool { return true }

// NextOutgoingPacket copies the next queued datagram into buf. A datagram longer than buf cannot be
// sent whole, so it is dropped (and counted) and the next one is tried; 0 means nothing to send.
func (b *Backend) NextOutgoingPacket(buf []byte) (n int, ip uint32, port uint16) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for {
		p, ok := b.out.pop()
		if !ok {
			return 0, 0, 0
		}
		if len(p.data) > len(buf) {
			b.out.dropped++
			continue
		}
		return copy(buf, p.data), p.ip, p.port
	}
}

// Traffic is what the query responder counted since Init (steam.TrafficReporter), with the reply
// datagrams the GameSocketShare queue had no room for.
func (b *Backend) Traffic() steam.Traffic {
	b.mu.Lock()
	defer b.mu.Unlock()
	var t steam.Traffic
	if b.a2s != nil {
		t = b.a2s.h.traffic.Read()
	}
	t[steam.TrafficQueueFull] += b.out.dropped
	b.netTraffic(&t)
	return t
}
