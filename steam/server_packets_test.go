package steam

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseIPv4(t *testing.T) {
	tests := []struct {
		in   string
		want uint32
		ok   bool
	}{
		{"", 0, true},
		{"0.0.0.0", 0, true},
		{"127.0.0.1", 0x7F000001, true},
		{"192.168.1.20", 0xC0A80114, true},
		{"10.0.0.1", 0x0A000001, true},
		{"255.255.255.255", 0xFFFFFFFF, true},
		{"localhost", 0, false},
		{"1.2.3", 0, false},
		{"1.2.3.4.5", 0, false},
		{"256.1.1.1", 0, false},
		{"01.2.3.4", 0, false},
		{" 1.2.3.4", 0, false},
		{"1.2.3.4:27015", 0, false},
		{"::1", 0, false},
		{"::ffff:1.2.3.4", 0, false},
		{"-1", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseIPv4(tt.in)
			if !tt.ok {
				requireArgError(t, err, "ip")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestHandleIncomingPacketArguments(t *testing.T) {
	query := []byte{0xFF, 0xFF, 0xFF, 0xFF, 'T'}
	tests := []struct {
		name string
		data []byte
		ip   string
		port int64
		arg  string
	}{
		{"bad ip", query, "10.0.0", 27005, "ip"},
		{"ipv6", query, "::1", 27005, "ip"},
		{"name not address", query, "example.com", 27005, "ip"},
		{"port 0", query, "10.0.0.1", 0, "port"},
		{"port -1", query, "10.0.0.1", -1, "port"},
		{"port 65536", query, "10.0.0.1", 65536, "port"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, fb := startedServer(t)
			fb.packetOK = true
			ok, err := s.HandleIncomingPacket(tt.data, tt.ip, tt.port)
			requireArgError(t, err, tt.arg)
			assert.False(t, ok)
			assert.Len(t, fb.Calls(), 1, "only Init reached the backend")
		})
	}

	s, fb := startedServer(t)
	fb.packetOK = true
	ok, err := s.HandleIncomingPacket(query, "10.0.0.1", 65535)
	require.NoError(t, err)
	assert.True(t, ok)
	ok, err = s.HandleIncomingPacket(make([]byte, MaxPacketLen), "192.168.1.20", 1)
	require.NoError(t, err)
	assert.True(t, ok)
	calls := fb.Calls()
	assert.Equal(t, "HandleIncomingPacket(ffffffff54,0xa000001,65535)", calls[1], "ip in host order")
	assert.True(t, strings.HasSuffix(calls[2], ",0xc0a80114,1)"))
}

// A datagram's bytes are remote input: empty or oversized, it is dropped and counted, never an
// error; one the backend does not take is counted as not Steam's.
func TestHandleIncomingPacketCountsWhatItDrops(t *testing.T) {
	s, fb := startedServer(t)
	for _, data := range [][]byte{nil, {}, make([]byte, MaxPacketLen+1)} {
		ok, err := s.HandleIncomingPacket(data, "10.0.0.1", 27005)
		require.NoError(t, err)
		assert.False(t, ok)
	}
	assert.Len(t, fb.Calls(), 1, "only Init reached the backend")
	fb.packetOK = false
	ok, err := s.HandleIncomingPacket([]byte("hello"), "10.0.0.1", 27005)
	require.NoError(t, err)
	assert.False(t, ok)
	traffic := s.Traffic()
	assert.Equal(t, uint64(3), traffic[TrafficMalformed])
	assert.Equal(t, uint64(1), traffic[TrafficNotForSteam])
}

func TestNextOutgoingPacket(t *testing.T) {
	s, fb := startedServer(t)
	fb.outgoing = []byte{0xFF, 0xFF, 0xFF, 0xFF, 'I'}
	buf := make([]byte, 64)
	p, err := s.NextOutgoingPacket(buf)
	require.NoError(t, err)
	assert.Equal(t, OutgoingPacket{Data: []byte{0xFF, 0xFF, 0xFF, 0xFF, 'I'}, IP: 0x0A000001, Port: 27015}, p)
	p, err = s.NextOutgoingPacket(buf)
	require.NoError(t, err)
	assert.Empty(t, p.Data)
}
