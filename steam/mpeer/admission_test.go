package mpeer

import (
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/gosteam/godot-steam-server/steam/offline"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRefusedConnectionsNeverReachPeerConnected(t *testing.T) {
	realm := newRealm(t)
	h, addr := hostOn(t, realm)
	h.SetRefuseNewConnections(true)
	assert.True(t, h.IsRefusingNewConnections())
	c := newTester(t, newServer(t, realm, 5))
	require.NoError(t, c.CreateClientIP(addr, nil))
	pollUntil(t, func() bool { return c.ConnectionStatus() == StatusDisconnected }, h, c)
	assert.Empty(t, h.signals)
	assert.Empty(t, c.signals, "connection_failed comes from the status, with no peer signal")

	h.SetRefuseNewConnections(false)
	require.NoError(t, c.CreateClientIP(addr, nil), "the peer can connect again after failing")
	pollUntil(t, func() bool { return c.ConnectionStatus() == StatusConnected }, h, c)
	assert.Len(t, h.signals, 1)
}

func TestAClientOfAnotherRealmIsRefusedByTheTransport(t *testing.T) {
	h, addr := hostOn(t, newRealm(t))
	c := newTester(t, newServer(t, newRealm(t), 5))
	require.NoError(t, c.CreateClientIP(addr, nil))
	pollUntil(t, func() bool { return c.ConnectionStatus() == StatusDisconnected }, h, c)
	assert.Empty(t, h.signals)
}

func TestP2PHostAndClient(t *testing.T) {
	realm := newRealm(t)
	h := newTester(t, newServer(t, realm, 0))
	require.NoError(t, h.CreateHost(7, nil))
	hostID, _, err := h.s.GetIdentity()
	require.NoError(t, err)
	c := newTester(t, newServer(t, realm, 9))
	require.NoError(t, c.CreateClient(hostID, 7, nil))
	pollUntil(t, func() bool { return c.ConnectionStatus() == StatusConnected && len(h.signals) == 1 }, h, c)
	send(t, c, TransferReliable, 0, ServerID, "p2p")
	data, from, _, _ := packetOf(t, h, c)
	assert.Equal(t, "p2p", string(data))
	assert.Equal(t, c.UniqueID(), from)
}

func TestRefusedCallsAnswerTheDocumentedError(t *testing.T) {
	before := New(steam.NewServer(func() (steam.Backend, error) { return offline.New(offline.Options{}), nil }))
	assert.Equal(t, ErrUnconfigured, CodeOf(before.CreateHostIP("127.0.0.1:0", nil)), "before serverInit")
	assert.Equal(t, ErrUnconfigured, CodeOf(before.CreateClient(0, 0, nil)))

	realm := newRealm(t)
	p := newTester(t, newServer(t, realm, 0))
	for _, bad := range []string{"", "nonsense", "127.0.0.1:99999", "1.2.3.4.5:1"} {
		assert.Equal(t, ErrInvalidParameter, CodeOf(p.CreateClientIP(bad, nil)), "%q", bad)
	}
	assert.Equal(t, ErrInvalidParameter, CodeOf(p.CreateHostIP("nonsense", nil)))
	assert.Equal(t, ErrInvalidParameter, CodeOf(p.CreateHost(-1, nil)))
	assert.Equal(t, ErrInvalidParameter, CodeOf(p.CreateClient(0, 0, nil)), "no Steam ID")
	assert.Equal(t, ErrInvalidParameter, CodeOf(p.CreateHostIP("127.0.0.1:0", []steam.ConfigOption{{Value: 9999, Type: steam.ConfigTypeInt32}})))
	assert.Equal(t, int32(StatusDisconnected), p.ConnectionStatus(), "nothing half made")

	assert.Equal(t, ErrUnconfigured, CodeOf(p.PutPacket([]byte("x"))), "not connected")
	assert.Equal(t, ErrUnconfigured, CodeOf(p.DisconnectPeer(2, false)))
	assert.Equal(t, ErrInvalidParameter, CodeOf(p.SetTransferChannel(MaxChannels)))
	assert.Equal(t, ErrInvalidParameter, CodeOf(p.SetTransferChannel(-1)))
	assert.Equal(t, ErrInvalidParameter, CodeOf(p.SetTransferMode(3)))
	assert.Equal(t, ErrInvalidParameter, CodeOf(p.SetTargetPeer(1<<40)))
	assert.Equal(t, int32(0), p.TransferChannel(), "a refused value changes nothing")
	assert.Equal(t, int32(TransferReliable), p.TransferMode())

	require.NoError(t, p.CreateHostIP("127.0.0.1:0", nil))
	assert.Equal(t, ErrAlreadyInUse, CodeOf(p.CreateHostIP("127.0.0.1:0", nil)))
	assert.Equal(t, ErrAlreadyInUse, CodeOf(p.CreateClientIP("127.0.0.1:1", nil)))
	assert.Equal(t, ErrInvalidParameter, CodeOf(p.PutPacket(make([]byte, MaxPacketSize+1))))
	require.NoError(t, p.SetTargetPeer(42))
	assert.Equal(t, ErrInvalidParameter, CodeOf(p.PutPacket([]byte("x"))), "no peer 42")
	assert.Equal(t, ErrInvalidParameter, CodeOf(p.DisconnectPeer(42, false)))
	p.Close()
	assert.Equal(t, int32(StatusDisconnected), p.ConnectionStatus())
	assert.False(t, p.IsServer())
	require.NoError(t, p.CreateHostIP("127.0.0.1:0", nil), "hosting again after close")
}

// The peer sees its connections' status changes without run_callbacks, and run_callbacks still
// gets every network_connection_status_changed.
func TestStatusChangesStayInTheEventQueueForScripts(t *testing.T) {
	h, cs := connected(t, 1)
	count := func(s *steam.Server) (n int) {
		s.Events().Drain(func(ev steam.Event) {
			if _, ok := ev.(steam.ConnectionStatusChanged); ok {
				n++
			}
		})
		return n
	}
	assert.GreaterOrEqual(t, count(h.s), 2, "Connecting and Connected on the host")
	assert.GreaterOrEqual(t, count(cs[0].s), 1)
}

func TestServerShutdownDisconnectsThePeer(t *testing.T) {
	h, cs := connected(t, 1)
	require.NoError(t, cs[0].s.Shutdown())
	cs[0].poll()
	assert.Equal(t, int32(StatusDisconnected), cs[0].ConnectionStatus())
	assert.Equal(t, Signal{Connected: false, Peer: ServerID}, cs[0].signals[len(cs[0].signals)-1])
	h.signals = nil
	pollUntil(t, func() bool { return len(h.signals) == 1 }, h)
	assert.False(t, h.signals[0].Connected)
}

// A steady stream of packets allocates nothing in the peer: sending into reused messages,
// receiving into the reused batch, queueing into the arena. The two peers are joined by a socket
// pair through internal buffers (a send is delivered during the call), so that no transport
// goroutine's allocations are counted: the offline UDP path's own are its business.
func TestPacketsDoNotAllocate(t *testing.T) {
	s := newServer(t, newRealm(t), 0)
	hc, cc, ok, err := s.CreateSocketPair(false, 0, 0)
	require.NoError(t, err)
	require.True(t, ok)
	h, c := newTester(t, s), newTester(t, s)
	for _, side := range []struct {
		p        *tester
		conn     steam.NetConnection
		role     role
		id, peer int32
	}{{h, hc, roleHost, ServerID, 2}, {c, cc, roleClient, 2, ServerID}} {
		p := side.p
		p.group, err = s.CreatePollGroup()
		require.NoError(t, err)
		_, err = s.SetConnectionPollGroup(int64(side.conn), int64(p.group))
		require.NoError(t, err)
		r := &remote{id: side.peer, conn: side.conn, lanes: 1}
		p.role, p.status, p.uniqueID, p.byConn[side.conn] = side.role, StatusConnected, side.id, r
		if side.role == roleHost {
			p.byID[r.id] = r
		} else {
			p.server = r
		}
	}
	payload := make([]byte, 64)
	sink := 0
	round := func() {
		for mode := range int64(3) {
			_ = c.SetTransferMode(mode)
			_ = c.SetTransferChannel(mode)
			for range 4 {
				_ = c.PutPacket(payload)
			}
		}
		_ = h.SetTargetPeer(2)
		_ = h.PutPacket(payload)
		h.Poll()
		c.Poll()
		for _, p := range []*tester{h, c} {
			for p.Next().Available > 0 {
				_ = p.GetPacket(func(b []byte) { sink += len(b) })
			}
		}
	}
	for range 50 {
		round() // grow every buffer and configure the lanes
	}
	sink = 0
	allocs := testing.AllocsPerRun(200, round)
	assert.Equal(t, 201*13*64, sink, "every packet arrived")
	assert.Zero(t, allocs, "allocations per 13 packets sent, received and read")
}

func TestCodeOfMapsTheFrontsRefusals(t *testing.T) {
	assert.Equal(t, OK, CodeOf(nil))
	assert.Equal(t, ErrInvalidParameter, CodeOf(&steam.ArgError{Arg: "options", Reason: "bad"}))
	assert.Equal(t, ErrUnconfigured, CodeOf(steam.ErrNotInitialized))
	assert.Equal(t, ErrAlreadyInUse, CodeOf(fail(ErrAlreadyInUse, "x")))
}

// A client that goes silent (all its datagrams lost, as when its process is killed) is seen gone
// once the host's TimeoutConnected, given in create_host_ip's options, passes.
func TestASilentClientTimesOut(t *testing.T) {
	realm := newRealm(t)
	h := newTester(t, newServer(t, realm, 0))
	timeout := []steam.ConfigOption{{Value: steam.ConfigTimeoutConnected, Type: steam.ConfigTypeInt32, Int: 400}}
	require.NoError(t, h.CreateHostIP("127.0.0.1:0", timeout))
	addr, err := h.s.GetListenSocketAddress(int64(h.listen), true)
	require.NoError(t, err)
	c := newTester(t, newServer(t, realm, 3))
	require.NoError(t, c.CreateClientIP(addr, nil))
	pollUntil(t, func() bool { return c.ConnectionStatus() == StatusConnected && len(h.signals) == 1 }, h, c)
	id := c.UniqueID()
	ok, err := c.s.SetGlobalConfigValue(steam.ConfigOption{Value: steam.ConfigFakePacketLossSend, Type: steam.ConfigTypeFloat, Float: 100})
	require.NoError(t, err)
	require.True(t, ok)
	start := time.Now()
	pollUntil(t, func() bool { return len(h.signals) == 2 }, h)
	assert.Equal(t, Signal{Connected: false, Peer: id}, h.signals[1])
	assert.GreaterOrEqual(t, time.Since(start), 300*time.Millisecond, "not before the timeout")
	assert.Zero(t, h.ConnectionForPeer(int64(id)))
}

// A host that closes with packets still unacknowledged tells its clients at once: closing the
// listen socket must not leave them to time out.
func TestHostCloseIsSeenAtOnce(t *testing.T) {
	h, cs := connected(t, 2)
	for range 50 {
		send(t, h, TransferReliable, 1, 0, "bye")
	}
	start := time.Now()
	h.Close()
	pollUntil(t, func() bool {
		return cs[0].ConnectionStatus() == StatusDisconnected && cs[1].ConnectionStatus() == StatusDisconnected
	}, cs...)
	assert.Less(t, time.Since(start), 2*time.Second, "well before the 10 s timeout")
	assert.Equal(t, Signal{Connected: false, Peer: ServerID}, cs[0].signals[len(cs[0].signals)-1])
}
