//go:build cgo && amd64

package steamworks

// The loader on Windows: LoadLibraryExW, GetProcAddress, and GetModuleHandleExW with
// GetModuleFileNameW for the file holding an address. Paths cross as UTF-16; each helper reads
// GetLastError in the same C call.

/*
#cgo noescape sw_open
#cgo noescape sw_sym
#cgo noescape sw_where
#cgo noescape sw_self_path
#cgo noescape sw_message
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <stdint.h>

// sw_open loads a library with the system's error dialogs off; NULL and *code when it fails.
static void *sw_open(const uint16_t *path, int altered_search, uint32_t *code) {
	DWORD old_mode;
	BOOL mode_set = SetThreadErrorMode(SEM_FAILCRITICALERRORS | SEM_NOOPENFILEERRORBOX, &old_mode);
	HMODULE h = LoadLibraryExW((LPCWSTR)path, NULL, altered_search ? LOAD_WITH_ALTERED_SEARCH_PATH : 0);
	*code = h == NULL ? (uint32_t)GetLastError() : 0;
	if (mode_set) {
		SetThreadErrorMode(old_mode, NULL);
	}
	return (void *)h;
}

static void *sw_sym(void *h, const char *name, uint32_t *code) {
	FARPROC p = GetProcAddress((HMODULE)h, name);
	*code = p == NULL ? (uint32_t)GetLastError() : 0;
	return (void *)p;
}

// sw_where writes the path of the module holding addr (n UTF-16 units at most): its length, 0
// when unknown or too long.
static uint32_t sw_where(const void *addr, uint16_t *out, uint32_t n) {
	HMODULE h;
	if (!GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
			(LPCWSTR)addr, &h)) {
		return 0;
	}
	DWORD len = GetModuleFileNameW(h, (LPWSTR)out, n);
	return len >= n ? 0 : (uint32_t)len;
}

// sw_self_path: the module this code is linked into (the extension's DLL, or a test binary).
static uint32_t sw_self_path(uint16_t *out, uint32_t n) { return sw_where((const void *)&sw_self_path, out, n); }

// sw_message writes the system's text for an error code: its length, 0 when there is none.
static uint32_t sw_message(uint32_t code, uint16_t *out, uint32_t n) {
	return (uint32_t)FormatMessageW(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, NULL, code, 0,
		(LPWSTR)out, n, NULL);
}
*/
import "C"

import (
	"fmt"
	"path/filepath"
	"strings"
	"syscall"
	"unsafe"
)

// libraryName is the file looked for beside the extension and on the system search path.
const libraryName = "steam_api64.dll"

// The error codes that mean no such file: for a searched name, the library is absent.
const (
	errorFileNotFound   = 2
	errorPathNotFound   = 3
	errorModuleNotFound = 126
)

// sysOpen loads the library at path (a bare name is searched for by the system's DLL search
// order): its handle, or nil with the system's message and whether the file was not there at all.
// A path with a folder loads its own dependencies from that folder first.
func sysOpen(path string) (h unsafe.Pointer, reason string, absent bool) {
	wpath, err := syscall.UTF16FromString(path)
	if err != nil {
		return nil, err.Error(), false
	}
	altered := C.int(0)
	if filepath.IsAbs(path) {
		altered = 1
	}
	var code C.uint32_t
	h = C.sw_open((*C.uint16_t)(unsafe.Pointer(&wpath[0])), altered, &code)
	if h == nil {
		return nil, message(uint32(code)), code == errorFileNotFound || code == errorPathNotFound || code == errorModuleNotFound
	}
	return h, "", false
}

// sysSym resolves name in the library h: the function, or nil and the system's message.
func sysSym(h unsafe.Pointer, name string) (unsafe.Pointer, string) {
	var code C.uint32_t
	cname := append([]byte(name), 0)
	p := C.sw_sym(h, (*C.char)(unsafe.Pointer(&cname[0])), &code)
	if p == nil {
		return nil, message(uint32(code))
	}
	return p, ""
}

// modulePath is the file of the module holding addr; "" when unknown.
func modulePath(addr unsafe.Pointer) string {
	var buf [32768]uint16
	n := C.sw_where(addr, (*C.uint16_t)(unsafe.Pointer(&buf[0])), C.uint32_t(len(buf)))
	return syscall.UTF16ToString(buf[:n])
}

// selfPath is the file of the module this code is linked into; "" when unknown.
func selfPath() string {
	var buf [32768]uint16
	n := C.sw_self_path((*C.uint16_t)(unsafe.Pointer(&buf[0])), C.uint32_t(len(buf)))
	return syscall.UTF16ToString(buf[:n])
}

// message is the system's text for an error code, with the code.
func message(code uint32) string {
	var buf [1024]uint16
	n := C.sw_message(C.uint32_t(code), (*C.uint16_t)(unsafe.Pointer(&buf[0])), C.uint32_t(len(buf)))
	if text := strings.TrimSpace(syscall.UTF16ToString(buf[:n])); text != "" {
		return fmt.Sprintf("%s (error %d)", text, code)
	}
	return fmt.Sprintf("error %d", code)
}
