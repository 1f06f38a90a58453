## serverInit / serverShutdown, logging on and off, status reads, and how signals are delivered.
extends TestSuite

const PLAYER := 76561197960287930 # an individual account in the public universe
const GROUP := 103582791429521412 # a clan ID
const VERSION_OK := "1.0.0"

# Every method, with arguments that would be valid once the server runs, and what it must return
# before serverInit. "*" means the Dictionary of serverInitEx, whose verbal text varies.
var _ticket_bytes := PackedByteArray()
var BEFORE_INIT := {}


func _init() -> void:
	_ticket_bytes.resize(81)
	_ticket_bytes.fill(2)
	var no_ticket := {"id": 0, "buffer": PackedByteArray(), "ticket_size": 0}
	BEFORE_INIT = {
		"associateWithClan": [[GROUP], null],
		"beginAuthSession": [[_ticket_bytes, PLAYER], 1],
		"cancelServerAuthTicket": [[1], null],
		"cancelAuthTicket": [[1], null],
		"clearAllKeyValues": [[], null],
		"computeNewPlayerCompatibility": [[PLAYER], null],
		"endAuthSession": [[PLAYER], null],
		"getAuthSessionTicket": [[], no_ticket],
		"getServerAuthSessionTicket": [["peer"], no_ticket],
		"getNextOutgoingPacket": [[], {"length": 0, "out": PackedByteArray(), "address": 0, "port": 0}],
		"getPublicIP": [[], {"ipv4": 0, "ipv6": 0, "type": 0}],
		"getSteamID": [[], 0],
		"getServerSteamID": [[], 0],
		"handleIncomingPacket": [[PackedByteArray([255, 255, 255, 255, 0x54]), "127.0.0.1", 27015], {"data": PackedByteArray()}],
		"isServerSecure": [[], false],
		"loggedOn": [[], false],
		"logOff": [[], null],
		"logOn": [["token"], null],
		"logOnAnonymous": [[], null],
		"requestUserGroupStatus": [[PLAYER, GROUP], false],
		"secure": [[], false],
		"serverReleaseCurrentThreadMemory": [[], null],
		"serverShutdown": [[], null],
		"setAdvertiseServerActive": [[true], null],
		"setBotPlayerCount": [[2], null],
		"setDedicatedServer": [[true], null],
		"setGameData": [["data"], null],
		"setGameDescription": [["Spacewar"], null],
		"setGameTags": [["a,b"], null],
		"setHeartbeatInterval": [[30], null],
		"setKeyValue": [["k", "v"], null],
		"setMapName": [["dm_1"], null],
		"setMaxPlayerCount": [[16], null],
		"setModDir": [["spacewar"], null],
		"setPasswordProtected": [[true], null],
		"setProduct": [["480"], null],
		"setRegion": [["eu"], null],
		"setServerName": [["name"], null],
		"setSpectatorPort": [[27020], null],
		"setSpectatorServerName": [["spec"], null],
		"userHasLicenceForApp": [[PLAYER, 480], 2],
		"userHasLicenseForApp": [[PLAYER, 480], 2],
		"wasRestartRequested": [[], false],
		"sendUserConnectAndAuthenticate": [[0x7F000001, _ticket_bytes, PLAYER], false],
		"createUnauthenticatedUserConnection": [[], 0],
		"sendUserDisconnect": [[PLAYER], null],
		"updateUserData": [[PLAYER, "name", 1], false],
		"offlineIssueTicket": [[PLAYER], no_ticket],
		"offlineKickClient": [[PLAYER, 5], null],
		"offlineDenyClient": [[PLAYER, 4], null],
		"offlineAuthSessionResponse": [[PLAYER, 1], null],
		"offlineConnectFailure": [[3, true], null],
		"offlineDisconnect": [[3], null],
		"offlinePolicyResponse": [[true], null],
		"offlineRequestRestart": [[], null],
	}


func _start(mode: int = 2, ip: String = "127.0.0.1", query_port: int = 27016) -> bool:
	return check(Steam.serverInit(ip, 27015, query_port, mode, VERSION_OK), "serverInit(%s, 27015, %d, %d) failed" % [ip, query_port, mode])


## Fields of a Steam ID: [universe, account type, instance, account].
func _decode_id(id: int) -> Array:
	return [(id >> 56) & 0xFF, (id >> 52) & 0xF, (id >> 32) & 0xFFFFF, id & 0xFFFFFFFF]


# ---- serverInit / serverInitEx / initGameServer --------------------------------------------------

func test_server_init_stores_its_arguments() -> void:
	# Query port 65535 (GameSocketShare): a real one would be bound on 192.168.1.20, which this machine may not have.
	check_eq(Steam.serverInit("192.168.1.20", 27015, 65535, 2, "1.2.3"), true, "serverInit with valid arguments")
	var st := Steam.getServerState()
	check_eq(st.initialized, true, "state.initialized after serverInit")
	check_eq(st.backend, "offline", "state.backend in tests")
	check_eq(st.ip, "192.168.1.20", "state.ip")
	check_eq(st.game_port, 27015, "state.game_port")
	check_eq(st.query_port, 65535, "state.query_port")
	check_eq(st.server_mode, 2, "state.server_mode")
	check_eq(st.version, "1.2.3", "state.version")
	check_eq(st.heartbeat_interval, -1, "a fresh server uses Steam's default heartbeat (-1)")
	check_eq(st.key_values, {}, "a fresh server has no rules")
	check_eq(Steam.loggedOn(), false, "a fresh server is not logged on")
	check_eq(Steam.getPublicIP().ipv4, 0xC0A80114, "getPublicIP().ipv4 is the address given to serverInit")


func test_server_init_empty_ip_binds_all_interfaces() -> void:
	check_eq(Steam.serverInit("", 0, 0, 1, ""), true, "serverInit(\"\", 0, 0, 1, \"\")")
	var st := Steam.getServerState()
	check_eq(st.ip, "0.0.0.0", "\"\" means all interfaces")
	check_eq([st.game_port, st.query_port, st.server_mode, st.version], [0, 0, 1, ""], "ports, mode and version")
	check_eq(Steam.getPublicIP().ipv4, 0x7F000001, "offline public IP of a server on all interfaces is 127.0.0.1")


func test_server_init_limits_at_the_edge_are_accepted() -> void:
	check_eq(Steam.serverInit("255.255.255.255", 65535, 65535, 3, "v".repeat(63)), true, "serverInit with the largest valid values")
	var st := Steam.getServerState()
	check_eq([st.ip, st.game_port, st.query_port, st.server_mode, st.version.length()], ["255.255.255.255", 65535, 65535, 3, 63], "stored edge values")


func test_server_init_ex_success() -> void:
	var r := Steam.serverInitEx("0.0.0.0", 27015, 27016, 2, VERSION_OK)
	check_eq(r.keys(), ["status", "verbal"], "serverInitEx keys")
	check_eq(r.get("status"), 0, "serverInitEx status (0 = OK)")
	check(r.get("verbal") is String and not String(r.get("verbal")).is_empty(), "serverInitEx verbal is an empty or non-String message: %s" % var_to_str(r.get("verbal")))
	check_eq(Steam.getServerState().initialized, true, "initialized after serverInitEx")


func test_server_init_refuses_each_bad_argument() -> void:
	# [ip, game_port, query_port, server_mode, version, the argument the message must name]
	var cases := [
		["x", 27015, 27016, 2, VERSION_OK, "ip"],
		["::1", 27015, 27016, 2, VERSION_OK, "ip"],
		["1.2.3", 27015, 27016, 2, VERSION_OK, "ip"],
		["256.0.0.1", 27015, 27016, 2, VERSION_OK, "ip"],
		["127.0.0.1:27015", 27015, 27016, 2, VERSION_OK, "ip"],
		["localhost", 27015, 27016, 2, VERSION_OK, "ip"],
		["127.0.0.1", -1, 27016, 2, VERSION_OK, "game_port"],
		["127.0.0.1", 65536, 27016, 2, VERSION_OK, "game_port"],
		["127.0.0.1", 27015, -1, 2, VERSION_OK, "query_port"],
		["127.0.0.1", 27015, 65536, 2, VERSION_OK, "query_port"],
		["127.0.0.1", 27015, 27016, 0, VERSION_OK, "server_mode"],
		["127.0.0.1", 27015, 27016, 4, VERSION_OK, "server_mode"],
		["127.0.0.1", 27015, 27016, -1, VERSION_OK, "server_mode"],
		["127.0.0.1", 27015, 27016, 2, "v".repeat(64), "version_number"],
		["127.0.0.1", 27015, 27016, 2, "é".repeat(32), "version_number"], # 64 bytes in UTF-8
	]
	for c in cases:
		var what := "serverInit(%s)" % var_to_str(c.slice(0, 5)).left(120)
		var before := Steam.getServerState()
		check_eq(Steam.callv("serverInit", c.slice(0, 5)), false, what)
		check_eq(Steam.getServerState(), before, what + " changed the server state")
		var ex: Dictionary = Steam.callv("serverInitEx", c.slice(0, 5))
		check_eq(ex.get("status"), 1, "serverInitEx status for " + what)
		check(String(ex.get("verbal", "")).contains(c[5]), "serverInitEx verbal does not name %s: %s" % [c[5], ex.get("verbal")])
		check_eq(Steam.getServerState(), before, "serverInitEx for " + what + " changed the server state")
		check_eq(pump(), [], what + " emitted signals")


func test_second_init_is_refused_and_changes_nothing() -> void:
	_start()
	Steam.setMapName("dm_1")
	var id := Steam.getSteamID()
	var before := Steam.getServerState()
	check_eq(Steam.serverInit("10.0.0.1", 1, 2, 3, "2.0"), false, "serverInit while running")
	var ex := Steam.serverInitEx("10.0.0.1", 1, 2, 3, "2.0")
	check_eq(ex.get("status"), 1, "serverInitEx while running")
	check(String(ex.get("verbal", "")).contains("already"), "serverInitEx verbal should say the server is already initialized: %s" % ex.get("verbal"))
	check_eq(Steam.initGameServer({"ip": "10.0.0.1", "game_port": 1, "query_port": 2}, 730, "2.0"), false, "initGameServer while running")
	check_eq(Steam.getServerState(), before, "a refused second init changed the state")
	check_eq(Steam.getSteamID(), id, "a refused second init changed the Steam ID")


func test_shutdown_then_init_again_starts_fresh() -> void:
	_start()
	Steam.setMapName("dm_1")
	Steam.setKeyValue("k", "v")
	Steam.logOnAnonymous()
	pump()
	Steam.serverShutdown()
	var st := Steam.getServerState()
	check_eq(st.initialized, false, "initialized after serverShutdown")
	check_eq(st.map_name, "dm_1", "serverShutdown keeps the last state readable")
	check_eq(Steam.loggedOn(), false, "loggedOn after serverShutdown")
	check_eq(Steam.getSteamID(), 0, "getSteamID after serverShutdown")
	check_eq(pump(), [], "serverShutdown emitted signals (it logs off silently)")
	Steam.serverShutdown() # a second shutdown is refused with an error, nothing else
	check_eq(Steam.getServerState(), st, "a second serverShutdown changed the state")
	check_eq(Steam.serverInit("127.0.0.2", 27017, 27018, 3, "2.0"), true, "serverInit after serverShutdown")
	st = Steam.getServerState()
	check_eq([st.ip, st.game_port, st.query_port, st.server_mode, st.version], ["127.0.0.2", 27017, 27018, 3, "2.0"], "new init arguments")
	check_eq([st.map_name, st.key_values, st.heartbeat_interval], ["", {}, -1], "state from the previous run was not reset")
	check_eq(Steam.loggedOn(), false, "a re-initialized server starts logged off")
	check_eq(_decode_id(Steam.getSteamID())[1], 4, "account type of the re-initialized server's ID")


func test_init_game_server() -> void:
	check_eq(Steam.initGameServer({"ip": "127.0.0.1", "game_port": 27015, "query_port": 27016}, 730, "1.5"), true, "initGameServer with valid connect_data")
	var st := Steam.getServerState()
	check_eq([st.ip, st.game_port, st.query_port, st.server_mode, st.version, st.app_id], ["127.0.0.1", 27015, 27016, 2, "1.5", 730], "initGameServer initializes in mode 2 with the given app")
	Steam.serverShutdown()
	check_eq(Steam.initGameServer({"ip": "", "game_port": 1, "query_port": 65535}, 0, ""), true, "initGameServer with app_id 0")
	check_eq(Steam.getServerState().query_port, 65535, "shared query port")
	Steam.serverShutdown()
	var bad := [
		[{"game_port": 1, "query_port": 2}, 0, "", "connect_data.ip"],
		[{"ip": "127.0.0.1", "query_port": 2}, 0, "", "connect_data.game_port"],
		[{"ip": "127.0.0.1", "game_port": 1}, 0, "", "connect_data.query_port"],
		[{"ip": 1, "game_port": 1, "query_port": 2}, 0, "", "ip must be String"],
		[{"ip": "127.0.0.1", "game_port": "1", "query_port": 2}, 0, "", "game_port"],
		[{"ip": "x", "game_port": 1, "query_port": 2}, 0, "", "ip"],
		[{"ip": "127.0.0.1", "game_port": 70000, "query_port": 2}, 0, "", "game_port"],
		[{"ip": "127.0.0.1", "game_port": 1, "query_port": 2}, -1, "", "app_id"],
		[{"ip": "127.0.0.1", "game_port": 1, "query_port": 2}, 4294967296, "", "app_id"],
		[{"ip": "127.0.0.1", "game_port": 1, "query_port": 2}, 0, "v".repeat(64), "version"],
		[{}, 0, "", "connect_data.ip"],
	]
	for c in bad:
		var before := Steam.getServerState()
		check_eq(Steam.callv("initGameServer", c.slice(0, 3)), false, "initGameServer(%s)" % var_to_str(c.slice(0, 3)).left(100))
		check_eq(Steam.getServerState(), before, "a refused initGameServer changed the state")


# ---- Calls before serverInit ----------------------------------------------------------------------

func test_every_call_before_init_is_refused_with_its_safe_value() -> void:
	var covered := {"serverInit": true, "serverInitEx": true, "initGameServer": true, "run_callbacks": true, "getServerState": true}
	for name in BEFORE_INIT:
		covered[name] = true
		var row: Array = BEFORE_INIT[name]
		var before := Steam.getServerState()
		check_eq(Steam.callv(name, row[0]), row[1], "Steam.%s before serverInit returned" % name)
		check_eq(Steam.getServerState(), before, "Steam.%s before serverInit changed the state" % name)
		check_eq(pump(), [], "Steam.%s before serverInit emitted signals" % name)
	for m in ClassDB.class_get_method_list("Steam", true):
		check(covered.has(m.name), "Steam.%s is not covered by the before-serverInit table" % m.name)
	check_eq(Steam.getServerState().initialized, false, "something initialized the server")


func test_run_callbacks_before_init_does_nothing() -> void:
	var before := Steam.getServerState()
	check_eq(pump(), [], "run_callbacks before serverInit emitted signals")
	check_eq(Steam.callv("run_callbacks", []), null, "run_callbacks returns nothing")
	check_eq(Steam.getServerState(), before, "run_callbacks before serverInit changed the state")


func test_state_read_before_any_change_has_every_key() -> void:
	var keys := ["backend", "initialized", "ip", "game_port", "query_port", "server_mode", "version", "app_id",
		"product", "description", "mod_dir", "dedicated", "max_players", "bot_players", "server_name", "map_name",
		"password_protected", "spectator_port", "spectator_server_name", "game_tags", "game_data", "region",
		"heartbeat_interval", "advertise_active", "key_values"]
	check_eq(Steam.getServerState().keys(), keys, "getServerState keys before serverInit")
	_start()
	check_eq(Steam.getServerState().keys(), keys, "getServerState keys while running")


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
	check_eq(_decode_id(Steam.getSteamID())[1], 4, "the anonymous ID is kept when logOn is called while logged on")


func test_log_on_with_token() -> void:
	_start()
	var anon := Steam.getSteamID()
	Steam.logOn("my-token")
	check_eq(pump(), [["server_connected", []], ["policy_response", [0]]], "logOn signals")
	check_eq(Steam.loggedOn(), true, "loggedOn after logOn")
	var id := Steam.getSteamID()
	var digest := "my-token".sha256_buffer()
	var account := (digest[0] << 24) | (digest[1] << 16) | (digest[2] << 8) | digest[3]
	check_eq(_decode_id(id), [1, 3, 0, account], "logOn(token) ID: [universe, type 3 = GameServer, instance, first 4 bytes of SHA-256(token)]")
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
	var f := _decode_id(id)
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
