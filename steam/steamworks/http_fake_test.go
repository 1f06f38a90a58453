package steamworks

import "fmt"

// fakeHTTP is what the fake's ISteamHTTP answers (fakeFlat.web); each bool answer is fakeFlat.bools'.
type fakeHTTP struct {
	absent   bool   // SteamAPI_SteamGameServerHTTP_v003 returns NULL
	has      bool   // it returned an interface
	handle   uint32 // CreateHTTPRequest's and CreateCookieContainer's answer
	call     uint64 // the SteamAPICall_t a send writes
	size     uint32 // GetHTTPResponseBodySize's and GetHTTPResponseHeaderSize's answer
	data     []byte // what GetHTTPResponseHeaderValue, GetHTTPResponseBodyData and the streaming read copy out
	progress float32
	timedOut bool
}

func (f *fakeFlat) selfHTTP(s sym) bool {
	f.record(s, shapeP, "")
	f.web.has = !f.web.absent
	return f.web.has
}

func (f *fakeFlat) u32HI32S(s sym, a int32, b string) uint32 {
	f.record(s, shapeU32HI32S, "%d, %q", a, b)
	return f.web.handle
}

func (f *fakeFlat) u32HB(s sym, a bool) uint32 {
	f.record(s, shapeU32HB, "%v", a)
	return f.web.handle
}

func (f *fakeFlat) bHU32(s sym, h uint32) bool {
	f.record(s, shapeBHU32, "%d", h)
	return f.bools[s]
}

func (f *fakeFlat) bHU32U32(s sym, h, a uint32) bool {
	f.record(s, shapeBHU32U32, "%d, %d", h, a)
	return f.bools[s]
}

func (f *fakeFlat) bHU32U64(s sym, h uint32, a uint64) bool {
	f.record(s, shapeBHU32U64, "%d, %#x", h, a)
	return f.bools[s]
}

func (f *fakeFlat) bHU32B(s sym, h uint32, a bool) bool {
	f.record(s, shapeBHU32B, "%d, %v", h, a)
	return f.bools[s]
}

func (f *fakeFlat) bHU32S(s sym, h uint32, a string) bool {
	f.record(s, shapeBHU32S, "%d, %q", h, a)
	return f.bools[s]
}

func (f *fakeFlat) bHU32SS(s sym, h uint32, a, b string) bool {
	f.record(s, shapeBHU32SS, "%d, %q, %q", h, a, b)
	return f.bools[s]
}

func (f *fakeFlat) bHU32SSS(s sym, h uint32, a, b, c string) bool {
	f.record(s, shapeBHU32SSS, "%d, %q, %q, %q", h, a, b, c)
	return f.bools[s]
}

func (f *fakeFlat) bHU32PU64(s sym, h uint32) (bool, uint64) {
	f.record(s, shapeBHU32PU64, "%d", h)
	return f.bools[s], f.web.call
}

func (f *fakeFlat) bHU32PU32(s sym, h uint32) (bool, uint32) {
	f.record(s, shapeBHU32PU32, "%d", h)
	return f.bools[s], f.web.size
}

func (f *fakeFlat) bHU32SPU32(s sym, h uint32, a string) (bool, uint32) {
	f.record(s, shapeBHU32SPU32, "%d, %q", h, a)
	return f.bools[s], f.web.size
}

func (f *fakeFlat) bHU32SPBuf(s sym, h uint32, a string, buf []byte) bool {
	f.record(s, shapeBHU32SPBuf, "%d, %q, %s", h, a, bufArg(buf))
	copy(buf, f.web.data)
	return f.bools[s]
}

func (f *fakeFlat) bHU32PBuf(s sym, h uint32, buf []byte) bool {
	f.record(s, shapeBHU32PBuf, "%d, buf[%d]", h, len(buf))
	copy(buf, f.web.data)
	return f.bools[s]
}

func (f *fakeFlat) bHU32U32PBuf(s sym, h, a uint32, buf []byte) bool {
	f.record(s, shapeBHU32U32PBf, "%d, %d, buf[%d]", h, a, len(buf))
	copy(buf, f.web.data)
	return f.bools[s]
}

func (f *fakeFlat) bHU32PF32(s sym, h uint32) (bool, float32) {
	f.record(s, shapeBHU32PF32, "%d", h)
	return f.bools[s], f.web.progress
}

func (f *fakeFlat) bHU32PB(s sym, h uint32) (bool, bool) {
	f.record(s, shapeBHU32PB, "%d", h)
	return f.bools[s], f.web.timedOut
}

// bufArg shows a buffer given to Steam: its bytes when they are text going in (a raw body), else its size.
func bufArg(buf []byte) string {
	if len(buf) > 0 && buf[0] != 0 {
		return fmt.Sprintf("%q", buf)
	}
	return fmt.Sprintf("buf[%d]", len(buf))
}
