package offline

// ISteamNetworkingMessages and the old ISteamNetworking P2P calls over the sessions of
// net_sessions.go.

import "github.com/gosteam/godot-steam-server/steam"

// withSessions runs fn with the sessions, opening their endpoint at the first call.
func (b *Backend) withSessions(fn func(ss *netSessions)) {
	n := b.netc()
	n.mu.Lock()
	defer n.mu.Unlock()
	fn(n.sessionsOf())
}

func (b *Backend) SendMessageToUser(remote steam.SteamID, data []byte, flags, channel int32) (r steam.Result) {
	b.withSessions(func(ss *netSessions) { r = ss.send(sessionKey{serviceMessages, remote}, data, flags, channel) })
	return r
}

// receive drains a channel's queue of a service.
func (ss *netSessions) receive(service byte, channel int32, max int, into *steam.MessageBatch) int {
	q := ss.queues[service][channel]
	if q == nil {
		return 0
	}
	return q.drain(max, into, func(m *queuedMsg) (steam.NetConnection, steam.SteamID) { return 0, m.from.identity })
}

func (b *Backend) ReceiveMessagesOnChannel(channel int32, max int, into *steam.MessageBatch) (n int) {
	if b.netc().ready.channelEmpty(serviceMessages, channel) {
		return 0
	}
	b.withSessions(func(ss *netSessions) { n = ss.receive(serviceMessages, channel, max, into) })
	return n
}

// accept is AcceptSessionWithUser: true when there is a session, pending or not.
func (ss *netSessions) accept(key sessionKey) bool {
	s := ss.byKey[key]
	if s == nil {
		return false
	}
	s.accepted = true
	if c := s.conn; c != nil && !c.outbound && c.state == steam.ConnectionStateConnecting {
		c.accept(netNow())
	}
	return true
}

func (b *Backend) AcceptSessionWithUser(remote steam.SteamID) (ok bool) {
	b.withSessions(func(ss *netSessions) { ok = ss.accept(sessionKey{serviceMessages, remote}) })
	return ok
}

func (ss *netSessions) closeSession(key sessionKey) bool {
	s := ss.byKey[key]
	if s == nil {
		return false
	}
	ss.drop(s)
	return true
}

func (b *Backend) CloseSessionWithUser(remote steam.SteamID) (ok bool) {
	b.withSessions(func(ss *netSessions) { ok = ss.closeSession(sessionKey{serviceMessages, remote}) })
	return ok
}

// closeChannel forgets one channel of a session and what waits on it from that peer; the session
// ends with its last open channel.
func (ss *netSessions) closeChannel(key sessionKey, channel int32) bool {
	s := ss.byKey[key]
	if s == nil {
		return false
	}
	delete(s.channels, channel)
	if q := ss.queues[key.service][channel]; q != nil && s.conn != nil {
		q.removeFrom(s.conn, channel)
	}
	if len(s.channels) == 0 {
		ss.drop(s)
	}
	return true
}

func (b *Backend) CloseChannelWithUser(remote steam.SteamID, channel int32) (ok bool) {
	b.withSessions(func(ss *netSessions) { ok = ss.closeChannel(sessionKey{serviceMessages, remote}, channel) })
	return ok
}

// info is what GetSessionConnectionInfo reports: the live connection, or how the last one ended.
func (s *netSession) info() (steam.ConnectionState, steam.ConnectionInfo, steam.ConnectionStatus) {
	if c := s.conn; c != nil {
		st := c.status(nil)
		return apiState(c.state), c.info(), st
	}
	return s.lastState, s.last, steam.ConnectionStatus{State: s.lastState, Ping: -1}
}

func (b *Backend) GetSessionConnectionInfo(remote steam.SteamID) (st steam.ConnectionState, info steam.ConnectionInfo, status steam.ConnectionStatus) {
	b.withSessions(func(ss *netSessions) {
		if s := ss.byKey[sessionKey{serviceMessages, remote}]; s != nil {
			st, info, status = s.info()
		}
	})
	return st, info, status
}

// p2pFlags is how the old API's send types map onto send flags (isteamnetworking.h): unreliable
// sends go at once; Reliable too; ReliableWithBuffering waits for Nagle.
func p2pFlags(t steam.P2PSend) int32 {
	switch t {
	case steam.P2PSendUnreliable:
		return steam.SendUnreliable | steam.SendNoNagle
	case steam.P2PSendUnreliableNoDelay:
		return steam.SendUnreliable | steam.SendNoDelay | steam.SendNoNagle
	case steam.P2PSendReliable:
		return steam.SendReliable | steam.SendNoNagle
	}
	return steam.SendReliable
}

func (b *Backend) SendP2PPacket(remote steam.SteamID, data []byte, t steam.P2PSend, channel int32) (ok bool) {
	b.withSessions(func(ss *netSessions) {
		ok = ss.send(sessionKey{serviceP2P, remote}, data, p2pFlags(t), channel) == steam.ResultOK
	})
	return ok
}

func (b *Backend) IsP2PPacketAvailable(channel int32) (size uint32, ok bool) {
	if b.netc().ready.channelEmpty(serviceP2P, channel) {
		return 0, false
	}
	b.withSessions(func(ss *netSessions) {
		if q := ss.queues[serviceP2P][channel]; q != nil && q.len() > 0 {
			size, ok = uint32(q.head().n), true
		}
	})
	return size, ok
}

func (b *Backend) ReadP2PPacket(buf []byte, channel int32) (n uint32, remote steam.SteamID, ok bool) {
	if b.netc().ready.channelEmpty(serviceP2P, channel) {
		return 0, remote, false
	}
	b.withSessions(func(ss *netSessions) {
		q := ss.queues[serviceP2P][channel]
		if q == nil || q.len() == 0 {
			return
		}
		m := q.head()
		n, remote, ok = uint32(copy(buf, q.data(m))), m.from.identity, true
		q.pop()
	})
	return n, remote, ok
}

func (b *Backend) AcceptP2PSessionWithUser(remote steam.SteamID) (ok bool) {
	b.withSessions(func(ss *netSessions) { ok = ss.accept(sessionKey{serviceP2P, remote}) })
	return ok
}

func (b *Backend) CloseP2PSessionWithUser(remote steam.SteamID) (ok bool) {
	b.withSessions(func(ss *netSessions) { ok = ss.closeSession(sessionKey{serviceP2P, remote}) })
	return ok
}

func (b *Backend) CloseP2PChannelWithUser(remote steam.SteamID, channel int32) (ok bool) {
	b.withSessions(func(ss *netSessions) { ok = ss.closeChannel(sessionKey{serviceP2P, remote}, channel) })
	return ok
}

func (b *Backend) GetP2PSessionState(remote steam.SteamID) (st steam.P2PSessionState, ok bool) {
	b.withSessions(func(ss *netSessions) {
		s := ss.byKey[sessionKey{serviceP2P, remote}]
		if s == nil {
			return
		}
		ok = true
		st.SessionError = s.p2pError
		if c := s.conn; c != nil {
			st.ConnectionActive = c.state == steam.ConnectionStateConnected
			st.Connecting = c.state == steam.ConnectionStateConnecting
			st.BytesQueuedForSend = int32(c.link.pending)
			st.PacketsQueuedForSend = int32(c.link.queued())
			if a := c.remote.Addr(); a.Is4() {
				ip := a.As4()
				st.RemoteIP = uint32(ip[0])<<24 | uint32(ip[1])<<16 | uint32(ip[2])<<8 | uint32(ip[3])
				st.RemotePort = c.remote.Port()
			}
		}
	})
	return st, ok
}

// AllowP2PPacketRelay: there is no relay offline; the answer is Steam's for a call that succeeded.
func (b *Backend) AllowP2PPacketRelay(bool) bool { return true }
