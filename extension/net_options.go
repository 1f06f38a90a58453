package main

/*
#include "gdext.h"
*/
import "C"

import (
	"fmt"
	"unsafe"

	"github.com/gosteam/godot-steam-server/steam"
)

// netOptions takes the `options` Dictionary of the networking create and connect calls, as
// GodotSteam Server 4's convert_config_options reads it: each key a NetworkingConfigValue, each
// value an int (a 64-bit one for CONNECTION_USER_DATA), a float or a String. An int for a float
// value is taken as that float. The steam package then checks each option against its row; a
// Dictionary with more entries than there are config values is refused before any is read.
var netOptions = param[[]steam.ConfigOption]{kind{typeDictionary, metaNone, "Dictionary", ""}, func(a *C.sv_arg) ([]steam.ConfigOption, error) {
	if a.convertible == 0 {
		return nil, wrongType{"Dictionary", a._type}
	}
	n := int64(C.sv_dict_size(a.dict))
	if n > int64(len(steam.NetConfigRows)) {
		return nil, fmt.Errorf("holds %d options: there are only %d config values", n, len(steam.NetConfigRows))
	}
	opts := make([]steam.ConfigOption, 0, n)
	for i := range n {
		o, err := dictOption(a.dict, i)
		if err != nil {
			return nil, err
		}
		opts = append(opts, o)
	}
	return opts, nil
}}

// dictOption reads entry i of an options Dictionary.
func dictOption(dict unsafe.Pointer, i int64) (steam.ConfigOption, error) {
	var k, v C.sv_arg
	var kScratch, vScratch unsafe.Pointer
	found := C.sv_dict_entry(dict, C.int64_t(i), &k, &kScratch, &v, &vScratch) != 0
	defer C.sv_free_scratch(kScratch)
	defer C.sv_free_scratch(vScratch)
	if !found {
		return steam.ConfigOption{}, fmt.Errorf("changed while it was read")
	}
	if k._type != typeInt || k.convertible == 0 {
		return steam.ConfigOption{}, fmt.Errorf("key %d must be a NetworkingConfigValue (an int), got %s", i, variantTypeName(k._type))
	}
	o := steam.ConfigOption{Value: steam.NetConfigValue(int64(k.i))}
	if int64(k.i) != int64(o.Value) {
		return steam.ConfigOption{}, fmt.Errorf("key %d names no networking config value: %d", i, int64(k.i))
	}
	row, known := steam.NetConfigRowOf(o.Value)
	switch v._type {
	case typeInt, typeBool:
		o.Type, o.Int = steam.ConfigTypeInt32, int64(v.i)
		switch {
		case known && row.Type == steam.ConfigTypeFloat:
			o.Type, o.Float = steam.ConfigTypeFloat, float32(v.i)
		case known && row.Type == steam.ConfigTypeInt64:
			o.Type = steam.ConfigTypeInt64
		}
	case typeFloat:
		o.Type, o.Float = steam.ConfigTypeFloat, float32(v.f)
	case typeString:
		o.Type, o.String = steam.ConfigTypeString, C.GoStringN((*C.char)(unsafe.Pointer(v.data)), C.int(v.len))
	default:
		return steam.ConfigOption{}, fmt.Errorf("value of %d must be an int, float or String, got %s", int64(k.i), variantTypeName(v._type))
	}
	return o, nil
}
