## Run with GOSTEAM_INJECT_PANIC=load: the extension's registration panics part-way. Godot must go on
## without the Steam singleton (the error is printed; build.sh checks the log) and quit cleanly, with
## the half-registered class released at exit. The script never names Steam, which would not parse.
extends Node


func _ready() -> void:
	var failures: Array[String] = []
	if Engine.has_singleton("Steam"):
		failures.append("the Steam singleton exists after its registration panicked")
	if ClassDB.class_exists("Steam") and ClassDB.class_has_signal("Steam", "server_connected"):
		failures.append("registration went on past the panic (the signals are registered)")
	for f in failures:
		printerr("FAIL load panic check: ", f)
	print("%d passed, %d failed" % [1 if failures.is_empty() else 0, 1 if not failures.is_empty() else 0])
	get_tree().quit(0 if failures.is_empty() else 1)
