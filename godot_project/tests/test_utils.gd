## GodotSteam Server 4's Utils offline, on both classes: answers from the server's own state (the
## app, the clock, the data file's ip_country, how long the extension has been loaded), text
## filtering that passes text through, the async calls' handles and their steam_api_call_completed,
## no images, and the calls about a player's Steam client refused with their message and value.
extends TestSuite

const API := preload("res://tests/api_table.gen.gd")
const DATA_FILE := "user://steam_offline_utils_test.json"
const PLAYER := 76561197960287930
const GROUP := 103582791429521412


## Calls name on cls and checks it returns want and prints exactly one error holding reason.
func _refused(cls: String, name: String, args: Array, want: Variant, reason: String) -> void:
	var got := [null] # lambdas capture by value: the result comes back in the array
	var errors := errors_of(func(): got[0] = Engine.get_singleton(cls).callv(name, args))
	var what := "%s.%s(%s)" % [cls, name, ", ".join(args.map(var_to_str))]
	check_eq(got[0], want, what)
	check(errors.size() == 1 and ("%s.%s: %s" % [cls, name, reason]) in errors[0],
		"%s should print one error \"%s.%s: %s\", got %s" % [what, cls, name, reason, errors])


func test_answers_from_the_servers_state() -> void:
	var r := start_with_data(DATA_FILE, {"ip_country": "SE"})
	if not check_eq(r.status, 0, "serverInitEx with ip_country: %s" % r.verbal):
		return
	for cls in API.CLASSES:
		var s := Engine.get_singleton(cls)
		check_eq(s.getAppID(), 480, "%s.getAppID(): Spacewar, the offline default" % cls)
		var now := int(Time.get_unix_time_from_system())
		check(absi(s.getServerRealTime() - now) <= 2, "%s.getServerRealTime() %d is not Unix time (%d)" % [cls, s.getServerRealTime(), now])
		check_eq(s.getIPCountry(), "SE", "%s.getIPCountry(): the data file's ip_country" % cls)
		check_eq(s.getCurrentBatteryPower(), 255, "%s.getCurrentBatteryPower(): 255, on AC power" % cls)
		check_eq(s.getSteamUILanguage(), "english", "%s.getSteamUILanguage()" % cls)
		check_eq(s.initFilterText(), true, "%s.initFilterText()" % cls)
		check_eq(s.filterText(Steam.TEXT_FILTERING_CONTEXT_CHAT, PLAYER, "gg you donkey ☃"), "gg you donkey ☃",
			"%s.filterText: the text unchanged offline" % cls)
		check_eq(s.filterText(Steam.TEXT_FILTERING_CONTEXT_NAME, 0, ""), "", "%s.filterText of an empty name by nobody" % cls)
	check_eq(pump(true), [], "the reads emitted signals")


func test_country_defaults_to_none_and_is_checked() -> void:
	var r := start_with_data(DATA_FILE, {})
	check_eq([r.status, Steam.getIPCountry()], [0, ""], "no ip_country: no country, as there is no IP lookup offline")
	Steam.serverShutdown()
	for bad in ["se", "SWE", 46]:
		r = start_with_data(DATA_FILE, {"ip_country": bad})
		check(r.status != 0 and "ip_country" in r.verbal, "ip_country %s should fail serverInitEx naming the key, got %s" % [var_to_str(bad), r])
		check_eq(Steam.getServerState().initialized, false, "a bad ip_country started the server")


## Counted from when the extension loaded (the engine's start, at most), not from serverInit.
func test_seconds_since_app_active() -> void:
	if not start_server():
		return
	var loaded_at_most := Time.get_ticks_msec() / 1000 + 1
	var app: int = Steam.getSecondsSinceAppActive()
	check(app >= 0 and app <= loaded_at_most, "getSecondsSinceAppActive() %d, the engine has run %d s" % [app, loaded_at_most])
	check(absi(SteamServer.getSecondsSinceComputerActive() - app) <= 1, "getSecondsSinceComputerActive() is the same count offline")
	Steam.serverShutdown()
	OS.delay_msec(1100) # a timer may fire early: its frames' deltas are not wall time
	start_server()
	check(Steam.getSecondsSinceAppActive() >= app + 1, "serverInit restarted the count: %d after %d" % [Steam.getSecondsSinceAppActive(), app])


## The calls given to the backend since the last ask (cached answers, which C gives itself, are none).
func test_ipc_call_count() -> void:
	if not start_server():
		return
	Steam.getIPCCallCount()
	Steam.getIPCountry()
	SteamServer.getServerRealTime()
	Steam.getPublicIP()
	check_eq(Steam.getIPCCallCount(), 3, "three calls since the last getIPCCallCount")
	check_eq(SteamServer.getIPCCallCount(), 0, "none since")


## Offline an async call completes as it is made; run_callbacks emits steam_api_call_completed with
## its handle, its result's callback ID and size, then the result, on both singletons.
func test_async_calls_and_their_notices() -> void:
	if not start_server():
		return
	for cls in API.CLASSES:
		var s := Engine.get_singleton(cls)
		check_eq(s.isAPICallCompleted(), {"completed": false, "failed": false}, "%s.isAPICallCompleted() before any call" % cls)
		check_eq(s.getAPICallFailureReason(), "The SteamAPICall_t handle passed in no longer exists.", "%s.getAPICallFailureReason() before any call" % cls)
	var on_server := []
	var record := func(handle: int, callback: int, size: int): on_server.append([handle, callback, size])
	SteamServer.steam_api_call_completed.connect(record)
	Steam.associateWithClan(GROUP)
	check_eq(SteamServer.isAPICallCompleted(), {"completed": true, "failed": false}, "completed before run_callbacks delivers it")
	check_eq(Steam.getAPICallFailureReason(), "No failure.", "an offline call does not fail")
	Steam.computeNewPlayerCompatibility(PLAYER)
	SteamServer.requestUserStats(PLAYER) # no session: RESULT_FAIL, still a completed call
	Steam.requestUserGroupStatus(PLAYER, GROUP) # a callback, not a call result: no notice
	var seen := pump(true)
	SteamServer.steam_api_call_completed.disconnect(record)
	if not check_eq(seen.size(), 7, "signals: %s" % var_to_str(seen)):
		return
	var first: int = seen[0][1][0]
	check(first != 0, "the first call's handle is 0")
	check_eq(seen, [
		["steam_api_call_completed", [first, 210, 4]], ["associate_clan", [Steam.RESULT_OK]],
		["steam_api_call_completed", [first + 1, 211, 24]], ["player_compat", [Steam.RESULT_OK, 0, 0, 0, PLAYER]],
		["steam_api_call_completed", [first + 2, 1800, 12]], ["stats_received", [Steam.RESULT_FAIL, PLAYER]],
		["client_group_status", [PLAYER, GROUP, false, false]],
	], "each call result after its notice (GSStatsReceived_t is 12 bytes on Linux)")
	check_eq(on_server, [[first, 210, 4], [first + 1, 211, 24], [first + 2, 1800, 12]], "SteamServer.steam_api_call_completed")
	check_eq(pump(), [], "pump() leaves the notices out for the other suites")


func test_no_images_offline() -> void:
	for cls in API.CLASSES:
		_refused(cls, "getImageSize", [1], {"success": false, "width": 0, "height": 0}, "the game server is not initialized")
	if not start_server():
		return
	for cls in API.CLASSES:
		_refused(cls, "getImageSize", [1], {"success": false, "width": 0, "height": 0}, "the offline backend has no images")
		_refused(cls, "getImageRGBA", [-1], {"success": false}, "the offline backend has no images")
		_refused(cls, "getImageRGBA", [1 << 31], {"success": false}, "image must be a Steam image handle (a 32-bit int)")
	check_eq(pump(true), [], "refused image reads emitted signals")


func test_filter_text_refusals() -> void:
	if not start_server():
		return
	for cls in API.CLASSES:
		_refused(cls, "filterText", [4, PLAYER, "x"], "", "context must be a TextFilteringContext value, got 4")
		_refused(cls, "filterText", [0, 5, "x"], "", "steam_id must be 0 (no author) or a valid Steam ID")


## Every call about a player's Steam client, with arguments of the right types, before and after
## serverInit: one error with its own message, its value, nothing changed, no signal.
func test_client_calls_are_refused_with_their_message() -> void:
	var defaults := {TYPE_BOOL: true, TYPE_INT: 1, TYPE_STRING: "text"}
	for running in [false, true]:
		if running and not start_server():
			return
		for cls in API.CLASSES:
			for name in API.CLIENT_CALLS:
				var args: Array = API.METHODS[name].args.map(func(a): return defaults[a[1]])
				var before := state_without_traffic()
				_refused(cls, name, args, API.CLIENT_CALLS[name][1], API.CLIENT_CALLS[name][0])
				check_eq(state_without_traffic(), before, "%s.%s changed the state" % [cls, name])
		check_eq(pump(true), [], "refused client calls emitted signals")
	check_eq(API.CLIENT_CALLS.size(), 16, "the client calls of GodotSteam Server 4's Utils")
	# A wrong type is the argument's error, not the client call's.
	_refused("Steam", "setGameLauncherMode", [[]], null, "mode must be bool, got Array")
