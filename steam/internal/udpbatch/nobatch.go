//go:build !linux

package udpbatch

import (
	"errors"
	"net"
	"net/netip"
	"runtime"
	"syscall"
)

// msgTrunc marks a datagram that truncation(err) reported: recvfrom gives no flags here.
const msgTrunc = 1 << 30

// newBatchConn: x/net batches on Linux only; one datagram per call.
func newBatchConn(*net.UDPConn) batchConn { return nil }

// readOne is one recvfrom: no drop report is read on these systems.
func readOne(conn *net.UDPConn, buf, _ []byte) (n, oobn, flags int, from netip.AddrPort, err error) {
	n, from, err = conn.ReadFromUDPAddrPort(buf)
	return n, 0, 0, from, err
}

// truncation: Windows fails the read of a datagram longer than the buffer with WSAEMSGSIZE
// (10040), having filled the buffer and consumed the datagram (its sender is not given). Elsewhere
// a long datagram shows by filling the buffer.
func truncation(err error) bool {
	return runtime.GOOS == "windows" && errors.Is(err, syscall.Errno(10040))
}

// EnableDropReport: no per-socket drop count is read on these systems; Datagram.Drops stays 0.
func EnableDropReport(*net.UDPConn) {}

func rxqOverflow([]byte) (uint32, bool) { return 0, false }
