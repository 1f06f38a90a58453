package offline

import (
	"net"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReceiveBufferResolution(t *testing.T) {
	for _, tc := range []struct {
		name   string
		option int
		env    string // "-" = unset
		want   int
	}{
		{"default", 0, "-", DefaultQueryReceiveBuffer},
		{"environment", 0, "65536", 65536},
		{"environment 0 keeps the system's", 0, "0", 0},
		{"environment not a number: default", 0, "lots", DefaultQueryReceiveBuffer},
		{"environment negative: default", 0, "-5", DefaultQueryReceiveBuffer},
		{"option wins", 100000, "0", 100000},
		{"negative option keeps the system's", -1, "65536", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv(EnvQueryReceiveBuffer, "")
			if tc.env != "-" {
				t.Setenv(EnvQueryReceiveBuffer, tc.env)
			}
			assert.Equal(t, tc.want, receiveBufferFor(QueryOptions{ReceiveBuffer: tc.option}))
		})
	}
}

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
	if sys == 0 {
		t.Skip("this system's receive buffer is not read back")
	}
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
