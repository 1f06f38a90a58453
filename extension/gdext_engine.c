// The Steam object in the engine: registering it as the Steam singleton and releasing it, emitting
// its signals, and asking Godot to quit as a window's close button does.
#include "gdext_internal.h"

#define HASH_REGISTER_SINGLETON 965313290
#define HASH_UNREGISTER_SINGLETON 3304788590u

GDExtensionObjectPtr singleton;
GDExtensionMethodBindPtr emit_signal_bind;

// release_singleton unregisters and destroys the Steam object. Destroying it disconnects every
// Callable connected to its signals, which must happen while scripting is still alive: a GDScript
// lambda freed after GDScript has shut down is freed twice.
void release_singleton(void) {
	if (!singleton) {
		return;
	}
	GDExtensionMethodBindPtr bind = bind_of("Engine", "unregister_singleton", HASH_UNREGISTER_SINGLETON);
	GDExtensionObjectPtr engine = engine_singleton();
	if (bind && engine) {
		const void *args[1] = { &class_name };
		gd.method_bind_ptrcall(bind, engine, args, NULL);
	}
	gd.object_destroy(singleton);
	singleton = NULL;
}

const char *sv_register_singleton(void) {
	GDExtensionMethodBindPtr bind = bind_of("Engine", "register_singleton", HASH_REGISTER_SINGLETON);
	GDExtensionObjectPtr engine = engine_singleton();
	if (!bind || !engine) {
		return "this Godot has no Engine.register_singleton with the expected hash";
	}
	string_name_t object_class;
	gd.string_name_new(&object_class, "Object");
	singleton = gd.construct_object(&object_class);
	free_string_name(&object_class);
	if (!singleton) {
		return "Godot could not construct the object";
	}
	gd.object_set_instance(singleton, &class_name, (GDExtensionClassInstancePtr)&singleton);
	// ptrcall takes a pointer to each argument: the StringName, and the Object pointer itself.
	const void *args[2] = { &class_name, &singleton };
	gd.method_bind_ptrcall(bind, engine, args, NULL);
	static const GDExtensionMainLoopCallbacks callbacks = { .shutdown_func = release_singleton };
	gd.register_main_loop_callbacks(gd.library, &callbacks);
	return NULL;
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

