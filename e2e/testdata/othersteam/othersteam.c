// othersteam: a stand-in for another extension that owns the name Steam (as GodotSteam's client
// does), for e2e/95_coexistence_test.go. At the SCENE level it registers an abstract class Steam
// (parent Object) with one integer constant, OTHER_STEAM_CLIENT = 1, by which a script tells it from
// ours, and an engine singleton Steam of that class. It undoes both on the way out, as a real
// extension must for Godot to exit without leak reports. The test builds it with the system gcc:
//   gcc -std=c11 -shared -fPIC -I extension/godot othersteam.c -o libothersteam.so
#include <gdextension_interface.h>
#include <stddef.h>

#define HASH_REGISTER_SINGLETON 965313290      // Engine.register_singleton (extension_api.json)
#define HASH_UNREGISTER_SINGLETON 3304788590u  // Engine.unregister_singleton

// The interface functions used, loaded by name in othersteam_init.
static GDExtensionClassLibraryPtr library;
static GDExtensionInterfacePrintError print_error;
static GDExtensionInterfaceStringNameNewWithUtf8Chars string_name_new;
static GDExtensionInterfaceVariantGetPtrDestructor get_destructor;
static GDExtensionInterfaceClassdbRegisterExtensionClass4 register_class;
static GDExtensionInterfaceClassdbRegisterExtensionClassIntegerConstant register_constant;
static GDExtensionInterfaceClassdbUnregisterExtensionClass unregister_class;
static GDExtensionInterfaceClassdbConstructObject2 construct_object;
static GDExtensionInterfaceClassdbGetMethodBind get_method_bind;
static GDExtensionInterfaceObjectSetInstance set_instance;
static GDExtensionInterfaceObjectDestroy object_destroy;
static GDExtensionInterfaceObjectMethodBindPtrcall ptrcall;
static GDExtensionInterfaceGlobalGetSingleton global_get_singleton;
static GDExtensionInterfaceRegisterMainLoopCallbacks register_main_loop_callbacks;

// A StringName is one pointer in 64-bit builds; made by string_name_new, freed by its destructor.
typedef struct { void *p; } string_name;
static GDExtensionPtrDestructor free_string_name;
static string_name class_name; // "Steam": the class and the singleton's name
static int class_registered;
static GDExtensionObjectPtr singleton;

static void fail(const char *what) { print_error(what, "othersteam", __FILE__, __LINE__, 0); }

// call_engine ptrcalls Engine.<method> (found by name and hash) with args.
static int call_engine(const char *method, GDExtensionInt hash, const void **args) {
	string_name engine_name, method_name;
	string_name_new(&engine_name, "Engine");
	string_name_new(&method_name, method);
	GDExtensionMethodBindPtr bind = get_method_bind(&engine_name, &method_name, hash);
	GDExtensionObjectPtr engine = global_get_singleton(&engine_name);
	if (bind && engine) {
		ptrcall(bind, engine, args, NULL);
	}
	free_string_name(&engine_name);
	free_string_name(&method_name);
	return bind && engine;
}

// free_instance: the instance is a token; there is nothing to free, but Godot requires the function.
static void free_instance(void *class_userdata, GDExtensionClassInstancePtr instance) {
	(void)class_userdata;
	(void)instance;
}

// release_singleton runs at main-loop shutdown, while scripting is still alive (as ours does), and
// again at deinit in case the main loop never ran.
static void release_singleton(void) {
	if (!singleton) {
		return;
	}
	const void *args[1] = { &class_name };
	if (!call_engine("unregister_singleton", HASH_UNREGISTER_SINGLETON, args)) {
		fail("othersteam: no Engine.unregister_singleton");
	}
	object_destroy(singleton);
	singleton = NULL;
}

static void initialize(void *userdata, GDExtensionInitializationLevel level) {
	(void)userdata;
	if (level != GDEXTENSION_INITIALIZATION_SCENE) {
		return;
	}
	string_name parent, enum_name, constant;
	string_name_new(&class_name, "Steam");
	string_name_new(&parent, "Object");
	GDExtensionClassCreationInfo4 info = {
		.is_abstract = 1, // Steam.new() is refused; the singleton is the one instance
		.is_exposed = 1,
		.free_instance_func = free_instance,
	};
	register_class(library, &class_name, &parent, &info); // Godot reports a name taken already
	class_registered = 1;
	string_name_new(&enum_name, "");
	string_name_new(&constant, "OTHER_STEAM_CLIENT");
	register_constant(library, &class_name, &enum_name, &constant, 1, 0);
	free_string_name(&enum_name);
	free_string_name(&constant);

	// The singleton: a plain Object made an instance of our class, as extension/gdext_engine.c does.
	singleton = construct_object(&parent);
	free_string_name(&parent);
	if (!singleton) {
		fail("othersteam: Godot could not construct the object");
		return;
	}
	set_instance(singleton, &class_name, (GDExtensionClassInstancePtr)&singleton);
	const void *args[2] = { &class_name, &singleton };
	if (!call_engine("register_singleton", HASH_REGISTER_SINGLETON, args)) {
		fail("othersteam: no Engine.register_singleton");
	}
	static const GDExtensionMainLoopCallbacks callbacks = { .shutdown_func = release_singleton };
	register_main_loop_callbacks(library, &callbacks);
}

static void deinitialize(void *userdata, GDExtensionInitializationLevel level) {
	(void)userdata;
	if (level != GDEXTENSION_INITIALIZATION_SCENE || !class_registered) {
		return;
	}
	release_singleton();
	unregister_class(library, &class_name);
	free_string_name(&class_name);
	class_registered = 0;
}

// The entry symbol named in othersteam.gdextension.
__attribute__((visibility("default"))) GDExtensionBool othersteam_init(
		GDExtensionInterfaceGetProcAddress get_proc, GDExtensionClassLibraryPtr lib, GDExtensionInitialization *init) {
	library = lib;
	// get_proc returns a generic function pointer: through void * to each function's own type, as
	// gdextension_interface.h advises (a direct cast of one function type to another warns).
#define LOAD(var, name) (var = (__typeof__(var))(void *)get_proc(name)) != NULL
	int ok = LOAD(print_error, "print_error") && LOAD(string_name_new, "string_name_new_with_utf8_chars") &&
			LOAD(get_destructor, "variant_get_ptr_destructor") &&
			LOAD(register_class, "classdb_register_extension_class4") &&
			LOAD(register_constant, "classdb_register_extension_class_integer_constant") &&
			LOAD(unregister_class, "classdb_unregister_extension_class") &&
			LOAD(construct_object, "classdb_construct_object2") && LOAD(get_method_bind, "classdb_get_method_bind") &&
			LOAD(set_instance, "object_set_instance") && LOAD(object_destroy, "object_destroy") &&
			LOAD(ptrcall, "object_method_bind_ptrcall") && LOAD(global_get_singleton, "global_get_singleton") &&
			LOAD(register_main_loop_callbacks, "register_main_loop_callbacks");
#undef LOAD
	if (!ok) {
		if (print_error) {
			fail("othersteam: this Godot lacks an interface function");
		}
		return 0;
	}
	free_string_name = get_destructor(GDEXTENSION_VARIANT_TYPE_STRING_NAME);
	init->minimum_initialization_level = GDEXTENSION_INITIALIZATION_SCENE;
	init->initialize = initialize;
	init->deinitialize = deinitialize;
	return 1;
}
