// The Go-facing half of the C layer: what Go calls and the values it exchanges with C. The C files
// (gdext_*.c, sharing gdext_internal.h) are the only code that talks to the GDExtension interface.
// Go describes methods and signals once at registration; afterwards every call goes
// Godot -> sv_call/sv_ptrcall -> one exported Go function, with arguments decoded into sv_arg.
#ifndef GOSTEAM_GDEXT_H
#define GOSTEAM_GDEXT_H

#include <stdint.h>
#include "godot/gdextension_interface.h"

// Table sizes, well above today's API (Go's tests keep the tables within them; a row beyond one is
// refused by name at registration). Unused rows cost only zeroed memory.
#define SV_MAX_ARGS 8
#define SV_MAX_METHODS 1024
#define SV_MAX_SIGNALS 256
#define SV_MAX_KEYS 256
// The classes: Steam (the page's API) and SteamServer (GodotSteam Server 4's), one game server.
#define SV_MAX_CLASSES 2

// Argument kinds beyond Godot's Variant types: a parameter declared as Variant.
#define SV_TYPE_VARIANT (-1)
// A method without a return value.
#define SV_TYPE_VOID (-1)

// One decoded argument. type is the Godot Variant type actually received; for a declared Variant
// parameter it tells Go which field holds the value. Pointers borrow Godot memory for the call only.
typedef struct {
	int64_t i;           // BOOL, INT, and a whole FLOAT given for an int
	double f;            // FLOAT, and an INT given for a float
	const uint8_t *data; // STRING (UTF-8) and PACKED_BYTE_ARRAY bytes; PACKED_INT32/64_ARRAY elements
	int64_t len;         // bytes, or a packed int array's or an Array's elements
	void *dict;          // DICTIONARY: the Godot Dictionary, for sv_dict_get; ARRAY: the Array, for sv_array_get
	int32_t type;        // Godot Variant type received
	int32_t convertible; // 1 when the received value fits the declared parameter type
} sv_arg;

// The return value being built. Scalars go in i (a float return in f); a Dictionary return is filled in place through
// sv_dict_set_* while Go runs (it always exists, so an error still returns an empty Dictionary); a
// String return is the empty String at text until Go sets it with sv_ret_set_string.
typedef struct {
	int64_t i;
	double f;
	void *dict;
	void *text;
	void *list; // an Array return, filled through sv_ret_append_int and sv_ret_append_dict
	void *bytes; // a PackedByteArray return, empty until Go sets it with sv_ret_set_bytes
	int32_t cacheable; // set by Go when this scalar answer may be reused until the next Go call
} sv_ret;

// The fast path: answers C gives without entering Go (see gdext_call.c).
// sv_epoch advances on every Go call that may change state; a cached answer is valid while the
// epoch it was stored in is current. sv_events_pending is set when an event is queued.
extern uint64_t sv_epoch;
extern int32_t sv_events_pending;
// sv_frame_due is set when the backend's per-frame work is due (Go's frame timer), cleared by the
// run_callbacks that does it: reading a flag costs less than reading a clock on every idle frame.
extern int32_t sv_frame_due;
// What C may answer again for a method (sv_method_row.cache): nothing, the last scalar Go returned with
// cacheable set, an empty getNextOutgoingPacket Dictionary when Go said none would come, or
// nothing at all for a setter given the value it accepted last.
#define SV_CACHE_NONE 0
#define SV_CACHE_SCALAR 1
#define SV_CACHE_EMPTY_PACKET 2
// A one-argument setter (bool, int or String): C skips a call repeating the last accepted value.
#define SV_CACHE_SETTER 3
// run_callbacks (on either class): C skips it while no event is queued and the backend's frame work
// is not due (sv_set_frame_interval).
#define SV_CACHE_RUN_CALLBACKS 4
// Dictionary keys C fills itself (the packet's); Go's key constants must match (convert.go).
#define SV_KEY_LENGTH 3
#define SV_KEY_OUT 4
#define SV_KEY_ADDRESS 5
#define SV_KEY_PORT 6
void sv_set_frame_interval(int64_t frame_interval_ns);

// One argument, return value or signal parameter as ClassDB shows it.
typedef struct {
	const char *name;       // "" for a return value
	int32_t type;           // Godot Variant type, SV_TYPE_VARIANT, or (a return only) SV_TYPE_VOID
	int32_t meta;           // GDExtensionClassMethodArgumentMetadata
	const char *enum_class; // "<Class>.<Enum>" for an enum-typed int, else ""
} sv_value_info;

// The default of an optional argument, of its argument's type: a bool or int in i, a String in text.
typedef struct {
	int64_t i;
	const char *text;
} sv_default;

// One row of Go's method table (register.go), all of it in one struct so that C can check it whole.
typedef struct {
	int32_t index; // the row's index in Go's table: what goSteamCall receives
	int32_t cls;   // the class it belongs to (sv_register_class's number)
	const char *name;
	sv_value_info ret;
	int32_t argc;
	sv_value_info args[SV_MAX_ARGS];
	int32_t default_count;            // the last default_count arguments are optional
	sv_default defaults[SV_MAX_ARGS]; // defaults[0] is argument argc - default_count's
	int32_t cache;                    // SV_CACHE_*: what C may answer again itself
} sv_method_row;

// One signal of Go's catalogue; its parameters are bools, ints, a String, an Array of ints or a
// Dictionary (what sv_emit builds).
// Each class registers the signal under its own row (parameter names and enum classes may differ);
// sv_emit emits it on every class's singleton that has it.
typedef struct {
	int32_t index; // as Go passes it to sv_emit
	int32_t cls;
	const char *name;
	int32_t argc;
	sv_value_info args[SV_MAX_ARGS];
} sv_signal_row;

// Loading and lifetime (called from Go on the main thread). A registration function returns NULL,
// or why it refused or failed (a static string) having registered nothing; Go reports it by name.
int sv_load(GDExtensionInterfaceGetProcAddress get_proc_address, GDExtensionClassLibraryPtr library);
// Before sv_register_class, sv_register_method and sv_register_signal check a row and refuse it
// with its own fault, or with this: Go's tests check every row so, without Godot.
#define SV_CLASS_NOT_REGISTERED "the class is not registered"
const char *sv_register_class(int32_t cls, const char *class_name);
const char *sv_define_key(int32_t key, const char *name);
const char *sv_register_method(const sv_method_row *row);
const char *sv_register_signal(const sv_signal_row *row);
void sv_register_constant(int32_t cls, const char *enum_name, const char *name, int64_t value);
const char *sv_register_singleton(int32_t cls);
// sv_name_taken: another extension (or the engine) has a class or engine singleton of this name.
int sv_name_taken(const char *name);
// sv_project_setting_bool reads a bool project setting, fallback when it is unset or not a bool.
int sv_project_setting_bool(const char *name, int fallback);
void sv_unregister(void);
int sv_load_help(const char *xml, int64_t len);

// Used by Go while a call runs. sv_emit's values are the signal's bools and ints in order; its
// String parameter (if any) takes text, its Array parameter (if any) an Array of list's ints, its
// Dictionary parameter (if any) the Dictionary Go filled through sv_emit_dict just before (else an
// empty one). sv_signal_listened: whether anything is connected to the signal on any class, so Go
// builds a Dictionary only for a signal that will be emitted.
void sv_emit_dict(sv_ret *fill);
int sv_signal_listened(int32_t signal);
void sv_emit(int32_t signal, const int64_t *values, int32_t count, const char *text, int64_t text_len, const int64_t *list,
		int64_t list_len);
void sv_dict_set_int(sv_ret *ret, int32_t key, int64_t value);
void sv_dict_set_bool(sv_ret *ret, int32_t key, int32_t value);
void sv_dict_set_float(sv_ret *ret, int32_t key, double value);
void sv_dict_set_bytes(sv_ret *ret, int32_t key, const uint8_t *data, int64_t len);
void sv_dict_set_string(sv_ret *ret, int32_t key, const char *data, int64_t len);
// sv_dict_set_packet fills getNextOutgoingPacket's {length, out, address, port} in one call.
void sv_dict_set_packet(sv_ret *ret, const uint8_t *data, int64_t len, int64_t address, int64_t port);
void sv_dict_new_child(sv_ret *parent, int32_t key, sv_ret *child);
// sv_dict_new_list puts an empty Array at key and makes child fill it through sv_ret_append_int.
void sv_dict_new_list(sv_ret *parent, int32_t key, sv_ret *child);
void sv_dict_set_text(sv_ret *ret, const char *key, int64_t key_len, const char *value, int64_t value_len);
int sv_dict_get(void *dict, int32_t key, int32_t declared_type, sv_arg *out, void **scratch);
// sv_array_get reads element index of an Array argument (its pointer and size are in the sv_arg);
// a String element's bytes are in *scratch, to free with sv_free_scratch.
int sv_array_get(void *array, int64_t index, int32_t declared_type, sv_arg *out, void **scratch);
// sv_dict_size is a Dictionary argument's number of entries; sv_dict_entry reads entry index's
// key (as an int) and value (as Variant), 0 when there is none.
int64_t sv_dict_size(void *dict);
int sv_dict_entry(void *dict, int64_t index, sv_arg *key, void **key_scratch, sv_arg *value, void **value_scratch);
void sv_ret_append_int(sv_ret *ret, int64_t value);
// sv_ret_append_dict appends an empty Dictionary to the Array being returned and points child at
// it, for filling before the next append.
void sv_ret_append_dict(sv_ret *ret, sv_ret *child);
void sv_free_scratch(void *scratch);
void sv_ret_set_string(sv_ret *ret, const char *data, int64_t len);
void sv_ret_set_bytes(sv_ret *ret, const uint8_t *data, int64_t len);
void sv_print_error(const char *message, const char *function);
void sv_print_warning(const char *message, const char *function);
// sv_request_close asks Godot to quit as a window's close button does (NOTIFICATION_WM_CLOSE_REQUEST,
// then the root window's close_requested); main thread only. 0 when it could not.
int sv_request_close(void);

// ---- SteamServerMultiplayerPeer (gdext_peer.c) ---------------------------------------------------
// An instantiable RefCounted class extending MultiplayerPeerExtension. Each instance is a handle
// Go gave (goPeerNew); its methods and virtuals call Go with that handle, never with a pointer.

// Its own methods, as goPeerCall receives them (each returns an int: an Error or an ID).
#define SV_PEER_CREATE_HOST_IP 0
#define SV_PEER_CREATE_HOST 1
#define SV_PEER_CREATE_CLIENT_IP 2
#define SV_PEER_CREATE_CLIENT 3
#define SV_PEER_GET_STEAM_ID_FOR_PEER 4
#define SV_PEER_GET_PEER_ID_FOR_STEAM_ID 5
#define SV_PEER_GET_CONNECTION_FOR_PEER 6
#define SV_PEER_METHODS 7

// The virtuals of MultiplayerPeerExtension it implements with scalar arguments and return, as
// goPeerVirtual receives them; _get_packet and _put_packet have entries of their own.
#define SV_PEER_V_GET_AVAILABLE_PACKET_COUNT 0
#define SV_PEER_V_GET_MAX_PACKET_SIZE 1
#define SV_PEER_V_GET_PACKET_CHANNEL 2
#define SV_PEER_V_GET_PACKET_MODE 3
#define SV_PEER_V_SET_TRANSFER_CHANNEL 4
#define SV_PEER_V_GET_TRANSFER_CHANNEL 5
#define SV_PEER_V_SET_TRANSFER_MODE 6
#define SV_PEER_V_GET_TRANSFER_MODE 7
#define SV_PEER_V_SET_TARGET_PEER 8
#define SV_PEER_V_GET_PACKET_PEER 9
#define SV_PEER_V_IS_SERVER 10
#define SV_PEER_V_POLL 11
#define SV_PEER_V_CLOSE 12
#define SV_PEER_V_DISCONNECT_PEER 13
#define SV_PEER_V_GET_UNIQUE_ID 14
#define SV_PEER_V_SET_REFUSE_NEW_CONNECTIONS 15
#define SV_PEER_V_IS_REFUSING_NEW_CONNECTIONS 16
#define SV_PEER_V_IS_SERVER_RELAY_SUPPORTED 17
#define SV_PEER_V_GET_CONNECTION_STATUS 18
#define SV_PEER_V_GET_PACKET 19
#define SV_PEER_V_PUT_PACKET 20
#define SV_PEER_VIRTUALS 21

// What a peer's next packet is, kept by C so that SceneMultiplayer's four questions before each
// get_packet (count, peer, channel, mode) never enter Go: Go fills it after every call that can
// change the queue (poll, get_packet, close, disconnect_peer, the create calls).
typedef struct {
	int32_t available;
	int32_t peer;
	int32_t channel;
	int32_t mode;
} sv_peer_next;

// sv_register_peer_class registers the class and its methods: NULL, or why not.
const char *sv_register_peer_class(const char *class_name);

#endif
