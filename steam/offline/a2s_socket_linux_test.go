//go:build linux

package offline

import (
	"encoding/binary"
	"net"
	"net/netip"
	"os"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
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

// flood sends n copies of req from c, as fast as it can.
func flood(t *testing.T, c *net.UDPConn, req []byte, n int) {
	for range n {
		_, err := c.Write(req)
		require.NoError(t, err)
	}
}

// A socket with a tiny buffer, flooded while nobody reads: the datagrams read afterwards carry the
// kernel's drop count, and reading them allocates nothing.
func TestQueryReaderCountsDropsWithoutAllocating(t *testing.T) {
	conn, err := listenQuery(netip.AddrPortFrom(netip.MustParseAddr("127.0.0.1"), 0), 1) // the kernel's minimum: a few datagrams
	require.NoError(t, err)
	defer conn.Close()
	c, err := net.DialUDP("udp4", nil, conn.LocalAddr().(*net.UDPAddr))
	require.NoError(t, err)
	defer c.Close()

	var (
		rd      queryReader
		traffic steam.TrafficCounter
		buf     = make([]byte, maxRequestLen+1)
		sent    int
		read    int
	)
	// Two bursts: the second report is a larger cumulative count, of which only the growth is new.
	for round := 1; round <= 2; round++ {
		flood(t, c, infoReq, 200)
		sent += 200
		require.NoError(t, conn.SetReadDeadline(time.Now().Add(100*time.Millisecond)))
		for {
			if _, _, err := rd.read(conn, buf, &traffic); err != nil {
				break // drained
			}
			read++
		}
		require.NoError(t, conn.SetReadDeadline(time.Time{}))
		// One more datagram, queued after the drops: it carries their count.
		flood(t, c, infoReq, 1)
		sent++
		_, _, err = rd.read(conn, buf, &traffic)
		require.NoError(t, err)
		read++
		drops := traffic.Read()[steam.TrafficKernelDrops]
		assert.Greater(t, drops, uint64(100*round), "round %d", round)
		assert.Equal(t, uint64(sent), uint64(read)+drops, "round %d: every datagram read or counted as dropped", round)
	}
	drops := traffic.Read()[steam.TrafficKernelDrops]

	allocs := testing.AllocsPerRun(100, func() {
		_, _ = c.Write(infoReq)
		_, _, _ = rd.read(conn, buf, &traffic)
	})
	assert.Zero(t, allocs, "a read with ancillary data allocates nothing")
	assert.Equal(t, drops, traffic.Read()[steam.TrafficKernelDrops], "a count already seen is not added again")
}

// rmemMax is net.core.rmem_max, what SO_RCVBUF may set without CAP_NET_ADMIN (0 if unreadable).
func rmemMax() int {
	b, _ := os.ReadFile("/proc/sys/net/core/rmem_max")
	n, _ := strconv.Atoi(strings.TrimSpace(string(b)))
	return n
}

// Linux reports twice the size set. The default is had in full with CAP_NET_ADMIN (root) or a
// large enough rmem_max, else rmem_max is.
func TestQueryReceiveBufferDefaultOnLinux(t *testing.T) {
	t.Setenv(EnvQueryReceiveBuffer, "")
	_, b, _ := udpServer(t, Options{})
	got := b.QueryReceiveBuffer()
	if os.Geteuid() == 0 || rmemMax() >= DefaultQueryReceiveBuffer {
		assert.Equal(t, 2*DefaultQueryReceiveBuffer, got)
	} else {
		assert.Equal(t, 2*rmemMax(), got, "capped by net.core.rmem_max")
	}
}

// The responder stopped on its first query (the clock it reads blocks) while a burst overflows its
// tiny buffer: what the kernel dropped shows in Traffic, and with what was answered makes up what
// was sent.
func TestKernelDropsCounted(t *testing.T) {
	var armed atomic.Bool
	entered, release := make(chan struct{}), make(chan struct{})
	clock := func() time.Time {
		if armed.CompareAndSwap(true, false) {
			close(entered)
			<-release
		}
		return time.Now()
	}
	s, _, addr := udpServer(t, Options{Clock: clock, Queries: QueryOptions{ReceiveBuffer: 1, RateLimit200ms: -1, AnswerUnchallengedInfo: true}})
	setUp(t, s)
	require.NoError(t, s.SetBool(steam.FieldAdvertiseActive, true))
	c := dial(t, addr)
	require.NoError(t, c.conn.SetReadBuffer(1<<20))

	armed.Store(true)
	const sent = 201
	flood(t, c.conn, infoReq, 1)
	select {
	case <-entered:
	case <-time.After(5 * time.Second):
		close(release)
		t.Fatal("the responder never read the first query")
	}
	flood(t, c.conn, infoReq, sent-1)
	close(release)

	// A PLAYER request for a challenge, once the responder drained the burst, carries the drop count
	// (its reply comes after every INFO reply). Sent while the buffer is still full, it is dropped
	// too: then it is sent again, and counted.
	markers := 0
	buf := make([]byte, 2048)
	waitMarker := func() {
		t.Helper()
		for range 25 {
			_, err := c.conn.Write(playerReq(noChallenge))
			require.NoError(t, err)
			markers++
			require.NoError(t, c.conn.SetReadDeadline(time.Now().Add(200*time.Millisecond)))
			for {
				n, err := c.conn.Read(buf)
				if err != nil {
					break // dropped: again
				}
				if n >= 5 && buf[4] == s2cChallenge {
					return
				}
			}
		}
		t.Fatal("no reply to the marker")
	}
	waitMarker()
	got := s.Traffic()
	assert.Greater(t, got[steam.TrafficKernelDrops], uint64(0))
	assert.GreaterOrEqual(t, got[steam.TrafficAnswered], uint64(1))
	assert.Equal(t, uint64(sent+markers), got[steam.TrafficAnswered]+got[steam.TrafficChallenged]+got[steam.TrafficKernelDrops],
		"answered + challenged + dropped = sent")

	waitMarker() // the count it carries is the same: not added again
	got = s.Traffic()
	assert.Equal(t, uint64(sent+markers), got[steam.TrafficAnswered]+got[steam.TrafficChallenged]+got[steam.TrafficKernelDrops])
}
