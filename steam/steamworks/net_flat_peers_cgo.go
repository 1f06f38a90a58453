//go:build cgo && (!windows || amd64)

package steamworks

// The Networking Messages (m), old Networking (o) and Networking Utils (t) trampolines, as
// net_flat_cgo.go's for the sockets: self is the game server's ISteamNetworkingMessages,
// ISteamNetworking, or the ISteamNetworkingUtils in use (cnet).

/*
#cgo noescape sw_net_config_info
#cgo noescape sw_i32_m_p_p_u32_i32_i32
#cgo noescape sw_b_m_p
#cgo noescape sw_b_m_p_i32
#cgo noescape sw_i32_m_p_p_p
#cgo noescape sw_b_o_u64_p_u32_i32_i32
#cgo noescape sw_b_o_pu32_i32
#cgo noescape sw_b_o_p_u32_pu32_pu64_i32
#cgo noescape sw_b_o_u64_p
#cgo noescape sw_i32_t_p
#cgo noescape sw_f32_t_p
#cgo noescape sw_i32_t_p_p
#cgo noescape sw_v_t_p_p_i32
#cgo noescape sw_b_t_s_p
#cgo noescape sw_i32_t_u32_pu32
#cgo noescape sw_i32_t_p_i32
#cgo noescape sw_b_t_i32_i32_iptr_i32_p
#cgo noescape sw_i32_t_i32_i32_iptr_pi32_p_psz
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

static int32_t sw_i32_m_p_p_u32_i32_i32(void *f, void *self, const void *a, const void *b, uint32_t c, int32_t d, int32_t e) { return ((int32_t (*)(void *, const void *, const void *, uint32_t, int32_t, int32_t))f)(self, a, b, c, d, e); }
static bool sw_b_m_p(void *f, void *self, const void *a) { return ((bool (*)(void *, const void *))f)(self, a); }
static bool sw_b_m_p_i32(void *f, void *self, const void *a, int32_t b) { return ((bool (*)(void *, const void *, int32_t))f)(self, a, b); }
static int32_t sw_i32_m_p_p_p(void *f, void *self, const void *a, void *b, void *c) { return ((int32_t (*)(void *, const void *, void *, void *))f)(self, a, b, c); }
static bool sw_b_o_u64_p_u32_i32_i32(void *f, void *self, uint64_t a, const void *b, uint32_t c, int32_t d, int32_t e) { return ((bool (*)(void *, uint64_t, const void *, uint32_t, int32_t, int32_t))f)(self, a, b, c, d, e); }
static bool sw_b_o_pu32_i32(void *f, void *self, uint32_t *a, int32_t b) { return ((bool (*)(void *, uint32_t *, int32_t))f)(self, a, b); }
static bool sw_b_o_p_u32_pu32_pu64_i32(void *f, void *self, void *a, uint32_t b, uint32_t *c, uint64_t *d, int32_t e) { return ((bool (*)(void *, void *, uint32_t, uint32_t *, uint64_t *, int32_t))f)(self, a, b, c, d, e); }
static bool sw_b_o_u64(void *f, void *self, uint64_t a) { return ((bool (*)(void *, uint64_t))f)(self, a); }
static bool sw_b_o_u64_i32(void *f, void *self, uint64_t a, int32_t b) { return ((bool (*)(void *, uint64_t, int32_t))f)(self, a, b); }
static bool sw_b_o_u64_p(void *f, void *self, uint64_t a, void *b) { return ((bool (*)(void *, uint64_t, void *))f)(self, a, b); }
static bool sw_b_o_b(void *f, void *self, bool a) { return ((bool (*)(void *, bool))f)(self, a); }
static int64_t sw_i64_t(void *f, void *self) { return ((int64_t (*)(void *))f)(self); }
static void sw_v_t(void *f, void *self) { ((void (*)(void *))f)(self); }
static int32_t sw_i32_t_p(void *f, void *self, void *a) { return ((int32_t (*)(void *, void *))f)(self, a); }
static float sw_f32_t_p(void *f, void *self, void *a) { return ((float (*)(void *, void *))f)(self, a); }
static int32_t sw_i32_t_p_p(void *f, void *self, const void *a, const void *b) { return ((int32_t (*)(void *, const void *, const void *))f)(self, a, b); }
static void sw_v_t_p_p_i32(void *f, void *self, const void *a, char *b, int32_t c) { ((void (*)(void *, const void *, char *, int32_t))f)(self, a, b, c); }
static bool sw_b_t_s_p(void *f, void *self, const char *a, void *b) { return ((bool (*)(void *, const char *, void *))f)(self, a, b); }
static bool sw_b_t_f32(void *f, void *self, float a) { return ((bool (*)(void *, float))f)(self, a); }
static int32_t sw_i32_t_u32_pu32(void *f, void *self, uint32_t a, uint32_t *b) { return ((int32_t (*)(void *, uint32_t, uint32_t *))f)(self, a, b); }
static int32_t sw_i32_t_u32(void *f, void *self, uint32_t a) { return ((int32_t (*)(void *, uint32_t))f)(self, a); }
static int32_t sw_i32_t(void *f, void *self) { return ((int32_t (*)(void *))f)(self); }
static int32_t sw_i32_t_p_i32(void *f, void *self, void *a, int32_t b) { return ((int32_t (*)(void *, void *, int32_t))f)(self, a, b); }
static bool sw_b_t_i32_i32_iptr_i32_p(void *f, void *self, int32_t a, int32_t b, intptr_t c, int32_t d, const void *e) { return ((bool (*)(void *, int32_t, int32_t, intptr_t, int32_t, const void *))f)(self, a, b, c, d, e); }
static int32_t sw_i32_t_i32_i32_iptr_pi32_p_psz(void *f, void *self, int32_t a, int32_t b, intptr_t c, int32_t *d, void *e, size_t *g) { return ((int32_t (*)(void *, int32_t, int32_t, intptr_t, int32_t *, void *, size_t *))f)(self, a, b, c, d, e, g); }
// GetConfigValueInfo's name, copied into buf (size bytes, NUL-terminated); "" for NULL.
static const char *sw_s_t_i32_pi32_pi32(void *f, void *self, int32_t a, int32_t *b, int32_t *c) {
	return ((const char *(*)(void *, int32_t, int32_t *, int32_t *))f)(self, a, b, c);
}
static int32_t sw_net_config_info(void *f, void *self, int32_t value, int32_t *type, int32_t *scope, char *buf, int32_t size) {
	const char *s = sw_s_t_i32_pi32_pi32(f, self, value, type, scope);
	int32_t n = 0;
	if (s != NULL) {
		for (; n < size - 1 && s[n] != 0; n++) {
			buf[n] = s[n];
		}
	}
	buf[n] = 0;
	return n;
}
static int32_t sw_i32_m_i32_msgs_i32(void *f, void *self, int32_t ch, uintptr_t *out, int32_t max) {
	return ((int32_t (*)(void *, int32_t, uintptr_t *, int32_t))f)(self, ch, out, max);
}
*/
import "C"

import "unsafe"

func (c *cflat) i32MPPU32I32I32(s sym, identity, data []byte, flags, channel int32) int32 {
	return int32(C.sw_i32_m_p_p_u32_i32_i32(c.fn[s], c.net.messages, bytesPtr(identity), bytesPtr(data), C.uint32_t(len(data)),
		C.int32_t(flags), C.int32_t(channel)))
}

func (c *cflat) bMP(s sym, identity []byte) bool {
	return bool(C.sw_b_m_p(c.fn[s], c.net.messages, bytesPtr(identity)))
}

func (c *cflat) bMPI32(s sym, identity []byte, channel int32) bool {
	return bool(C.sw_b_m_p_i32(c.fn[s], c.net.messages, bytesPtr(identity), C.int32_t(channel)))
}

func (c *cflat) i32MPPP(s sym, identity, info, status []byte) int32 {
	return int32(C.sw_i32_m_p_p_p(c.fn[s], c.net.messages, bytesPtr(identity), bytesPtr(info), bytesPtr(status)))
}

func (c *cflat) bOU64PU32I32I32(s sym, id uint64, data []byte, sendType, channel int32) bool {
	return bool(C.sw_b_o_u64_p_u32_i32_i32(c.fn[s], c.net.p2p, C.uint64_t(id), bytesPtr(data), C.uint32_t(len(data)),
		C.int32_t(sendType), C.int32_t(channel)))
}

func (c *cflat) bOPU32I32(s sym, channel int32) (bool, uint32) {
	var size C.uint32_t
	ok := C.sw_b_o_pu32_i32(c.fn[s], c.net.p2p, &size, C.int32_t(channel))
	return bool(ok), uint32(size)
}

func (c *cflat) bOPU32PU32PU64I32(s sym, buf []byte, channel int32) (bool, uint32, uint64) {
	var size C.uint32_t
	var remote C.uint64_t
	ok := C.sw_b_o_p_u32_pu32_pu64_i32(c.fn[s], c.net.p2p, bytesPtr(buf), C.uint32_t(len(buf)), &size, &remote, C.int32_t(channel))
	return bool(ok), uint32(size), uint64(remote)
}

func (c *cflat) bOU64(s sym, id uint64) bool {
	return bool(C.sw_b_o_u64(c.fn[s], c.net.p2p, C.uint64_t(id)))
}
func (c *cflat) bOU64I32(s sym, id uint64, channel int32) bool {
	return bool(C.sw_b_o_u64_i32(c.fn[s], c.net.p2p, C.uint64_t(id), C.int32_t(channel)))
}
func (c *cflat) bOU64P(s sym, id uint64, buf []byte) bool {
	return bool(C.sw_b_o_u64_p(c.fn[s], c.net.p2p, C.uint64_t(id), bytesPtr(buf)))
}
func (c *cflat) bOB(s sym, a bool) bool { return bool(C.sw_b_o_b(c.fn[s], c.net.p2p, C.bool(a))) }

func (c *cflat) i64T(s sym) int64 { return int64(C.sw_i64_t(c.fn[s], c.net.utils)) }
func (c *cflat) vT(s sym)         { C.sw_v_t(c.fn[s], c.net.utils) }
func (c *cflat) i32TP(s sym, buf []byte) int32 {
	return int32(C.sw_i32_t_p(c.fn[s], c.net.utils, bytesPtr(buf)))
}
func (c *cflat) f32TP(s sym, buf []byte) float32 {
	return float32(C.sw_f32_t_p(c.fn[s], c.net.utils, bytesPtr(buf)))
}
func (c *cflat) i32TPP(s sym, a, b []byte) int32 {
	return int32(C.sw_i32_t_p_p(c.fn[s], c.net.utils, bytesPtr(a), bytesPtr(b)))
}
func (c *cflat) vTPPI32(s sym, loc, out []byte) {
	C.sw_v_t_p_p_i32(c.fn[s], c.net.utils, bytesPtr(loc), (*C.char)(bytesPtr(out)), C.int32_t(len(out)))
}
func (c *cflat) bTSP(s sym, text string, loc []byte) bool {
	return bool(C.sw_b_t_s_p(c.fn[s], c.net.utils, cstr(text), bytesPtr(loc)))
}
func (c *cflat) bTF32(s sym, v float32) bool {
	return bool(C.sw_b_t_f32(c.fn[s], c.net.utils, C.float(v)))
}
func (c *cflat) i32TU32PU32(s sym, pop uint32) (int32, uint32) {
	var via C.uint32_t
	r := C.sw_i32_t_u32_pu32(c.fn[s], c.net.utils, C.uint32_t(pop), &via)
	return int32(r), uint32(via)
}
func (c *cflat) i32TU32(s sym, pop uint32) int32 {
	return int32(C.sw_i32_t_u32(c.fn[s], c.net.utils, C.uint32_t(pop)))
}
func (c *cflat) i32T(s sym) int32 { return int32(C.sw_i32_t(c.fn[s], c.net.utils)) }
func (c *cflat) i32TPI32(s sym, list []uint32) int32 {
	var p unsafe.Pointer
	if len(list) > 0 {
		p = unsafe.Pointer(&list[0])
	}
	return int32(C.sw_i32_t_p_i32(c.fn[s], c.net.utils, p, C.int32_t(len(list))))
}

func (c *cflat) bTI32I32IptrI32P(s sym, value, scope int32, obj int64, dataType int32, arg []byte) bool {
	return bool(C.sw_b_t_i32_i32_iptr_i32_p(c.fn[s], c.net.utils, C.int32_t(value), C.int32_t(scope), C.intptr_t(obj),
		C.int32_t(dataType), bytesPtr(arg)))
}

func (c *cflat) i32TI32I32IptrPI32PPsz(s sym, value, scope int32, obj int64, buf []byte) (int32, int32, int) {
	var dataType C.int32_t
	size := C.size_t(len(buf))
	r := C.sw_i32_t_i32_i32_iptr_pi32_p_psz(c.fn[s], c.net.utils, C.int32_t(value), C.int32_t(scope), C.intptr_t(obj), &dataType,
		bytesPtr(buf), &size)
	return int32(r), int32(dataType), int(size)
}

func (c *cflat) sTI32PI32PI32(s sym, value int32) (string, int32, int32) {
	var dataType, scope C.int32_t
	var buf [maxSteamString]C.char
	n := C.sw_net_config_info(c.fn[s], c.net.utils, C.int32_t(value), &dataType, &scope, &buf[0], C.int32_t(len(buf)))
	return C.GoStringN(&buf[0], C.int(n)), int32(dataType), int32(scope)
}
