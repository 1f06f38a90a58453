package offline

// Sessions by Steam ID: ISteamNetworkingMessages, and the old ISteamNetworking P2P calls, which
// Steam now carries the same way. One UDP endpoint per server carries every session of both,
// published in the realm's directory as msg-<identity>; it is opened at the first
// NetworkingMessages or P2P call. A session is one hidden connection per (service, peer), with
// channels as a field of each message. Messages wait in one queue per channel.
//
//   - Sending to a peer with no session opens one (the directory says where they are) and
//     implicitly accepts a session they had requested. Their first connect to us makes a pending
//     session and queues MessagesSessionRequest (P2PSessionRequest); it waits for accept or send,
//     or times out (TimeoutInitial).
//   - Both peers opening at once: the one with the lower Steam ID takes the other's connection
//     (moving what it had queued onto it) and drops its own; the higher one ignores the lower
//     one's connect. Each ends with the same single connection.
//   - A session whose connection fails queues MessagesSessionFailed (P2PSessionConnectFail) and
//     stays broken: sends answer NoConnection until closeSessionWithUser, or with
//     AutoRestartBrokenSession (the old API always restarts). A peer closing is not announced,
//     as with Steam; the session is then broken too.

import (
	"net/netip"

	"github.com/gosteam/godot-steam-server/steam"
)

// maxChannelQueues bounds the channels with waiting messages, per service.
const maxChannelQueues = 256

type sessionKey struct {
	service byte
	remote  steam.SteamID
}

type netSession struct {
	key       sessionKey
	conn      *netConn
	accepted  bool // we want to talk: we sent, or accepted
	broken    bool
	last      steam.ConnectionInfo // the connection's info when it ended
	lastState steam.ConnectionState
	p2pError  steam.P2PSessionError
	channels  map[int32]struct{}
}

type netSessions struct {
	core   *netCore
	ep     *netEndpoint
	entry  dirEntry
	byKey  map[sessionKey]*netSession
	queues [3]map[int32]*msgQueue // by service
}

// sessionsOf opens the sessions endpoint at the first use. Called with n.mu held.
func (n *netCore) sessionsOf() *netSessions {
	if n.sessions != nil {
		return n.sessions
	}
	ss := &netSessions{core: n, byKey: map[sessionKey]*netSession{}}
	for i := range ss.queues {
		ss.queues[i] = map[int32]*msgQueue{}
	}
	if ep, err := n.openEndpoint(n.localAddr(0), ss, false); err == nil {
		ss.ep = ep
		ss.publish()
	}
	n.sessions = ss
	n.ready.sessionsOpen.Store(true)
	return ss
}

func (ss *netSessions) publish() {
	if ss.ep != nil {
		ss.entry.publish(ss.core.set.realm.net, sessionsKey(ss.core.currentIdentity()), ss.ep.local)
	}
}

func (ss *netSessions) withdraw() { ss.entry.withdraw(ss.core.set.realm.net) }

func (ss *netSessions) admit(m *connectMsg) (bool, steam.ConnectionEnd, string) {
	id := ss.core.currentIdentity()
	switch {
	case m.service != serviceMessages && m.service != serviceP2P:
		return false, steam.ConnectionEndMiscGeneric, "this is a NetworkingMessages endpoint, not a listen socket"
	case steam.SteamID(m.targetID) != id:
		return false, steam.ConnectionEndMiscP2PRendezvous, "this process is not that Steam ID"
	case steam.SteamID(m.clientID) == id:
		return false, steam.ConnectionEndMiscGeneric, "a session with oneself"
	}
	return true, 0, ""
}

// accepted takes a peer's new connection: a new pending session, the answer to a simultaneous
// open, or a fresh start of one that existed.
func (ss *netSessions) accepted(c *netConn) {
	now := netNow()
	c.p2p, c.virtualPort = true, -1
	c.state = steam.ConnectionStateConnecting // hidden: no event
	c.start(now)
	key := sessionKey{c.svc, c.identity}
	s := ss.byKey[key]
	if s != nil && s.conn != nil && s.conn.outbound && s.conn.state == steam.ConnectionStateConnecting {
		if ss.core.currentIdentity() > c.identity {
			c.parked = true // they will take ours
			ss.core.schedule(c.createdAt + c.ms(steam.ConfigTimeoutInitial))
			return
		}
		old := s.conn
		c.link.takeQueued(old.link, now)
		old.session = nil
		old.destroy()
		s.attach(c)
		c.accept(now)
		return
	}
	if s != nil && s.conn != nil {
		old := s.conn
		old.session = nil
		old.destroy()
	}
	if s == nil || s.broken {
		s = &netSession{key: key, channels: map[int32]struct{}{}}
		ss.byKey[key] = s
	}
	s.attach(c)
	if s.accepted {
		c.accept(now)
		return
	}
	ss.core.schedule(c.createdAt + c.ms(steam.ConfigTimeoutInitial))
	if key.service == serviceP2P {
		ss.core.push(steam.P2PSessionRequest{Remote: c.identity})
	} else {
		ss.core.push(steam.MessagesSessionRequest{Remote: c.identity})
	}
}

func (s *netSession) attach(c *netConn) {
	s.conn, c.session = c, s
	s.broken, s.p2pError = false, steam.P2PSessionErrorNone
}

// connChanged follows the session's connection: when it ends the session is broken (and, when it
// failed rather than being closed by the peer, that is reported).
func (s *netSession) connChanged(c *netConn, old steam.ConnectionState) {
	if c.state != steam.ConnectionStateClosedByPeer && c.state != steam.ConnectionStateProblemDetectedLocally {
		return
	}
	ss := c.core.sessions
	s.last, s.lastState = c.info(), c.state
	failed := c.state == steam.ConnectionStateProblemDetectedLocally || old == steam.ConnectionStateConnecting
	s.conn, c.session = nil, nil
	c.destroy()
	if !s.accepted {
		delete(ss.byKey, s.key) // a request nobody took
		return
	}
	s.broken = true
	if failed {
		s.fail(s.last, ss.core)
	}
}

// fail breaks the session and reports why, as its interface does.
func (s *netSession) fail(info steam.ConnectionInfo, n *netCore) {
	s.broken, s.last, s.lastState = true, info, info.State
	if s.key.service == serviceP2P {
		s.p2pError = p2pErrorOf(info.EndReason)
		n.push(steam.P2PSessionConnectFail{Remote: s.key.remote, Error: s.p2pError})
	} else {
		n.push(steam.MessagesSessionFailed{Info: info})
	}
}

// connGone: the connection was destroyed under the session (a parked or replaced one).
func (s *netSession) connGone(c *netConn) {
	if s.conn == c {
		s.conn = nil
		s.broken = true
	}
}

// p2pErrors is the old API's reading of why a session failed; anything else is a timeout.
var p2pErrors = map[steam.ConnectionEnd]steam.P2PSessionError{
	steam.ConnectionEndMiscP2PRendezvous: steam.P2PSessionErrorDestinationNotLoggedIn,
	steam.ConnectionEndRemoteBadCert:     steam.P2PSessionErrorNotRunningApp,
}

func p2pErrorOf(reason steam.ConnectionEnd) steam.P2PSessionError {
	if e, ok := p2pErrors[reason]; ok {
		return e
	}
	return steam.P2PSessionErrorTimeout
}

// open starts a session with a peer: a connection to the address the directory gives.
func (ss *netSessions) open(key sessionKey, now int64) *netSession {
	n := ss.core
	s := &netSession{key: key, accepted: true, channels: map[int32]struct{}{}}
	ss.byKey[key] = s
	addr, found := n.set.realm.net.lookup(sessionsKey(key.remote))
	if ss.ep == nil || !found || n.live >= n.set.maxConnections {
		if !found {
			addr = netip.AddrPortFrom(netip.AddrFrom4([4]byte{127, 0, 0, 1}), 0)
		}
		if ss.ep == nil || found {
			s.fail(steam.ConnectionInfo{Identity: key.remote, State: steam.ConnectionStateProblemDetectedLocally,
				EndReason: steam.ConnectionEndMiscGeneric, EndDebug: "no room for another connection, or no UDP socket for sessions"}, n)
			return s
		}
		c := ss.dial(key, addr, now)
		c.problem(steam.ConnectionEndMiscP2PRendezvous, "no process of this realm has that Steam ID")
		return s
	}
	ss.dial(key, addr, now).connect(now)
	return s
}

func (ss *netSessions) dial(key sessionKey, addr netip.AddrPort, now int64) *netConn {
	c := ss.core.newConn(ss.ep, addr, now)
	c.svc, c.identity, c.hs.target = key.service, key.remote, key.remote
	c.p2p, c.virtualPort, c.outbound = true, -1, true
	c.start(now)
	c.state = steam.ConnectionStateConnecting
	ss.byKey[key].attach(c)
	return c
}

// send is SendMessageToUser (and SendP2PPacket).
func (ss *netSessions) send(key sessionKey, data []byte, flags, channel int32) steam.Result {
	now := netNow()
	s := ss.byKey[key]
	if s != nil && s.broken {
		if flags&steam.SendAutoRestartBrokenSession == 0 && key.service == serviceMessages {
			return steam.ResultNoConnection
		}
		ss.drop(s)
		s = nil
	}
	if s == nil {
		s = ss.open(key, now)
	}
	s.accepted = true
	c := s.conn
	if c == nil {
		return steam.ResultOK // failed at once: reported by the event
	}
	if !c.outbound && c.state == steam.ConnectionStateConnecting {
		c.accept(now)
	}
	s.channels[channel] = struct{}{}
	r, _ := c.send(data, flags, 0, channel, now)
	return r
}

// deliver queues a message of a session's connection on its channel.
func (ss *netSessions) deliver(c *netConn, m queuedMsg, data []byte) {
	qs := ss.queues[c.svc]
	q := qs[m.channel]
	if q == nil {
		if len(qs) >= maxChannelQueues {
			c.uncharge(len(data))
			return
		}
		q = &msgQueue{shared: c.core.ready.channel(c.svc, m.channel)}
		qs[m.channel] = q
	}
	q.push(m, data)
	if c.session != nil {
		c.session.channels[m.channel] = struct{}{}
	}
}

func (s *netSession) deliver(c *netConn, m queuedMsg, data []byte) {
	c.core.sessions.deliver(c, m, data)
}

// drop ends a session: its connection says goodbye and what it delivered and nobody read goes.
func (ss *netSessions) drop(s *netSession) {
	if c := s.conn; c != nil {
		for _, q := range ss.queues[s.key.service] {
			q.removeFrom(c, -1)
		}
		c.session, s.conn = nil, nil
		c.appClose(steam.ConnectionEndAppGeneric, "the session was closed", false, netNow())
	}
	delete(ss.byKey, s.key)
}

func (ss *netSessions) closeAll() {
	for _, s := range ss.byKey {
		ss.drop(s)
	}
	for _, qs := range ss.queues {
		for ch, q := range qs {
			q.clear()
			delete(qs, ch)
		}
	}
}

// service drops the channel queues nobody has anything waiting in.
func (ss *netSessions) service(now int64) {
	for _, qs := range ss.queues {
		for ch, q := range qs {
			if q.len() == 0 {
				delete(qs, ch)
			}
		}
	}
}
