//go:build !windows

package main

/*
#include <stdlib.h>
*/
import "C"

import (
	"unsafe"

	"github.com/gosteam/godot-steam-server/steam"
)

// The Go runtime copies the environment when the library is loaded, so os.Getenv would not see what
// a script sets with OS.set_environment before serverInit (GOSTEAM_OFFLINE_DATA, GOSTEAM_REALM_KEY,
// SteamAppId...). The settings read at serverInit go through the C library's getenv instead.
// On Windows os.Getenv asks the process environment each time (GetEnvironmentVariableW, where
// OS.set_environment writes), and the C runtime's getenv would not see it: steam.Getenv stays os.Getenv.
func init() { steam.Getenv = cGetenv }

func cGetenv(name string) string {
	cname := C.CString(name)
	defer C.free(unsafe.Pointer(cname))
	v := C.getenv(cname)
	if v == nil {
		return ""
	}
	return C.GoString(v)
}
