// The singletons in the engine: registering each class's object as its engine singleton and
// releasing them, emitting signals on each, what other extensions have registered, project
// settings, and asking Godot to quit as a window's close button does.
#include "gdext_internal.h"

#include <string.h>

#define HASH_REGISTER_SINGLETON 965313290
#define HASH_UNREGISTER_SINGLETON 3304788590u
#define HASH_HAS_SINGLETON 2619796661u
#define HASH_GET_SETTING 223050753u

GDExtensionMethodBindPtr emit_signal_bind;
GDExtensionMethodBindPtr has_connections_bind;
static int main_loop_callbacks_set;

// release_singletons unregisters and destroys the singleton objects. Destroying one disconnects
// every Callable connected to its signals, which must happen while scripting is still alive: a
// GDScript lambda freed after GDScript has shut down is freed twice.
void release_singletons(void) {
	GDExtensionMethodBindPtr bind = bind_of("Engine", "unregister_singleton", HASH_UNREGISTER_SINGLETON);
	GDExtensionObjectPtr engine = engine_singleton();
	for (int c = 0; c < SV_MAX_CLASSES; c++) {
		if (!classes[c].singleton) {
			continue;
		}
		if (bind && engine) {
			const void *args[1] = { &classes[c].name };
			gd.method_bind_ptrcall(bind, engine, args, NULL);
		}
		gd.object_destroy(classes[c].singleton);
		classes[c].singleton = NULL;
	}
}

const char *sv_register_singleton(int32_t cls) {
	if (cls < 0 || cls >= SV_MAX_CLASSES || !classes[cls].registered) {
		return SV_CLASS_NOT_REGISTERED;
	}
	if (classes[cls].singleton) {
		return "the singleton is registered already";
	}
	GDExtensionMethodBindPtr bind = bind_of("Engine", "register_singleton", HASH_REGISTER_SINGLETON);
	GDExtensionObjectPtr engine = engine_singleton();
	if (!bind || !engine) {
		return "this Godot has no Engine.register_singleton with the expected hash";
	}
	string_name_t object_class;
	gd.string_name_new(&object_class, "Object");
	GDExtensionObjectPtr object = gd.construct_object(&object_class);
	free_string_name(&object_class);
	if (!object) {
		return "Godot could not construct the object";
	}
	classes[cls].singleton = object;
	gd.object_set_instance(object, &classes[cls].name, (GDExtensionClassInstancePtr)&classes[cls]);
	// ptrcall takes a pointer to each argument: the StringName, and the Object pointer itself.
	const void *args[2] = { &classes[cls].name, &object };
	gd.method_bind_ptrcall(bind, engine, args, NULL);
	if (!main_loop_callbacks_set) {
		static const GDExtensionMainLoopCallbacks callbacks = { .shutdown_func = release_singletons };
		gd.register_main_loop_callbacks(gd.library, &callbacks);
		main_loop_callbacks_set = 1;
	}
	return NULL;
}

int sv_name_taken(const char *name) {
	string_name_t sn;
	gd.string_name_new(&sn, name);
	int taken = gd.get_class_tag(&sn) != NULL;
	GDExtensionMethodBindPtr has = bind_of("Engine", "has_singleton", HASH_HAS_SINGLETON);
	GDExtensionObjectPtr engine = engine_singleton();
	if (!taken && has && engine) {
		GDExtensionBool found = 0;
		const void *args[1] = { &sn };
		gd.method_bind_ptrcall(has, engine, args, &found);
		taken = found != 0;
	}
	free_string_name(&sn);
	return taken;
}

int sv_project_setting_bool(const char *name, int fallback) {
	string_name_t settings_name;
	gd.string_name_new(&settings_name, "ProjectSettings");
	GDExtensionObjectPtr settings = gd.global_get_singleton(&settings_name);
	free_string_name(&settings_name);
	GDExtensionMethodBindPtr get = bind_of("ProjectSettings", "get_setting", HASH_GET_SETTING);
	if (!settings || !get) {
		return fallback;
	}
	variant_t key, none, value;
	make_string(&key, name, (int64_t)strlen(name));
	GDExtensionBool f = fallback != 0;
	from_bool(&none, &f); // the default get_setting returns when the setting is absent
	GDExtensionConstVariantPtr argv[2] = { &key, &none };
	GDExtensionCallError error;
	gd.method_bind_call(get, settings, argv, 2, &value, &error);
	int result = fallback;
	if (error.error == GDEXTENSION_CALL_OK && gd.variant_get_type(&value) == GDEXTENSION_VARIANT_TYPE_BOOL) {
		GDExtensionBool b = 0;
		to_bool(&b, &value);
		result = b != 0;
	}
	gd.variant_destroy(&value);
	gd.variant_destroy(&key);
	gd.variant_destroy(&none);
	return result;
}

// ---- Signals -------------------------------------------------------------------------------------

// listening says whether anything is connected to the signal on class c's singleton (await makes a
// connection too): emitting on both singletons when a game listens on one would cost it twice.
static int listening(int c, signal_t *s) {
	if (!classes[c].singleton || !(s->classes & (1u << c))) {
		return 0;
	}
	GDExtensionBool connected = 0;
	const GDExtensionConstTypePtr args[1] = { &s->sname };
	gd.method_bind_ptrcall(has_connections_bind, classes[c].singleton, args, &connected);
	return connected != 0;
}

// make_ints makes out a Variant holding an Array of the ints in list.
static void make_ints(variant_t *out, const int64_t *list, int64_t len) {
	array_t array;
	new_array(&array, NULL);
	for (int64_t i = 0; i < len; i++) {
		variant_t v;
		from_int(&v, (GDExtensionTypePtr)&list[i]);
		const GDExtensionConstTypePtr args[1] = { &v };
		array_append(&array, args, NULL, 1);
		gd.variant_destroy(&v);
	}
	from_array(out, &array);
	free_array(&array);
}

// The Dictionary argument of the next sv_emit: Go fills it (sv_emit_dict) from the event's typed
// value with the same code as the methods' Dictionaries, then sv_emit passes and releases it.
static dictionary_t emit_dict;
static int emit_dict_made;

static void release_emit_dict(void) {
	if (emit_dict_made) {
		free_dict(&emit_dict);
		emit_dict_made = 0;
	}
}

void sv_emit_dict(sv_ret *fill) {
	release_emit_dict();
	new_dict(&emit_dict, NULL);
	emit_dict_made = 1;
	fill->dict = &emit_dict;
}

int sv_signal_listened(int32_t index) {
	if (index < 0 || index >= SV_MAX_SIGNALS || !signals[index].classes) {
		return 0;
	}
	for (int c = 0; c < SV_MAX_CLASSES; c++) {
		if (listening(c, &signals[index])) {
			return 1;
		}
	}
	return 0;
}

// sv_emit emits the signal on each class's singleton that something listens to, in class order.
void sv_emit(int32_t index, const int64_t *values, int32_t count, const char *text, int64_t text_len, const int64_t *list,
		int64_t list_len) {
	if (index < 0 || index >= SV_MAX_SIGNALS || !signals[index].classes || count != signals[index].argc) {
		release_emit_dict();
		return;
	}
	signal_t *s = &signals[index];
	int to[SV_MAX_CLASSES];
	int any = 0;
	for (int c = 0; c < SV_MAX_CLASSES; c++) {
		to[c] = listening(c, s);
		any |= to[c];
	}
	if (!any) {
		release_emit_dict();
		return;
	}
	if (!emit_dict_made) { // a Dictionary parameter the event left empty
		new_dict(&emit_dict, NULL);
		emit_dict_made = 1;
	}
	variant_t argv[SV_MAX_ARGS];
	GDExtensionConstVariantPtr argp[SV_MAX_ARGS + 1];
	argp[0] = &s->name;
	for (int32_t i = 0; i < count; i++) {
		if (s->types[i] == T_BOOL) {
			GDExtensionBool b = values[i] != 0;
			from_bool(&argv[i], &b);
		} else if (s->types[i] == T_STRING) {
			make_string(&argv[i], text ? text : "", text ? text_len : 0);
		} else if (s->types[i] == T_ARRAY) {
			make_ints(&argv[i], list, list ? list_len : 0);
		} else if (s->types[i] == T_DICTIONARY) {
			from_dict(&argv[i], &emit_dict);
		} else {
			from_int(&argv[i], (GDExtensionTypePtr)&values[i]);
		}
		argp[i + 1] = &argv[i];
	}
	for (int c = 0; c < SV_MAX_CLASSES; c++) {
		if (!to[c]) {
			continue;
		}
		variant_t result;
		GDExtensionCallError error;
		gd.method_bind_call(emit_signal_bind, classes[c].singleton, argp, count + 1, &result, &error);
		gd.variant_destroy(&result);
	}
	for (int32_t i = 0; i < count; i++) {
		if (s->types[i] == T_STRING || s->types[i] == T_ARRAY || s->types[i] == T_DICTIONARY) {
			gd.variant_destroy(&argv[i]);
		}
	}
	release_emit_dict();
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

int sv_request_close(void) {
	GDExtensionObjectPtr engine = engine_singleton();
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
	from_string_name(&name, &close_requested);
	free_string_name(&close_requested);
	GDExtensionConstVariantPtr argp[1] = { &name };
	GDExtensionCallError error;
	gd.method_bind_call(emit_signal_bind, root, argp, 1, &result, &error);
	gd.variant_destroy(&result);
	gd.variant_destroy(&name);
	return 1;
}

