## Every method of both classes (Steam and SteamServer) called with values of the wrong type, extreme
## numbers, huge strings and byte arrays, and the wrong number of arguments, before and after
## serverInit (the values and rules: bad_input_base.gd). A refused call must print its error, return
## its documented safe value, change no state and emit no signal; a call whose value is acceptable
## after conversion (a whole float for an int, a StringName for a String, ...) may change only what
## that method sets.
extends "bad_input_base.gd"


# ---- Checks -----------------------------------------------------------------------------------------

func _check_safe(name: String, got: Variant, safe: Variant, what: String) -> void:
	if safe is String and safe == "initex":
		check(got is Dictionary and got.get("status") == 1 and got.get("verbal") is String and not String(got.get("verbal")).is_empty(),
			"%s must return {status: 1, verbal: <reason>}, got %s" % [what, var_to_str(got).left(200)])
	else:
		check_eq(got, safe, "%s must return its safe value" % what)


## The return of a call that went through: the same type (and Dictionary keys) as the safe value.
func _check_shape(got: Variant, safe: Variant, what: String) -> void:
	if safe is String and safe == "initex":
		check(got is Dictionary and got.keys() == ["status", "verbal"], "%s returned %s" % [what, var_to_str(got).left(200)])
	elif safe is Dictionary:
		check(got is Dictionary and got.keys() == safe.keys(), "%s returned %s, want a Dictionary with keys %s" % [what, var_to_str(got).left(200), safe.keys()])
	else:
		check_eq(typeof(got), typeof(safe), "%s return type" % what)


## Checks that the state did not change, naming the keys that did. The traffic counts are not the
## server's state: a refused datagram or ticket is counted there (test_packets checks how).
func _check_state(before: Dictionary, after: Dictionary, what: String) -> void:
	before = before.duplicate()
	after = after.duplicate()
	before.erase("traffic")
	after.erase("traffic")
	var changed := []
	for key in before:
		if not after.has(key) or typeof(after[key]) != typeof(before[key]) or after[key] != before[key]:
			changed.append("%s: %s -> %s" % [key, var_to_str(before[key]).left(60), var_to_str(after.get(key)).left(60)])
	for key in after:
		if not before.has(key):
			changed.append("new key %s" % key)
	check(changed.is_empty(), "%s: state changed: %s" % [what, ", ".join(changed)])


## One call with args; expects a refusal unless accepted.
func _call(name: String, args: Array, accepted: bool, what: String) -> void:
	var row: Dictionary = rules[name]
	var before := Steam.getServerState()
	var got: Variant = target.callv(name, args)
	var after := Steam.getServerState()
	if not accepted:
		_check_safe(name, got, row.safe, what)
		_check_state(before, after, "%s must be refused and leave the state unchanged" % what)
		check_eq(pump(), [], "%s must be refused and emit no signal" % what)
		return
	_check_shape(got, row.get("shape", row.safe), what)
	pump()
	if row.get("init", false):
		check_eq(after.initialized, true, "%s should have initialized the server" % what)
		return
	for key in row.get("touches", []):
		before.erase(key)
		after.erase(key)
	_check_state(before, after, "%s may only change %s" % [what, row.get("touches", [])])


func _sweep(running: bool) -> void:
	var arg_names := {}
	for m in ClassDB.class_get_method_list(cls, true):
		arg_names[m.name] = m.args.map(func(a): return a.name)
	for name in rules:
		var row: Dictionary = rules[name]
		if row.args.is_empty():
			continue
		if running:
			_restart()
		for i in row.args.size():
			for v in values:
				var args := _baseline(row)
				args[i] = v
				var ok: bool = running and _accepts(row.args[i], v) and not row.get("init", false)
				if not running and (row.get("init", false) or row.get("pure", false)):
					ok = _accepts(row.args[i], v)
				var what := "%s %s.%s with %s = %s" % ["running:" if running else "before serverInit:", cls, name, arg_names[name][i], _describe(v)]
				_call(name, args, ok, what)
				if not running and Steam.getServerState().initialized:
					Steam.serverShutdown()
					pump()


func test_table_covers_every_method() -> void:
	for c in tables:
		for m in ClassDB.class_get_method_list(c, true):
			if check(tables[c].has(m.name), "%s.%s is missing from the bad-input table" % [c, m.name]):
				check_eq(tables[c][m.name].args.size(), m.args.size(), "table argument count of %s.%s" % [c, m.name])


func test_baseline_arguments_are_accepted() -> void:
	# The sweep replaces one argument at a time; the others must be good on their own.
	_restart()
	for c in tables:
		for name in tables[c]:
			var row: Dictionary = tables[c][name]
			if row.args.is_empty() or row.get("init", false):
				continue
			for i in row.args.size():
				var base: Variant = _baseline(row)[i]
				if row.args[i][0] != "never":
					check(_accepts(row.args[i], base), "baseline argument %d of %s.%s is not acceptable to the table" % [i, c, name])


func test_wrong_values_before_init() -> void:
	for c in tables:
		_use(c)
		if Steam.getServerState().initialized:
			Steam.serverShutdown()
		_sweep(false)
		check_eq(Steam.getServerState().initialized, false, "the %s sweep left the server initialized" % c)


func test_wrong_values_while_running() -> void:
	for c in tables:
		_use(c)
		_sweep(true)


func _count_calls(running: bool) -> void:
	for m in ClassDB.class_get_method_list(cls, true):
		var name: String = m.name
		if running:
			_restart()
		var row: Dictionary = rules.get(name, {"args": [], "safe": null})
		var args := _baseline(row)
		var required: int = m.args.size() - m.default_args.size()
		var calls := [args + [0], args + [0, 0, 0, 0, 0, 0, 0, 0, 0]]
		if required > 0:
			calls.append(args.slice(0, required - 1))
			calls.append([])
		for a in calls:
			var what := "%s %s.%s called with %d arguments" % ["running:" if running else "before serverInit:", cls, name, a.size()]
			var before := Steam.getServerState()
			var got: Variant = target.callv(name, a)
			check_eq(got, null, "%s must fail as a call and return null" % what)
			_check_state(before, Steam.getServerState(), what)
			check_eq(pump(), [], "%s emitted signals" % what)


func test_wrong_argument_count_before_init() -> void:
	for c in tables:
		_use(c)
		if Steam.getServerState().initialized:
			Steam.serverShutdown()
		_count_calls(false)


func test_wrong_argument_count_while_running() -> void:
	for c in tables:
		_use(c)
		_count_calls(true)
