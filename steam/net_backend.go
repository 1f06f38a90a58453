package steam

import (
	"fmt"
	"net/netip"
)

// NetworkingBackend is the part of a backend behind the four networking interfaces. Each method is
// one function of Steam's flat API (SteamAPI_ISteamNetworkingSockets_*, _ISteamNetworkingMessages_*,
// _ISteamNetworking_*, _ISteamNetworkingUtils_*; on the game-server accessors
// SteamGameServerNetworkingSockets and the like), taking and returning what that function does,
// with Go types for the structs: a SteamID for a SteamNetworkingIdentity, a netip.AddrPort for a
// SteamNetworkingIPAddr, a MessageBatch for the SteamNetworkingMessage_t** array.
//
// It is optional: a backend without it (a test's fake) makes every networking call
// fail with an error. The front checks the arguments first; a backend may assume well-formed input,
// but handles come from the game and may name nothing (Steam's own answers for those are returned).
// Events (ConnectionStatusChanged and the rest) go to the EventQueue given to Init.
type NetworkingBackend interface {
	NetworkingSocketsBackend
	NetworkingMessagesBackend
	P2PBackend
	NetworkingUtilsBackend
}

// NetworkingSocketsBackend is ISteamNetworkingSockets.
type NetworkingSocketsBackend interface {
	CreateListenSocketIP(local netip.AddrPort, opts []ConfigOption) ListenSocket
	ConnectByIPAddress(remote netip.AddrPort, opts []ConfigOption) NetConnection
	CreateListenSocketP2P(localVirtualPort int32, opts []ConfigOption) ListenSocket
	ConnectP2P(remote SteamID, remoteVirtualPort int32, opts []ConfigOption) NetConnection
	AcceptConnection(c NetConnection) Result
	CloseConnection(c NetConnection, reason ConnectionEnd, debug string, linger bool) bool
	CloseListenSocket(s ListenSocket) bool
	SetConnectionUserData(c NetConnection, data int64) bool
	GetConnectionUserData(c NetConnection) int64 // -1 for an unknown handle
	SetConnectionName(c NetConnection, name string)
	GetConnectionName(c NetConnection) (string, bool)
	SendMessageToConnection(c NetConnection, data []byte, flags int32) (Result, int64)
	// SendMessages is SendMessages: results[i] is message i's number, or -Result when refused.
	SendMessages(msgs []OutgoingMessage, results []int64)
	FlushMessagesOnConnection(c NetConnection) Result
	// ReceiveMessagesOnConnection appends up to max messages to into; -1 for an unknown handle.
	ReceiveMessagesOnConnection(c NetConnection, max int, into *MessageBatch) int
	GetConnectionInfo(c NetConnection) (ConnectionInfo, bool)
	// GetConnectionRealTimeStatus fills lanes (len = the lanes asked for).
	GetConnectionRealTimeStatus(c NetConnection, lanes []LaneStatus) (ConnectionStatus, Result)
	// GetDetailedConnectionStatus returns the text and the flat call's int: -1 for an unknown handle, else 0.
	GetDetailedConnectionStatus(c NetConnection) (string, int)
	GetListenSocketAddress(s ListenSocket) (netip.AddrPort, bool)
	// CreateSocketPair: an identity of 0 means Steam's generic localhost identity (nullptr).
	CreateSocketPair(networkLoopback bool, id1, id2 SteamID) (NetConnection, NetConnection, bool)
	ConfigureConnectionLanes(c NetConnection, priorities []int32, weights []uint16) Result
	GetIdentity() (SteamID, bool)
	InitAuthentication() NetworkingAvailability
	GetAuthenticationStatus() (NetworkingAvailability, string)
	CreatePollGroup() PollGroup
	DestroyPollGroup(g PollGroup) bool
	SetConnectionPollGroup(c NetConnection, g PollGroup) bool
	ReceiveMessagesOnPollGroup(g PollGroup, max int, into *MessageBatch) int
	ConnectToHostedDedicatedServer(remote SteamID, remoteVirtualPort int32, opts []ConfigOption) NetConnection
	GetHostedDedicatedServerPort() uint16
	GetHostedDedicatedServerPOPID() uint32
	CreateHostedDedicatedServerListenSocket(localVirtualPort int32, opts []ConfigOption) ListenSocket
	// ResetIdentity: 0 is nullptr.
	ResetIdentity(id SteamID)
	RunCallbacks()
}

// NetworkingMessagesBackend is ISteamNetworkingMessages.
type NetworkingMessagesBackend interface {
	SendMessageToUser(remote SteamID, data []byte, flags int32, channel int32) Result
	ReceiveMessagesOnChannel(channel int32, max int, into *MessageBatch) int
	AcceptSessionWithUser(remote SteamID) bool
	CloseSessionWithUser(remote SteamID) bool
	CloseChannelWithUser(remote SteamID, channel int32) bool
	GetSessionConnectionInfo(remote SteamID) (ConnectionState, ConnectionInfo, ConnectionStatus)
}

// P2PBackend is the old ISteamNetworking's P2P calls.
type P2PBackend interface {
	SendP2PPacket(remote SteamID, data []byte, sendType P2PSend, channel int32) bool
	IsP2PPacketAvailable(channel int32) (size uint32, ok bool)
	// ReadP2PPacket copies the next packet of the channel into buf (cut to len(buf), as Steam does).
	ReadP2PPacket(buf []byte, channel int32) (n uint32, remote SteamID, ok bool)
	AcceptP2PSessionWithUser(remote SteamID) bool
	CloseP2PSessionWithUser(remote SteamID) bool
	CloseP2PChannelWithUser(remote SteamID, channel int32) bool
	GetP2PSessionState(remote SteamID) (P2PSessionState, bool)
	AllowP2PPacketRelay(allow bool) bool
}

// NetworkingUtilsBackend is ISteamNetworkingUtils.
type NetworkingUtilsBackend interface {
	GetLocalTimestamp() int64
	InitRelayNetworkAccess()
	GetRelayNetworkStatus() RelayNetworkStatus
	GetLocalPingLocation(loc *PingLocation) float32
	EstimatePingTimeBetweenTwoLocations(a, b *PingLocation) int32
	EstimatePingTimeFromLocalHost(loc *PingLocation) int32
	ConvertPingLocationToString(loc *PingLocation) string
	ParsePingLocationString(s string, loc *PingLocation) bool
	CheckPingDataUpToDate(maxAgeSeconds float32) bool
	GetPingToDataCenter(pop uint32) (ping int32, viaRelay uint32)
	GetDirectPingToPOP(pop uint32) int32
	GetPOPCount() int32
	GetPOPList(list []uint32) int32
	// SetConfigValue: obj is the handle the scope names (ignored for the global and interface scopes).
	SetConfigValue(opt ConfigOption, scope NetConfigScope, obj int64) bool
	GetConfigValue(v NetConfigValue, scope NetConfigScope, obj int64) (ConfigOption, NetConfigGetResult)
	GetConfigValueInfo(v NetConfigValue) (name string, t NetConfigDataType, scope NetConfigScope, ok bool)
}

// errNoNetworking refuses a networking call on a backend without NetworkingBackend.
func errNoNetworking(backend string) error {
	return fmt.Errorf("networking is not implemented by the %s backend yet", backend)
}

// network runs fn with the backend's networking, under the front's lock, or refuses (before Init,
// or a backend without networking).
func (s *Server) network(fn func(NetworkingBackend)) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.initialized {
		return ErrNotInitialized
	}
	nb, ok := s.backend.(NetworkingBackend)
	if !ok {
		return errNoNetworking(s.backend.Name())
	}
	fn(nb)
	return nil
}
