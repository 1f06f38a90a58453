//go:build cgo && (!windows || amd64)

package steamworks

// The ISteamInventory trampolines (the n shapes: self is the game server's ISteamInventory), as
// flat_cgo.go's. Buffers and arrays are Go memory Steam reads or writes during the call only. A new
// result handle starts at -1 (k_SteamInventoryResultInvalid) and out numbers at 0, so a refused
// call reads those whatever Steam left.

/*
#cgo noescape sw_b_n_i32_p_pu32
#cgo noescape sw_b_n_i32_u32_s_p_pu32
#cgo noescape sw_b_n_pi32_p_u32
#cgo noescape sw_b_n_pi32_p_u32_b
#cgo noescape sw_b_n_pi32_p_p_u32
#cgo noescape sw_b_n_pi32_p_p_u32_p_p_u32
#cgo noescape sw_b_n_p_pu32
#cgo noescape sw_b_n_i32_s_p_pu32
#cgo noescape sw_b_n_u64_p_pu32
#cgo noescape sw_u64_n_p_p_u32
#cgo noescape sw_b_n_p_p_p_u32
#cgo noescape sw_b_n_u64_u64_s
#cgo noescape sw_b_n_u64_u64_s_s
#cgo noescape sw_b_n_u64_u64_s_b
#cgo noescape sw_b_n_u64_u64_s_i64
#cgo noescape sw_b_n_u64_u64_s_f32
#include <stdbool.h>
#include <stdint.h>

static int32_t sw_i32_n_i32(void *f, void *self, int32_t h) { return ((int32_t (*)(void *, int32_t))f)(self, h); }
static uint32_t sw_u32_n_i32(void *f, void *self, int32_t h) { return ((uint32_t (*)(void *, int32_t))f)(self, h); }
static void sw_v_n_i32(void *f, void *self, int32_t h) { ((void (*)(void *, int32_t))f)(self, h); }
static bool sw_b_n_i32_u64(void *f, void *self, int32_t h, uint64_t id) { return ((bool (*)(void *, int32_t, uint64_t))f)(self, h, id); }
static bool sw_b_n_i32_p_pu32(void *f, void *self, int32_t h, void *buf, uint32_t *size) {
	return ((bool (*)(void *, int32_t, void *, uint32_t *))f)(self, h, buf, size);
}
static bool sw_b_n_i32_u32_s_p_pu32(void *f, void *self, int32_t h, uint32_t index, const char *name, char *buf, uint32_t *size) {
	return ((bool (*)(void *, int32_t, uint32_t, const char *, char *, uint32_t *))f)(self, h, index, name, buf, size);
}

static bool sw_b_n_pi32(void *f, void *self, int32_t *out) { return ((bool (*)(void *, int32_t *))f)(self, out); }
static bool sw_b_n_pi32_i32(void *f, void *self, int32_t *out, int32_t a) { return ((bool (*)(void *, int32_t *, int32_t))f)(self, out, a); }
static bool sw_b_n_pi32_p_u32(void *f, void *self, int32_t *out, const void *arr, uint32_t n) {
	return ((bool (*)(void *, int32_t *, const void *, uint32_t))f)(self, out, arr, n);
}
static bool sw_b_n_pi32_p_u32_b(void *f, void *self, int32_t *out, const void *buf, uint32_t size, bool reserved) {
	return ((bool (*)(void *, int32_t *, const void *, uint32_t, bool))f)(self, out, buf, size, reserved);
}
static bool sw_b_n_pi32_p_p_u32(void *f, void *self, int32_t *out, const void *defs, const void *qty, uint32_t n) {
	return ((bool (*)(void *, int32_t *, const void *, const void *, uint32_t))f)(self, out, defs, qty, n);
}
static bool sw_b_n_pi32_u64_u32(void *f, void *self, int32_t *out, uint64_t item, uint32_t qty) {
	return ((bool (*)(void *, int32_t *, uint64_t, uint32_t))f)(self, out, item, qty);
}
static bool sw_b_n_pi32_u64_u32_u64(void *f, void *self, int32_t *out, uint64_t src, uint32_t qty, uint64_t dst) {
	return ((bool (*)(void *, int32_t *, uint64_t, uint32_t, uint64_t))f)(self, out, src, qty, dst);
}
static bool sw_b_n_pi32_p_p_u32_p_p_u32(void *f, void *self, int32_t *out, const void *gen, const void *gen_qty, uint32_t gen_n,
		const void *destroy, const void *destroy_qty, uint32_t destroy_n) {
	return ((bool (*)(void *, int32_t *, const void *, const void *, uint32_t, const void *, const void *, uint32_t))f)(
		self, out, gen, gen_qty, gen_n, destroy, destroy_qty, destroy_n);
}
static bool sw_b_n_u64_pi32(void *f, void *self, uint64_t update, int32_t *out) {
	return ((bool (*)(void *, uint64_t, int32_t *))f)(self, update, out);
}

static bool sw_b_n(void *f, void *self) { return ((bool (*)(void *))f)(self); }
static bool sw_b_n_p_pu32(void *f, void *self, void *buf, uint32_t *n) { return ((bool (*)(void *, void *, uint32_t *))f)(self, buf, n); }
static bool sw_b_n_i32_s_p_pu32(void *f, void *self, int32_t def, const char *name, char *buf, uint32_t *size) {
	return ((bool (*)(void *, int32_t, const char *, char *, uint32_t *))f)(self, def, name, buf, size);
}
static uint64_t sw_u64_n_u64(void *f, void *self, uint64_t id) { return ((uint64_t (*)(void *, uint64_t))f)(self, id); }
static bool sw_b_n_u64_p_pu32(void *f, void *self, uint64_t id, void *buf, uint32_t *n) {
	return ((bool (*)(void *, uint64_t, void *, uint32_t *))f)(self, id, buf, n);
}
static uint64_t sw_u64_n_p_p_u32(void *f, void *self, const void *defs, const void *qty, uint32_t n) {
	return ((uint64_t (*)(void *, const void *, const void *, uint32_t))f)(self, defs, qty, n);
}
static uint64_t sw_u64_n(void *f, void *self) { return ((uint64_t (*)(void *))f)(self); }
static uint32_t sw_u32_n(void *f, void *self) { return ((uint32_t (*)(void *))f)(self); }
static bool sw_b_n_p_p_p_u32(void *f, void *self, void *defs, void *prices, void *bases, uint32_t n) {
	return ((bool (*)(void *, void *, void *, void *, uint32_t))f)(self, defs, prices, bases, n);
}
static bool sw_b_n_i32_pu64_pu64(void *f, void *self, int32_t def, uint64_t *price, uint64_t *base) {
	return ((bool (*)(void *, int32_t, uint64_t *, uint64_t *))f)(self, def, price, base);
}

static bool sw_b_n_u64_u64_s(void *f, void *self, uint64_t update, uint64_t item, const char *name) {
	return ((bool (*)(void *, uint64_t, uint64_t, const char *))f)(self, update, item, name);
}
static bool sw_b_n_u64_u64_s_s(void *f, void *self, uint64_t update, uint64_t item, const char *name, const char *v) {
	return ((bool (*)(void *, uint64_t, uint64_t, const char *, const char *))f)(self, update, item, name, v);
}
static bool sw_b_n_u64_u64_s_b(void *f, void *self, uint64_t update, uint64_t item, const char *name, bool v) {
	return ((bool (*)(void *, uint64_t, uint64_t, const char *, bool))f)(self, update, item, name, v);
}
static bool sw_b_n_u64_u64_s_i64(void *f, void *self, uint64_t update, uint64_t item, const char *name, int64_t v) {
	return ((bool (*)(void *, uint64_t, uint64_t, const char *, int64_t))f)(self, update, item, name, v);
}
static bool sw_b_n_u64_u64_s_f32(void *f, void *self, uint64_t update, uint64_t item, const char *name, float v) {
	return ((bool (*)(void *, uint64_t, uint64_t, const char *, float))f)(self, update, item, name, v);
}
*/
import "C"

// cstrOrNull is s for C, NULL when empty: Steam's inventory reads a NULL property name as "list them".
func cstrOrNull(s string) *C.char {
	if s == "" {
		return nil
	}
	return cstr(s)
}

func (c *cflat) i32NI32(s sym, h int32) int32 {
	return int32(C.sw_i32_n_i32(c.fn[s], c.inv, C.int32_t(h)))
}
func (c *cflat) u32NI32(s sym, h int32) uint32 {
	return uint32(C.sw_u32_n_i32(c.fn[s], c.inv, C.int32_t(h)))
}
func (c *cflat) vNI32(s sym, h int32) { C.sw_v_n_i32(c.fn[s], c.inv, C.int32_t(h)) }
func (c *cflat) bNI32U64(s sym, h int32, id uint64) bool {
	return bool(C.sw_b_n_i32_u64(c.fn[s], c.inv, C.int32_t(h), C.uint64_t(id)))
}

func (c *cflat) bNI32PPU32(s sym, h int32, buf []byte, size uint32) (bool, uint32) {
	n := C.uint32_t(size)
	ok := C.sw_b_n_i32_p_pu32(c.fn[s], c.inv, C.int32_t(h), bytesPtr(buf), &n)
	return bool(ok), uint32(n)
}

func (c *cflat) bNI32U32SPPU32(s sym, h int32, index uint32, name string, buf []byte) (bool, uint32) {
	n := C.uint32_t(len(buf))
	ok := C.sw_b_n_i32_u32_s_p_pu32(c.fn[s], c.inv, C.int32_t(h), C.uint32_t(index), cstrOrNull(name), (*C.char)(bytesPtr(buf)), &n)
	return bool(ok), uint32(n)
}

// handleOut is a new result handle's C variable: -1 until Steam writes one.
func handleOut() C.int32_t { return -1 }

func (c *cflat) bNPI32(s sym) (bool, int32) {
	h := handleOut()
	ok := C.sw_b_n_pi32(c.fn[s], c.inv, &h)
	return bool(ok), int32(h)
}

func (c *cflat) bNPI32I32(s sym, a int32) (bool, int32) {
	h := handleOut()
	ok := C.sw_b_n_pi32_i32(c.fn[s], c.inv, &h, C.int32_t(a))
	return bool(ok), int32(h)
}

func (c *cflat) bNPI32PU32(s sym, arr []byte, n uint32) (bool, int32) {
	h := handleOut()
	ok := C.sw_b_n_pi32_p_u32(c.fn[s], c.inv, &h, bytesPtr(arr), C.uint32_t(n))
	return bool(ok), int32(h)
}

func (c *cflat) bNPI32PU32B(s sym, buf []byte, reserved bool) (bool, int32) {
	h := handleOut()
	ok := C.sw_b_n_pi32_p_u32_b(c.fn[s], c.inv, &h, bytesPtr(buf), C.uint32_t(len(buf)), C.bool(reserved))
	return bool(ok), int32(h)
}

func (c *cflat) bNPI32PPU32(s sym, defs, qty []byte, n uint32) (bool, int32) {
	h := handleOut()
	ok := C.sw_b_n_pi32_p_p_u32(c.fn[s], c.inv, &h, bytesPtr(defs), bytesPtr(qty), C.uint32_t(n))
	return bool(ok), int32(h)
}

func (c *cflat) bNPI32U64U32(s sym, item uint64, qty uint32) (bool, int32) {
	h := handleOut()
	ok := C.sw_b_n_pi32_u64_u32(c.fn[s], c.inv, &h, C.uint64_t(item), C.uint32_t(qty))
	return bool(ok), int32(h)
}

func (c *cflat) bNPI32U64U32U64(s sym, src uint64, qty uint32, dst uint64) (bool, int32) {
	h := handleOut()
	ok := C.sw_b_n_pi32_u64_u32_u64(c.fn[s], c.inv, &h, C.uint64_t(src), C.uint32_t(qty), C.uint64_t(dst))
	return bool(ok), int32(h)
}

func (c *cflat) bNPI32PPU32PPU32(s sym, gen, genQty []byte, genN uint32, destroy, destroyQty []byte, destroyN uint32) (bool, int32) {
	h := handleOut()
	ok := C.sw_b_n_pi32_p_p_u32_p_p_u32(c.fn[s], c.inv, &h, bytesPtr(gen), bytesPtr(genQty), C.uint32_t(genN),
		bytesPtr(destroy), bytesPtr(destroyQty), C.uint32_t(destroyN))
	return bool(ok), int32(h)
}

func (c *cflat) bNU64PI32(s sym, update uint64) (bool, int32) {
	h := handleOut()
	ok := C.sw_b_n_u64_pi32(c.fn[s], c.inv, C.uint64_t(update), &h)
	return bool(ok), int32(h)
}

func (c *cflat) bN(s sym) bool { return bool(C.sw_b_n(c.fn[s], c.inv)) }

func (c *cflat) bNPPU32(s sym, buf []byte, n uint32) (bool, uint32) {
	size := C.uint32_t(n)
	ok := C.sw_b_n_p_pu32(c.fn[s], c.inv, bytesPtr(buf), &size)
	return bool(ok), uint32(size)
}

func (c *cflat) bNI32SPPU32(s sym, def int32, name string, buf []byte) (bool, uint32) {
	n := C.uint32_t(len(buf))
	ok := C.sw_b_n_i32_s_p_pu32(c.fn[s], c.inv, C.int32_t(def), cstrOrNull(name), (*C.char)(bytesPtr(buf)), &n)
	return bool(ok), uint32(n)
}

func (c *cflat) u64NU64(s sym, id uint64) uint64 {
	return uint64(C.sw_u64_n_u64(c.fn[s], c.inv, C.uint64_t(id)))
}

func (c *cflat) bNU64PPU32(s sym, id uint64, buf []byte, n uint32) (bool, uint32) {
	size := C.uint32_t(n)
	ok := C.sw_b_n_u64_p_pu32(c.fn[s], c.inv, C.uint64_t(id), bytesPtr(buf), &size)
	return bool(ok), uint32(size)
}

func (c *cflat) u64NPPU32(s sym, defs, qty []byte, n uint32) uint64 {
	return uint64(C.sw_u64_n_p_p_u32(c.fn[s], c.inv, bytesPtr(defs), bytesPtr(qty), C.uint32_t(n)))
}

func (c *cflat) u64N(s sym) uint64 { return uint64(C.sw_u64_n(c.fn[s], c.inv)) }
func (c *cflat) u32N(s sym) uint32 { return uint32(C.sw_u32_n(c.fn[s], c.inv)) }

func (c *cflat) bNPPPU32(s sym, defs, prices, bases []byte, n uint32) bool {
	return bool(C.sw_b_n_p_p_p_u32(c.fn[s], c.inv, bytesPtr(defs), bytesPtr(prices), bytesPtr(bases), C.uint32_t(n)))
}

func (c *cflat) bNI32PU64PU64(s sym, def int32) (bool, uint64, uint64) {
	var price, base C.uint64_t
	ok := C.sw_b_n_i32_pu64_pu64(c.fn[s], c.inv, C.int32_t(def), &price, &base)
	return bool(ok), uint64(price), uint64(base)
}

func (c *cflat) bNU64U64S(s sym, update, item uint64, name string) bool {
	return bool(C.sw_b_n_u64_u64_s(c.fn[s], c.inv, C.uint64_t(update), C.uint64_t(item), cstr(name)))
}

func (c *cflat) bNU64U64SS(s sym, update, item uint64, name, v string) bool {
	return bool(C.sw_b_n_u64_u64_s_s(c.fn[s], c.inv, C.uint64_t(update), C.uint64_t(item), cstr(name), cstr(v)))
}

func (c *cflat) bNU64U64SB(s sym, update, item uint64, name string, v bool) bool {
	return bool(C.sw_b_n_u64_u64_s_b(c.fn[s], c.inv, C.uint64_t(update), C.uint64_t(item), cstr(name), C.bool(v)))
}

func (c *cflat) bNU64U64SI64(s sym, update, item uint64, name string, v int64) bool {
	return bool(C.sw_b_n_u64_u64_s_i64(c.fn[s], c.inv, C.uint64_t(update), C.uint64_t(item), cstr(name), C.int64_t(v)))
}

func (c *cflat) bNU64U64SF32(s sym, update, item uint64, name string, v float32) bool {
	return bool(C.sw_b_n_u64_u64_s_f32(c.fn[s], c.inv, C.uint64_t(update), C.uint64_t(item), cstr(name), C.float(v)))
}
