## The main script of the scratch project build.sh's dist_check makes: a fresh Godot project holding
## only dist/addons/godot_steam_server/. The extension must load from there and work offline.
extends "check_scene.gd"


func _ready() -> void:
	check(Engine.has_singleton("Steam"), "the Steam singleton exists")
	if Engine.has_singleton("Steam"):
		var steam := Engine.get_singleton("Steam")
		check(steam.serverInit("127.0.0.1", 0, 0, 2, "1.0.0.0"), "Steam.serverInit offline")
		check(steam.getServerState().backend == "offline", "the offline backend")
		check(steam.getSteamID() > 0, "a game-server Steam ID")
		steam.serverShutdown()
	finish()
