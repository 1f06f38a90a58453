## Base class of the GDScript test suites: assertions that record failures with context.
class_name TestSuite
extends RefCounted

var failures: PackedStringArray = []
var current := ""
## How many checks the test made: a test that made none proves nothing, and the runner fails it.
var checks := 0


func check(condition: bool, message: String) -> bool:
	checks += 1
	if not condition:
		failures.append("%s: %s" % [current, message])
	return condition


func check_eq(got: Variant, want: Variant, message: String = "") -> bool:
	var same: bool = typeof(got) == typeof(want) and got == want
	return check(same, "%s got %s (%s), want %s (%s)" % [message, var_to_str(got), type_string(typeof(got)), var_to_str(want), type_string(typeof(want))])


## serverInit on loopback (game port 27015), recorded as a check.
func start_server(mode: int = 2, ip: String = "127.0.0.1", query_port: int = 27016, version: String = "1.0.0") -> bool:
	return check(Steam.serverInit(ip, 27015, query_port, mode, version), "serverInit(%s, 27015, %d, %d) failed" % [ip, query_port, mode])


## serverInitEx on loopback (game port 27015, no query port) with an offline data file holding data,
## written to path (a user:// path); returns serverInitEx's {status, verbal}.
func start_with_data(path: String, data: Dictionary) -> Dictionary:
	var f := FileAccess.open(path, FileAccess.WRITE)
	f.store_string(JSON.stringify(data))
	f.close()
	OS.set_environment("GOSTEAM_OFFLINE_DATA", ProjectSettings.globalize_path(path))
	var r := Steam.serverInitEx("127.0.0.1", 27015, 0, 2, "1.0")
	OS.unset_environment("GOSTEAM_OFFLINE_DATA")
	return r


## Fields of a Steam ID: [universe, account type, instance, account].
func decode_id(id: int) -> Array:
	return [(id >> 56) & 0xFF, (id >> 52) & 0xF, (id >> 32) & 0xFFFFF, id & 0xFFFFFFFF]


## Calls run_callbacks and returns the signals it emitted, as [name, args] pairs in order. The
## steam_api_call_completed that comes before each async call's result is left out unless
## call_notices is true (test_utils.gd checks them): the suites compare the results themselves.
func pump(call_notices := false) -> Array:
	var seen: Array = []
	var handlers := {}
	for s in Steam.get_signal_list():
		var name: String = s.name
		var handler := func(...args):
			if call_notices or name != "steam_api_call_completed":
				seen.append([name, args])
		handlers[name] = handler
		Steam.connect(name, handler)
	Steam.run_callbacks()
	for name in handlers:
		Steam.disconnect(name, handlers[name])
	return seen


## How getServerState()'s traffic counts changed from before to after (two getServerState()
## answers): the counts that did change, with the difference.
func traffic_change(before: Dictionary, after: Dictionary) -> Dictionary:
	var change := {}
	for k in after.traffic:
		if after.traffic[k] != before.traffic.get(k, 0):
			change[k] = after.traffic[k] - before.traffic.get(k, 0)
	return change


## getServerState() without its traffic counts, which remote datagrams change.
func state_without_traffic() -> Dictionary:
	var state := Steam.getServerState()
	state.erase("traffic")
	return state


## Names of the signals in a pump() result.
func names_of(seen: Array) -> Array:
	return seen.map(func(s): return s[0])


## Runs call with an ErrorLog attached and returns the errors printed meanwhile.
func errors_of(call: Callable) -> PackedStringArray:
	var log := ErrorLog.new()
	OS.add_logger(log)
	call.call()
	OS.remove_logger(log)
	return log.lines


## What the engine's error output printed while it was attached (push_error and the extension's
## refusals alike).
class ErrorLog extends Logger:
	var lines: PackedStringArray = []
	var _mutex := Mutex.new()

	func _log_error(_function: String, _file: String, _line: int, code: String, rationale: String, _editor_notify: bool,
			_error_type: int, _script_backtraces: Array[ScriptBacktrace]) -> void:
		_mutex.lock()
		lines.append(code if rationale.is_empty() else "%s: %s" % [code, rationale])
		_mutex.unlock()

	func _log_message(_message: String, _error: bool) -> void:
		pass
