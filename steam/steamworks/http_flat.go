package steamworks

// httpFlat is ISteamHTTP's flat calls, part of flat: the h shapes pass the interface pointer from
// the last selfHTTP (SteamAPI_SteamGameServerHTTP_v003), as the p shapes pass ISteamGameServer's.
// Buffers are Go memory C only uses during the call; the out values are Steam's (0 when it wrote none).
type httpFlat interface {
	selfHTTP(s sym) bool
	u32HI32S(s sym, a int32, b string) uint32 // CreateHTTPRequest
	u32HB(s sym, a bool) uint32               // CreateCookieContainer
	bHU32(s sym, h uint32) bool
	bHU32U32(s sym, h, a uint32) bool
	bHU32U64(s sym, h uint32, a uint64) bool
	bHU32B(s sym, h uint32, a bool) bool
	bHU32S(s sym, h uint32, a string) bool
	bHU32SS(s sym, h uint32, a, b string) bool
	bHU32SSS(s sym, h uint32, a, b, c string) bool
	bHU32PU64(s sym, h uint32) (bool, uint64)              // SendHTTPRequest*: the SteamAPICall_t
	bHU32PU32(s sym, h uint32) (bool, uint32)              // GetHTTPResponseBodySize
	bHU32SPU32(s sym, h uint32, a string) (bool, uint32)   // GetHTTPResponseHeaderSize
	bHU32SPBuf(s sym, h uint32, a string, buf []byte) bool // GetHTTPResponseHeaderValue, SetHTTPRequestRawPostBody
	bHU32PBuf(s sym, h uint32, buf []byte) bool            // GetHTTPResponseBodyData
	bHU32U32PBuf(s sym, h, a uint32, buf []byte) bool      // GetHTTPStreamingResponseBodyData
	bHU32PF32(s sym, h uint32) (bool, float32)             // GetHTTPDownloadProgressPct
	bHU32PB(s sym, h uint32) (bool, bool)                  // GetHTTPRequestWasTimedOut
}

// The shapes of ISteamHTTP's methods: h is the interface (selfHTTP), buffers are a pointer and
// their uint32 length.
const (
	shapeU32HI32S    shape = "u32_h_i32_s"
	shapeU32HB       shape = "u32_h_b"
	shapeBHU32       shape = "b_h_u32"
	shapeBHU32U32    shape = "b_h_u32_u32"
	shapeBHU32U64    shape = "b_h_u32_u64"
	shapeBHU32B      shape = "b_h_u32_b"
	shapeBHU32S      shape = "b_h_u32_s"
	shapeBHU32SS     shape = "b_h_u32_s_s"
	shapeBHU32SSS    shape = "b_h_u32_s_s_s"
	shapeBHU32PU64   shape = "b_h_u32_pu64"
	shapeBHU32PU32   shape = "b_h_u32_pu32"
	shapeBHU32SPU32  shape = "b_h_u32_s_pu32"
	shapeBHU32SPBuf  shape = "b_h_u32_s_p_u32"
	shapeBHU32PBuf   shape = "b_h_u32_p_u32"
	shapeBHU32U32PBf shape = "b_h_u32_u32_p_u32"
	shapeBHU32PF32   shape = "b_h_u32_pf32"
	shapeBHU32PB     shape = "b_h_u32_pb"
)

// ghttp is the flat name prefix of an ISteamHTTP method.
const ghttp = "SteamAPI_ISteamHTTP_"

// httpMethod declares an ISteamHTTP method, by its name in the interface.
func httpMethod(name string, sh shape) sym { return fn(ghttp+name, sh) }
