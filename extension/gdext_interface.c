// Loading the GDExtension interface: the functions listed once in SV_INTERFACE_FUNCTIONS and the
// conversions resolved from them (SV_RESOLVED_FUNCTIONS), plus the small helpers every other file
// builds engine values with.
#include "gdext_internal.h"

#include <string.h>

gd_interface_t gd;

#define SV_RESOLVED_DEFINITION(type, name, resolve) type name;
SV_RESOLVED_FUNCTIONS(SV_RESOLVED_DEFINITION)
#undef SV_RESOLVED_DEFINITION

static GDExtensionPtrBuiltInMethod builtin_method_named(GDExtensionVariantType type, const char *name, GDExtensionInt hash) {
	string_name_t sn;
	gd.string_name_new(&sn, name);
	GDExtensionPtrBuiltInMethod method = gd.builtin_method(type, &sn, hash);
	free_string_name(&sn);
	return method;
}

int sv_load(GDExtensionInterfaceGetProcAddress get_proc_address, GDExtensionClassLibraryPtr library) {
	gd.get_proc_address = get_proc_address;
	gd.library = library;
	// Each list in order, up to the first one missing.
	const char *missing = NULL;
#define SV_LOAD_INTERFACE(type, field, name) \
	if (!missing && !(gd.field = (type)get_proc_address(name))) { \
		missing = name; \
	}
	SV_INTERFACE_FUNCTIONS(SV_LOAD_INTERFACE)
#undef SV_LOAD_INTERFACE
	if (missing) {
		// print_error itself may be the missing one; nothing else can report.
		if (gd.print_error) {
			gd.print_error(missing, "Steam: missing GDExtension interface function", __FILE__, __LINE__, 1);
		}
		return 0;
	}

	// The builtin methods, last, need free_string_name.
#define SV_RESOLVE(type, name, resolve) \
	if (!missing && !(name = resolve)) { \
		missing = #name; \
	}
	SV_RESOLVED_FUNCTIONS(SV_RESOLVE)
#undef SV_RESOLVE
	if (missing) {
		gd.print_error(missing, "Steam: this Godot lacks a builtin method or conversion the extension needs", __FILE__, __LINE__, 1);
		return 0;
	}
	return 1;
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

void sv_print_warning(const char *message, const char *function) {
	gd.print_warning(message, function, "steam", 0, 1);
}

// sv_ret_set_string replaces the String being returned (an empty String made by the call path).
void sv_ret_set_string(sv_ret *ret, const char *data, int64_t len) {
	if (!ret->text) {
		return;
	}
	free_string(ret->text);
	gd.string_new(ret->text, data, len);
}

void make_string(variant_t *out, const char *text, int64_t len) {
	string_t s;
	gd.string_new(&s, text, len);
	from_string(out, &s);
	free_string(&s);
}

GDExtensionMethodBindPtr bind_of(const char *class_name_text, const char *method, GDExtensionInt hash) {
	string_name_t c, m;
	gd.string_name_new(&c, class_name_text);
	gd.string_name_new(&m, method);
	GDExtensionMethodBindPtr bind = gd.get_method_bind(&c, &m, hash);
	free_string_name(&c);
	free_string_name(&m);
	return bind;
}

GDExtensionObjectPtr engine_singleton(void) {
	string_name_t name;
	gd.string_name_new(&name, "Engine");
	GDExtensionObjectPtr engine = gd.global_get_singleton(&name);
	free_string_name(&name);
	return engine;
}
