package steam

// ISteamNetworkingMessages (sessions by Steam ID, channels) and the old ISteamNetworking P2P calls,
// which Steam now carries over the same sessions.

// SendMessageToUser sends data to remote on a channel, opening a session with them if there is none.
// A refused call (bad arguments, or before serverInit) returns ResultInvalidParam.
func (s *Server) SendMessageToUser(remote SteamID, data []byte, flags int64, channel int64) (r Result, err error) {
	if err := checkRemote("remote_steam_id", remote); err != nil {
		return ResultInvalidParam, err
	}
	f, err := checkSendFlags(flags)
	if err != nil {
		return ResultInvalidParam, err
	}
	ch, err := checkChannel("channel", channel)
	if err != nil {
		return ResultInvalidParam, err
	}
	if err := checkMessage(data); err != nil {
		return ResultInvalidParam, err
	}
	r = ResultInvalidParam
	err = s.network(func(b NetworkingBackend) { r = b.SendMessageToUser(remote, data, f, ch) })
	return r, err
}

// ReceiveMessagesOnChannel releases batch, then fills it with up to maxMessages messages that
// arrived on the channel, from any user.
func (s *Server) ReceiveMessagesOnChannel(channel int64, maxMessages int64, batch *MessageBatch) (int, error) {
	batch.Release()
	ch, err := checkChannel("channel", channel)
	if err != nil {
		return 0, err
	}
	max, err := checkMaxMessages(maxMessages)
	if err != nil {
		return 0, err
	}
	return netGet(s, 0, func(b NetworkingBackend) int { return max0(b.ReceiveMessagesOnChannel(ch, max, batch)) })
}

func max0(n int) int { return max(n, 0) }

// AcceptSessionWithUser accepts the session a MessagesSessionRequest announced; false when there
// is no session with remote.
func (s *Server) AcceptSessionWithUser(remote SteamID) (bool, error) {
	return s.sessionCall(remote, NetworkingBackend.AcceptSessionWithUser)
}

func (s *Server) CloseSessionWithUser(remote SteamID) (bool, error) {
	return s.sessionCall(remote, NetworkingBackend.CloseSessionWithUser)
}

func (s *Server) CloseChannelWithUser(remote SteamID, channel int64) (bool, error) {
	return s.channelCall(remote, channel, NetworkingBackend.CloseChannelWithUser)
}

// sessionCall and channelCall are the session calls both interfaces have (the old API's P2P ones too).
func (s *Server) sessionCall(remote SteamID, fn func(NetworkingBackend, SteamID) bool) (bool, error) {
	return remoteCall(s, remote, false, func(b NetworkingBackend) bool { return fn(b, remote) })
}

func (s *Server) channelCall(remote SteamID, channel int64, fn func(NetworkingBackend, SteamID, int32) bool) (bool, error) {
	ch, err := checkChannel("channel", channel)
	if err != nil {
		return false, err
	}
	return remoteCall(s, remote, false, func(b NetworkingBackend) bool { return fn(b, remote, ch) })
}

// GetSessionConnectionInfo reports the session with remote: its state (None without one), its
// connection info and its real-time status.
func (s *Server) GetSessionConnectionInfo(remote SteamID) (st ConnectionState, info ConnectionInfo, status ConnectionStatus, err error) {
	if err := checkRemote("remote_steam_id", remote); err != nil {
		return ConnectionStateNone, info, status, err
	}
	err = s.network(func(b NetworkingBackend) { st, info, status = b.GetSessionConnectionInfo(remote) })
	return st, info, status, err
}

// MaxP2PReliable is the largest reliable sendP2PPacket: the sessions carry messages of at most
// MaxMessageSizeSend (Steam's old API documented 1 MB before it moved onto them).
const MaxP2PReliable = MaxMessageSizeSend

// SendP2PPacket sends over the old P2P API; sendType is P2PSend (0 to 3).
func (s *Server) SendP2PPacket(remote SteamID, data []byte, sendType int64, channel int64) (ok bool, err error) {
	if err := checkRemote("remote_steam_id", remote); err != nil {
		return false, err
	}
	if sendType < int64(P2PSendUnreliable) || sendType > int64(P2PSendReliableWithBuffering) {
		return false, argErrorf("send_type", "must be a P2PSend between 0 and 3, got %d", sendType)
	}
	ch, err := checkChannel("channel", channel)
	if err != nil {
		return false, err
	}
	limit := MaxP2PReliable
	if P2PSend(sendType) == P2PSendUnreliable || P2PSend(sendType) == P2PSendUnreliableNoDelay {
		limit = MaxP2PUnreliable
	}
	if len(data) > limit {
		return false, argErrorf("data", "is %d bytes: this send type takes at most %d", len(data), limit)
	}
	err = s.network(func(b NetworkingBackend) { ok = b.SendP2PPacket(remote, data, P2PSend(sendType), ch) })
	return ok, err
}

// GetAvailableP2PPacketSize is the size of the next packet on the channel, 0 when none
// (GodotSteam's wrapper of IsP2PPacketAvailable).
func (s *Server) GetAvailableP2PPacketSize(channel int64) (size uint32, err error) {
	ch, err := checkChannel("channel", channel)
	if err != nil {
		return 0, err
	}
	err = s.network(func(b NetworkingBackend) {
		if n, ok := b.IsP2PPacketAvailable(ch); ok {
			size = n
		}
	})
	return size, err
}

// ReadP2PPacket reads the next packet of the channel into a buffer of size bytes (a longer packet
// is cut, as Steam does). ok is false when there was none.
func (s *Server) ReadP2PPacket(size int64, channel int64) (data []byte, remote SteamID, ok bool, err error) {
	if size < 0 || size > MaxP2PReliable {
		return nil, 0, false, argErrorf("packet", "must be a size between 0 and %d, got %d", MaxP2PReliable, size)
	}
	ch, err := checkChannel("channel", channel)
	if err != nil {
		return nil, 0, false, err
	}
	buf := make([]byte, size)
	var n uint32
	err = s.network(func(b NetworkingBackend) { n, remote, ok = b.ReadP2PPacket(buf, ch) })
	if !ok {
		return nil, 0, false, err
	}
	return buf[:n], remote, true, err
}

func (s *Server) AcceptP2PSessionWithUser(remote SteamID) (bool, error) {
	return s.sessionCall(remote, NetworkingBackend.AcceptP2PSessionWithUser)
}

// GetP2PSessionState reports the old API's session with remote; ok is false when there is none.
func (s *Server) GetP2PSessionState(remote SteamID) (st P2PSessionState, ok bool, err error) {
	if err := checkRemote("remote_steam_id", remote); err != nil {
		return st, false, err
	}
	err = s.network(func(b NetworkingBackend) { st, ok = b.GetP2PSessionState(remote) })
	return st, ok, err
}

func (s *Server) AllowP2PPacketRelay(allow bool) (bool, error) {
	return netGet(s, false, func(b NetworkingBackend) bool { return b.AllowP2PPacketRelay(allow) })
}

// CloseP2PSessionWithUser and CloseP2PChannelWithUser end the old API's session, or one channel of it.
func (s *Server) CloseP2PSessionWithUser(remote SteamID) (bool, error) {
	return s.sessionCall(remote, NetworkingBackend.CloseP2PSessionWithUser)
}

func (s *Server) CloseP2PChannelWithUser(remote SteamID, channel int64) (bool, error) {
	return s.channelCall(remote, channel, NetworkingBackend.CloseP2PChannelWithUser)
}
