## Logging on and off, the status reads, and how signals are delivered.
extends TestSuite

const PLAYER := 76561197960287930 # an individual account in the public universe
const GROUP := 103582791429521412 # a clan ID


func _start(mode: int = 2, ip: String = "127.0.0.1") -> bool:
	return start_server(mode, ip)


# ---- Logging on and off ----------------------------------------------------------------------------

func test_log_on_anonymous_and_log_off_signals() -> void:
	_start(2)
	Steam.logOnAnonymous()
	check_eq(pump(), [["server_connected", []], ["policy_response", [0]]], "logOnAnonymous signals in mode 2")
	check_eq(Steam.loggedOn(), true, "loggedOn after logOnAnonymous")
	Steam.logOff()
	check_eq(pump(), [["server_disconnected", [1]]], "logOff signals (result 1 = OK)")
	check_eq(Steam.loggedOn(), false, "loggedOn after logOff")
	Steam.logOff()
	check_eq(pump(), [], "logOff while logged off emitted signals")


func test_log_on_completes_in_run_callbacks() -> void:
	_start(3)
	Steam.logOnAnonymous()
	check_eq([Steam.loggedOn(), Steam.secure()], [false, false], "connecting: not logged on before run_callbacks, as with Steam")
	var seen_in_handler := []
	var record := func(): seen_in_handler.append([Steam.loggedOn(), Steam.secure()])
	Steam.server_connected.connect(record)
	Steam.run_callbacks()
	Steam.server_connected.disconnect(record)
	check_eq(seen_in_handler, [[true, true]], "loggedOn() and secure() are true in the server_connected handler")
	Steam.logOff()
	pump()
	Steam.logOnAnonymous()
	Steam.logOff()
	check_eq(pump(), [], "logOff while connecting cancels the log-on without signals")
	check_eq(Steam.loggedOn(), false, "loggedOn after a canceled log-on")


func test_log_on_completes_at_the_very_next_run_callbacks() -> void:
	# run_callbacks skips the backend's frame work for up to a second while nothing is due; a
	# log-on must not wait for that pace (a peer would see server_connected only a second later).
	_start(2)
	pump()
	pump()
	Steam.logOnAnonymous()
	check_eq(names_of(pump()), ["server_connected", "policy_response"], "signals at the first run_callbacks after logOnAnonymous")
	check_eq(Steam.loggedOn(), true, "loggedOn after that run_callbacks")


func test_log_on_twice_is_ignored() -> void:
	_start()
	Steam.logOnAnonymous()
	Steam.logOnAnonymous()
	Steam.logOn("token")
	check_eq(names_of(pump()), ["server_connected", "policy_response"], "a second log-on must not reconnect")
	check_eq(decode_id(Steam.getSteamID())[1], 4, "the anonymous ID is kept when logOn is called while logged on")


func test_log_on_with_token() -> void:
	_start()
	var anon := Steam.getSteamID()
	Steam.logOn("my-token")
	check_eq(pump(), [["server_connected", []], ["policy_response", [0]]], "logOn signals")
	check_eq(Steam.loggedOn(), true, "loggedOn after logOn")
	var id := Steam.getSteamID()
	var digest := "my-token".sha256_buffer()
	var account := (digest[0] << 24) | (digest[1] << 16) | (digest[2] << 8) | digest[3]
	check_eq(decode_id(id), [1, 3, 0, account], "logOn(token) ID: [universe, type 3 = GameServer, instance, first 4 bytes of SHA-256(token)]")
	Steam.logOff()
	Steam.logOn("my-token")
	check_eq(Steam.getSteamID(), id, "the same token gives the same Steam ID")
	Steam.logOff()
	Steam.logOnAnonymous()
	check_eq(Steam.getSteamID(), anon, "logOnAnonymous goes back to the anonymous ID generated at serverInit")
	pump()


func test_log_on_token_limits() -> void:
	_start()
	Steam.logOn("")
	check_eq(pump(), [], "logOn(\"\") must be refused (use logOnAnonymous)")
	check_eq(Steam.loggedOn(), false, "loggedOn after logOn(\"\")")
	Steam.logOn("t".repeat(1024))
	check_eq(pump(), [], "a 1024-byte token must be refused")
	check_eq(Steam.loggedOn(), false, "loggedOn after an over-long token")
	Steam.logOn("t".repeat(1023))
	check_eq(names_of(pump()), ["server_connected", "policy_response"], "a 1023-byte token is accepted")


func test_secure_and_policy_response_per_mode() -> void:
	for mode in [1, 2, 3]:
		_start(mode)
		check_eq(Steam.secure(), false, "secure() before log-on in mode %d" % mode)
		Steam.logOnAnonymous()
		check_eq(pump(), [["server_connected", []], ["policy_response", [1 if mode == 3 else 0]]], "log-on signals in mode %d" % mode)
		check_eq(Steam.loggedOn(), true, "loggedOn in mode %d" % mode)
		check_eq(Steam.secure(), mode == 3, "secure() in mode %d" % mode)
		check_eq(Steam.isServerSecure(), Steam.secure(), "isServerSecure() == secure() in mode %d" % mode)
		Steam.logOff()
		pump()
		check_eq(Steam.secure(), false, "secure() after logOff in mode %d" % mode)
		check_eq(Steam.isServerSecure(), false, "isServerSecure() after logOff in mode %d" % mode)
		Steam.serverShutdown()


# ---- Status reads ----------------------------------------------------------------------------------

func test_steam_id_is_a_well_formed_anonymous_server_id() -> void:
	_start()
	var id := Steam.getSteamID()
	var f := decode_id(id)
	check(id > 0, "the server's Steam ID should be a positive int, got %d" % id)
	check_eq(f[0], 1, "universe (bits 56-63) of %d" % id)
	check_eq(f[1], 4, "account type (bits 52-55, 4 = AnonGameServer) of %d" % id)
	check_eq(f[2], 0, "instance (bits 32-51) of %d" % id)
	check(f[3] != 0, "account ID (bits 0-31) must not be 0")
	check_eq(Steam.getServerSteamID(), id, "getServerSteamID() == getSteamID()")
	Steam.logOnAnonymous()
	pump()
	check_eq(Steam.getSteamID(), id, "logOnAnonymous keeps the ID generated at serverInit")
	check_eq(Steam.getServerSteamID(), id, "getServerSteamID() after log-on")


func test_public_ip() -> void:
	_start(2, "0.0.0.0")
	var ip := Steam.getPublicIP()
	check_eq(ip.keys(), ["ipv4", "ipv6", "type"], "getPublicIP keys")
	check_eq(ip, {"ipv4": 0x7F000001, "ipv6": 0, "type": 0}, "getPublicIP on all interfaces (type 0 = IPv4)")


func test_was_restart_requested_and_release_memory() -> void:
	_start()
	check_eq(Steam.wasRestartRequested(), false, "wasRestartRequested offline")
	check_eq(Steam.wasRestartRequested(), false, "wasRestartRequested read twice")
	var before := Steam.getServerState()
	Steam.serverReleaseCurrentThreadMemory()
	check_eq(Steam.getServerState(), before, "serverReleaseCurrentThreadMemory changed the state")
	check_eq(Steam.getServerState().initialized, true, "serverReleaseCurrentThreadMemory shut the server down")


# ---- Signal delivery -------------------------------------------------------------------------------

func test_signals_are_emitted_only_inside_run_callbacks() -> void:
	_start()
	var got := []
	var on_connected := func(): got.append("server_connected")
	var on_policy := func(secure: int): got.append("policy_response %d" % secure)
	Steam.server_connected.connect(on_connected)
	Steam.policy_response.connect(on_policy)
	Steam.logOnAnonymous()
	check_eq(got, [], "signals arrived during logOnAnonymous, before run_callbacks")
	await Engine.get_main_loop().process_frame
	check_eq(got, [], "signals arrived on a frame without run_callbacks")
	Steam.run_callbacks()
	check_eq(got, ["server_connected", "policy_response 0"], "signals delivered by run_callbacks")
	Steam.run_callbacks()
	check_eq(got.size(), 2, "a second run_callbacks delivered the same signals again")
	Steam.server_connected.disconnect(on_connected)
	Steam.policy_response.disconnect(on_policy)


func test_order_is_preserved_across_many_events() -> void:
	_start()
	var want := []
	for i in 100:
		var t := Steam.getAuthSessionTicket()
		want.append(["get_auth_session_ticket_response", [t.id, 1]])
		Steam.associateWithClan(GROUP + i)
		want.append(["associate_clan", [1]])
		check_eq(Steam.requestUserGroupStatus(PLAYER, GROUP + i), true, "requestUserGroupStatus")
		want.append(["client_group_status", [PLAYER, GROUP + i, false, false]])
		Steam.computeNewPlayerCompatibility(PLAYER + i)
		want.append(["player_compat", [1, 0, 0, 0, PLAYER + i]])
	Steam.logOnAnonymous()
	want.append(["server_connected", []])
	want.append(["policy_response", [0]])
	var seen := pump()
	check_eq(seen.size(), want.size(), "number of signals for %d calls" % want.size())
	for i in mini(seen.size(), want.size()):
		if not check_eq(seen[i], want[i], "signal #%d" % i):
			break
	check_eq(pump(), [], "signals left after run_callbacks drained the queue")


func test_signal_raised_by_a_handler_waits_for_the_next_run_callbacks() -> void:
	_start()
	var got := []
	var on_connected := func():
		got.append("connected")
		Steam.getAuthSessionTicket()
	var on_ticket := func(_ticket: int, _result: int): got.append("ticket")
	Steam.server_connected.connect(on_connected)
	Steam.get_auth_session_ticket_response.connect(on_ticket)
	Steam.logOnAnonymous()
	Steam.run_callbacks()
	check_eq(got, ["connected"], "a signal queued by a handler must wait for the next run_callbacks")
	Steam.run_callbacks()
	check_eq(got, ["connected", "ticket"], "the handler's signal on the next run_callbacks")
	Steam.server_connected.disconnect(on_connected)
	Steam.get_auth_session_ticket_response.disconnect(on_ticket)
	pump()
