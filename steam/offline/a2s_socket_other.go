//go:build !linux && !windows

package offline

import (
	"net"
	"net/netip"

	"github.com/gosteam/godot-steam-server/steam"
)

// setReceiveBuffer asks for n bytes of receive buffer (SO_RCVBUF); the system may give less.
func setReceiveBuffer(conn *net.UDPConn, n int) { _ = conn.SetReadBuffer(n) }

// receiveBuffer: not read back on these systems (0: unknown).
func receiveBuffer(*net.UDPConn) int { return 0 }

// enableDropReport: no drop report is read on these systems; TrafficKernelDrops stays 0.
func enableDropReport(*net.UDPConn) {}

// queryReader reads the query socket with a plain recvfrom.
type queryReader struct{}

func (*queryReader) read(conn *net.UDPConn, buf []byte, _ *steam.TrafficCounter) (int, netip.AddrPort, error) {
	return conn.ReadFromUDPAddrPort(buf)
}
