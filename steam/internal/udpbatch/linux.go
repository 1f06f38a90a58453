//go:build linux

package udpbatch

import (
	"encoding/binary"
	"net"
	"net/netip"
	"syscall"

	"golang.org/x/net/ipv4"
	"golang.org/x/net/ipv6"
)

const msgTrunc = syscall.MSG_TRUNC

// newBatchConn gives conn's recvmmsg and sendmmsg: x/net's ipv4 or ipv6 PacketConn, whose batch
// calls are the same (the family only matters to their socket options, unused here).
func newBatchConn(conn *net.UDPConn) batchConn {
	if a, ok := conn.LocalAddr().(*net.UDPAddr); ok && a.IP.To4() != nil {
		return ipv4.NewPacketConn(conn)
	}
	return ipv6.NewPacketConn(conn)
}

// readOne is one recvmsg, with the ancillary data that carries the drop report.
func readOne(conn *net.UDPConn, buf, oob []byte) (n, oobn, flags int, from netip.AddrPort, err error) {
	return conn.ReadMsgUDPAddrPort(buf, oob)
}

// truncation: Linux reports a datagram longer than the buffer with MSG_TRUNC, not an error.
func truncation(error) bool { return false }

// EnableDropReport turns on SO_RXQ_OVFL: every datagram received after a drop carries the socket's
// cumulative drop count as ancillary data. Refused (a kernel before 2.6.33), the count stays 0.
func EnableDropReport(conn *net.UDPConn) {
	rc, err := conn.SyscallConn()
	if err != nil {
		return
	}
	_ = rc.Control(func(fd uintptr) { _ = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RXQ_OVFL, 1) })
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
