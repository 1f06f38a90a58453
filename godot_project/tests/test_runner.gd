## Runs every test_*.gd suite in this folder: each method named test_* is one test, run in file
## order and awaited. A test fails on a failed check, when it made no check at all, and when a
## script error stopped it (a runtime error ends the function it happens in, so its later checks
## never ran). Prints one line per failure and "N passed, N failed"; quits 1 on any failure.
extends Node


## Counts the script errors (SCRIPT ERROR lines) printed while it is attached.
class ScriptErrors extends Logger:
	var seen: PackedStringArray = []
	var _mutex := Mutex.new()

	func _log_error(function: String, file: String, line: int, code: String, rationale: String, _editor_notify: bool,
			error_type: int, _script_backtraces: Array[ScriptBacktrace]) -> void:
		if error_type != ERROR_TYPE_SCRIPT:
			return
		_mutex.lock()
		seen.append("%s (%s:%d in %s)" % [rationale if not rationale.is_empty() else code, file, line, function])
		_mutex.unlock()

	func _log_message(_message: String, _error: bool) -> void:
		pass


func _ready() -> void:
	var filter := Array(OS.get_cmdline_user_args())
	var passed := 0
	var failed := 0
	var files := Array(DirAccess.get_files_at("res://tests")).filter(
		func(f): return f.begins_with("test_") and f.ends_with(".gd") and f != "test_runner.gd" and f != "test_suite.gd")
	files.sort()
	var script_errors := ScriptErrors.new()
	OS.add_logger(script_errors)
	for file in files:
		var script: GDScript = load("res://tests/" + file)
		if script == null or not script.can_instantiate():
			failed += 1
			printerr("FAIL %s: the suite does not load" % file)
			continue
		for m in script.get_script_method_list():
			var name: String = m.name
			if not name.begins_with("test_"):
				continue
			if not filter.is_empty() and not filter.any(func(f): return name.contains(f) or file.contains(f)):
				continue
			var suite: TestSuite = script.new()
			suite.current = "%s:%s" % [file.get_basename(), name]
			var errors_before := script_errors.seen.size()
			await suite.call(name)
			for e in script_errors.seen.slice(errors_before):
				suite.failures.append("%s: stopped by a script error: %s" % [suite.current, e])
			if suite.checks == 0:
				suite.failures.append("%s: made no check, so it proves nothing" % suite.current)
			if suite.failures.is_empty():
				passed += 1
			else:
				failed += 1
				for f in suite.failures:
					printerr("FAIL ", f)
			# Every test starts from a shut-down server.
			if Steam.getServerState().initialized:
				Steam.serverShutdown()
			Steam.run_callbacks()
	OS.remove_logger(script_errors)
	print("%d passed, %d failed" % [passed, failed])
	get_tree().quit(1 if failed > 0 or passed == 0 else 0)
