package main

/*
#include <stdlib.h>
#include "gdext.h"
*/
import "C"

import (
	"errors"
	"fmt"
	"unsafe"

	"github.com/gosteam/godot-steam-server/signals"
	"github.com/gosteam/godot-steam-server/steam"
)

const className = "Steam"

// The limits of C's tables (gdext.h); Go's tests keep the tables within them.
const (
	maxMethods = C.SV_MAX_METHODS
	maxSignals = C.SV_MAX_SIGNALS
	maxKeys    = C.SV_MAX_KEYS
	// noClass is how C refuses a sound row while no class is registered, as in Go's tests.
	noClass = C.SV_CLASS_NOT_REGISTERED
)

// cStrings holds the C copies of Go strings made for registration, freed together.
type cStrings []*C.char

func (c *cStrings) add(s string) *C.char {
	p := C.CString(s)
	*c = append(*c, p)
	return p
}

func (c cStrings) free() {
	for _, p := range c {
		C.free(unsafe.Pointer(p))
	}
}

// valueInfo describes one argument, return value or signal parameter to C.
func (c *cStrings) valueInfo(name string, k kind) C.sv_value_info {
	return C.sv_value_info{name: c.add(name), _type: C.int32_t(k.Type), meta: C.int32_t(k.Meta), enum_class: c.add(enumClass(k.Enum))}
}

// refused turns the answer of a C registration function into an error: NULL, or why it refused.
func refused(reason *C.char) error {
	if reason == nil {
		return nil
	}
	return errors.New(C.GoString(reason))
}

// checkMethod refuses a row that would not fit C's row struct; C checks the rest (gdext_register.c).
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

// methodRow is the index-th method as C registers it; its strings are added to strs.
func methodRow(index int, m method, strs *cStrings) (C.sv_method_row, error) {
	var row C.sv_method_row
	if err := checkMethod(m); err != nil {
		return row, err
	}
	row.index, row.name, row.cache = C.int32_t(index), strs.add(m.name), C.int32_t(m.cache)
	row.ret = strs.valueInfo("", m.bind.ret)
	row.argc = C.int32_t(len(m.args))
	for i, k := range m.bind.args {
		row.args[i] = strs.valueInfo(m.args[i], k)
	}
	row.default_count = C.int32_t(len(m.defaults))
	for i, d := range m.defaults {
		switch v := d.(type) {
		case string:
			row.defaults[i].text = strs.add(v)
		case int64:
			row.defaults[i].i = C.int64_t(v)
		case bool:
			row.defaults[i].i = C.int64_t(b2i(v))
		default:
			return row, fmt.Errorf("default %v is not a string, int64 or bool", d)
		}
	}
	return row, nil
}

// registerMethod registers the index-th method, or says why it was refused.
func registerMethod(index int, m method) error {
	var strs cStrings
	defer strs.free()
	row, err := methodRow(index, m, &strs)
	if err != nil {
		return err
	}
	return refused(C.sv_register_method(&row))
}

// registerSignal registers the index-th signal, or says why it was refused.
func registerSignal(index int, s signals.Signal) error {
	if len(s.Params) > C.SV_MAX_ARGS {
		return fmt.Errorf("more than %d parameters", C.SV_MAX_ARGS)
	}
	var strs cStrings
	defer strs.free()
	row := C.sv_signal_row{index: C.int32_t(index), name: strs.add(s.Name), argc: C.int32_t(len(s.Params))}
	for i, p := range s.Params {
		row.args[i] = strs.valueInfo(p.Name, kind{Type: int32(p.Type), Enum: p.Enum})
	}
	return refused(C.sv_register_signal(&row))
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
	if err := refused(C.sv_register_class(strs.add(className))); err != nil {
		printError("Steam: could not register the class: "+err.Error(), "register")
		return
	}
	for k, name := range keyNames {
		if err := refused(C.sv_define_key(C.int32_t(k), strs.add(name))); err != nil {
			printError(fmt.Sprintf("Steam: Dictionary key %d (%s) not defined: %v", k, name, err), "register")
		}
	}
	for i, m := range methods {
		if err := registerMethod(i, m); err != nil {
			printError(fmt.Sprintf("Steam: method %d (%s) not registered: %v", i, m.name, err), "register")
		}
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
		if err := registerSignal(i, s); err != nil {
			printError(fmt.Sprintf("Steam: signal %d (%s) not registered: %v", i, s.Name, err), "register")
		}
	}
	registerConstants()
	if err := refused(C.sv_register_singleton()); err != nil {
		printError("Steam: could not register the engine singleton: "+err.Error(), "register")
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
