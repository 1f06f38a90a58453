package main

/*
#include "gdext.h"
*/
import "C"

import (
	"fmt"
	"unsafe"
)

// Array arguments and returns: lists of IDs (createQueryUGCDetailsRequest's published file IDs,
// getSubscribedItems), as GodotSteam passes them.

// maxArrayArgument bounds the elements read from an Array argument: a longer one is refused before
// any is read, so a huge Array costs nothing.
const maxArrayArgument = 1024

// idList takes an Array of ints (64-bit IDs, as Godot ints holding the same bits).
var idList = param[[]uint64]{kind{typeArray, metaNone, "Array", ""}, func(a *C.sv_arg) ([]uint64, error) {
	if a.convertible == 0 {
		return nil, wrongType{"Array", a._type}
	}
	if a.len > maxArrayArgument {
		return nil, fmt.Errorf("holds %d elements; at most %d are read", int64(a.len), maxArrayArgument)
	}
	ids := make([]uint64, 0, int(a.len))
	for i := int64(0); i < int64(a.len); i++ {
		var e C.sv_arg
		var scratch unsafe.Pointer
		found := C.sv_array_get(a.dict, C.int64_t(i), C.int32_t(typeInt), &e, &scratch) != 0
		C.sv_free_scratch(scratch)
		if !found || e.convertible == 0 {
			return nil, fmt.Errorf("element %d must be an int (a published file ID), got %s", i, variantTypeName(e._type))
		}
		ids = append(ids, uint64(int64(e.i)))
	}
	return ids, nil
}}

// idListRet returns an Array of ints.
var idListRet = result[[]uint64]{kind: kind{typeArray, metaNone, "Array", ""}, encode: func(r *C.sv_ret, ids []uint64) {
	for _, id := range ids {
		C.sv_ret_append_int(r, C.int64_t(int64(id)))
	}
}}
