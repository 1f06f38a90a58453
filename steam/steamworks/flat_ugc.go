package steamworks

// ugcFlat is the ISteamUGC part of flat (the game server's, from SteamGameServerUGC): the shapes
// whose first argument is w take the interface pointer kept by the last selfUGC, as p shapes take
// ISteamGameServer's. Out strings are written into the buffers given, whose length is the size
// argument Steam gets; the backend decodes them NUL-bounded. Out numbers are returned, 0 when Steam
// wrote none.
type ugcFlat interface {
	// selfUGC calls the SteamGameServerUGC accessor and keeps the pointer for the _w methods.
	selfUGC(s sym) bool

	vWB(s sym, a bool)
	bWU32S(s sym, a uint32, b string) bool
	bWU64(s sym, a uint64) bool
	bWU64B(s sym, a uint64, b bool) bool
	bWU64S(s sym, a uint64, b string) bool
	bWU64SS(s sym, a uint64, b, c string) bool
	bWU64U32(s sym, a uint64, b uint32) bool
	bWU64U32U32(s sym, a uint64, b, c uint32) bool
	// bWU64SA passes strs as a SteamParamStringArray_t (AddRequiredTagGroup).
	bWU64SA(s sym, a uint64, strs []string) bool
	u32W(s sym) uint32
	u32WU64(s sym, a uint64) uint32
	u32WU64U32(s sym, a uint64, b uint32) uint32
	u64WU64(s sym, a uint64) uint64
	// u64WPU32 passes ids as a PublishedFileId_t array and its length (CreateQueryUGCDetailsRequest).
	u64WPU32(s sym, ids []uint64) uint64
	u64WI32I32U32U32U32(s sym, a, b int32, c, d, e uint32) uint64
	u64WU32I32I32I32U32U32U32(s sym, a uint32, b, c, d int32, e, f, g uint32) uint64

	// bWU64U32P fills buf, a struct Steam writes (GetQueryUGCResult's SteamUGCDetails_t).
	bWU64U32P(s sym, a uint64, b uint32, buf []byte) bool
	bWU64U32PU32(s sym, a uint64, b uint32, buf []byte) bool
	// bWU64U32IDs is the same C shape with an array of len(ids) PublishedFileId_t (GetQueryUGCChildren).
	bWU64U32IDs(s sym, a uint64, b uint32, ids []uint64) bool
	bWU64U32U32PU32(s sym, a uint64, b, c uint32, buf []byte) bool
	bWU64U32U32PU32PU32(s sym, a uint64, b, c uint32, buf1, buf2 []byte) bool
	bWU64U32U32PU32PU32PI32(s sym, a uint64, b, c uint32, buf1, buf2 []byte) (bool, int32)
	// bWU64U32U32PPU32 gives both buffers the size of the shorter.
	bWU64U32U32PPU32(s sym, a uint64, b, c uint32, buf1, buf2 []byte) bool
	bWU64U32I32PU64(s sym, a uint64, b uint32, c int32) (bool, uint64)
	u32WU64U32PU32(s sym, a uint64, b uint32, out []int32) uint32
	u32WPU32(s sym, out []uint64) uint32
	bWU64PU64PU64(s sym, a uint64) (ok bool, x, y uint64)
	bWU64PU64PU32PU32(s sym, a uint64, buf []byte) (ok bool, x uint64, y uint32)
}
