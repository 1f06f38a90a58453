//go:build linux

package udpbatch

import (
	"encoding/binary"
	"net"
	"net/netip"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// cmsg builds one control message as Linux lays it out: the header, data, padding to size_t.
func cmsg(level, typ int32, data []byte) []byte {
	const lenSize = syscall.SizeofCmsghdr - 8
	b := make([]byte, syscall.SizeofCmsghdr, syscall.CmsgSpace(len(data)))
	if lenSize == 8 {
		binary.NativeEndian.PutUint64(b, uint64(syscall.CmsgLen(len(data))))
	} else {
		binary.NativeEndian.PutUint32(b, uint32(syscall.CmsgLen(len(data))))
	}
	binary.NativeEndian.PutUint32(b[lenSize:], uint32(level))
	binary.NativeEndian.PutUint32(b[lenSize+4:], uint32(typ))
	b = append(b, data...)
	return b[:cap(b)]
}

func TestRxqOverflowParse(t *testing.T) {
	count := binary.NativeEndian.AppendUint32(nil, 1234)
	ovfl := cmsg(syscall.SOL_SOCKET, syscall.SO_RXQ_OVFL, count)
	other := cmsg(syscall.SOL_IP, syscall.IP_TTL, []byte{64, 0, 0, 0, 0})

	for _, tc := range []struct {
		name string
		oob  []byte
		want uint32
		ok   bool
	}{
		{"alone", ovfl, 1234, true},
		{"after another message", append(append([]byte(nil), other...), ovfl...), 1234, true},
		{"only another message", other, 0, false},
		{"none", nil, 0, false},
		{"truncated", ovfl[:len(ovfl)-8], 0, false},
		{"a length longer than the data", append(ovfl[:0:0], ovfl[:syscall.SizeofCmsghdr]...), 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := rxqOverflow(tc.oob)
			assert.Equal(t, tc.ok, ok)
			assert.Equal(t, tc.want, got)
		})
	}
}

// A socket with the smallest buffer, flooded while nobody reads: the datagrams read afterwards carry
// the kernel's cumulative drop count, of which each Datagram has the growth since the last report,
// read per datagram from a batch as from single reads.
func TestDropsReportedPerDatagram(t *testing.T) {
	for _, size := range []int{1, 16} {
		t.Run(batchName(size), func(t *testing.T) {
			conn := listen(t, "udp4", "127.0.0.1")
			setReceiveBuffer(t, conn, 1) // the kernel's minimum: a few datagrams
			EnableDropReport(conn)
			c := dial(t, conn)
			r := NewReader(conn, size, 64)
			var sent, read, drops int
			// Two bursts: the second report is a larger cumulative count, of which only the growth is new.
			for round := 1; round <= 2; round++ {
				sent += send(t, c, 200)
				n, d := drain(t, conn, r)
				read, drops = read+n, drops+d
				// One more datagram, queued after the drops: it carries their count.
				sent += send(t, c, 1)
				n, d = drain(t, conn, r)
				read, drops = read+n, drops+d
				assert.Greater(t, drops, 100*round, "round %d", round)
				assert.Equal(t, sent, read+drops, "round %d: every datagram read or counted as dropped", round)
			}
			// Read with nothing dropped since (one at a time: the buffer holds two or three), the
			// count they carry is the same: not added again.
			for range 3 {
				send(t, c, 1)
				n, d := drain(t, conn, r)
				assert.Equal(t, 1, n)
				assert.Zero(t, d, "a count already seen is not added again")
			}
		})
	}
}

// setReceiveBuffer sets SO_RCVBUF to n bytes (the kernel doubles it and keeps a minimum).
func setReceiveBuffer(t *testing.T, conn *net.UDPConn, n int) {
	rc, err := conn.SyscallConn()
	require.NoError(t, err)
	require.NoError(t, rc.Control(func(fd uintptr) {
		require.NoError(t, syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, n))
	}))
}

// drain reads until nothing is waiting: the datagrams read and the drops reported with them.
func drain(t *testing.T, conn *net.UDPConn, r *Reader) (read, drops int) {
	t.Helper()
	require.NoError(t, conn.SetReadDeadline(time.Now().Add(100*time.Millisecond)))
	defer conn.SetReadDeadline(time.Time{})
	for {
		batch, err := r.Read()
		if err != nil {
			return read, drops
		}
		for _, d := range batch {
			read++
			drops += int(d.Drops)
		}
	}
}

// A datagram the system refuses in the middle of a batch (port 0 is not a destination) is skipped:
// the ones after it still go out, and Flush reports the refusal.
func TestWriterSkipsRefusedDatagram(t *testing.T) {
	conn := listen(t, "udp4", "127.0.0.1")
	c := dial(t, conn)
	w := NewWriter(conn, 8, 4096)
	to, nowhere := addrOf(c), netip.AddrPortFrom(netip.MustParseAddr("127.0.0.1"), 0)
	for _, d := range []struct {
		data string
		to   netip.AddrPort
	}{{"a", nowhere}, {"b", to}, {"c", nowhere}, {"d", nowhere}, {"e", to}} {
		require.NoError(t, w.Write([]byte(d.data), d.to))
	}
	assert.ErrorIs(t, w.Flush(), syscall.EINVAL)
	assert.Equal(t, []string{"b", "e"}, receive(t, c, 2))
}
