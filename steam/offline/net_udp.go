package offline

// The transport's UDP sockets, read and written in batches (steam/internal/udpbatch: recvmmsg and
// sendmmsg on Linux, one datagram per system call elsewhere), and the core's lock, which sends
// what was written under it as it is released. Whatever one locked operation writes (the answers
// to a batch of received datagrams, every timer that came due, a SendMessages call, a flush of a
// reliable window) leaves in one system call per socket; a lone datagram still leaves before the
// operation returns: nothing waits for company. The system call is made just after the core's
// lock is released, so the socket readers and the game's calls do not wait for the kernel.

import (
	"net"
	"net/netip"
	"sync"

	"github.com/gosteam/godot-steam-server/steam/internal/udpbatch"
)

// netBatch is the most datagrams one system call reads or sends on a socket. Each socket holds
// two buffers of netBatch datagrams (about 190 KiB together).
const netBatch = 64

// datagramConn is the little of a UDP socket the transport uses, so the socket can be replaced
// (a test's) in one place: listenUDP.
type datagramConn interface {
	// ReadBatch waits for at least one datagram and returns those one read got, in the order they
	// came; their Data is valid until the next ReadBatch. Only the endpoint's reader calls it.
	ReadBatch() ([]udpbatch.Datagram, error)
	// Queue holds a copy of b for to until Flush (it may send what it held already to make room;
	// where the system does not batch it sends b at once).
	Queue(b []byte, to netip.AddrPort) error
	// Flush sends what Queue holds, in order.
	Flush() error
	LocalAddr() netip.AddrPort
	Close() error
}

type udpConn struct {
	conn *net.UDPConn
	r    *udpbatch.Reader
	w    *udpbatch.Writer
}

func (u *udpConn) ReadBatch() ([]udpbatch.Datagram, error) { return u.r.Read() }
func (u *udpConn) Queue(b []byte, to netip.AddrPort) error { return u.w.Write(b, to) }
func (u *udpConn) Flush() error                            { return u.w.Flush() }
func (u *udpConn) LocalAddr() netip.AddrPort               { return u.conn.LocalAddr().(*net.UDPAddr).AddrPort() }
func (u *udpConn) Close() error                            { return u.conn.Close() }

// netSocketBuffer is asked for as each socket's send and receive buffer: room for a window of
// datagrams while the reader is busy (the system may give less).
const netSocketBuffer = 4 << 20

// listenUDP opens a UDP socket on addr ("ip:port"; port 0 lets the system choose).
func listenUDP(addr string) (datagramConn, error) {
	ap, err := netip.ParseAddrPort(addr)
	if err != nil {
		return nil, err
	}
	network := "udp4"
	if ap.Addr().Is6() {
		network = "udp6"
	}
	c, err := net.ListenUDP(network, net.UDPAddrFromAddrPort(ap))
	if err != nil {
		return nil, err
	}
	_ = c.SetReadBuffer(netSocketBuffer)
	_ = c.SetWriteBuffer(netSocketBuffer)
	// A datagram longer than maxDatagram is read Truncated, and dropped as malformed.
	return &udpConn{conn: c, r: udpbatch.NewReader(c, netBatch, maxDatagram),
		w: udpbatch.NewWriter(c, netBatch, netBatch*maxDatagram)}, nil
}

// netLock is the core's lock. The endpoints written to while it was held are in dirty; Unlock
// releases it, then sends what they queued (each endpoint's own write lock keeps its queue whole
// meanwhile: a datagram queued by the next holder goes with this flush or its own, in order).
type netLock struct {
	sync.Mutex
	dirty []*netEndpoint
}

// flushAfterUnlock is how many endpoints' writes an Unlock sends after releasing the lock (from
// its stack, so nothing is allocated); more, rare (a service pass over outbound connections,
// each with its own socket), are sent before.
const flushAfterUnlock = 8

func (l *netLock) Unlock() {
	var after [flushAfterUnlock]*netEndpoint
	n := 0
	for i, ep := range l.dirty {
		l.dirty[i] = nil
		if !ep.queued {
			continue // sent already: the endpoint was released
		}
		ep.queued = false
		if n < len(after) {
			after[n] = ep
			n++
		} else {
			ep.sendQueued()
		}
	}
	l.dirty = l.dirty[:0]
	l.Mutex.Unlock()
	for _, ep := range after[:n] {
		ep.sendQueued()
	}
}
