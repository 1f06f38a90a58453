## Run with GOSTEAM_INJECT_PANIC=load: the extension's registration panics part-way. Godot must go on
## without the Steam singleton (the error is printed; build.sh checks the log) and quit cleanly, with
## the half-registered class released at exit. The script never names Steam, which would not parse.
extends "check_scene.gd"


func _ready() -> void:
	check(not Engine.has_singleton("Steam"), "the Steam singleton exists after its registration panicked")
	check(not ClassDB.class_has_signal("Steam", "server_connected"), "registration went on past the panic (the signals are registered)")
	finish()
