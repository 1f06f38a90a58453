package steamworks

import "github.com/gosteam/godot-steam-server/steam"

// ISteamNetworkingMessages (SteamGameServerNetworkingMessages) and the old ISteamNetworking's P2P
// calls (SteamGameServerNetworking): sessions with a Steam ID, each call one flat function.
var (
	symSendMessageToUser        = messagesMethod("SendMessageToUser", shapeI32MPPU32I32I32)
	symReceiveMessagesOnChannel = messagesMethod("ReceiveMessagesOnChannel", shapeI32MI32MsgsI32)
	symAcceptSessionWithUser    = messagesMethod("AcceptSessionWithUser", shapeBMP)
	symCloseSessionWithUser     = messagesMethod("CloseSessionWithUser", shapeBMP)
	symCloseChannelWithUser     = messagesMethod("CloseChannelWithUser", shapeBMPI32)
	symGetSessionConnectionInfo = messagesMethod("GetSessionConnectionInfo", shapeI32MPPP)

	symSendP2PPacket            = p2pMethod("SendP2PPacket", shapeBOU64PU32I32I32)
	symIsP2PPacketAvailable     = p2pMethod("IsP2PPacketAvailable", shapeBOPU32I32)
	symReadP2PPacket            = p2pMethod("ReadP2PPacket", shapeBOPU32PU32PU64I32)
	symAcceptP2PSessionWithUser = p2pMethod("AcceptP2PSessionWithUser", shapeBOU64)
	symCloseP2PSessionWithUser  = p2pMethod("CloseP2PSessionWithUser", shapeBOU64)
	symCloseP2PChannelWithUser  = p2pMethod("CloseP2PChannelWithUser", shapeBOU64I32)
	symGetP2PSessionState       = p2pMethod("GetP2PSessionState", shapeBOU64P)
	symAllowP2PPacketRelay      = p2pMethod("AllowP2PPacketRelay", shapeBOB)
)

func (b *Backend) SendMessageToUser(remote steam.SteamID, data []byte, flags int32, channel int32) steam.Result {
	if !b.net.messages {
		return steam.ResultNoConnection
	}
	return steam.Result(b.api.i32MPPU32I32I32(symSendMessageToUser, b.identity(remote), data, flags, channel))
}

func (b *Backend) ReceiveMessagesOnChannel(channel int32, max int, into *steam.MessageBatch) int {
	if !b.net.messages {
		return 0
	}
	return b.received(into, b.api.i32MI32Msgs(symReceiveMessagesOnChannel, channel, max, into))
}

func (b *Backend) AcceptSessionWithUser(remote steam.SteamID) bool {
	return b.net.messages && b.api.bMP(symAcceptSessionWithUser, b.identity(remote))
}

func (b *Backend) CloseSessionWithUser(remote steam.SteamID) bool {
	return b.net.messages && b.api.bMP(symCloseSessionWithUser, b.identity(remote))
}

func (b *Backend) CloseChannelWithUser(remote steam.SteamID, channel int32) bool {
	return b.net.messages && b.api.bMPI32(symCloseChannelWithUser, b.identity(remote), channel)
}

func (b *Backend) GetSessionConnectionInfo(remote steam.SteamID) (steam.ConnectionState, steam.ConnectionInfo, steam.ConnectionStatus) {
	if !b.net.messages {
		return steam.ConnectionStateNone, steam.ConnectionInfo{}, steam.ConnectionStatus{}
	}
	info, status := make([]byte, connectionInfoSize), make([]byte, realTimeStatusSize)
	st := steam.ConnectionState(b.api.i32MPPP(symGetSessionConnectionInfo, b.identity(remote), info, status))
	return st, filled(&connectionInfoRow, info, decodeConnectionInfo), filled(&realTimeStatusRow, status, decodeRealTimeStatus)
}

func (b *Backend) SendP2PPacket(remote steam.SteamID, data []byte, sendType steam.P2PSend, channel int32) bool {
	return b.net.p2p && b.api.bOU64PU32I32I32(symSendP2PPacket, uint64(remote), data, int32(sendType), channel)
}

func (b *Backend) IsP2PPacketAvailable(channel int32) (uint32, bool) {
	if !b.net.p2p {
		return 0, false
	}
	ok, size := b.api.bOPU32I32(symIsP2PPacketAvailable, channel)
	return size, ok
}

// ReadP2PPacket reports the bytes copied into buf, at most len(buf), whatever size Steam reports.
func (b *Backend) ReadP2PPacket(buf []byte, channel int32) (uint32, steam.SteamID, bool) {
	if !b.net.p2p {
		return 0, 0, false
	}
	ok, n, remote := b.api.bOPU32PU32PU64I32(symReadP2PPacket, buf, channel)
	if !ok {
		return 0, 0, false
	}
	return min(n, uint32(len(buf))), steam.SteamID(remote), true
}

func (b *Backend) AcceptP2PSessionWithUser(remote steam.SteamID) bool {
	return b.net.p2p && b.api.bOU64(symAcceptP2PSessionWithUser, uint64(remote))
}

func (b *Backend) CloseP2PSessionWithUser(remote steam.SteamID) bool {
	return b.net.p2p && b.api.bOU64(symCloseP2PSessionWithUser, uint64(remote))
}

func (b *Backend) CloseP2PChannelWithUser(remote steam.SteamID, channel int32) bool {
	return b.net.p2p && b.api.bOU64I32(symCloseP2PChannelWithUser, uint64(remote), channel)
}

func (b *Backend) GetP2PSessionState(remote steam.SteamID) (steam.P2PSessionState, bool) {
	if !b.net.p2p {
		return steam.P2PSessionState{}, false
	}
	buf := make([]byte, p2pSessionSize)
	if !b.api.bOU64P(symGetP2PSessionState, uint64(remote), buf) {
		return steam.P2PSessionState{}, false
	}
	return filled(&p2pSessionRow, buf, decodeP2PSessionState), true
}

func (b *Backend) AllowP2PPacketRelay(allow bool) bool {
	return b.net.p2p && b.api.bOB(symAllowP2PPacketRelay, allow)
}
