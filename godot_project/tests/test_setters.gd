## The set* methods: each stores into getServerState under its own key, within Steam's limits;
## a refused value leaves the state exactly as it was.
extends TestSuite

const API := preload("res://tests/api_table.gen.gd")

## A value each setter stores as given (test data; which methods are setters, their state keys,
## limits and log-on rules come from the fixture generated from steam.Fields).
const VALUES := {
	"setProduct": "480",
	"setGameDescription": "Spacewar deathmatch",
	"setModDir": "spacewar",
	"setDedicatedServer": true,
	"setMaxPlayerCount": 24,
	"setBotPlayerCount": 3,
	"setServerName": "My Server",
	"setMapName": "dm_lockdown",
	"setPasswordProtected": true,
	"setSpectatorPort": 27020,
	"setSpectatorServerName": "My Spectators",
	"setGameTags": "ctf,hardcore",
	"setGameData": "k1:v1;k2:v2",
	"setRegion": "eu-west",
	"setHeartbeatInterval": 45,
	"setAdvertiseServerActive": true,
}

# Rows derived from the fixture, in its order.
var STORES := [] # [method, value, state key, stored value]
var STRING_LIMITS := [] # [method, state key, limit in bytes]
var INT_LIMITS := [] # [method, state key, smallest, largest]
var BEFORE_LOG_ON := [] # [method, state key, value]: Steam ignores these once the server logs on


func _init() -> void:
	for method in API.METHODS:
		var field: Dictionary = API.METHODS[method].field
		if field.is_empty():
			continue
		var value: Variant = VALUES.get(method)
		STORES.append([method, value, field.key, value])
		if field.max_len > 0:
			STRING_LIMITS.append([method, field.key, field.max_len])
		elif API.METHODS[method].args[0][1] == TYPE_INT:
			INT_LIMITS.append([method, field.key, field.min, field.max])
		if field.before_log_on:
			BEFORE_LOG_ON.append([method, field.key, value])


func test_every_setter_has_a_test_value() -> void:
	check_eq(STORES.size(), VALUES.size(), "setters in the fixture vs. test values")
	for row in STORES:
		check(VALUES.has(row[0]), "%s is a setter with no test value in VALUES" % row[0])
	check(not STRING_LIMITS.is_empty() and not INT_LIMITS.is_empty() and not BEFORE_LOG_ON.is_empty(),
		"the fixture lists no string limit, int range or before-log-on setter")


func _start() -> void:
	check(Steam.serverInit("127.0.0.1", 27015, 27016, 2, "1.0"), "serverInit failed")


## Calls method(value) and checks that only key changed, to want.
func _set_and_expect(method: String, value: Variant, key: String, want: Variant, what: String) -> void:
	var expected := Steam.getServerState()
	expected[key] = want
	Steam.callv(method, [value])
	var got := Steam.getServerState()
	check_eq(got.get(key), want, "%s: state.%s" % [what, key])
	check_eq(got, expected, "%s: other state keys changed" % what)


## Calls method(args) and checks that nothing changed and no signal came.
## Unless signals is false, it also runs run_callbacks and expects no signal.
func _refused(method: String, args: Array, what: String, signals := true) -> void:
	var before := Steam.getServerState()
	var ret: Variant = Steam.callv(method, args)
	check_eq(ret, null, "%s returned" % what)
	check_eq(Steam.getServerState(), before, "%s must be refused and leave the state unchanged" % what)
	if signals:
		check_eq(pump(), [], "%s emitted signals" % what)


func test_fresh_server_defaults() -> void:
	_start()
	var st := Steam.getServerState()
	var want := {"product": "", "description": "", "mod_dir": "", "dedicated": false, "max_players": 0,
		"bot_players": 0, "server_name": "", "map_name": "", "password_protected": false, "spectator_port": 0,
		"spectator_server_name": "", "game_tags": "", "game_data": "", "region": "", "heartbeat_interval": -1,
		"advertise_active": false, "key_values": {}}
	for k in want:
		check_eq(st.get(k), want[k], "default state.%s" % k)


func test_each_setter_stores_under_its_key() -> void:
	_start()
	for row in STORES:
		_set_and_expect(row[0], row[1], row[2], row[3], "%s(%s)" % [row[0], var_to_str(row[1])])
	check_eq(pump(), [], "setters emitted signals")


func test_each_setter_can_set_back() -> void:
	_start()
	for row in STORES:
		Steam.callv(row[0], [row[1]])
	# Back to the defaults: empty strings, false, 0, and -1 for the heartbeat.
	var back := {TYPE_STRING: "", TYPE_BOOL: false, TYPE_INT: 0}
	for row in STORES:
		var v: Variant = back[typeof(row[1])]
		if row[0] == "setHeartbeatInterval":
			v = -1
		_set_and_expect(row[0], v, row[2], v, "%s(%s) after a set" % [row[0], var_to_str(v)])


func test_string_limits_are_in_bytes() -> void:
	_start()
	for row in STRING_LIMITS:
		var method: String = row[0]
		var key: String = row[1]
		var limit: int = row[2]
		_set_and_expect(method, "a".repeat(limit), key, "a".repeat(limit), "%s with %d bytes (the limit)" % [method, limit])
		_refused(method, ["b".repeat(limit + 1)], "%s with %d bytes (one over)" % [method, limit + 1])
		# Every limit is odd: "é" is 2 bytes in UTF-8, so (limit + 1) / 2 of them is one byte over
		# while having fewer characters than the limit.
		var over := "é".repeat((limit + 1) / 2)
		_refused(method, [over], "%s with %d characters but %d bytes" % [method, over.length(), over.to_utf8_buffer().size()])
		var at := "é".repeat((limit - 1) / 2) + "z"
		_set_and_expect(method, at, key, at, "%s with multi-byte text of exactly %d bytes" % [method, limit])
		_refused(method, ["x".repeat(100000)], "%s with 100000 bytes" % method)
		_set_and_expect(method, "", key, "", "%s(\"\")" % method)


func test_unicode_text_round_trips() -> void:
	_start()
	var name := "Ünïcødé 服务器 🚀"
	_set_and_expect("setServerName", name, "server_name", name, "setServerName with non-ASCII text")
	Steam.setKeyValue("名前", "値 ✓")
	check_eq(Steam.getServerState().key_values, {"名前": "値 ✓"}, "a rule with non-ASCII key and value")


func test_int_limits() -> void:
	_start()
	for row in INT_LIMITS:
		var method: String = row[0]
		var key: String = row[1]
		var lo: int = row[2]
		var hi: int = row[3]
		_set_and_expect(method, hi, key, hi, "%s(%d) (largest)" % [method, hi])
		_set_and_expect(method, lo, key, lo, "%s(%d) (smallest)" % [method, lo])
		_refused(method, [lo - 1], "%s(%d) (below the range)" % [method, lo - 1])
		_refused(method, [hi + 1], "%s(%d) (above the range)" % [method, hi + 1])
		_refused(method, [9223372036854775807], "%s(max int)" % method)
		_refused(method, [-9223372036854775808], "%s(min int)" % method)
		_set_and_expect(method, 7, key, 7, "%s(7)" % method)
		check_eq(Steam.getServerState().get(key), 7, "%s kept 7 after refusals" % method)


func test_typed_calls_with_out_of_range_ints_are_refused() -> void:
	# Direct calls from typed GDScript take Godot's fast path (ptrcall), not callv.
	_start()
	var before := Steam.getServerState()
	Steam.setMaxPlayerCount(65536)
	Steam.setMaxPlayerCount(-9223372036854775808)
	Steam.setBotPlayerCount(9223372036854775807)
	Steam.setSpectatorPort(-1)
	Steam.setSpectatorPort(4294967296 + 80) # must not wrap around to port 80
	Steam.setHeartbeatInterval(-2)
	Steam.setHeartbeatInterval(4294967296 + 30) # must not wrap around to 30
	Steam.setMaxPlayerCount(4294967296 + 8) # must not wrap around to 8
	check_eq(Steam.getServerState(), before, "out-of-range ints through typed calls changed the state")


func test_whole_floats_bools_and_string_names_are_converted() -> void:
	_start()
	_set_and_expect("setMaxPlayerCount", 12.0, "max_players", 12, "setMaxPlayerCount(12.0)")
	_refused("setMaxPlayerCount", [12.5], "setMaxPlayerCount(12.5)")
	_refused("setMaxPlayerCount", [NAN], "setMaxPlayerCount(NAN)")
	_refused("setMaxPlayerCount", [INF], "setMaxPlayerCount(INF)")
	_set_and_expect("setPasswordProtected", 1, "password_protected", true, "setPasswordProtected(1)")
	_set_and_expect("setPasswordProtected", 0.0, "password_protected", false, "setPasswordProtected(0.0)")
	_refused("setPasswordProtected", [0.5], "setPasswordProtected(0.5)")
	_refused("setPasswordProtected", ["true"], "setPasswordProtected(\"true\")")
	_set_and_expect("setMapName", &"dm_name", "map_name", "dm_name", "setMapName(StringName)")
	_refused("setMapName", [42], "setMapName(42)")


func test_before_log_on_rules() -> void:
	_start()
	Steam.logOnAnonymous()
	# Refused at once, even before run_callbacks delivers server_connected.
	for row in BEFORE_LOG_ON:
		_refused(row[0], [row[2]], "%s after logOnAnonymous" % row[0], false)
	pump()
	for row in BEFORE_LOG_ON:
		_refused(row[0], [row[2]], "%s while logged on" % row[0])
	# The others still work while logged on.
	for row in STORES:
		if BEFORE_LOG_ON.any(func(b): return b[0] == row[0]):
			continue
		_set_and_expect(row[0], row[1], row[2], row[3], "%s while logged on" % row[0])
	Steam.logOff()
	pump()
	for row in BEFORE_LOG_ON:
		_set_and_expect(row[0], row[2], row[1], row[2], "%s after logOff" % row[0])
	Steam.logOn("a-token")
	for row in BEFORE_LOG_ON:
		_refused(row[0], [row[2]], "%s after logOn(token)" % row[0], false)
	pump()


func test_before_log_on_rules_reset_by_a_new_init() -> void:
	_start()
	Steam.logOnAnonymous()
	pump()
	Steam.serverShutdown()
	_start()
	_set_and_expect("setProduct", "480", "product", "480", "setProduct after a new serverInit")


func test_setters_refused_after_shutdown() -> void:
	_start()
	Steam.setMapName("kept")
	Steam.serverShutdown()
	for row in STORES:
		_refused(row[0], [row[1]], "%s after serverShutdown" % row[0])
	_refused("setKeyValue", ["k", "v"], "setKeyValue after serverShutdown")
	_refused("clearAllKeyValues", [], "clearAllKeyValues after serverShutdown")
	check_eq(Steam.getServerState().map_name, "kept", "state after shutdown")


# ---- Rules (setKeyValue) ---------------------------------------------------------------------------

func test_key_values_keep_insertion_order_and_replace_in_place() -> void:
	_start()
	Steam.setKeyValue("b", "1")
	Steam.setKeyValue("a", "2")
	Steam.setKeyValue("c", "3")
	var kv: Dictionary = Steam.getServerState().key_values
	check_eq(kv, {"b": "1", "a": "2", "c": "3"}, "rules")
	check_eq(kv.keys(), ["b", "a", "c"], "rules in insertion order")
	Steam.setKeyValue("a", "replaced")
	kv = Steam.getServerState().key_values
	check_eq(kv.keys(), ["b", "a", "c"], "replacing a rule keeps its place")
	check_eq(kv.get("a"), "replaced", "replaced value")
	Steam.setKeyValue("c", "")
	check_eq(Steam.getServerState().key_values.get("c"), "", "an empty value is a value, not a removal")
	check_eq(Steam.getServerState().key_values.size(), 3, "rule count")
	Steam.setKeyValue("A", "case")
	check_eq(Steam.getServerState().key_values.keys(), ["b", "a", "c", "A"], "keys are case-sensitive")
	Steam.clearAllKeyValues()
	check_eq(Steam.getServerState().key_values, {}, "clearAllKeyValues")
	Steam.setKeyValue("z", "1")
	Steam.setKeyValue("b", "2")
	check_eq(Steam.getServerState().key_values.keys(), ["z", "b"], "order after clearAllKeyValues starts again")
	check_eq(pump(), [], "rules emitted signals")


func test_key_value_limits() -> void:
	_start()
	_refused("setKeyValue", ["", "v"], "setKeyValue with an empty key")
	var key := "k".repeat(127)
	var value := "v".repeat(255)
	Steam.setKeyValue(key, value)
	check_eq(Steam.getServerState().key_values, {key: value}, "a 127-byte key with a 255-byte value")
	_refused("setKeyValue", ["k".repeat(128), "v"], "setKeyValue with a 128-byte key")
	_refused("setKeyValue", ["k", "v".repeat(256)], "setKeyValue with a 256-byte value")
	_refused("setKeyValue", [key, "v".repeat(256)], "replacing a rule with a 256-byte value")
	_refused("setKeyValue", ["é".repeat(64), "v"], "setKeyValue with 64 characters / 128 bytes of key")
	_refused("setKeyValue", ["k", "é".repeat(128)], "setKeyValue with 128 characters / 256 bytes of value")
	check_eq(Steam.getServerState().key_values, {key: value}, "rules after refusals")


func test_at_most_512_rules() -> void:
	_start()
	var want := {}
	for i in 512:
		Steam.setKeyValue("rule%03d" % i, str(i))
		want["rule%03d" % i] = str(i)
	check_eq(Steam.getServerState().key_values, want, "512 rules are accepted")
	_refused("setKeyValue", ["rule512", "x"], "a 513th rule")
	Steam.setKeyValue("rule000", "replaced")
	want["rule000"] = "replaced"
	check_eq(Steam.getServerState().key_values, want, "replacing a rule while at 512 rules")
	check_eq(Steam.getServerState().key_values.keys()[0], "rule000", "replaced rule keeps its place")
	Steam.clearAllKeyValues()
	check_eq(Steam.getServerState().key_values, {}, "clearAllKeyValues at 512 rules")
	Steam.setKeyValue("rule512", "x")
	check_eq(Steam.getServerState().key_values, {"rule512": "x"}, "a rule after clearing")


func test_clear_all_key_values_on_empty_rules() -> void:
	_start()
	var before := Steam.getServerState()
	Steam.clearAllKeyValues()
	check_eq(Steam.getServerState(), before, "clearAllKeyValues with no rules")
