// SteamServerMultiplayerPeer: an instantiable RefCounted class whose parent is Godot's
// MultiplayerPeerExtension. An instance is a MultiplayerPeerExtension object Godot constructs, with
// our peer_t as its extension instance: the handle of its Go peer (steam/mpeer, through
// extension/mpeer*.go) and the buffer _get_packet hands out. Its methods and virtuals decode their
// arguments here and call Go with the handle; the signals Go asks for are emitted here after _poll.
#include "_cgo_export.h" // before gdext_internal.h: the go* entries keep default visibility
#include "gdext_internal.h"

#include <string.h>

#define HASH_NOTIFICATION 4023243586u
#define HASH_REFCOUNT 2240911060u // RefCounted.reference and unreference: () -> bool
#define NOTIFICATION_POSTINITIALIZE 0
#define FIRST_PACKET_BUFFER 2048

typedef struct {
	GDExtensionObjectPtr object;
	int64_t handle;
	uint8_t *packet; // the last packet _get_packet returned: Godot reads it until the next call
	int64_t packet_cap;
	sv_peer_next next;
} peer_t;

static string_name_t class_name;
static int registered;
static variant_t connected_name, disconnected_name; // StringName Variants: emit_signal's first argument
static GDExtensionMethodBindPtr notification_bind, reference_bind, unreference_bind, emit_bind;

// ---- Instances -------------------------------------------------------------------------------------

static GDExtensionObjectPtr peer_create(void *class_userdata, GDExtensionBool notify_postinitialize) {
	(void)class_userdata;
	peer_t *p = calloc(1, sizeof *p);
	if (!p) {
		return NULL;
	}
	string_name_t parent;
	gd.string_name_new(&parent, "MultiplayerPeerExtension");
	p->object = gd.construct_object(&parent);
	free_string_name(&parent);
	if (!p->object) {
		free(p);
		return NULL;
	}
	p->handle = goPeerNew();
	gd.object_set_instance(p->object, &class_name, p);
	if (notify_postinitialize) { // classdb_construct_object2 leaves it to us
		int64_t what = NOTIFICATION_POSTINITIALIZE;
		GDExtensionBool reversed = 0;
		const void *args[2] = { &what, &reversed };
		gd.method_bind_ptrcall(notification_bind, p->object, args, NULL);
	}
	return p->object;
}

static void peer_free(void *class_userdata, GDExtensionClassInstancePtr instance) {
	(void)class_userdata;
	peer_t *p = instance;
	goPeerFree(p->handle);
	free(p->packet);
	free(p);
}

// ---- Methods ---------------------------------------------------------------------------------------

#define META_NONE GDEXTENSION_METHOD_ARGUMENT_METADATA_NONE
#define META_INT32 GDEXTENSION_METHOD_ARGUMENT_METADATA_INT_IS_INT32
#define META_UINT64 GDEXTENSION_METHOD_ARGUMENT_METADATA_INT_IS_UINT64

// A default is an int or an empty Dictionary, by its argument's type.
typedef struct {
	const char *name;
	sv_value_info ret;
	int32_t argc;
	sv_value_info args[3];
	int32_t default_count;
	variant_t defaults[3]; // built at registration
} peer_method_t;

#define ARG(n, t, m) { n, t, m, "" }
#define RET_ERROR { "", T_INT, META_NONE, "Error" }
#define RET_INT(m) { "", T_INT, m, "" }
#define ADDRESS ARG("address", T_STRING, META_NONE)
#define OPTIONS ARG("options", T_DICTIONARY, META_NONE)
#define VIRTUAL_PORT ARG("virtual_port", T_INT, META_INT32)

static peer_method_t peer_methods[SV_PEER_METHODS] = {
	[SV_PEER_CREATE_HOST_IP] = { "create_host_ip", RET_ERROR, 2, { ADDRESS, OPTIONS }, 1 },
	[SV_PEER_CREATE_HOST] = { "create_host", RET_ERROR, 2, { VIRTUAL_PORT, OPTIONS }, 2 },
	[SV_PEER_CREATE_CLIENT_IP] = { "create_client_ip", RET_ERROR, 2, { ADDRESS, OPTIONS }, 1 },
	[SV_PEER_CREATE_CLIENT] = { "create_client", RET_ERROR, 3,
			{ ARG("server_steam_id", T_INT, META_UINT64), VIRTUAL_PORT, OPTIONS }, 2 },
	[SV_PEER_GET_STEAM_ID_FOR_PEER] = { "get_steam_id_for_peer", RET_INT(META_UINT64), 1, { ARG("peer_id", T_INT, META_INT32) } },
	[SV_PEER_GET_PEER_ID_FOR_STEAM_ID] = { "get_peer_id_for_steam_id", RET_INT(META_INT32), 1,
			{ ARG("steam_id", T_INT, META_UINT64) } },
	[SV_PEER_GET_CONNECTION_FOR_PEER] = { "get_connection_for_peer", RET_INT(META_NONE), 1, { ARG("peer_id", T_INT, META_INT32) } },
};

// call_method decodes one call's arguments (Variants, or ptrcall's typed values) and calls Go.
static int64_t call_method(int32_t index, peer_t *p, const void *const *args, GDExtensionInt argc, int typed) {
	const peer_method_t *m = &peer_methods[index];
	sv_arg decoded[3];
	scratch_t scratch;
	memset(scratch.heap, 0, sizeof scratch.heap);
	int32_t first_default = m->argc - m->default_count;
	for (int32_t i = 0; i < m->argc; i++) {
		decoded[i] = (sv_arg){ 0 };
		if (typed) {
			decode_typed(args[i], m->args[i].type, &decoded[i], scratch.text[i], &scratch.heap[i]);
		} else {
			const void *v = i < argc ? args[i] : &m->defaults[i - first_default];
			decode_variant(v, m->args[i].type, &decoded[i], scratch.text[i], &scratch.heap[i]);
		}
	}
	int64_t r = 0;
	goPeerCall(p ? p->handle : 0, index, decoded, m->argc, &r);
	scratch_free(&scratch);
	if (p) {
		goPeerNext(p->handle, &p->next);
	}
	return r;
}

static void peer_call(void *userdata, GDExtensionClassInstancePtr instance, const GDExtensionConstVariantPtr *args,
		GDExtensionInt argc, GDExtensionVariantPtr ret, GDExtensionCallError *error) {
	int32_t index = (int32_t)(intptr_t)userdata;
	const peer_method_t *m = &peer_methods[index];
	if (!argc_ok(argc, m->argc, m->default_count, error)) {
		return;
	}
	int64_t r = call_method(index, instance, (const void *const *)args, argc, 0);
	from_int(ret, &r);
}

static void peer_ptrcall(void *userdata, GDExtensionClassInstancePtr instance, const GDExtensionConstTypePtr *args,
		GDExtensionTypePtr ret) {
	int32_t index = (int32_t)(intptr_t)userdata;
	*(int64_t *)ret = call_method(index, instance, (const void *const *)args, peer_methods[index].argc, 1);
}

static void register_methods(void) {
	for (int32_t index = 0; index < SV_PEER_METHODS; index++) {
		peer_method_t *m = &peer_methods[index];
		GDExtensionVariantPtr defaults[3];
		for (int32_t d = 0; d < m->default_count; d++) {
			if (m->args[m->argc - m->default_count + d].type == T_DICTIONARY) {
				dictionary_t empty;
				new_dict(&empty, NULL);
				from_dict(&m->defaults[d], &empty);
				free_dict(&empty);
			} else {
				int64_t zero = 0;
				from_int(&m->defaults[d], &zero);
			}
			defaults[d] = &m->defaults[d];
		}
		GDExtensionClassMethodArgumentMetadata metas[3];
		for (int32_t i = 0; i < m->argc; i++) {
			metas[i] = (GDExtensionClassMethodArgumentMetadata)m->args[i].meta;
		}
		props_t props, ret_prop;
		props_init(&props, m->argc, m->args);
		props_init(&ret_prop, 1, &m->ret);
		string_name_t name;
		gd.string_name_new(&name, m->name);
		GDExtensionClassMethodInfo info = {
			.name = &name,
			.method_userdata = (void *)(intptr_t)index,
			.call_func = peer_call,
			.ptrcall_func = peer_ptrcall,
			.method_flags = GDEXTENSION_METHOD_FLAGS_DEFAULT,
			.has_return_value = 1,
			.return_value_info = &ret_prop.info[0],
			.return_value_metadata = (GDExtensionClassMethodArgumentMetadata)m->ret.meta,
			.argument_count = (uint32_t)m->argc,
			.arguments_info = props.info,
			.arguments_metadata = metas,
			.default_argument_count = (uint32_t)m->default_count,
			.default_arguments = m->default_count ? defaults : NULL,
		};
		gd.register_method(gd.library, &class_name, &info);
		free_string_name(&name);
		props_free(&props);
		props_free(&ret_prop);
	}
}

// ---- Virtuals --------------------------------------------------------------------------------------

// How each virtual's arguments and return travel in ptrcall form (extension_api.json's hashes say
// which signature Godot calls): ints are int64, bools GDExtensionBool.
enum { NONE, INT, BOOL };
typedef struct {
	const char *name;
	uint32_t hash;
	uint8_t args[2];
	uint8_t ret;
	string_name_t sn;
} virtual_t;

static virtual_t virtuals[SV_PEER_VIRTUALS] = {
	[SV_PEER_V_GET_AVAILABLE_PACKET_COUNT] = { "_get_available_packet_count", 3905245786u, { NONE }, INT },
	[SV_PEER_V_GET_MAX_PACKET_SIZE] = { "_get_max_packet_size", 3905245786u, { NONE }, INT },
	[SV_PEER_V_GET_PACKET_CHANNEL] = { "_get_packet_channel", 3905245786u, { NONE }, INT },
	[SV_PEER_V_GET_PACKET_MODE] = { "_get_packet_mode", 3369852622u, { NONE }, INT },
	[SV_PEER_V_SET_TRANSFER_CHANNEL] = { "_set_transfer_channel", 1286410249u, { INT }, NONE },
	[SV_PEER_V_GET_TRANSFER_CHANNEL] = { "_get_transfer_channel", 3905245786u, { NONE }, INT },
	[SV_PEER_V_SET_TRANSFER_MODE] = { "_set_transfer_mode", 950411049u, { INT }, NONE },
	[SV_PEER_V_GET_TRANSFER_MODE] = { "_get_transfer_mode", 3369852622u, { NONE }, INT },
	[SV_PEER_V_SET_TARGET_PEER] = { "_set_target_peer", 1286410249u, { INT }, NONE },
	[SV_PEER_V_GET_PACKET_PEER] = { "_get_packet_peer", 3905245786u, { NONE }, INT },
	[SV_PEER_V_IS_SERVER] = { "_is_server", 36873697u, { NONE }, BOOL },
	[SV_PEER_V_POLL] = { "_poll", 3218959716u, { NONE }, NONE },
	[SV_PEER_V_CLOSE] = { "_close", 3218959716u, { NONE }, NONE },
	[SV_PEER_V_DISCONNECT_PEER] = { "_disconnect_peer", 300928843u, { INT, BOOL }, NONE },
	[SV_PEER_V_GET_UNIQUE_ID] = { "_get_unique_id", 3905245786u, { NONE }, INT },
	[SV_PEER_V_SET_REFUSE_NEW_CONNECTIONS] = { "_set_refuse_new_connections", 2586408642u, { BOOL }, NONE },
	[SV_PEER_V_IS_REFUSING_NEW_CONNECTIONS] = { "_is_refusing_new_connections", 36873697u, { NONE }, BOOL },
	[SV_PEER_V_IS_SERVER_RELAY_SUPPORTED] = { "_is_server_relay_supported", 36873697u, { NONE }, BOOL },
	[SV_PEER_V_GET_CONNECTION_STATUS] = { "_get_connection_status", 2147374275u, { NONE }, INT },
	[SV_PEER_V_GET_PACKET] = { "_get_packet", 3099858825u, { NONE }, INT },
	[SV_PEER_V_PUT_PACKET] = { "_put_packet", 3099858825u, { NONE }, INT },
};

// peer_virtual_data answers which virtuals we implement: the index + 1, or NULL (not overridden).
// StringNames are interned, so equal names hold the same pointer.
static void *peer_virtual_data(void *class_userdata, GDExtensionConstStringNamePtr name, uint32_t hash) {
	(void)class_userdata;
	for (int i = 0; i < SV_PEER_VIRTUALS; i++) {
		if (memcmp(name, &virtuals[i].sn, sizeof(string_name_t)) == 0) {
			return virtuals[i].hash == hash ? (void *)(intptr_t)(i + 1) : NULL;
		}
	}
	return NULL;
}

// get_packet hands Godot the next packet, copied by Go into the instance's buffer (grown when Go
// says it is too small), which stays as it is until the next call.
static int64_t get_packet(peer_t *p, const GDExtensionConstTypePtr *args) {
	const uint8_t **r_buffer = *(const uint8_t ***)args[0];
	int32_t *r_size = *(int32_t **)args[1];
	*r_buffer = NULL;
	*r_size = 0;
	for (int attempt = 0; attempt < 2; attempt++) {
		int32_t len = 0;
		int64_t err = goPeerGetPacket(p->handle, p->packet, p->packet_cap, &len, &p->next);
		if (err >= 0) {
			*r_buffer = p->packet;
			*r_size = len;
			return err;
		}
		int64_t need = -err > FIRST_PACKET_BUFFER ? -err : FIRST_PACKET_BUFFER;
		uint8_t *grown = realloc(p->packet, (size_t)need);
		if (!grown) {
			return 6; // ERR_OUT_OF_MEMORY
		}
		p->packet = grown;
		p->packet_cap = need;
	}
	return 1; // FAILED: Go asked for more room twice
}

static GDExtensionBool refcount(GDExtensionMethodBindPtr bind, GDExtensionObjectPtr object) {
	GDExtensionBool r = 0;
	gd.method_bind_ptrcall(bind, object, NULL, &r);
	return r;
}

// poll runs Go's poll, then emits the peer_connected and peer_disconnected it asks for. A handler
// may drop the last reference to the peer (multiplayer_peer = null): a reference held meanwhile
// keeps the object, and this instance, alive until the last signal.
static void poll(peer_t *p) {
	goPeerVirtual(p->handle, SV_PEER_V_POLL, 0, 0);
	goPeerNext(p->handle, &p->next);
	int32_t connected = 0;
	int64_t id = 0;
	if (!goPeerTakeSignal(p->handle, &connected, &id)) {
		return;
	}
	GDExtensionObjectPtr object = p->object;
	refcount(reference_bind, object);
	do {
		variant_t arg;
		from_int(&arg, &id);
		GDExtensionConstVariantPtr argv[2] = { connected ? &connected_name : &disconnected_name, &arg };
		variant_t result;
		GDExtensionCallError error;
		gd.method_bind_call(emit_bind, object, argv, 2, &result, &error);
		gd.variant_destroy(&result);
	} while (goPeerTakeSignal(p->handle, &connected, &id));
	if (refcount(unreference_bind, object)) {
		gd.object_destroy(object); // the handlers let go of it: it was ours to free
	}
}

static void peer_virtual_call(GDExtensionClassInstancePtr instance, GDExtensionConstStringNamePtr name, void *data,
		const GDExtensionConstTypePtr *args, GDExtensionTypePtr ret) {
	(void)name;
	peer_t *p = instance;
	int32_t index = (int32_t)(intptr_t)data - 1;
	if (index < 0 || index >= SV_PEER_VIRTUALS) {
		return;
	}
	switch (index) {
	case SV_PEER_V_GET_PACKET:
		*(int64_t *)ret = get_packet(p, args);
		return;
	case SV_PEER_V_PUT_PACKET:
		*(int64_t *)ret = goPeerPutPacket(p->handle, (uint8_t *)*(const uint8_t *const *)args[0], *(const int64_t *)args[1]);
		return;
	case SV_PEER_V_POLL:
		poll(p);
		return;
	case SV_PEER_V_GET_AVAILABLE_PACKET_COUNT:
		*(int64_t *)ret = p->next.available;
		return;
	case SV_PEER_V_GET_PACKET_PEER:
		*(int64_t *)ret = p->next.peer;
		return;
	case SV_PEER_V_GET_PACKET_CHANNEL:
		*(int64_t *)ret = p->next.channel;
		return;
	case SV_PEER_V_GET_PACKET_MODE:
		*(int64_t *)ret = p->next.mode;
		return;
	}
	const virtual_t *v = &virtuals[index];
	int64_t in[2] = { 0, 0 };
	for (int i = 0; i < 2; i++) {
		if (v->args[i] == INT) {
			in[i] = *(const int64_t *)args[i];
		} else if (v->args[i] == BOOL) {
			in[i] = *(const GDExtensionBool *)args[i];
		}
	}
	int64_t r = goPeerVirtual(p->handle, index, in[0], in[1]);
	if (index == SV_PEER_V_CLOSE || index == SV_PEER_V_DISCONNECT_PEER) {
		goPeerNext(p->handle, &p->next);
	}
	if (v->ret == INT) {
		*(int64_t *)ret = r;
	} else if (v->ret == BOOL) {
		*(GDExtensionBool *)ret = r != 0;
	}
}

// ---- Registration ----------------------------------------------------------------------------------

const char *sv_register_peer_class(const char *name) {
	if (registered) {
		return "the class is registered already";
	}
	if (!(notification_bind = bind_of("Object", "notification", HASH_NOTIFICATION)) ||
			!(emit_bind = bind_of("Object", "emit_signal", 4047867050u)) ||
			!(reference_bind = bind_of("RefCounted", "reference", HASH_REFCOUNT)) ||
			!(unreference_bind = bind_of("RefCounted", "unreference", HASH_REFCOUNT))) {
		return "this Godot lacks Object.notification, Object.emit_signal or RefCounted.reference with the expected hashes";
	}
	string_name_t parent;
	gd.string_name_new(&parent, "MultiplayerPeerExtension");
	int has_parent = gd.get_class_tag(&parent) != NULL;
	if (!has_parent) {
		free_string_name(&parent);
		return "this Godot has no MultiplayerPeerExtension class";
	}
	for (int i = 0; i < SV_PEER_VIRTUALS; i++) {
		gd.string_name_new(&virtuals[i].sn, virtuals[i].name);
	}
	string_name_t sn;
	gd.string_name_new(&sn, "peer_connected");
	from_string_name(&connected_name, &sn);
	free_string_name(&sn);
	gd.string_name_new(&sn, "peer_disconnected");
	from_string_name(&disconnected_name, &sn);
	free_string_name(&sn);

	gd.string_name_new(&class_name, name);
	GDExtensionClassCreationInfo4 info;
	memset(&info, 0, sizeof info);
	info.is_exposed = 1;
	info.create_instance_func = peer_create;
	info.free_instance_func = peer_free;
	info.get_virtual_call_data_func = peer_virtual_data;
	info.call_virtual_with_data_func = peer_virtual_call;
	gd.register_class(gd.library, &class_name, &parent, &info);
	free_string_name(&parent);
	register_methods();
	registered = 1;
	return NULL;
}

void release_peer_class(void) {
	if (!registered) {
		return;
	}
	gd.unregister_class(gd.library, &class_name);
	free_string_name(&class_name);
	for (int i = 0; i < SV_PEER_VIRTUALS; i++) {
		free_string_name(&virtuals[i].sn);
	}
	for (int32_t index = 0; index < SV_PEER_METHODS; index++) {
		for (int32_t d = 0; d < peer_methods[index].default_count; d++) {
			gd.variant_destroy(&peer_methods[index].defaults[d]);
		}
	}
	gd.variant_destroy(&connected_name);
	gd.variant_destroy(&disconnected_name);
	registered = 0;
}
