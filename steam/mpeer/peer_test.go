package mpeer

import (
	"testing"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestClientGetsItsIDAndBothSidesSeeEachOther(t *testing.T) {
	realm := newRealm(t)
	h, addr := hostOn(t, realm)
	assert.True(t, h.IsServer())
	assert.Equal(t, int32(1), h.UniqueID())
	assert.Equal(t, int32(StatusConnected), h.ConnectionStatus())

	c := newTester(t, newServer(t, realm, 77))
	require.NoError(t, c.CreateClientIP(addr, nil))
	assert.Equal(t, int32(StatusConnecting), c.ConnectionStatus())
	assert.Equal(t, int32(0), c.UniqueID(), "no ID before the host's hello")
	assert.False(t, c.IsServer())
	pollUntil(t, func() bool { return c.ConnectionStatus() == StatusConnected && len(h.signals) == 1 }, h, c)

	id := c.UniqueID()
	assert.GreaterOrEqual(t, id, int32(2))
	assert.Equal(t, []Signal{{Connected: true, Peer: id}}, h.signals)
	assert.Equal(t, []Signal{{Connected: true, Peer: ServerID}}, c.signals)

	user, _, err := c.s.GetIdentity()
	require.NoError(t, err)
	hostID, _, err := h.s.GetIdentity()
	require.NoError(t, err)
	assert.Equal(t, user, h.SteamIDForPeer(int64(id)))
	assert.Equal(t, id, h.PeerIDForSteamID(user))
	assert.Equal(t, hostID, c.SteamIDForPeer(ServerID))
	assert.Equal(t, int32(ServerID), c.PeerIDForSteamID(hostID))
	assert.Equal(t, hostID, h.SteamIDForPeer(ServerID), "its own ID")
	assert.NotZero(t, h.ConnectionForPeer(int64(id)))
	assert.NotZero(t, c.ConnectionForPeer(ServerID))
	assert.Zero(t, h.ConnectionForPeer(12345))
	assert.Zero(t, h.SteamIDForPeer(12345))
	assert.Zero(t, h.PeerIDForSteamID(steam.NewSteamID(steam.UniversePublic, steam.AccountTypeIndividual, 1, 5)))
}

func TestPacketsBothWaysInEveryModeAndChannel(t *testing.T) {
	h, cs := connected(t, 1)
	c := cs[0]
	id := int64(c.UniqueID())
	for mode := int64(0); mode <= TransferReliable; mode++ {
		for _, channel := range []int64{0, 3, MaxChannels - 1} {
			send(t, h, mode, channel, id, "to client")
			data, from, ch, m := packetOf(t, c, h)
			assert.Equal(t, "to client", string(data))
			assert.Equal(t, []int32{ServerID, int32(channel), int32(mode)}, []int32{from, ch, m})

			send(t, c, mode, channel, ServerID, "to host")
			data, from, ch, m = packetOf(t, h, c)
			assert.Equal(t, "to host", string(data))
			assert.Equal(t, []int32{int32(id), int32(channel), int32(mode)}, []int32{from, ch, m})
		}
	}
	assert.Zero(t, h.Next().Available)
	assert.Equal(t, ErrUnavailable, CodeOf(h.GetPacket(func([]byte) { t.Fatal("no packet") })))
}

func TestBroadcastAndAllButOne(t *testing.T) {
	h, cs := connected(t, 3)
	send(t, h, TransferReliable, 0, 0, "all")
	for _, c := range cs {
		data, _, _, _ := packetOf(t, c, h)
		assert.Equal(t, "all", string(data))
	}
	skip := cs[1]
	send(t, h, TransferReliable, 0, -int64(skip.UniqueID()), "others")
	send(t, h, TransferReliable, 0, int64(skip.UniqueID()), "you")
	for _, c := range cs {
		data, _, _, _ := packetOf(t, c, h)
		if c == skip {
			assert.Equal(t, "you", string(data))
		} else {
			assert.Equal(t, "others", string(data))
		}
	}
}

func TestReliablePacketsKeepTheirOrderPerChannel(t *testing.T) {
	h, cs := connected(t, 1)
	c := cs[0]
	require.NoError(t, c.SetTargetPeer(ServerID))
	for i := range 200 {
		require.NoError(t, c.SetTransferChannel(int64(i%2)))
		require.NoError(t, c.PutPacket([]byte{byte(i)}))
	}
	last := [2]int{-2, -1}
	for range 200 {
		data, _, ch, _ := packetOf(t, h, c)
		assert.Equal(t, last[ch]+2, int(data[0]), "channel %d in order", ch)
		last[ch] = int(data[0])
	}
}

func TestUnreliableOrderedDropsOlderPackets(t *testing.T) {
	p := New(nil)
	p.role = roleHost
	r := &remote{id: 5, conn: 9, lanes: 1}
	p.byConn[9] = r
	arrive := func(lane uint16, number int64, mode byte) {
		p.arrived(&steam.Message{Conn: 9, Lane: lane, MessageNumber: number, Data: []byte{mode, byte(number)}})
	}
	arrive(2, 5, TransferUnreliableOrdered)
	arrive(2, 3, TransferUnreliableOrdered) // older: dropped
	arrive(2, 5, TransferUnreliableOrdered) // the same again: dropped
	arrive(1, 1, TransferUnreliableOrdered) // another channel has its own order
	arrive(2, 4, TransferUnreliable)        // unordered: kept
	arrive(2, 7, TransferUnreliableOrdered)
	arrive(2, 6, TransferReliable)
	arrive(2, 8, 0x7F) // not a mode: dropped
	assert.Equal(t, Next{Available: 5, Peer: 5, Channel: 2, Mode: TransferUnreliableOrdered}, p.Next())
	var got [][2]int32
	for p.inbox.len() > 0 {
		n := p.next()
		ch := n.channel
		require.NoError(t, p.GetPacket(func(b []byte) { got = append(got, [2]int32{ch, int32(b[0])}) }))
	}
	assert.Equal(t, [][2]int32{{2, 5}, {1, 1}, {2, 4}, {2, 7}, {2, 6}}, got)
	assert.Equal(t, Next{Mode: TransferReliable}, p.Next(), "nothing waits")
}

func TestDisconnectPeerIsSeenOnBothSides(t *testing.T) {
	h, cs := connected(t, 2)
	gone, stays := cs[0], cs[1]
	id := gone.UniqueID()
	require.NoError(t, h.DisconnectPeer(int64(id), false))
	h.signals = nil
	pollUntil(t, func() bool { return gone.ConnectionStatus() == StatusDisconnected && len(h.signals) == 1 }, h, gone, stays)
	assert.Equal(t, []Signal{{Connected: false, Peer: id}}, h.signals)
	assert.Equal(t, Signal{Connected: false, Peer: ServerID}, gone.signals[len(gone.signals)-1])
	assert.Zero(t, gone.UniqueID())
	assert.Equal(t, int32(StatusConnected), stays.ConnectionStatus())
	assert.Equal(t, ErrInvalidParameter, CodeOf(h.DisconnectPeer(int64(id), true)), "already gone")

	// A client leaving is seen by the host.
	staysID := stays.UniqueID()
	stays.Close()
	h.signals = nil
	pollUntil(t, func() bool { return len(h.signals) == 1 }, h)
	assert.Equal(t, []Signal{{Connected: false, Peer: staysID}}, h.signals)
}
