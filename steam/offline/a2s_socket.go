package offline

// The query socket: how it is opened and read. A burst of queries (a server browser refreshing, a
// flood) arrives faster than one goroutine answers; what the kernel cannot queue meanwhile is
// dropped before the responder sees it. The socket therefore asks for a receive buffer far above
// Linux's 208 KiB default, and where the system reports its drops (Linux's SO_RXQ_OVFL) they are
// counted as steam.TrafficKernelDrops. The platform parts are in a2s_socket_linux.go,
// a2s_socket_windows.go and a2s_socket_other.go.

import (
	"net"
	"net/netip"

	"github.com/gosteam/godot-steam-server/steam/internal/udpbatch"
)

// EnvQueryReceiveBuffer sets the query socket's receive buffer in bytes at serverInit; 0 keeps the
// system's default. QueryOptions.ReceiveBuffer, when set, wins.
const EnvQueryReceiveBuffer = "GOSTEAM_QUERY_RECEIVE_BUFFER"

// DefaultQueryReceiveBuffer is the receive buffer asked for when neither QueryOptions nor the
// environment sets one: about 5,000 queued queries on Linux (a small datagram costs the buffer about
// 800 bytes of bookkeeping), against about 250 in the 208 KiB default. It is a limit, not an
// allocation: the kernel takes memory only for datagrams actually waiting.
const DefaultQueryReceiveBuffer = 4 << 20

// receiveBufferFor resolves QueryOptions.ReceiveBuffer and the environment: the bytes to ask for, 0
// for the system's default.
func receiveBufferFor(o QueryOptions) int {
	switch {
	case o.ReceiveBuffer < 0:
		return 0
	case o.ReceiveBuffer > 0:
		return o.ReceiveBuffer
	}
	if n, set := envInt(EnvQueryReceiveBuffer); set && n >= 0 {
		return n
	}
	return DefaultQueryReceiveBuffer
}

// listenQuery binds the query socket and sets it up: the receive buffer (0: the system's) and, where
// there is one, the kernel's drop report. A buffer the system refuses is not an error: the socket
// keeps what it has, and QueryReceiveBuffer tells what that is.
func listenQuery(addr netip.AddrPort, receiveBuffer int) (*net.UDPConn, error) {
	conn, err := net.ListenUDP("udp4", net.UDPAddrFromAddrPort(addr))
	if err != nil {
		return nil, err
	}
	if receiveBuffer > 0 {
		setReceiveBuffer(conn, receiveBuffer)
	}
	udpbatch.EnableDropReport(conn)
	return conn, nil
}

// QueryReceiveBuffer is the receive buffer of the query socket in bytes, as the system reports it
// (Linux reports twice what was set: it counts its bookkeeping as well), or 0 without a query
// socket or on a system this package cannot ask.
func (b *Backend) QueryReceiveBuffer() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.a2s == nil || b.a2s.conn == nil {
		return 0
	}
	return receiveBuffer(b.a2s.conn)
}
