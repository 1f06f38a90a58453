// Registration: the Steam class, its methods, signals and integer constants in ClassDB, as Go
// describes them once at the SCENE level; and their release when the extension unloads.
#include "gdext_internal.h"

#include <string.h>

#define USAGE_DEFAULT 6u
#define USAGE_NIL_IS_VARIANT (1u << 17)
#define USAGE_CLASS_IS_ENUM (1u << 16)
#define HASH_EMIT_SIGNAL 4047867050u

method_t methods[SV_MAX_METHODS];
signal_t signals[SV_MAX_SIGNALS];
string_name_t class_name;
static int class_registered;

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

	emit_signal_bind = bind_of("Object", "emit_signal", HASH_EMIT_SIGNAL);
	return emit_signal_bind != NULL;
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
	from_string_name(&s->name, &sn);
	free_string_name(&sn);
	props_free(&props);
	s->argc = argc;
	for (int32_t i = 0; i < argc; i++) {
		s->types[i] = arg_types[i];
	}
	s->registered = 1;
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
	free_keys();
	if (class_registered) {
		gd.unregister_class(gd.library, &class_name);
		free_string_name(&class_name);
		class_registered = 0;
	}
}
