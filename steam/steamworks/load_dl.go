//go:build cgo && !windows

package steamworks

// The dynamic loader on Linux: dlopen, dlsym, dladdr. dlerror is per thread, so each helper reads
// it in the same C call.

/*
#cgo LDFLAGS: -ldl
#cgo noescape sw_open
#cgo noescape sw_sym
#cgo noescape sw_where
#cgo noescape sw_self_path
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

static void *sw_open(const char *path, char *err, size_t n) {
	dlerror();
	void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (h == NULL) {
		const char *e = dlerror();
		snprintf(err, n, "%s", e ? e : "dlopen failed");
	}
	return h;
}

static void *sw_sym(void *h, const char *name, char *err, size_t n) {
	dlerror();
	void *p = dlsym(h, name);
	const char *e = dlerror();
	if (e != NULL || p == NULL) {
		snprintf(err, n, "%s", e ? e : "the symbol is NULL");
		return NULL;
	}
	return p;
}

// sw_where writes the path of the module holding addr; 0 when unknown.
static int sw_where(void *addr, char *out, size_t n) {
	Dl_info info;
	if (dladdr(addr, &info) == 0 || info.dli_fname == NULL || info.dli_fname[0] == 0) {
		return 0;
	}
	snprintf(out, n, "%s", info.dli_fname);
	return 1;
}

// sw_self_path: the module this code is linked into (the extension's .so, or a test binary).
static int sw_self_path(char *out, size_t n) { return sw_where((void *)&sw_self_path, out, n); }
*/
import "C"

import (
	"strings"
	"unsafe"
)

// libraryName is the file looked for beside the extension and on the system search path.
const libraryName = "libsteam_api.so"

// sysOpen loads the library at path (a bare name is searched for by the dynamic loader): its
// handle, or nil with the loader's message and whether the file was not there at all.
func sysOpen(path string) (h unsafe.Pointer, reason string, absent bool) {
	var msg [1024]C.char
	cpath := append([]byte(path), 0)
	h = C.sw_open((*C.char)(unsafe.Pointer(&cpath[0])), &msg[0], C.size_t(len(msg)))
	if h == nil {
		reason = C.GoString(&msg[0])
		return nil, reason, strings.Contains(reason, "No such file or directory")
	}
	return h, "", false
}

// sysSym resolves name in the library h: the function, or nil and the loader's message.
func sysSym(h unsafe.Pointer, name string) (unsafe.Pointer, string) {
	var msg [1024]C.char
	cname := append([]byte(name), 0)
	p := C.sw_sym(h, (*C.char)(unsafe.Pointer(&cname[0])), &msg[0], C.size_t(len(msg)))
	if p == nil {
		return nil, C.GoString(&msg[0])
	}
	return p, ""
}

// modulePath is the file of the module holding addr; "" when unknown.
func modulePath(addr unsafe.Pointer) string {
	var where [4096]C.char
	if C.sw_where(addr, &where[0], C.size_t(len(where))) == 0 {
		return ""
	}
	return C.GoString(&where[0])
}

// selfPath is the file of the module this code is linked into; "" when unknown.
func selfPath() string {
	var buf [4096]C.char
	if C.sw_self_path(&buf[0], C.size_t(len(buf))) == 0 {
		return ""
	}
	return C.GoString(&buf[0])
}
