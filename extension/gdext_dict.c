// Dictionaries: the String keys Go names by number, the values Go puts into a returned Dictionary
// while its call runs, and the entries Go reads from a Dictionary argument.
#include "gdext_internal.h"

#include <stdlib.h>
#include <string.h>

static variant_t keys[SV_MAX_KEYS]; // String keys of returned Dictionaries
static int key_defined[SV_MAX_KEYS];

const char *sv_define_key(int32_t key, const char *name) {
	if (key < 0 || key >= SV_MAX_KEYS) {
		return "its number is beyond SV_MAX_KEYS (gdext.h)";
	}
	if (key_defined[key]) {
		return "its number is taken";
	}
	if (!name) {
		return "no name";
	}
	make_string(&keys[key], name, (int64_t)strlen(name));
	key_defined[key] = 1;
	return NULL;
}

void free_keys(void) {
	for (int i = 0; i < SV_MAX_KEYS; i++) {
		if (key_defined[i]) {
			gd.variant_destroy(&keys[i]);
			key_defined[i] = 0;
		}
	}
}

// slot_in returns the emptied Variant under key in dict, added if missing.
static GDExtensionVariantPtr slot_in(void *dict, int32_t key) {
	if (!dict || key < 0 || key >= SV_MAX_KEYS || !key_defined[key]) {
		return NULL;
	}
	GDExtensionVariantPtr slot = gd.dict_index(dict, &keys[key]);
	gd.variant_destroy(slot);
	return slot;
}

void sv_dict_set_int(sv_ret *ret, int32_t key, int64_t value) {
	GDExtensionVariantPtr slot = slot_in(ret->dict, key);
	if (slot) {
		from_int(slot, &value);
	}
}

void sv_dict_set_float(sv_ret *ret, int32_t key, double value) {
	GDExtensionVariantPtr slot = slot_in(ret->dict, key);
	if (slot) {
		from_float(slot, &value);
	}
}

void sv_dict_set_bool(sv_ret *ret, int32_t key, int32_t value) {
	GDExtensionVariantPtr slot = slot_in(ret->dict, key);
	if (slot) {
		GDExtensionBool b = value != 0;
		from_bool(slot, &b);
	}
}

// set_bytes makes slot, an empty Variant, a PackedByteArray holding a copy of data.
static void set_bytes(GDExtensionVariantPtr slot, const uint8_t *data, int64_t len) {
	byte_array_t array;
	new_bytes(&array, NULL);
	if (len > 0) {
		int64_t ok = 0;
		const GDExtensionConstTypePtr resize_args[1] = { &len };
		bytes_resize(&array, resize_args, &ok, 1);
		memcpy(gd.bytes_index(&array, 0), data, (size_t)len);
	}
	from_bytes(slot, &array);
	free_bytes(&array);
}

// sv_ret_set_bytes replaces the PackedByteArray being returned (an empty one made by the call path).
void sv_ret_set_bytes(sv_ret *ret, const uint8_t *data, int64_t len) {
	if (!ret->bytes || len <= 0) {
		return;
	}
	int64_t ok = 0;
	const GDExtensionConstTypePtr resize_args[1] = { &len };
	bytes_resize(ret->bytes, resize_args, &ok, 1);
	memcpy(gd.bytes_index(ret->bytes, 0), data, (size_t)len);
}

void sv_dict_set_bytes(sv_ret *ret, int32_t key, const uint8_t *data, int64_t len) {
	GDExtensionVariantPtr slot = slot_in(ret->dict, key);
	if (slot) {
		set_bytes(slot, data, len);
	}
}

void sv_dict_set_string(sv_ret *ret, int32_t key, const char *data, int64_t len) {
	GDExtensionVariantPtr slot = slot_in(ret->dict, key);
	if (slot) {
		make_string(slot, data, len);
	}
}

// fill_packet puts getNextOutgoingPacket's keys into dict, in the order Go's outgoingDict used to
// and the safe value has: length, out, address, port.
void fill_packet(void *dict, const uint8_t *data, int64_t len, int64_t address, int64_t port) {
	GDExtensionVariantPtr slot = slot_in(dict, SV_KEY_LENGTH);
	if (!slot) {
		return;
	}
	from_int(slot, &len);
	if ((slot = slot_in(dict, SV_KEY_OUT))) {
		set_bytes(slot, data, len);
	}
	if ((slot = slot_in(dict, SV_KEY_ADDRESS))) {
		from_int(slot, &address);
	}
	if ((slot = slot_in(dict, SV_KEY_PORT))) {
		from_int(slot, &port);
	}
}

void sv_dict_set_packet(sv_ret *ret, const uint8_t *data, int64_t len, int64_t address, int64_t port) {
	fill_packet(ret->dict, data, len, address, port);
}

// new_in_slot puts a new empty Dictionary or Array (made by make, wrapped by wrap, released by
// release) at key of parent's Dictionary and returns the one in the slot, for filling; NULL when
// there is no such slot.
static void *new_in_slot(sv_ret *parent, int32_t key, GDExtensionPtrConstructor make, GDExtensionVariantFromTypeConstructorFunc wrap,
		GDExtensionPtrDestructor release, GDExtensionVariantGetInternalPtrFunc inside) {
	GDExtensionVariantPtr slot = slot_in(parent->dict, key);
	if (!slot) {
		return NULL;
	}
	union {
		dictionary_t dict;
		array_t list;
	} fresh;
	make(&fresh, NULL);
	wrap(slot, &fresh);
	release(&fresh);
	return inside(slot);
}

void sv_dict_new_child(sv_ret *parent, int32_t key, sv_ret *child) {
	child->dict = new_in_slot(parent, key, new_dict, from_dict, free_dict, internal_dict);
}

void sv_dict_new_list(sv_ret *parent, int32_t key, sv_ret *child) {
	child->dict = NULL;
	child->list = new_in_slot(parent, key, new_array, from_array, free_array, internal_array);
}

void sv_dict_set_text(sv_ret *ret, const char *key, int64_t key_len, const char *value, int64_t value_len) {
	if (!ret->dict) {
		return;
	}
	variant_t k;
	make_string(&k, key, key_len);
	GDExtensionVariantPtr slot = gd.dict_index(ret->dict, &k);
	gd.variant_destroy(slot);
	make_string(slot, value, value_len);
	gd.variant_destroy(&k);
}

// ---- Reading a Dictionary argument ------------------------------------------------------------------

// heap_string reads a String found in a Dictionary or Array argument: always into the heap (the
// caller frees it with sv_free_scratch), as the call's stack buffers belong to its arguments.
static int heap_string(const void *godot_string, int32_t declared_type, sv_arg *out, void **scratch) {
	GDExtensionInt len = gd.string_to_utf8(godot_string, NULL, 0);
	char *text = malloc(len > 0 ? (size_t)len : 1);
	if (!text) {
		return 0;
	}
	gd.string_to_utf8(godot_string, text, len);
	out->type = T_STRING;
	out->data = (const uint8_t *)text;
	out->len = len;
	out->convertible = declared_type == T_STRING || declared_type == SV_TYPE_VARIANT;
	*scratch = text;
	return 1;
}

int sv_dict_get(void *dict, int32_t key, int32_t declared_type, sv_arg *out, void **scratch) {
	memset(out, 0, sizeof *out);
	*scratch = NULL;
	if (!dict || key < 0 || key >= SV_MAX_KEYS || !key_defined[key]) {
		return 0;
	}
	GDExtensionBool has = 0;
	const GDExtensionConstTypePtr has_args[1] = { &keys[key] };
	dict_has(dict, has_args, &has, 1);
	if (!has) {
		return 0;
	}
	GDExtensionVariantPtr v = gd.dict_index_const(dict, &keys[key]);
	static char unused[SV_STACK_TEXT];
	if ((int32_t)gd.variant_get_type(v) == T_STRING) {
		return heap_string(internal_string(v), declared_type, out, scratch);
	}
	decode_variant(v, declared_type, out, unused, scratch);
	return 1;
}

int sv_array_get(void *array, int64_t index, int32_t declared_type, sv_arg *out, void **scratch) {
	memset(out, 0, sizeof *out);
	*scratch = NULL;
	int64_t size = 0;
	if (array) {
		array_size(array, NULL, &size, 0);
	}
	if (index < 0 || index >= size) {
		return 0;
	}
	// A String (or StringName) element is read into the heap, like a Dictionary's; other
	// elements as scalars.
	static char unused[SV_STACK_TEXT];
	GDExtensionVariantPtr v = gd.array_index_const(array, index);
	switch ((int32_t)gd.variant_get_type(v)) {
	case T_STRING:
		return heap_string(internal_string(v), declared_type, out, scratch);
	case T_STRING_NAME: {
		string_t s;
		copy_string_from_name(&s, (const GDExtensionConstTypePtr[]){ internal_string_name(v) });
		int found = heap_string(&s, declared_type, out, scratch);
		free_string(&s);
		return found;
	}
	}
	decode_variant(v, declared_type, out, unused, scratch);
	return 1;
}

int64_t sv_dict_size(void *dict) {
	int64_t size = 0;
	if (dict) {
		dict_size(dict, NULL, &size, 0);
	}
	return size;
}

// sv_dict_entry reads entry index of a Dictionary argument, in the Dictionary's order: its key
// into key (declared as an int) and its value into value (declared as Variant). A String key or
// value is read into the heap (*key_scratch, *value_scratch, to free with sv_free_scratch). Each
// call lists the keys once: Go reads small Dictionaries only (it checks sv_dict_size first).
int sv_dict_entry(void *dict, int64_t index, sv_arg *key, void **key_scratch, sv_arg *value, void **value_scratch) {
	memset(key, 0, sizeof *key);
	memset(value, 0, sizeof *value);
	*key_scratch = NULL;
	*value_scratch = NULL;
	if (!dict) {
		return 0;
	}
	array_t keys;
	new_array(&keys, NULL);
	dict_keys(dict, NULL, &keys, 0);
	int found = sv_array_get(&keys, index, T_INT, key, key_scratch);
	if (found) {
		GDExtensionVariantPtr k = gd.array_index(&keys, index);
		GDExtensionVariantPtr v = gd.dict_index_const(dict, k);
		static char unused[SV_STACK_TEXT];
		if ((int32_t)gd.variant_get_type(v) == T_STRING) {
			heap_string(internal_string(v), SV_TYPE_VARIANT, value, value_scratch);
		} else {
			decode_variant(v, SV_TYPE_VARIANT, value, unused, value_scratch);
		}
	}
	free_array(&keys);
	return found;
}

void sv_ret_append_int(sv_ret *ret, int64_t value) {
	if (!ret->list) {
		return;
	}
	variant_t v;
	from_int(&v, &value);
	const GDExtensionConstTypePtr args[1] = { &v };
	array_append(ret->list, args, NULL, 1);
	gd.variant_destroy(&v);
}

void sv_ret_append_dict(sv_ret *ret, sv_ret *child) {
	child->dict = NULL;
	if (!ret->list) {
		return;
	}
	dictionary_t fresh;
	variant_t v;
	new_dict(&fresh, NULL);
	from_dict(&v, &fresh);
	free_dict(&fresh);
	const GDExtensionConstTypePtr args[1] = { &v };
	array_append(ret->list, args, NULL, 1);
	gd.variant_destroy(&v);
	int64_t size = 0;
	array_size(ret->list, NULL, &size, 0);
	child->dict = internal_dict(gd.array_index(ret->list, size - 1));
}

void sv_free_scratch(void *scratch) {
	free(scratch);
}
