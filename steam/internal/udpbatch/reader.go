// Package udpbatch reads and writes the datagrams of a *net.UDPConn in batches: one recvmmsg or
// sendmmsg system call for up to a batch of them on Linux (through golang.org/x/net's ipv4 and
// ipv6 PacketConn), one datagram per call elsewhere (x/net batches on Linux only). A server
// answering bursts of small datagrams spends most of its time entering and leaving the kernel, once
// per datagram each way; a batch pays that once.
//
// Buffers are allocated once, by NewReader and NewWriter. What is still allocated per datagram is
// x/net's: its ReadBatch returns each sender as a new *net.UDPAddr (two small objects); the
// one-datagram path and the writer allocate nothing.
//
// A Reader or a Writer is used by one goroutine at a time; one of each may run on the same
// connection at once.
package udpbatch

import (
	"net"
	"net/netip"
)

// oobLen is the ancillary buffer of each datagram: room for the kernel's drop report (24 bytes on
// 64-bit Linux, 16 on 32-bit) and then some.
const oobLen = 64

// Datagram is one datagram read. Its Data points into the Reader's buffers: valid until the next
// Read.
type Datagram struct {
	Data []byte
	From netip.AddrPort
	// Truncated: the datagram was longer than the reader's maxDatagram, and Data holds only its
	// first maxDatagram bytes.
	Truncated bool
	// Drops is how many datagrams the system dropped on this socket (its receive buffer full)
	// since the drops last reported, as reported with this datagram: Linux reports its cumulative
	// count with every datagram received after a drop, once EnableDropReport turned that on
	// (SO_RXQ_OVFL). 0 elsewhere.
	Drops uint32
}

// Reader reads a connection a batch at a time.
type Reader struct {
	conn  *net.UDPConn
	batch batchConn // nil: one datagram per call
	max   int
	bufs  []byte // size slots of max+1 bytes: a datagram that fills its slot is over max
	oobs  []byte // size slots of oobLen bytes
	msgs  []message
	out   []Datagram
	drops dropCounter
}

// NewReader reads conn in batches of up to size datagrams of up to maxDatagram bytes each (a
// longer one is returned Truncated). size 1, or a system where x/net does not batch, reads one
// datagram per call.
func NewReader(conn *net.UDPConn, size, maxDatagram int) *Reader {
	size, maxDatagram = max(size, 1), max(maxDatagram, 1)
	r := &Reader{
		conn: conn,
		max:  maxDatagram,
		bufs: make([]byte, size*(maxDatagram+1)),
		oobs: make([]byte, size*oobLen),
		out:  make([]Datagram, size),
	}
	if size > 1 {
		r.batch = newBatchConn(conn)
	}
	if r.batch != nil {
		r.msgs = make([]message, size)
		for i := range r.msgs {
			r.msgs[i].Buffers = [][]byte{r.slot(i)}
			r.msgs[i].OOB = r.oobs[i*oobLen : (i+1)*oobLen]
		}
	}
	return r
}

func (r *Reader) slot(i int) []byte { return r.bufs[i*(r.max+1) : (i+1)*(r.max+1)] }

// Read waits for at least one datagram and returns those one system call got, in the order the
// socket received them: at least one unless err is not nil. After Close the error wraps
// net.ErrClosed; the connection's read deadline applies.
func (r *Reader) Read() ([]Datagram, error) {
	if r.batch == nil {
		return r.readOne()
	}
	n, err := r.batch.ReadBatch(r.msgs, 0)
	if err != nil || n <= 0 {
		// With n > 0, x/net could not parse the sender of one of them (never seen for UDP): which
		// of the n are complete is not known, so none is returned.
		if err == nil { // never seen: x/net returns a datagram or an error
			err = errNothingRead
		}
		return nil, err
	}
	for i := range n {
		m := &r.msgs[i]
		var from netip.AddrPort
		if a, ok := m.Addr.(*net.UDPAddr); ok {
			from = a.AddrPort()
		}
		r.out[i] = r.datagram(r.slot(i), m.N, m.OOB[:m.NN], from, m.Flags)
	}
	return r.out[:n], nil
}

func (r *Reader) readOne() ([]Datagram, error) {
	buf, oob := r.slot(0), r.oobs[:oobLen]
	n, oobn, flags, from, err := readOne(r.conn, buf, oob)
	switch {
	case truncation(err):
		n, flags = len(buf), msgTrunc
	case err != nil:
		return nil, err
	}
	r.out[0] = r.datagram(buf, n, oob[:oobn], from, flags)
	return r.out[:1], nil
}

func (r *Reader) datagram(buf []byte, n int, oob []byte, from netip.AddrPort, flags int) Datagram {
	return Datagram{
		Data:      buf[:min(n, r.max)],
		From:      from,
		Truncated: n > r.max || flags&msgTrunc != 0,
		Drops:     r.drops.seen(oob),
	}
}

// dropCounter turns the cumulative drop counts the system reports into what is new.
type dropCounter struct{ last uint32 }

func (d *dropCounter) seen(oob []byte) uint32 {
	c, ok := rxqOverflow(oob)
	if !ok || c == d.last {
		return 0
	}
	n := c - d.last // uint32 arithmetic: a wrapped count still gives the difference
	d.last = c
	return n
}
