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

// valueInfo describes one argument, return value or signal parameter of class cls to C.
func (c *cStrings) valueInfo(cls classID, name string, k kind) C.sv_value_info {
	return C.sv_value_info{name: c.add(name), _type: C.int32_t(k.Type), meta: C.int32_t(k.Meta), enum_class: c.add(enumClass(cls, k.Enum))}
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
	row.index, row.cls, row.name, row.cache = C.int32_t(index), C.int32_t(m.class), strs.add(m.name), C.int32_t(m.cache)
	row.ret = strs.valueInfo(m.class, "", m.bind.ret)
	row.argc = C.int32_t(len(m.args))
	for i, k := range m.bind.args {
		row.args[i] = strs.valueInfo(m.class, m.args[i], k)
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

// registerSignal registers the index-th signal, s as class cls has it, or says why it was refused.
func registerSignal(cls classID, index int, s signals.Signal) error {
	if len(s.Params) > C.SV_MAX_ARGS {
		return fmt.Errorf("more than %d parameters", C.SV_MAX_ARGS)
	}
	var strs cStrings
	defer strs.free()
	row := C.sv_signal_row{index: C.int32_t(index), cls: C.int32_t(cls), name: strs.add(s.Name), argc: C.int32_t(len(s.Params))}
	for i, p := range s.Params {
		row.args[i] = strs.valueInfo(cls, p.Name, kind{Type: int32(p.Type), Enum: p.Enum})
	}
	return refused(C.sv_register_signal(&row))
}

func registerConstants(cls classID) {
	var strs cStrings
	defer strs.free()
	for _, e := range steam.Enums {
		for _, c := range e.Values {
			C.sv_register_constant(C.int32_t(cls), strs.add(e.Name), strs.add(c.Name), C.int64_t(c.Value))
		}
	}
	for _, c := range steam.Constants {
		C.sv_register_constant(C.int32_t(cls), strs.add(""), strs.add(c.Name), C.int64_t(c.Value))
	}
}

// registerSteam runs at the SCENE initialization level: the Dictionary keys, then each class with
// its methods, signals and constants, then its engine singleton.
func registerSteam() {
	var strs cStrings
	defer strs.free()
	for k, name := range keyNames {
		if err := refused(C.sv_define_key(C.int32_t(k), strs.add(name))); err != nil {
			printError(fmt.Sprintf("Steam: Dictionary key %d (%s) not defined: %v", k, name, err), "register")
		}
	}
	server.Events().OnPush(eventQueued)
	setFramePace()
	registeredClasses = classesToRegister()
	for _, cls := range registeredClasses {
		registerClass(cls)
	}
	registerPeerClass()
}

// registeredClasses are the classes this load registered (Steam may be another extension's).
var registeredClasses []classID

func registerClass(cls classID) {
	var strs cStrings
	defer strs.free()
	if err := refused(C.sv_register_class(C.int32_t(cls), strs.add(cls.String()))); err != nil {
		printError(fmt.Sprintf("%s: could not register the class: %v", cls, err), "register")
		return
	}
	for i, m := range methods {
		if m.class != cls {
			continue
		}
		if err := registerMethod(i, m); err != nil {
			printError(fmt.Sprintf("%s: method %d (%s) not registered: %v", cls, i, m.name, err), "register")
		}
	}
	if injectLoadPanic {
		panic("fault injected by GOSTEAM_INJECT_PANIC=load")
	}
	for id := range signals.Catalogue {
		if err := registerSignal(cls, id, classSignal(cls, signals.ID(id))); err != nil {
			printError(fmt.Sprintf("%s: signal %d (%s) not registered: %v", cls, id, signals.Catalogue[id].Name, err), "register")
		}
	}
	registerConstants(cls)
	if err := refused(C.sv_register_singleton(C.int32_t(cls))); err != nil {
		printError(fmt.Sprintf("%s: could not register the engine singleton: %v", cls, err), "register")
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
