//go:build !linux && !windows

package udpbatch

import (
	"net"
	"net/netip"
)

// msgTrunc: never set here (recvfrom reports no flags); a long datagram shows by filling the buffer.
const msgTrunc = 1 << 30

// newBatchConn: x/net batches on Linux only; one datagram per call.
func newBatchConn(*net.UDPConn) batchConn { return nil }

// readOne is one recvfrom: no drop report is read on these systems.
func readOne(conn *net.UDPConn, buf, _ []byte) (n, oobn, flags int, from netip.AddrPort, err error) {
	n, from, err = conn.ReadFromUDPAddrPort(buf)
	return n, 0, 0, from, err
}

func truncation(error) bool { return false }

// EnableDropReport: no drop report on these systems; Datagram.Drops stays 0.
func EnableDropReport(*net.UDPConn) {}

func rxqOverflow([]byte) (uint32, bool) { return 0, false }
