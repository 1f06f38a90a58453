## Game Server Stats offline, as a game's test suite drives them: a stats schema in the offline data
## file, a player authenticated with an offline ticket, requestUserStats -> stats_received, reads and
## sets with every refusal, achievements unlocked by their stat, the average-rate stat, and
## storeUserStats -> stats_stored surviving serverShutdown/serverInit. Stored stats live in the realm's
## store across runs, so each test plays a player of its own (a random account ID).
extends TestSuite

const DATA_FILE := "user://steam_offline_stats_test.json"
const DATA := {
	"stats": {
		"Kills": {"type": "int", "min": 0, "max": 1000, "increment_only": true},
		"Score": {"type": "int", "min": -50, "max": 50, "default": 5},
		"Feet": {"type": "float", "max": 1000000},
		"Speed": {"type": "avgrate", "window": 10},
	},
	"achievements": {
		"TEN_KILLS": {"stat": "Kills", "threshold": 10},
		"SECRET": {},
	},
}

var player := 0


func _start(data: Dictionary = DATA) -> bool:
	if Steam.getServerState().initialized:
		Steam.serverShutdown()
	var r := start_with_data(DATA_FILE, data)
	return check_eq(r.status, 0, "serverInitEx with the stats schema: %s" % r.verbal)


func _new_player() -> int:
	return 76561197960265728 + 1 + randi_range(1, 0x7FFFFFF0)


## Authenticates id with an offline ticket and receives its stats.
func _received(id: int) -> bool:
	check_eq(Steam.beginAuthSession(Steam.offlineIssueTicket(id), id), Steam.BEGIN_AUTH_SESSION_RESULT_OK, "beginAuthSession")
	pump()
	Steam.requestUserStats(id)
	return check_eq(pump(), [["stats_received", [Steam.RESULT_OK, id]]], "requestUserStats of an authenticated player")


func _refused(call: Callable, want: Variant, reason: String, what: String) -> void:
	var got := [null] # lambdas capture by value: the result comes back in the array
	var errors := errors_of(func(): got[0] = call.call())
	check_eq(got[0], want, what)
	check(errors.size() == 1 and reason in errors[0], "%s should print one error with %s, got %s" % [what, reason, errors])


func test_round_trip_survives_a_restart() -> void:
	if not _start():
		return
	player = _new_player()
	_received(player)
	check_eq(Steam.getUserStatInt(player, "Score"), 5, "the schema's default")
	check(Steam.setUserStatInt(player, "Kills", 3), "setUserStatInt")
	check(Steam.setUserStatFloat(player, "Feet", 12.25), "setUserStatFloat")
	check(SteamServer.setUserAchievement(player, "SECRET"), "setUserAchievement on SteamServer")
	check_eq(Steam.getUserStatInt(player, "Kills"), 3, "read back")
	check_eq(SteamServer.getUserStatFloat(player, "Feet"), 12.25, "read back a float")
	Steam.storeUserStats(player)
	check_eq(pump(), [["stats_stored", [Steam.RESULT_OK, player]]], "storeUserStats")
	check(Steam.setUserStatInt(player, "Kills", 4), "a change never stored")
	Steam.serverShutdown()
	_start()
	_received(player)
	check_eq(Steam.getUserStatInt(player, "Kills"), 3, "the stored value after serverShutdown/serverInit")
	check_eq(Steam.getUserStatFloat(player, "Feet"), 12.25, "the stored float")
	check_eq(Steam.getUserAchievement(player, "SECRET"), {"steam_id": player, "retrieved": true, "name": "SECRET", "achieved": true}, "the stored achievement")
	Steam.endAuthSession(player)
	check_eq(pump(), [["stats_unloaded", [player]]], "the session's end unloads the stats")
	Steam.serverShutdown()


func test_achievements_unlock_at_their_threshold() -> void:
	if not _start():
		return
	player = _new_player()
	_received(player)
	check_eq(Steam.getUserAchievement(player, "TEN_KILLS").achieved, false, "locked at first")
	check(Steam.setUserStatInt(player, "Kills", 9), "9 kills")
	check_eq(Steam.getUserAchievement(player, "TEN_KILLS").achieved, false, "still locked at 9")
	check(Steam.setUserStatInt(player, "Kills", 10), "10 kills")
	check_eq(Steam.getUserAchievement(player, "TEN_KILLS").achieved, true, "unlocked at the threshold")
	check(Steam.clearUserAchievement(player, "TEN_KILLS"), "clearUserAchievement")
	check_eq(Steam.getUserAchievement(player, "TEN_KILLS").achieved, false, "cleared")
	Steam.serverShutdown()


func test_average_rate() -> void:
	if not _start():
		return
	player = _new_player()
	_received(player)
	# Window 10: a session shorter than the window keeps the rest of it at the old rate.
	check(Steam.updateUserAvgRateStat(player, "Speed", 30.0, 2.0), "first session")
	check_eq(Steam.getUserStatFloat(player, "Speed"), 3.0, "(30 + 8 * 0) / 10")
	check(Steam.updateUserAvgRateStat(player, "Speed", 10, 5.0), "an int count")
	check_eq(Steam.getUserStatFloat(player, "Speed"), 2.5, "(10 + 5 * 3) / 10")
	check(Steam.updateUserAvgRateStat(player, "Speed", 40.0, 20.0), "a session longer than the window")
	check_eq(Steam.getUserStatFloat(player, "Speed"), 2.0, "40 / 20")
	Steam.serverShutdown()


func test_refusals() -> void:
	if not _start():
		return
	player = _new_player()
	var stranger := _new_player()
	_refused(func(): return Steam.setUserStatInt(stranger, "Kills", 1), false, "no authenticated session", "a player without a session")
	Steam.requestUserStats(stranger)
	check_eq(pump(), [["stats_received", [Steam.RESULT_FAIL, stranger]]], "requestUserStats without a session")
	Steam.storeUserStats(stranger)
	check_eq(pump(), [["stats_stored", [Steam.RESULT_FAIL, stranger]]], "storeUserStats of stats never received")
	check_eq(Steam.beginAuthSession(Steam.offlineIssueTicket(player), player), Steam.BEGIN_AUTH_SESSION_RESULT_OK, "beginAuthSession")
	pump()
	_refused(func(): return Steam.getUserStatInt(player, "Kills"), 0, "were not received yet", "stats not requested")
	Steam.requestUserStats(player)
	pump()
	_refused(func(): return Steam.setUserStatInt(player, "Nope", 1), false, "is not a stat", "an unknown stat")
	_refused(func(): return Steam.getUserAchievement(player, "Nope"), {}, "is not an achievement", "an unknown achievement")
	_refused(func(): return Steam.setUserStatInt(player, "Feet", 1), false, "is a float stat", "an int set on a float stat")
	_refused(func(): return Steam.getUserStatFloat(player, "Kills"), 0.0, "is an int stat", "a float read of an int stat")
	_refused(func(): return Steam.setUserStatFloat(player, "Speed", 1.0), false, "is an avgrate stat", "a set on an avgrate stat")
	_refused(func(): return Steam.setUserStatInt(player, "Kills", 1001), false, "may only hold 0 to 1000", "above max")
	_refused(func(): return Steam.setUserStatInt(player, "Score", -51), false, "may only hold -50 to 50", "below min")
	check(Steam.setUserStatInt(player, "Kills", 5), "5 kills")
	_refused(func(): return Steam.setUserStatInt(player, "Kills", 4), false, "increment-only", "a decrease of an increment-only stat")
	_refused(func(): return Steam.setUserStatInt(player, "Kills", 2147483648), false, "32-bit signed int", "an int beyond int32")
	_refused(func(): return Steam.setUserStatFloat(player, "Feet", NAN), false, "finite number", "NaN")
	_refused(func(): return Steam.setUserStatFloat(player, "Feet", INF), false, "finite number", "infinity")
	_refused(func(): return Steam.setUserStatFloat(player, "Feet", 1e39), false, "32-bit float", "beyond float32")
	_refused(func(): return Steam.updateUserAvgRateStat(player, "Speed", 1.0, 0.0), false, "above 0", "a session of length 0")
	_refused(func(): return Steam.updateUserAvgRateStat(player, "Speed", -INF, 1.0), false, "finite number", "an infinite count")
	_refused(func(): return Steam.setUserAchievement(player, "x".repeat(129)), false, "at most 128", "a name longer than k_cchStatNameMax")
	_refused(func(): return Steam.getUserStatInt(player, ""), 0, "is empty", "an empty name")
	_refused(func(): return Steam.callv("setUserStatFloat", [player, "Feet", "1.5"]), false, "must be float", "a String for a float")
	check_eq(Steam.getUserStatInt(player, "Kills"), 5, "the refusals changed nothing")
	check_eq(pump(), [], "the refusals emitted nothing")
	Steam.serverShutdown()


func test_bad_schema_fails_server_init() -> void:
	if Steam.getServerState().initialized:
		Steam.serverShutdown()
	var f := FileAccess.open(DATA_FILE, FileAccess.WRITE)
	f.store_string(JSON.stringify({"stats": {"A": {"type": "avgrate"}}}))
	f.close()
	OS.set_environment("GOSTEAM_OFFLINE_DATA", ProjectSettings.globalize_path(DATA_FILE))
	var r := Steam.serverInitEx("127.0.0.1", 27015, 0, 2, "1.0")
	OS.unset_environment("GOSTEAM_OFFLINE_DATA")
	check_eq(r.status, 1, "a schema without an avgrate window is refused")
	check("stats.A.window is missing" in r.verbal, "the error names the stat: %s" % r.verbal)
