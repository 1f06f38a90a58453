//go:build linux || windows

package offline

// Where the system reads a socket's receive buffer back (getsockopt): Linux and Windows, which CI
// runs (Windows under Wine). Elsewhere QueryReceiveBuffer is 0 and there is nothing to compare.

import (
	"net"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// systemReceiveBuffer is what a fresh UDP socket gets from the system.
func systemReceiveBuffer(t *testing.T) int {
	c, err := net.ListenUDP("udp4", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	require.NoError(t, err)
	defer c.Close()
	return receiveBuffer(c)
}

// The query socket gets the buffer asked for, and QueryReceiveBuffer reports what it got.
func TestQueryReceiveBufferObtained(t *testing.T) {
	sys := systemReceiveBuffer(t)
	require.NotZero(t, sys, "the system's receive buffer is read back on Linux and Windows")
	obtained := func(t *testing.T, opts QueryOptions, env string) int {
		t.Setenv(EnvQueryReceiveBuffer, env)
		_, b, _ := udpServer(t, Options{Queries: opts})
		return b.QueryReceiveBuffer()
	}
	t.Run("the system's", func(t *testing.T) {
		assert.Equal(t, sys, obtained(t, QueryOptions{}, "0"))
		assert.Equal(t, sys, obtained(t, QueryOptions{ReceiveBuffer: -1}, "100000"))
	})
	t.Run("asked for", func(t *testing.T) {
		// 100,000 bytes: below any system's cap, and unlike its default (Linux reports 200,000).
		for _, got := range []int{obtained(t, QueryOptions{}, strconv.Itoa(100000)), obtained(t, QueryOptions{ReceiveBuffer: 100000}, "0")} {
			assert.GreaterOrEqual(t, got, 100000)
			assert.NotEqual(t, sys, got)
		}
	})
	t.Run("default", func(t *testing.T) {
		assert.Greater(t, obtained(t, QueryOptions{}, ""), sys, "more than the system's default")
	})

	b := New(Options{})
	assert.Zero(t, b.QueryReceiveBuffer(), "no query socket before Init")
}
