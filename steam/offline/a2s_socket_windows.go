//go:build windows

package offline

import (
	"net"
	"syscall"
	"unsafe"
)

// setReceiveBuffer asks for n bytes of receive buffer (SO_RCVBUF); Windows has no system-wide cap
// like Linux's rmem_max.
func setReceiveBuffer(conn *net.UDPConn, n int) { _ = conn.SetReadBuffer(n) }

// receiveBuffer reads SO_RCVBUF back: the buffer actually obtained.
func receiveBuffer(conn *net.UDPConn) int {
	rc, err := conn.SyscallConn()
	if err != nil {
		return 0
	}
	var n int32
	_ = rc.Control(func(fd uintptr) {
		size := int32(unsafe.Sizeof(n))
		if syscall.Getsockopt(syscall.Handle(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, (*byte)(unsafe.Pointer(&n)), &size) != nil {
			n = 0
		}
	})
	return int(n)
}
