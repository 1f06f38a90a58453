## GodotSteam Server 4's enums and constants on SteamServer, as its scripts use them: types on the
## class, Steamworks' values, and the same value on Steam for every name both classes have. No game
## server is needed, so it runs offline only (test_godotsteam_server.gd runs on both backends).
extends TestSuite


func test_constants_and_version() -> void:
	check_eq(SteamServer.get_godotsteam_version(), "4.5.1-gosteam", "get_godotsteam_version()")
	var game_type: SteamServer.GameIDType = SteamServer.GAME_TYPE_P2P
	check_eq([SteamServer.GAME_TYPE_APP, SteamServer.GAME_TYPE_GAME_MOD, SteamServer.GAME_TYPE_SHORTCUT, game_type], [0, 1, 2, 3], "GameIDType")
	check_eq([SteamServer.SERVER_MODE_INVALID, SteamServer.SERVER_MODE_NO_AUTHENTICATION, SteamServer.SERVER_MODE_AUTHENTICATION,
		SteamServer.SERVER_MODE_AUTHENTICATION_AND_SECURE], [0, 1, 2, 3], "ServerMode")
	check_eq([SteamServer.STEAM_API_INIT_RESULT_OK, SteamServer.STEAM_API_INIT_RESULT_FAILED_GENERIC,
		SteamServer.STEAM_API_INIT_RESULT_NO_STEAM_CLIENT, SteamServer.STEAM_API_INIT_RESULT_VERSION_MISMATCH], [0, 1, 2, 3], "SteamAPIInitResult")
	check_eq([SteamServer.RESULT_OK, SteamServer.AUTH_TICKET_INVALID, SteamServer.STEAM_ACCOUNT_ID_MASK,
		SteamServer.STEAM_ACCOUNT_INSTANCE_MASK, SteamServer.QUERY_PORT_SHARED, SteamServer.ACCOUNT_ID_INVALID],
		[1, 0, 4294967295, 1048575, 65535, 0], "RESULT_OK, AUTH_TICKET_INVALID, STEAM_ACCOUNT_ID_MASK, STEAM_ACCOUNT_INSTANCE_MASK, QUERY_PORT_SHARED, ACCOUNT_ID_INVALID")
	check_eq([SteamServer.AUTH_SESSION_RESPONSE_OK, SteamServer.AUTH_SESSION_RESPONSE_AUTH_TICKET_CANCELED,
		SteamServer.BEGIN_AUTH_SESSION_RESULT_OK, SteamServer.BEGIN_AUTH_SESSION_RESULT_INVALID_TICKET,
		SteamServer.BEGIN_AUTH_SESSION_RESULT_DUPLICATE_REQUEST, SteamServer.DENY_CHEATER], [0, 6, 0, 1, 2, 5], "auth and deny values")
	check_eq([SteamServer.ACCOUNT_TYPE_INDIVIDUAL, SteamServer.ACCOUNT_TYPE_GAME_SERVER, SteamServer.ACCOUNT_TYPE_ANON_GAME_SERVER,
		SteamServer.ACCOUNT_TYPE_CLAN, SteamServer.ACCOUNT_TYPE_CHAT, SteamServer.ACCOUNT_TYPE_CONSOLE_USER,
		SteamServer.ACCOUNT_TYPE_ANON_USER], [1, 3, 4, 7, 8, 9, 10], "AccountType")
	check_eq(ClassDB.class_get_integer_constant_enum("SteamServer", "GAME_TYPE_P2P"), &"GameIDType", "GAME_TYPE_P2P's enum")
	check_eq(ClassDB.class_get_integer_constant_enum("SteamServer", "SERVER_MODE_AUTHENTICATION"), &"ServerMode", "SERVER_MODE_AUTHENTICATION's enum")
	# The constants both classes have hold the same values.
	var differ := []
	for name in ClassDB.class_get_integer_constant_list("SteamServer", true):
		if ClassDB.class_has_integer_constant("Steam", name) and ClassDB.class_get_integer_constant("Steam", name) != ClassDB.class_get_integer_constant("SteamServer", name):
			differ.append(name)
	check_eq(differ, [], "constants of Steam and SteamServer with the same name but different values")
