// Registration: the classes (Steam and SteamServer), their methods, signals and integer constants in
// ClassDB, as Go describes them once at the SCENE level; and their release when the extension unloads.
#include "gdext_internal.h"

#include <string.h>

#define USAGE_DEFAULT 6u
#define USAGE_NIL_IS_VARIANT (1u << 17)
#define USAGE_CLASS_IS_ENUM (1u << 16)
#define HASH_EMIT_SIGNAL 4047867050u
#define HASH_HAS_CONNECTIONS 2619796661u

method_t methods[SV_MAX_METHODS];
signal_t signals[SV_MAX_SIGNALS];
class_t classes[SV_MAX_CLASSES];

static void free_instance(void *class_userdata, GDExtensionClassInstancePtr instance) {
	(void)class_userdata;
	(void)instance; // the instance is a token; the server lives in Go
}

static int class_ok(int32_t cls) {
	return cls >= 0 && cls < SV_MAX_CLASSES && classes[cls].registered;
}

const char *sv_register_class(int32_t cls, const char *name) {
	if (cls < 0 || cls >= SV_MAX_CLASSES) {
		return "its number is beyond SV_MAX_CLASSES (gdext.h)";
	}
	if (classes[cls].registered) {
		return "the class is registered already";
	}
	if (!emit_signal_bind && !(emit_signal_bind = bind_of("Object", "emit_signal", HASH_EMIT_SIGNAL))) {
		return "this Godot has no Object.emit_signal with the expected hash";
	}
	if (!has_connections_bind && !(has_connections_bind = bind_of("Object", "has_connections", HASH_HAS_CONNECTIONS))) {
		return "this Godot has no Object.has_connections with the expected hash";
	}
	string_name_t parent;
	gd.string_name_new(&classes[cls].name, name);
	gd.string_name_new(&parent, "Object");
	GDExtensionClassCreationInfo4 info;
	memset(&info, 0, sizeof info);
	info.is_abstract = 1; // one instance, made by us; Steam.new() is refused by the engine
	info.is_exposed = 1;
	info.free_instance_func = free_instance;
	gd.register_class(gd.library, &classes[cls].name, &parent, &info);
	free_string_name(&parent);
	classes[cls].registered = 1;
	return NULL;
}

// Property infos hold borrowed StringNames; Godot copies them during registration.
// An enum-typed value names its enum as "Steam.<Enum>" with CLASS_IS_ENUM, as engine classes do.
void props_init(props_t *p, int32_t count, const sv_value_info *values) {
	gd.string_new(&p->hint, "", 0);
	p->count = count;
	for (int32_t i = 0; i < count; i++) {
		const sv_value_info *v = &values[i];
		gd.string_name_new(&p->names[i], v->name);
		int variant = v->type == SV_TYPE_VARIANT;
		int is_enum = v->enum_class[0] != 0;
		gd.string_name_new(&p->classes[i], v->enum_class);
		p->info[i] = (GDExtensionPropertyInfo){
			.type = variant ? T_NIL : (GDExtensionVariantType)v->type,
			.name = &p->names[i],
			.class_name = &p->classes[i],
			.hint = 0,
			.hint_string = &p->hint,
			.usage = USAGE_DEFAULT | (variant ? USAGE_NIL_IS_VARIANT : 0) | (is_enum ? USAGE_CLASS_IS_ENUM : 0),
		};
	}
}

void props_free(props_t *p) {
	for (int i = 0; i < p->count; i++) {
		free_string_name(&p->names[i]);
		free_string_name(&p->classes[i]);
	}
	free_string(&p->hint);
}

void sv_register_constant(int32_t cls, const char *enum_name, const char *name, int64_t value) {
	if (!class_ok(cls)) {
		return;
	}
	string_name_t e, n;
	gd.string_name_new(&e, enum_name);
	gd.string_name_new(&n, name);
	gd.register_constant(gd.library, &classes[cls].name, &e, &n, value, 0);
	free_string_name(&e);
	free_string_name(&n);
}

// ---- Checking rows ---------------------------------------------------------------------------------
// Go's tests keep the tables clean; these checks keep a bad edit (or a table grown past a limit)
// from reaching Godot as a half-registered method that decodes past its arguments.

// The argument types decode_variant and decode_typed read, and the returns answer() writes.
static int decodable(int32_t type) {
	return type == T_BOOL || type == T_INT || type == T_FLOAT || type == T_STRING || type == T_DICTIONARY || type == T_BYTES ||
			type == T_ARRAY || is_ints(type) || type == SV_TYPE_VARIANT;
}

static int returnable(int32_t type) {
	return type == SV_TYPE_VOID || type == T_BOOL || type == T_INT || type == T_FLOAT || type == T_STRING || type == T_DICTIONARY ||
			type == T_ARRAY || type == T_BYTES;
}

static const char *check_value(const sv_value_info *v) {
	if (!v->name || !v->enum_class) {
		return "an argument or return value without a name or enum class (NULL)";
	}
	if (v->meta < GDEXTENSION_METHOD_ARGUMENT_METADATA_NONE || v->meta > GDEXTENSION_METHOD_ARGUMENT_METADATA_OBJECT_IS_REQUIRED) {
		return "an argument or return value with unknown metadata";
	}
	return NULL;
}

// check_cache refuses a fast-path kind whose assumptions (gdext_call.c) the method breaks.
static const char *check_cache(const sv_method_row *row) {
	switch (row->cache) {
	case SV_CACHE_NONE:
		return NULL;
	case SV_CACHE_SCALAR:
		return row->argc == 0 && (row->ret.type == T_BOOL || row->ret.type == T_INT)
				? NULL
				: "a cached answer must be an argument-less bool or int read";
	case SV_CACHE_EMPTY_PACKET:
		return row->argc == 0 && row->ret.type == T_DICTIONARY ? NULL : "an empty-packet answer must be an argument-less Dictionary";
	case SV_CACHE_SETTER: {
		int32_t t = row->argc == 1 ? row->args[0].type : T_NIL;
		return (t == T_BOOL || t == T_INT || t == T_STRING) && row->ret.type == SV_TYPE_VOID
				? NULL
				: "a skipped setter must take one bool, int or String and return nothing";
	}
	case SV_CACHE_RUN_CALLBACKS:
		return row->argc == 0 && row->ret.type == SV_TYPE_VOID ? NULL : "run_callbacks takes no argument and returns nothing";
	default:
		return "unknown cache kind";
	}
}

static const char *check_method(const sv_method_row *row) {
	if (row->index < 0 || row->index >= SV_MAX_METHODS) {
		return "its index is beyond SV_MAX_METHODS (gdext.h)";
	}
	if (row->cls < 0 || row->cls >= SV_MAX_CLASSES) {
		return "its class is beyond SV_MAX_CLASSES (gdext.h)";
	}
	if (methods[row->index].registered) {
		return "its index is taken";
	}
	if (!row->name || !row->name[0]) {
		return "no name";
	}
	if (row->argc < 0 || row->argc > SV_MAX_ARGS) {
		return "more arguments than SV_MAX_ARGS (gdext.h)";
	}
	if (row->default_count < 0 || row->default_count > row->argc) {
		return "more defaults than arguments";
	}
	const char *bad = check_value(&row->ret);
	if (bad) {
		return bad;
	}
	if (!returnable(row->ret.type)) {
		return "a return type C cannot write (void, bool, int, float, String, Dictionary, Array or PackedByteArray)";
	}
	for (int32_t i = 0; i < row->argc; i++) {
		if ((bad = check_value(&row->args[i]))) {
			return bad;
		}
		if (!decodable(row->args[i].type)) {
			return "an argument type C cannot decode";
		}
	}
	for (int32_t d = 0; d < row->default_count; d++) {
		int32_t type = row->args[row->argc - row->default_count + d].type;
		if (!(type == T_BOOL || type == T_INT || (type == T_STRING && row->defaults[d].text))) {
			return "a default C cannot build (bool, int or String)";
		}
	}
	return check_cache(row);
}

static const char *check_signal(const sv_signal_row *row) {
	if (row->index < 0 || row->index >= SV_MAX_SIGNALS) {
		return "its index is beyond SV_MAX_SIGNALS (gdext.h)";
	}
	if (row->cls < 0 || row->cls >= SV_MAX_CLASSES) {
		return "its class is beyond SV_MAX_CLASSES (gdext.h)";
	}
	const signal_t *s = &signals[row->index];
	if (s->classes & (1u << row->cls)) {
		return "its index is taken";
	}
	if (s->classes && s->argc != row->argc) {
		return "another class has this signal with another number of parameters";
	}
	if (!row->name || !row->name[0]) {
		return "no name";
	}
	if (row->argc < 0 || row->argc > SV_MAX_ARGS) {
		return "more parameters than SV_MAX_ARGS (gdext.h)";
	}
	for (int32_t i = 0; i < row->argc; i++) {
		const char *bad = check_value(&row->args[i]);
		if (bad) {
			return bad;
		}
		// sv_emit builds bools, ints, one String, one Array of ints and one Dictionary.
		int32_t t = row->args[i].type;
		if (t != T_BOOL && t != T_INT && t != T_STRING && t != T_DICTIONARY && t != T_ARRAY) {
			return "a parameter type the catalogue cannot declare (bool, int, String, Array or Dictionary)";
		}
	}
	return NULL;
}

// ---- Methods and signals ---------------------------------------------------------------------------

// refusal is why a row cannot be registered: its own fault first, so that Go's tests, which run
// without Godot (and so without the class), can check every row against these rules.
static const char *refusal(const char *row_fault, int32_t cls) {
	if (row_fault) {
		return row_fault;
	}
	return class_ok(cls) ? NULL : SV_CLASS_NOT_REGISTERED;
}

const char *sv_register_method(const sv_method_row *row) {
	const char *bad = refusal(row ? check_method(row) : "no row", row ? row->cls : -1);
	if (bad) {
		return bad;
	}
	method_t *m = &methods[row->index];
	m->argc = row->argc;
	m->ret_type = row->ret.type;
	m->default_count = row->default_count;
	GDExtensionClassMethodArgumentMetadata metas[SV_MAX_ARGS];
	for (int32_t i = 0; i < row->argc; i++) {
		m->types[i] = row->args[i].type;
		metas[i] = (GDExtensionClassMethodArgumentMetadata)row->args[i].meta;
	}
	GDExtensionVariantPtr defaults[SV_MAX_ARGS];
	for (int32_t d = 0; d < row->default_count; d++) {
		const sv_default *value = &row->defaults[d];
		switch (m->types[row->argc - row->default_count + d]) {
		case T_STRING:
			make_string(&m->defaults[d], value->text, (int64_t)strlen(value->text));
			break;
		case T_BOOL: {
			GDExtensionBool b = value->i != 0;
			from_bool(&m->defaults[d], &b);
			break;
		}
		default: {
			int64_t v = value->i;
			from_int(&m->defaults[d], &v);
			break;
		}
		}
		defaults[d] = &m->defaults[d];
	}

	int has_return = row->ret.type != SV_TYPE_VOID;
	props_t props, ret_prop;
	props_init(&props, row->argc, row->args);
	props_init(&ret_prop, has_return ? 1 : 0, &row->ret);
	string_name_t method_name;
	gd.string_name_new(&method_name, row->name);
	GDExtensionClassMethodInfo info = {
		.name = &method_name,
		.method_userdata = (void *)(intptr_t)row->index,
		.call_func = sv_call,
		.ptrcall_func = sv_ptrcall,
		.method_flags = GDEXTENSION_METHOD_FLAGS_DEFAULT,
		.has_return_value = has_return,
		.return_value_info = has_return ? &ret_prop.info[0] : NULL,
		.return_value_metadata = (GDExtensionClassMethodArgumentMetadata)row->ret.meta,
		.argument_count = (uint32_t)row->argc,
		.arguments_info = row->argc ? props.info : NULL,
		.arguments_metadata = row->argc ? metas : NULL,
		.default_argument_count = (uint32_t)row->default_count,
		.default_arguments = row->default_count ? defaults : NULL,
	};
	gd.register_method(gd.library, &classes[row->cls].name, &info);
	free_string_name(&method_name);
	props_free(&props);
	props_free(&ret_prop);
	set_cache_kind(row->index, row->cache);
	m->registered = 1;
	return NULL;
}

const char *sv_register_signal(const sv_signal_row *row) {
	const char *bad = refusal(row ? check_signal(row) : "no row", row ? row->cls : -1);
	if (bad) {
		return bad;
	}
	signal_t *s = &signals[row->index];
	props_t props;
	props_init(&props, row->argc, row->args);
	string_name_t sn;
	gd.string_name_new(&sn, row->name);
	gd.register_signal(gd.library, &classes[row->cls].name, &sn, row->argc ? props.info : NULL, row->argc);
	if (!s->classes) { // the first class to register it says how sv_emit builds it
		from_string_name(&s->name, &sn);
		s->sname = sn; // kept (freed by sv_unregister)
		s->argc = row->argc;
		for (int32_t i = 0; i < row->argc; i++) {
			s->types[i] = row->args[i].type;
		}
	} else {
		free_string_name(&sn);
	}
	props_free(&props);
	s->classes |= 1u << row->cls;
	return NULL;
}

void sv_unregister(void) {
	release_singletons(); // normally done already at main loop shutdown
	for (int i = 0; i < SV_MAX_METHODS; i++) {
		for (int d = 0; methods[i].registered && d < methods[i].default_count; d++) {
			gd.variant_destroy(&methods[i].defaults[d]);
		}
		methods[i].registered = 0;
		set_cache_kind(i, SV_CACHE_NONE);
	}
	for (int i = 0; i < SV_MAX_SIGNALS; i++) {
		if (signals[i].classes) {
			gd.variant_destroy(&signals[i].name);
			free_string_name(&signals[i].sname);
			signals[i].classes = 0;
		}
	}
	free_keys();
	release_peer_class();
	for (int c = 0; c < SV_MAX_CLASSES; c++) {
		if (classes[c].registered) {
			gd.unregister_class(gd.library, &classes[c].name);
			free_string_name(&classes[c].name);
			classes[c].registered = 0;
		}
	}
}
