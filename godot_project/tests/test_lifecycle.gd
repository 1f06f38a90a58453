## serverInit / serverShutdown and what every call does before serverInit (logging on, status reads
## and signal delivery: test_log_on.gd).
extends TestSuite

const PLAYER := 76561197960287930 # an individual account in the public universe
const GROUP := 103582791429521412 # a clan ID
const VERSION_OK := "1.0.0"
const API := preload("res://tests/api_table.gen.gd")
const BadInput := preload("res://tests/bad_input_base.gd")

# Every method, with arguments that would be valid once the server runs, and what it must return
# before serverInit. "*" means the Dictionary of serverInitEx, whose verbal text varies.
var _ticket_bytes := PackedByteArray()
var BEFORE_INIT := {}


func _init() -> void:
	_ticket_bytes.resize(81)
	_ticket_bytes.fill(2)
	var no_ticket := {"id": 0, "buffer": PackedByteArray(), "size": 0, "ticket_size": 0}
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
		"getAppID": [[], 0],
		"clearUserAchievement": [[PLAYER, "ACH"], false],
		"getUserAchievement": [[PLAYER, "ACH"], {}],
		"getUserStatFloat": [[PLAYER, "Feet"], 0.0],
		"getUserStatInt": [[PLAYER, "Kills"], 0],
		"requestUserStats": [[PLAYER], null],
		"setUserAchievement": [[PLAYER, "ACH"], false],
		"setUserStatFloat": [[PLAYER, "Feet", 1.5], false],
		"setUserStatInt": [[PLAYER, "Kills", 1], false],
		"storeUserStats": [[PLAYER], null],
		"updateUserAvgRateStat": [[PLAYER, "Speed", 1.0, 1.0], false],
		"initWorkshopForGameServer": [[480, ProjectSettings.globalize_path("user://before_init_workshop")], false],
		"createQueryAllUGCRequest": [[0, 0, 0, 480, 1], -1],
		"createQueryUGCDetailsRequest": [[[1001]], -1],
		"addRequiredTag": [[1, "map"], false],
		"addExcludedTag": [[1, "map"], false],
		"addRequiredKeyValueTag": [[1, "k", "v"], false],
		"setSearchText": [[1, "x"], false],
		"setAllowCachedResponse": [[1, 10], false],
		"setRankedByTrendDays": [[1, 7], false],
		"sendQueryUGCRequest": [[1], null],
		"getQueryUGCResult": [[1, 0], {}],
		"releaseQueryUGCRequest": [[1], false],
		"getQueryUGCNumTags": [[1, 0], 0],
		"getQueryUGCTag": [[1, 0, 0], ""],
		"getQueryUGCNumKeyValueTags": [[1, 0], 0],
		"getQueryUGCMetadata": [[1, 0], ""],
		"getQueryUGCPreviewURL": [[1, 0], ""],
		"downloadItem": [[1001, true], false],
		"getItemDownloadInfo": [[1001], {"ret": false}],
		"getItemInstallInfo": [[1001], {"ret": false}],
		"getItemState": [[1001], 0],
		"getNumSubscribedItems": [[], 0],
		"getSubscribedItems": [[], []],
		"createCookieContainer": [[true], 0],
		"createHTTPRequest": [[1, "http://127.0.0.1:9/"], 0],
		"getHTTPDownloadProgressPct": [[1], 0.0],
		"getHTTPResponseBodyData": [[1, 16], PackedByteArray()],
		"getHTTPResponseBodySize": [[1], 0],
		"getHTTPResponseHeaderSize": [[1, "Content-Type"], 0],
		"getHTTPResponseHeaderValue": [[1, "Content-Type", 16], PackedByteArray()],
		"getHTTPStreamingResponseBodyData": [[1, 0, 16], PackedByteArray()],
		"setHTTPCookie": [[1, "127.0.0.1", "/", "a=b"], false],
		"setHTTPRequestAbsoluteTimeoutMS": [[1, 1000], false],
		"setHTTPRequestContextValue": [[1, 5], false],
		"setHTTPRequestCookieContainer": [[1, 1], false],
		"setHTTPRequestGetOrPostParameter": [[1, "k", "v"], false],
		"setHTTPRequestHeaderValue": [[1, "X-Test", "v"], false],
		"setHTTPRequestNetworkActivityTimeout": [[1, 60], false],
		"setHTTPRequestRawPostBody": [[1, "text/plain", "body"], false],
		"setHTTPRequestRequiresVerifiedCertificate": [[1, true], false],
		"setHTTPRequestUserAgentInfo": [[1, "game/1"], false],
		"filterText": [[2, PLAYER, "hello"], ""],
		"getAPICallFailureReason": [[], ""],
		"getCurrentBatteryPower": [[], 0],
		"getImageRGBA": [[1], {"success": false}],
		"getImageSize": [[1], {"success": false, "width": 0, "height": 0}],
		"getIPCCallCount": [[], 0],
		"getIPCountry": [[], ""],
		"getSecondsSinceAppActive": [[], 0],
		"getSecondsSinceComputerActive": [[], 0],
		"getServerRealTime": [[], 0],
		"getSteamUILanguage": [[], ""],
		"initFilterText": [[], false],
		"isAPICallCompleted": [[], {"completed": false, "failed": false}],
		# Utils about a player's Steam client are refused before serverInit as after it.
		"setGameLauncherMode": [[true], null],
		"setOverlayNotificationInset": [[10, 10], null],
		"setOverlayNotificationPosition": [[1], null],
		"setVRHeadsetStreamingEnabled": [[true], null],
		"showFloatingGamepadTextInput": [[0, 0, 0, 100, 20], false],
		"showGamepadTextInput": [[0, 0, "Name", 32, ""], false],
		"createQueryUserUGCRequest": [[1, 0, 0, 0, 0, 480, 1], -1],
		"addRequiredTagGroup": [[1, ["map"]], false],
		"setTimeCreatedDateRange": [[1, 0, 10], false],
		"setTimeUpdatedDateRange": [[1, 0, 10], false],
		"setReturnPlaytimeStats": [[1, 7], false],
		"setLanguage": [[1, "english"], false],
		"setCloudFileNameFilter": [[1, "map.bin"], false],
		"getQueryUGCTagDisplayName": [[1, 0, 0], ""],
		"getQueryUGCKeyValueTag": [[1, 0, 0], {}],
		"getQueryUGCAdditionalPreview": [[1, 0, 0], {}],
		"getSupportedGameVersionData": [[1, 0, 0], {}],
		"getQueryUGCChildren": [[1, 0, 5], {}],
		"getQueryUGCContentDescriptors": [[1, 0, 5], {}],
		"getQueryUGCStatistic": [[1, 0, 0], {}],
		"getQueryUGCNumAdditionalPreviews": [[1, 0], 0],
		"getNumSupportedGameVersions": [[1, 0], 0],
		"suspendDownloads": [[true], null],
		"getAppDependencies": [[1001], null],
		"addPromoItem": [[120], -1],
		"addPromoItems": [[[120]], -1],
		"checkResultSteamID": [[PLAYER, 1], false],
		"consumeItem": [[1, 1], -1],
		"deserializeResult": [[_ticket_bytes], -1],
		"destroyResult": [[1], null],
		"exchangeItems": [[[110], [], [1], []], -1],
		"generateItems": [[[100], [2]], -1],
		"getAllItems": [[], -1],
		"getItemDefinitionProperty": [[100, "name"], {"property": "", "success": false}],
		"getItemsByID": [[[1]], -1],
		"getItemPrice": [[100], {}],
		"getItemsWithPrices": [[], []],
		"getResultItemProperty": [[0, "dynamic_props", 1], ""],
		"getResultItems": [[1], []],
		"getResultStatus": [[1], 2],
		"getResultTimestamp": [[1], 0],
		"grantPromoItems": [[], -1],
		"loadItemDefinitions": [[], false],
		"requestEligiblePromoItemDefinitionsIDs": [[PLAYER], null],
		"requestPrices": [[], null],
		"serializeResult": [[1], PackedByteArray()],
		"startPurchase": [[[100], []], null],
		"transferItemQuantity": [[5, 1, 7, false], -1],
		"triggerItemDrop": [[10], -1],
		"startUpdateProperties": [[], null],
		"submitUpdateProperties": [[1], -1],
		"removeProperty": [[1, "level", 1], false],
		"setPropertyString": [[1, "level", "v", 1], false],
		"setPropertyBool": [[1, "level", true, 1], false],
		"setPropertyInt": [[1, "level", 3, 1], false],
		"setPropertyFloat": [[1, "level", 1.5, 1], false],
		"offlineInventoryUser": [[PLAYER], null],
	}
	for client in API.CLIENT_CALLS:
		if API.METHODS[client].args.is_empty():
			BEFORE_INIT[client] = [[], API.CLIENT_CALLS[client][1]]
	for flag in ["setMatchAnyTag", "setReturnKeyValueTags", "setReturnMetadata", "setReturnLongDescription", "setReturnChildren",
			"setReturnTotalOnly", "setReturnOnlyIDs", "setReturnAdditionalPreviews", "setAdminQuery"]:
		BEFORE_INIT[flag] = [[1, true], false]
	for handle_only in ["deferHTTPRequest", "prioritizeHTTPRequest", "releaseHTTPRequest", "sendHTTPRequest",
			"sendHTTPRequestAndStreamResponse", "getHTTPRequestWasTimedOut", "releaseCookieContainer"]:
		BEFORE_INIT[handle_only] = [[1], false]
	# The player's Workshop calls are refused before serverInit as after it.
	for name in BadInput.PLAYER_CALLS:
		BEFORE_INIT[name] = [BadInput.player_call_args(name), BadInput.PLAYER_CALLS[name]]
	# Networking Sockets (and the Messages calls beside them): refused with their safe values.
	var net_rows := BadInput.NetRows.rows(PLAYER)
	for name in net_rows:
		BEFORE_INIT[name] = [net_rows[name].args.map(func(a): return a[a.size() - 1]), net_rows[name].safe]
	# The Steam ID tests need no game server: before serverInit they answer as ever.
	for test in ["isAnonAccount", "isAnonUserAccount", "isChatAccount", "isClanAccount", "isConsoleUserAccount", "isLobby"]:
		BEFORE_INIT[test] = [[PLAYER], false]
	BEFORE_INIT["isIndividualAccount"] = [[PLAYER], true]
	BEFORE_INIT["isSteamIDValid"] = [[PLAYER], true]
	BEFORE_INIT["getSteamID32"] = [[PLAYER], PLAYER & 0xFFFFFFFF]
	BEFORE_INIT["get_godotsteam_version"] = [[], "4.5.1-gosteam"]
	# GodotSteam Server 4's current inventory handles need no game server (none is current before serverInit).
	BEFORE_INIT["set_inventory_handle"] = [[0], null]
	BEFORE_INIT["set_inventory_update_handle"] = [[0], null]
	BEFORE_INIT["get_inventory_handle"] = [[], 0]
	BEFORE_INIT["get_inventory_update_handle"] = [[], 0]


func _start(mode: int = 2, ip: String = "127.0.0.1", query_port: int = 27016) -> bool:
	return start_server(mode, ip, query_port, VERSION_OK)


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
	check_eq(decode_id(Steam.getSteamID())[1], 4, "account type of the re-initialized server's ID")


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
	# SteamServer's beginAuthSession and getAuthSessionTicket take GodotSteam Server 4's arguments.
	var server_rows := {"beginAuthSession": [[_ticket_bytes, 81, PLAYER], 1], "getAuthSessionTicket": [[PLAYER], BEFORE_INIT.getAuthSessionTicket[1]]}
	for cls in ["Steam", "SteamServer"]:
		var singleton := Engine.get_singleton(cls)
		var covered := {"serverInit": true, "serverInitEx": true, "initGameServer": true, "run_callbacks": true, "getServerState": true}
		for name in BEFORE_INIT:
			covered[name] = true
			var row: Array = server_rows.get(name, BEFORE_INIT[name]) if cls == "SteamServer" else BEFORE_INIT[name]
			var before := Steam.getServerState()
			check_eq(singleton.callv(name, row[0]), row[1], "%s.%s before serverInit returned" % [cls, name])
			check_eq(Steam.getServerState(), before, "%s.%s before serverInit changed the state" % [cls, name])
			check_eq(pump(), [], "%s.%s before serverInit emitted signals" % [cls, name])
		for m in ClassDB.class_get_method_list(cls, true):
			check(covered.has(m.name), "%s.%s is not covered by the before-serverInit table" % [cls, m.name])
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
		"heartbeat_interval", "advertise_active", "key_values", "traffic"]
	check_eq(Steam.getServerState().keys(), keys, "getServerState keys before serverInit")
	_start()
	check_eq(Steam.getServerState().keys(), keys, "getServerState keys while running")
