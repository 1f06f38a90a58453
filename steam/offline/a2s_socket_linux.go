//go:build linux

package offline

import (
	"net"
	"syscall"
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
