//go:build linux

package offline

import (
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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
	clock := newHeldClock(time.Now)
	s, _, addr := udpServer(t, Options{Clock: clock.now, Queries: QueryOptions{ReceiveBuffer: 1, RateLimit200ms: -1, AnswerUnchallengedInfo: true}})
	setUp(t, s)
	require.NoError(t, s.SetBool(steam.FieldAdvertiseActive, true))
	c := dial(t, addr)
	require.NoError(t, c.conn.SetReadBuffer(1<<20))

	const sent = 201
	clock.hold(t, c.conn, infoReq)
	flood(t, c.conn, infoReq, sent-1)
	close(clock.release)

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
