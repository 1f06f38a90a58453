//go:build windows

package udpbatch

import (
	"errors"
	"net"
	"net/netip"
	"syscall"
)

// msgTrunc marks a datagram truncation(err) reported (Windows reports no flags here).
const msgTrunc = 1 << 30

// newBatchConn: x/net has no batch calls on Windows; one datagram per call.
func newBatchConn(*net.UDPConn) batchConn { return nil }

// readOne is one recvfrom (WSARecvFrom); Windows reports no drop count to read as ancillary data.
func readOne(conn *net.UDPConn, buf, _ []byte) (n, oobn, flags int, from netip.AddrPort, err error) {
	n, from, err = conn.ReadFromUDPAddrPort(buf)
	return n, 0, 0, from, err
}

// truncation: Windows fails the read of a datagram longer than the buffer with WSAEMSGSIZE, having
// filled the buffer and consumed the datagram (its sender is not given).
func truncation(err error) bool { return errors.Is(err, syscall.Errno(10040)) }

// EnableDropReport: Windows reports no per-socket drop count; Datagram.Drops stays 0.
func EnableDropReport(*net.UDPConn) {}

func rxqOverflow([]byte) (uint32, bool) { return 0, false }
