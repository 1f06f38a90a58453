package steamworks

import (
	"net/netip"

	"github.com/gosteam/godot-steam-server/steam"
)

// The networking callbacks (ISteamNetworkingSockets 1220+, ISteamNetworkingMessages 1250+, the old
// ISteamNetworking 1200+, ISteamNetworkingUtils 1280+) and the structs the networking calls fill,
// described as the other rows are and checked against gcc (pack 4) and MinGW (pack 8) by the same
// layout tests. SteamNetConnectionInfo_t is nested in two callbacks and filled by GetConnectionInfo
// and GetSessionConnectionInfo: one decoder reads it everywhere.

// The networking structs' sizes: the same at both packings (no 64-bit member follows a 32-bit one
// unaligned), as the layout tests check through the rows below.
const (
	identitySize       = 136 // SteamNetworkingIdentity
	ipAddrSize         = 18  // SteamNetworkingIPAddr
	connectionInfoSize = 696 // SteamNetConnectionInfo_t
	realTimeStatusSize = 120 // SteamNetConnectionRealTimeStatus_t
	laneStatusSize     = 64  // SteamNetConnectionRealTimeLaneStatus_t
	p2pSessionSize     = 20  // P2PSessionState_t
	authStatusSize     = 260 // SteamNetAuthenticationStatus_t
	relayStatusSize    = 272 // SteamRelayNetworkStatus_t
)

// identityTypeSteamID is k_ESteamNetworkingIdentityType_SteamID: an identity holding a Steam ID.
const identityTypeSteamID = 16

// netStructRows are the networking structs a call fills, or that a callback nests (id 0), appended
// to callStructRows. The identity and the address are pack 1 on every platform.
var netStructRows = []callback{
	{sdk: "SteamNetworkingIdentity", pack: 1,
		members: []member{i32("m_eType"), i32("m_cbSize"), u64("m_steamID64"), chars("m_unionRest", 120)}},
	{sdk: "SteamNetworkingIPAddr", pack: 1, members: []member{chars("m_ipv6", 16), u16("m_port")}},
	{sdk: "SteamNetConnectionInfo_t", members: []member{nested("m_identityRemote", identitySize, 1), u64("m_nUserData"),
		u32("m_hListenSocket"), nested("m_addrRemote", ipAddrSize, 1), u16("m__pad1"), u32("m_idPOPRemote"), u32("m_idPOPRelay"),
		i32("m_eState"), i32("m_eEndReason"), chars("m_szEndDebug", 128), chars("m_szConnectionDescription", 128), i32("m_nFlags"),
		u32s("reserved", 63)}},
	{sdk: "SteamNetConnectionRealTimeStatus_t", members: []member{i32("m_eState"), i32("m_nPing"), f32("m_flConnectionQualityLocal"),
		f32("m_flConnectionQualityRemote"), f32("m_flOutPacketsPerSec"), f32("m_flOutBytesPerSec"), f32("m_flInPacketsPerSec"),
		f32("m_flInBytesPerSec"), i32("m_nSendRateBytesPerSecond"), i32("m_cbPendingUnreliable"), i32("m_cbPendingReliable"),
		i32("m_cbSentUnackedReliable"), u64("m_usecQueueTime"), u32s("reserved", 16)}},
	{sdk: "SteamNetConnectionRealTimeLaneStatus_t", members: []member{i32("m_cbPendingUnreliable"), i32("m_cbPendingReliable"),
		i32("m_cbSentUnackedReliable"), i32("_reservePad1"), u64("m_usecQueueTime"), u32s("reserved", 10)}},
	{sdk: "P2PSessionState_t", members: []member{flag("m_bConnectionActive"), flag("m_bConnecting"), flag("m_eP2PSessionError"),
		flag("m_bUsingRelay"), i32("m_nBytesQueuedForSend"), i32("m_nPacketsQueuedForSend"), u32("m_nRemoteIP"), u16("m_nRemotePort")}},
}

// The callbacks whose structs a call also fills (GetAuthenticationStatus, GetRelayNetworkStatus).
const (
	idNetAuthenticationStatus = 1222
	idRelayNetworkStatus      = 1281
)

// connectionInfoAlign is SteamNetConnectionInfo_t's own alignment: its int64 m_nUserData's.
const connectionInfoAlign = 8

// netCallbackRows are the networking callbacks, appended to callbackRows.
var netCallbackRows = []callback{
	{id: 1221, sdk: "SteamNetConnectionStatusChangedCallback_t",
		members: []member{u32("m_hConn"), nested("m_info", connectionInfoSize, connectionInfoAlign), i32("m_eOldState")},
		decode: func(r *record) steam.Event {
			return steam.ConnectionStatusChanged{Conn: steam.NetConnection(r.u32("m_hConn")), Info: r.connectionInfo("m_info"),
				OldState: steam.ConnectionState(r.i32("m_eOldState"))}
		}},
	{id: idNetAuthenticationStatus, sdk: "SteamNetAuthenticationStatus_t",
		members: []member{i32("m_eAvail"), chars("m_debugMsg", 256)},
		decode: func(r *record) steam.Event {
			return steam.NetAuthenticationStatus{Available: steam.NetworkingAvailability(r.i32("m_eAvail")), Debug: r.cstr("m_debugMsg")}
		}},
	{id: idRelayNetworkStatus, sdk: "SteamRelayNetworkStatus_t",
		members: []member{i32("m_eAvail"), i32("m_bPingMeasurementInProgress"), i32("m_eAvailNetworkConfig"), i32("m_eAvailAnyRelay"),
			chars("m_debugMsg", 256)},
		decode: func(r *record) steam.Event { return decodeRelayStatus(r) }},
	{id: 1251, sdk: "SteamNetworkingMessagesSessionRequest_t", pack: 1,
		members: []member{nested("m_identityRemote", identitySize, 1)},
		decode: func(r *record) steam.Event {
			return steam.MessagesSessionRequest{Remote: r.identity("m_identityRemote")}
		}},
	{id: 1252, sdk: "SteamNetworkingMessagesSessionFailed_t", pack: 1,
		members: []member{nested("m_info", connectionInfoSize, connectionInfoAlign)},
		decode:  func(r *record) steam.Event { return steam.MessagesSessionFailed{Info: r.connectionInfo("m_info")} }},
	{id: 1202, sdk: "P2PSessionRequest_t",
		members: []member{steamID("m_steamIDRemote")},
		decode:  func(r *record) steam.Event { return steam.P2PSessionRequest{Remote: r.steamID("m_steamIDRemote")} }},
	{id: 1203, sdk: "P2PSessionConnectFail_t",
		members: []member{steamID("m_steamIDRemote"), flag("m_eP2PSessionError")},
		decode: func(r *record) steam.Event {
			return steam.P2PSessionConnectFail{Remote: r.steamID("m_steamIDRemote"),
				Error: steam.P2PSessionError(r.at("m_eP2PSessionError", 1)[0])}
		}},
}

// The networking structs at the platform's packing, for the decoders and the calls.
var (
	identityRow       = callStruct("SteamNetworkingIdentity")
	ipAddrRow         = callStruct("SteamNetworkingIPAddr")
	connectionInfoRow = callStruct("SteamNetConnectionInfo_t")
	realTimeStatusRow = callStruct("SteamNetConnectionRealTimeStatus_t")
	laneStatusRow     = callStruct("SteamNetConnectionRealTimeLaneStatus_t")
	p2pSessionRow     = callStruct("P2PSessionState_t")
)

// identity reads a SteamNetworkingIdentity member: its Steam ID, or 0 for an identity of another
// kind (an IP address, a generic string...), as GodotSteam's getSteamIDFromIdentity does.
func (r *record) identity(name string) steam.SteamID {
	id := r.sub(name, &identityRow)
	if id.i32("m_eType") != identityTypeSteamID {
		return 0
	}
	return id.steamID("m_steamID64")
}

// ipAddr reads a SteamNetworkingIPAddr member: an IPv4-mapped address as IPv4, and none (::, port
// 0: Steam's Clear()) as the zero AddrPort.
func (r *record) ipAddr(name string) netip.AddrPort {
	a := r.sub(name, &ipAddrRow)
	ip := netip.AddrFrom16([16]byte(a.at("m_ipv6", 16))).Unmap()
	port := a.u16("m_port")
	if ip.IsUnspecified() && port == 0 {
		return netip.AddrPort{}
	}
	return netip.AddrPortFrom(ip, port)
}

// connectionInfo reads a SteamNetConnectionInfo_t member.
func (r *record) connectionInfo(name string) steam.ConnectionInfo {
	return decodeConnectionInfo(r.sub(name, &connectionInfoRow))
}

func decodeConnectionInfo(r *record) steam.ConnectionInfo {
	return steam.ConnectionInfo{
		Identity:      r.identity("m_identityRemote"),
		UserData:      int64(r.u64("m_nUserData")),
		ListenSocket:  steam.ListenSocket(r.u32("m_hListenSocket")),
		RemoteAddress: r.ipAddr("m_addrRemote"),
		RemotePOP:     r.u32("m_idPOPRemote"),
		RelayPOP:      r.u32("m_idPOPRelay"),
		State:         steam.ConnectionState(r.i32("m_eState")),
		EndReason:     steam.ConnectionEnd(r.i32("m_eEndReason")),
		EndDebug:      r.cstr("m_szEndDebug"),
		Description:   r.cstr("m_szConnectionDescription"),
		Flags:         r.i32("m_nFlags"),
	}
}

func decodeRelayStatus(r *record) steam.RelayNetworkStatus {
	return steam.RelayNetworkStatus{Available: steam.NetworkingAvailability(r.i32("m_eAvail")),
		PingMeasurementInProgress: r.i32("m_bPingMeasurementInProgress") != 0,
		AvailableNetworkConfig:    steam.NetworkingAvailability(r.i32("m_eAvailNetworkConfig")),
		AvailableAnyRelay:         steam.NetworkingAvailability(r.i32("m_eAvailAnyRelay")), Debug: r.cstr("m_debugMsg")}
}

func decodeRealTimeStatus(r *record) steam.ConnectionStatus {
	return steam.ConnectionStatus{State: steam.ConnectionState(r.i32("m_eState")), Ping: r.i32("m_nPing"),
		QualityLocal: r.f32("m_flConnectionQualityLocal"), QualityRemote: r.f32("m_flConnectionQualityRemote"),
		OutPacketsPerSec: r.f32("m_flOutPacketsPerSec"), OutBytesPerSec: r.f32("m_flOutBytesPerSec"),
		InPacketsPerSec: r.f32("m_flInPacketsPerSec"), InBytesPerSec: r.f32("m_flInBytesPerSec"),
		SendRateBytesPerSec: r.i32("m_nSendRateBytesPerSecond"), PendingUnreliable: r.i32("m_cbPendingUnreliable"),
		PendingReliable: r.i32("m_cbPendingReliable"), SentUnackedReliable: r.i32("m_cbSentUnackedReliable"),
		QueueTime: int64(r.u64("m_usecQueueTime"))}
}

func decodeLaneStatus(r *record) steam.LaneStatus {
	return steam.LaneStatus{PendingUnreliable: r.i32("m_cbPendingUnreliable"), PendingReliable: r.i32("m_cbPendingReliable"),
		SentUnackedReliable: r.i32("m_cbSentUnackedReliable"), QueueTime: int64(r.u64("m_usecQueueTime"))}
}

func decodeP2PSessionState(r *record) steam.P2PSessionState {
	return steam.P2PSessionState{ConnectionActive: r.bool("m_bConnectionActive"), Connecting: r.bool("m_bConnecting"),
		SessionError: steam.P2PSessionError(r.at("m_eP2PSessionError", 1)[0]), UsingRelay: r.bool("m_bUsingRelay"),
		BytesQueuedForSend: r.i32("m_nBytesQueuedForSend"), PacketsQueuedForSend: r.i32("m_nPacketsQueuedForSend"),
		RemoteIP: r.u32("m_nRemoteIP"), RemotePort: r.u16("m_nRemotePort")}
}

// filled decodes the struct a call filled into buf (row.size bytes, made for the row).
func filled[T any](row *callback, buf []byte, decode func(*record) T) T {
	return decode(&record{p: buf[:row.size], c: row})
}
