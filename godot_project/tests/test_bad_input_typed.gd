## Typed (ptrcall) and direct calls with extreme values, where Godot converts arguments before the
## extension sees them, for the calls whose signatures differ (the values: bad_input_base.gd).
extends "bad_input_base.gd"


func test_untyped_variables_in_direct_calls() -> void:
	# A direct call with untyped values goes through the Variant call path, like callv.
	_restart()
	var before := state_without_traffic()
	var v: Variant = null
	Steam.setMapName(v)
	v = 2.5
	Steam.setMaxPlayerCount(v)
	v = "yes"
	Steam.setPasswordProtected(v)
	v = [1]
	Steam.setKeyValue(v, v)
	v = {}
	check_eq(Steam.getAuthSessionTicket(v), no_ticket, "getAuthSessionTicket({})")
	check_eq(Steam.requestUserGroupStatus(v, v), false, "requestUserGroupStatus({}, {})")
	check_eq(Steam.userHasLicenseForApp(v, v), 2, "userHasLicenseForApp({}, {})")
	check_eq(Steam.serverInit(v, v, v, v, v), false, "serverInit({}, ...) while running")
	check_eq(state_without_traffic(), before, "refused direct calls changed the state")
	check_eq(pump(), [], "refused direct calls emitted signals")


func test_extremes_through_typed_calls() -> void:
	# Typed arguments take Godot's ptrcall path, where Godot has already converted each value.
	_restart()
	var before := state_without_traffic()
	Steam.associateWithClan(0)
	check_eq(Steam.beginAuthSession(PackedByteArray(), PLAYER), 1, "beginAuthSession(empty bytes)")
	check_eq(Steam.beginAuthSession(bytes_64k, PLAYER), 1, "beginAuthSession(64 KB)")
	check_eq(Steam.beginAuthSession(garbage_ticket, MAX_INT), 1, "beginAuthSession(..., max int)")
	check_eq(Steam.beginAuthSession(garbage_ticket, MIN_INT), 1, "beginAuthSession(..., min int)")
	Steam.cancelServerAuthTicket(MAX_INT)
	Steam.cancelAuthTicket(MIN_INT)
	Steam.computeNewPlayerCompatibility(MIN_INT)
	Steam.endAuthSession(MAX_INT)
	check_eq(Steam.handleIncomingPacket(bytes_64k, "127.0.0.1", 27005), not_taken, "handleIncomingPacket(64 KB)")
	check_eq(Steam.handleIncomingPacket(a2s_info, big_string, 27005), not_taken, "handleIncomingPacket with a 1 MB ip")
	check_eq(Steam.handleIncomingPacket(a2s_info, "127.0.0.1", MAX_INT), not_taken, "handleIncomingPacket with port max int")
	check_eq(Steam.handleIncomingPacket(a2s_info, "127.0.0.1", MIN_INT), not_taken, "handleIncomingPacket with port min int")
	Steam.logOn(big_string)
	check_eq(Steam.requestUserGroupStatus(MAX_INT, MIN_INT), false, "requestUserGroupStatus(max, min)")
	Steam.setBotPlayerCount(MIN_INT)
	Steam.setGameData(big_string)
	Steam.setGameDescription(big_string)
	Steam.setGameTags(big_string)
	Steam.setHeartbeatInterval(MAX_INT)
	Steam.setKeyValue(big_string, "v")
	Steam.setKeyValue("k", big_string)
	Steam.setMapName(big_string)
	Steam.setMaxPlayerCount(MAX_INT)
	Steam.setModDir(big_string)
	Steam.setProduct(big_string)
	Steam.setRegion(big_string)
	Steam.setServerName(big_string)
	Steam.setSpectatorPort(MIN_INT)
	Steam.setSpectatorServerName(big_string)
	check_eq(Steam.userHasLicenceForApp(MIN_INT, MAX_INT), 2, "userHasLicenceForApp(min, max)")
	check_eq(Steam.userHasLicenseForApp(PLAYER, MIN_INT), 2, "userHasLicenseForApp(player, min)")
	check_eq(Steam.serverInit(big_string, MAX_INT, MIN_INT, MAX_INT, big_string), false, "serverInit with extremes while running")
	check_eq(Steam.initGameServer({"ip": big_string, "game_port": MAX_INT, "query_port": MIN_INT}, MAX_INT, big_string), false, "initGameServer with extremes while running")
	check_eq(state_without_traffic(), before, "refused typed calls changed the state")
	check_eq(pump(), [], "refused typed calls emitted signals")
	check_eq(Steam.loggedOn(), false, "logOn with a 1 MB token logged on")


func test_identity_reference_may_be_anything_textual() -> void:
	# identity_reference is accepted for compatibility and ignored offline, whatever its length.
	_restart()
	var t := Steam.getAuthSessionTicket(big_string)
	check(t.id > 0, "getAuthSessionTicket with a 1 MB identity_reference should still issue a ticket")
	check_eq(t.ticket_size, 81, "ticket size")
	check_eq(names_of(pump()), ["get_auth_session_ticket_response"], "signals for the ticket")


func test_init_with_extremes_before_init() -> void:
	if Steam.getServerState().initialized:
		Steam.serverShutdown()
	var before := state_without_traffic()
	check_eq(Steam.serverInit("127.0.0.1", MAX_INT, 27016, 2, "1.0"), false, "serverInit(game_port max int)")
	check_eq(Steam.serverInit("127.0.0.1", 27015, MIN_INT, 2, "1.0"), false, "serverInit(query_port min int)")
	check_eq(Steam.serverInit("127.0.0.1", 27015, 27016, MAX_INT, "1.0"), false, "serverInit(mode max int)")
	check_eq(Steam.serverInit("127.0.0.1", 27015, 27016, 4294967298, "1.0"), false, "serverInit(mode 2^32 + 2) must not wrap to 2")
	check_eq(Steam.serverInit("127.0.0.1", 65536 + 27015, 27016, 2, "1.0"), false, "serverInit(game_port 65536 + 27015) must not wrap")
	check_eq(Steam.serverInit("127.0.0.1", 27015, 27016, 2, big_string), false, "serverInit(1 MB version)")
	check_eq(Steam.serverInitEx("127.0.0.1", 27015, 27016, 2, big_string).get("status"), 1, "serverInitEx(1 MB version)")
	check_eq(Steam.initGameServer({"ip": "127.0.0.1", "game_port": 27015, "query_port": 27016}, MAX_INT, "1.0"), false, "initGameServer(app_id max int)")
	check_eq(Steam.initGameServer({"ip": "127.0.0.1", "game_port": 4294967296 + 27015, "query_port": 27016}, 480, "1.0"), false, "initGameServer(game_port 2^32 + 27015) must not wrap")
	check_eq(state_without_traffic(), before, "refused inits changed the state")


func test_steamserver_signatures_with_extremes() -> void:
	# SteamServer's own signatures (GodotSteam Server 4's), through typed calls.
	_restart()
	var before := state_without_traffic()
	check_eq(SteamServer.beginAuthSession(garbage_ticket, 0, PLAYER), 1, "beginAuthSession(ticket_size 0)")
	check_eq(SteamServer.beginAuthSession(garbage_ticket, 82, PLAYER), 1, "beginAuthSession(ticket_size past the ticket)")
	check_eq(SteamServer.beginAuthSession(garbage_ticket, MIN_INT, PLAYER), 1, "beginAuthSession(ticket_size min int)")
	check_eq(SteamServer.beginAuthSession(bytes_64k, MAX_INT, PLAYER), 1, "beginAuthSession(64 KB, max int)")
	check_eq(SteamServer.beginAuthSession(garbage_ticket, 81, MIN_INT), 1, "beginAuthSession(..., min int Steam ID)")
	check_eq(SteamServer.getAuthSessionTicket(MAX_INT), no_ticket, "getAuthSessionTicket(max int)")
	check_eq(SteamServer.getAuthSessionTicket(-1), no_ticket, "getAuthSessionTicket(-1)")
	SteamServer.setModDir(big_string)
	check_eq(state_without_traffic(), before, "refused SteamServer calls changed the state")
	check_eq(pump(), [], "refused SteamServer calls emitted signals")


func test_workshop_arrays_and_extremes_through_typed_calls() -> void:
	# The Workshop's Array, account and range arguments, on an open query that was not sent.
	_restart()
	var h := SteamServer.createQueryUGCDetailsRequest([1001])
	check(h != SteamServer.UGC_QUERY_HANDLE_INVALID, "a query to shape")
	var many := []
	many.resize(1025)
	many.fill("map")
	check_eq(SteamServer.addRequiredTagGroup(h, [big_string]), false, "addRequiredTagGroup with a 1 MB tag")
	check_eq(SteamServer.addRequiredTagGroup(h, ["map", 1]), false, "addRequiredTagGroup with an int among the tags")
	check_eq(SteamServer.addRequiredTagGroup(h, many), false, "addRequiredTagGroup with 1025 tags, more than are read")
	check_eq(SteamServer.addRequiredTagGroup(h, [&"map", "pvp"]), true, "addRequiredTagGroup with a StringName and a String")
	check_eq(SteamServer.createQueryUserUGCRequest(MAX_INT, 0, 0, 0, 0, 480, 1), SteamServer.UGC_QUERY_HANDLE_INVALID, "createQueryUserUGCRequest(account max int)")
	check_eq(SteamServer.createQueryUserUGCRequest(MIN_INT, 0, 0, 0, 0, 480, 1), SteamServer.UGC_QUERY_HANDLE_INVALID, "createQueryUserUGCRequest(account min int)")
	check_eq(SteamServer.createQueryUserUGCRequest(1, 0, 0, 0, MAX_INT, 480, 1), SteamServer.UGC_QUERY_HANDLE_INVALID, "createQueryUserUGCRequest(creator max int)")
	check_eq(SteamServer.setTimeCreatedDateRange(h, MIN_INT, 10), false, "setTimeCreatedDateRange(min int)")
	check_eq(SteamServer.setTimeUpdatedDateRange(h, 0, U32 + 1), false, "setTimeUpdatedDateRange(end 2^32) must not wrap to 0")
	check_eq(SteamServer.setReturnPlaytimeStats(h, -1), false, "setReturnPlaytimeStats(-1)")
	check_eq(SteamServer.setLanguage(h, big_string), false, "setLanguage(1 MB)")
	check_eq(SteamServer.setItemTags(MAX_INT, [big_string], true), false, "setItemTags, a player's call")
	SteamServer.startPlaytimeTracking(many)
	check_eq(pump(), [], "refused Workshop calls emitted signals")
