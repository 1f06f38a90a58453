package steamworks

import "github.com/gosteam/godot-steam-server/steam"

// netFlat is the networking's part of flat: the cgo trampolines in net_flat_cgo.go, the tests' fake
// in fake_net_test.go. The self letter of a shape names the interface passed first, from the last
// call of its accessor: k ISteamNetworkingSockets, m ISteamNetworkingMessages, o ISteamNetworking
// (the old P2P calls), t ISteamNetworkingUtils, all the game server's but the Utils, which Steam
// shares. The structs' own flat helpers take the struct first: y a SteamNetworkingIdentity*, a a
// SteamNetworkingIPAddr*, g a SteamNetworkingMessage_t*. Buffers are Go memory C only uses during
// the call (a nil identity is NULL); msgs is a SteamNetworkingMessage_t** the messages are received
// into; pu32, pu64, pi32, pi64 and psz are out values.
type netFlat interface {
	selfSockets(s sym) bool
	selfMessages(s sym) bool
	selfP2P(s sym) bool
	selfNetUtils(s sym) bool
	// selfNetUtilsOf is SteamInternal_FindOrCreateGameServerInterface(user, version) (p_i32_s) as
	// the Utils: the SDK's own fallback when the shared accessor finds no client instance.
	selfNetUtilsOf(s sym, user int32, version string) bool

	vYU64(s sym, identity []byte, id uint64) // SteamNetworkingIdentity_SetSteamID64
	u64Y(s sym, identity []byte) uint64      // SteamNetworkingIdentity_GetSteamID64
	bAS(s sym, addr []byte, text string) bool
	vAPU32B(s sym, addr, out []byte, withPort bool) // SteamNetworkingIPAddr_ToString
	// releaseMessages calls SteamNetworkingMessage_t_Release (v_g) on each message.
	releaseMessages(s sym, msgs []uintptr)

	u32KPI32P(s sym, addr []byte, opts []steam.ConfigOption) uint32
	u32KI32I32P(s sym, port int32, opts []steam.ConfigOption) uint32
	u32KPI32I32P(s sym, identity []byte, port int32, opts []steam.ConfigOption) uint32
	i32KU32(s sym, h uint32) int32
	bKU32I32SB(s sym, h uint32, reason int32, debug string, linger bool) bool
	bKU32(s sym, h uint32) bool
	bKU32I64(s sym, h uint32, v int64) bool
	i64KU32(s sym, h uint32) int64
	vKU32S(s sym, h uint32, text string)
	bKU32PI32(s sym, h uint32, buf []byte) bool
	i32KU32PU32I32PI64(s sym, h uint32, data []byte, flags int32) (result int32, number int64)
	// sendMessages allocates each message with AllocateMessage (p_t_i32), copies its payload into it
	// and hands them all to SendMessages (v_k_i32_p_p), which owns them from then on.
	sendMessages(alloc, send sym, msgs []steam.OutgoingMessage, results []int64)
	// i32KU32Msgs and i32MI32Msgs receive up to max messages and append them to b (Native holds
	// Steam's pointers, Data points at Steam's payload); they return Steam's count.
	i32KU32Msgs(s sym, h uint32, max int, b *steam.MessageBatch) int
	bKU32P(s sym, h uint32, buf []byte) bool
	i32KU32PI32P(s sym, h uint32, status, lanes []byte, nLanes int32) int32
	i32KU32PI32(s sym, h uint32, buf []byte) int32
	bKPU32PU32BPP(s sym, loopback bool, id1, id2 []byte) (ok bool, c1, c2 uint32)
	i32KU32I32PP(s sym, h uint32, priorities []int32, weights []uint16) int32
	bKP(s sym, buf []byte) bool
	i32K(s sym) int32
	i32KP(s sym, buf []byte) int32
	u32K(s sym) uint32
	bKU32U32(s sym, a, b uint32) bool
	u16K(s sym) uint16
	vKP(s sym, identity []byte)
	vK(s sym)

	i32MPPU32I32I32(s sym, identity, data []byte, flags, channel int32) int32
	i32MI32Msgs(s sym, channel int32, max int, b *steam.MessageBatch) int
	bMP(s sym, identity []byte) bool
	bMPI32(s sym, identity []byte, channel int32) bool
	i32MPPP(s sym, identity, info, status []byte) int32

	bOU64PU32I32I32(s sym, id uint64, data []byte, sendType, channel int32) bool
	bOPU32I32(s sym, channel int32) (ok bool, size uint32)
	bOPU32PU32PU64I32(s sym, buf []byte, channel int32) (ok bool, size uint32, remote uint64)
	bOU64(s sym, id uint64) bool
	bOU64I32(s sym, id uint64, channel int32) bool
	bOU64P(s sym, id uint64, buf []byte) bool
	bOB(s sym, a bool) bool

	i64T(s sym) int64
	vT(s sym)
	i32TP(s sym, buf []byte) int32
	f32TP(s sym, buf []byte) float32
	i32TPP(s sym, a, b []byte) int32
	vTPPI32(s sym, loc, out []byte)
	bTSP(s sym, text string, loc []byte) bool
	bTF32(s sym, v float32) bool
	i32TU32PU32(s sym, pop uint32) (int32, uint32)
	i32TU32(s sym, pop uint32) int32
	i32T(s sym) int32
	i32TPI32(s sym, list []uint32) int32
	// bTI32I32IptrI32P is SetConfigValue: arg is the value's bytes, or the NUL-terminated string.
	bTI32I32IptrI32P(s sym, value, scope int32, obj int64, dataType int32, arg []byte) bool
	// i32TI32I32IptrPI32PPsz is GetConfigValue into buf: the result, the value's type and its size.
	i32TI32I32IptrPI32PPsz(s sym, value, scope int32, obj int64, buf []byte) (result, dataType int32, size int)
	sTI32PI32PI32(s sym, value int32) (name string, dataType, scope int32)
}

// The networking shapes (see netFlat for the letters).
const (
	shapePI32S                  shape = "p_i32_s" // SteamInternal_FindOrCreateGameServerInterface
	shapeVYU64                  shape = "v_y_u64"
	shapeU64Y                   shape = "u64_y"
	shapeBAS                    shape = "b_a_s"
	shapeVAPU32B                shape = "v_a_p_u32_b"
	shapeVG                     shape = "v_g"
	shapeU32KPI32P              shape = "u32_k_p_i32_p"     // CreateListenSocketIP, ConnectByIPAddress
	shapeU32KI32I32P            shape = "u32_k_i32_i32_p"   // CreateListenSocketP2P, CreateHostedDedicatedServerListenSocket
	shapeU32KPI32I32P           shape = "u32_k_p_i32_i32_p" // ConnectP2P, ConnectToHostedDedicatedServer
	shapeI32KU32                shape = "i32_k_u32"         // AcceptConnection, FlushMessagesOnConnection
	shapeBKU32I32SB             shape = "b_k_u32_i32_s_b"   // CloseConnection
	shapeBKU32                  shape = "b_k_u32"           // CloseListenSocket, DestroyPollGroup
	shapeBKU32I64               shape = "b_k_u32_i64"       // SetConnectionUserData
	shapeI64KU32                shape = "i64_k_u32"         // GetConnectionUserData
	shapeVKU32S                 shape = "v_k_u32_s"         // SetConnectionName
	shapeBKU32PI32              shape = "b_k_u32_p_i32"     // GetConnectionName
	shapeI32KU32PU32I32PI64     shape = "i32_k_u32_p_u32_i32_pi64"
	shapeVKI32PP                shape = "v_k_i32_p_p"           // SendMessages
	shapePTI32                  shape = "p_t_i32"               // AllocateMessage
	shapeI32KU32MsgsI32         shape = "i32_k_u32_msgs_i32"    // ReceiveMessagesOnConnection, _OnPollGroup
	shapeBKU32P                 shape = "b_k_u32_p"             // GetConnectionInfo, GetListenSocketAddress
	shapeI32KU32PI32P           shape = "i32_k_u32_p_i32_p"     // GetConnectionRealTimeStatus
	shapeI32KU32PI32            shape = "i32_k_u32_p_i32"       // GetDetailedConnectionStatus
	shapeBKPU32PU32BPP          shape = "b_k_pu32_pu32_b_p_p"   // CreateSocketPair
	shapeI32KU32I32PP           shape = "i32_k_u32_i32_p_p"     // ConfigureConnectionLanes
	shapeBKP                    shape = "b_k_p"                 // GetIdentity
	shapeI32K                   shape = "i32_k"                 // InitAuthentication
	shapeI32KP                  shape = "i32_k_p"               // GetAuthenticationStatus
	shapeU32K                   shape = "u32_k"                 // CreatePollGroup, GetHostedDedicatedServerPOPID
	shapeBKU32U32               shape = "b_k_u32_u32"           // SetConnectionPollGroup
	shapeU16K                   shape = "u16_k"                 // GetHostedDedicatedServerPort
	shapeVKP                    shape = "v_k_p"                 // ResetIdentity
	shapeVK                     shape = "v_k"                   // RunCallbacks
	shapeI32MPPU32I32I32        shape = "i32_m_p_p_u32_i32_i32" // SendMessageToUser
	shapeI32MI32MsgsI32         shape = "i32_m_i32_msgs_i32"    // ReceiveMessagesOnChannel
	shapeBMP                    shape = "b_m_p"                 // AcceptSessionWithUser, CloseSessionWithUser
	shapeBMPI32                 shape = "b_m_p_i32"             // CloseChannelWithUser
	shapeI32MPPP                shape = "i32_m_p_p_p"           // GetSessionConnectionInfo
	shapeBOU64PU32I32I32        shape = "b_o_u64_p_u32_i32_i32" // SendP2PPacket
	shapeBOPU32I32              shape = "b_o_pu32_i32"          // IsP2PPacketAvailable
	shapeBOPU32PU32PU64I32      shape = "b_o_p_u32_pu32_pu64_i32"
	shapeBOU64                  shape = "b_o_u64"
	shapeBOU64I32               shape = "b_o_u64_i32"
	shapeBOU64P                 shape = "b_o_u64_p" // GetP2PSessionState
	shapeBOB                    shape = "b_o_b"     // AllowP2PPacketRelay
	shapeI64T                   shape = "i64_t"
	shapeVT                     shape = "v_t"
	shapeI32TP                  shape = "i32_t_p"
	shapeF32TP                  shape = "f32_t_p"
	shapeI32TPP                 shape = "i32_t_p_p"
	shapeVTPPI32                shape = "v_t_p_p_i32"
	shapeBTSP                   shape = "b_t_s_p"
	shapeBTF32                  shape = "b_t_f32"
	shapeI32TU32PU32            shape = "i32_t_u32_pu32"
	shapeI32TU32                shape = "i32_t_u32"
	shapeI32T                   shape = "i32_t"
	shapeI32TPI32               shape = "i32_t_p_i32"
	shapeBTI32I32IptrI32P       shape = "b_t_i32_i32_iptr_i32_p"
	shapeI32TI32I32IptrPI32PPsz shape = "i32_t_i32_i32_iptr_pi32_p_psz"
	shapeSTI32PI32PI32          shape = "s_t_i32_pi32_pi32"
)

// The flat name prefixes of the four interfaces.
const (
	gnsock = "SteamAPI_ISteamNetworkingSockets_"
	gnmsg  = "SteamAPI_ISteamNetworkingMessages_"
	gnp2p  = "SteamAPI_ISteamNetworking_"
	gnutil = "SteamAPI_ISteamNetworkingUtils_"
)

func socketsMethod(name string, sh shape) sym  { return fn(gnsock+name, sh) }
func messagesMethod(name string, sh shape) sym { return fn(gnmsg+name, sh) }
func p2pMethod(name string, sh shape) sym      { return fn(gnp2p+name, sh) }
func netUtilsMethod(name string, sh shape) sym { return fn(gnutil+name, sh) }
