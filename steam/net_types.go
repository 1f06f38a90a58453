package steam

// The types of the four networking interfaces (ISteamNetworkingSockets, ISteamNetworkingMessages,
// the old ISteamNetworking and ISteamNetworkingUtils), with Steamworks' own values
// (steamnetworkingtypes.h, isteamnetworking.h). GDScript sees them as ints and Dictionaries.

import "net/netip"

// NetConnection is HSteamNetConnection; 0 (k_HSteamNetConnection_Invalid) names no connection.
type NetConnection uint32

// ListenSocket is HSteamListenSocket; 0 names none.
type ListenSocket uint32

// PollGroup is HSteamNetPollGroup; 0 names none.
type PollGroup uint32

// ConnectionState is ESteamNetworkingConnectionState. The negative states are internal to the
// library: the API never reports them.
type ConnectionState int32

const (
	ConnectionStateNone                   ConnectionState = 0
	ConnectionStateConnecting             ConnectionState = 1
	ConnectionStateFindingRoute           ConnectionState = 2
	ConnectionStateConnected              ConnectionState = 3
	ConnectionStateClosedByPeer           ConnectionState = 4
	ConnectionStateProblemDetectedLocally ConnectionState = 5
	ConnectionStateFinWait                ConnectionState = -1
	ConnectionStateLinger                 ConnectionState = -2
	ConnectionStateDead                   ConnectionState = -3
)

// ConnectionEnd is ESteamNetConnectionEnd, why a connection ended (SteamNetConnectionInfo_t::m_eEndReason).
type ConnectionEnd int32

const (
	ConnectionEndInvalid                  ConnectionEnd = 0
	ConnectionEndAppMin                   ConnectionEnd = 1000
	ConnectionEndAppGeneric               ConnectionEnd = 1000
	ConnectionEndAppMax                   ConnectionEnd = 1999
	ConnectionEndAppExceptionMin          ConnectionEnd = 2000
	ConnectionEndAppExceptionGeneric      ConnectionEnd = 2000
	ConnectionEndAppExceptionMax          ConnectionEnd = 2999
	ConnectionEndLocalOfflineMode         ConnectionEnd = 3001
	ConnectionEndRemoteTimeout            ConnectionEnd = 4001
	ConnectionEndRemoteBadCrypt           ConnectionEnd = 4002
	ConnectionEndRemoteBadCert            ConnectionEnd = 4003
	ConnectionEndRemoteBadProtocol        ConnectionEnd = 4006
	ConnectionEndMiscGeneric              ConnectionEnd = 5001
	ConnectionEndMiscInternalError        ConnectionEnd = 5002
	ConnectionEndMiscTimeout              ConnectionEnd = 5003
	ConnectionEndMiscP2PRendezvous        ConnectionEnd = 5008
	ConnectionEndMiscPeerSentNoConnection ConnectionEnd = 5010
)

// NetworkingAvailability is ESteamNetworkingAvailability.
type NetworkingAvailability int32

const (
	AvailabilityCannotTry  NetworkingAvailability = -102
	AvailabilityFailed     NetworkingAvailability = -101
	AvailabilityPreviously NetworkingAvailability = -100
	AvailabilityRetrying   NetworkingAvailability = -10
	AvailabilityUnknown    NetworkingAvailability = 0
	AvailabilityNeverTried NetworkingAvailability = 1
	AvailabilityWaiting    NetworkingAvailability = 2
	AvailabilityAttempting NetworkingAvailability = 3
	AvailabilityCurrent    NetworkingAvailability = 100
)

// Send flags (k_nSteamNetworkingSend_*), a bitmask.
const (
	SendUnreliable               int32 = 0
	SendNoNagle                  int32 = 1
	SendNoDelay                  int32 = 4
	SendReliable                 int32 = 8
	SendUseCurrentThread         int32 = 16
	SendAutoRestartBrokenSession int32 = 32
	// sendFlagsKnown is every bit Steam defines: a flag outside it is refused.
	sendFlagsKnown = SendNoNagle | SendNoDelay | SendReliable | SendUseCurrentThread | SendAutoRestartBrokenSession
)

// Connection info flags (k_nSteamNetworkConnectionInfoFlags_*), a bitmask.
const (
	ConnectionFlagUnauthenticated int32 = 1
	ConnectionFlagUnencrypted     int32 = 2
	ConnectionFlagLoopbackBuffers int32 = 4
	ConnectionFlagFast            int32 = 8
	ConnectionFlagRelayed         int32 = 16
)

// Limits of the networking API, Steam's own.
const (
	// MaxMessageSizeSend is k_cbMaxSteamNetworkingSocketsMessageSizeSend: the largest message
	// sendMessageToConnection and sendMessageToUser take.
	MaxMessageSizeSend = 512 * 1024
	// MaxCloseDebugLen is k_cchSteamNetworkingMaxConnectionCloseReason less its terminating NUL:
	// the longest debug message closeConnection takes.
	MaxCloseDebugLen = 127
	// MaxConnectionNameLen bounds setConnectionName: the name goes into the 128-byte description.
	MaxConnectionNameLen = 127
	// MaxLanes is the most lanes configureConnectionLanes sets (Steam's STEAMNETWORKINGSOCKETS_MAX_LANES).
	MaxLanes = 255
	// MaxReceiveBatch bounds max_messages of the receive calls: what one call may hand back.
	MaxReceiveBatch = 4096
	// MaxP2PUnreliable is the largest unreliable sendP2PPacket (k_EP2PSendUnreliable's 1200 bytes).
	MaxP2PUnreliable = 1200
	// PingLocationSize is sizeof(SteamNetworkPingLocation_t).
	PingLocationSize = 512
	// PingFailed and PingUnknown are k_nSteamNetworkingPing_Failed and _Unknown.
	PingFailed  = -1
	PingUnknown = -2
)

// Results networking calls return besides those of enums.go.
const (
	ResultDuplicateRequest Result = 29
	ResultIPNotFound       Result = 31 // GetRemoteFakeIPForConnection: not a FakeIP connection
	ResultIgnored          Result = 41
)

// ConnectionInfo is SteamNetConnectionInfo_t, as GodotSteam's connection Dictionary holds it.
type ConnectionInfo struct {
	// Identity is the remote's Steam ID; 0 when it is not known or not a Steam ID (GodotSteam's
	// getSteamIDFromIdentity).
	Identity      SteamID
	UserData      int64
	ListenSocket  ListenSocket
	RemoteAddress netip.AddrPort // the zero AddrPort when there is none
	RemotePOP     uint32
	RelayPOP      uint32
	State         ConnectionState
	EndReason     ConnectionEnd
	EndDebug      string
	Description   string
	Flags         int32
}

// ConnectionStatus is SteamNetConnectionRealTimeStatus_t.
type ConnectionStatus struct {
	State               ConnectionState
	Ping                int32 // milliseconds
	QualityLocal        float32
	QualityRemote       float32
	OutPacketsPerSec    float32
	OutBytesPerSec      float32
	InPacketsPerSec     float32
	InBytesPerSec       float32
	SendRateBytesPerSec int32
	PendingUnreliable   int32
	PendingReliable     int32
	SentUnackedReliable int32
	QueueTime           int64 // microseconds
}

// LaneStatus is SteamNetConnectionRealTimeLaneStatus_t.
type LaneStatus struct {
	PendingUnreliable   int32
	PendingReliable     int32
	SentUnackedReliable int32
	QueueTime           int64
}

// P2PSend is EP2PSend, the old API's send type.
type P2PSend int32

const (
	P2PSendUnreliable            P2PSend = 0
	P2PSendUnreliableNoDelay     P2PSend = 1
	P2PSendReliable              P2PSend = 2
	P2PSendReliableWithBuffering P2PSend = 3
)

// P2PSessionError is EP2PSessionError.
type P2PSessionError int32

const (
	P2PSessionErrorNone                   P2PSessionError = 0
	P2PSessionErrorNotRunningApp          P2PSessionError = 1
	P2PSessionErrorNoRightsToApp          P2PSessionError = 2
	P2PSessionErrorDestinationNotLoggedIn P2PSessionError = 3
	P2PSessionErrorTimeout                P2PSessionError = 4
)

// P2PSessionState is P2PSessionState_t.
type P2PSessionState struct {
	ConnectionActive     bool
	Connecting           bool
	SessionError         P2PSessionError
	UsingRelay           bool
	BytesQueuedForSend   int32
	PacketsQueuedForSend int32
	RemoteIP             uint32 // host order
	RemotePort           uint16
}

// PingLocation is SteamNetworkPingLocation_t: opaque bytes.
type PingLocation [PingLocationSize]byte

// OutgoingMessage is one message of SendMessages (SteamNetworkingMessage_t as sent): the flat
// API's only way to choose a lane.
type OutgoingMessage struct {
	Conn  NetConnection
	Data  []byte
	Flags int32
	Lane  uint16
}
