// Decoding arguments: Godot's Variants (call) and Strings and PackedByteArrays into sv_arg for Go
// (ptrcall's scalars are read inline: decode_typed in gdext_internal.h).
// Strings are read as UTF-8 into the stack buffer of the call when they fit, so a short String
// argument costs no allocation.
#include "gdext_internal.h"

#include <stdlib.h>

// utf8_short encodes a String of n characters that fits the stack buffer straight from its UTF-32
// storage: string_to_utf8_chars allocates a copy on every call. It reports false for a character
// that is not a Unicode scalar value, which Godot's own conversion then handles as it does.
static int utf8_short(const void *godot_string, GDExtensionInt n, char *out, GDExtensionInt *len) {
	if (n <= 0) {
		*len = 0;
		return n == 0;
	}
	if (n > SV_STACK_TEXT / 4) {
		return 0;
	}
	const char32_t *c = gd.string_index_const(godot_string, 0);
	if (!c) {
		return 0;
	}
	uint8_t *o = (uint8_t *)out;
	for (GDExtensionInt i = 0; i < n; i++) {
		uint32_t u = c[i];
		if (u < 0x80) {
			*o++ = (uint8_t)u;
		} else if (u < 0x800) {
			*o++ = (uint8_t)(0xC0 | (u >> 6));
			*o++ = (uint8_t)(0x80 | (u & 0x3F));
		} else if (u < 0x10000) {
			if (u >= 0xD800 && u <= 0xDFFF) {
				return 0;
			}
			*o++ = (uint8_t)(0xE0 | (u >> 12));
			*o++ = (uint8_t)(0x80 | ((u >> 6) & 0x3F));
			*o++ = (uint8_t)(0x80 | (u & 0x3F));
		} else if (u <= 0x10FFFF) {
			*o++ = (uint8_t)(0xF0 | (u >> 18));
			*o++ = (uint8_t)(0x80 | ((u >> 12) & 0x3F));
			*o++ = (uint8_t)(0x80 | ((u >> 6) & 0x3F));
			*o++ = (uint8_t)(0x80 | (u & 0x3F));
		} else {
			return 0;
		}
	}
	*len = (GDExtensionInt)(o - (uint8_t *)out);
	return 1;
}

void decode_string(const void *godot_string, sv_arg *out, char *stack, void **heap) {
	GDExtensionInt len = 0;
	if (utf8_short(godot_string, gd.string_to_utf32(godot_string, NULL, 0), stack, &len)) {
		out->data = (const uint8_t *)stack;
		out->len = len;
		return;
	}
	len = gd.string_to_utf8(godot_string, stack, SV_STACK_TEXT);
	if (len > SV_STACK_TEXT) {
		char *big = malloc((size_t)len);
		if (!big) {
			len = 0;
		} else {
			gd.string_to_utf8(godot_string, big, len);
			*heap = big;
			stack = big;
		}
	}
	out->data = (const uint8_t *)stack;
	out->len = len;
}

void decode_bytes(const void *array, sv_arg *out) {
	int64_t size = 0;
	bytes_size((GDExtensionTypePtr)array, NULL, &size, 0);
	out->len = size;
	out->data = size > 0 ? gd.bytes_index_const(array, 0) : NULL;
}

void decode_array(const void *array, sv_arg *out) {
	int64_t size = 0;
	array_size((GDExtensionTypePtr)array, NULL, &size, 0);
	out->dict = (void *)array;
	out->len = size;
}

void decode_ints(const void *array, int32_t type, sv_arg *out) {
	int64_t size = 0;
	(type == T_INT32S ? int32s_size : int64s_size)((GDExtensionTypePtr)array, NULL, &size, 0);
	out->type = type;
	out->len = size;
	out->data = size <= 0 ? NULL : type == T_INT32S ? (const uint8_t *)gd.int32s_index_const(array, 0) : (const uint8_t *)gd.int64s_index_const(array, 0);
}

// decode_variant reads any Variant and marks whether it fits the declared type; Go reports a
// mismatch with the argument's name, so a wrong type never aborts the caller's script.
void decode_variant(const void *v, int32_t declared, sv_arg *out, char *stack, void **heap) {
	int32_t type = (int32_t)gd.variant_get_type(v);
	out->type = type;
	out->convertible = 0;
	switch (type) {
	case T_BOOL: {
		GDExtensionBool b;
		to_bool(&b, (GDExtensionVariantPtr)v);
		out->i = b;
		out->convertible = declared == T_BOOL || declared == T_INT || declared == SV_TYPE_VARIANT;
		break;
	}
	case T_INT:
		to_int(&out->i, (GDExtensionVariantPtr)v);
		out->f = (double)out->i;
		out->convertible = declared == T_INT || declared == T_BOOL || declared == T_FLOAT || declared == SV_TYPE_VARIANT;
		break;
	case T_FLOAT: {
		double f;
		to_float(&f, (GDExtensionVariantPtr)v);
		// A float parameter takes any float, NaN and infinities too: Go refuses those by name.
		out->f = f;
		out->convertible = declared == T_FLOAT;
		// Only whole numbers in int64 range stand in for an int: 2.5 players is a bug to report.
		if (f >= -9223372036854775808.0 && f < 9223372036854775808.0 && f == (double)(int64_t)f) {
			out->i = (int64_t)f;
			out->convertible = declared == T_INT || declared == T_BOOL || declared == T_FLOAT;
		}
		break;
	}
	case T_STRING:
		decode_string(internal_string((GDExtensionVariantPtr)v), out, stack, heap);
		out->convertible = declared == T_STRING || declared == SV_TYPE_VARIANT;
		break;
	case T_STRING_NAME: {
		string_t s;
		copy_string_from_name(&s, (const GDExtensionConstTypePtr[]){ internal_string_name((GDExtensionVariantPtr)v) });
		decode_string(&s, out, stack, heap);
		free_string(&s);
		out->type = T_STRING;
		out->convertible = declared == T_STRING || declared == SV_TYPE_VARIANT;
		break;
	}
	case T_BYTES:
		decode_bytes(internal_bytes((GDExtensionVariantPtr)v), out);
		out->convertible = declared == T_BYTES || declared == SV_TYPE_VARIANT;
		break;
	case T_DICTIONARY:
		out->dict = internal_dict((GDExtensionVariantPtr)v);
		out->convertible = declared == T_DICTIONARY || declared == SV_TYPE_VARIANT;
		break;
	case T_ARRAY:
		decode_array(internal_array((GDExtensionVariantPtr)v), out);
		// An Array of ints stands in for a packed int array: Go reads its elements one by one.
		out->convertible = declared == T_ARRAY || declared == SV_TYPE_VARIANT || is_ints(declared);
		break;
	case T_INT32S:
		decode_ints(internal_int32s((GDExtensionVariantPtr)v), T_INT32S, out);
		out->convertible = is_ints(declared) || declared == SV_TYPE_VARIANT;
		break;
	case T_INT64S:
		decode_ints(internal_int64s((GDExtensionVariantPtr)v), T_INT64S, out);
		out->convertible = is_ints(declared) || declared == SV_TYPE_VARIANT;
		break;
	default:
		break;
	}
}
