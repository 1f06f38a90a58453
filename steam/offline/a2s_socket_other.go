//go:build !linux && !windows

package offline

import (
	"net"
)

// setReceiveBuffer asks for n bytes of receive buffer (SO_RCVBUF); the system may give less.
func setReceiveBuffer(conn *net.UDPConn, n int) { _ = conn.SetReadBuffer(n) }

// receiveBuffer: not read back on these systems (0: unknown).
func receiveBuffer(*net.UDPConn) int { return 0 }
