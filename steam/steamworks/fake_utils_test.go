package steamworks

import "strings"

// fakeUtils is the fake library's game-server ISteamUtils: its answers, by symbol.
type fakeUtils struct {
	none   bool // SteamAPI_SteamGameServerUtils_v010 returns NULL
	has    bool
	u32s   map[sym]uint32
	str    map[sym]string
	u8     uint8
	bools  map[sym]bool
	failed bool  // IsAPICallCompleted's *pbFailed
	reason int32 // GetAPICallFailureReason
	width  uint32
	height uint32
	pixel  byte   // GetImageRGBA fills the buffer with it
	filter string // FilterText writes this (cut to the buffer) instead of the input, when set
}

// recordUtils records an ISteamUtils call and checks it is made through the interface.
func (f *fakeFlat) recordUtils(s sym, sh shape, format string, a ...any) {
	f.t.Helper()
	if !f.utils.has {
		f.t.Errorf("%s called without the game server's ISteamUtils", symbols[s].name)
	}
	if !strings.HasPrefix(symbols[s].name, gutils) {
		f.t.Errorf("%s called as an ISteamUtils method", symbols[s].name)
	}
	f.record(s, sh, format, a...)
}

func (f *fakeFlat) selfUtils(s sym) bool {
	f.record(s, shapeP, "")
	f.utils.has = !f.utils.none
	return f.utils.has
}

func (f *fakeFlat) u32U(s sym) uint32 { f.recordUtils(s, shapeU32U, ""); return f.utils.u32s[s] }
func (f *fakeFlat) u8U(s sym) uint8   { f.recordUtils(s, shapeU8U, ""); return f.utils.u8 }
func (f *fakeFlat) sU(s sym) string   { f.recordUtils(s, shapeSU, ""); return f.utils.str[s] }

func (f *fakeFlat) bUU32(s sym, a uint32) bool {
	f.recordUtils(s, shapeBUU32, "%d", a)
	return f.utils.bools[s]
}

func (f *fakeFlat) bUU64PB(s sym, call uint64) (bool, bool) {
	f.recordUtils(s, shapeBUU64PB, "%#x", call)
	return f.utils.bools[s], f.utils.failed
}

func (f *fakeFlat) i32UU64(s sym, call uint64) int32 {
	f.recordUtils(s, shapeI32UU64, "%#x", call)
	return f.utils.reason
}

func (f *fakeFlat) bUI32PU32PU32(s sym, image int32) (bool, uint32, uint32) {
	f.recordUtils(s, shapeBUI32PU32PU32, "%d", image)
	return f.utils.bools[s], f.utils.width, f.utils.height
}

func (f *fakeFlat) bUI32PI32(s sym, image int32, buf []byte) bool {
	f.recordUtils(s, shapeBUI32PI32, "%d, buf[%d]", image, len(buf))
	for i := range buf {
		buf[i] = f.utils.pixel
	}
	return f.utils.bools[s]
}

// i32UI32U64SPU32 is FilterText: it writes the input (or f.utils.filter), cut to the buffer with
// its NUL, as Steam does.
func (f *fakeFlat) i32UI32U64SPU32(s sym, context int32, id uint64, in string, out []byte) int32 {
	f.recordUtils(s, shapeI32UI32U64SPU32, "%d, %#x, %q, out[%d]", context, id, in, len(out))
	text := in
	if f.utils.filter != "" {
		text = f.utils.filter
	}
	n := copy(out[:len(out)-1], text)
	out[n] = 0
	return int32(n)
}
