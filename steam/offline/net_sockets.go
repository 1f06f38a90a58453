package offline

// ISteamNetworkingSockets offline: connecting, accepting, closing, sending and what connections
// report. Listen sockets are in net_listener.go, poll groups in net_pollgroup.go, socket pairs in
// net_pair.go.

import (
	"fmt"
	"net/netip"

	"github.com/gosteam/godot-steam-server/steam"
)

// dial makes an outbound connection to remote on a socket of its own. Called with n.mu held.
func (n *netCore) dial(remote netip.AddrPort, opts []steam.ConfigOption, target steam.SteamID, port int32) (*netConn, steam.NetConnection) {
	if n.live >= n.set.maxConnections {
		return nil, 0
	}
	bind := "0.0.0.0:0"
	if remote.Addr().Is6() {
		bind = "[::]:0"
	}
	ep, err := n.openEndpoint(bind, nil, true)
	if err != nil {
		return nil, 0
	}
	now := netNow()
	c := n.newConn(ep, remote, now)
	applyOptions(c.cfg, opts)
	c.virtualPort, c.hs.target, c.p2p = port, target, target != 0
	c.identity = target
	c.start(now)
	h := c.register()
	c.setState(steam.ConnectionStateConnecting, 0, "")
	return c, h
}

func (b *Backend) ConnectByIPAddress(remote netip.AddrPort, opts []steam.ConfigOption) steam.NetConnection {
	n := b.netc()
	n.mu.Lock()
	defer n.mu.Unlock()
	c, h := n.dial(remote, opts, 0, -1)
	if c != nil {
		c.connect(netNow())
	}
	return h
}

// dialByID connects to whoever the directory says listens under key.
func (n *netCore) dialByID(key string, remote steam.SteamID, port int32, opts []steam.ConfigOption) steam.NetConnection {
	addr, found := n.set.realm.net.lookup(key)
	if !found {
		addr = netip.AddrPortFrom(netip.AddrFrom4([4]byte{127, 0, 0, 1}), 0)
	}
	c, h := n.dial(addr, opts, remote, port)
	if c == nil {
		return 0
	}
	if !found {
		c.problem(steam.ConnectionEndMiscP2PRendezvous,
			fmt.Sprintf("nothing of this realm listens as Steam ID %d on virtual port %d", uint64(remote), port))
		return h
	}
	c.connect(netNow())
	return h
}

func (b *Backend) ConnectP2P(remote steam.SteamID, port int32, opts []steam.ConfigOption) steam.NetConnection {
	n := b.netc()
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.dialByID(p2pKey(remote, port), remote, port, opts)
}

func (b *Backend) ConnectToHostedDedicatedServer(remote steam.SteamID, port int32, opts []steam.ConfigOption) steam.NetConnection {
	n := b.netc()
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.dialByID(hostedKey(remote, port), remote, port, opts)
}

// withConn runs fn on the connection a handle names; ok is false for an unknown handle.
func (b *Backend) withConn(h steam.NetConnection, fn func(n *netCore, c *netConn)) (ok bool) {
	n := b.netc()
	n.mu.Lock()
	defer n.mu.Unlock()
	c := n.conns[h]
	if c == nil {
		return false
	}
	fn(n, c)
	return true
}

func (b *Backend) AcceptConnection(h steam.NetConnection) steam.Result {
	r := steam.ResultInvalidParam
	b.withConn(h, func(n *netCore, c *netConn) {
		if c.pipe != nil {
			r = steam.ResultInvalidState
			return
		}
		r = c.accept(netNow())
	})
	return r
}

func (b *Backend) CloseConnection(h steam.NetConnection, reason steam.ConnectionEnd, debug string, linger bool) bool {
	return b.withConn(h, func(n *netCore, c *netConn) { c.appClose(reason, debug, linger, netNow()) })
}

func (b *Backend) SetConnectionUserData(h steam.NetConnection, data int64) bool {
	return b.withConn(h, func(n *netCore, c *netConn) { c.userData = data })
}

func (b *Backend) GetConnectionUserData(h steam.NetConnection) int64 {
	v := int64(-1)
	b.withConn(h, func(n *netCore, c *netConn) { v = c.userData })
	return v
}

func (b *Backend) SetConnectionName(h steam.NetConnection, name string) {
	b.withConn(h, func(n *netCore, c *netConn) { c.name = name })
}

func (b *Backend) GetConnectionName(h steam.NetConnection) (name string, ok bool) {
	ok = b.withConn(h, func(n *netCore, c *netConn) { name = c.name })
	return name, ok
}

// send queues one message: Steam's result and the message number.
func (c *netConn) send(data []byte, flags int32, lane uint16, channel int32, now int64) (steam.Result, int64) {
	switch c.state {
	case steam.ConnectionStateConnected:
	case steam.ConnectionStateConnecting:
		if !c.outbound {
			return steam.ResultInvalidState, 0 // not accepted yet
		}
		if flags&steam.SendReliable == 0 && flags&steam.SendNoDelay != 0 {
			return steam.ResultIgnored, 0
		}
	default:
		return steam.ResultNoConnection, 0
	}
	reliable := flags&steam.SendReliable != 0
	if c.pipe != nil {
		return c.pipeSend(data, reliable, lane)
	}
	num, r := c.link.queue(lane, channel, data, reliable, now)
	if r != steam.ResultOK {
		return r, 0
	}
	if c.state == steam.ConnectionStateConnected {
		c.link.flush(now, flags&(steam.SendNoNagle|steam.SendNoDelay) != 0)
		c.core.schedule(c.link.wake(now))
	}
	return steam.ResultOK, num
}

func (b *Backend) SendMessageToConnection(h steam.NetConnection, data []byte, flags int32) (r steam.Result, num int64) {
	r = steam.ResultInvalidParam
	b.withConn(h, func(n *netCore, c *netConn) { r, num = c.send(data, flags, 0, 0, netNow()) })
	return r, num
}

func (b *Backend) SendMessages(msgs []steam.OutgoingMessage, results []int64) {
	n := b.netc()
	n.mu.Lock()
	defer n.mu.Unlock()
	now := netNow()
	for i, m := range msgs {
		c := n.conns[m.Conn]
		if c == nil {
			results[i] = -int64(steam.ResultInvalidParam)
			continue
		}
		r, num := c.send(m.Data, m.Flags, m.Lane, 0, now)
		if r != steam.ResultOK {
			results[i] = -int64(r)
			continue
		}
		results[i] = num
	}
}

func (b *Backend) FlushMessagesOnConnection(h steam.NetConnection) steam.Result {
	r := steam.ResultInvalidParam
	b.withConn(h, func(n *netCore, c *netConn) {
		switch c.state {
		case steam.ConnectionStateConnected:
			if c.pipe == nil {
				c.link.flush(netNow(), true)
			}
			r = steam.ResultOK
		case steam.ConnectionStateConnecting:
			r = steam.ResultIgnored
		default:
			r = steam.ResultNoConnection
		}
	})
	return r
}

func (b *Backend) ReceiveMessagesOnConnection(h steam.NetConnection, max int, into *steam.MessageBatch) int {
	if b.netc().ready.conns.empty(h) {
		return 0
	}
	got := -1
	b.withConn(h, func(n *netCore, c *netConn) {
		got = c.queue.drain(max, into, func(*queuedMsg) (steam.NetConnection, steam.SteamID) { return c.handle, c.identity })
	})
	return got
}

func (b *Backend) GetConnectionInfo(h steam.NetConnection) (info steam.ConnectionInfo, ok bool) {
	ok = b.withConn(h, func(n *netCore, c *netConn) { info = c.info() })
	return info, ok
}

func (b *Backend) GetConnectionRealTimeStatus(h steam.NetConnection, lanes []steam.LaneStatus) (st steam.ConnectionStatus, r steam.Result) {
	r = steam.ResultNoConnection
	b.withConn(h, func(n *netCore, c *netConn) {
		if len(lanes) > len(c.link.lanes) {
			r = steam.ResultInvalidParam
			return
		}
		st, r = c.status(lanes), steam.ResultOK
	})
	return st, r
}

func (b *Backend) GetDetailedConnectionStatus(h steam.NetConnection) (text string, code int) {
	code = -1
	b.withConn(h, func(n *netCore, c *netConn) {
		st, l := c.status(nil), c.link
		text = fmt.Sprintf("%s\nstate %d, ping %d ms, rto %d us, cwnd %.0f segments\n"+
			"sent %d datagrams (%d bytes), received %d (%d bytes), %d retransmitted, %d unreliable dropped in reassembly\n"+
			"pending %d reliable and %d unreliable bytes, %d sent and unacknowledged\n",
			c.info().Description, st.State, st.Ping, l.rto, l.cwnd, l.stats.pktsOut, l.stats.bytesOut, l.stats.pktsIn,
			l.stats.bytesIn, l.stats.retransmits, l.stats.unreliableDropped, st.PendingReliable, st.PendingUnreliable, st.SentUnackedReliable)
		code = 0
	})
	return text, code
}

func (b *Backend) ConfigureConnectionLanes(h steam.NetConnection, priorities []int32, weights []uint16) steam.Result {
	r := steam.ResultNoConnection
	b.withConn(h, func(n *netCore, c *netConn) {
		if c.state != steam.ConnectionStateConnected && c.state != steam.ConnectionStateConnecting {
			r = steam.ResultInvalidState
			return
		}
		r = c.link.configureLanes(priorities, weights)
	})
	return r
}

// GetIdentity is who this process is to peers: its ResetIdentity user, else the server's Steam ID.
func (b *Backend) GetIdentity() (steam.SteamID, bool) {
	n := b.netc()
	n.mu.Lock()
	defer n.mu.Unlock()
	id := n.currentIdentity()
	return id, id != 0
}

// ResetIdentity closes every connection and makes this process present itself as id (0: the
// server's own Steam ID again). Steam's library does not support it on Steam; offline it is how a
// process acts as a user of the realm (docs/networking.md).
func (b *Backend) ResetIdentity(id steam.SteamID) {
	n := b.netc()
	n.mu.Lock()
	defer n.mu.Unlock()
	now := netNow()
	for _, c := range n.conns {
		c.appClose(steam.ConnectionEndAppGeneric, "the peer reset its identity", false, now)
	}
	if n.sessions != nil {
		n.sessions.closeAll()
	}
	n.identity = id
	n.republish()
}

// setServerIdentity follows the server's Steam ID (it changes at logOn). Called with n.mu not held.
func (n *netCore) setServerIdentity(id steam.SteamID) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.set.identity == id {
		return
	}
	n.set.identity = id
	if n.identity == 0 {
		n.republish()
	}
}

// republish rewrites the directory entries under the current identity.
func (n *netCore) republish() {
	for _, l := range n.listeners {
		l.publish()
	}
	if n.sessions != nil {
		n.sessions.publish()
	}
}

// InitAuthentication: offline the realm's tickets are always at hand.
func (b *Backend) InitAuthentication() steam.NetworkingAvailability {
	n := b.netc()
	n.mu.Lock()
	defer n.mu.Unlock()
	if !n.authAsked {
		n.authAsked = true
		n.push(steam.NetAuthenticationStatus{Available: steam.AvailabilityCurrent, Debug: offlineAuthDebug})
	}
	return steam.AvailabilityCurrent
}

const offlineAuthDebug = "offline: connections are authenticated with the realm's tickets"

func (b *Backend) GetAuthenticationStatus() (steam.NetworkingAvailability, string) {
	return steam.AvailabilityCurrent, offlineAuthDebug
}

// RunCallbacks: offline every callback goes through run_callbacks' queue.
func (b *Backend) RunCallbacks() {}
