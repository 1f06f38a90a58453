package main

/*
#include "gdext.h"
*/
import "C"

import (
	"errors"
	"fmt"
	"unsafe"

	"github.com/gosteam/godot-steam-server/steam"
)

// Godot Variant types and argument metadata used by the table (see gdextension_interface.h).
const (
	typeVoid       = C.SV_TYPE_VOID
	typeVariant    = C.SV_TYPE_VARIANT
	typeBool       = 1
	typeInt        = 2
	typeFloat      = 3
	typeString     = 4
	typeDictionary = 27
	typeArray      = 28
	typeBytes      = 29

	metaNone   = 0
	metaInt32  = 3
	metaInt64  = 4
	metaUint16 = 6
	metaUint32 = 7
	metaUint64 = 8
	metaFloat  = 9  // REAL_IS_FLOAT: Steam takes a 32-bit float
	metaDouble = 10 // REAL_IS_DOUBLE
)

var variantTypeNames = map[int32]string{
	0: "null", 1: "bool", 2: "int", 3: "float", 4: "String", 5: "Vector2", 6: "Vector2i", 7: "Rect2", 8: "Rect2i",
	9: "Vector3", 10: "Vector3i", 11: "Transform2D", 12: "Vector4", 13: "Vector4i", 14: "Plane", 15: "Quaternion",
	16: "AABB", 17: "Basis", 18: "Transform3D", 19: "Projection", 20: "Color", 21: "StringName", 22: "NodePath",
	23: "RID", 24: "Object", 25: "Callable", 26: "Signal", 27: "Dictionary", 28: "Array", 29: "PackedByteArray",
	30: "PackedInt32Array", 31: "PackedInt64Array", 32: "PackedFloat32Array", 33: "PackedFloat64Array",
	34: "PackedStringArray", 35: "PackedVector2Array", 36: "PackedVector3Array", 37: "PackedColorArray",
	38: "PackedVector4Array",
}

func variantTypeName(t C.int32_t) string {
	if n, ok := variantTypeNames[int32(t)]; ok {
		return n
	}
	return fmt.Sprintf("type %d", int32(t))
}

// kind is how one argument or return value appears in ClassDB.
type kind struct {
	Type int32  // Godot Variant type, typeVariant or typeVoid
	Meta int32  // GDExtension argument metadata
	Name string // as GDScript writes it, for messages and docs
	Enum string // the Steam class enum of an int, from steam.Enums; "" for none
}

// param decodes one argument into a Go value, or says why it cannot.
type param[T any] struct {
	kind   kind
	decode func(a *C.sv_arg) (T, error)
}

// result encodes a Go value as the return; fallback is returned when the arguments were refused.
type result[T any] struct {
	kind     kind
	encode   func(r *C.sv_ret, v T)
	fallback T
}

type wrongType struct {
	want string
	got  C.int32_t
}

func (e wrongType) Error() string {
	return fmt.Sprintf("must be %s, got %s", e.want, variantTypeName(e.got))
}

func intParam(meta int32) param[int64] {
	return param[int64]{kind{typeInt, meta, "int", ""}, func(a *C.sv_arg) (int64, error) {
		if a.convertible == 0 {
			return 0, wrongType{"int", a._type}
		}
		return int64(a.i), nil
	}}
}

var (
	boolean = param[bool]{kind{typeBool, metaNone, "bool", ""}, func(a *C.sv_arg) (bool, error) {
		if a.convertible == 0 {
			return false, wrongType{"bool", a._type}
		}
		return a.i != 0, nil
	}}
	int32Arg  = intParam(metaInt32)
	int64Arg  = intParam(metaInt64)
	uint16Arg = intParam(metaUint16)
	uint32Arg = intParam(metaUint32)
	// Steam IDs cross as Godot ints holding the same 64 bits (IDs of real accounts are positive).
	steamID = param[steam.SteamID]{kind{typeInt, metaUint64, "int", ""}, func(a *C.sv_arg) (steam.SteamID, error) {
		if a.convertible == 0 {
			return 0, wrongType{"int (a Steam ID)", a._type}
		}
		return steam.SteamID(uint64(int64(a.i))), nil
	}}
	text = param[string]{kind{typeString, metaNone, "String", ""}, func(a *C.sv_arg) (string, error) {
		if a.convertible == 0 {
			return "", wrongType{"String", a._type}
		}
		return C.GoStringN((*C.char)(unsafe.Pointer(a.data)), C.int(a.len)), nil
	}}
	// floatArg takes a float or an int. NaN and infinities reach Go (the steam package refuses
	// them by the argument's name), as does any value beyond a 32-bit float.
	floatArg   = floatParam(metaFloat)
	doubleArg  = floatParam(metaDouble)
	dictionary = param[*C.sv_arg]{kind{typeDictionary, metaNone, "Dictionary", ""}, func(a *C.sv_arg) (*C.sv_arg, error) {
		if a.convertible == 0 {
			return nil, wrongType{"Dictionary", a._type}
		}
		return a, nil
	}}
)

func floatParam(meta int32) param[float64] {
	return param[float64]{kind{typeFloat, meta, "float", ""}, func(a *C.sv_arg) (float64, error) {
		if a.convertible == 0 {
			return 0, wrongType{"float", a._type}
		}
		return float64(a.f), nil
	}}
}

func bytesOf(a *C.sv_arg) []byte {
	if a.len <= 0 || a.data == nil {
		return []byte{}
	}
	return C.GoBytes(unsafe.Pointer(a.data), C.int(a.len))
}

// returns

var (
	void       = result[struct{}]{kind: kind{typeVoid, metaNone, "void", ""}, encode: func(*C.sv_ret, struct{}) {}}
	boolRet    = result[bool]{kind: kind{typeBool, metaNone, "bool", ""}, encode: func(r *C.sv_ret, v bool) { r.i = C.int64_t(b2i(v)) }}
	steamIDRet = result[steam.SteamID]{kind: kind{typeInt, metaUint64, "int", ""}, encode: func(r *C.sv_ret, v steam.SteamID) { r.i = C.int64_t(int64(v)) }}
	uint32Ret  = result[uint32]{kind: kind{typeInt, metaUint32, "int", ""}, encode: func(r *C.sv_ret, v uint32) { r.i = C.int64_t(v) }}
	int32Ret   = result[int32]{kind: kind{typeInt, metaInt32, "int", ""}, encode: func(r *C.sv_ret, v int32) { r.i = C.int64_t(v) }}
	floatRet   = result[float32]{kind: kind{typeFloat, metaFloat, "float", ""}, encode: func(r *C.sv_ret, v float32) { r.f = C.double(v) }}
	stringRet  = result[string]{kind: kind{typeString, metaNone, "String", ""}, encode: func(r *C.sv_ret, v string) {
		C.sv_ret_set_string(r, cstr(v), C.int64_t(len(v)))
	}}
)

// enumRet returns a value of the Steam class enum named enum; fallback is its refused-call value.
func enumRet[T ~int32](enum string, fallback T) result[T] {
	return result[T]{kind: kind{typeInt, metaNone, "int", enum}, encode: func(r *C.sv_ret, v T) { r.i = C.int64_t(v) }, fallback: fallback}
}

// enumArg is an int argument holding a value of the Steam class enum named enum.
func enumArg(enum string) param[int64] {
	p := int64Arg
	p.kind.Meta, p.kind.Enum = metaNone, enum
	return p
}

func dictRet[T any](encode func(d dict, v T)) result[T] {
	return result[T]{kind: kind{typeDictionary, metaNone, "Dictionary", ""}, encode: func(r *C.sv_ret, v T) { encode(dict{r}, v) }}
}

func b2i(v bool) int64 {
	if v {
		return 1
	}
	return 0
}

// Parameters declared as Variant, where the documented type cannot carry the bytes.
var (
	// ticket takes the PackedByteArray of a ticket, or the whole Dictionary from getAuthSessionTicket.
	ticket = param[[]byte]{kind{typeVariant, metaNone, "Variant", ""}, func(a *C.sv_arg) ([]byte, error) {
		switch a._type {
		case typeBytes:
			return bytesOf(a), nil
		case typeDictionary:
			buf, found, err := lookup(a, keyBuffer, byteArray)
			if err != nil || !found {
				return nil, orMissing(err, "Dictionary: its buffer")
			}
			// A size (GodotSteam's key) or ticket_size (the page's) shorter than buffer trims it, as
			// GodotSteam's untrimmed 1024-byte buffers need.
			for _, k := range []key{keySize, keyTicketSize} {
				if size, found, _ := lookup(a, k, int64Arg); found && size > 0 && size < int64(len(buf)) {
					buf = buf[:size]
				}
			}
			return buf, nil
		case typeInt:
			return nil, errors.New("must hold the ticket bytes (the PackedByteArray or Dictionary from getAuthSessionTicket); an int cannot carry a ticket")
		}
		return nil, wrongType{"PackedByteArray or Dictionary", a._type}
	}}
	// packet takes the datagram bytes; the page's int form (a length) cannot carry them.
	packet = param[[]byte]{kind{typeVariant, metaNone, "Variant", ""}, func(a *C.sv_arg) ([]byte, error) {
		switch a._type {
		case typeBytes:
			return bytesOf(a), nil
		case typeInt:
			return nil, errors.New("must be the datagram as a PackedByteArray; an int (a length, as on the GodotSteam page) cannot carry the bytes")
		}
		return nil, wrongType{"PackedByteArray", a._type}
	}}
	byteArray = param[[]byte]{kind{typeBytes, metaNone, "PackedByteArray", ""}, func(a *C.sv_arg) ([]byte, error) {
		if a.convertible == 0 {
			return nil, wrongType{"PackedByteArray", a._type}
		}
		return bytesOf(a), nil
	}}
	// groupID is a Steam ID typed as the page's plain int.
	groupID = param[steam.SteamID]{kind{typeInt, metaInt64, "int", ""}, steamID.decode}
)

var (
	ticketRet   = dictRet(ticketDict)
	publicIPRet = dictRet(publicIPDict)
	outgoingRet = dictRet(outgoingDict)
	incomingRet = dictRet(incomingDict)
	initExRet   = withFallback(dictRet(initExDict), initResult{steam.InitFailedGeneric, "serverInitEx: invalid arguments"})
	stateRet    = dictRet(stateDict)
)

func withFallback[T any](r result[T], fallback T) result[T] {
	r.fallback = fallback
	return r
}
