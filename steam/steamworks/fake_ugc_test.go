package steamworks

// The fake ISteamUGC (see fakeFlat): it records each call as the other methods do and answers
// from fakeUGC, writing strings into the caller's buffers as Steam would, cut to the buffer and
// without a NUL when they fill it, so the decoders' bounds are exercised.

// fakeUGC is what the fake Workshop answers.
type fakeUGC struct {
	noUGC   bool // SteamAPI_SteamGameServerUGC_v020 returns NULL
	hasUGC  bool
	handle  uint64           // what CreateQuery* returns (0 means k_UGCQueryHandleInvalid)
	counts  map[sym]uint32   // u32 answers: GetQueryUGCNum*, GetItemState, GetNumSubscribedItems...
	texts   map[sym][]string // what the string accessors write, by tag/key-value/preview/version index (or [0])
	texts2  map[sym][]string // the second buffer of the two-string accessors
	details []byte           // what GetQueryUGCResult writes
	ids     []uint64         // what GetQueryUGCChildren and GetSubscribedItems write
	stats   map[int32]uint64 // GetQueryUGCStatistic's answers (true for these only)
	descs   []int32          // GetQueryUGCContentDescriptors' answer
	preview int32            // GetQueryUGCAdditionalPreview's type
	numbers [2]uint64        // GetItemDownloadInfo's (downloaded, total); GetItemInstallInfo's size is [0]
	stamp   uint32           // GetItemInstallInfo's timestamp
	groups  [][]string       // AddRequiredTagGroup's arrays, as received
}

// answer records a call of s and gives the fake's bool for it.
func (f *fakeFlat) answer(s sym, sh shape, format string, a ...any) bool {
	f.t.Helper()
	f.record(s, sh, format, a...)
	return f.bools[s]
}

// counted records a call of s and gives the fake's count for it.
func (f *fakeFlat) counted(s sym, sh shape, format string, a ...any) uint32 {
	f.t.Helper()
	f.record(s, sh, format, a...)
	return f.ugc.counts[s]
}

func (f *fakeFlat) selfUGC(s sym) bool {
	f.record(s, shapeP, "")
	f.ugc.hasUGC = !f.ugc.noUGC
	return f.ugc.hasUGC
}

// text is what accessor s writes for entry i.
func text(m map[sym][]string, s sym, i uint32) string {
	if int(i) < len(m[s]) {
		return m[s][i]
	}
	return ""
}

func (f *fakeFlat) vWB(s sym, a bool) { f.record(s, shapeVWB, "%v", a) }

func (f *fakeFlat) bWU32S(s sym, a uint32, b string) bool {
	return f.answer(s, shapeBWU32S, "%d, %q", a, b)
}

func (f *fakeFlat) bWU64(s sym, a uint64) bool { return f.answer(s, shapeBWU64, "%#x", a) }

func (f *fakeFlat) bWU64B(s sym, a uint64, b bool) bool {
	return f.answer(s, shapeBWU64B, "%#x, %v", a, b)
}

func (f *fakeFlat) bWU64S(s sym, a uint64, b string) bool {
	return f.answer(s, shapeBWU64S, "%#x, %q", a, b)
}

func (f *fakeFlat) bWU64SS(s sym, a uint64, b, c string) bool {
	return f.answer(s, shapeBWU64SS, "%#x, %q, %q", a, b, c)
}

func (f *fakeFlat) bWU64U32(s sym, a uint64, b uint32) bool {
	return f.answer(s, shapeBWU64U32, "%#x, %d", a, b)
}

func (f *fakeFlat) bWU64U32U32(s sym, a uint64, b, c uint32) bool {
	return f.answer(s, shapeBWU64U32U32, "%#x, %d, %d", a, b, c)
}

func (f *fakeFlat) bWU64SA(s sym, a uint64, strs []string) bool {
	f.record(s, shapeBWU64SA, "%#x, %q", a, strs)
	f.ugc.groups = append(f.ugc.groups, strs)
	return f.bools[s]
}

func (f *fakeFlat) u32W(s sym) uint32 { return f.counted(s, shapeU32W, "") }

func (f *fakeFlat) u32WU64(s sym, a uint64) uint32 { return f.counted(s, shapeU32WU64, "%#x", a) }

func (f *fakeFlat) u32WU64U32(s sym, a uint64, b uint32) uint32 {
	return f.counted(s, shapeU32WU64U32, "%#x, %d", a, b)
}

func (f *fakeFlat) u64WU64(s sym, a uint64) uint64 {
	f.record(s, shapeU64WU64, "%#x", a)
	return f.nextCall
}

func (f *fakeFlat) created() uint64 {
	if f.ugc.handle == 0 {
		return ^uint64(0)
	}
	return f.ugc.handle
}

func (f *fakeFlat) u64WPU32(s sym, ids []uint64) uint64 {
	f.record(s, shapeU64WPU32, "%d, %d", ids, len(ids))
	return f.created()
}

func (f *fakeFlat) u64WI32I32U32U32U32(s sym, a, b int32, c, d, e uint32) uint64 {
	f.record(s, shapeU64WI32I32U32U32U32, "%d, %d, %d, %d, %d", a, b, c, d, e)
	return f.created()
}

func (f *fakeFlat) u64WU32I32I32I32U32U32U32(s sym, a uint32, b, c, d int32, e, g, h uint32) uint64 {
	f.record(s, shapeU64WU32I32I32I32U32U32U32, "%d, %d, %d, %d, %d, %d, %d", a, b, c, d, e, g, h)
	return f.created()
}

func (f *fakeFlat) bWU64U32P(s sym, a uint64, b uint32, buf []byte) bool {
	f.record(s, shapeBWU64U32P, "%#x, %d, buf[%d]", a, b, len(buf))
	copy(buf, f.ugc.details)
	return f.bools[s]
}

func (f *fakeFlat) bWU64U32PU32(s sym, a uint64, b uint32, buf []byte) bool {
	f.record(s, shapeBWU64U32PU32, "%#x, %d, buf[%d]", a, b, len(buf))
	copy(buf, text(f.ugc.texts, s, 0))
	return f.bools[s]
}

func (f *fakeFlat) bWU64U32IDs(s sym, a uint64, b uint32, ids []uint64) bool {
	f.record(s, shapeBWU64U32PU32, "%#x, %d, ids[%d]", a, b, len(ids))
	copy(ids, f.ugc.ids)
	return f.bools[s]
}

func (f *fakeFlat) bWU64U32U32PU32(s sym, a uint64, b, c uint32, buf []byte) bool {
	f.record(s, shapeBWU64U32U32PU32, "%#x, %d, %d, buf[%d]", a, b, c, len(buf))
	copy(buf, text(f.ugc.texts, s, c))
	return f.bools[s]
}

func (f *fakeFlat) bWU64U32U32PU32PU32(s sym, a uint64, b, c uint32, buf1, buf2 []byte) bool {
	f.record(s, shapeBWU64U32U32PU32PU32, "%#x, %d, %d, buf[%d], buf[%d]", a, b, c, len(buf1), len(buf2))
	copy(buf1, text(f.ugc.texts, s, c))
	copy(buf2, text(f.ugc.texts2, s, c))
	return f.bools[s]
}

func (f *fakeFlat) bWU64U32U32PU32PU32PI32(s sym, a uint64, b, c uint32, buf1, buf2 []byte) (bool, int32) {
	f.record(s, shapeBWU64U32U32PU32PU32PI32, "%#x, %d, %d, buf[%d], buf[%d]", a, b, c, len(buf1), len(buf2))
	copy(buf1, text(f.ugc.texts, s, c))
	copy(buf2, text(f.ugc.texts2, s, c))
	return f.bools[s], f.ugc.preview
}

func (f *fakeFlat) bWU64U32U32PPU32(s sym, a uint64, b, c uint32, buf1, buf2 []byte) bool {
	f.record(s, shapeBWU64U32U32PPU32, "%#x, %d, %d, buf[%d], buf[%d]", a, b, c, len(buf1), len(buf2))
	copy(buf1, text(f.ugc.texts, s, c))
	copy(buf2, text(f.ugc.texts2, s, c))
	return f.bools[s]
}

func (f *fakeFlat) bWU64U32I32PU64(s sym, a uint64, b uint32, c int32) (bool, uint64) {
	f.record(s, shapeBWU64U32I32PU64, "%#x, %d, %d", a, b, c)
	v, ok := f.ugc.stats[c]
	return ok, v
}

func (f *fakeFlat) u32WU64U32PU32(s sym, a uint64, b uint32, out []int32) uint32 {
	f.record(s, shapeU32WU64U32PU32, "%#x, %d, out[%d]", a, b, len(out))
	copy(out, f.ugc.descs)
	return uint32(len(f.ugc.descs))
}

func (f *fakeFlat) u32WPU32(s sym, out []uint64) uint32 {
	f.record(s, shapeU32WPU32, "out[%d]", len(out))
	return uint32(copy(out, f.ugc.ids))
}

func (f *fakeFlat) bWU64PU64PU64(s sym, a uint64) (bool, uint64, uint64) {
	f.record(s, shapeBWU64PU64PU64, "%#x", a)
	return f.bools[s], f.ugc.numbers[0], f.ugc.numbers[1]
}

func (f *fakeFlat) bWU64PU64PU32PU32(s sym, a uint64, buf []byte) (bool, uint64, uint32) {
	f.record(s, shapeBWU64PU64PU32PU32, "%#x, buf[%d]", a, len(buf))
	copy(buf, text(f.ugc.texts, s, 0))
	return f.bools[s], f.ugc.numbers[0], f.ugc.stamp
}
