package main

/*
#cgo CFLAGS: -O2 -Wall -Wno-unused-function
#cgo noescape sv_dict_set_bytes
#cgo noescape sv_dict_set_string
#cgo noescape sv_dict_set_text
#cgo noescape sv_emit
#cgo noescape sv_print_error
#cgo noescape sv_ret_set_string
#include <stdlib.h>
#include "gdext.h"
*/
import "C"

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"sync/atomic"
	"time"
	"unsafe"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/gosteam/godot-steam-server/steam/offline"
	"github.com/gosteam/godot-steam-server/steam/steamworks"
)

// server is the one game server behind the singleton; Godot calls it from the main thread.
var server = steam.NewServer(newBackend)

// newBackend chooses the backend at each serverInit from GOSTEAM_BACKEND: steamworks, offline, or
// auto (the default): steamworks when the Steamworks library loads, offline only when no library is found.
// A Steam that loads but fails to start is serverInit's error, never replaced by offline. The
// choice is printed when it changes.
func newBackend() (steam.Backend, error) {
	b, note, err := steamworks.Select(steam.Getenv(steamworks.EnvBackend), steamworks.Options{}, func() steam.Backend {
		return offline.New(offline.Options{})
	})
	if err == nil && note != backendNote {
		backendNote = note
		fmt.Println(note)
	}
	return b, err
}

var backendNote string

// goSteamCall is the single entry from Godot into Go for every method: no reflection, no
// allocation for scalar arguments and returns. A panic is recovered here, reported with the
// method's name, and the call returns its documented safe value.
//
//export goSteamCall
func goSteamCall(index C.int32_t, args *C.sv_arg, argc C.int32_t, ret *C.sv_ret) {
	m := &methods[index]
	switch {
	case m.pure:
	case m.cache == cacheNone || m.cache == cacheFrame:
		// Before and after: a cached answer is stored under the epoch C read before its own call,
		// so a change made by another thread meanwhile is retired even if it lands after that read.
		stateMayChange()
		defer stateMayChange()
	case m.cache == cacheSetter:
		// A setter that stored nothing (refused, or the value already held) changed nothing.
		before := server.SetterChanges()
		defer func() {
			if server.SetterChanges() != before {
				stateMayChange()
			}
		}()
	}
	defer recoverCall(m, ret)
	if index == injectPanic {
		panic("fault injected by GOSTEAM_INJECT_PANIC")
	}
	if err := m.bind.call(server, unsafe.Slice(args, int(argc)), ret); err != nil {
		ret.cacheable = 0
		reportError(m, err)
	} else if m.cache == cacheScalar || m.cache == cacheSetter {
		ret.cacheable = 1
	}
}

// stateMayChange retires every answer C has cached (see the fast path in gdext_call.c).
func stateMayChange() {
	atomic.AddUint64((*uint64)(unsafe.Pointer(&C.sv_epoch)), 1)
}

// eventQueued tells C that run_callbacks has signals to emit.
func eventQueued() {
	atomic.StoreInt32((*int32)(unsafe.Pointer(&C.sv_events_pending)), 1)
}

// injectPanic makes one method panic, so tests can prove recovery through the real Godot boundary.
var injectPanic = func() C.int32_t {
	name := os.Getenv("GOSTEAM_INJECT_PANIC")
	for i, m := range methods {
		if name != "" && m.name == name {
			return C.int32_t(i)
		}
	}
	return -1
}()

// injectLoadPanic (GOSTEAM_INJECT_PANIC=load) makes registerSteam panic part-way, after the class
// and its methods, before the signals, constants and singleton: Godot must go on without Steam.
var injectLoadPanic = os.Getenv("GOSTEAM_INJECT_PANIC") == "load"

func recoverCall(m *method, ret *C.sv_ret) {
	if p := recover(); p != nil {
		ret.cacheable = 0
		m.bind.safe(ret)
		reportError(m, fmt.Errorf("internal error, call ignored: %v", p))
	}
}

// reportError prints "Class.method: reason" through Godot's error output, like push_error.
func reportError(m *method, err error) {
	var bad argError
	var refused *steam.ArgError
	switch {
	case errors.As(err, &bad) && bad.index < len(m.args):
		err = fmt.Errorf("%s %v", m.args[bad.index], bad.err)
	case errors.As(err, &refused):
		err = fmt.Errorf("%s %s", ownArgName(m, refused.Arg), refused.Reason)
	}
	text := err.Error()
	var remote *steam.RemoteInputError
	if errors.As(err, &remote) {
		print, suffix := remoteReporter.note(m.class.String()+"."+m.name, time.Now())
		if !print {
			return
		}
		text += suffix
	}
	printError(m.class.String()+"."+m.name+": "+text, m.name)
}

// ownArgName is the name m gives the argument the steam package refused by its Steam-class name:
// SteamServer names some arguments as GodotSteam Server 4 does (setModDir's mod_directory).
func ownArgName(m *method, arg string) string {
	if slices.Contains(m.args, arg) {
		return arg
	}
	for _, steamRow := range steamMethods {
		if i := slices.Index(steamRow.args, arg); steamRow.name == m.name && i >= 0 && i < len(m.args) {
			return m.args[i]
		}
	}
	return arg
}

func printError(message, function string) {
	msg, fn := C.CString(message), C.CString(function)
	C.sv_print_error(msg, fn)
	C.free(unsafe.Pointer(msg))
	C.free(unsafe.Pointer(fn))
}

func printWarning(message, function string) {
	msg, fn := C.CString(message), C.CString(function)
	C.sv_print_warning(msg, fn)
	C.free(unsafe.Pointer(msg))
	C.free(unsafe.Pointer(fn))
}
