//go:build cgo && (!windows || amd64)

package steamworks

// The ISteamUGC trampolines (the w shapes: self is the game server's ISteamUGC), as flat_cgo.go's.
// Out buffers are Go memory Steam writes during the call only; out numbers start at 0, so a
// refused call reads 0 whatever Steam left.

/*
#cgo noescape sw_b_w_u32_s
#cgo noescape sw_b_w_u64_s
#cgo noescape sw_b_w_u64_s_s
#cgo noescape sw_b_w_u64_sa
#cgo noescape sw_u64_w_p_u32
#cgo noescape sw_b_w_u64_u32_p
#cgo noescape sw_b_w_u64_u32_p_u32
#cgo noescape sw_b_w_u64_u32_u32_p_u32
#cgo noescape sw_b_w_u64_u32_u32_p_u32_p_u32
#cgo noescape sw_b_w_u64_u32_u32_p_u32_p_u32_pi32
#cgo noescape sw_b_w_u64_u32_u32_p_p_u32
#cgo noescape sw_b_w_u64_u32_i32_pu64
#cgo noescape sw_u32_w_u64_u32_p_u32
#cgo noescape sw_u32_w_p_u32
#cgo noescape sw_b_w_u64_pu64_pu64
#cgo noescape sw_b_w_u64_pu64_p_u32_pu32
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

// SteamParamStringArray_t: its count follows an 8-byte pointer at pack 4 and at pack 8 alike.
typedef struct {
	const char **strings;
	int32_t count;
} sw_string_array;
_Static_assert(offsetof(sw_string_array, count) == 8, "SteamParamStringArray_t's count is at offset 8");

static void sw_v_w_b(void *f, void *self, bool a) { ((void (*)(void *, bool))f)(self, a); }
static bool sw_b_w_u32_s(void *f, void *self, uint32_t a, const char *b) {
	return ((bool (*)(void *, uint32_t, const char *))f)(self, a, b);
}
static bool sw_b_w_u64(void *f, void *self, uint64_t a) { return ((bool (*)(void *, uint64_t))f)(self, a); }
static bool sw_b_w_u64_b(void *f, void *self, uint64_t a, bool b) { return ((bool (*)(void *, uint64_t, bool))f)(self, a, b); }
static bool sw_b_w_u64_s(void *f, void *self, uint64_t a, const char *b) {
	return ((bool (*)(void *, uint64_t, const char *))f)(self, a, b);
}
static bool sw_b_w_u64_s_s(void *f, void *self, uint64_t a, const char *b, const char *c) {
	return ((bool (*)(void *, uint64_t, const char *, const char *))f)(self, a, b, c);
}
static bool sw_b_w_u64_u32(void *f, void *self, uint64_t a, uint32_t b) {
	return ((bool (*)(void *, uint64_t, uint32_t))f)(self, a, b);
}
static bool sw_b_w_u64_u32_u32(void *f, void *self, uint64_t a, uint32_t b, uint32_t c) {
	return ((bool (*)(void *, uint64_t, uint32_t, uint32_t))f)(self, a, b, c);
}

// packed holds n NUL-terminated strings one after the other: they become the array's pointers.
static bool sw_b_w_u64_sa(void *f, void *self, uint64_t a, const char *packed, int32_t n) {
	const char **strings = NULL;
	if (n > 0) {
		strings = malloc((size_t)n * sizeof *strings);
		if (strings == NULL) {
			return false;
		}
	}
	for (int32_t i = 0; i < n; i++) {
		strings[i] = packed;
		packed += strlen(packed) + 1;
	}
	sw_string_array array = {strings, n};
	bool ok = ((bool (*)(void *, uint64_t, const sw_string_array *))f)(self, a, &array);
	free(strings);
	return ok;
}

static uint32_t sw_u32_w(void *f, void *self) { return ((uint32_t (*)(void *))f)(self); }
static uint32_t sw_u32_w_u64(void *f, void *self, uint64_t a) { return ((uint32_t (*)(void *, uint64_t))f)(self, a); }
static uint32_t sw_u32_w_u64_u32(void *f, void *self, uint64_t a, uint32_t b) {
	return ((uint32_t (*)(void *, uint64_t, uint32_t))f)(self, a, b);
}
static uint64_t sw_u64_w_u64(void *f, void *self, uint64_t a) { return ((uint64_t (*)(void *, uint64_t))f)(self, a); }
static uint64_t sw_u64_w_p_u32(void *f, void *self, uint64_t *ids, uint32_t n) {
	return ((uint64_t (*)(void *, uint64_t *, uint32_t))f)(self, ids, n);
}
static uint64_t sw_u64_w_i32_i32_u32_u32_u32(void *f, void *self, int32_t a, int32_t b, uint32_t c, uint32_t d, uint32_t e) {
	return ((uint64_t (*)(void *, int32_t, int32_t, uint32_t, uint32_t, uint32_t))f)(self, a, b, c, d, e);
}
static uint64_t sw_u64_w_u32_i32_i32_i32_u32_u32_u32(void *f, void *self, uint32_t a, int32_t b, int32_t c, int32_t d,
		uint32_t e, uint32_t g, uint32_t h) {
	return ((uint64_t (*)(void *, uint32_t, int32_t, int32_t, int32_t, uint32_t, uint32_t, uint32_t))f)(self, a, b, c, d, e, g, h);
}

static bool sw_b_w_u64_u32_p(void *f, void *self, uint64_t a, uint32_t b, void *out) {
	return ((bool (*)(void *, uint64_t, uint32_t, void *))f)(self, a, b, out);
}
static bool sw_b_w_u64_u32_p_u32(void *f, void *self, uint64_t a, uint32_t b, void *out, uint32_t n) {
	return ((bool (*)(void *, uint64_t, uint32_t, void *, uint32_t))f)(self, a, b, out, n);
}
static bool sw_b_w_u64_u32_u32_p_u32(void *f, void *self, uint64_t a, uint32_t b, uint32_t c, char *out, uint32_t n) {
	return ((bool (*)(void *, uint64_t, uint32_t, uint32_t, char *, uint32_t))f)(self, a, b, c, out, n);
}
static bool sw_b_w_u64_u32_u32_p_u32_p_u32(void *f, void *self, uint64_t a, uint32_t b, uint32_t c,
		char *out1, uint32_t n1, char *out2, uint32_t n2) {
	return ((bool (*)(void *, uint64_t, uint32_t, uint32_t, char *, uint32_t, char *, uint32_t))f)(self, a, b, c, out1, n1, out2, n2);
}
static bool sw_b_w_u64_u32_u32_p_u32_p_u32_pi32(void *f, void *self, uint64_t a, uint32_t b, uint32_t c,
		char *out1, uint32_t n1, char *out2, uint32_t n2, int32_t *type) {
	return ((bool (*)(void *, uint64_t, uint32_t, uint32_t, char *, uint32_t, char *, uint32_t, int32_t *))f)(
		self, a, b, c, out1, n1, out2, n2, type);
}
static bool sw_b_w_u64_u32_u32_p_p_u32(void *f, void *self, uint64_t a, uint32_t b, uint32_t c, char *out1, char *out2, uint32_t n) {
	return ((bool (*)(void *, uint64_t, uint32_t, uint32_t, char *, char *, uint32_t))f)(self, a, b, c, out1, out2, n);
}
static bool sw_b_w_u64_u32_i32_pu64(void *f, void *self, uint64_t a, uint32_t b, int32_t c, uint64_t *out) {
	return ((bool (*)(void *, uint64_t, uint32_t, int32_t, uint64_t *))f)(self, a, b, c, out);
}
static uint32_t sw_u32_w_u64_u32_p_u32(void *f, void *self, uint64_t a, uint32_t b, int32_t *out, uint32_t n) {
	return ((uint32_t (*)(void *, uint64_t, uint32_t, int32_t *, uint32_t))f)(self, a, b, out, n);
}
static uint32_t sw_u32_w_p_u32(void *f, void *self, uint64_t *out, uint32_t n) {
	return ((uint32_t (*)(void *, uint64_t *, uint32_t))f)(self, out, n);
}
static bool sw_b_w_u64_pu64_pu64(void *f, void *self, uint64_t a, uint64_t *x, uint64_t *y) {
	return ((bool (*)(void *, uint64_t, uint64_t *, uint64_t *))f)(self, a, x, y);
}
static bool sw_b_w_u64_pu64_p_u32_pu32(void *f, void *self, uint64_t a, uint64_t *x, char *out, uint32_t n, uint32_t *y) {
	return ((bool (*)(void *, uint64_t, uint64_t *, char *, uint32_t, uint32_t *))f)(self, a, x, out, n, y);
}
*/
import "C"

import "unsafe"

// charsPtr is buf as a C char buffer, NULL when empty.
func charsPtr(buf []byte) *C.char { return (*C.char)(bytesPtr(buf)) }

// idsPtr is ids as a C uint64 array, NULL when empty.
func idsPtr(ids []uint64) *C.uint64_t {
	if len(ids) == 0 {
		return nil
	}
	return (*C.uint64_t)(unsafe.Pointer(&ids[0]))
}

func (c *cflat) vWB(s sym, a bool) { C.sw_v_w_b(c.fn[s], c.ugc, C.bool(a)) }

func (c *cflat) bWU32S(s sym, a uint32, b string) bool {
	return bool(C.sw_b_w_u32_s(c.fn[s], c.ugc, C.uint32_t(a), cstr(b)))
}

func (c *cflat) bWU64(s sym, a uint64) bool { return bool(C.sw_b_w_u64(c.fn[s], c.ugc, C.uint64_t(a))) }

func (c *cflat) bWU64B(s sym, a uint64, b bool) bool {
	return bool(C.sw_b_w_u64_b(c.fn[s], c.ugc, C.uint64_t(a), C.bool(b)))
}

func (c *cflat) bWU64S(s sym, a uint64, b string) bool {
	return bool(C.sw_b_w_u64_s(c.fn[s], c.ugc, C.uint64_t(a), cstr(b)))
}

func (c *cflat) bWU64SS(s sym, a uint64, b, d string) bool {
	return bool(C.sw_b_w_u64_s_s(c.fn[s], c.ugc, C.uint64_t(a), cstr(b), cstr(d)))
}

func (c *cflat) bWU64U32(s sym, a uint64, b uint32) bool {
	return bool(C.sw_b_w_u64_u32(c.fn[s], c.ugc, C.uint64_t(a), C.uint32_t(b)))
}

func (c *cflat) bWU64U32U32(s sym, a uint64, b, d uint32) bool {
	return bool(C.sw_b_w_u64_u32_u32(c.fn[s], c.ugc, C.uint64_t(a), C.uint32_t(b), C.uint32_t(d)))
}

func (c *cflat) bWU64SA(s sym, a uint64, strs []string) bool {
	var packed []byte
	for _, v := range strs {
		packed = append(append(packed, v...), 0)
	}
	return bool(C.sw_b_w_u64_sa(c.fn[s], c.ugc, C.uint64_t(a), charsPtr(packed), C.int32_t(len(strs))))
}

func (c *cflat) u32W(s sym) uint32 { return uint32(C.sw_u32_w(c.fn[s], c.ugc)) }

func (c *cflat) u32WU64(s sym, a uint64) uint32 {
	return uint32(C.sw_u32_w_u64(c.fn[s], c.ugc, C.uint64_t(a)))
}

func (c *cflat) u32WU64U32(s sym, a uint64, b uint32) uint32 {
	return uint32(C.sw_u32_w_u64_u32(c.fn[s], c.ugc, C.uint64_t(a), C.uint32_t(b)))
}

func (c *cflat) u64WU64(s sym, a uint64) uint64 {
	return uint64(C.sw_u64_w_u64(c.fn[s], c.ugc, C.uint64_t(a)))
}

func (c *cflat) u64WPU32(s sym, ids []uint64) uint64 {
	return uint64(C.sw_u64_w_p_u32(c.fn[s], c.ugc, idsPtr(ids), C.uint32_t(len(ids))))
}

func (c *cflat) u64WI32I32U32U32U32(s sym, a, b int32, d, e, g uint32) uint64 {
	return uint64(C.sw_u64_w_i32_i32_u32_u32_u32(c.fn[s], c.ugc, C.int32_t(a), C.int32_t(b), C.uint32_t(d), C.uint32_t(e), C.uint32_t(g)))
}

func (c *cflat) u64WU32I32I32I32U32U32U32(s sym, a uint32, b, d, e int32, g, h, i uint32) uint64 {
	return uint64(C.sw_u64_w_u32_i32_i32_i32_u32_u32_u32(c.fn[s], c.ugc, C.uint32_t(a), C.int32_t(b), C.int32_t(d), C.int32_t(e),
		C.uint32_t(g), C.uint32_t(h), C.uint32_t(i)))
}

func (c *cflat) bWU64U32P(s sym, a uint64, b uint32, buf []byte) bool {
	return bool(C.sw_b_w_u64_u32_p(c.fn[s], c.ugc, C.uint64_t(a), C.uint32_t(b), bytesPtr(buf)))
}

func (c *cflat) bWU64U32PU32(s sym, a uint64, b uint32, buf []byte) bool {
	return bool(C.sw_b_w_u64_u32_p_u32(c.fn[s], c.ugc, C.uint64_t(a), C.uint32_t(b), bytesPtr(buf), C.uint32_t(len(buf))))
}

func (c *cflat) bWU64U32IDs(s sym, a uint64, b uint32, ids []uint64) bool {
	return bool(C.sw_b_w_u64_u32_p_u32(c.fn[s], c.ugc, C.uint64_t(a), C.uint32_t(b), unsafe.Pointer(idsPtr(ids)), C.uint32_t(len(ids))))
}

func (c *cflat) bWU64U32U32PU32(s sym, a uint64, b, d uint32, buf []byte) bool {
	return bool(C.sw_b_w_u64_u32_u32_p_u32(c.fn[s], c.ugc, C.uint64_t(a), C.uint32_t(b), C.uint32_t(d), charsPtr(buf), C.uint32_t(len(buf))))
}

func (c *cflat) bWU64U32U32PU32PU32(s sym, a uint64, b, d uint32, buf1, buf2 []byte) bool {
	return bool(C.sw_b_w_u64_u32_u32_p_u32_p_u32(c.fn[s], c.ugc, C.uint64_t(a), C.uint32_t(b), C.uint32_t(d),
		charsPtr(buf1), C.uint32_t(len(buf1)), charsPtr(buf2), C.uint32_t(len(buf2))))
}

func (c *cflat) bWU64U32U32PU32PU32PI32(s sym, a uint64, b, d uint32, buf1, buf2 []byte) (bool, int32) {
	var typ C.int32_t
	ok := C.sw_b_w_u64_u32_u32_p_u32_p_u32_pi32(c.fn[s], c.ugc, C.uint64_t(a), C.uint32_t(b), C.uint32_t(d),
		charsPtr(buf1), C.uint32_t(len(buf1)), charsPtr(buf2), C.uint32_t(len(buf2)), &typ)
	return bool(ok), int32(typ)
}

func (c *cflat) bWU64U32U32PPU32(s sym, a uint64, b, d uint32, buf1, buf2 []byte) bool {
	n := min(len(buf1), len(buf2))
	return bool(C.sw_b_w_u64_u32_u32_p_p_u32(c.fn[s], c.ugc, C.uint64_t(a), C.uint32_t(b), C.uint32_t(d),
		charsPtr(buf1[:n]), charsPtr(buf2[:n]), C.uint32_t(n)))
}

func (c *cflat) bWU64U32I32PU64(s sym, a uint64, b uint32, d int32) (bool, uint64) {
	var v C.uint64_t
	ok := C.sw_b_w_u64_u32_i32_pu64(c.fn[s], c.ugc, C.uint64_t(a), C.uint32_t(b), C.int32_t(d), &v)
	return bool(ok), uint64(v)
}

func (c *cflat) u32WU64U32PU32(s sym, a uint64, b uint32, out []int32) uint32 {
	var p *C.int32_t
	if len(out) > 0 {
		p = (*C.int32_t)(unsafe.Pointer(&out[0]))
	}
	return uint32(C.sw_u32_w_u64_u32_p_u32(c.fn[s], c.ugc, C.uint64_t(a), C.uint32_t(b), p, C.uint32_t(len(out))))
}

func (c *cflat) u32WPU32(s sym, out []uint64) uint32 {
	return uint32(C.sw_u32_w_p_u32(c.fn[s], c.ugc, idsPtr(out), C.uint32_t(len(out))))
}

func (c *cflat) bWU64PU64PU64(s sym, a uint64) (bool, uint64, uint64) {
	var x, y C.uint64_t
	ok := C.sw_b_w_u64_pu64_pu64(c.fn[s], c.ugc, C.uint64_t(a), &x, &y)
	return bool(ok), uint64(x), uint64(y)
}

func (c *cflat) bWU64PU64PU32PU32(s sym, a uint64, buf []byte) (bool, uint64, uint32) {
	var x C.uint64_t
	var y C.uint32_t
	ok := C.sw_b_w_u64_pu64_p_u32_pu32(c.fn[s], c.ugc, C.uint64_t(a), &x, charsPtr(buf), C.uint32_t(len(buf)), &y)
	return bool(ok), uint64(x), uint32(y)
}
