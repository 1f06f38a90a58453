package main

/*
#include "gdext.h"
*/
import "C"

import (
	"fmt"
	"unsafe"
)

// Array arguments and returns, as GodotSteam passes them: lists of IDs (createQueryUGCDetailsRequest's
// published file IDs, getSubscribedItems) and of tags (addRequiredTagGroup).

// maxArrayArgument bounds the elements read from an Array argument: a longer one is refused before
// any is read, so a huge Array costs nothing.
const maxArrayArgument = 1024

// arrayOf takes an Array whose elements are all of one Godot type: elemType, which what describes
// in a refusal; read converts one element.
func arrayOf[E any](elemType int32, what string, read func(e *C.sv_arg) E) param[[]E] {
	return param[[]E]{kind{typeArray, metaNone, "Array", ""}, func(a *C.sv_arg) ([]E, error) {
		if a.convertible == 0 {
			return nil, wrongType{"Array", a._type}
		}
		if a.len > maxArrayArgument {
			return nil, fmt.Errorf("holds %d elements; at most %d are read", int64(a.len), maxArrayArgument)
		}
		return arrayElements(a, elemType, what, read)
	}}
}

// arrayElements reads the a.len elements of an Array argument, each of Godot type elemType (what
// describes it in a refusal), converted by read.
func arrayElements[E any](a *C.sv_arg, elemType int32, what string, read func(e *C.sv_arg) E) ([]E, error) {
	list := make([]E, 0, int(a.len))
	for i := int64(0); i < int64(a.len); i++ {
		var e C.sv_arg
		var scratch unsafe.Pointer
		found := C.sv_array_get(a.dict, C.int64_t(i), C.int32_t(elemType), &e, &scratch) != 0
		ok := found && e.convertible != 0
		if ok {
			list = append(list, read(&e))
		}
		C.sv_free_scratch(scratch)
		if !ok {
			return nil, fmt.Errorf("element %d must be %s, got %s", i, what, variantTypeName(e._type))
		}
	}
	return list, nil
}

// arrayInts reads the elements of an Array argument as ints.
func arrayInts(a *C.sv_arg) ([]int64, error) {
	return arrayElements(a, typeInt, "an int", func(e *C.sv_arg) int64 { return int64(e.i) })
}

// idList takes an Array of ints (64-bit IDs, as Godot ints holding the same bits).
var idList = arrayOf(typeInt, "an int (a published file ID)", func(e *C.sv_arg) uint64 { return uint64(int64(e.i)) })

// tagList takes an Array of Strings (or StringNames).
var tagList = arrayOf(typeString, "a String (a tag)", func(e *C.sv_arg) string {
	return C.GoStringN((*C.char)(unsafe.Pointer(e.data)), C.int(e.len))
})

// idListRet returns an Array of ints.
var idListRet = result[[]uint64]{kind: kind{typeArray, metaNone, "Array", ""}, encode: func(r *C.sv_ret, ids []uint64) {
	for _, id := range ids {
		C.sv_ret_append_int(r, C.int64_t(int64(id)))
	}
}}
