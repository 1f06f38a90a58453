package offline_test

// Batched socket I/O: what one call writes leaves together, a lone datagram still leaves before
// the call returns, and a datagram longer than any of the protocol is dropped as malformed.

import (
	"net"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/gosteam/godot-steam-server/steam/offline"
	"github.com/stretchr/testify/require"
)

func TestSendsOfOneCallLeaveTogetherAndAtOnce(t *testing.T) {
	realm := newRealm(t)
	server := newPeer(t, realm)
	var log *offline.SocketLog
	client := newPeer(t, realm, func(o *offline.Options) { log = offline.LogSockets(o) })
	_, sc, cc := connectPair(t, server, client)
	flags := int32(steam.SendUnreliable | steam.SendNoNagle)

	// One SendMessages call of 64 NoNagle messages: 64 datagrams, queued while the call runs and
	// sent in one flush (one sendmmsg on Linux) before it returns.
	burst := make([]steam.OutgoingMessage, 64)
	for i := range burst {
		burst[i] = steam.OutgoingMessage{Conn: cc, Data: []byte{byte(i)}, Flags: flags}
	}
	_, _ = log.Take()
	_, err := client.s.SendMessages(burst)
	require.NoError(t, err)
	flushes, unsent := log.Take()
	require.Zero(t, unsent, "nothing waits after the call")
	require.Contains(t, flushes, 64, "the call's 64 datagrams left in one flush: %v", flushes)
	got := server.receive(64, onConn(server, sc))
	for i, m := range got {
		require.Equal(t, []byte{byte(i)}, m.Data)
	}

	// A lone NoNagle message is sent before its call returns: nothing waits for company.
	r, _, err := client.s.SendMessageToConnection(int64(cc), []byte("alone"), int64(flags))
	require.NoError(t, err)
	require.Equal(t, steam.ResultOK, r)
	flushes, unsent = log.Take()
	require.Zero(t, unsent)
	require.NotEmpty(t, flushes)
	require.Equal(t, "alone", string(server.receive(1, onConn(server, sc))[0].Data))
}

func TestOverlongDatagramIsMalformed(t *testing.T) {
	realm := newRealm(t)
	server, client := newPeer(t, realm), newPeer(t, realm)
	_, sc, cc := connectPair(t, server, client)
	ls, err := server.s.CreateListenSocketIP("127.0.0.1:0", nil)
	require.NoError(t, err)
	addr, err := server.s.GetListenSocketAddress(int64(ls), true)
	require.NoError(t, err)
	to, err := net.ResolveUDPAddr("udp4", addr)
	require.NoError(t, err)
	junk, err := net.ListenUDP("udp4", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	require.NoError(t, err)
	defer junk.Close()
	before := server.s.Traffic()[steam.TrafficMalformed]
	long := make([]byte, 1600) // the protocol's datagrams are at most 1,500 bytes
	long[0] = 0xA1             // a challenge request's type, which a 64-byte one would be answered
	_, err = junk.WriteToUDP(long, to)
	require.NoError(t, err)
	deadline := time.Now().Add(10 * time.Second)
	for server.s.Traffic()[steam.TrafficMalformed] == before {
		require.False(t, time.Now().After(deadline), "the long datagram was never counted")
		time.Sleep(time.Millisecond)
	}
	require.Equal(t, before+1, server.s.Traffic()[steam.TrafficMalformed])
	// The connection through the other listen socket is unaffected.
	sendQueued(t, client, cc, []byte("still"), steam.SendReliable)
	require.Equal(t, "still", string(server.receive(1, onConn(server, sc))[0].Data))
}
