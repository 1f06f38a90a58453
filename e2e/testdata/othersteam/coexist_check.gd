## The main script of TestCoexistWithAnotherSteam's scratch projects (e2e/95_coexistence_test.go).
## Its one user argument says whose the name Steam must be: "other" (othersteam.c, a stand-in for
## GodotSteam's client) or "ours"; SteamServer must then be ours. "other-alone" (the stand-in's own
## check) wants Steam the other's and no SteamServer. coexist_server.gd, which names SteamServer as a
## global, is loaded only once it exists, so that without it this still reports.
extends "check_scene.gd"


func _ready() -> void:
	var args := OS.get_cmdline_user_args()
	var whose: String = args[0] if args.size() == 1 else ""
	# The test compares this line with the order it wrote to .godot/extension_list.cfg.
	print("load order: ", ",".join(GDExtensionManager.get_loaded_extensions()))
	if not check(whose in ["other", "ours", "other-alone"], "user argument 'other', 'ours' or 'other-alone', got %s" % [args]):
		finish()
		return
	var other := whose != "ours"
	var steam: Object = Engine.get_singleton("Steam") if Engine.has_singleton("Steam") else null
	check(steam != null, "a Steam singleton exists")
	check_eq(ClassDB.class_has_integer_constant("Steam", "OTHER_STEAM_CLIENT"), other,
			"the class Steam has the other extension's OTHER_STEAM_CLIENT")
	if steam:
		check_eq(steam.has_method("serverInit"), not other, "the Steam singleton has serverInit (is ours)")
		if other:
			check_eq(steam.get_class(), "Steam", "the class of the other's Steam singleton")
	if whose == "other-alone":
		check(not Engine.has_singleton("SteamServer"), "no SteamServer singleton without our extension")
		finish()
		return
	if not check(Engine.has_singleton("SteamServer"), "a SteamServer singleton exists"):
		finish()
		return
	var server := Engine.get_singleton("SteamServer")
	check(server.has_method("serverInit"), "the SteamServer singleton has serverInit (is ours)")
	check(not ClassDB.class_has_integer_constant("SteamServer", "OTHER_STEAM_CLIENT"), "SteamServer is not the other's class")
	await load("res://coexist_server.gd").run(self, null if other else steam)
	finish()
