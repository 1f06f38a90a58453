//go:build cgo && (!windows || amd64)

package steamworks

// The package's cgo, with the loader's (load_dl.go: dlopen/dlsym/dladdr; load_windows.go:
// LoadLibrary/GetProcAddress/GetModuleFileName): one trampoline per C signature shape (sw_<shape>)
// that calls a resolved function pointer. The trampolines keep no pointer after they return; out
// values are written to the caller's memory before that. The same C serves Linux and Windows
// x86_64: only CallbackMsg_t's packing differs, and the compiler applies each ABI.

/*
#cgo noescape sw_i32_u32_u16_u16_i32_s_s_p
#cgo noescape sw_b_i32_msg
#cgo noescape sw_b_i32_u64_p_i32_i32_p
#cgo noescape sw_v_p_s
#cgo noescape sw_v_p_s_s
#cgo noescape sw_ip_p
#cgo noescape sw_u32_p_p_i32_p_p
#cgo noescape sw_i32_p_p_i32_u64
#cgo noescape sw_b_p_p_i32_u32_u16
#cgo noescape sw_i32_p_p_i32_p_p
#cgo noescape sw_b_p_u32_p_u32_p
#cgo noescape sw_b_p_u64_s_u32
#cgo noescape sw_b_q_u64_s
#cgo noescape sw_b_q_u64_s_pi32
#cgo noescape sw_b_q_u64_s_pf32
#cgo noescape sw_b_q_u64_s_pb
#cgo noescape sw_b_q_u64_s_i32
#cgo noescape sw_b_q_u64_s_f32
#cgo noescape sw_b_q_u64_s_f32_f64
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

// CallbackMsg_t: packed like the callbacks, 20 bytes on Linux (pack 4), 24 on Windows (pack 8).
#ifdef _WIN32
#pragma pack(push, 8)
#else
#pragma pack(push, 4)
#endif
typedef struct {
	int32_t user;
	int32_t callback;
	uint8_t *param;
	int32_t param_size;
} sw_callback_msg;
#pragma pack(pop)
#ifdef _WIN32
_Static_assert(sizeof(sw_callback_msg) == 24 && offsetof(sw_callback_msg, param_size) == 16, "CallbackMsg_t is 24 bytes on Windows");
#else
_Static_assert(sizeof(sw_callback_msg) == 20 && offsetof(sw_callback_msg, param_size) == 16, "CallbackMsg_t is 20 bytes on Linux");
#endif

// SteamIPAddress_t: pack 1, 20 bytes, returned by value.
#pragma pack(push, 1)
typedef struct {
	uint8_t addr[16]; // union { uint32 ipv4 (host order); uint8 ipv6[16] (network order) }
	int32_t type;
} sw_ip_address;
#pragma pack(pop)
_Static_assert(sizeof(sw_ip_address) == 20, "SteamIPAddress_t is 20 bytes");

// Trampolines, by shape: return type, then arguments.
static void sw_v(void *f) { ((void (*)(void))f)(); }
static void sw_v_i32(void *f, int32_t a) { ((void (*)(int32_t))f)(a); }
static int32_t sw_i32(void *f) { return ((int32_t (*)(void))f)(); }
static void *sw_p(void *f) { return ((void *(*)(void))f)(); }

static int32_t sw_i32_u32_u16_u16_i32_s_s_p(void *f, uint32_t ip, uint16_t game_port, uint16_t query_port,
		int32_t mode, const char *version, const char *interfaces, char *err) {
	return ((int32_t (*)(uint32_t, uint16_t, uint16_t, int32_t, const char *, const char *, char *))f)(
		ip, game_port, query_port, mode, version, interfaces, err);
}

static bool sw_b_i32_msg(void *f, int32_t pipe, int32_t *id, uint8_t **param, int32_t *size) {
	sw_callback_msg msg;
	memset(&msg, 0, sizeof msg);
	if (!((bool (*)(int32_t, sw_callback_msg *))f)(pipe, &msg)) {
		return false;
	}
	*id = msg.callback;
	*param = msg.param;
	*size = msg.param_size;
	return true;
}

static bool sw_b_i32_u64_p_i32_i32_p(void *f, int32_t pipe, uint64_t call, void *buf, int32_t size, int32_t id, bool *failed) {
	return ((bool (*)(int32_t, uint64_t, void *, int32_t, int32_t, bool *))f)(pipe, call, buf, size, id, failed);
}

static void sw_v_p(void *f, void *self) { ((void (*)(void *))f)(self); }
static void sw_v_p_s(void *f, void *self, const char *a) { ((void (*)(void *, const char *))f)(self, a); }
static void sw_v_p_s_s(void *f, void *self, const char *a, const char *b) {
	((void (*)(void *, const char *, const char *))f)(self, a, b);
}
static void sw_v_p_b(void *f, void *self, bool a) { ((void (*)(void *, bool))f)(self, a); }
static void sw_v_p_i32(void *f, void *self, int32_t a) { ((void (*)(void *, int32_t))f)(self, a); }
static void sw_v_p_u16(void *f, void *self, uint16_t a) { ((void (*)(void *, uint16_t))f)(self, a); }
static void sw_v_p_u32(void *f, void *self, uint32_t a) { ((void (*)(void *, uint32_t))f)(self, a); }
static void sw_v_p_u64(void *f, void *self, uint64_t a) { ((void (*)(void *, uint64_t))f)(self, a); }
static bool sw_b_p(void *f, void *self) { return ((bool (*)(void *))f)(self); }
static uint64_t sw_u64_p(void *f, void *self) { return ((uint64_t (*)(void *))f)(self); }
static uint64_t sw_u64_p_u64(void *f, void *self, uint64_t a) { return ((uint64_t (*)(void *, uint64_t))f)(self, a); }

static void sw_ip_p(void *f, void *self, uint8_t *addr, int32_t *type) {
	sw_ip_address ip = ((sw_ip_address (*)(void *))f)(self);
	memcpy(addr, ip.addr, sizeof ip.addr);
	*type = ip.type;
}

static uint32_t sw_u32_p_p_i32_p_p(void *f, void *self, void *buf, int32_t size, uint32_t *out_size, const void *identity) {
	return ((uint32_t (*)(void *, void *, int32_t, uint32_t *, const void *))f)(self, buf, size, out_size, identity);
}
static int32_t sw_i32_p_p_i32_u64(void *f, void *self, const void *data, int32_t size, uint64_t a) {
	return ((int32_t (*)(void *, const void *, int32_t, uint64_t))f)(self, data, size, a);
}
static int32_t sw_i32_p_u64_u32(void *f, void *self, uint64_t a, uint32_t b) {
	return ((int32_t (*)(void *, uint64_t, uint32_t))f)(self, a, b);
}
static bool sw_b_p_u64_u64(void *f, void *self, uint64_t a, uint64_t b) {
	return ((bool (*)(void *, uint64_t, uint64_t))f)(self, a, b);
}
static bool sw_b_p_p_i32_u32_u16(void *f, void *self, const void *data, int32_t size, uint32_t ip, uint16_t port) {
	return ((bool (*)(void *, const void *, int32_t, uint32_t, uint16_t))f)(self, data, size, ip, port);
}
static int32_t sw_i32_p_p_i32_p_p(void *f, void *self, void *buf, int32_t size, uint32_t *ip, uint16_t *port) {
	return ((int32_t (*)(void *, void *, int32_t, uint32_t *, uint16_t *))f)(self, buf, size, ip, port);
}
static bool sw_b_p_u32_p_u32_p(void *f, void *self, uint32_t ip, const void *blob, uint32_t size, uint64_t *id) {
	return ((bool (*)(void *, uint32_t, const void *, uint32_t, uint64_t *))f)(self, ip, blob, size, id);
}
static bool sw_b_p_u64_s_u32(void *f, void *self, uint64_t a, const char *b, uint32_t c) {
	return ((bool (*)(void *, uint64_t, const char *, uint32_t))f)(self, a, b, c);
}

// ISteamGameServerStats (the q shapes: self is that interface). Out values start at 0, so a
// refused Get reads 0 whatever Steam left.
static uint64_t sw_u64_q_u64(void *f, void *self, uint64_t a) { return ((uint64_t (*)(void *, uint64_t))f)(self, a); }
static bool sw_b_q_u64_s(void *f, void *self, uint64_t a, const char *name) {
	return ((bool (*)(void *, uint64_t, const char *))f)(self, a, name);
}
static bool sw_b_q_u64_s_pi32(void *f, void *self, uint64_t a, const char *name, int32_t *out) {
	return ((bool (*)(void *, uint64_t, const char *, int32_t *))f)(self, a, name, out);
}
static bool sw_b_q_u64_s_pf32(void *f, void *self, uint64_t a, const char *name, float *out) {
	return ((bool (*)(void *, uint64_t, const char *, float *))f)(self, a, name, out);
}
static bool sw_b_q_u64_s_pb(void *f, void *self, uint64_t a, const char *name, bool *out) {
	return ((bool (*)(void *, uint64_t, const char *, bool *))f)(self, a, name, out);
}
static bool sw_b_q_u64_s_i32(void *f, void *self, uint64_t a, const char *name, int32_t v) {
	return ((bool (*)(void *, uint64_t, const char *, int32_t))f)(self, a, name, v);
}
static bool sw_b_q_u64_s_f32(void *f, void *self, uint64_t a, const char *name, float v) {
	return ((bool (*)(void *, uint64_t, const char *, float))f)(self, a, name, v);
}
static bool sw_b_q_u64_s_f32_f64(void *f, void *self, uint64_t a, const char *name, float v, double w) {
	return ((bool (*)(void *, uint64_t, const char *, float, double))f)(self, a, name, v, w);
}
*/
import "C"

import (
	"os"
	"path/filepath"
	"sync"
	"unsafe"

	"github.com/gosteam/godot-steam-server/steam"
)

// Library is a loaded Steamworks library (libraryName) with every symbol of the table resolved.
type Library struct {
	path string
	fn   []unsafe.Pointer // C function pointers, by sym
}

// Path is the file the library was loaded from.
func (l *Library) Path() string { return l.path }

func (l *Library) flat() flat { return &cflat{fn: l.fn} }

var (
	loadMu sync.Mutex
	loaded *Library
)

// Load finds the Steamworks library (libsteam_api.so, or steam_api64.dll on Windows) and resolves
// every symbol in the table. explicit, when not "", is the only path tried (a file, or a folder
// holding the library); otherwise $GOSTEAM_STEAM_API, then the folder of the module this code is
// linked into (the extension's .so or .dll), then the system search path. The first library
// loaded serves the whole process: later calls return it whatever they ask for.
func Load(explicit string) (*Library, error) {
	loadMu.Lock()
	defer loadMu.Unlock()
	if loaded != nil {
		return loaded, nil
	}
	if explicit == "" {
		explicit = steam.Getenv(EnvLibraryPath)
	}
	lib, err := find(explicit, moduleDir(), libraryName)
	if err != nil {
		return nil, err
	}
	loaded = lib
	return lib, nil
}

// find opens explicit when given (a folder means the library in it); otherwise dir/name when that
// file exists, otherwise name through the system search path. Only a name the loader found nowhere
// is ErrNotFound: a file that exists but does not load is an error of its own.
func find(explicit, dir, name string) (*Library, error) {
	switch {
	case explicit != "":
		if st, err := os.Stat(explicit); err == nil && st.IsDir() {
			explicit = filepath.Join(explicit, libraryName)
		}
		return open(explicit)
	case dir != "" && exists(filepath.Join(dir, name)):
		return open(filepath.Join(dir, name))
	}
	lib, err := open(name)
	if le, ok := err.(*LoadError); ok && le.absent {
		where := "on the system search path"
		if dir != "" {
			where = "in " + dir + " or " + where
		}
		return nil, &LoadError{Reason: name + " not found " + where + " (set " + EnvLibraryPath + " to its path)", notFound: true}
	}
	return lib, err
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// moduleDir is the folder of the module holding this code: the extension library's folder.
func moduleDir() string {
	p := selfPath()
	if !filepath.IsAbs(p) {
		return "" // unknown, or a program started by a relative name: no folder to trust
	}
	return filepath.Dir(p)
}

// open loads one library and resolves the table. A library refused for a missing symbol stays
// loaded (unloading Steam's library is never safe) but is not used.
func open(path string) (*Library, error) {
	h, reason, absent := sysOpen(path)
	if h == nil {
		return nil, &LoadError{Path: path, Reason: reason, absent: absent}
	}
	lib := &Library{path: path, fn: make([]unsafe.Pointer, len(symbols))}
	for i, s := range symbols {
		p, reason := sysSym(h, s.name)
		if p == nil {
			return nil, &LoadError{Path: path, Symbol: s.name, Reason: reason}
		}
		lib.fn[i] = p
	}
	if where := modulePath(lib.fn[0]); where != "" {
		lib.path = where // the file the loader chose, for a name searched on the system path
	}
	return lib, nil
}

// cflat calls the library's functions through the trampolines.
type cflat struct {
	fn    []unsafe.Pointer
	this  unsafe.Pointer // ISteamGameServer*, C memory
	stats unsafe.Pointer // ISteamGameServerStats*, C memory
	ugc   unsafe.Pointer // ISteamUGC* (the game server's), C memory
	web   unsafe.Pointer // ISteamHTTP* (SteamGameServerHTTP), C memory
	utils unsafe.Pointer // the game server's ISteamUtils*, C memory (flat_utils_cgo.go)
	inv   unsafe.Pointer // ISteamInventory* (the game server's), C memory
	net   cnet           // the networking interfaces (net_flat_cgo.go)
}

var _ flat = (*cflat)(nil)

// cstr is s with the NUL C needs, in Go memory that C only reads during the call.
func cstr(s string) *C.char {
	b := make([]byte, len(s)+1)
	copy(b, s)
	return (*C.char)(unsafe.Pointer(&b[0]))
}

// bytesPtr is the address of b's first byte, or NULL for an empty slice.
func bytesPtr(b []byte) unsafe.Pointer {
	if len(b) == 0 {
		return nil
	}
	return unsafe.Pointer(&b[0])
}

func (c *cflat) init(s sym, ip uint32, gamePort, queryPort uint16, mode int32, version, interfaces string) (int32, string) {
	var msg [1024]C.char // SteamErrMsg
	status := C.sw_i32_u32_u16_u16_i32_s_s_p(c.fn[s], C.uint32_t(ip), C.uint16_t(gamePort), C.uint16_t(queryPort),
		C.int32_t(mode), cstr(version), cstr(interfaces), &msg[0])
	msg[len(msg)-1] = 0
	return int32(status), C.GoString(&msg[0])
}

func (c *cflat) self(s sym) bool {
	c.this = C.sw_p(c.fn[s])
	return c.this != nil
}

func (c *cflat) v(s sym)               { C.sw_v(c.fn[s]) }
func (c *cflat) vI32(s sym, a int32)   { C.sw_v_i32(c.fn[s], C.int32_t(a)) }
func (c *cflat) i32(s sym) int32       { return int32(C.sw_i32(c.fn[s])) }
func (c *cflat) vP(s sym)              { C.sw_v_p(c.fn[s], c.this) }
func (c *cflat) vPS(s sym, a string)   { C.sw_v_p_s(c.fn[s], c.this, cstr(a)) }
func (c *cflat) vPB(s sym, a bool)     { C.sw_v_p_b(c.fn[s], c.this, C.bool(a)) }
func (c *cflat) vPI32(s sym, a int32)  { C.sw_v_p_i32(c.fn[s], c.this, C.int32_t(a)) }
func (c *cflat) vPU16(s sym, a uint16) { C.sw_v_p_u16(c.fn[s], c.this, C.uint16_t(a)) }
func (c *cflat) vPU32(s sym, a uint32) { C.sw_v_p_u32(c.fn[s], c.this, C.uint32_t(a)) }
func (c *cflat) vPU64(s sym, a uint64) { C.sw_v_p_u64(c.fn[s], c.this, C.uint64_t(a)) }
func (c *cflat) bP(s sym) bool         { return bool(C.sw_b_p(c.fn[s], c.this)) }
func (c *cflat) u64P(s sym) uint64     { return uint64(C.sw_u64_p(c.fn[s], c.this)) }

func (c *cflat) vPSS(s sym, a, b string) { C.sw_v_p_s_s(c.fn[s], c.this, cstr(a), cstr(b)) }

func (c *cflat) u64PU64(s sym, a uint64) uint64 {
	return uint64(C.sw_u64_p_u64(c.fn[s], c.this, C.uint64_t(a)))
}

func (c *cflat) nextCallback(s sym, pipe int32) (int32, []byte, bool) {
	var id, size C.int32_t
	var param *C.uint8_t
	if !C.sw_b_i32_msg(c.fn[s], C.int32_t(pipe), &id, &param, &size) {
		return 0, nil, false
	}
	if param == nil || size <= 0 {
		return int32(id), nil, true
	}
	return int32(id), C.GoBytes(unsafe.Pointer(param), C.int(size)), true
}

func (c *cflat) apiCallResult(s sym, pipe int32, call uint64, size int, id int32) ([]byte, bool, bool) {
	buf := make([]byte, size)
	var failed C.bool
	ok := C.sw_b_i32_u64_p_i32_i32_p(c.fn[s], C.int32_t(pipe), C.uint64_t(call), bytesPtr(buf), C.int32_t(size), C.int32_t(id), &failed)
	return buf, bool(failed), bool(ok)
}

func (c *cflat) ipP(s sym) (int32, [16]byte) {
	var addr [16]byte
	var typ C.int32_t
	C.sw_ip_p(c.fn[s], c.this, (*C.uint8_t)(unsafe.Pointer(&addr[0])), &typ)
	return int32(typ), addr
}

func (c *cflat) u32PPI32PP(s sym, buf, identity []byte) (uint32, uint32) {
	var size C.uint32_t
	h := C.sw_u32_p_p_i32_p_p(c.fn[s], c.this, bytesPtr(buf), C.int32_t(len(buf)), &size, bytesPtr(identity))
	return uint32(h), uint32(size)
}

func (c *cflat) i32PPI32U64(s sym, data []byte, a uint64) int32 {
	return int32(C.sw_i32_p_p_i32_u64(c.fn[s], c.this, bytesPtr(data), C.int32_t(len(data)), C.uint64_t(a)))
}

func (c *cflat) i32PU64U32(s sym, a uint64, b uint32) int32 {
	return int32(C.sw_i32_p_u64_u32(c.fn[s], c.this, C.uint64_t(a), C.uint32_t(b)))
}

func (c *cflat) bPU64U64(s sym, a, b uint64) bool {
	return bool(C.sw_b_p_u64_u64(c.fn[s], c.this, C.uint64_t(a), C.uint64_t(b)))
}

func (c *cflat) bPPI32U32U16(s sym, data []byte, ip uint32, port uint16) bool {
	return bool(C.sw_b_p_p_i32_u32_u16(c.fn[s], c.this, bytesPtr(data), C.int32_t(len(data)), C.uint32_t(ip), C.uint16_t(port)))
}

func (c *cflat) i32PPI32PP(s sym, buf []byte) (int32, uint32, uint16) {
	var ip C.uint32_t
	var port C.uint16_t
	n := C.sw_i32_p_p_i32_p_p(c.fn[s], c.this, bytesPtr(buf), C.int32_t(len(buf)), &ip, &port)
	return int32(n), uint32(ip), uint16(port)
}

func (c *cflat) bPU32PU32P(s sym, ip uint32, blob []byte, id uint64) (bool, uint64) {
	user := C.uint64_t(id)
	ok := C.sw_b_p_u32_p_u32_p(c.fn[s], c.this, C.uint32_t(ip), bytesPtr(blob), C.uint32_t(len(blob)), &user)
	return bool(ok), uint64(user)
}

func (c *cflat) bPU64SU32(s sym, a uint64, b string, d uint32) bool {
	return bool(C.sw_b_p_u64_s_u32(c.fn[s], c.this, C.uint64_t(a), cstr(b), C.uint32_t(d)))
}

func (c *cflat) selfStats(s sym) bool {
	c.stats = C.sw_p(c.fn[s])
	return c.stats != nil
}

func (c *cflat) selfUGC(s sym) bool {
	c.ugc = C.sw_p(c.fn[s])
	return c.ugc != nil
}

func (c *cflat) selfInventory(s sym) bool {
	c.inv = C.sw_p(c.fn[s])
	return c.inv != nil
}

func (c *cflat) u64QU64(s sym, a uint64) uint64 {
	return uint64(C.sw_u64_q_u64(c.fn[s], c.stats, C.uint64_t(a)))
}

func (c *cflat) bQU64S(s sym, a uint64, name string) bool {
	return bool(C.sw_b_q_u64_s(c.fn[s], c.stats, C.uint64_t(a), cstr(name)))
}

func (c *cflat) bQU64SPI32(s sym, a uint64, name string) (bool, int32) {
	var v C.int32_t
	ok := C.sw_b_q_u64_s_pi32(c.fn[s], c.stats, C.uint64_t(a), cstr(name), &v)
	return bool(ok), int32(v)
}

func (c *cflat) bQU64SPF32(s sym, a uint64, name string) (bool, float32) {
	var v C.float
	ok := C.sw_b_q_u64_s_pf32(c.fn[s], c.stats, C.uint64_t(a), cstr(name), &v)
	return bool(ok), float32(v)
}

func (c *cflat) bQU64SPB(s sym, a uint64, name string) (bool, bool) {
	var v C.bool
	ok := C.sw_b_q_u64_s_pb(c.fn[s], c.stats, C.uint64_t(a), cstr(name), &v)
	return bool(ok), bool(v)
}

func (c *cflat) bQU64SI32(s sym, a uint64, name string, v int32) bool {
	return bool(C.sw_b_q_u64_s_i32(c.fn[s], c.stats, C.uint64_t(a), cstr(name), C.int32_t(v)))
}

func (c *cflat) bQU64SF32(s sym, a uint64, name string, v float32) bool {
	return bool(C.sw_b_q_u64_s_f32(c.fn[s], c.stats, C.uint64_t(a), cstr(name), C.float(v)))
}

func (c *cflat) bQU64SF32F64(s sym, a uint64, name string, v float32, w float64) bool {
	return bool(C.sw_b_q_u64_s_f32_f64(c.fn[s], c.stats, C.uint64_t(a), cstr(name), C.float(v), C.double(w)))
}
