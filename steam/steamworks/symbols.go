package steamworks

// shape is the C signature of a flat-API function, named as its C trampoline is (sw_<shape> in
// flat_cgo.go): the return type, then each argument. v void, b bool, i32/u16/u32/u64 integers,
// s a NUL-terminated string, p a pointer (the first p of an ISteamGameServer method is the
// interface itself, as q is ISteamGameServerStats, w ISteamUGC and n ISteamInventory), sa a
// SteamParamStringArray_t*, ip the SteamIPAddress_t returned by value, msg a CallbackMsg_t*.
type shape string

const (
	shapeV               shape = "v"                         // void f(void)
	shapeVI32            shape = "v_i32"                     // void f(int32)
	shapeI32             shape = "i32"                       // int32 f(void)
	shapeP               shape = "p"                         // void *f(void)
	shapeInit            shape = "i32_u32_u16_u16_i32_s_s_p" // the game-server init
	shapeBI32Msg         shape = "b_i32_msg"                 // bool f(pipe, CallbackMsg_t *)
	shapeBI32U64PI32I32P shape = "b_i32_u64_p_i32_i32_p"     // bool f(pipe, call, buf, size, id, bool *failed)

	shapeVP           shape = "v_p"
	shapeVPS          shape = "v_p_s"
	shapeVPSS         shape = "v_p_s_s"
	shapeVPB          shape = "v_p_b"
	shapeVPI32        shape = "v_p_i32"
	shapeVPU16        shape = "v_p_u16"
	shapeVPU32        shape = "v_p_u32"
	shapeVPU64        shape = "v_p_u64"
	shapeBP           shape = "b_p"
	shapeU64P         shape = "u64_p"
	shapeU64PU64      shape = "u64_p_u64"
	shapeIPP          shape = "ip_p"
	shapeU32PPI32PP   shape = "u32_p_p_i32_p_p"   // GetAuthSessionTicket
	shapeI32PPI32U64  shape = "i32_p_p_i32_u64"   // BeginAuthSession
	shapeI32PU64U32   shape = "i32_p_u64_u32"     // UserHasLicenseForApp
	shapeBPU64U64     shape = "b_p_u64_u64"       // RequestUserGroupStatus
	shapeBPPI32U32U16 shape = "b_p_p_i32_u32_u16" // HandleIncomingPacket
	shapeI32PPI32PP   shape = "i32_p_p_i32_p_p"   // GetNextOutgoingPacket
	shapeBPU32PU32P   shape = "b_p_u32_p_u32_p"   // SendUserConnectAndAuthenticate_DEPRECATED
	shapeBPU64SU32    shape = "b_p_u64_s_u32"     // BUpdateUserData

	// ISteamGameServerStats methods: q is that interface (selfStats), as p is ISteamGameServer.
	shapeU64QU64      shape = "u64_q_u64"         // RequestUserStats, StoreUserStats
	shapeBQU64S       shape = "b_q_u64_s"         // SetUserAchievement, ClearUserAchievement
	shapeBQU64SPI32   shape = "b_q_u64_s_pi32"    // GetUserStatInt32 (int32 *out)
	shapeBQU64SPF32   shape = "b_q_u64_s_pf32"    // GetUserStatFloat (float *out)
	shapeBQU64SPB     shape = "b_q_u64_s_pb"      // GetUserAchievement (bool *out)
	shapeBQU64SI32    shape = "b_q_u64_s_i32"     // SetUserStatInt32
	shapeBQU64SF32    shape = "b_q_u64_s_f32"     // SetUserStatFloat
	shapeBQU64SF32F64 shape = "b_q_u64_s_f32_f64" // UpdateUserAvgRateStat

	// ISteamUGC methods: w is that interface (selfUGC). pu64, pu32, pi32 are out values.
	shapeVWB                       shape = "v_w_b"                             // SuspendDownloads
	shapeBWU32S                    shape = "b_w_u32_s"                         // BInitWorkshopForGameServer
	shapeBWU64                     shape = "b_w_u64"                           // ReleaseQueryUGCRequest
	shapeBWU64B                    shape = "b_w_u64_b"                         // SetReturn*, SetMatchAnyTag, SetAdminQuery, DownloadItem
	shapeBWU64S                    shape = "b_w_u64_s"                         // AddRequiredTag, SetSearchText...
	shapeBWU64SS                   shape = "b_w_u64_s_s"                       // AddRequiredKeyValueTag, SetRequiredGameVersions
	shapeBWU64U32                  shape = "b_w_u64_u32"                       // SetAllowCachedResponse, SetRankedByTrendDays...
	shapeBWU64U32U32               shape = "b_w_u64_u32_u32"                   // SetTime*DateRange
	shapeBWU64SA                   shape = "b_w_u64_sa"                        // AddRequiredTagGroup (const SteamParamStringArray_t *)
	shapeU32W                      shape = "u32_w"                             // GetNumSubscribedItems
	shapeU32WU64                   shape = "u32_w_u64"                         // GetItemState
	shapeU32WU64U32                shape = "u32_w_u64_u32"                     // GetQueryUGCNum*
	shapeU64WU64                   shape = "u64_w_u64"                         // SendQueryUGCRequest
	shapeU64WPU32                  shape = "u64_w_p_u32"                       // CreateQueryUGCDetailsRequest
	shapeU64WI32I32U32U32U32       shape = "u64_w_i32_i32_u32_u32_u32"         // CreateQueryAllUGCRequestPage
	shapeU64WU32I32I32I32U32U32U32 shape = "u64_w_u32_i32_i32_i32_u32_u32_u32" // CreateQueryUserUGCRequest
	shapeBWU64U32P                 shape = "b_w_u64_u32_p"                     // GetQueryUGCResult
	shapeBWU64U32PU32              shape = "b_w_u64_u32_p_u32"                 // GetQueryUGCPreviewURL, Metadata, Children
	shapeBWU64U32U32PU32           shape = "b_w_u64_u32_u32_p_u32"             // GetQueryUGCTag, TagDisplayName
	shapeBWU64U32U32PU32PU32       shape = "b_w_u64_u32_u32_p_u32_p_u32"       // GetQueryUGCKeyValueTag
	shapeBWU64U32U32PU32PU32PI32   shape = "b_w_u64_u32_u32_p_u32_p_u32_pi32"  // GetQueryUGCAdditionalPreview
	shapeBWU64U32U32PPU32          shape = "b_w_u64_u32_u32_p_p_u32"           // GetSupportedGameVersionData
	shapeBWU64U32I32PU64           shape = "b_w_u64_u32_i32_pu64"              // GetQueryUGCStatistic
	shapeU32WU64U32PU32            shape = "u32_w_u64_u32_p_u32"               // GetQueryUGCContentDescriptors
	shapeU32WPU32                  shape = "u32_w_p_u32"                       // GetSubscribedItems
	shapeBWU64PU64PU64             shape = "b_w_u64_pu64_pu64"                 // GetItemDownloadInfo
	shapeBWU64PU64PU32PU32         shape = "b_w_u64_pu64_p_u32_pu32"           // GetItemInstallInfo
)

// sym indexes symbols.
type sym int

// symbol is one function of libsteam_api.so the backend calls.
type symbol struct {
	name  string
	shape shape
}

// gs is the flat name of an ISteamGameServer method.
const gs = "SteamAPI_ISteamGameServer_"

// symbols is every function the backend calls, all resolved when the library is loaded: a library
// that lacks one is refused before anything is called. Each is declared beside the code that calls
// it, with fn or method; the setters of steam.Fields come from their rows (setters.go).
var symbols []symbol

// fn declares a function of the library the backend calls, by its exported name and C signature.
func fn(name string, sh shape) sym {
	symbols = append(symbols, symbol{name, sh})
	return sym(len(symbols) - 1)
}

// method declares an ISteamGameServer method, by its name in the interface.
func method(name string, sh shape) sym { return fn(gs+name, sh) }

// gss is the flat name prefix of an ISteamGameServerStats method.
const gss = "SteamAPI_ISteamGameServerStats_"

// statsMethod declares an ISteamGameServerStats method, by its name in the interface.
func statsMethod(name string, sh shape) sym { return fn(gss+name, sh) }

// gsu is the flat name prefix of an ISteamUGC method (the game server's: SteamGameServerUGC).
const gsu = "SteamAPI_ISteamUGC_"

// ugcMethod declares an ISteamUGC method, by its name in the interface.
func ugcMethod(name string, sh shape) sym { return fn(gsu+name, sh) }

// gsi is the flat name prefix of an ISteamInventory method (the game server's: SteamGameServerInventory).
const gsi = "SteamAPI_ISteamInventory_"

// inventoryMethod declares an ISteamInventory method, by its flat name in the interface.
func inventoryMethod(name string, sh shape) sym { return fn(gsi+name, sh) }

// interfaceVersions is the list SteamInternal_GameServer_Init_V2 checks steamclient.so against:
// each interface this backend uses, NUL-terminated, then an empty one (the NUL cstr appends after
// it is never read).
const interfaceVersions = "SteamGameServer015\x00SteamGameServerStats001\x00STEAMUGC_INTERFACE_VERSION020\x00STEAMHTTP_INTERFACE_VERSION003\x00SteamUtils010\x00STEAMINVENTORY_INTERFACE_V003\x00" +
	"SteamNetworkingSockets012\x00SteamNetworkingMessages002\x00SteamNetworking006\x00SteamNetworkingUtils004\x00\x00"

// SymbolNames lists every symbol the backend resolves, in table order.
func SymbolNames() []string {
	names := make([]string, len(symbols))
	for i, s := range symbols {
		names[i] = s.name
	}
	return names
}
