package offline_test

// Socket pairs, lingering closes, lanes through SendMessages, configuration values, the relay
// answers of an offline machine, and a flood of junk datagrams.

import (
	"bytes"
	"math/rand/v2"
	"net"
	"runtime"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/stretchr/testify/require"
)

func heapInUse() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}

func TestSocketPairs(t *testing.T) {
	p := newPeer(t, newRealm(t))
	for _, loopback := range []bool{false, true} {
		c1, c2, ok, err := p.s.CreateSocketPair(loopback, netUser, 0)
		require.NoError(t, err)
		require.True(t, ok)
		info, _ := p.s.GetConnectionInfo(int64(c2))
		require.Equal(t, netUser, info.Identity, "connection 2 talks to identity 1")
		require.Equal(t, steam.ConnectionStateConnected, info.State)
		require.Equal(t, !loopback, info.Flags&steam.ConnectionFlagLoopbackBuffers != 0)
		for i := range 50 {
			r, num, err := p.s.SendMessageToConnection(int64(c1), bytes.Repeat([]byte{byte(i)}, i*100), int64(steam.SendReliable))
			require.NoError(t, err)
			require.Equal(t, steam.ResultOK, r)
			require.Equal(t, int64(i+1), num)
		}
		got := p.receive(50, onConn(p, c2))
		for i, m := range got {
			require.True(t, bytes.Equal(bytes.Repeat([]byte{byte(i)}, i*100), m.Data), "message %d", i)
		}
		p.collect()
		require.Empty(t, p.events, "a pair is made connected, with no callback")
		_, err = p.s.CloseConnection(int64(c1), 1001, "done", false)
		require.NoError(t, err)
		e := waitFor(p, stateIs(c2, steam.ConnectionStateClosedByPeer))
		require.Equal(t, steam.ConnectionEnd(1001), e.Info.EndReason)
		_, _ = p.s.CloseConnection(int64(c2), 0, "", false)
	}
}

func TestLingeringCloseDeliversWhatWasSent(t *testing.T) {
	realm := newRealm(t)
	server, client := newPeer(t, realm), newPeer(t, realm)
	_, sc, cc := connectVia(t, server, client, func(target string) *relay { return newRelay(t, target, 4, 0.2, 0, 0) })
	big := bytes.Repeat([]byte("linger"), 40_000)
	r, _, _ := client.s.SendMessageToConnection(int64(cc), big, int64(steam.SendReliable))
	require.Equal(t, steam.ResultOK, r)
	_, err := client.s.CloseConnection(int64(cc), 1500, "flushed first", true)
	require.NoError(t, err)
	got := server.receive(1, onConn(server, sc))
	require.True(t, bytes.Equal(big, got[0].Data), "a lingering close delivers the reliable data sent before it")
	e := waitFor(server, stateIs(sc, steam.ConnectionStateClosedByPeer))
	require.Equal(t, steam.ConnectionEnd(1500), e.Info.EndReason)
}

func TestLanesThroughSendMessages(t *testing.T) {
	realm := newRealm(t)
	server, client := newPeer(t, realm), newPeer(t, realm)
	_, sc, cc := connectPair(t, server, client)
	r, err := client.s.ConfigureConnectionLanes(int64(cc), 3, []int64{0, 5, 5}, []int64{1, 3, 1})
	require.NoError(t, err)
	require.Equal(t, steam.ResultOK, r)
	_, err = client.s.ConfigureConnectionLanes(int64(cc), 2, nil, nil)
	require.ErrorContains(t, err, "only grow")
	var msgs []steam.OutgoingMessage
	for i := range 30 {
		msgs = append(msgs, steam.OutgoingMessage{Conn: cc, Data: []byte{byte(i % 3), byte(i)}, Flags: steam.SendReliable, Lane: uint16(i % 3)})
	}
	msgs = append(msgs, steam.OutgoingMessage{Conn: cc, Data: []byte{9}, Lane: 7})
	results, err := client.s.SendMessages(msgs)
	require.NoError(t, err)
	require.Equal(t, -int64(steam.ResultInvalidParam), results[30], "lane 7 was never configured")
	for i := range 30 {
		require.Equal(t, int64(i/3+1), results[i], "each lane numbers its messages from 1")
	}
	_, _ = client.s.FlushMessagesOnConnection(int64(cc))
	got := server.receive(30, onConn(server, sc))
	last := map[uint16]byte{}
	for _, m := range got {
		require.Equal(t, uint16(m.Data[0]), m.Lane)
		if prev, ok := last[m.Lane]; ok {
			require.Less(t, prev, m.Data[1], "in order within its lane")
		}
		last[m.Lane] = m.Data[1]
	}
	_, lanes, r, err := client.s.GetConnectionRealTimeStatus(int64(cc), 3)
	require.NoError(t, err)
	require.Equal(t, steam.ResultOK, r)
	require.Len(t, lanes, 3)
	_, _, _, err = client.s.GetConnectionRealTimeStatus(int64(cc), 4)
	require.ErrorContains(t, err, "more than the connection has")
}

func TestConfigValues(t *testing.T) {
	realm := newRealm(t)
	server, client := newPeer(t, realm), newPeer(t, realm)
	_, sc, _ := connectPair(t, server, client)
	opt, res, err := server.s.GetConfigValue(int64(steam.ConfigTimeoutConnected), int64(steam.ConfigScopeConnection), int64(sc))
	require.NoError(t, err)
	require.Equal(t, steam.ConfigGetOKInherited, res)
	require.Equal(t, int64(10000), opt.Int, "Steam's default: 10 s")
	ok, err := server.s.SetConnectionConfigValue(int64(sc), steam.ConfigOption{Value: steam.ConfigNagleTime, Type: steam.ConfigTypeInt32, Int: 0})
	require.NoError(t, err)
	require.True(t, ok)
	opt, res, _ = server.s.GetConfigValue(int64(steam.ConfigNagleTime), int64(steam.ConfigScopeConnection), int64(sc))
	require.Equal(t, steam.ConfigGetOK, res)
	require.Zero(t, opt.Int)
	opt, _, _ = server.s.GetConfigValue(int64(steam.ConfigMTUDataSize), int64(steam.ConfigScopeConnection), int64(sc))
	require.Greater(t, opt.Int, int64(1100))
	require.Less(t, opt.Int, int64(1300))
	_, err = server.s.SetGlobalConfigValue(steam.ConfigOption{Value: steam.ConfigMTUDataSize, Type: steam.ConfigTypeInt32, Int: 1})
	require.ErrorContains(t, err, "read only")
	_, err = server.s.SetConnectionConfigValue(int64(sc), steam.ConfigOption{Value: steam.ConfigFakePacketLossSend, Type: steam.ConfigTypeFloat, Float: 5})
	require.ErrorContains(t, err, "globally")
	_, err = server.s.SetGlobalConfigValue(steam.ConfigOption{Value: steam.ConfigTimeoutInitial, Type: steam.ConfigTypeFloat, Float: 5})
	require.ErrorContains(t, err, "takes an int32")
	_, err = server.s.SetGlobalConfigValue(steam.ConfigOption{Value: steam.ConfigNagleTime, Type: steam.ConfigTypeInt32, Int: 20001})
	require.ErrorContains(t, err, "between 0 and 20000")
	typ, scope, ok, err := server.s.GetConfigValueInfo(int64(steam.ConfigFakePacketLossSend))
	require.NoError(t, err)
	require.True(t, ok)
	require.Equal(t, steam.ConfigTypeFloat, typ)
	require.Equal(t, steam.ConfigScopeGlobal, scope)
	_, _, err = server.s.GetConfigValue(12345, 1, 0)
	require.ErrorContains(t, err, "names no networking config value")
}

func TestUtilsAnswerAsAnOfflineMachine(t *testing.T) {
	p := newPeer(t, newRealm(t))
	t1, _ := p.s.GetLocalTimestamp()
	time.Sleep(2 * time.Millisecond)
	t2, _ := p.s.GetLocalTimestamp()
	require.GreaterOrEqual(t, t1, int64(30*24*3600*1_000_000), "at least 30 days of microseconds")
	require.GreaterOrEqual(t, t2-t1, int64(2000))
	st, _ := p.s.GetRelayNetworkStatus()
	require.Equal(t, steam.AvailabilityCannotTry, st.Available)
	require.NoError(t, p.s.InitRelayNetworkAccess())
	e := waitFor(p, func(steam.RelayNetworkStatus) bool { return true })
	require.Equal(t, steam.AvailabilityCannotTry, e.Available)
	_, age, _ := p.s.GetLocalPingLocation()
	require.Equal(t, float32(-1), age)
	n, _ := p.s.GetPOPCount()
	require.Zero(t, n)
	ping, _ := p.s.EstimatePingTimeFromLocalHost(make([]byte, steam.PingLocationSize))
	require.Equal(t, int32(steam.PingFailed), ping)
	_, err := p.s.EstimatePingTimeFromLocalHost(make([]byte, 3))
	require.ErrorContains(t, err, "512 bytes")
	a, _ := p.s.InitAuthentication()
	require.Equal(t, steam.AvailabilityCurrent, a)
}

func TestJunkFloodDoesNotGrowMemory(t *testing.T) {
	realm := newRealm(t)
	server, client := newPeer(t, realm), newPeer(t, realm)
	ls, _ := server.s.CreateListenSocketIP("127.0.0.1:0", nil)
	addr, _ := server.s.GetListenSocketAddress(int64(ls), true)
	_, _ = server.s.GetAvailableP2PPacketSize(0) // the sessions endpoint too
	to, _ := net.ResolveUDPAddr("udp4", addr)
	junk, err := net.ListenUDP("udp4", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	require.NoError(t, err)
	defer junk.Close()
	rng := rand.New(rand.NewPCG(1, 2))
	buf := make([]byte, 1500)
	flood := func(n int) {
		for i := range n {
			size := 1 + rng.IntN(len(buf))
			for j := range size {
				buf[j] = byte(rng.IntN(256))
			}
			buf[0] = []byte{0xA1, 0xA3, 0xA5, 0xA6, 0xA7, byte(rng.IntN(256))}[i%6] // look like ours
			if buf[0] == 0xA1 {
				size = 64
			}
			_, _ = junk.WriteToUDP(buf[:size], to)
		}
	}
	flood(20_000)
	time.Sleep(200 * time.Millisecond)
	before := heapInUse()
	flood(100_000)
	time.Sleep(300 * time.Millisecond)
	after := heapInUse()
	require.Less(t, int64(after)-int64(before), int64(1<<20), "100,000 junk datagrams grew the heap by %d bytes", int64(after)-int64(before))
	tr := server.s.Traffic()
	require.Positive(t, tr[steam.TrafficMalformed], "junk is counted, never logged")
	// The server still takes a real connection.
	cc, _ := client.s.ConnectByIPAddress(addr, nil)
	incoming := waitFor(server, func(e steam.ConnectionStatusChanged) bool { return e.Info.ListenSocket == ls })
	_, _ = server.s.AcceptConnection(int64(incoming.Conn))
	waitFor(client, stateIs(cc, steam.ConnectionStateConnected))
}
