//go:build cgo && (!windows || amd64)

package steamworks

// ISteamHTTP's trampolines (the h shapes, see http_flat.go), as flat_cgo.go's.

/*
#cgo noescape sw_u32_h_i32_s
#cgo noescape sw_b_h_u32_s
#cgo noescape sw_b_h_u32_s_s
#cgo noescape sw_b_h_u32_s_s_s
#cgo noescape sw_b_h_u32_pu64
#cgo noescape sw_b_h_u32_pu32
#cgo noescape sw_b_h_u32_s_pu32
#cgo noescape sw_b_h_u32_s_p_u32
#cgo noescape sw_b_h_u32_p_u32
#cgo noescape sw_b_h_u32_u32_p_u32
#cgo noescape sw_b_h_u32_pf32
#cgo noescape sw_b_h_u32_pb
#include <stdbool.h>
#include <stdint.h>

static void *sw_p_http(void *f) { return ((void *(*)(void))f)(); }
static uint32_t sw_u32_h_i32_s(void *f, void *self, int32_t a, const char *b) {
	return ((uint32_t (*)(void *, int32_t, const char *))f)(self, a, b);
}
static uint32_t sw_u32_h_b(void *f, void *self, bool a) { return ((uint32_t (*)(void *, bool))f)(self, a); }
static bool sw_b_h_u32(void *f, void *self, uint32_t h) { return ((bool (*)(void *, uint32_t))f)(self, h); }
static bool sw_b_h_u32_u32(void *f, void *self, uint32_t h, uint32_t a) {
	return ((bool (*)(void *, uint32_t, uint32_t))f)(self, h, a);
}
static bool sw_b_h_u32_u64(void *f, void *self, uint32_t h, uint64_t a) {
	return ((bool (*)(void *, uint32_t, uint64_t))f)(self, h, a);
}
static bool sw_b_h_u32_b(void *f, void *self, uint32_t h, bool a) { return ((bool (*)(void *, uint32_t, bool))f)(self, h, a); }
static bool sw_b_h_u32_s(void *f, void *self, uint32_t h, const char *a) {
	return ((bool (*)(void *, uint32_t, const char *))f)(self, h, a);
}
static bool sw_b_h_u32_s_s(void *f, void *self, uint32_t h, const char *a, const char *b) {
	return ((bool (*)(void *, uint32_t, const char *, const char *))f)(self, h, a, b);
}
static bool sw_b_h_u32_s_s_s(void *f, void *self, uint32_t h, const char *a, const char *b, const char *c) {
	return ((bool (*)(void *, uint32_t, const char *, const char *, const char *))f)(self, h, a, b, c);
}
static bool sw_b_h_u32_pu64(void *f, void *self, uint32_t h, uint64_t *out) {
	return ((bool (*)(void *, uint32_t, uint64_t *))f)(self, h, out);
}
static bool sw_b_h_u32_pu32(void *f, void *self, uint32_t h, uint32_t *out) {
	return ((bool (*)(void *, uint32_t, uint32_t *))f)(self, h, out);
}
static bool sw_b_h_u32_s_pu32(void *f, void *self, uint32_t h, const char *a, uint32_t *out) {
	return ((bool (*)(void *, uint32_t, const char *, uint32_t *))f)(self, h, a, out);
}
static bool sw_b_h_u32_s_p_u32(void *f, void *self, uint32_t h, const char *a, void *buf, uint32_t len) {
	return ((bool (*)(void *, uint32_t, const char *, void *, uint32_t))f)(self, h, a, buf, len);
}
static bool sw_b_h_u32_p_u32(void *f, void *self, uint32_t h, void *buf, uint32_t len) {
	return ((bool (*)(void *, uint32_t, void *, uint32_t))f)(self, h, buf, len);
}
static bool sw_b_h_u32_u32_p_u32(void *f, void *self, uint32_t h, uint32_t a, void *buf, uint32_t len) {
	return ((bool (*)(void *, uint32_t, uint32_t, void *, uint32_t))f)(self, h, a, buf, len);
}
static bool sw_b_h_u32_pf32(void *f, void *self, uint32_t h, float *out) { return ((bool (*)(void *, uint32_t, float *))f)(self, h, out); }
static bool sw_b_h_u32_pb(void *f, void *self, uint32_t h, bool *out) { return ((bool (*)(void *, uint32_t, bool *))f)(self, h, out); }
*/
import "C"

func (c *cflat) selfHTTP(s sym) bool {
	c.web = C.sw_p_http(c.fn[s])
	return c.web != nil
}

func (c *cflat) u32HI32S(s sym, a int32, b string) uint32 {
	return uint32(C.sw_u32_h_i32_s(c.fn[s], c.web, C.int32_t(a), cstr(b)))
}

func (c *cflat) u32HB(s sym, a bool) uint32 { return uint32(C.sw_u32_h_b(c.fn[s], c.web, C.bool(a))) }
func (c *cflat) bHU32(s sym, h uint32) bool { return bool(C.sw_b_h_u32(c.fn[s], c.web, C.uint32_t(h))) }

func (c *cflat) bHU32U32(s sym, h, a uint32) bool {
	return bool(C.sw_b_h_u32_u32(c.fn[s], c.web, C.uint32_t(h), C.uint32_t(a)))
}

func (c *cflat) bHU32U64(s sym, h uint32, a uint64) bool {
	return bool(C.sw_b_h_u32_u64(c.fn[s], c.web, C.uint32_t(h), C.uint64_t(a)))
}

func (c *cflat) bHU32B(s sym, h uint32, a bool) bool {
	return bool(C.sw_b_h_u32_b(c.fn[s], c.web, C.uint32_t(h), C.bool(a)))
}

func (c *cflat) bHU32S(s sym, h uint32, a string) bool {
	return bool(C.sw_b_h_u32_s(c.fn[s], c.web, C.uint32_t(h), cstr(a)))
}

func (c *cflat) bHU32SS(s sym, h uint32, a, b string) bool {
	return bool(C.sw_b_h_u32_s_s(c.fn[s], c.web, C.uint32_t(h), cstr(a), cstr(b)))
}

func (c *cflat) bHU32SSS(s sym, h uint32, a, b, d string) bool {
	return bool(C.sw_b_h_u32_s_s_s(c.fn[s], c.web, C.uint32_t(h), cstr(a), cstr(b), cstr(d)))
}

func (c *cflat) bHU32PU64(s sym, h uint32) (bool, uint64) {
	var out C.uint64_t
	ok := C.sw_b_h_u32_pu64(c.fn[s], c.web, C.uint32_t(h), &out)
	return bool(ok), uint64(out)
}

func (c *cflat) bHU32PU32(s sym, h uint32) (bool, uint32) {
	var out C.uint32_t
	ok := C.sw_b_h_u32_pu32(c.fn[s], c.web, C.uint32_t(h), &out)
	return bool(ok), uint32(out)
}

func (c *cflat) bHU32SPU32(s sym, h uint32, a string) (bool, uint32) {
	var out C.uint32_t
	ok := C.sw_b_h_u32_s_pu32(c.fn[s], c.web, C.uint32_t(h), cstr(a), &out)
	return bool(ok), uint32(out)
}

func (c *cflat) bHU32SPBuf(s sym, h uint32, a string, buf []byte) bool {
	return bool(C.sw_b_h_u32_s_p_u32(c.fn[s], c.web, C.uint32_t(h), cstr(a), bytesPtr(buf), C.uint32_t(len(buf))))
}

func (c *cflat) bHU32PBuf(s sym, h uint32, buf []byte) bool {
	return bool(C.sw_b_h_u32_p_u32(c.fn[s], c.web, C.uint32_t(h), bytesPtr(buf), C.uint32_t(len(buf))))
}

func (c *cflat) bHU32U32PBuf(s sym, h, a uint32, buf []byte) bool {
	return bool(C.sw_b_h_u32_u32_p_u32(c.fn[s], c.web, C.uint32_t(h), C.uint32_t(a), bytesPtr(buf), C.uint32_t(len(buf))))
}

func (c *cflat) bHU32PF32(s sym, h uint32) (bool, float32) {
	var out C.float
	ok := C.sw_b_h_u32_pf32(c.fn[s], c.web, C.uint32_t(h), &out)
	return bool(ok), float32(out)
}

func (c *cflat) bHU32PB(s sym, h uint32) (bool, bool) {
	var out C.bool
	ok := C.sw_b_h_u32_pb(c.fn[s], c.web, C.uint32_t(h), &out)
	return bool(ok), bool(out)
}
