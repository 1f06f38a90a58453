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


## The networking enums and constants, under GodotSteam Server 4's names (its typos included), on both classes.
func test_networking_constants() -> void:
	for cls in ["Steam", "SteamServer"]:
		var s: Object = Engine.get_singleton(cls)
		check_eq([s.P2P_SEND_UNRELIABLE, s.P2P_SEND_RELIABLE, s.P2P_SEND_RELIABLE_WITH_BUFFERING, s.P2P_SESSION_ERROR_TIMEOUT, s.P2P_SESSION_ERROR_MAX],
			[0, 2, 3, 4, 5], "%s P2PSend and P2PSessionError" % cls)
		check_eq([s.NETWORKING_SEND_RELIABLE, s.NETWORKING_SEND_URELIABLE_NO_NAGLE, s.NETWORKING_SEND_UNRELIABLE_NO_DELAY,
			s.NETWORKING_SEND_RELIABLE_NO_NAGLE, s.NETWORKING_SEND_AUTORESTART_BROKEN_SESSION], [8, 1, 5, 9, 32], "%s send flags" % cls)
		check_eq([s.MAX_STEAM_PACKET_SIZE, s.LISTEN_SOCKET_INVALID, s.MAX_NETWORKING_PING_LOCATION_STRING, s.NETWORKING_PING_UNKNOWN,
			s.NETWORKING_MAX_CONNECTION_CLOSE_REASON, s.NETWORKING_CONNECTION_INFO_FLAG_DUALWIFI, s.NETWORKING_CONFIG_P2P_TRANSPORT_ICE_ALL],
			[524288, 0, 1024, -2, 128, 32, 2147483647], "%s plain networking constants" % cls)
		check_eq([s.NETWORKING_CONFIG_TIMEOUT_INITIAL, s.NETWORKING_CONFIG_FAKE_PACKET_DUP_REVC, s.NETWORKING_CONFIG_P2P_TURN_uSER_LIST,
			s.NETWORKING_CONFIG_LOG_LEVEL_SRD_RELAY_PINGS, s.NETWORKING_CONFIG_IP_LOCAL_HOST_ALLOW_WITHOUT_AUTH, s.NETWORKING_CONFIG_ECN],
			[24, 27, 108, 18, 52, 999], "%s NetworkingConfigValue" % cls)
		check_eq([s.CONNECTION_END_REMOVE_MIN, s.CONNECTION_END_MISC_TIMEOUT, s.CONNECTION_STATE_FIN_WAIT, s.NETWORKING_AVAILABILITY_CANNOT_TRY,
			s.IDENTITY_TYPE_STEAMID, s.NET_SOCKET_STATE_BROKEN, s.NETWORKING_GET_CONFIG_VALUE_OK_INHERITED],
			[4000, 5003, -1, -102, 16, 25, 2], "%s end reasons, states, identity and socket types" % cls)
		var sizes := {}
		for e in ["NetworkingAvailability", "NetworkingConfigDataType", "NetworkingConfigScope", "NetworkingConfigValue", "NetworkingConnectionEnd",
				"NetworkingConnectionState", "NetworkingFakeIPType", "NetworkingGetConfigValueResult", "NetworkingIdentityType",
				"NetworkingSocketsDebugOutputType", "P2PSend", "P2PSessionError", "SocketConnectionType", "SocketState"]:
			sizes[e] = ClassDB.class_get_enum_constants(cls, e).size()
		check_eq(sizes, {"NetworkingAvailability": 10, "NetworkingConfigDataType": 6, "NetworkingConfigScope": 5, "NetworkingConfigValue": 69,
			"NetworkingConnectionEnd": 33, "NetworkingConnectionState": 10, "NetworkingFakeIPType": 5, "NetworkingGetConfigValueResult": 6,
			"NetworkingIdentityType": 9, "NetworkingSocketsDebugOutputType": 10, "P2PSend": 4, "P2PSessionError": 6, "SocketConnectionType": 3,
			"SocketState": 11}, "%s: the constants of each networking enum (GodotSteam Server 4's counts)" % cls)
	var send: SteamServer.P2PSend = SteamServer.P2P_SEND_RELIABLE
	var value: SteamServer.NetworkingConfigValue = SteamServer.NETWORKING_CONFIG_NAGLE_TIME
	check_eq([send, value], [2, 12], "typed P2PSend and NetworkingConfigValue variables")
	check_eq(ClassDB.class_get_integer_constant_enum("SteamServer", "NETWORKING_CONFIG_NAGLE_TIME"), &"NetworkingConfigValue", "NAGLE_TIME's enum")
