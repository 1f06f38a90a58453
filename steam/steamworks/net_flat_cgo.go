//go:build cgo && (!windows || amd64)

package steamworks

// The networking trampolines (net_flat.go's shapes), as flat_cgo.go's, and the three that do more
// than one call: receiving messages (reading each SteamNetworkingMessage_t Steam returned),
// SendMessages (allocating and filling each message first) and releasing a batch. The option
// arrays (SteamNetworkingConfigValue_t) are built in C memory, since a string option holds a
// pointer.

/*
#cgo noescape sw_net_receive
#cgo noescape sw_p_i32_s
#cgo noescape sw_net_release
#cgo noescape sw_net_alloc
#cgo noescape sw_v_k_i32_p_p
#cgo noescape sw_net_option
#cgo noescape sw_v_y_u64
#cgo noescape sw_u64_y
#cgo noescape sw_b_a_s
#cgo noescape sw_v_a_p_u32_b
#cgo noescape sw_u32_k_p_i32_p
#cgo noescape sw_u32_k_i32_i32_p
#cgo noescape sw_u32_k_p_i32_i32_p
#cgo noescape sw_b_k_u32_i32_s_b
#cgo noescape sw_v_k_u32_s
#cgo noescape sw_b_k_u32_p_i32
#cgo noescape sw_i32_k_u32_p_u32_i32_pi64
#cgo noescape sw_b_k_u32_p
#cgo noescape sw_i32_k_u32_p_i32_p
#cgo noescape sw_i32_k_u32_p_i32
#cgo noescape sw_b_k_pu32_pu32_b_p_p
#cgo noescape sw_i32_k_u32_i32_p_p
#cgo noescape sw_b_k_p
#cgo noescape sw_i32_k_p
#cgo noescape sw_v_k_p
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void *sw_net_accessor(void *f) { return ((void *(*)(void))f)(); }
static void *sw_p_i32_s(void *f, int32_t user, const char *version) { return ((void *(*)(int32_t, const char *))f)(user, version); }

static void sw_v_y_u64(void *f, void *a, uint64_t b) { ((void (*)(void *, uint64_t))f)(a, b); }
static uint64_t sw_u64_y(void *f, void *a) { return ((uint64_t (*)(void *))f)(a); }
static bool sw_b_a_s(void *f, void *a, const char *b) { return ((bool (*)(void *, const char *))f)(a, b); }
static void sw_v_a_p_u32_b(void *f, void *a, char *b, uint32_t c, bool d) { ((void (*)(void *, char *, uint32_t, bool))f)(a, b, c, d); }
static uint32_t sw_u32_k_p_i32_p(void *f, void *self, const void *a, int32_t n, const void *opts) { return ((uint32_t (*)(void *, const void *, int32_t, const void *))f)(self, a, n, opts); }
static uint32_t sw_u32_k_i32_i32_p(void *f, void *self, int32_t a, int32_t n, const void *opts) { return ((uint32_t (*)(void *, int32_t, int32_t, const void *))f)(self, a, n, opts); }
static uint32_t sw_u32_k_p_i32_i32_p(void *f, void *self, const void *a, int32_t b, int32_t n, const void *opts) { return ((uint32_t (*)(void *, const void *, int32_t, int32_t, const void *))f)(self, a, b, n, opts); }
static int32_t sw_i32_k_u32(void *f, void *self, uint32_t a) { return ((int32_t (*)(void *, uint32_t))f)(self, a); }
static bool sw_b_k_u32_i32_s_b(void *f, void *self, uint32_t a, int32_t b, const char *c, bool d) { return ((bool (*)(void *, uint32_t, int32_t, const char *, bool))f)(self, a, b, c, d); }
static bool sw_b_k_u32(void *f, void *self, uint32_t a) { return ((bool (*)(void *, uint32_t))f)(self, a); }
static bool sw_b_k_u32_i64(void *f, void *self, uint32_t a, int64_t b) { return ((bool (*)(void *, uint32_t, int64_t))f)(self, a, b); }
static int64_t sw_i64_k_u32(void *f, void *self, uint32_t a) { return ((int64_t (*)(void *, uint32_t))f)(self, a); }
static void sw_v_k_u32_s(void *f, void *self, uint32_t a, const char *b) { ((void (*)(void *, uint32_t, const char *))f)(self, a, b); }
static bool sw_b_k_u32_p_i32(void *f, void *self, uint32_t a, void *b, int32_t c) { return ((bool (*)(void *, uint32_t, void *, int32_t))f)(self, a, b, c); }
static int32_t sw_i32_k_u32_p_u32_i32_pi64(void *f, void *self, uint32_t a, const void *b, uint32_t c, int32_t d, int64_t *e) { return ((int32_t (*)(void *, uint32_t, const void *, uint32_t, int32_t, int64_t *))f)(self, a, b, c, d, e); }
static bool sw_b_k_u32_p(void *f, void *self, uint32_t a, void *b) { return ((bool (*)(void *, uint32_t, void *))f)(self, a, b); }
static int32_t sw_i32_k_u32_p_i32_p(void *f, void *self, uint32_t a, void *b, int32_t c, void *d) { return ((int32_t (*)(void *, uint32_t, void *, int32_t, void *))f)(self, a, b, c, d); }
static int32_t sw_i32_k_u32_p_i32(void *f, void *self, uint32_t a, void *b, int32_t c) { return ((int32_t (*)(void *, uint32_t, void *, int32_t))f)(self, a, b, c); }
static bool sw_b_k_pu32_pu32_b_p_p(void *f, void *self, uint32_t *a, uint32_t *b, bool c, const void *d, const void *e) { return ((bool (*)(void *, uint32_t *, uint32_t *, bool, const void *, const void *))f)(self, a, b, c, d, e); }
static int32_t sw_i32_k_u32_i32_p_p(void *f, void *self, uint32_t a, int32_t b, const void *c, const void *d) { return ((int32_t (*)(void *, uint32_t, int32_t, const void *, const void *))f)(self, a, b, c, d); }
static bool sw_b_k_p(void *f, void *self, void *a) { return ((bool (*)(void *, void *))f)(self, a); }
static int32_t sw_i32_k(void *f, void *self) { return ((int32_t (*)(void *))f)(self); }
static int32_t sw_i32_k_p(void *f, void *self, void *a) { return ((int32_t (*)(void *, void *))f)(self, a); }
static uint32_t sw_u32_k(void *f, void *self) { return ((uint32_t (*)(void *))f)(self); }
static bool sw_b_k_u32_u32(void *f, void *self, uint32_t a, uint32_t b) { return ((bool (*)(void *, uint32_t, uint32_t))f)(self, a, b); }
static uint16_t sw_u16_k(void *f, void *self) { return ((uint16_t (*)(void *))f)(self); }
static void sw_v_k_p(void *f, void *self, const void *a) { ((void (*)(void *, const void *))f)(self, a); }
static void sw_v_k(void *f, void *self) { ((void (*)(void *))f)(self); }


// SteamNetworkingMessage_t (steamnetworkingtypes.h), at its natural packing, as Steam lays it out.
typedef struct {
	void *m_pData;
	int32_t m_cbSize;
	uint32_t m_conn;
	uint8_t m_identityPeer[136]; // SteamNetworkingIdentity, read with its own flat helper
	int64_t m_nConnUserData;
	int64_t m_usecTimeReceived;
	int64_t m_nMessageNumber;
	void (*m_pfnFreeData)(void *);
	void (*m_pfnRelease)(void *);
	int32_t m_nChannel;
	int32_t m_nFlags;
	int64_t m_nUserData;
	uint16_t m_idxLane;
	uint16_t _pad1__;
} sw_net_message;
_Static_assert(sizeof(sw_net_message) == 216 && offsetof(sw_net_message, m_identityPeer) == 16 &&
	offsetof(sw_net_message, m_nConnUserData) == 152 && offsetof(sw_net_message, m_pfnRelease) == 184 &&
	offsetof(sw_net_message, m_nChannel) == 192 && offsetof(sw_net_message, m_nUserData) == 200 &&
	offsetof(sw_net_message, m_idxLane) == 208, "SteamNetworkingMessage_t's x86_64 layout");

// SteamNetworkingConfigValue_t: a value, its type, and a union of the value (natural packing).
typedef struct {
	int32_t m_eValue;
	int32_t m_eDataType;
	union { int32_t m_int32; int64_t m_int64; float m_float; const char *m_string; void *m_ptr; } m_val;
} sw_config_value;
_Static_assert(sizeof(sw_config_value) == 16 && offsetof(sw_config_value, m_val) == 8, "SteamNetworkingConfigValue_t is 16 bytes");

// What the receive trampoline reads of each message, for Go.
typedef struct {
	const uint8_t *data;
	int32_t size;
	uint32_t conn;
	uint64_t peer;
	int64_t user_data, time, number;
	int32_t channel, flags;
	uint16_t lane;
} sw_msg_view;

// sw_net_receive calls a receive function (self, handle or channel, SteamNetworkingMessage_t **, max)
// into out, then reads each message into views; peer is the identity's Steam ID (0 if none).
static int32_t sw_net_receive(void *f, void *self, uint32_t h, uintptr_t *out, int32_t max, void *get_steamid, sw_msg_view *views) {
	int32_t n = ((int32_t (*)(void *, uint32_t, uintptr_t *, int32_t))f)(self, h, out, max);
	for (int32_t i = 0; i < n && i < max; i++) {
		sw_net_message *m = (sw_net_message *)out[i];
		views[i].data = (const uint8_t *)m->m_pData;
		views[i].size = m->m_cbSize < 0 ? 0 : m->m_cbSize;
		views[i].conn = m->m_conn;
		views[i].peer = ((uint64_t (*)(void *))get_steamid)(m->m_identityPeer);
		views[i].user_data = m->m_nConnUserData;
		views[i].time = m->m_usecTimeReceived;
		views[i].number = m->m_nMessageNumber;
		views[i].channel = m->m_nChannel;
		views[i].flags = m->m_nFlags;
		views[i].lane = m->m_idxLane;
	}
	return n;
}
// The receive functions' shapes, for the symbol table's check: each is called through sw_net_receive.
static int32_t sw_i32_k_u32_msgs_i32(void *f, void *self, uint32_t h, uintptr_t *out, int32_t max) {
	return ((int32_t (*)(void *, uint32_t, uintptr_t *, int32_t))f)(self, h, out, max);
}

// sw_net_release calls SteamNetworkingMessage_t_Release (v_g) on each message.
static void sw_v_g(void *f, void *msg) { ((void (*)(void *))f)(msg); }
static void sw_net_release(void *f, const uintptr_t *msgs, int32_t n) {
	for (int32_t i = 0; i < n; i++) {
		sw_v_g(f, (void *)msgs[i]);
	}
}

// sw_net_alloc allocates a message of size bytes (AllocateMessage, p_t_i32), copies data into it and
// sets its connection, flags and lane; 0 when Steam allocated nothing.
static void *sw_p_t_i32(void *f, void *self, int32_t size) { return ((void *(*)(void *, int32_t))f)(self, size); }
static uintptr_t sw_net_alloc(void *f, void *self, const void *data, int32_t size, uint32_t conn, int32_t flags, uint16_t lane) {
	sw_net_message *m = (sw_net_message *)sw_p_t_i32(f, self, size);
	if (m == NULL) {
		return 0;
	}
	if (size > 0 && m->m_pData != NULL) {
		memcpy(m->m_pData, data, (size_t)size);
	}
	m->m_conn = conn;
	m->m_nFlags = flags;
	m->m_idxLane = lane;
	return (uintptr_t)m;
}
static void sw_v_k_i32_p_p(void *f, void *self, int32_t n, const uintptr_t *msgs, int64_t *results) {
	((void (*)(void *, int32_t, const uintptr_t *, int64_t *))f)(self, n, msgs, results);
}

// sw_net_options is an option array in C memory (n entries), freed by sw_net_free_options with the
// strings it holds.
static sw_config_value *sw_net_options(int32_t n) { return n > 0 ? (sw_config_value *)calloc((size_t)n, sizeof(sw_config_value)) : NULL; }
static void sw_net_option(sw_config_value *o, int32_t i, int32_t value, int32_t type, int64_t v, float fv, const char *s, int32_t slen) {
	o[i].m_eValue = value;
	o[i].m_eDataType = type;
	switch (type) {
	case 1: o[i].m_val.m_int32 = (int32_t)v; break;
	case 2: o[i].m_val.m_int64 = v; break;
	case 3: o[i].m_val.m_float = fv; break;
	case 4: {
		char *copy = (char *)malloc((size_t)slen + 1);
		if (copy != NULL) {
			memcpy(copy, s, (size_t)slen);
			copy[slen] = 0;
		}
		o[i].m_val.m_string = copy;
		break;
	}
	default: o[i].m_val.m_int64 = v; break;
	}
}
static void sw_net_free_options(sw_config_value *o, int32_t n) {
	if (o == NULL) {
		return;
	}
	for (int32_t i = 0; i < n; i++) {
		if (o[i].m_eDataType == 4) {
			free((void *)o[i].m_val.m_string);
		}
	}
	free(o);
}
*/
import "C"

import (
	"unsafe"

	"github.com/gosteam/godot-steam-server/steam"
)

// cnet is the networking's interface pointers, C memory, from the last call of each accessor.
type cnet struct {
	sockets, messages, p2p, utils unsafe.Pointer
	views                         []C.sw_msg_view // reused by every receive, grown to the largest max
	// reused by every SendMessages: the allocated messages, which message each is, Steam's answers
	sendBuf     []uintptr
	sendIndex   []int
	sendAnswers []int64
}

func (c *cflat) selfSockets(s sym) bool {
	c.net.sockets = C.sw_net_accessor(c.fn[s])
	return c.net.sockets != nil
}

func (c *cflat) selfMessages(s sym) bool {
	c.net.messages = C.sw_net_accessor(c.fn[s])
	return c.net.messages != nil
}

func (c *cflat) selfP2P(s sym) bool {
	c.net.p2p = C.sw_net_accessor(c.fn[s])
	return c.net.p2p != nil
}

func (c *cflat) selfNetUtilsOf(s sym, user int32, version string) bool {
	c.net.utils = C.sw_p_i32_s(c.fn[s], C.int32_t(user), cstr(version))
	return c.net.utils != nil
}

func (c *cflat) selfNetUtils(s sym) bool {
	c.net.utils = C.sw_net_accessor(c.fn[s])
	return c.net.utils != nil
}

// optionArray builds opts in C memory; free it with C.sw_net_free_options(o, n).
func optionArray(opts []steam.ConfigOption) (*C.sw_config_value, C.int32_t) {
	n := C.int32_t(len(opts))
	o := C.sw_net_options(n)
	if o == nil {
		return nil, 0
	}
	for i, opt := range opts {
		C.sw_net_option(o, C.int32_t(i), C.int32_t(opt.Value), C.int32_t(opt.Type), C.int64_t(opt.Int), C.float(opt.Float),
			(*C.char)(unsafe.Pointer(unsafe.StringData(opt.String))), C.int32_t(len(opt.String)))
	}
	return o, n
}

func (c *cflat) vYU64(s sym, identity []byte, id uint64) {
	C.sw_v_y_u64(c.fn[s], bytesPtr(identity), C.uint64_t(id))
}

func (c *cflat) u64Y(s sym, identity []byte) uint64 {
	return uint64(C.sw_u64_y(c.fn[s], bytesPtr(identity)))
}

func (c *cflat) bAS(s sym, addr []byte, text string) bool {
	return bool(C.sw_b_a_s(c.fn[s], bytesPtr(addr), cstr(text)))
}

func (c *cflat) vAPU32B(s sym, addr, out []byte, withPort bool) {
	C.sw_v_a_p_u32_b(c.fn[s], bytesPtr(addr), (*C.char)(bytesPtr(out)), C.uint32_t(len(out)), C.bool(withPort))
}

func (c *cflat) releaseMessages(s sym, msgs []uintptr) {
	if len(msgs) == 0 {
		return
	}
	C.sw_net_release(c.fn[s], (*C.uintptr_t)(unsafe.Pointer(&msgs[0])), C.int32_t(len(msgs)))
}

func (c *cflat) u32KPI32P(s sym, addr []byte, opts []steam.ConfigOption) uint32 {
	o, n := optionArray(opts)
	defer C.sw_net_free_options(o, n)
	return uint32(C.sw_u32_k_p_i32_p(c.fn[s], c.net.sockets, bytesPtr(addr), n, unsafe.Pointer(o)))
}

func (c *cflat) u32KI32I32P(s sym, port int32, opts []steam.ConfigOption) uint32 {
	o, n := optionArray(opts)
	defer C.sw_net_free_options(o, n)
	return uint32(C.sw_u32_k_i32_i32_p(c.fn[s], c.net.sockets, C.int32_t(port), n, unsafe.Pointer(o)))
}

func (c *cflat) u32KPI32I32P(s sym, identity []byte, port int32, opts []steam.ConfigOption) uint32 {
	o, n := optionArray(opts)
	defer C.sw_net_free_options(o, n)
	return uint32(C.sw_u32_k_p_i32_i32_p(c.fn[s], c.net.sockets, bytesPtr(identity), C.int32_t(port), n, unsafe.Pointer(o)))
}

func (c *cflat) i32KU32(s sym, h uint32) int32 {
	return int32(C.sw_i32_k_u32(c.fn[s], c.net.sockets, C.uint32_t(h)))
}

func (c *cflat) bKU32I32SB(s sym, h uint32, reason int32, debug string, linger bool) bool {
	return bool(C.sw_b_k_u32_i32_s_b(c.fn[s], c.net.sockets, C.uint32_t(h), C.int32_t(reason), cstr(debug), C.bool(linger)))
}

func (c *cflat) bKU32(s sym, h uint32) bool {
	return bool(C.sw_b_k_u32(c.fn[s], c.net.sockets, C.uint32_t(h)))
}

func (c *cflat) bKU32I64(s sym, h uint32, v int64) bool {
	return bool(C.sw_b_k_u32_i64(c.fn[s], c.net.sockets, C.uint32_t(h), C.int64_t(v)))
}

func (c *cflat) i64KU32(s sym, h uint32) int64 {
	return int64(C.sw_i64_k_u32(c.fn[s], c.net.sockets, C.uint32_t(h)))
}

func (c *cflat) vKU32S(s sym, h uint32, text string) {
	C.sw_v_k_u32_s(c.fn[s], c.net.sockets, C.uint32_t(h), cstr(text))
}

func (c *cflat) bKU32PI32(s sym, h uint32, buf []byte) bool {
	return bool(C.sw_b_k_u32_p_i32(c.fn[s], c.net.sockets, C.uint32_t(h), bytesPtr(buf), C.int32_t(len(buf))))
}

func (c *cflat) i32KU32PU32I32PI64(s sym, h uint32, data []byte, flags int32) (int32, int64) {
	var number C.int64_t
	r := C.sw_i32_k_u32_p_u32_i32_pi64(c.fn[s], c.net.sockets, C.uint32_t(h), bytesPtr(data), C.uint32_t(len(data)), C.int32_t(flags), &number)
	return int32(r), int64(number)
}

func (c *cflat) sendMessages(alloc, send sym, msgs []steam.OutgoingMessage, results []int64) {
	c.net.sendBuf, c.net.sendIndex = c.net.sendBuf[:0], c.net.sendIndex[:0]
	for i, m := range msgs {
		p := C.sw_net_alloc(c.fn[alloc], c.net.utils, bytesPtr(m.Data), C.int32_t(len(m.Data)), C.uint32_t(m.Conn), C.int32_t(m.Flags), C.uint16_t(m.Lane))
		if p == 0 {
			results[i] = -int64(steam.ResultLimitExceeded)
			continue
		}
		c.net.sendBuf = append(c.net.sendBuf, uintptr(p))
		c.net.sendIndex = append(c.net.sendIndex, i)
	}
	n := len(c.net.sendBuf)
	if n == 0 {
		return
	}
	if cap(c.net.sendAnswers) < n {
		c.net.sendAnswers = make([]int64, n)
	}
	c.net.sendAnswers = c.net.sendAnswers[:n]
	clear(c.net.sendAnswers)
	C.sw_v_k_i32_p_p(c.fn[send], c.net.sockets, C.int32_t(n), (*C.uintptr_t)(unsafe.Pointer(&c.net.sendBuf[0])),
		(*C.int64_t)(unsafe.Pointer(&c.net.sendAnswers[0])))
	for j, i := range c.net.sendIndex {
		results[i] = c.net.sendAnswers[j]
	}
}

// receive runs a receive trampoline into b's spare room and appends what Steam returned.
func (c *cflat) receive(s sym, self unsafe.Pointer, h uint32, max int, b *steam.MessageBatch) int {
	if max <= 0 {
		return 0
	}
	if cap(c.net.views) < max {
		c.net.views = make([]C.sw_msg_view, max)
	}
	start := len(b.Native)
	if cap(b.Native)-start < max { // grows once to the traffic's size, then reuses
		grown := make([]uintptr, start, start+max)
		copy(grown, b.Native)
		b.Native = grown
	}
	b.Native = b.Native[:start+max]
	n := int(C.sw_net_receive(c.fn[s], self, C.uint32_t(h), (*C.uintptr_t)(unsafe.Pointer(&b.Native[start])), C.int32_t(max),
		c.fn[symIdentityGetSteamID64], &c.net.views[0]))
	b.Native = b.Native[:start+min(max, max0(n))]
	for i := 0; i < n && i < max; i++ {
		v := &c.net.views[i]
		b.Messages = append(b.Messages, steam.Message{Data: unsafe.Slice((*byte)(unsafe.Pointer(v.data)), int(v.size)),
			Conn: steam.NetConnection(v.conn), Identity: steam.SteamID(v.peer), ConnUserData: int64(v.user_data),
			TimeReceived: int64(v.time), MessageNumber: int64(v.number), Channel: int32(v.channel), Flags: int32(v.flags),
			Lane: uint16(v.lane)})
	}
	return n
}

func max0(n int) int { return max(n, 0) }

func (c *cflat) i32KU32Msgs(s sym, h uint32, max int, b *steam.MessageBatch) int {
	return c.receive(s, c.net.sockets, h, max, b)
}

func (c *cflat) i32MI32Msgs(s sym, channel int32, max int, b *steam.MessageBatch) int {
	return c.receive(s, c.net.messages, uint32(channel), max, b)
}

func (c *cflat) bKU32P(s sym, h uint32, buf []byte) bool {
	return bool(C.sw_b_k_u32_p(c.fn[s], c.net.sockets, C.uint32_t(h), bytesPtr(buf)))
}

func (c *cflat) i32KU32PI32P(s sym, h uint32, status, lanes []byte, nLanes int32) int32 {
	return int32(C.sw_i32_k_u32_p_i32_p(c.fn[s], c.net.sockets, C.uint32_t(h), bytesPtr(status), C.int32_t(nLanes), bytesPtr(lanes)))
}

func (c *cflat) i32KU32PI32(s sym, h uint32, buf []byte) int32 {
	return int32(C.sw_i32_k_u32_p_i32(c.fn[s], c.net.sockets, C.uint32_t(h), bytesPtr(buf), C.int32_t(len(buf))))
}

func (c *cflat) bKPU32PU32BPP(s sym, loopback bool, id1, id2 []byte) (bool, uint32, uint32) {
	var c1, c2 C.uint32_t
	ok := C.sw_b_k_pu32_pu32_b_p_p(c.fn[s], c.net.sockets, &c1, &c2, C.bool(loopback), bytesPtr(id1), bytesPtr(id2))
	return bool(ok), uint32(c1), uint32(c2)
}

func (c *cflat) i32KU32I32PP(s sym, h uint32, priorities []int32, weights []uint16) int32 {
	var p, w unsafe.Pointer
	if len(priorities) > 0 {
		p = unsafe.Pointer(&priorities[0])
	}
	if len(weights) > 0 {
		w = unsafe.Pointer(&weights[0])
	}
	return int32(C.sw_i32_k_u32_i32_p_p(c.fn[s], c.net.sockets, C.uint32_t(h), C.int32_t(len(priorities)), p, w))
}

func (c *cflat) bKP(s sym, buf []byte) bool {
	return bool(C.sw_b_k_p(c.fn[s], c.net.sockets, bytesPtr(buf)))
}
func (c *cflat) i32K(s sym) int32 { return int32(C.sw_i32_k(c.fn[s], c.net.sockets)) }
func (c *cflat) i32KP(s sym, buf []byte) int32 {
	return int32(C.sw_i32_k_p(c.fn[s], c.net.sockets, bytesPtr(buf)))
}
func (c *cflat) u32K(s sym) uint32 { return uint32(C.sw_u32_k(c.fn[s], c.net.sockets)) }
func (c *cflat) bKU32U32(s sym, a, b uint32) bool {
	return bool(C.sw_b_k_u32_u32(c.fn[s], c.net.sockets, C.uint32_t(a), C.uint32_t(b)))
}
func (c *cflat) u16K(s sym) uint16          { return uint16(C.sw_u16_k(c.fn[s], c.net.sockets)) }
func (c *cflat) vKP(s sym, identity []byte) { C.sw_v_k_p(c.fn[s], c.net.sockets, bytesPtr(identity)) }
func (c *cflat) vK(s sym)                   { C.sw_v_k(c.fn[s], c.net.sockets) }
