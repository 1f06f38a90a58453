#include "gdext.h"
#include "_cgo_export.h"

#include <stdlib.h>
#include <string.h>
#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#include <windows.h> // GetTickCount64
#else
#include <time.h>
#endif

// Godot's Variant types and flags we use (values from extension_api.json, stable across 4.x).
enum {
	T_NIL = GDEXTENSION_VARIANT_TYPE_NIL,
	T_BOOL = GDEXTENSION_VARIANT_TYPE_BOOL,
	T_INT = GDEXTENSION_VARIANT_TYPE_INT,
	T_FLOAT = GDEXTENSION_VARIANT_TYPE_FLOAT,
	T_STRING = GDEXTENSION_VARIANT_TYPE_STRING,
	T_STRING_NAME = GDEXTENSION_VARIANT_TYPE_STRING_NAME,
	T_DICTIONARY = GDEXTENSION_VARIANT_TYPE_DICTIONARY,
	T_BYTES = GDEXTENSION_VARIANT_TYPE_PACKED_BYTE_ARRAY,
};
#define USAGE_DEFAULT 6u
#define USAGE_NIL_IS_VARIANT (1u << 17)
#define USAGE_CLASS_IS_ENUM (1u << 16)
#define HASH_REGISTER_SINGLETON 965313290
#define HASH_UNREGISTER_SINGLETON 3304788590u
#define HASH_EMIT_SIGNAL 4047867050u
#define HASH_SIZE 3173160232u
#define HASH_RESIZE 848867239
#define HASH_HAS 3680194679u
#define SV_STACK_TEXT 256

// Opaque storage for engine values, sized as in Godot 4 64-bit builds.
typedef struct { uint8_t b[24]; } variant_t;
typedef struct { uint8_t b[8]; } string_name_t;
typedef struct { uint8_t b[8]; } string_t;
typedef struct { uint8_t b[8]; } dictionary_t;
typedef struct { uint8_t b[16]; } byte_array_t;

static struct {
	GDExtensionClassLibraryPtr library;
	GDExtensionInterfaceGetProcAddress get_proc_address;
	GDExtensionInterfaceVariantGetType variant_get_type;
	GDExtensionInterfaceVariantDestroy variant_destroy;
	GDExtensionInterfaceGetVariantFromTypeConstructor from_type;
	GDExtensionInterfaceGetVariantToTypeConstructor to_type;
	GDExtensionInterfaceGetVariantGetInternalPtrFunc internal_getter;
	GDExtensionInterfaceVariantGetPtrConstructor ptr_constructor;
	GDExtensionInterfaceVariantGetPtrDestructor ptr_destructor;
	GDExtensionInterfaceVariantGetPtrBuiltinMethod builtin_method;
	GDExtensionInterfaceStringNewWithUtf8CharsAndLen2 string_new;
	GDExtensionInterfaceStringToUtf8Chars string_to_utf8;
	GDExtensionInterfaceStringToUtf32Chars string_to_utf32;
	GDExtensionInterfaceStringOperatorIndexConst string_index_const;
	GDExtensionInterfaceStringNameNewWithUtf8Chars string_name_new;
	GDExtensionInterfacePackedByteArrayOperatorIndex bytes_index;
	GDExtensionInterfacePackedByteArrayOperatorIndexConst bytes_index_const;
	GDExtensionInterfaceDictionaryOperatorIndex dict_index;
	GDExtensionInterfaceDictionaryOperatorIndexConst dict_index_const;
	GDExtensionInterfaceObjectMethodBindCall method_bind_call;
	GDExtensionInterfaceObjectMethodBindPtrcall method_bind_ptrcall;
	GDExtensionInterfaceObjectDestroy object_destroy;
	GDExtensionInterfaceObjectSetInstance object_set_instance;
	GDExtensionInterfaceGlobalGetSingleton global_get_singleton;
	GDExtensionInterfaceClassdbConstructObject2 construct_object;
	GDExtensionInterfaceClassdbGetMethodBind get_method_bind;
	GDExtensionInterfaceClassdbRegisterExtensionClass4 register_class;
	GDExtensionInterfaceClassdbRegisterExtensionClassMethod register_method;
	GDExtensionInterfaceClassdbRegisterExtensionClassSignal register_signal;
	GDExtensionInterfaceClassdbRegisterExtensionClassIntegerConstant register_constant;
	GDExtensionInterfaceClassdbUnregisterExtensionClass unregister_class;
	GDExtensionInterfacePrintError print_error;
	GDExtensionInterfaceRegisterMainLoopCallbacks register_main_loop_callbacks;
} gd;

// Conversions resolved once: building and reading Variants of the types we use.
static GDExtensionVariantFromTypeConstructorFunc from_bool, from_int, from_string, from_dict, from_bytes;
static GDExtensionTypeFromVariantConstructorFunc to_bool, to_int, to_float;
static GDExtensionVariantGetInternalPtrFunc internal_string, internal_string_name, internal_dict, internal_bytes;
static GDExtensionPtrConstructor new_dict, new_bytes, copy_string_from_name;
static GDExtensionPtrDestructor free_string, free_string_name, free_dict, free_bytes;
static GDExtensionPtrBuiltInMethod bytes_size, bytes_resize, dict_has;

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
	int32_t argc;
	int32_t types[SV_MAX_ARGS];
	int registered;
} signal_t;

static method_t methods[SV_MAX_METHODS];
static signal_t signals[SV_MAX_SIGNALS];
static variant_t keys[SV_MAX_KEYS]; // String keys of returned Dictionaries
static int key_defined[SV_MAX_KEYS];
static string_name_t class_name;
static int class_registered;
static GDExtensionObjectPtr singleton;
static GDExtensionMethodBindPtr emit_signal_bind;

#define LOAD(field, name)                                                          \
	do {                                                                           \
		gd.field = (void *)gd.get_proc_address(name);                              \
		if (!gd.field) {                                                           \
			missing = name;                                                        \
			goto fail;                                                             \
		}                                                                          \
	} while (0)

int sv_load(GDExtensionInterfaceGetProcAddress get_proc_address, GDExtensionClassLibraryPtr library) {
	const char *missing = NULL;
	gd.get_proc_address = get_proc_address;
	gd.library = library;
	LOAD(print_error, "print_error");
	LOAD(variant_get_type, "variant_get_type");
	LOAD(variant_destroy, "variant_destroy");
	LOAD(from_type, "get_variant_from_type_constructor");
	LOAD(to_type, "get_variant_to_type_constructor");
	LOAD(internal_getter, "variant_get_ptr_internal_getter");
	LOAD(ptr_constructor, "variant_get_ptr_constructor");
	LOAD(ptr_destructor, "variant_get_ptr_destructor");
	LOAD(builtin_method, "variant_get_ptr_builtin_method");
	LOAD(string_new, "string_new_with_utf8_chars_and_len2");
	LOAD(string_to_utf8, "string_to_utf8_chars");
	LOAD(string_to_utf32, "string_to_utf32_chars");
	LOAD(string_index_const, "string_operator_index_const");
	LOAD(string_name_new, "string_name_new_with_utf8_chars");
	LOAD(bytes_index, "packed_byte_array_operator_index");
	LOAD(bytes_index_const, "packed_byte_array_operator_index_const");
	LOAD(dict_index, "dictionary_operator_index");
	LOAD(dict_index_const, "dictionary_operator_index_const");
	LOAD(method_bind_call, "object_method_bind_call");
	LOAD(method_bind_ptrcall, "object_method_bind_ptrcall");
	LOAD(object_destroy, "object_destroy");
	LOAD(object_set_instance, "object_set_instance");
	LOAD(global_get_singleton, "global_get_singleton");
	LOAD(construct_object, "classdb_construct_object2");
	LOAD(get_method_bind, "classdb_get_method_bind");
	LOAD(register_class, "classdb_register_extension_class4");
	LOAD(register_method, "classdb_register_extension_class_method");
	LOAD(register_signal, "classdb_register_extension_class_signal");
	LOAD(register_constant, "classdb_register_extension_class_integer_constant");
	LOAD(unregister_class, "classdb_unregister_extension_class");
	LOAD(register_main_loop_callbacks, "register_main_loop_callbacks");

	from_bool = gd.from_type(T_BOOL);
	from_int = gd.from_type(T_INT);
	from_string = gd.from_type(T_STRING);
	from_dict = gd.from_type(T_DICTIONARY);
	from_bytes = gd.from_type(T_BYTES);
	to_bool = gd.to_type(T_BOOL);
	to_int = gd.to_type(T_INT);
	to_float = gd.to_type(T_FLOAT);
	internal_string = gd.internal_getter(T_STRING);
	internal_string_name = gd.internal_getter(T_STRING_NAME);
	internal_dict = gd.internal_getter(T_DICTIONARY);
	internal_bytes = gd.internal_getter(T_BYTES);
	new_dict = gd.ptr_constructor(T_DICTIONARY, 0);
	new_bytes = gd.ptr_constructor(T_BYTES, 0);
	copy_string_from_name = gd.ptr_constructor(T_STRING, 2); // String(StringName)
	free_string = gd.ptr_destructor(T_STRING);
	free_string_name = gd.ptr_destructor(T_STRING_NAME);
	free_dict = gd.ptr_destructor(T_DICTIONARY);
	free_bytes = gd.ptr_destructor(T_BYTES);

	string_name_t sn;
	gd.string_name_new(&sn, "size");
	bytes_size = gd.builtin_method(T_BYTES, &sn, HASH_SIZE);
	free_string_name(&sn);
	gd.string_name_new(&sn, "resize");
	bytes_resize = gd.builtin_method(T_BYTES, &sn, HASH_RESIZE);
	free_string_name(&sn);
	gd.string_name_new(&sn, "has");
	dict_has = gd.builtin_method(T_DICTIONARY, &sn, HASH_HAS);
	free_string_name(&sn);
	if (!bytes_size || !bytes_resize || !dict_has || !copy_string_from_name) {
		gd.print_error("Steam: this Godot lacks a builtin method the extension needs", __func__, __FILE__, __LINE__, 1);
		return 0;
	}
	return 1;
fail:
	// print_error itself may be the missing one; nothing else can report.
	if (gd.print_error) {
		gd.print_error(missing, "Steam: missing GDExtension interface function", __FILE__, __LINE__, 1);
	}
	return 0;
}

// sv_load_help adds the class reference to the editor's help; the function exists only in editor builds.
int sv_load_help(const char *xml, int64_t len) {
	GDExtensionsInterfaceEditorHelpLoadXmlFromUtf8CharsAndLen load =
			(GDExtensionsInterfaceEditorHelpLoadXmlFromUtf8CharsAndLen)gd.get_proc_address("editor_help_load_xml_from_utf8_chars_and_len");
	if (!load) {
		return 0;
	}
	load(xml, len);
	return 1;
}

void sv_print_error(const char *message, const char *function) {
	gd.print_error(message, function, "steam", 0, 1);
}

// ---- Class, methods, signals, singleton ------------------------------------------------------

static void free_instance(void *class_userdata, GDExtensionClassInstancePtr instance) {
	(void)class_userdata;
	(void)instance; // the instance is a token; the server lives in Go
}

int sv_register_class(const char *name) {
	string_name_t parent;
	gd.string_name_new(&class_name, name);
	gd.string_name_new(&parent, "Object");
	GDExtensionClassCreationInfo4 info;
	memset(&info, 0, sizeof info);
	info.is_abstract = 1; // one instance, made by us; Steam.new() is refused by the engine
	info.is_exposed = 1;
	info.free_instance_func = free_instance;
	gd.register_class(gd.library, &class_name, &parent, &info);
	free_string_name(&parent);
	class_registered = 1;

	string_name_t object_class, emit;
	gd.string_name_new(&object_class, "Object");
	gd.string_name_new(&emit, "emit_signal");
	emit_signal_bind = gd.get_method_bind(&object_class, &emit, HASH_EMIT_SIGNAL);
	free_string_name(&object_class);
	free_string_name(&emit);
	return emit_signal_bind != NULL;
}

static void make_string(variant_t *out, const char *text, int64_t len) {
	string_t s;
	gd.string_new(&s, text, len);
	from_string(out, &s);
	free_string(&s);
}

void sv_define_key(int32_t key, const char *name) {
	if (key < 0 || key >= SV_MAX_KEYS || key_defined[key]) {
		return;
	}
	make_string(&keys[key], name, (int64_t)strlen(name));
	key_defined[key] = 1;
}

// Property infos hold borrowed StringNames; Godot copies them during registration.
// An enum-typed value names its enum as "Steam.<Enum>" with CLASS_IS_ENUM, as engine classes do.
typedef struct {
	GDExtensionPropertyInfo info[SV_MAX_ARGS];
	string_name_t names[SV_MAX_ARGS];
	string_name_t classes[SV_MAX_ARGS];
	string_t hint;
	int count;
} props_t;

static void props_init(props_t *p, int32_t argc, const char **names, const int32_t *types, const char **enums) {
	gd.string_new(&p->hint, "", 0);
	p->count = argc;
	for (int32_t i = 0; i < argc; i++) {
		gd.string_name_new(&p->names[i], names[i]);
		int variant = types[i] == SV_TYPE_VARIANT;
		int is_enum = enums && enums[i] && enums[i][0];
		gd.string_name_new(&p->classes[i], is_enum ? enums[i] : "");
		p->info[i] = (GDExtensionPropertyInfo){
			.type = variant ? T_NIL : (GDExtensionVariantType)types[i],
			.name = &p->names[i],
			.class_name = &p->classes[i],
			.hint = 0,
			.hint_string = &p->hint,
			.usage = USAGE_DEFAULT | (variant ? USAGE_NIL_IS_VARIANT : 0) | (is_enum ? USAGE_CLASS_IS_ENUM : 0),
		};
	}
}

static void props_free(props_t *p) {
	for (int i = 0; i < p->count; i++) {
		free_string_name(&p->names[i]);
		free_string_name(&p->classes[i]);
	}
	free_string(&p->hint);
}

void sv_register_constant(const char *enum_name, const char *name, int64_t value) {
	string_name_t e, n;
	gd.string_name_new(&e, enum_name);
	gd.string_name_new(&n, name);
	gd.register_constant(gd.library, &class_name, &e, &n, value, 0);
	free_string_name(&e);
	free_string_name(&n);
}

static void sv_call(void *userdata, GDExtensionClassInstancePtr instance, const GDExtensionConstVariantPtr *args,
		GDExtensionInt argc, GDExtensionVariantPtr ret, GDExtensionCallError *error);
static void sv_ptrcall(void *userdata, GDExtensionClassInstancePtr instance, const GDExtensionConstTypePtr *args,
		GDExtensionTypePtr ret);

int sv_register_method(int32_t index, const char *name, int32_t ret_type, int32_t ret_meta, const char *ret_enum,
		int32_t argc, const char **arg_names, const int32_t *arg_types, const int32_t *arg_meta, const char **arg_enums,
		int32_t default_count, const int64_t *default_ints, const char **default_strings) {
	if (index < 0 || index >= SV_MAX_METHODS || argc < 0 || argc > SV_MAX_ARGS || default_count < 0 || default_count > argc) {
		return 0;
	}
	method_t *m = &methods[index];
	m->argc = argc;
	m->ret_type = ret_type;
	m->default_count = default_count;
	for (int32_t i = 0; i < argc; i++) {
		m->types[i] = arg_types[i];
	}
	for (int32_t d = 0; d < default_count; d++) {
		int32_t type = arg_types[argc - default_count + d];
		if (type == T_STRING) {
			make_string(&m->defaults[d], default_strings[d], (int64_t)strlen(default_strings[d]));
		} else if (type == T_BOOL) {
			GDExtensionBool b = default_ints[d] != 0;
			from_bool(&m->defaults[d], &b);
		} else {
			int64_t v = default_ints[d];
			from_int(&m->defaults[d], &v);
		}
	}

	props_t props, ret_prop;
	props_init(&props, argc, arg_names, arg_types, arg_enums);
	const char *ret_name = "";
	int32_t ret_types[1] = { ret_type };
	props_init(&ret_prop, ret_type == SV_TYPE_VOID ? 0 : 1, &ret_name, ret_types, &ret_enum);
	GDExtensionClassMethodArgumentMetadata metas[SV_MAX_ARGS];
	GDExtensionVariantPtr defaults[SV_MAX_ARGS];
	for (int32_t i = 0; i < argc; i++) {
		metas[i] = (GDExtensionClassMethodArgumentMetadata)arg_meta[i];
	}
	for (int32_t d = 0; d < default_count; d++) {
		defaults[d] = &m->defaults[d];
	}
	string_name_t method_name;
	gd.string_name_new(&method_name, name);
	GDExtensionClassMethodInfo info = {
		.name = &method_name,
		.method_userdata = (void *)(intptr_t)index,
		.call_func = sv_call,
		.ptrcall_func = sv_ptrcall,
		.method_flags = GDEXTENSION_METHOD_FLAGS_DEFAULT,
		.has_return_value = ret_type != SV_TYPE_VOID,
		.return_value_info = ret_type == SV_TYPE_VOID ? NULL : &ret_prop.info[0],
		.return_value_metadata = (GDExtensionClassMethodArgumentMetadata)ret_meta,
		.argument_count = (uint32_t)argc,
		.arguments_info = argc ? props.info : NULL,
		.arguments_metadata = argc ? metas : NULL,
		.default_argument_count = (uint32_t)default_count,
		.default_arguments = default_count ? defaults : NULL,
	};
	gd.register_method(gd.library, &class_name, &info);
	free_string_name(&method_name);
	props_free(&props);
	props_free(&ret_prop);
	m->registered = 1;
	return 1;
}

int sv_register_signal(int32_t index, const char *name, int32_t argc, const char **arg_names, const int32_t *arg_types,
		const char **arg_enums) {
	if (index < 0 || index >= SV_MAX_SIGNALS || argc < 0 || argc > SV_MAX_ARGS) {
		return 0;
	}
	signal_t *s = &signals[index];
	props_t props;
	props_init(&props, argc, arg_names, arg_types, arg_enums);
	string_name_t sn;
	gd.string_name_new(&sn, name);
	gd.register_signal(gd.library, &class_name, &sn, argc ? props.info : NULL, argc);
	GDExtensionVariantFromTypeConstructorFunc from_name = gd.from_type(T_STRING_NAME);
	from_name(&s->name, &sn);
	free_string_name(&sn);
	props_free(&props);
	s->argc = argc;
	for (int32_t i = 0; i < argc; i++) {
		s->types[i] = arg_types[i];
	}
	s->registered = 1;
	return 1;
}

static GDExtensionMethodBindPtr engine_method(const char *name, GDExtensionInt hash) {
	string_name_t cls, method;
	gd.string_name_new(&cls, "Engine");
	gd.string_name_new(&method, name);
	GDExtensionMethodBindPtr bind = gd.get_method_bind(&cls, &method, hash);
	free_string_name(&cls);
	free_string_name(&method);
	return bind;
}

static GDExtensionObjectPtr engine_singleton(void) {
	string_name_t name;
	gd.string_name_new(&name, "Engine");
	GDExtensionObjectPtr engine = gd.global_get_singleton(&name);
	free_string_name(&name);
	return engine;
}

// release_singleton unregisters and destroys the Steam object. Destroying it disconnects every
// Callable connected to its signals, which must happen while scripting is still alive: a GDScript
// lambda freed after GDScript has shut down is freed twice.
static void release_singleton(void) {
	if (!singleton) {
		return;
	}
	GDExtensionMethodBindPtr bind = engine_method("unregister_singleton", HASH_UNREGISTER_SINGLETON);
	GDExtensionObjectPtr engine = engine_singleton();
	if (bind && engine) {
		const void *args[1] = { &class_name };
		gd.method_bind_ptrcall(bind, engine, args, NULL);
	}
	gd.object_destroy(singleton);
	singleton = NULL;
}

int sv_register_singleton(void) {
	GDExtensionMethodBindPtr bind = engine_method("register_singleton", HASH_REGISTER_SINGLETON);
	GDExtensionObjectPtr engine = engine_singleton();
	if (!bind || !engine) {
		return 0;
	}
	string_name_t object_class;
	gd.string_name_new(&object_class, "Object");
	singleton = gd.construct_object(&object_class);
	free_string_name(&object_class);
	gd.object_set_instance(singleton, &class_name, (GDExtensionClassInstancePtr)&singleton);
	// ptrcall takes a pointer to each argument: the StringName, and the Object pointer itself.
	const void *args[2] = { &class_name, &singleton };
	gd.method_bind_ptrcall(bind, engine, args, NULL);
	static const GDExtensionMainLoopCallbacks callbacks = { .shutdown_func = release_singleton };
	gd.register_main_loop_callbacks(gd.library, &callbacks);
	return 1;
}

void sv_unregister(void) {
	release_singleton(); // normally done already at main loop shutdown
	for (int i = 0; i < SV_MAX_METHODS; i++) {
		for (int d = 0; methods[i].registered && d < methods[i].default_count; d++) {
			gd.variant_destroy(&methods[i].defaults[d]);
		}
		methods[i].registered = 0;
	}
	for (int i = 0; i < SV_MAX_SIGNALS; i++) {
		if (signals[i].registered) {
			gd.variant_destroy(&signals[i].name);
			signals[i].registered = 0;
		}
	}
	for (int i = 0; i < SV_MAX_KEYS; i++) {
		if (key_defined[i]) {
			gd.variant_destroy(&keys[i]);
			key_defined[i] = 0;
		}
	}
	if (class_registered) {
		gd.unregister_class(gd.library, &class_name);
		free_string_name(&class_name);
		class_registered = 0;
	}
}

// ---- Decoding arguments ------------------------------------------------------------------------

// Scratch owns the UTF-8 copies of strings too long for the stack buffer of one call.
typedef struct {
	char text[SV_MAX_ARGS][SV_STACK_TEXT];
	void *heap[SV_MAX_ARGS];
} scratch_t;

static void scratch_free(scratch_t *s) {
	for (int i = 0; i < SV_MAX_ARGS; i++) {
		free(s->heap[i]);
	}
}

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

static void decode_string(const void *godot_string, sv_arg *out, char *stack, void **heap) {
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

static void decode_bytes(const void *array, sv_arg *out) {
	int64_t size = 0;
	bytes_size((GDExtensionTypePtr)array, NULL, &size, 0);
	out->len = size;
	out->data = size > 0 ? gd.bytes_index_const(array, 0) : NULL;
}

// decode_variant reads any Variant and marks whether it fits the declared type; Go reports a
// mismatch with the argument's name, so a wrong type never aborts the caller's script.
static void decode_variant(const void *v, int32_t declared, sv_arg *out, char *stack, void **heap) {
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
		out->convertible = declared == T_INT || declared == T_BOOL || declared == SV_TYPE_VARIANT;
		break;
	case T_FLOAT:
		to_float(&out->f, (GDExtensionVariantPtr)v);
		// Only whole numbers in int64 range stand in for an int: 2.5 players is a bug to report.
		if (out->f >= -9223372036854775808.0 && out->f < 9223372036854775808.0 && out->f == (double)(int64_t)out->f) {
			out->i = (int64_t)out->f;
			out->convertible = declared == T_INT || declared == T_BOOL;
		}
		break;
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
	default:
		break;
	}
}

// decode_typed reads a ptrcall argument, which Godot has already converted to the declared type.
static void decode_typed(const void *p, int32_t declared, sv_arg *out, char *stack, void **heap) {
	out->type = declared;
	out->convertible = 1;
	switch (declared) {
	case T_BOOL:
		out->i = *(const GDExtensionBool *)p;
		break;
	case T_INT:
		out->i = *(const int64_t *)p;
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
	default: // SV_TYPE_VARIANT: ptrcall passes the Variant itself
		decode_variant(p, declared, out, stack, heap);
		break;
	}
}

// ---- Fast path -----------------------------------------------------------------------------------
// Entering Go costs ~50 ns, several times a native engine call. Four hot cases never need it, as
// every change goes through a Go call that advances sv_epoch: a status read (loggedOn, getSteamID...)
// whose answer cannot have changed since Go last gave it; run_callbacks when no event is queued and
// the backend's per-frame work is not due; getNextOutgoingPacket when Go said none would come; and a
// setter repeating the value it accepted last. Atomics keep calls from other threads safe.

uint64_t sv_epoch = 1;
int32_t sv_events_pending;
static uint8_t cached[SV_MAX_METHODS];
static uint64_t cached_epoch[SV_MAX_METHODS];
static int64_t cached_value[SV_MAX_METHODS];
static int32_t run_callbacks_index = -1;
static int64_t frame_interval_ns; // 0: the backend needs every frame
int32_t sv_frame_due = 1; // set by Go's frame timer once the backend's per-frame work is due
static uint64_t frame_epoch; // any other Go call since the last run_callbacks makes the next one run

void sv_set_cached(int32_t index, int32_t kind) {
	if (index >= 0 && index < SV_MAX_METHODS && kind >= SV_CACHE_NONE && kind <= SV_CACHE_SETTER) {
		cached[index] = (uint8_t)kind;
	}
}

void sv_set_run_callbacks(int32_t index, int64_t interval_ns) {
	run_callbacks_index = index;
	__atomic_store_n(&frame_interval_ns, interval_ns, __ATOMIC_RELAXED);
}

static inline int64_t now_ns(void) {
#ifdef _WIN32
	return (int64_t)GetTickCount64() * 1000000; // no syscall either; 10-16 ms resolution is plenty
#else
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC_COARSE, &ts); // a few ns, no syscall; 4 ms resolution is plenty
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
#endif
}

// A setter's last accepted argument. Like every cached answer it holds while the epoch it was stored
// in is current; epoch is 0 while the entry is being written (a seqlock: readers check it before
// and after comparing).
#define SETTER_TEXT 64
typedef struct {
	uint64_t epoch;
	int64_t i;
	int64_t len;
	char text[SETTER_TEXT];
} setter_cache_t;
static setter_cache_t setter_cache[SV_MAX_METHODS];

static inline int same_arg(const setter_cache_t *c, const sv_arg *a) {
	if (a->type == T_STRING) {
		return c->len == a->len && c->len >= 0 && memcmp(c->text, a->data, (size_t)a->len) == 0;
	}
	return c->len < 0 && c->i == a->i;
}

// setter_unchanged reports whether a is the value the setter accepted last, with nothing called since.
static inline int setter_unchanged(int32_t index, const sv_arg *a) {
	setter_cache_t *c = &setter_cache[index];
	uint64_t before = __atomic_load_n(&c->epoch, __ATOMIC_ACQUIRE);
	if (!a->convertible || before == 0 || before != __atomic_load_n(&sv_epoch, __ATOMIC_ACQUIRE) || !same_arg(c, a)) {
		return 0;
	}
	__atomic_thread_fence(__ATOMIC_ACQUIRE);
	return __atomic_load_n(&c->epoch, __ATOMIC_RELAXED) == before;
}

// setter_accepted records the argument Go accepted in a call made under epoch.
static inline void setter_accepted(int32_t index, const sv_arg *a, uint64_t epoch) {
	setter_cache_t *c = &setter_cache[index];
	__atomic_store_n(&c->epoch, 0, __ATOMIC_RELAXED);
	__atomic_thread_fence(__ATOMIC_RELEASE);
	if (a->type == T_STRING) {
		if (a->len < 0 || a->len > SETTER_TEXT) {
			return; // too long to keep: the entry stays invalid
		}
		memcpy(c->text, a->data, (size_t)a->len);
		c->len = a->len;
	} else {
		c->i = a->i;
		c->len = -1;
	}
	__atomic_store_n(&c->epoch, epoch, __ATOMIC_RELEASE);
}

// fast_answer reports whether the call can be answered here: *value is the scalar to return, or,
// for an SV_CACHE_EMPTY_PACKET method, the caller builds the empty packet Dictionary.
static inline int fast_answer(int32_t index, int64_t *value) {
	if (index == run_callbacks_index) {
		int64_t interval = __atomic_load_n(&frame_interval_ns, __ATOMIC_RELAXED);
		return interval > 0 && !__atomic_load_n(&sv_events_pending, __ATOMIC_ACQUIRE) &&
				__atomic_load_n(&frame_epoch, __ATOMIC_ACQUIRE) == __atomic_load_n(&sv_epoch, __ATOMIC_ACQUIRE) &&
				!__atomic_load_n(&sv_frame_due, __ATOMIC_ACQUIRE);
	}
	if ((cached[index] == SV_CACHE_SCALAR || cached[index] == SV_CACHE_EMPTY_PACKET) &&
			__atomic_load_n(&cached_epoch[index], __ATOMIC_ACQUIRE) == __atomic_load_n(&sv_epoch, __ATOMIC_ACQUIRE)) {
		*value = __atomic_load_n(&cached_value[index], __ATOMIC_RELAXED);
		return 1;
	}
	return 0;
}

// after_go records what the Go call allows the next calls to skip.
static inline void after_go(int32_t index, const sv_ret *r, uint64_t epoch, const sv_arg *args) {
	if (cached[index] == SV_CACHE_SETTER) {
		if (r->cacheable) {
			setter_accepted(index, &args[0], epoch);
		}
	} else if (index == run_callbacks_index) {
		__atomic_store_n(&frame_epoch, __atomic_load_n(&sv_epoch, __ATOMIC_ACQUIRE), __ATOMIC_RELEASE);
	} else if (cached[index] && r->cacheable) {
		__atomic_store_n(&cached_value[index], r->i, __ATOMIC_RELAXED);
		__atomic_store_n(&cached_epoch[index], epoch, __ATOMIC_RELEASE);
	}
}

// ---- Calls ---------------------------------------------------------------------------------------

static void fill_packet(void *dict, const uint8_t *data, int64_t len, int64_t address, int64_t port);

static inline method_t *method_of(void *userdata) {
	return &methods[(intptr_t)userdata];
}

void sv_call(void *userdata, GDExtensionClassInstancePtr instance, const GDExtensionConstVariantPtr *args,
		GDExtensionInt argc, GDExtensionVariantPtr ret, GDExtensionCallError *error) {
	(void)instance;
	method_t *m = method_of(userdata);
	error->error = GDEXTENSION_CALL_OK;
	if (argc > m->argc) {
		error->error = GDEXTENSION_CALL_ERROR_TOO_MANY_ARGUMENTS;
		error->expected = m->argc;
		return;
	}
	if (argc < m->argc - m->default_count) {
		error->error = GDEXTENSION_CALL_ERROR_TOO_FEW_ARGUMENTS;
		error->expected = m->argc - m->default_count;
		return;
	}
	int32_t index = (int32_t)(intptr_t)userdata;
	int64_t fast = 0;
	if (fast_answer(index, &fast)) {
		if (m->ret_type == T_BOOL) {
			GDExtensionBool b = fast != 0;
			from_bool(ret, &b);
		} else if (m->ret_type == T_INT) {
			from_int(ret, &fast);
		} else if (m->ret_type == T_DICTIONARY) {
			dictionary_t empty;
			new_dict(&empty, NULL);
			fill_packet(&empty, NULL, 0, 0, 0);
			from_dict(ret, &empty);
			free_dict(&empty);
		}
		return;
	}
	sv_arg decoded[SV_MAX_ARGS];
	scratch_t scratch;
	memset(decoded, 0, sizeof(sv_arg) * (size_t)m->argc);
	memset(scratch.heap, 0, sizeof scratch.heap);
	int32_t first_default = m->argc - m->default_count;
	for (int32_t i = 0; i < m->argc; i++) {
		const void *v = i < argc ? args[i] : &m->defaults[i - first_default];
		decode_variant(v, m->types[i], &decoded[i], scratch.text[i], &scratch.heap[i]);
	}
	if (cached[index] == SV_CACHE_SETTER && setter_unchanged(index, &decoded[0])) {
		scratch_free(&scratch);
		return;
	}
	dictionary_t dict;
	sv_ret r = { 0, NULL, 0 };
	if (m->ret_type == T_DICTIONARY) {
		new_dict(&dict, NULL);
		r.dict = &dict;
	}
	uint64_t epoch = __atomic_load_n(&sv_epoch, __ATOMIC_ACQUIRE);
	goSteamCall(index, decoded, m->argc, &r);
	after_go(index, &r, epoch, decoded);
	scratch_free(&scratch);
	switch (m->ret_type) {
	case T_BOOL: {
		GDExtensionBool b = r.i != 0;
		from_bool(ret, &b);
		break;
	}
	case T_INT:
		from_int(ret, &r.i);
		break;
	case T_DICTIONARY:
		from_dict(ret, &dict);
		free_dict(&dict);
		break;
	default:
		break;
	}
}

void sv_ptrcall(void *userdata, GDExtensionClassInstancePtr instance, const GDExtensionConstTypePtr *args,
		GDExtensionTypePtr ret) {
	(void)instance;
	method_t *m = method_of(userdata);
	int32_t index = (int32_t)(intptr_t)userdata;
	int64_t fast = 0;
	if (fast_answer(index, &fast)) {
		if (m->ret_type == T_BOOL) {
			*(GDExtensionBool *)ret = fast != 0;
		} else if (m->ret_type == T_INT) {
			*(int64_t *)ret = fast;
		} else if (m->ret_type == T_DICTIONARY) {
			free_dict(ret);
			new_dict(ret, NULL);
			fill_packet(ret, NULL, 0, 0, 0);
		}
		return;
	}
	sv_arg decoded[SV_MAX_ARGS];
	scratch_t scratch;
	memset(scratch.heap, 0, sizeof scratch.heap);
	for (int32_t i = 0; i < m->argc; i++) {
		memset(&decoded[i], 0, sizeof decoded[i]);
		decode_typed(args[i], m->types[i], &decoded[i], scratch.text[i], &scratch.heap[i]);
	}
	if (cached[index] == SV_CACHE_SETTER && setter_unchanged(index, &decoded[0])) {
		scratch_free(&scratch);
		return;
	}
	sv_ret r = { 0, NULL, 0 };
	if (m->ret_type == T_DICTIONARY) {
		// The caller hands us a constructed Dictionary; start from a fresh empty one.
		free_dict(ret);
		new_dict(ret, NULL);
		r.dict = ret;
	}
	uint64_t epoch = __atomic_load_n(&sv_epoch, __ATOMIC_ACQUIRE);
	goSteamCall(index, decoded, m->argc, &r);
	after_go(index, &r, epoch, decoded);
	scratch_free(&scratch);
	switch (m->ret_type) {
	case T_BOOL:
		*(GDExtensionBool *)ret = r.i != 0;
		break;
	case T_INT:
		*(int64_t *)ret = r.i;
		break;
	default:
		break;
	}
}

// ---- Values Go puts into returned Dictionaries --------------------------------------------------

// slot_in returns the emptied Variant under key in dict, added if missing.
static GDExtensionVariantPtr slot_in(void *dict, int32_t key) {
	if (!dict || key < 0 || key >= SV_MAX_KEYS || !key_defined[key]) {
		return NULL;
	}
	GDExtensionVariantPtr slot = gd.dict_index(dict, &keys[key]);
	gd.variant_destroy(slot);
	return slot;
}

static GDExtensionVariantPtr dict_slot(sv_ret *ret, int32_t key) {
	return slot_in(ret->dict, key);
}

void sv_dict_set_int(sv_ret *ret, int32_t key, int64_t value) {
	GDExtensionVariantPtr slot = dict_slot(ret, key);
	if (slot) {
		from_int(slot, &value);
	}
}

void sv_dict_set_bool(sv_ret *ret, int32_t key, int32_t value) {
	GDExtensionVariantPtr slot = dict_slot(ret, key);
	if (slot) {
		GDExtensionBool b = value != 0;
		from_bool(slot, &b);
	}
}

static void set_bytes(GDExtensionVariantPtr slot, const uint8_t *data, int64_t len);

void sv_dict_set_bytes(sv_ret *ret, int32_t key, const uint8_t *data, int64_t len) {
	GDExtensionVariantPtr slot = dict_slot(ret, key);
	if (slot) {
		set_bytes(slot, data, len);
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

void sv_dict_set_string(sv_ret *ret, int32_t key, const char *data, int64_t len) {
	GDExtensionVariantPtr slot = dict_slot(ret, key);
	if (slot) {
		make_string(slot, data, len);
	}
}

// fill_packet puts getNextOutgoingPacket's keys into dict, in the order Go's outgoingDict used to
// and the safe value has: length, out, address, port.
static void fill_packet(void *dict, const uint8_t *data, int64_t len, int64_t address, int64_t port) {
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
	// Strings found in a Dictionary always go to the heap: the caller frees them with sv_free_scratch.
	static char unused[SV_STACK_TEXT];
	if ((int32_t)gd.variant_get_type(v) == T_STRING) {
		GDExtensionInt len = gd.string_to_utf8(internal_string(v), NULL, 0);
		char *text = malloc(len > 0 ? (size_t)len : 1);
		if (!text) {
			return 0;
		}
		gd.string_to_utf8(internal_string(v), text, len);
		out->type = T_STRING;
		out->data = (const uint8_t *)text;
		out->len = len;
		out->convertible = declared_type == T_STRING || declared_type == SV_TYPE_VARIANT;
		*scratch = text;
		return 1;
	}
	decode_variant(v, declared_type, out, unused, scratch);
	return 1;
}

void sv_free_scratch(void *scratch) {
	free(scratch);
}

// ---- Signals -------------------------------------------------------------------------------------

void sv_emit(int32_t index, const int64_t *values, int32_t count) {
	if (!singleton || index < 0 || index >= SV_MAX_SIGNALS || !signals[index].registered) {
		return;
	}
	signal_t *s = &signals[index];
	if (count != s->argc) {
		return;
	}
	variant_t argv[SV_MAX_ARGS];
	GDExtensionConstVariantPtr argp[SV_MAX_ARGS + 1];
	argp[0] = &s->name;
	for (int32_t i = 0; i < count; i++) {
		if (s->types[i] == T_BOOL) {
			GDExtensionBool b = values[i] != 0;
			from_bool(&argv[i], &b);
		} else {
			from_int(&argv[i], (GDExtensionTypePtr)&values[i]);
		}
		argp[i + 1] = &argv[i];
	}
	variant_t result;
	GDExtensionCallError error;
	gd.method_bind_call(emit_signal_bind, singleton, argp, count + 1, &result, &error);
	gd.variant_destroy(&result);
}

void sv_dict_new_child(sv_ret *parent, int32_t key, sv_ret *child) {
	child->dict = NULL;
	GDExtensionVariantPtr slot = dict_slot(parent, key);
	if (!slot) {
		return;
	}
	dictionary_t fresh;
	new_dict(&fresh, NULL);
	from_dict(slot, &fresh);
	free_dict(&fresh);
	child->dict = internal_dict(slot);
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

// ---- Quit requests ---------------------------------------------------------------------------------
// What a window manager's close button does (Window::_event_callback for WINDOW_EVENT_CLOSE_REQUEST):
// NOTIFICATION_WM_CLOSE_REQUEST to every node under the root window, then the root's close_requested
// signal, on which SceneTree quits unless auto_accept_quit is off. A headless Godot has no window
// events, so sv_request_close does it for a termination signal. Main thread only.

#define HASH_GET_MAIN_LOOP 1016888095u
#define HASH_IS_CLASS 3927539163u
#define HASH_GET_ROOT 1757182445u
#define HASH_PROPAGATE_NOTIFICATION 1286410249u
#define HASH_NOTIFICATION 4023243586u
#define NOTIFICATION_WM_CLOSE_REQUEST 1006

static GDExtensionMethodBindPtr bind_of(const char *class_name_text, const char *method, GDExtensionInt hash) {
	string_name_t c, m;
	gd.string_name_new(&c, class_name_text);
	gd.string_name_new(&m, method);
	GDExtensionMethodBindPtr bind = gd.get_method_bind(&c, &m, hash);
	free_string_name(&c);
	free_string_name(&m);
	return bind;
}

int sv_request_close(void) {
	string_name_t engine_class;
	gd.string_name_new(&engine_class, "Engine");
	GDExtensionObjectPtr engine = gd.global_get_singleton(&engine_class);
	free_string_name(&engine_class);
	GDExtensionMethodBindPtr get_main_loop = bind_of("Engine", "get_main_loop", HASH_GET_MAIN_LOOP);
	GDExtensionMethodBindPtr is_class = bind_of("Object", "is_class", HASH_IS_CLASS);
	GDExtensionMethodBindPtr get_root = bind_of("SceneTree", "get_root", HASH_GET_ROOT);
	GDExtensionMethodBindPtr propagate = bind_of("Node", "propagate_notification", HASH_PROPAGATE_NOTIFICATION);
	GDExtensionMethodBindPtr notify = bind_of("Object", "notification", HASH_NOTIFICATION);
	if (!engine || !get_main_loop || !is_class || !get_root || !propagate || !notify || !emit_signal_bind) {
		return 0;
	}
	GDExtensionObjectPtr loop = NULL;
	gd.method_bind_ptrcall(get_main_loop, engine, NULL, &loop);
	if (!loop) {
		return 0;
	}
	int64_t what = NOTIFICATION_WM_CLOSE_REQUEST;
	string_t scene_tree;
	gd.string_new(&scene_tree, "SceneTree", 9);
	GDExtensionBool tree = 0;
	const GDExtensionConstTypePtr is_class_args[1] = { &scene_tree };
	gd.method_bind_ptrcall(is_class, loop, is_class_args, &tree);
	free_string(&scene_tree);
	GDExtensionObjectPtr root = NULL;
	if (tree) {
		gd.method_bind_ptrcall(get_root, loop, NULL, &root);
	}
	if (!root) { // another kind of MainLoop: it gets the notification itself
		GDExtensionBool reversed = 0;
		const GDExtensionConstTypePtr args[2] = { &what, &reversed };
		gd.method_bind_ptrcall(notify, loop, args, NULL);
		return 1;
	}
	const GDExtensionConstTypePtr args[1] = { &what };
	gd.method_bind_ptrcall(propagate, root, args, NULL);
	variant_t name, result;
	string_name_t close_requested;
	gd.string_name_new(&close_requested, "close_requested");
	GDExtensionVariantFromTypeConstructorFunc from_string_name = gd.from_type(T_STRING_NAME);
	from_string_name(&name, &close_requested);
	free_string_name(&close_requested);
	GDExtensionConstVariantPtr argp[1] = { &name };
	GDExtensionCallError error;
	gd.method_bind_call(emit_signal_bind, root, argp, 1, &result, &error);
	gd.variant_destroy(&result);
	gd.variant_destroy(&name);
	return 1;
}
