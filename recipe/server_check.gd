## A dedicated-server check for CI, on the offline backend (GOSTEAM_BACKEND=offline): starts the
## Steam game server on loopback, logs on, lets a player join with an offline ticket, checks the
## verdicts, shuts down and quits by itself: status 0 when every check passed, 1 otherwise.
## Run it with recipe/ci-server-check.sh (see docs/testing-in-ci.md), or by hand:
##   godot --headless --path . res://ci/server_check.tscn -- --seconds 20
## Options after `--`: --port N (game port, default 0: any free one), --query-port N (default 0:
## none), --player STEAM_ID (default Alice below), --verdict N (the validate_auth_ticket_response
## the player must get, default 0 = OK), --seconds N (give up with status 1 after N s, default 20).
## As the main scene it quits; instanced in another scene (a test runner), it only emits done.
extends Node

signal done(ok: bool)

var options := {"port": 0, "query-port": 0, "player": 76561197960287930, "verdict": 0, "seconds": 20}
var passed := 0
var failed := 0
var started := false
var finished := false
var socket := PacketPeerUDP.new() # stands for the game's own socket: loopback only in CI


func _ready() -> void:
	var args := OS.get_cmdline_user_args()
	for i in range(0, args.size() - 1, 2):
		var key := args[i].trim_prefix("--")
		if options.has(key):
			options[key] = int(args[i + 1])
	# Never hang a CI job: give up after options.seconds, whatever is awaited below.
	get_tree().create_timer(options.seconds).timeout.connect(func(): _finish("timed out after %d s" % options.seconds))
	await _run()
	_finish("")


func _process(_delta: float) -> void:
	Steam.run_callbacks() # signals are emitted here


func _run() -> void:
	if not check(socket.bind(options.port, "127.0.0.1") == OK, "bind the game port on 127.0.0.1"):
		return
	var port := socket.get_local_port()
	var init: Dictionary = Steam.serverInitEx("127.0.0.1", port, options["query-port"], Steam.SERVER_MODE_AUTHENTICATION, "1.0.0.0")
	if not check(init.status == 0, "serverInitEx: %s" % init.verbal):
		return
	started = true
	check(Steam.getServerState().backend == "offline", "the offline backend (GOSTEAM_BACKEND=offline)")
	Steam.setModDir("mygame")
	Steam.setProduct("mygame")
	Steam.setGameDescription("My game")
	Steam.setDedicatedServer(true)
	Steam.setMaxPlayerCount(8)
	Steam.logOnAnonymous()
	await Steam.server_connected # at the next run_callbacks
	check(Steam.loggedOn(), "logged on")
	Steam.setServerName("CI server")
	Steam.setAdvertiseServerActive(true)
	print("server_check: server %d on 127.0.0.1:%d, app %d" % [Steam.getSteamID(), port, Steam.getAppID()])

	# A player joins: the ticket is what the player's Steam client would send (same realm key).
	var player: int = options.player
	var ticket: Dictionary = Steam.offlineIssueTicket(player)
	check(Steam.beginAuthSession(ticket.buffer, player) == Steam.BEGIN_AUTH_SESSION_RESULT_OK, "beginAuthSession accepts the ticket")
	var verdict: Array = await Steam.validate_auth_ticket_response # [steam_id, response, owner_id]
	check(verdict[0] == player and verdict[1] == options.verdict,
			"validate_auth_ticket_response %d, want %d (see the offline data file)" % [verdict[1], options.verdict])
	if verdict[1] == Steam.AUTH_SESSION_RESPONSE_OK:
		check(Steam.userHasLicenseForApp(player, Steam.getAppID()) == Steam.USER_HAS_LICENSE_RESULT_HAS_LICENSE, "the player owns the app")
	Steam.endAuthSession(player)

	# A ticket is good once: the replay is refused, and so is a forged one.
	check(Steam.beginAuthSession(ticket.buffer, player) == Steam.BEGIN_AUTH_SESSION_RESULT_OK, "beginAuthSession of the replay")
	verdict = await Steam.validate_auth_ticket_response
	check(verdict[1] == Steam.AUTH_SESSION_RESPONSE_AUTH_TICKET_INVALID_ALREADY_USED, "the replay is refused")
	Steam.endAuthSession(player)
	var forged: PackedByteArray = Steam.offlineIssueTicket(player).buffer
	forged[forged.size() - 1] ^= 1
	check(Steam.beginAuthSession(forged, player) == Steam.BEGIN_AUTH_SESSION_RESULT_INVALID_TICKET, "a forged ticket is refused")


func check(ok: bool, what: String) -> bool:
	if ok:
		passed += 1
	else:
		failed += 1
		printerr("server_check: FAIL ", what)
	return ok


## Shuts the server down and quits with 0 only when every check passed (and there was one).
func _finish(why: String) -> void:
	if finished:
		return
	finished = true
	if why != "":
		check(false, why)
	if started:
		Steam.logOff()
		Steam.serverShutdown()
	socket.close()
	print("server_check: %d passed, %d failed" % [passed, failed])
	set_process(false)
	var ok := failed == 0 and passed > 0
	done.emit(ok)
	if get_tree().current_scene == self:
		get_tree().quit(0 if ok else 1)
