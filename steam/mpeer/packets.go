package mpeer

// Packets: one Steam message each, [header byte][payload]. The header is the transfer mode (0 to 2)
// or headerHello; the channel is the message's lane (each lane keeps its own reliable order, as
// ENet's channels do), and an unreliable-ordered packet older than the newest of its lane (by the
// lane's message number, which Steam assigns per lane) is dropped. Sending and receiving reuse
// their buffers: a steady stream of packets allocates nothing in Go.

import (
	"fmt"

	"github.com/gosteam/godot-steam-server/steam"
)

const (
	headerSize = 1
	// headerHello is the host's first message to a client: the header and the client's peer ID
	// (uint32, little-endian).
	headerHello = 0x10
	helloSize   = 5

	// receiveBatch messages are read per receive call; a poll reads until the transport has no
	// more, or maxQueued packets wait unread (the rest wait in the transport, which then holds back
	// reliable data and drops unreliable, as for any receiver that does not read).
	receiveBatch = 256
	maxQueued    = 4096
)

// sendFlags are the Steam send flags of each transfer mode. NoNagle: a packet goes out at once,
// as ENet flushes in put_packet.
var sendFlags = [3]int32{
	TransferUnreliable:        steam.SendUnreliable | steam.SendNoNagle,
	TransferUnreliableOrdered: steam.SendUnreliable | steam.SendNoNagle,
	TransferReliable:          steam.SendReliable | steam.SendNoNagle,
}

type packet struct {
	from    int32
	channel int32
	mode    int32
	off, n  int
}

// inbox is the queue of received packets, their payloads in one arena reset once all are read.
type inbox struct {
	queue []packet
	head  int
	arena []byte
	batch steam.MessageBatch
}

func (q *inbox) len() int { return len(q.queue) - q.head }

func (q *inbox) clear() {
	q.queue, q.head, q.arena = q.queue[:0], 0, q.arena[:0]
}

// compact drops what was read, keeping the unread packets (and their bytes) at the front.
func (q *inbox) compact() {
	if q.head == 0 {
		return
	}
	if q.len() == 0 {
		q.clear()
		return
	}
	base := q.queue[q.head].off
	q.arena = q.arena[:copy(q.arena, q.arena[base:])]
	n := copy(q.queue, q.queue[q.head:])
	q.queue, q.head = q.queue[:n], 0
	for i := range q.queue {
		q.queue[i].off -= base
	}
}

func (q *inbox) push(from, channel, mode int32, data []byte) {
	q.queue = append(q.queue, packet{from: from, channel: channel, mode: mode, off: len(q.arena), n: len(data)})
	q.arena = append(q.arena, data...)
}

// receive moves what the transport has into the inbox.
func (p *Peer) receive() {
	q := &p.inbox
	q.compact()
	for q.len() < maxQueued {
		n, err := p.s.ReceiveMessagesOnPollGroup(int64(p.group), receiveBatch, &q.batch)
		for i := range q.batch.Messages {
			p.arrived(&q.batch.Messages[i])
		}
		if err != nil || n < receiveBatch || p.role == roleNone {
			break
		}
	}
	q.batch.Release()
}

// arrived files one message: a packet, or the host's hello.
func (p *Peer) arrived(m *steam.Message) {
	r := p.byConn[m.Conn]
	if r == nil || len(m.Data) < headerSize {
		return
	}
	mode := int32(m.Data[0])
	switch {
	case mode == headerHello:
		p.welcomed(m.Data)
		return
	case mode > TransferReliable:
		return // not ours: dropped
	case mode == TransferUnreliableOrdered:
		lane := int(m.Lane)
		if lane >= len(r.newest) {
			r.newest = append(r.newest, make([]int64, lane+1-len(r.newest))...)
		}
		if m.MessageNumber <= r.newest[lane] {
			return // older than one already delivered on this channel
		}
		r.newest[lane] = m.MessageNumber
	}
	from := r.id
	if p.role == roleClient {
		from = ServerID // a packet may come before the hello (unreliable); it is the host's
	}
	p.inbox.push(from, int32(m.Lane), mode, m.Data[headerSize:])
}

// next is the packet GetPacket would return, nil when none waits.
func (p *Peer) next() *packet {
	if p.inbox.len() == 0 {
		return nil
	}
	return &p.inbox.queue[p.inbox.head]
}

// Next describes the queue's front: how many packets wait, and the next one's sender, channel and
// mode (zeros, and TransferReliable, when none waits).
type Next struct{ Available, Peer, Channel, Mode int32 }

func (p *Peer) Next() Next {
	return locked(p, func() Next {
		n := Next{Available: int32(p.inbox.len()), Mode: TransferReliable}
		if f := p.next(); f != nil {
			n.Peer, n.Channel, n.Mode = f.from, f.channel, f.mode
		}
		return n
	})
}

// NextPacketSize is the size of the packet GetPacket would return, 0 when none waits.
func (p *Peer) NextPacketSize() int {
	return locked(p, func() int {
		if n := p.next(); n != nil {
			return n.n
		}
		return 0
	})
}

// GetPacket takes the next packet and hands its payload to use, which must copy it: the bytes are
// the peer's until the next Poll.
func (p *Peer) GetPacket(use func([]byte)) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := p.next()
	if n == nil {
		return fail(ErrUnavailable, "no packet is waiting (get_available_packet_count is 0)")
	}
	p.inbox.head++
	use(p.inbox.arena[n.off : n.off+n.n])
	return nil
}

// outbox is the reused message list and buffer of PutPacket.
type outbox struct {
	data    []byte
	msgs    []steam.OutgoingMessage
	results []int64
}

// PutPacket sends data to the target peer(s) with the transfer mode and channel set.
func (p *Peer) PutPacket(data []byte) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.status != StatusConnected {
		return fail(ErrUnconfigured, "the peer is not connected (host, or wait for connected_to_server)")
	}
	if len(data) > MaxPacketSize {
		return fail(ErrInvalidParameter, fmt.Sprintf("a packet is at most %d bytes, got %d", MaxPacketSize, len(data)))
	}
	o := &p.out
	o.data = append(append(o.data[:0], byte(p.mode)), data...)
	o.msgs = o.msgs[:0]
	switch {
	case p.role == roleClient:
		p.addMessage(p.server)
	case p.target > 0:
		r := p.byID[p.target]
		if r == nil {
			return fail(ErrInvalidParameter, fmt.Sprintf("target peer %d is not connected", p.target))
		}
		p.addMessage(r)
	default: // 0: everyone; minus an ID: everyone else
		for _, r := range p.byID {
			if r.id != -p.target {
				p.addMessage(r)
			}
		}
	}
	return p.flush()
}

// addMessage queues the packet for r, on the lane of the transfer channel (grown when needed).
func (p *Peer) addMessage(r *remote) {
	if int(p.channel) >= r.lanes {
		lanes := int64(p.channel) + 1
		if res, err := p.s.ConfigureConnectionLanes(int64(r.conn), lanes, nil, nil); err != nil || res != steam.ResultOK {
			return // the connection is going: its closed status follows
		}
		r.lanes = int(lanes)
	}
	p.out.msgs = append(p.out.msgs, steam.OutgoingMessage{Conn: r.conn, Data: p.out.data, Flags: sendFlags[p.mode], Lane: uint16(p.channel)})
}

// flush sends the queued messages: a refusal for one peer is an error only when it was the only one.
func (p *Peer) flush() error {
	o := &p.out
	if len(o.msgs) == 0 {
		return nil
	}
	if cap(o.results) < len(o.msgs) {
		o.results = make([]int64, len(o.msgs))
	}
	o.results = o.results[:len(o.msgs)]
	if err := p.s.SendMessagesInto(o.msgs, o.results); err != nil {
		return frontError(err)
	}
	clear(o.msgs) // no reference to the payload stays behind
	if len(o.results) == 1 && o.results[0] < 0 {
		return fail(ErrUnavailable, fmt.Sprintf("the transport refused the packet (Steam result %d)", -o.results[0]))
	}
	return nil
}
