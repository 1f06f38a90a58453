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

// The inventory's argument and return kinds: GodotSteam Server 4's PackedInt64Array and
// PackedInt32Array lists, its result handles, the serialized result's PackedByteArray.

const (
	typeInt32s = 30 // PackedInt32Array
	typeInt64s = 31 // PackedInt64Array
)

// intList takes a packed int array of the declared type, the other packed int array, or an Array
// of ints (what a GDScript literal is), as Godot would convert them: a longer one than
// maxArrayArgument is refused before any element is read.
func intList(declared int32, name string) param[[]int64] {
	return param[[]int64]{kind{declared, metaNone, name, ""}, func(a *C.sv_arg) ([]int64, error) {
		if a.convertible == 0 {
			return nil, wrongType{name, a._type}
		}
		if a.len > maxArrayArgument {
			return nil, fmt.Errorf("holds %d elements; at most %d are read", int64(a.len), maxArrayArgument)
		}
		out := make([]int64, int(a.len))
		switch a._type {
		case typeInt32s:
			for i, v := range unsafe.Slice((*int32)(unsafe.Pointer(a.data)), len(out)) {
				out[i] = int64(v)
			}
		case typeInt64s:
			copy(out, unsafe.Slice((*int64)(unsafe.Pointer(a.data)), len(out)))
		default: // an Array
			return arrayInts(a)
		}
		return out, nil
	}}
}

var (
	int64List = intList(typeInt64s, "PackedInt64Array")
	int32List = intList(typeInt32s, "PackedInt32Array")
	// itemID is an item instance ID: a uint64 held in a Godot int.
	itemID = param[int64]{kind{typeInt, metaUint64, "int", ""}, int64Arg.decode}
	// resultHandle is a SteamInventoryResult_t; 0 names the current result (inventory_handles.go).
	resultHandle = intParam(metaInt32)
	// updateHandle is a SteamInventoryUpdateHandle_t; 0 names the current update.
	updateHandle = param[uint64]{kind{typeInt, metaUint64, "int", ""}, handle.decode}
)

var (
	// newResultRet is a call's new result handle; INVENTORY_RESULT_INVALID (-1) when refused.
	newResultRet = result[int32]{kind: int32Ret.kind, encode: int32Ret.encode, fallback: steam.InventoryResultInvalid}
	resultRet    = enumRet("Result", steam.ResultFail)
)

// dictListRet returns an Array of Dictionaries, one per element, each filled by fill.
func dictListRet[T any](fill func(d dict, v T)) result[[]T] {
	return result[[]T]{kind: kind{typeArray, metaNone, "Array", ""}, encode: func(r *C.sv_ret, list []T) {
		for _, v := range list {
			child := &C.sv_ret{}
			C.sv_ret_append_dict(r, child)
			fill(dict{child}, v)
		}
	}}
}
