## One process of the two-process stats checks (e2e/22_stats_test.go): servers of one offline realm
## (the same XDG_CONFIG_HOME) share the realm's stats store. Default schema (Spacewar's).
##
##   godot --headless --path godot_project res://tests/stats_peer.tscn -- store <player> <count>
##   godot --headless --path godot_project res://tests/stats_peer.tscn -- read <player> <want>
##
## store authenticates the player, then sets NumGames to 1, 2, ... and stores each, printing
## "stored N" when stats_stored confirms N; with count -1 it never stops (the crash check kills it).
## After the last it unlocks ACH_HEAVY_FIRE and sets FeetTraveled to count * 1.5, stored too.
## read prints "read N" with the NumGames it finds and, when want >= 0, checks N and the rest.
extends "check_scene.gd"

const DEADLINE_MS := 60000

var mode := ""
var player := 0
var count := 0
var value := 0
var pending := false
var done := false
var started_ms := Time.get_ticks_msec()


func _ready() -> void:
	var args := OS.get_cmdline_user_args()
	if args.size() != 3 or not (args[0] in ["store", "read"]):
		printerr("usage: stats_peer.tscn -- store|read <player> <count|want>")
		get_tree().quit(2)
		return
	mode = args[0]
	label = mode
	player = int(args[1])
	count = int(args[2])
	if not check(Steam.serverInit("127.0.0.1", 27015, 0, 2, "1.0"), "serverInit"):
		finish()
		return
	check_eq(Steam.beginAuthSession(Steam.offlineIssueTicket(player), player), Steam.BEGIN_AUTH_SESSION_RESULT_OK, "beginAuthSession")
	Steam.stats_received.connect(_on_received)
	Steam.stats_stored.connect(_on_stored)
	Steam.requestUserStats(player)


func _process(_delta: float) -> void:
	Steam.run_callbacks()
	if Time.get_ticks_msec() - started_ms > DEADLINE_MS and not done:
		check(false, "done within %d ms" % DEADLINE_MS)
		_end()
	elif mode == "store" and value > 0 and not pending and not done:
		_store_next()


func _on_received(result: int, id: int) -> void:
	if not check_eq([result, id], [Steam.RESULT_OK, player], "stats_received"):
		_end()
		return
	var got := Steam.getUserStatInt(player, "NumGames")
	if mode == "read":
		print("read %d" % got)
		if count >= 0:
			check_eq(got, count, "NumGames stored by the other process")
			check_eq(Steam.getUserStatFloat(player, "FeetTraveled"), count * 1.5, "FeetTraveled stored by the other process")
			check_eq(Steam.getUserAchievement(player, "ACH_HEAVY_FIRE").get("achieved"), true, "the achievement the other process unlocked")
		_end()
		return
	value = got
	_store_next()


func _store_next() -> void:
	value += 1
	if count >= 0 and value > count:
		check(Steam.setUserAchievement(player, "ACH_HEAVY_FIRE"), "setUserAchievement")
		check(Steam.setUserStatFloat(player, "FeetTraveled", count * 1.5), "setUserStatFloat")
		done = true
	elif not check(Steam.setUserStatInt(player, "NumGames", value), "setUserStatInt %d" % value):
		_end()
		return
	pending = true
	Steam.storeUserStats(player)


func _on_stored(result: int, id: int) -> void:
	if not check_eq([result, id], [Steam.RESULT_OK, player], "stats_stored"):
		_end()
		return
	pending = false
	if done:
		_end()
	else:
		print("stored %d" % value)


func _end() -> void:
	done = true
	Steam.serverShutdown()
	finish()
