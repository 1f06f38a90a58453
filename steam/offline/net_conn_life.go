package offline

// A connection's life: the connecting side's handshake (net_handshake.go has the listening side),
// accepting, closing (at once, or lingering until reliable data is acknowledged), the peer's close,
// and the timers: connect timeout (TimeoutInitial), silence timeout (TimeoutConnected), FinWait.

import (
	"fmt"

	"github.com/gosteam/godot-steam-server/steam"
)

const (
	hsChallenge byte = iota + 1
	hsConnect
	hsDone
	hsFirstRetry = 100_000 // µs before a handshake datagram is sent again, growing to hsMaxRetry
	hsMaxRetry   = 1_000_000
	// finWaitTime is how long a closed connection answers its peer's datagrams with the close
	// again: longer than the peer's keepalive, so a peer that heard none of the closes asks.
	finWaitTime = 1_500_000
	// closeRepeat is how often the close is sent again in FinWait, closeRepeats times.
	closeRepeat  = 50_000
	closeRepeats = 3
)

// handshake is the connecting side's progress.
type handshake struct {
	phase    byte
	next     int64
	interval int64
	target   steam.SteamID // who must answer (P2P, sessions); 0 for connectByIPAddress
	ticket   []byte
	cookie   [cookieLen]byte
}

func (c *netConn) ms(v steam.NetConfigValue) int64 { return c.core.configInt(c, v) * 1000 }

// connect starts the handshake of an outbound connection.
func (c *netConn) connect(now int64) {
	c.outbound = true
	c.hs.phase, c.hs.interval = hsChallenge, hsFirstRetry
	c.sendHandshake(now)
}

func (c *netConn) sendHandshake(now int64) {
	ep := c.ep
	switch c.hs.phase {
	case hsChallenge:
		ep.out = encodeChallengeReq(ep.out[:0], c.localID)
	case hsConnect:
		m := connectMsg{version: netProtoVersion, clientConn: c.localID, cookie: c.hs.cookie, clientID: uint64(c.localIdentity),
			targetID: uint64(c.hs.target), targetPort: c.virtualPort, service: c.svc, ticket: c.hs.ticket}
		ep.out = m.encode(ep.out[:0])
	default:
		return
	}
	ep.write(ep.out, c.remote)
	c.hs.next = now + c.hs.interval
	c.hs.interval = min(c.hs.interval*3/2, hsMaxRetry)
	c.core.schedule(c.hs.next)
}

func (c *netConn) onChallenge(d []byte, now int64) bool {
	if len(d) != 1+4+cookieLen || !c.outbound {
		return false
	}
	if c.hs.phase != hsChallenge {
		return true // a duplicate
	}
	copy(c.hs.cookie[:], d[5:])
	c.hs.ticket = c.core.issueNetTicket(c.localIdentity)
	c.hs.phase, c.hs.interval = hsConnect, hsFirstRetry
	c.sendHandshake(now)
	return true
}

func (c *netConn) onConnectOK(d []byte, now int64) bool {
	m, ok := decodeConnectOK(d)
	if !ok || !c.outbound {
		return false
	}
	if c.hs.phase != hsConnect {
		return true // a duplicate
	}
	if m.proof != c.core.proof(c.hs.cookie, c.localID, m.serverConn, m.serverID) {
		c.problem(steam.ConnectionEndRemoteBadCert, fmt.Sprintf("the server at %s did not prove it belongs to this realm", c.remote))
		return true
	}
	if c.hs.target != 0 && steam.SteamID(m.serverID) != c.hs.target {
		c.problem(steam.ConnectionEndRemoteBadCert, fmt.Sprintf("answered by Steam ID %d instead of %d", m.serverID, uint64(c.hs.target)))
		return true
	}
	c.hs.phase, c.hs.ticket = hsDone, nil
	c.remoteID, c.link.peerID = m.serverConn, m.serverConn
	c.identity = steam.SteamID(m.serverID)
	c.link.heard(now)
	c.setState(steam.ConnectionStateConnected, 0, "")
	c.link.flush(now, true)
	c.core.schedule(now + c.link.cfg.keepalive)
	return true
}

// onRepeatedConnect answers a client that did not hear our connect OK (or our refusal).
func (c *netConn) onRepeatedConnect(now int64) {
	switch c.state {
	case steam.ConnectionStateConnected:
		c.sendConnectOK()
	case steam.ConnectionStateFinWait, steam.ConnectionStateLinger:
		c.sendClose(c.endReason, c.endDebug)
	}
}

// accept is AcceptConnection on the listening side.
func (c *netConn) accept(now int64) steam.Result {
	if c.outbound || c.state != steam.ConnectionStateConnecting {
		return steam.ResultInvalidState
	}
	c.link.heard(now)
	c.setState(steam.ConnectionStateConnected, 0, "")
	c.sendConnectOK()
	c.core.schedule(now + c.link.cfg.keepalive)
	return steam.ResultOK
}

func (c *netConn) sendClose(reason steam.ConnectionEnd, debug string) {
	if c.ep == nil {
		return
	}
	m := closeMsg{to: c.remoteID, from: c.localID, reason: uint32(reason), debug: []byte(debug)}
	c.ep.out = m.encode(c.ep.out[:0])
	c.ep.write(c.ep.out, c.remote)
}

// appClose is CloseConnection: the handle goes at once; the connection says goodbye on the wire.
func (c *netConn) appClose(reason steam.ConnectionEnd, debug string, linger bool, now int64) {
	c.dropHandle()
	if c.pipe != nil {
		if p := c.pipe; p.state == steam.ConnectionStateConnected {
			p.pipe = nil
			p.setState(steam.ConnectionStateClosedByPeer, reason, debug)
		}
		c.destroy()
		return
	}
	switch c.state {
	case steam.ConnectionStateConnected:
		c.endReason, c.endDebug = reason, debug
		if linger && !c.link.idle() {
			c.state = steam.ConnectionStateLinger
			c.closeAt = now + c.ms(steam.ConfigTimeoutConnected)
			c.link.flush(now, true)
			c.core.schedule(now + minRTO)
			return
		}
		c.sendClose(reason, debug)
		c.finWait(now)
	case steam.ConnectionStateConnecting:
		if c.outbound && c.hs.phase == hsChallenge {
			c.destroy() // the server keeps nothing before the connect
			return
		}
		c.sendClose(reason, debug)
		c.finWait(now)
	default:
		c.destroy()
	}
}

// finWait keeps the connection a moment to repeat the close (a lost close would leave the peer
// to time out) and to answer the peer.
func (c *netConn) finWait(now int64) {
	c.state = steam.ConnectionStateFinWait
	c.closeAt = now + finWaitTime
	c.closesLeft = closeRepeats
	c.core.schedule(now + closeRepeat)
}

// onClose is the peer's close (or a refusal of our handshake).
func (c *netConn) onClose(reason steam.ConnectionEnd, debug string) {
	switch c.state {
	case steam.ConnectionStateConnecting, steam.ConnectionStateConnected:
		c.stopLink()
		c.setState(steam.ConnectionStateClosedByPeer, reason, debug)
	case steam.ConnectionStateLinger, steam.ConnectionStateFinWait:
		c.destroy()
	}
}

func (c *netConn) onNoConnection() {
	if c.state == steam.ConnectionStateConnected || c.state == steam.ConnectionStateConnecting {
		c.problem(steam.ConnectionEndMiscPeerSentNoConnection, "the peer has no such connection")
	}
}

// problem is ProblemDetectedLocally: the connection stays (its received messages can be read)
// until the game closes it.
func (c *netConn) problem(reason steam.ConnectionEnd, debug string) {
	c.stopLink()
	c.setState(steam.ConnectionStateProblemDetectedLocally, reason, debug)
}

// stopLink drops what waits to be sent: the connection will not send data again.
func (c *netConn) stopLink() {
	if c.link != nil {
		c.link.release()
		c.link = newLink(c, c.link.cfg, netNow())
	}
}

// service runs the connection's timers; it returns when it wants to run next (0: nothing planned).
func (c *netConn) service(now int64) int64 {
	switch c.state {
	case steam.ConnectionStateConnecting:
		deadline := c.createdAt + c.ms(steam.ConfigTimeoutInitial)
		if now >= deadline && c.parked {
			c.destroy()
			return 0
		}
		if now >= deadline {
			if !c.outbound {
				c.sendClose(steam.ConnectionEndMiscTimeout, "not accepted in time")
			}
			c.problem(steam.ConnectionEndMiscTimeout, "Timed out attempting to connect")
			return 0
		}
		if c.outbound && c.hs.phase != hsDone && c.hs.phase != 0 {
			if now >= c.hs.next {
				c.sendHandshake(now)
			}
			return min(deadline, c.hs.next)
		}
		return deadline
	case steam.ConnectionStateConnected:
		deadline := c.link.lastRecv + c.ms(steam.ConfigTimeoutConnected)
		if now >= deadline {
			c.problem(steam.ConnectionEndMiscTimeout, "Timed out")
			return 0
		}
		return soonest(c.link.service(now), deadline)
	case steam.ConnectionStateLinger:
		next := c.link.service(now)
		if c.link.idle() || now >= c.closeAt {
			c.sendClose(c.endReason, c.endDebug)
			c.finWait(now)
			return c.closeAt
		}
		return soonest(next, c.closeAt)
	case steam.ConnectionStateFinWait:
		if now >= c.closeAt {
			c.destroy()
			return 0
		}
		if c.closesLeft > 0 && now >= c.closeAt-finWaitTime+int64(closeRepeats-c.closesLeft+1)*closeRepeat {
			c.closesLeft--
			c.sendClose(c.endReason, c.endDebug)
		}
		if c.closesLeft > 0 {
			return c.closeAt - finWaitTime + int64(closeRepeats-c.closesLeft+1)*closeRepeat
		}
		return c.closeAt
	}
	return 0
}

func soonest(a, b int64) int64 {
	if a == 0 || b != 0 && b < a {
		return b
	}
	return a
}

// dropHandle takes the connection away from the game: its handle, poll group and unread messages.
func (c *netConn) dropHandle() {
	if c.handle != 0 {
		delete(c.core.conns, c.handle)
		c.core.ready.conns.remove(c.handle)
		c.handle = 0
	}
	c.setPollGroup(nil)
	c.queue.clear()
}

// destroy forgets the connection entirely.
func (c *netConn) destroy() {
	if c.state == steam.ConnectionStateDead {
		return
	}
	c.dropHandle()
	if c.session != nil {
		c.session.connGone(c)
	}
	if c.ep != nil {
		delete(c.ep.byID, c.localID)
		if !c.outbound {
			delete(c.ep.byRemote, remoteKey{c.remote, c.remoteID})
		}
		if c.ep.owned && len(c.ep.byID) == 0 {
			c.ep.release()
		}
	}
	if c.link != nil {
		c.link.release()
	}
	c.state = steam.ConnectionStateDead
	c.core.live--
}
