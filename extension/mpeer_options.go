package main

/*
#include "gdext.h"
*/
import "C"

import (
	"fmt"
	"math"
	"unsafe"

	"github.com/gosteam/godot-steam-server/steam"
)

// configOptions reads an options Dictionary (NetworkingConfigValue -> value) into the options of a
// Networking Sockets call. A value of the wrong type is refused here, naming its key; unknown keys,
// read-only values and values out of range are refused by the steam package's own checks.
func configOptions(dict unsafe.Pointer) ([]steam.ConfigOption, error) {
	n := int(C.sv_dict_size(dict))
	if n == 0 {
		return nil, nil
	}
	opts := make([]steam.ConfigOption, 0, n)
	for i := range n {
		var key, value C.sv_arg
		var scratch unsafe.Pointer
		if C.sv_dict_entry(dict, C.int64_t(i), &key, &value, &scratch) == 0 {
			C.sv_free_scratch(scratch)
			return nil, optionError("options", "could not be read")
		}
		opt, err := configOption(&key, &value)
		C.sv_free_scratch(scratch)
		if err != nil {
			return nil, err
		}
		opts = append(opts, opt)
	}
	return opts, nil
}

func optionError(arg, reason string) error {
	return &steam.ArgError{Arg: arg, Reason: reason}
}

func configOption(key, value *C.sv_arg) (steam.ConfigOption, error) {
	if key._type != typeInt || int64(key.i) < math.MinInt32 || int64(key.i) > math.MaxInt32 {
		return steam.ConfigOption{}, optionError("options", fmt.Sprintf("keys must be NetworkingConfigValue ints, got %s", variantTypeName(key._type)))
	}
	opt := steam.ConfigOption{Value: steam.NetConfigValue(key.i), Type: steam.ConfigTypeInt32, Int: int64(value.i)}
	row, known := steam.NetConfigRowOf(opt.Value)
	if !known {
		return opt, nil // refused by steam's check, which names it
	}
	arg := fmt.Sprintf("options[%d] (%s)", int64(key.i), row.Name)
	opt.Type = row.Type
	switch row.Type {
	case steam.ConfigTypeInt32, steam.ConfigTypeInt64:
		if value._type != typeInt && value._type != typeBool {
			return opt, optionError(arg, wrongType{"int", value._type}.Error())
		}
	case steam.ConfigTypeFloat:
		if value._type != typeInt && value._type != typeFloat {
			return opt, optionError(arg, wrongType{"float", value._type}.Error())
		}
		opt.Float = float32(value.f)
	case steam.ConfigTypeString:
		if value._type != typeString {
			return opt, optionError(arg, wrongType{"String", value._type}.Error())
		}
		opt.String = C.GoStringN((*C.char)(unsafe.Pointer(value.data)), C.int(value.len))
	}
	return opt, nil
}
