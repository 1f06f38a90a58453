// What the C files of the extension share and Go never sees: the GDExtension interface functions we
// load, the conversions resolved from them once, the registered methods and signals, and the helpers
// one file provides to another. gdext.h is the Go-facing half.
#ifndef GOSTEAM_GDEXT_INTERNAL_H
#define GOSTEAM_GDEXT_INTERNAL_H

#include "gdext.h"

#include <stdlib.h>

// Hidden: none of this is the library's interface, and hidden globals and functions are reached
// directly across the C files, never through the GOT or PLT. (PE targets have no such visibility.)
#if defined(__GNUC__) && !defined(_WIN32)
#pragma GCC visibility push(hidden)
#endif

// Godot's Variant types we use (values from extension_api.json, stable across 4.x).
enum {
	T_NIL = GDEXTENSION_VARIANT_TYPE_NIL,
	T_BOOL = GDEXTENSION_VARIANT_TYPE_BOOL,
	T_INT = GDEXTENSION_VARIANT_TYPE_INT,
	T_FLOAT = GDEXTENSION_VARIANT_TYPE_FLOAT,
	T_STRING = GDEXTENSION_VARIANT_TYPE_STRING,
	T_STRING_NAME = GDEXTENSION_VARIANT_TYPE_STRING_NAME,
	T_DICTIONARY = GDEXTENSION_VARIANT_TYPE_DICTIONARY,
	T_ARRAY = GDEXTENSION_VARIANT_TYPE_ARRAY,
	T_BYTES = GDEXTENSION_VARIANT_TYPE_PACKED_BYTE_ARRAY,
	T_INT32S = GDEXTENSION_VARIANT_TYPE_PACKED_INT32_ARRAY,
	T_INT64S = GDEXTENSION_VARIANT_TYPE_PACKED_INT64_ARRAY,
};

// is_ints says whether type is a packed int array (an argument Go reads as a list of ints).
static inline int is_ints(int32_t type) {
	return type == T_INT32S || type == T_INT64S;
}

// Strings up to this many bytes of UTF-8 are decoded on the stack (see gdext_decode.c).
#define SV_STACK_TEXT 256

// Opaque storage for engine values, sized as in Godot 4 64-bit builds.
typedef struct { uint8_t b[24]; } variant_t;
typedef struct { uint8_t b[8]; } string_name_t;
typedef struct { uint8_t b[8]; } string_t;
typedef struct { uint8_t b[8]; } dictionary_t;
typedef struct { uint8_t b[8]; } array_t;
typedef struct { uint8_t b[16]; } byte_array_t;

// ---- The GDExtension interface (gdext_interface.c) ------------------------------------------------

// Every interface function the extension calls, written once: its type, our field in gd, and the
// name Godot's get_proc_address knows it by. print_error comes first, so that a missing function
// after it can be reported.
#define SV_INTERFACE_FUNCTIONS(X) \
	X(GDExtensionInterfacePrintError, print_error, "print_error") \
	X(GDExtensionInterfacePrintWarning, print_warning, "print_warning") \
	X(GDExtensionInterfaceVariantGetType, variant_get_type, "variant_get_type") \
	X(GDExtensionInterfaceVariantDestroy, variant_destroy, "variant_destroy") \
	X(GDExtensionInterfaceGetVariantFromTypeConstructor, from_type, "get_variant_from_type_constructor") \
	X(GDExtensionInterfaceGetVariantToTypeConstructor, to_type, "get_variant_to_type_constructor") \
	X(GDExtensionInterfaceGetVariantGetInternalPtrFunc, internal_getter, "variant_get_ptr_internal_getter") \
	X(GDExtensionInterfaceVariantGetPtrConstructor, ptr_constructor, "variant_get_ptr_constructor") \
	X(GDExtensionInterfaceVariantGetPtrDestructor, ptr_destructor, "variant_get_ptr_destructor") \
	X(GDExtensionInterfaceVariantGetPtrBuiltinMethod, builtin_method, "variant_get_ptr_builtin_method") \
	X(GDExtensionInterfaceStringNewWithUtf8CharsAndLen2, string_new, "string_new_with_utf8_chars_and_len2") \
	X(GDExtensionInterfaceStringToUtf8Chars, string_to_utf8, "string_to_utf8_chars") \
	X(GDExtensionInterfaceStringToUtf32Chars, string_to_utf32, "string_to_utf32_chars") \
	X(GDExtensionInterfaceStringOperatorIndexConst, string_index_const, "string_operator_index_const") \
	X(GDExtensionInterfaceStringNameNewWithUtf8Chars, string_name_new, "string_name_new_with_utf8_chars") \
	X(GDExtensionInterfacePackedByteArrayOperatorIndex, bytes_index, "packed_byte_array_operator_index") \
	X(GDExtensionInterfacePackedByteArrayOperatorIndexConst, bytes_index_const, "packed_byte_array_operator_index_const") \
	X(GDExtensionInterfaceDictionaryOperatorIndex, dict_index, "dictionary_operator_index") \
	X(GDExtensionInterfaceDictionaryOperatorIndexConst, dict_index_const, "dictionary_operator_index_const") \
	X(GDExtensionInterfaceArrayOperatorIndexConst, array_index_const, "array_operator_index_const") \
	X(GDExtensionInterfaceArrayOperatorIndex, array_index, "array_operator_index") \
	X(GDExtensionInterfacePackedInt32ArrayOperatorIndexConst, int32s_index_const, "packed_int32_array_operator_index_const") \
	X(GDExtensionInterfacePackedInt64ArrayOperatorIndexConst, int64s_index_const, "packed_int64_array_operator_index_const") \
	X(GDExtensionInterfaceObjectMethodBindCall, method_bind_call, "object_method_bind_call") \
	X(GDExtensionInterfaceObjectMethodBindPtrcall, method_bind_ptrcall, "object_method_bind_ptrcall") \
	X(GDExtensionInterfaceObjectDestroy, object_destroy, "object_destroy") \
	X(GDExtensionInterfaceObjectSetInstance, object_set_instance, "object_set_instance") \
	X(GDExtensionInterfaceGlobalGetSingleton, global_get_singleton, "global_get_singleton") \
	X(GDExtensionInterfaceClassdbConstructObject2, construct_object, "classdb_construct_object2") \
	X(GDExtensionInterfaceClassdbGetMethodBind, get_method_bind, "classdb_get_method_bind") \
	X(GDExtensionInterfaceClassdbGetClassTag, get_class_tag, "classdb_get_class_tag") \
	X(GDExtensionInterfaceClassdbRegisterExtensionClass4, register_class, "classdb_register_extension_class4") \
	X(GDExtensionInterfaceClassdbRegisterExtensionClassMethod, register_method, "classdb_register_extension_class_method") \
	X(GDExtensionInterfaceClassdbRegisterExtensionClassSignal, register_signal, "classdb_register_extension_class_signal") \
	X(GDExtensionInterfaceClassdbRegisterExtensionClassIntegerConstant, register_constant, "classdb_register_extension_class_integer_constant") \
	X(GDExtensionInterfaceClassdbUnregisterExtensionClass, unregister_class, "classdb_unregister_extension_class") \
	X(GDExtensionInterfaceRegisterMainLoopCallbacks, register_main_loop_callbacks, "register_main_loop_callbacks")

typedef struct {
	GDExtensionClassLibraryPtr library;
	GDExtensionInterfaceGetProcAddress get_proc_address;
#define SV_INTERFACE_FIELD(type, field, name) type field;
	SV_INTERFACE_FUNCTIONS(SV_INTERFACE_FIELD)
#undef SV_INTERFACE_FIELD
} gd_interface_t;

extern gd_interface_t gd;

// Conversions and builtin methods resolved once by sv_load from the functions above, written once:
// type, name, and how it is resolved (builtin methods by name and hash, from extension_api.json).
// sv_load refuses a Godot that lacks any of them.
#define SV_RESOLVED_FUNCTIONS(X) \
	X(GDExtensionVariantFromTypeConstructorFunc, from_bool, gd.from_type(T_BOOL)) \
	X(GDExtensionVariantFromTypeConstructorFunc, from_int, gd.from_type(T_INT)) \
	X(GDExtensionVariantFromTypeConstructorFunc, from_float, gd.from_type(T_FLOAT)) \
	X(GDExtensionVariantFromTypeConstructorFunc, from_string, gd.from_type(T_STRING)) \
	X(GDExtensionVariantFromTypeConstructorFunc, from_string_name, gd.from_type(T_STRING_NAME)) \
	X(GDExtensionVariantFromTypeConstructorFunc, from_dict, gd.from_type(T_DICTIONARY)) \
	X(GDExtensionVariantFromTypeConstructorFunc, from_bytes, gd.from_type(T_BYTES)) \
	X(GDExtensionVariantFromTypeConstructorFunc, from_array, gd.from_type(T_ARRAY)) \
	X(GDExtensionTypeFromVariantConstructorFunc, to_bool, gd.to_type(T_BOOL)) \
	X(GDExtensionTypeFromVariantConstructorFunc, to_int, gd.to_type(T_INT)) \
	X(GDExtensionTypeFromVariantConstructorFunc, to_float, gd.to_type(T_FLOAT)) \
	X(GDExtensionVariantGetInternalPtrFunc, internal_string, gd.internal_getter(T_STRING)) \
	X(GDExtensionVariantGetInternalPtrFunc, internal_string_name, gd.internal_getter(T_STRING_NAME)) \
	X(GDExtensionVariantGetInternalPtrFunc, internal_dict, gd.internal_getter(T_DICTIONARY)) \
	X(GDExtensionVariantGetInternalPtrFunc, internal_bytes, gd.internal_getter(T_BYTES)) \
	X(GDExtensionVariantGetInternalPtrFunc, internal_array, gd.internal_getter(T_ARRAY)) \
	X(GDExtensionVariantGetInternalPtrFunc, internal_int32s, gd.internal_getter(T_INT32S)) \
	X(GDExtensionVariantGetInternalPtrFunc, internal_int64s, gd.internal_getter(T_INT64S)) \
	X(GDExtensionPtrConstructor, new_dict, gd.ptr_constructor(T_DICTIONARY, 0)) \
	X(GDExtensionPtrConstructor, new_bytes, gd.ptr_constructor(T_BYTES, 0)) \
	X(GDExtensionPtrConstructor, new_array, gd.ptr_constructor(T_ARRAY, 0)) \
	X(GDExtensionPtrConstructor, copy_string_from_name, gd.ptr_constructor(T_STRING, 2)) /* String(StringName) */ \
	X(GDExtensionPtrDestructor, free_string, gd.ptr_destructor(T_STRING)) \
	X(GDExtensionPtrDestructor, free_string_name, gd.ptr_destructor(T_STRING_NAME)) \
	X(GDExtensionPtrDestructor, free_dict, gd.ptr_destructor(T_DICTIONARY)) \
	X(GDExtensionPtrDestructor, free_bytes, gd.ptr_destructor(T_BYTES)) \
	X(GDExtensionPtrDestructor, free_array, gd.ptr_destructor(T_ARRAY)) \
	X(GDExtensionPtrBuiltInMethod, bytes_size, builtin_method_named(T_BYTES, "size", 3173160232u)) \
	X(GDExtensionPtrBuiltInMethod, bytes_resize, builtin_method_named(T_BYTES, "resize", 848867239)) \
	X(GDExtensionPtrBuiltInMethod, dict_has, builtin_method_named(T_DICTIONARY, "has", 3680194679u)) \
	X(GDExtensionPtrBuiltInMethod, dict_size, builtin_method_named(T_DICTIONARY, "size", 3173160232u)) \
	X(GDExtensionPtrBuiltInMethod, dict_keys, builtin_method_named(T_DICTIONARY, "keys", 4144163970u)) \
	X(GDExtensionPtrBuiltInMethod, array_size, builtin_method_named(T_ARRAY, "size", 3173160232u)) \
	X(GDExtensionPtrBuiltInMethod, int32s_size, builtin_method_named(T_INT32S, "size", 3173160232u)) \
	X(GDExtensionPtrBuiltInMethod, int64s_size, builtin_method_named(T_INT64S, "size", 3173160232u)) \
	X(GDExtensionPtrBuiltInMethod, array_append, builtin_method_named(T_ARRAY, "append", 3316032543u))

#define SV_RESOLVED_DECLARATION(type, name, resolve) extern type name;
SV_RESOLVED_FUNCTIONS(SV_RESOLVED_DECLARATION)
#undef SV_RESOLVED_DECLARATION

// make_string makes out a Variant holding the String of len bytes of UTF-8 at text.
void make_string(variant_t *out, const char *text, int64_t len);
// bind_of finds an engine method (class and method names, and its hash from extension_api.json).
GDExtensionMethodBindPtr bind_of(const char *class_name_text, const char *method, GDExtensionInt hash);
// engine_singleton is Godot's Engine object.
GDExtensionObjectPtr engine_singleton(void);

// ---- Registered methods and signals (gdext_register.c) ---------------------------------------------

typedef struct {
	int32_t argc;
	int32_t types[SV_MAX_ARGS];
	int32_t ret_type;
	int32_t default_count;
	variant_t defaults[SV_MAX_ARGS];
	int registered;
} method_t;

typedef struct {
	variant_t name; // StringName, the first argument of emit_signal
	string_name_t sname; // the same name, for has_connections
	int32_t argc;
	int32_t types[SV_MAX_ARGS];
	uint32_t classes; // bit cls: registered on that class
} signal_t;

// One registered class and its engine singleton (NULL until sv_register_singleton).
typedef struct {
	string_name_t name;
	int registered;
	GDExtensionObjectPtr singleton;
} class_t;

extern method_t methods[SV_MAX_METHODS];

// Property infos for registering arguments and return values (gdext_register.c): props_init makes
// count infos from values, borrowing StringNames that props_free releases after registration.
typedef struct {
	GDExtensionPropertyInfo info[SV_MAX_ARGS];
	string_name_t names[SV_MAX_ARGS];
	string_name_t classes[SV_MAX_ARGS];
	string_t hint;
	int count;
} props_t;
void props_init(props_t *p, int32_t count, const sv_value_info *values);
void props_free(props_t *p);
extern signal_t signals[SV_MAX_SIGNALS];
extern class_t classes[SV_MAX_CLASSES];

// ---- The singletons and engine calls (gdext_engine.c) ----------------------------------------------

extern GDExtensionMethodBindPtr emit_signal_bind; // Object.emit_signal, found with the first class
extern GDExtensionMethodBindPtr has_connections_bind; // Object.has_connections, found with it
void release_singletons(void);

// ---- SteamServerMultiplayerPeer (gdext_peer.c) ------------------------------------------------------

void release_peer_class(void);

// ---- Calls (gdext_call.c) ---------------------------------------------------------------------------

// argc_ok checks a Variant call's argument count against a method's (the last defaults of them
// optional), setting error as Godot reports a wrong count.
static inline int argc_ok(GDExtensionInt argc, int32_t want, int32_t defaults, GDExtensionCallError *error) {
	error->error = GDEXTENSION_CALL_OK;
	if (argc > want) {
		error->error = GDEXTENSION_CALL_ERROR_TOO_MANY_ARGUMENTS;
		error->expected = want;
		return 0;
	}
	if (argc < want - defaults) {
		error->error = GDEXTENSION_CALL_ERROR_TOO_FEW_ARGUMENTS;
		error->expected = want - defaults;
		return 0;
	}
	return 1;
}

// The call entries every method registers: userdata is the method's index.
void sv_call(void *userdata, GDExtensionClassInstancePtr instance, const GDExtensionConstVariantPtr *args,
		GDExtensionInt argc, GDExtensionVariantPtr ret, GDExtensionCallError *error);
void sv_ptrcall(void *userdata, GDExtensionClassInstancePtr instance, const GDExtensionConstTypePtr *args,
		GDExtensionTypePtr ret);

// set_cache_kind says what the fast path may answer for a method (an SV_CACHE_* that
// sv_register_method has checked).
void set_cache_kind(int32_t index, int32_t kind);

// ---- Decoding arguments (gdext_decode.c) -----------------------------------------------------------

// Scratch owns the UTF-8 copies of strings too long for the stack buffer of one call.
typedef struct {
	char text[SV_MAX_ARGS][SV_STACK_TEXT];
	void *heap[SV_MAX_ARGS];
} scratch_t;

static inline void scratch_free(scratch_t *s) {
	for (int i = 0; i < SV_MAX_ARGS; i++) {
		free(s->heap[i]);
	}
}

// decode_variant reads any Variant and marks whether it fits the declared type.
void decode_variant(const void *v, int32_t declared, sv_arg *out, char *stack, void **heap);
// decode_string reads a Godot String as UTF-8: into stack when it fits, else into a copy in *heap.
void decode_string(const void *godot_string, sv_arg *out, char *stack, void **heap);
void decode_bytes(const void *array, sv_arg *out);
// decode_array points out at a Godot Array (in dict) and its size (in len), for sv_array_get.
void decode_array(const void *array, sv_arg *out);
// decode_ints points out at a packed int array's elements (in data, int32 or int64 by type) and their count.
void decode_ints(const void *array, int32_t type, sv_arg *out);

// decode_typed reads a ptrcall argument, which Godot has already converted to the declared type.
// Inline, as the hot setters' bools and ints need no more than a load.
static inline void decode_typed(const void *p, int32_t declared, sv_arg *out, char *stack, void **heap) {
	out->type = declared;
	out->convertible = 1;
	switch (declared) {
	case T_BOOL:
		out->i = *(const GDExtensionBool *)p;
		break;
	case T_INT:
		out->i = *(const int64_t *)p;
		break;
	case T_FLOAT: // ptrcall's float is always a double, whatever the metadata says
		out->f = *(const double *)p;
		break;
	case T_STRING:
		decode_string(p, out, stack, heap);
		break;
	case T_BYTES:
		decode_bytes(p, out);
		break;
	case T_DICTIONARY:
		out->dict = (void *)p;
		break;
	case T_ARRAY:
		decode_array(p, out);
		break;
	case T_INT32S:
	case T_INT64S:
		decode_ints(p, declared, out);
		break;
	default: // SV_TYPE_VARIANT: ptrcall passes the Variant itself
		decode_variant(p, declared, out, stack, heap);
		break;
	}
}

// ---- Dictionaries (gdext_dict.c) -------------------------------------------------------------------

// free_keys releases the Dictionary keys sv_define_key made.
void free_keys(void);
// fill_packet puts getNextOutgoingPacket's {length, out, address, port} into dict.
void fill_packet(void *dict, const uint8_t *data, int64_t len, int64_t address, int64_t port);

#if defined(__GNUC__) && !defined(_WIN32)
#pragma GCC visibility pop
#endif

#endif
