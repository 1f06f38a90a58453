//go:build cgo && (!windows || amd64)

package steamworks

// The ISteamUtils trampolines (the u shapes: self is the game server's ISteamUtils), beside the
// others in flat_cgo.go. Out values start at 0, so a refused Get reads 0 whatever Steam left.

/*
#cgo noescape sw_s_u_copy
#cgo noescape sw_b_u_u64_pb
#cgo noescape sw_b_u_i32_pu32_pu32
#cgo noescape sw_b_u_i32_p_i32
#cgo noescape sw_i32_u_i32_u64_s_p_u32
#include <stdbool.h>
#include <stdint.h>

// sw_p's twin (each cgo file has its own preamble): the interface accessor.
static void *sw_utils_accessor(void *f) { return ((void *(*)(void))f)(); }

static uint32_t sw_u32_u(void *f, void *self) { return ((uint32_t (*)(void *))f)(self); }
static uint8_t sw_u8_u(void *f, void *self) { return ((uint8_t (*)(void *))f)(self); }

// sw_s_u copies Steam's string into buf (size bytes, NUL-terminated) and returns its length;
// Steam's own buffer may change at its next call.
static const char *sw_s_u(void *f, void *self) { return ((const char *(*)(void *))f)(self); }
static int32_t sw_s_u_copy(void *f, void *self, char *buf, int32_t size) {
	const char *s = sw_s_u(f, self);
	if (s == NULL || size <= 0) {
		return 0;
	}
	int32_t n = 0;
	for (; n < size - 1 && s[n] != 0; n++) {
		buf[n] = s[n];
	}
	buf[n] = 0;
	return n;
}

static bool sw_b_u_u32(void *f, void *self, uint32_t a) { return ((bool (*)(void *, uint32_t))f)(self, a); }
static bool sw_b_u_u64_pb(void *f, void *self, uint64_t call, bool *failed) {
	return ((bool (*)(void *, uint64_t, bool *))f)(self, call, failed);
}
static int32_t sw_i32_u_u64(void *f, void *self, uint64_t call) { return ((int32_t (*)(void *, uint64_t))f)(self, call); }
static bool sw_b_u_i32_pu32_pu32(void *f, void *self, int32_t image, uint32_t *w, uint32_t *h) {
	return ((bool (*)(void *, int32_t, uint32_t *, uint32_t *))f)(self, image, w, h);
}
static bool sw_b_u_i32_p_i32(void *f, void *self, int32_t image, void *buf, int32_t size) {
	return ((bool (*)(void *, int32_t, void *, int32_t))f)(self, image, buf, size);
}
static int32_t sw_i32_u_i32_u64_s_p_u32(void *f, void *self, int32_t context, uint64_t id, const char *in, char *out, uint32_t size) {
	return ((int32_t (*)(void *, int32_t, uint64_t, const char *, char *, uint32_t))f)(self, context, id, in, out, size);
}
*/
import "C"

import "unsafe"

// maxSteamString bounds a string Steam returns (a country code, a language name).
const maxSteamString = 256

func (c *cflat) selfUtils(s sym) bool {
	c.utils = C.sw_utils_accessor(c.fn[s])
	return c.utils != nil
}

func (c *cflat) u32U(s sym) uint32 { return uint32(C.sw_u32_u(c.fn[s], c.utils)) }
func (c *cflat) u8U(s sym) uint8   { return uint8(C.sw_u8_u(c.fn[s], c.utils)) }

func (c *cflat) sU(s sym) string {
	var buf [maxSteamString]C.char
	n := C.sw_s_u_copy(c.fn[s], c.utils, &buf[0], C.int32_t(len(buf)))
	return C.GoStringN(&buf[0], C.int(n))
}

func (c *cflat) bUU32(s sym, a uint32) bool {
	return bool(C.sw_b_u_u32(c.fn[s], c.utils, C.uint32_t(a)))
}

func (c *cflat) bUU64PB(s sym, call uint64) (bool, bool) {
	var failed C.bool
	ok := C.sw_b_u_u64_pb(c.fn[s], c.utils, C.uint64_t(call), &failed)
	return bool(ok), bool(failed)
}

func (c *cflat) i32UU64(s sym, call uint64) int32 {
	return int32(C.sw_i32_u_u64(c.fn[s], c.utils, C.uint64_t(call)))
}

func (c *cflat) bUI32PU32PU32(s sym, image int32) (bool, uint32, uint32) {
	var w, h C.uint32_t
	ok := C.sw_b_u_i32_pu32_pu32(c.fn[s], c.utils, C.int32_t(image), &w, &h)
	return bool(ok), uint32(w), uint32(h)
}

func (c *cflat) bUI32PI32(s sym, image int32, buf []byte) bool {
	return bool(C.sw_b_u_i32_p_i32(c.fn[s], c.utils, C.int32_t(image), bytesPtr(buf), C.int32_t(len(buf))))
}

func (c *cflat) i32UI32U64SPU32(s sym, context int32, id uint64, in string, out []byte) int32 {
	return int32(C.sw_i32_u_i32_u64_s_p_u32(c.fn[s], c.utils, C.int32_t(context), C.uint64_t(id), cstr(in),
		(*C.char)(unsafe.Pointer(&out[0])), C.uint32_t(len(out))))
}
