package steamworks

// flat is libsteam_api.so as the backend calls it: one method per C signature shape (see shape),
// each given the symbol to call. The cgo implementation calls the resolved function through the
// trampoline of that shape; tests use a fake that records calls and checks that the symbol's
// shape in the table is the shape called. Go memory passed in (strings, buffers, out values) is
// only used for the length of the call: C keeps no Go pointer.
//
// The shapes whose first argument is p are ISteamGameServer methods: the implementation passes the
// interface pointer from the last call of self, so the backend never handles it.
type flat interface {
	// init calls SteamInternal_GameServer_Init_V2 and returns its ESteamAPIInitResult and message.
	init(s sym, ip uint32, gamePort, queryPort uint16, mode int32, version, interfaces string) (status int32, message string)
	// self calls an accessor returning the interface pointer and keeps it for the _p methods;
	// false when it returned NULL.
	self(s sym) bool

	v(s sym)
	vI32(s sym, a int32)
	i32(s sym) int32
	// nextCallback calls GetNextCallback; param is a copy of the callback's struct.
	nextCallback(s sym, pipe int32) (id int32, param []byte, ok bool)
	// apiCallResult calls GetAPICallResult into a buffer of size bytes.
	apiCallResult(s sym, pipe int32, call uint64, size int, id int32) (result []byte, failed, ok bool)

	vP(s sym)
	vPS(s sym, a string)
	vPSS(s sym, a, b string)
	vPB(s sym, a bool)
	vPI32(s sym, a int32)
	vPU16(s sym, a uint16)
	vPU32(s sym, a uint32)
	vPU64(s sym, a uint64)
	bP(s sym) bool
	u64P(s sym) uint64
	u64PU64(s sym, a uint64) uint64
	// ipP returns SteamIPAddress_t's type and its 16 bytes (IPv4 host order in the first 4, native endian).
	ipP(s sym) (typ int32, addr [16]byte)
	// u32PPI32PP is GetAuthSessionTicket(buf, len(buf), &size, identity): a SteamNetworkingIdentity,
	// or NULL when identity is empty.
	u32PPI32PP(s sym, buf, identity []byte) (handle uint32, size uint32)
	i32PPI32U64(s sym, data []byte, a uint64) int32
	i32PU64U32(s sym, a uint64, b uint32) int32
	bPU64U64(s sym, a, b uint64) bool
	bPPI32U32U16(s sym, data []byte, ip uint32, port uint16) bool
	// i32PPI32PP is GetNextOutgoingPacket(buf, len(buf), &ip, &port).
	i32PPI32PP(s sym, buf []byte) (n int32, ip uint32, port uint16)
	// bPU32PU32P is SendUserConnectAndAuthenticate(ip, blob, len(blob), &id): id in, Steam's ID of
	// the user out.
	bPU32PU32P(s sym, ip uint32, blob []byte, id uint64) (ok bool, user uint64)
	bPU64SU32(s sym, a uint64, b string, c uint32) bool

	// selfStats calls the ISteamGameServerStats accessor and keeps the pointer for the _q methods.
	selfStats(s sym) bool
	u64QU64(s sym, a uint64) uint64
	bQU64S(s sym, a uint64, name string) bool
	// The Get calls return Steam's bool and the value it wrote (0 when it wrote none).
	bQU64SPI32(s sym, a uint64, name string) (bool, int32)
	bQU64SPF32(s sym, a uint64, name string) (bool, float32)
	bQU64SPB(s sym, a uint64, name string) (bool, bool)
	bQU64SI32(s sym, a uint64, name string, v int32) bool
	bQU64SF32(s sym, a uint64, name string, v float32) bool
	bQU64SF32F64(s sym, a uint64, name string, v float32, w float64) bool

	ugcFlat       // flat_ugc.go
	httpFlat      // ISteamHTTP (http_flat.go)
	utilsFlat     // ISteamUtils (utils.go)
	inventoryFlat // flat_inventory.go
	netFlat       // the networking (net_flat.go)
}
