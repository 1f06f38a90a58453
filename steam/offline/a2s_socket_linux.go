//go:build linux

package offline

import (
	"encoding/binary"
	"net"
	"net/netip"
	"syscall"

	"github.com/gosteam/godot-steam-server/steam"
)

// setReceiveBuffer asks for n bytes of receive buffer. SO_RCVBUF (Go's SetReadBuffer) is capped by
// net.core.rmem_max, 4 MiB on a tuned server but 208 KiB on a stock kernel; SO_RCVBUFFORCE is not,
// and succeeds for a process with CAP_NET_ADMIN (a server run as root, or in a container that has
// it). Without it, SO_RCVBUF gives as much as rmem_max allows.
func setReceiveBuffer(conn *net.UDPConn, n int) {
	rc, err := conn.SyscallConn()
	if err != nil {
		return
	}
	_ = rc.Control(func(fd uintptr) {
		if syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUFFORCE, n) != nil {
			_ = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, n)
		}
	})
}

// receiveBuffer reads SO_RCVBUF back: the buffer actually obtained.
func receiveBuffer(conn *net.UDPConn) int {
	rc, err := conn.SyscallConn()
	if err != nil {
		return 0
	}
	n := 0
	_ = rc.Control(func(fd uintptr) { n, _ = syscall.GetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF) })
	return n
}

// enableDropReport turns on SO_RXQ_OVFL: every datagram received after a drop carries the socket's
// cumulative drop count as ancillary data. Refused (a kernel before 2.6.33), the count stays 0.
func enableDropReport(conn *net.UDPConn) {
	rc, err := conn.SyscallConn()
	if err != nil {
		return
	}
	_ = rc.Control(func(fd uintptr) { _ = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RXQ_OVFL, 1) })
}

// queryReader reads the query socket, counting the kernel's drops as they are reported. Its
// ancillary buffer is reused, so a read allocates nothing.
type queryReader struct {
	oob  [64]byte // one SO_RXQ_OVFL message takes 24 bytes (16 on 32-bit systems)
	last uint32   // the cumulative count last reported
}

func (q *queryReader) read(conn *net.UDPConn, buf []byte, traffic *steam.TrafficCounter) (int, netip.AddrPort, error) {
	n, oobn, _, from, err := conn.ReadMsgUDPAddrPort(buf, q.oob[:])
	if err == nil && oobn > 0 {
		if c, ok := rxqOverflow(q.oob[:oobn]); ok && c != q.last {
			traffic.Add(steam.TrafficKernelDrops, uint64(c-q.last)) // uint32 arithmetic: a wrapped count still gives the difference
			q.last = c
		}
	}
	return n, from, err
}

// rxqOverflow finds the SO_RXQ_OVFL count in a recvmsg's ancillary data, without allocating (unlike
// syscall.ParseSocketControlMessage). A cmsghdr is a length of the C size_t (8 bytes on 64-bit
// systems, 4 on 32-bit), a level and a type (4 bytes each), then the data, each message aligned to
// the size of size_t.
func rxqOverflow(oob []byte) (uint32, bool) {
	const hdr = syscall.SizeofCmsghdr
	const lenSize = hdr - 8
	const align = lenSize
	for len(oob) >= hdr {
		var l uint64
		if lenSize == 8 {
			l = binary.NativeEndian.Uint64(oob)
		} else {
			l = uint64(binary.NativeEndian.Uint32(oob))
		}
		if l < hdr || l > uint64(len(oob)) {
			return 0, false
		}
		level := int32(binary.NativeEndian.Uint32(oob[lenSize:]))
		typ := int32(binary.NativeEndian.Uint32(oob[lenSize+4:]))
		if level == syscall.SOL_SOCKET && typ == syscall.SO_RXQ_OVFL && l >= hdr+4 {
			return binary.NativeEndian.Uint32(oob[hdr:]), true
		}
		next := (l + align - 1) &^ (align - 1)
		if next >= uint64(len(oob)) {
			break
		}
		oob = oob[next:]
	}
	return 0, false
}
