package udpbatch

import (
	"errors"
	"net"
	"net/netip"

	"golang.org/x/net/ipv4"
)

// message is x/net's, the same type for its ipv4 and ipv6 packages.
type message = ipv4.Message

// batchConn is x/net's ipv4.PacketConn or ipv6.PacketConn.
type batchConn interface {
	ReadBatch(ms []message, flags int) (int, error)
	WriteBatch(ms []message, flags int) (int, error)
}

var errNothingRead = errors.New("udpbatch: the system returned no datagram and no error")

// Writer queues datagrams and sends them a batch at a time.
type Writer struct {
	conn  *net.UDPConn
	batch batchConn // nil: each datagram sent as it is written
	arena []byte    // the queued datagrams' bytes, one after another
	msgs  []message
	addrs []net.UDPAddr // msgs[i].Addr is &addrs[i], its IP in ips[i]: set without allocating
	ips   [][16]byte
	n     int // datagrams queued
}

// NewWriter sends on conn in batches of up to size datagrams holding up to arena bytes together. A
// datagram longer than arena goes out alone. size 1, or a system where x/net does not batch, sends
// each datagram as it is written.
func NewWriter(conn *net.UDPConn, size, arena int) *Writer {
	size = max(size, 1)
	w := &Writer{conn: conn}
	if size > 1 {
		w.batch = newBatchConn(conn)
	}
	if w.batch != nil {
		w.arena = make([]byte, 0, max(arena, 1))
		w.msgs = make([]message, size)
		w.addrs = make([]net.UDPAddr, size)
		w.ips = make([][16]byte, size)
		bufs := make([][]byte, size)
		for i := range w.msgs {
			w.msgs[i].Buffers = bufs[i : i+1]
			w.msgs[i].Addr = &w.addrs[i]
		}
	}
	return w
}

// Write queues a copy of d for to, sending the batch first when d does not fit in it. The error is
// that of a send it made (see Flush); without batching it is that of d's own send.
func (w *Writer) Write(d []byte, to netip.AddrPort) error {
	if w.batch == nil {
		_, err := w.conn.WriteToUDPAddrPort(d, to)
		return err
	}
	var err error
	if w.n == len(w.msgs) || len(d) > cap(w.arena)-len(w.arena) {
		err = w.Flush()
	}
	if len(d) > cap(w.arena) {
		_, e := w.conn.WriteToUDPAddrPort(d, to)
		return errors.Join(err, e)
	}
	start := len(w.arena)
	w.arena = append(w.arena, d...)
	m := &w.msgs[w.n]
	m.Buffers[0] = w.arena[start:len(w.arena):len(w.arena)]
	a, ip := &w.addrs[w.n], &w.ips[w.n]
	if addr := to.Addr(); addr.Is4() {
		*(*[4]byte)(ip[:4]) = addr.As4()
		a.IP = ip[:4]
	} else {
		*ip = addr.As16()
		a.IP = ip[:]
	}
	a.Port, a.Zone = int(to.Port()), to.Addr().Zone()
	w.n++
	return err
}

// Flush sends what is queued, in order. A datagram the system refuses (an address it cannot send
// to) is skipped and the rest still go out; the error is the first refusal. Once the connection is
// closed nothing more is sent and the error wraps net.ErrClosed. The queue is empty afterwards.
func (w *Writer) Flush() error {
	if w.n == 1 { // a lone datagram: sendto costs less than x/net's sendmmsg of one
		_, err := w.conn.WriteToUDPAddrPort(w.msgs[0].Buffers[0], w.addrs[0].AddrPort())
		w.n, w.arena = 0, w.arena[:0]
		return err
	}
	var first error
	for i := 0; i < w.n; {
		k, err := w.batch.WriteBatch(w.msgs[i:w.n], 0)
		i += max(k, 0) // x/net gives -1 when the first one failed
		if err == nil && k <= 0 {
			err = errNothingSent
		}
		if err != nil {
			if first == nil {
				first = err
			}
			if errors.Is(err, net.ErrClosed) {
				break
			}
			i++ // the datagram the system refused
		}
	}
	w.n, w.arena = 0, w.arena[:0]
	return first
}

var errNothingSent = errors.New("udpbatch: the system sent no datagram and gave no error")
