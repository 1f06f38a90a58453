// The call path: every method call Godot makes (sv_call for Variants, sv_ptrcall for typed values)
// is answered here from the fast path, or decoded and handed to Go's goSteamCall.
#include "_cgo_export.h" // before gdext_internal.h: goSteamCall keeps default visibility
#include "gdext_internal.h"

#include <string.h>

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
static int64_t frame_interval_ns; // 0: the backend needs every frame
int32_t sv_frame_due = 1; // set by Go's frame timer once the backend's per-frame work is due
static uint64_t frame_epoch; // any other Go call since the last run_callbacks makes the next one run

void set_cache_kind(int32_t index, int32_t kind) {
	cached[index] = (uint8_t)kind;
}

void sv_set_frame_interval(int64_t interval_ns) {
	__atomic_store_n(&frame_interval_ns, interval_ns, __ATOMIC_RELAXED);
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
	if (cached[index] == SV_CACHE_RUN_CALLBACKS) {
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
	} else if (cached[index] == SV_CACHE_RUN_CALLBACKS) {
		__atomic_store_n(&frame_epoch, __atomic_load_n(&sv_epoch, __ATOMIC_ACQUIRE), __ATOMIC_RELEASE);
	} else if (cached[index] && r->cacheable) {
		__atomic_store_n(&cached_value[index], r->i, __ATOMIC_RELAXED);
		__atomic_store_n(&cached_epoch[index], epoch, __ATOMIC_RELEASE);
	}
}


// ---- Calls ---------------------------------------------------------------------------------------
// sv_call (Variants, from GDScript's dynamic calls) and sv_ptrcall (typed values) share one path,
// answer(): they differ only in how arguments are read and how the return is written, and sv_call
// writes its return as ptrcall would, into typed_ret_t, then wraps that in its Variant.

// A method's return in ptrcall's form.
typedef union {
	GDExtensionBool b;
	int64_t i;
	double f;
	string_t text;
	dictionary_t dict;
	array_t list;
	byte_array_t bytes;
} typed_ret_t;

// How one call form reads its arguments into out (each zeroed first), with scratch for long strings.
typedef void (*decode_args_fn)(const method_t *m, const void *const *args, GDExtensionInt argc, sv_arg *out,
		scratch_t *scratch);

// decode_call_args reads call's Variants, and the defaults of trailing arguments left out (sv_call
// has checked the count).
static inline void decode_call_args(const method_t *m, const void *const *args, GDExtensionInt argc, sv_arg *out,
		scratch_t *scratch) {
	int32_t first_default = m->argc - m->default_count;
	for (int32_t i = 0; i < m->argc; i++) {
		out[i] = (sv_arg){ 0 };
		const void *v = i < argc ? args[i] : &m->defaults[i - first_default];
		decode_variant(v, m->types[i], &out[i], scratch->text[i], &scratch->heap[i]);
	}
}

// decode_ptrcall_args reads ptrcall's typed values: always every argument, of the declared types.
static inline void decode_ptrcall_args(const method_t *m, const void *const *args, GDExtensionInt argc, sv_arg *out,
		scratch_t *scratch) {
	(void)argc;
	for (int32_t i = 0; i < m->argc; i++) {
		out[i] = (sv_arg){ 0 };
		decode_typed(args[i], m->types[i], &out[i], scratch->text[i], &scratch->heap[i]);
	}
}

static inline void return_scalar(const method_t *m, int64_t value, GDExtensionTypePtr ret) {
	if (m->ret_type == T_BOOL) {
		*(GDExtensionBool *)ret = value != 0;
	} else if (m->ret_type == T_INT) {
		*(int64_t *)ret = value;
	}
}

// fresh_dict makes ret a new empty Dictionary; ptrcall's caller hands over a constructed one.
static inline void fresh_dict(GDExtensionTypePtr ret, int constructed) {
	if (constructed) {
		free_dict(ret);
	}
	new_dict(ret, NULL);
}

// fresh_array makes ret an empty Array, as fresh_dict does a Dictionary.
static inline void fresh_array(GDExtensionTypePtr ret, int constructed) {
	if (constructed) {
		free_array(ret);
	}
	new_array(ret, NULL);
}

// fresh_bytes makes ret an empty PackedByteArray, as fresh_dict does a Dictionary.
static inline void fresh_bytes(GDExtensionTypePtr ret, int constructed) {
	if (constructed) {
		free_bytes(ret);
	}
	new_bytes(ret, NULL);
}

// fresh_string makes ret an empty String, as fresh_dict does a Dictionary.
static inline void fresh_string(GDExtensionTypePtr ret, int constructed) {
	if (constructed) {
		free_string(ret);
	}
	gd.string_new(ret, "", 0);
}

// answer answers one call into ret, the typed return: from the fast path, or by decoding the
// arguments and calling Go. A Dictionary return is made here, only when needed, so the fast scalar
// answers pay nothing for it; constructed says ret holds one already (ptrcall's), to replace.
// Inlined into each entry with its decode, so neither pays an indirect call.
static inline __attribute__((always_inline)) void answer(int32_t index, const method_t *m, decode_args_fn decode,
		const void *const *args, GDExtensionInt argc, GDExtensionTypePtr ret, int constructed) {
	int64_t fast = 0;
	if (fast_answer(index, &fast)) {
		if (m->ret_type == T_DICTIONARY) {
			fresh_dict(ret, constructed);
			fill_packet(ret, NULL, 0, 0, 0); // the only cached Dictionary: "no packet"
		} else {
			return_scalar(m, fast, ret);
		}
		return;
	}
	sv_arg decoded[SV_MAX_ARGS];
	scratch_t scratch;
	memset(scratch.heap, 0, sizeof scratch.heap);
	decode(m, args, argc, decoded, &scratch);
	if (cached[index] == SV_CACHE_SETTER && setter_unchanged(index, &decoded[0])) {
		scratch_free(&scratch);
		return;
	}
	sv_ret r = { .i = 0 };
	if (m->ret_type == T_DICTIONARY) {
		fresh_dict(ret, constructed);
		r.dict = ret;
	} else if (m->ret_type == T_ARRAY) {
		fresh_array(ret, constructed);
		r.list = ret;
	} else if (m->ret_type == T_STRING) {
		fresh_string(ret, constructed);
		r.text = ret;
	} else if (m->ret_type == T_BYTES) {
		fresh_bytes(ret, constructed);
		r.bytes = ret;
	}
	uint64_t epoch = __atomic_load_n(&sv_epoch, __ATOMIC_ACQUIRE);
	goSteamCall(index, decoded, m->argc, &r);
	after_go(index, &r, epoch, decoded);
	scratch_free(&scratch);
	if (m->ret_type == T_FLOAT) {
		*(double *)ret = r.f; // never cached: check_cache allows bool and int answers only
	} else {
		return_scalar(m, r.i, ret);
	}
}

static inline const method_t *method_of(void *userdata) {
	return &methods[(intptr_t)userdata];
}

void sv_call(void *userdata, GDExtensionClassInstancePtr instance, const GDExtensionConstVariantPtr *args,
		GDExtensionInt argc, GDExtensionVariantPtr ret, GDExtensionCallError *error) {
	(void)instance;
	const method_t *m = method_of(userdata);
	if (!argc_ok(argc, m->argc, m->default_count, error)) {
		return;
	}
	typed_ret_t typed = { .i = 0 };
	answer((int32_t)(intptr_t)userdata, m, decode_call_args, args, argc, &typed, 0);
	switch (m->ret_type) {
	case T_BOOL:
		from_bool(ret, &typed.b);
		break;
	case T_INT:
		from_int(ret, &typed.i);
		break;
	case T_FLOAT:
		from_float(ret, &typed.f);
		break;
	case T_STRING:
		from_string(ret, &typed.text);
		free_string(&typed.text);
		break;
	case T_DICTIONARY:
		from_dict(ret, &typed.dict);
		free_dict(&typed.dict);
		break;
	case T_ARRAY:
		from_array(ret, &typed.list);
		free_array(&typed.list);
		break;
	case T_BYTES:
		from_bytes(ret, &typed.bytes);
		free_bytes(&typed.bytes);
		break;
	default: // void: ret stays the nil Godot passed
		break;
	}
}

void sv_ptrcall(void *userdata, GDExtensionClassInstancePtr instance, const GDExtensionConstTypePtr *args,
		GDExtensionTypePtr ret) {
	(void)instance;
	const method_t *m = method_of(userdata);
	answer((int32_t)(intptr_t)userdata, m, decode_ptrcall_args, args, m->argc, ret, 1);
}
