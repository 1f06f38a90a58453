## Run by ./build.sh test against the real libsteam_api.so, outside the offline suite. The user
## argument says what serverInit must do in that run:
##   steam-failure: GOSTEAM_STEAM_API names the library and no Steam client is installed, so the
##                  library's own init fails; every entry point reports its message, and the
##                  singleton stays usable (GOSTEAM_BACKEND=steamworks, and auto, which must not
##                  replace the failure with offline).
##   offline:       auto with no library anywhere: the offline backend takes over.
extends "check_scene.gd"

const INIT := ["0.0.0.0", 27015, 27016, 2, "1.0.0.0"]


func _ready() -> void:
	var expect: String = Array(OS.get_cmdline_user_args()).front() if not OS.get_cmdline_user_args().is_empty() else ""
	print("real Steam check: expecting ", expect, " (GOSTEAM_BACKEND=", OS.get_environment("GOSTEAM_BACKEND"), ")")
	match expect:
		"steam-failure":
			_steam_failure()
		"offline":
			_offline_fallback()
		_:
			check(false, "unknown expectation '%s' (steam-failure or offline)" % expect)
	finish()


func _steam_failure() -> void:
	for attempt in 2:
		var r: Dictionary = Steam.callv("serverInitEx", INIT)
		print("serverInitEx attempt %d: %s" % [attempt + 1, r])
		check(r.keys() == ["status", "verbal"], "serverInitEx keys: %s" % [r.keys()])
		check(r.get("status", 0) != 0, "serverInitEx status is %s, want a failure" % r.get("status"))
		var verbal: String = r.get("verbal", "")
		check(verbal.contains("Failed to load module") and verbal.contains("steamclient.so"),
			"serverInitEx verbal '%s' is not the library's message" % verbal)
		check(not Steam.getServerState().initialized, "initialized after a failed serverInitEx")
	# serverInit prints the same message as an error (build.sh checks the log) and returns false.
	check(Steam.callv("serverInit", INIT) == false, "serverInit returned true without a Steam client")
	check(Steam.initGameServer({"ip": "0.0.0.0", "game_port": 27015, "query_port": 27016}, 480, "1.0.0.0") == false,
		"initGameServer returned true without a Steam client")
	# Nothing runs, and every call stays safe.
	var st: Dictionary = Steam.getServerState()
	check(st.initialized == false and st.backend == "", "state after failures: %s" % [st])
	check(Steam.loggedOn() == false and Steam.getSteamID() == 0, "status reads after failures")
	Steam.run_callbacks()


func _offline_fallback() -> void:
	check(Steam.callv("serverInit", INIT) == true, "serverInit with no libsteam_api.so anywhere")
	check(Steam.getServerState().backend == "offline", "backend is '%s', want offline" % Steam.getServerState().backend)
	Steam.logOnAnonymous()
	Steam.run_callbacks()
	check(Steam.loggedOn(), "offline log-on")
	Steam.serverShutdown()
