package offline

// A connection: its state as Steam reports it, the events that state's changes queue, what it
// reports (getConnectionInfo, the real-time status), its received messages, and the datagrams for
// it. Its life (the client's handshake, closing, lingering, timing out) is in net_conn_life.go.
//
// States as the API reports them (ESteamNetworkingConnectionState): Connecting from the connect
// call (or, on the listening side, from a handshake that passed) until Connected; then
// ClosedByPeer (the peer closed it: end reason and debug text are theirs) or
// ProblemDetectedLocally (timeout 5003, the peer forgot it 5010, a protocol violation 5001,
// refused by the server's checks...). Each change queues a ConnectionStatusChanged, except for
// connections only the library knows (NetworkingMessages sessions) and after the game closed one.
// Closing takes the handle away at once; the connection then lingers (Linger, flushing reliable
// data, when asked) and waits a little (FinWait) to answer a peer that did not hear the close.

import (
	"fmt"
	"net/netip"

	"github.com/gosteam/godot-steam-server/steam"
)

type netConn struct {
	core          *netCore
	ep            *netEndpoint
	handle        steam.NetConnection // 0 when the game has no handle (closed, or a session's)
	localID       uint32
	remoteID      uint32
	remote        netip.AddrPort
	link          *netLink
	state         steam.ConnectionState
	endReason     steam.ConnectionEnd
	endDebug      string
	identity      steam.SteamID // the peer's
	localIdentity steam.SteamID // ours, as this connection presents it
	listener      *netListener  // the listen socket it arrived on
	outbound      bool
	p2p           bool // reached by Steam ID (connectP2P, a P2P listen socket, a session)
	parked        bool // a peer's session connect ignored in a simultaneous open: ends silently
	svc           byte // the service its connect asked for
	virtualPort   int32
	session       *netSession
	pipe          *netConn // the other end of an internal socket pair
	userData      int64
	name          string
	cfg           configSet
	flags         int32
	createdAt     int64

	queue          msgQueue // received messages of a sockets connection
	rxBytes, rxMsg int
	delivered      uint64 // messages delivered so far (their seq)
	pollGroup      *netPollGroup
	pollEpoch      uint32

	hs         handshake
	cookie     [cookieLen]byte
	closeAt    int64 // end of Linger or FinWait
	closesLeft int   // repeats of the close still to send in FinWait
}

// newConn makes a connection on an endpoint (not yet visible to the game). Called with n.mu held.
func (n *netCore) newConn(ep *netEndpoint, remote netip.AddrPort, now int64) *netConn {
	c := &netConn{core: n, ep: ep, localID: ep.newConnID(), remote: remote, state: steam.ConnectionStateNone,
		localIdentity: n.currentIdentity(), cfg: configSet{}, createdAt: now, userData: -1}
	ep.byID[c.localID] = c
	n.live++
	c.flags = steam.ConnectionFlagUnencrypted
	if remote.Addr().IsLoopback() {
		c.flags |= steam.ConnectionFlagFast
	}
	return c
}

// start makes the link once the connection's options are in place.
func (c *netConn) start(now int64) {
	c.link = newLink(c, c.core.linkConfigFor(c), now)
	c.link.peerID = c.remoteID
	if o, _ := c.core.lookup(c.core.chainFor(c), steam.ConfigConnectionUserData); o.Int != -1 {
		c.userData = o.Int
	}
}

// configChanged applies a value set on the connection after it was made.
func (c *netConn) configChanged(v steam.NetConfigValue) {
	cfg := c.core.linkConfigFor(c)
	c.link.cfg.nagle, c.link.cfg.sendBuffer = cfg.nagle, cfg.sendBuffer
	c.link.cfg.recvMaxMessage, c.link.cfg.maxSegments = cfg.recvMaxMessage, cfg.maxSegments
	c.link.cfg.keepalive = cfg.keepalive
	if v == steam.ConfigConnectionUserData {
		c.userData = c.cfg[v].Int
	}
}

// register gives the connection a handle. Called with n.mu held.
func (c *netConn) register() steam.NetConnection {
	c.handle = steam.NetConnection(nextNetHandle())
	c.core.conns[c.handle] = c
	c.core.ready.conns.set(c.handle, &c.queue.waiting)
	return c.handle
}

// setState changes the state and queues the event the game sees for it.
func (c *netConn) setState(s steam.ConnectionState, reason steam.ConnectionEnd, debug string) {
	old := c.state
	if old == s {
		return
	}
	c.state = s
	if reason != 0 {
		c.endReason, c.endDebug = reason, debug
	}
	if c.handle != 0 {
		c.core.push(steam.ConnectionStatusChanged{Conn: c.handle, Info: c.info(), OldState: apiState(old)})
	}
	if c.session != nil {
		c.session.connChanged(c, old)
	}
}

// apiState is what the API reports for a state: the internal ones are None.
func apiState(s steam.ConnectionState) steam.ConnectionState {
	if s < 0 {
		return steam.ConnectionStateNone
	}
	return s
}

// info is SteamNetConnectionInfo_t.
func (c *netConn) info() steam.ConnectionInfo {
	info := steam.ConnectionInfo{Identity: c.identity, UserData: c.userData, RemoteAddress: c.remote,
		State: apiState(c.state), EndReason: c.endReason, EndDebug: c.endDebug, Flags: c.flags}
	if c.listener != nil {
		info.ListenSocket = c.listener.handle
	}
	kind := "UDP " + c.remote.String()
	switch {
	case c.pipe != nil || c.ep == nil:
		kind = "pipe"
	case c.p2p:
		kind = fmt.Sprintf("P2P steamid:%d vport %d", uint64(c.identity), c.virtualPort)
	}
	info.Description = fmt.Sprintf("#%d %s", c.handle, kind)
	if c.name != "" {
		info.Description += " '" + c.name + "'"
	}
	if len(info.Description) > 127 {
		info.Description = info.Description[:127]
	}
	return info
}

// status is SteamNetConnectionRealTimeStatus_t, with each lane's part in lanes.
func (c *netConn) status(lanes []steam.LaneStatus) steam.ConnectionStatus {
	l := c.link
	l.stats.roll(netNow())
	st := steam.ConnectionStatus{State: apiState(c.state), Ping: l.pingMS(), QualityLocal: l.stats.quality, QualityRemote: -1,
		OutPacketsPerSec: l.stats.rateOut, OutBytesPerSec: l.stats.rateOutB, InPacketsPerSec: l.stats.rateIn,
		InBytesPerSec: l.stats.rateInB, SendRateBytesPerSec: l.sendRate(), PendingReliable: int32(l.pendingRel),
		PendingUnreliable: int32(l.pending - l.pendingRel), SentUnackedReliable: int32(l.unacked)}
	for i := range lanes {
		if i < len(l.lanes) {
			t := &l.lanes[i]
			lanes[i] = steam.LaneStatus{PendingUnreliable: int32(t.pendingUnrel), PendingReliable: int32(t.pendingRel),
				SentUnackedReliable: int32(t.unackedRel)}
		}
	}
	return st
}

// transmit is the link's way out: the socket, or the other end of a pipe.
func (c *netConn) transmit(pkt []byte) {
	if c.ep != nil {
		c.ep.write(pkt, c.remote)
	}
}

// roomFor applies RecvBufferSize and RecvBufferMessages to what waits to be read.
func (c *netConn) roomFor(n int) bool {
	return c.rxBytes+n <= int(c.core.configInt(c, steam.ConfigRecvBufferSize)) &&
		c.rxMsg < int(c.core.configInt(c, steam.ConfigRecvBufferMessages))
}

func (c *netConn) charge(n int)   { c.rxBytes += n; c.rxMsg++ }
func (c *netConn) uncharge(n int) { c.rxBytes -= n; c.rxMsg-- }

// deliver queues a received message where the game reads it: the connection's queue (and its poll
// group's order), or its session's channel.
func (c *netConn) deliver(d *delivery) {
	if c.state != steam.ConnectionStateConnected {
		return
	}
	m := queuedMsg{from: c, time: netNow(), num: d.msgNum, userData: c.userData, lane: d.lane}
	if d.reliable {
		m.flags = steam.SendReliable
	}
	c.charge(len(d.data))
	if c.session != nil {
		m.channel = d.channel
		c.session.deliver(c, m, d.data)
	} else {
		m.seq = c.delivered
		c.delivered++
		c.queue.push(m, d.data)
		if c.pollGroup != nil {
			c.pollGroup.add(c, m.seq)
		}
	}
	// After the message is queued and counted: a poll woken by it must not find the count 0
	// (an empty poll does not wait for the core's lock, net_ready.go).
	if f := c.core.set.onMessage; f != nil {
		f()
	}
}

// violation ends a connection whose peer broke the protocol.
func (c *netConn) violation(debug string) {
	if c.state == steam.ConnectionStateConnected || c.state == steam.ConnectionStateConnecting {
		c.sendClose(steam.ConnectionEndMiscGeneric, "peer: "+debug)
		c.problem(steam.ConnectionEndMiscGeneric, debug)
	}
}

// onDatagram takes a datagram the endpoint routed here; false when it made no sense.
func (c *netConn) onDatagram(d []byte, now int64) bool {
	switch d[0] {
	case pktData:
		switch c.state {
		case steam.ConnectionStateConnected, steam.ConnectionStateLinger:
			ok := c.link.onDatagram(d, now)
			if c.state == steam.ConnectionStateConnected || c.state == steam.ConnectionStateLinger {
				c.core.schedule(c.link.wake(now))
			}
			return ok
		case steam.ConnectionStateFinWait:
			c.sendClose(c.endReason, c.endDebug) // they did not hear it
			return true
		case steam.ConnectionStateConnecting:
			if !c.outbound {
				return true // the client's data racing our connect OK: it resends
			}
		}
		return true
	case pktClose:
		m, ok := decodeClose(d)
		if !ok || m.from != c.remoteID && m.from != 0 {
			return false
		}
		c.onClose(steam.ConnectionEnd(m.reason), string(m.debug))
		return true
	case pktChallenge:
		return c.onChallenge(d, now)
	case pktConnectOK:
		return c.onConnectOK(d, now)
	}
	return false
}
