package main

/*
#include <stdlib.h>
#include "gdext.h"
*/
import "C"

import (
	"fmt"
	"unsafe"

	"github.com/gosteam/godot-steam-server/signals"
	"github.com/gosteam/godot-steam-server/steam"
)

const className = "Steam"

// cStrings holds C copies of Go strings for one registration call.
type cStrings []*C.char

func (c *cStrings) add(s string) *C.char {
	p := C.CString(s)
	*c = append(*c, p)
	return p
}

func (c *cStrings) array(list []string) **C.char {
	if len(list) == 0 {
		return nil
	}
	arr := (*[C.SV_MAX_ARGS]*C.char)(C.malloc(C.size_t(C.SV_MAX_ARGS) * C.size_t(unsafe.Sizeof((*C.char)(nil)))))
	*c = append(*c, (*C.char)(unsafe.Pointer(arr)))
	for i, s := range list {
		arr[i] = c.add(s)
	}
	return &arr[0]
}

func (c cStrings) free() {
	for _, p := range c {
		C.free(unsafe.Pointer(p))
	}
}

// checkMethod refuses a row that the C side could not honour; Go tests keep the table clean, this
// keeps a bad edit from reaching Godot as a half-registered method.
func checkMethod(m method) error {
	switch {
	case len(m.args) != len(m.bind.args):
		return fmt.Errorf("%d argument names for %d arguments", len(m.args), len(m.bind.args))
	case len(m.args) > C.SV_MAX_ARGS:
		return fmt.Errorf("more than %d arguments", C.SV_MAX_ARGS)
	case len(m.defaults) > len(m.args):
		return fmt.Errorf("more defaults than arguments")
	}
	return nil
}

func registerMethod(index int, m method) {
	if err := checkMethod(m); err != nil {
		printError("Steam: method "+m.name+" not registered: "+err.Error(), "register")
		return
	}
	var strs cStrings
	defer strs.free()
	n := len(m.args)
	types := make([]C.int32_t, C.SV_MAX_ARGS)
	metas := make([]C.int32_t, C.SV_MAX_ARGS)
	enums := make([]string, n)
	for i, k := range m.bind.args {
		types[i], metas[i] = C.int32_t(k.Type), C.int32_t(k.Meta)
		enums[i] = enumClass(k.Enum)
	}
	defaultInts := make([]C.int64_t, C.SV_MAX_ARGS)
	var defaultStrings []string
	for i, d := range m.defaults {
		switch v := d.(type) {
		case string:
			defaultStrings = append(defaultStrings, v)
		case int64:
			defaultInts[i] = C.int64_t(v)
			defaultStrings = append(defaultStrings, "")
		case bool:
			defaultInts[i] = C.int64_t(b2i(v))
			defaultStrings = append(defaultStrings, "")
		}
	}
	C.sv_register_method(C.int32_t(index), strs.add(m.name), C.int32_t(m.bind.ret.Type), C.int32_t(m.bind.ret.Meta),
		strs.add(enumClass(m.bind.ret.Enum)), C.int32_t(n), strs.array(m.args), &types[0], &metas[0], strs.array(enums),
		C.int32_t(len(m.defaults)), &defaultInts[0], strs.array(defaultStrings))
}

func registerSignal(index int, s signals.Signal) {
	var strs cStrings
	defer strs.free()
	argNames := make([]string, len(s.Params))
	enums := make([]string, len(s.Params))
	types := make([]C.int32_t, C.SV_MAX_ARGS)
	for i, p := range s.Params {
		argNames[i] = p.Name
		enums[i] = enumClass(p.Enum)
		types[i] = C.int32_t(p.Type)
	}
	C.sv_register_signal(C.int32_t(index), strs.add(s.Name), C.int32_t(len(s.Params)), strs.array(argNames), &types[0],
		strs.array(enums))
}

// enumClass is how ClassDB names one of our enums.
func enumClass(enum string) string {
	if enum == "" {
		return ""
	}
	return className + "." + enum
}

func registerConstants() {
	var strs cStrings
	defer strs.free()
	for _, e := range steam.Enums {
		for _, c := range e.Values {
			C.sv_register_constant(strs.add(e.Name), strs.add(c.Name), C.int64_t(c.Value))
		}
	}
	for _, c := range steam.Constants {
		C.sv_register_constant(strs.add(""), strs.add(c.Name), C.int64_t(c.Value))
	}
}

// registerSteam runs at the SCENE initialization level: the class, its methods and signals, the
// Dictionary keys, then the engine singleton.
func registerSteam() {
	var strs cStrings
	defer strs.free()
	if C.sv_register_class(strs.add(className)) == 0 {
		printError("Steam: could not register the class", "register")
		return
	}
	for k, name := range keyNames {
		C.sv_define_key(C.int32_t(k), strs.add(name))
	}
	for i, m := range methods {
		registerMethod(i, m)
		C.sv_set_cached(C.int32_t(i), C.int32_t(m.cache))
		if m.name == "run_callbacks" {
			runCallbacksIndex = i
		}
	}
	if injectLoadPanic {
		panic("fault injected by GOSTEAM_INJECT_PANIC=load")
	}
	server.Events().OnPush(eventQueued)
	setFramePace()
	for i, s := range signals.Catalogue {
		registerSignal(i, s)
	}
	registerConstants()
	if C.sv_register_singleton() == 0 {
		printError("Steam: could not register the engine singleton", "register")
	}
}

// unregisterSteam shuts the server down and releases everything registerSteam made.
func unregisterSteam() {
	stateMayChange()
	if server.Initialized() {
		_ = server.Shutdown()
	}
	C.sv_unregister()
}
