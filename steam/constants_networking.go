package steam

// The networking enums and constants of GodotSteam Server 4 (steamnetworkingtypes.h,
// isteamnetworking.h), named and valued as there, typos included (NETWORKING_CONFIG_P2P_TURN_uSER_LIST,
// NETWORKING_SEND_URELIABLE_NO_NAGLE...): scripts written for it use those names. The values the code
// uses are the typed constants of net_types.go and net_config.go; the configuration values come from
// NetConfigRows; the rest are only offered to scripts.

import (
	"math"
	"strings"
	"unicode"
)

// force32 is the FORCE_32BIT value GodotSteam binds in most networking enums (0x7fffffff).
const force32 = math.MaxInt32

// NetworkingEnums are appended to Enums (constants.go).
var NetworkingEnums = []Enum{
	{Name: "NetworkingAvailability", Values: []Constant{
		{"NETWORKING_AVAILABILITY_CANNOT_TRY", int64(AvailabilityCannotTry)},
		{"NETWORKING_AVAILABILITY_FAILED", int64(AvailabilityFailed)},
		{"NETWORKING_AVAILABILITY_PREVIOUSLY", int64(AvailabilityPreviously)},
		{"NETWORKING_AVAILABILITY_RETRYING", int64(AvailabilityRetrying)},
		{"NETWORKING_AVAILABILITY_NEVER_TRIED", int64(AvailabilityNeverTried)},
		{"NETWORKING_AVAILABILITY_WAITING", int64(AvailabilityWaiting)},
		{"NETWORKING_AVAILABILITY_ATTEMPTING", int64(AvailabilityAttempting)},
		{"NETWORKING_AVAILABILITY_CURRENT", int64(AvailabilityCurrent)},
		{"NETWORKING_AVAILABILITY_UNKNOWN", int64(AvailabilityUnknown)},
		{"NETWORKING_AVAILABILITY_FORCE_32BIT", force32},
	}},
	{Name: "NetworkingConfigDataType", Values: []Constant{
		{"NETWORKING_CONFIG_TYPE_INT32", int64(ConfigTypeInt32)},
		{"NETWORKING_CONFIG_TYPE_INT64", int64(ConfigTypeInt64)},
		{"NETWORKING_CONFIG_TYPE_FLOAT", int64(ConfigTypeFloat)},
		{"NETWORKING_CONFIG_TYPE_STRING", int64(ConfigTypeString)},
		{"NETWORKING_CONFIG_TYPE_FUNCTION_PTR", int64(ConfigTypePtr)},
		{"NETWORKING_CONFIG_TYPE_FORCE_32BIT", force32},
	}},
	{Name: "NetworkingConfigScope", Values: []Constant{
		{"NETWORKING_CONFIG_SCOPE_GLOBAL", int64(ConfigScopeGlobal)},
		{"NETWORKING_CONFIG_SCOPE_SOCKETS_INTERFACE", int64(ConfigScopeSocketsInterface)},
		{"NETWORKING_CONFIG_SCOPE_LISTEN_SOCKET", int64(ConfigScopeListenSocket)},
		{"NETWORKING_CONFIG_SCOPE_CONNECTION", int64(ConfigScopeConnection)},
		{"NETWORKING_CONFIG_SCOPE_FORCE_32BIT", force32},
	}},
	{Name: "NetworkingConfigValue", Values: netConfigValueConstants()},
	{Name: "NetworkingConnectionEnd", Values: []Constant{
		{"CONNECTION_END_INVALID", int64(ConnectionEndInvalid)},
		{"CONNECTION_END_APP_MIN", int64(ConnectionEndAppMin)},
		{"CONNECTION_END_APP_GENERIC", int64(ConnectionEndAppGeneric)},
		{"CONNECTION_END_APP_MAX", int64(ConnectionEndAppMax)},
		{"CONNECTION_END_APP_EXCEPTION_MIN", int64(ConnectionEndAppExceptionMin)},
		{"CONNECTION_END_APP_EXCEPTION_GENERIC", int64(ConnectionEndAppExceptionGeneric)},
		{"CONNECTION_END_APP_EXCEPTION_MAX", int64(ConnectionEndAppExceptionMax)},
		{"CONNECTION_END_LOCAL_MIN", 3000},
		{"CONNECTION_END_LOCAL_OFFLINE_MODE", int64(ConnectionEndLocalOfflineMode)},
		{"CONNECTION_END_LOCAL_MANY_RELAY_CONNECTIVITY", 3002},
		{"CONNECTION_END_LOCAL_HOSTED_SERVER_PRIMARY_RELAY", 3003},
		{"CONNECTION_END_LOCAL_NETWORK_CONFIG", 3004},
		{"CONNECTION_END_LOCAL_RIGHTS", 3005},
		{"CONNECTION_END_NO_PUBLIC_ADDRESS", 3006},
		{"CONNECTION_END_LOCAL_MAX", 3999},
		{"CONNECTION_END_REMOVE_MIN", 4000}, // sic: k_ESteamNetConnectionEnd_Remote_Min
		{"CONNECTION_END_REMOTE_TIMEOUT", int64(ConnectionEndRemoteTimeout)},
		{"CONNECTION_END_REMOTE_BAD_CRYPT", int64(ConnectionEndRemoteBadCrypt)},
		{"CONNECTION_END_REMOTE_BAD_CERT", int64(ConnectionEndRemoteBadCert)},
		{"CONNECTION_END_BAD_PROTOCOL_VERSION", int64(ConnectionEndRemoteBadProtocol)},
		{"CONNECTION_END_REMOTE_P2P_ICE_NO_PUBLIC_ADDRESSES", 4007},
		{"CONNECTION_END_REMOTE_MAX", 4999},
		{"CONNECTION_END_MISC_MIN", 5000},
		{"CONNECTION_END_MISC_GENERIC", int64(ConnectionEndMiscGeneric)},
		{"CONNECTION_END_MISC_INTERNAL_ERROR", int64(ConnectionEndMiscInternalError)},
		{"CONNECTION_END_MISC_TIMEOUT", int64(ConnectionEndMiscTimeout)},
		{"CONNECTION_END_MISC_STEAM_CONNECTIVITY", 5005},
		{"CONNECTION_END_MISC_NO_RELAY_SESSIONS_TO_CLIENT", 5006},
		{"CONNECTION_END_MISC_P2P_RENDEZVOUS", int64(ConnectionEndMiscP2PRendezvous)},
		{"CONNECTION_END_MISC_P2P_NAT_FIREWALL", 5009},
		{"CONNECTION_END_MISC_PEER_SENT_NO_CONNECTION", int64(ConnectionEndMiscPeerSentNoConnection)},
		{"CONNECTION_END_MISC_MAX", 5999},
		{"CONNECTION_END_FORCE32BIT", force32},
	}},
	{Name: "NetworkingConnectionState", Values: []Constant{
		{"CONNECTION_STATE_NONE", int64(ConnectionStateNone)},
		{"CONNECTION_STATE_CONNECTING", int64(ConnectionStateConnecting)},
		{"CONNECTION_STATE_FINDING_ROUTE", int64(ConnectionStateFindingRoute)},
		{"CONNECTION_STATE_CONNECTED", int64(ConnectionStateConnected)},
		{"CONNECTION_STATE_CLOSED_BY_PEER", int64(ConnectionStateClosedByPeer)},
		{"CONNECTION_STATE_PROBLEM_DETECTED_LOCALLY", int64(ConnectionStateProblemDetectedLocally)},
		{"CONNECTION_STATE_FIN_WAIT", int64(ConnectionStateFinWait)},
		{"CONNECTION_STATE_LINGER", int64(ConnectionStateLinger)},
		{"CONNECTION_STATE_DEAD", int64(ConnectionStateDead)},
		{"CONNECTION_STATE_FORCE_32BIT", force32},
	}},
	{Name: "NetworkingFakeIPType", Values: []Constant{
		{"FAKE_IP_TYPE_INVALID", 0},
		{"FAKE_IP_TYPE_NOT_FAKE", 1},
		{"FAKE_IP_TYPE_GLOBAL_IPV4", 2},
		{"FAKE_IP_TYPE_LOCAL_IPV4", 3},
		{"FAKE_IP_TYPE_FORCE32BIT", force32},
	}},
	{Name: "NetworkingGetConfigValueResult", Values: []Constant{
		{"NETWORKING_GET_CONFIG_VALUE_BAD_VALUE", int64(ConfigGetBadValue)},
		{"NETWORKING_GET_CONFIG_VALUE_BAD_SCOPE_OBJ", int64(ConfigGetBadScopeObj)},
		{"NETWORKING_GET_CONFIG_VALUE_BUFFER_TOO_SMALL", int64(ConfigGetBufferTooSmall)},
		{"NETWORKING_GET_CONFIG_VALUE_OK", int64(ConfigGetOK)},
		{"NETWORKING_GET_CONFIG_VALUE_OK_INHERITED", int64(ConfigGetOKInherited)},
		{"NETWORKING_GET_CONFIG_VALUE_FORCE_32BIT", force32},
	}},
	// ESteamNetworkingIdentityType: what a SteamNetworkingIdentity holds.
	{Name: "NetworkingIdentityType", Values: []Constant{
		{"IDENTITY_TYPE_INVALID", 0},
		{"IDENTITY_TYPE_STEAMID", 16},
		{"IDENTITY_TYPE_IP_ADDRESS", 1},
		{"IDENTITY_TYPE_GENERIC_STRING", 2},
		{"IDENTITY_TYPE_GENERIC_BYTES", 3},
		{"IDENTITY_TYPE_UNKNOWN_TYPE", 4},
		{"IDENTITY_TYPE_XBOX_PAIRWISE", 17},
		{"IDENTITY_TYPE_SONY_PSN", 18},
		{"IDENTITY_TYPE_FORCE_32BIT", force32},
	}},
	// ESteamNetworkingSocketsDebugOutputType: the detail levels of the library's debug output.
	{Name: "NetworkingSocketsDebugOutputType", Values: []Constant{
		{"NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_NONE", 0},
		{"NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_BUG", 1},
		{"NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_ERROR", 2},
		{"NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_IMPORTANT", 3},
		{"NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_WARNING", 4},
		{"NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_MSG", 5},
		{"NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_VERBOSE", 6},
		{"NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_DEBUG", 7},
		{"NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_EVERYTHING", 8},
		{"NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_FORCE_32BIT", force32},
	}},
	{Name: "P2PSend", Values: []Constant{
		{"P2P_SEND_UNRELIABLE", int64(P2PSendUnreliable)},
		{"P2P_SEND_UNRELIABLE_NO_DELAY", int64(P2PSendUnreliableNoDelay)},
		{"P2P_SEND_RELIABLE", int64(P2PSendReliable)},
		{"P2P_SEND_RELIABLE_WITH_BUFFERING", int64(P2PSendReliableWithBuffering)},
	}},
	{Name: "P2PSessionError", Values: []Constant{
		{"P2P_SESSION_ERROR_NONE", int64(P2PSessionErrorNone)},
		{"P2P_SESSION_ERROR_NOT_RUNNING_APP", int64(P2PSessionErrorNotRunningApp)},
		{"P2P_SESSION_ERROR_NO_RIGHTS_TO_APP", int64(P2PSessionErrorNoRightsToApp)},
		{"P2P_SESSION_ERROR_DESTINATION_NOT_LOGGED_ON", int64(P2PSessionErrorDestinationNotLoggedIn)},
		{"P2P_SESSION_ERROR_TIMEOUT", int64(P2PSessionErrorTimeout)},
		{"P2P_SESSION_ERROR_MAX", int64(P2PSessionErrorTimeout) + 1},
	}},
	// ESNetSocketConnectionType and ESNetSocketState: the old ISteamNetworking socket API's, which
	// GodotSteam binds but whose calls it does not.
	{Name: "SocketConnectionType", Values: []Constant{
		{"NET_SOCKET_CONNECTION_TYPE_NOT_CONNECTED", 0},
		{"NET_SOCKET_CONNECTION_TYPE_UDP", 1},
		{"NET_SOCKET_CONNECTION_TYPE_UDP_RELAY", 2},
	}},
	{Name: "SocketState", Values: []Constant{
		{"NET_SOCKET_STATE_INVALID", 0},
		{"NET_SOCKET_STATE_CONNECTED", 1},
		{"NET_SOCKET_STATE_INITIATED", 10},
		{"NET_SOCKET_STATE_LOCAL_CANDIDATE_FOUND", 11},
		{"NET_SOCKET_STATE_RECEIVED_REMOTE_CANDIDATES", 12},
		{"NET_SOCKET_STATE_CHALLENGE_HANDSHAKE", 15},
		{"NET_SOCKET_STATE_DISCONNECTING", 21},
		{"NET_SOCKET_STATE_LOCAL_DISCONNECT", 22},
		{"NET_SOCKET_STATE_TIMEOUT_DURING_CONNECT", 23},
		{"NET_SOCKET_STATE_REMOTE_END_DISCONNECTED", 24},
		{"NET_SOCKET_STATE_BROKEN", 25},
	}},
}

// NetworkingConstants are appended to Constants (constants.go).
var NetworkingConstants = []Constant{
	{"MAX_STEAM_PACKET_SIZE", MaxMessageSizeSend},
	{"LISTEN_SOCKET_INVALID", 0},
	{"MAX_NETWORKING_ERROR_MESSAGE", 1024},
	{"MAX_NETWORKING_PING_LOCATION_STRING", MaxPingLocationString + 1}, // with its NUL
	// The values of the P2P_Transport_ICE_Enable config value, a bitmask.
	{"NETWORKING_CONFIG_P2P_TRANSPORT_ICE_DEFAULT", -1},
	{"NETWORKING_CONFIG_P2P_TRANSPORT_ICE_DISABLE", 0},
	{"NETWORKING_CONFIG_P2P_TRANSPORT_ICE_RELAY", 1},
	{"NETWORKING_CONFIG_P2P_TRANSPORT_ICE_PRIVATE", 2},
	{"NETWORKING_CONFIG_P2P_TRANSPORT_ICE_PUBLIC", 4},
	{"NETWORKING_CONFIG_P2P_TRANSPORT_ICE_ALL", force32},
	{"NETWORKING_CONNECTION_INFO_FLAG_UNAUTHENTICATED", int64(ConnectionFlagUnauthenticated)},
	{"NETWORKING_CONNECTION_INFO_FLAG_UNENCRYPTED", int64(ConnectionFlagUnencrypted)},
	{"NETWORKING_CONNECTION_INFO_FLAG_LOOPBACK_BUFFERS", int64(ConnectionFlagLoopbackBuffers)},
	{"NETWORKING_CONNECTION_INFO_FLAG_FAST", int64(ConnectionFlagFast)},
	{"NETWORKING_CONNECTION_INFO_FLAG_RELAYED", int64(ConnectionFlagRelayed)},
	{"NETWORKING_CONNECTION_INFO_FLAG_DUALWIFI", 32},
	{"NETWORKING_CONNECTION_INVALID", 0},
	// Buffer sizes, each with its NUL.
	{"NETWORKING_MAX_CONNECTION_APP_NAME", 32},
	{"NETWORKING_MAX_CONNECTION_CLOSE_REASON", MaxCloseDebugLen + 1},
	{"NETWORKING_MAX_CONNECTION_DESCRIPTION", MaxConnectionNameLen + 1},
	{"NETWORKING_PING_FAILED", PingFailed},
	{"NETWORKING_PING_UNKNOWN", PingUnknown},
	// The send flags and Steam's named combinations of them.
	{"NETWORKING_SEND_UNRELIABLE", int64(SendUnreliable)},
	{"NETWORKING_SEND_NO_NAGLE", int64(SendNoNagle)},
	{"NETWORKING_SEND_URELIABLE_NO_NAGLE", int64(SendUnreliable | SendNoNagle)},
	{"NETWORKING_SEND_NO_DELAY", int64(SendNoDelay)},
	{"NETWORKING_SEND_UNRELIABLE_NO_DELAY", int64(SendUnreliable | SendNoDelay | SendNoNagle)},
	{"NETWORKING_SEND_RELIABLE", int64(SendReliable)},
	{"NETWORKING_SEND_RELIABLE_NO_NAGLE", int64(SendReliable | SendNoNagle)},
	{"NETWORKING_SEND_USE_CURRENT_THREAD", int64(SendUseCurrentThread)},
	{"NETWORKING_SEND_AUTORESTART_BROKEN_SESSION", int64(SendAutoRestartBrokenSession)},
}

// netConfigNameExceptions are GodotSteam's names of the config values that are not Steam's name in
// upper snake case (its typos and abbreviations, kept so its scripts run).
var netConfigNameExceptions = map[string]string{
	"FakePacketDup_Recv":                             "FAKE_PACKET_DUP_REVC",
	"Callback_MessagesSessionRequest":                "CALLBACK_MESSAGE_SESSION_REQUEST",
	"P2P_TURN_UserList":                              "P2P_TURN_uSER_LIST",
	"SDRClient_ConsecutitivePingTimeoutsFailInitial": "SDR_CLIENT_CONSEC_PING_TIMEOUT_FAIL_INITIAL",
	"SDRClient_ConsecutitivePingTimeoutsFail":        "SDR_CLIENT_CONSEC_PING_TIMEOUT_FAIL",
	"LogLevel_SDRRelayPings":                         "LOG_LEVEL_SRD_RELAY_PINGS",
}

// netConfigValueConstants is the NetworkingConfigValue enum: Invalid, one constant per row of
// NetConfigRows, and GodotSteam's FORCE32BIT.
func netConfigValueConstants() []Constant {
	out := []Constant{{"NETWORKING_CONFIG_INVALID", 0}}
	for _, r := range NetConfigRows {
		out = append(out, Constant{"NETWORKING_CONFIG_" + NetConfigConstantName(r.Name), int64(r.Value)})
	}
	return append(out, Constant{"NETWORKING_CONFIG_VALUE_FORCE32BIT", force32})
}

// NetConfigConstantName is GodotSteam's name (less NETWORKING_CONFIG_) of the config value Steam
// names name: its words in upper snake case ("IPLocalHost_AllowWithoutAuth" ->
// "IP_LOCAL_HOST_ALLOW_WITHOUT_AUTH", "P2P_STUN_ServerList" -> "P2P_STUN_SERVER_LIST").
func NetConfigConstantName(name string) string {
	if s, ok := netConfigNameExceptions[name]; ok {
		return s
	}
	rs := []rune(name)
	var b strings.Builder
	for i, r := range rs {
		// A word starts at an upper-case letter after a lower-case one, or at the last capital of an
		// acronym followed by a lower-case letter ("IPLocal": IP, Local).
		if i > 0 && unicode.IsUpper(r) && rs[i-1] != '_' {
			prevLower := unicode.IsLower(rs[i-1])
			acronymEnd := unicode.IsUpper(rs[i-1]) && i+1 < len(rs) && unicode.IsLower(rs[i+1])
			if prevLower || acronymEnd {
				b.WriteByte('_')
			}
		}
		b.WriteRune(unicode.ToUpper(r))
	}
	return b.String()
}
