## Scripts written for GodotSteam Server compare results with named constants; they must exist
## with Steamworks' values and work in the real flows.
extends TestSuite

const PLAYER := 76561197960287930
const GROUP := 103582791429521412


func test_constants_have_steamworks_values() -> void:
	check_eq(Steam.RESULT_OK, 1, "RESULT_OK")
	check_eq(Steam.RESULT_FAIL, 2, "RESULT_FAIL")
	check_eq(Steam.RESULT_GSLT_DENIED, 102, "RESULT_GSLT_DENIED")
	check_eq(Steam.RESULT_OFFLINE_APP_CACHE_INVALID, 130, "the last EResult")
	check_eq(Steam.BEGIN_AUTH_SESSION_RESULT_EXPIRED_TICKET, 5, "BEGIN_AUTH_SESSION_RESULT_EXPIRED_TICKET")
	check_eq(Steam.AUTH_SESSION_RESPONSE_AUTH_TICKET_CANCELED, 6, "AUTH_SESSION_RESPONSE_AUTH_TICKET_CANCELED")
	check_eq(Steam.DENY_CHEATER, 5, "DENY_CHEATER")
	check_eq(Steam.USER_HAS_LICENSE_RESULT_NO_AUTH, 2, "USER_HAS_LICENSE_RESULT_NO_AUTH")
	check_eq(Steam.SERVER_MODE_AUTHENTICATION_AND_SECURE, 3, "SERVER_MODE_AUTHENTICATION_AND_SECURE")
	check_eq(Steam.IP_TYPE_IPV4, 0, "IP_TYPE_IPV4")
	check_eq(Steam.ACCOUNT_TYPE_ANON_GAME_SERVER, 4, "ACCOUNT_TYPE_ANON_GAME_SERVER")
	check_eq(Steam.QUERY_PORT_SHARED, 0xFFFF, "QUERY_PORT_SHARED")
	check_eq(Steam.QUERY_PORT_ERROR, 0xFFFE, "QUERY_PORT_ERROR")
	check_eq(Steam.QUERY_PORT_NOT_INITIALIZED, 0xFFFF, "QUERY_PORT_NOT_INITIALIZED")


func test_enums_are_class_enums() -> void:
	var enums := ClassDB.class_get_enum_list("Steam", true)
	for e in ["AccountType", "AuthSessionResponse", "BeginAuthSessionResult", "DenyReason", "IPType", "Result",
			"ServerMode", "SteamAPIInitResult", "Universe", "UserHasLicenseForAppResult"]:
		check(e in enums, "Steam.%s is a class enum" % e)
	check_eq(ClassDB.class_get_integer_constant_enum("Steam", "DENY_CHEATER", true), &"DenyReason", "DENY_CHEATER's enum")
	check_eq(ClassDB.class_get_enum_constants("Steam", "Result", true).size(), 130, "the whole EResult list")
	var begin: Dictionary = ClassDB.class_get_method_list("Steam", true).filter(
		func(m): return m.name == "beginAuthSession")[0]
	check_eq(begin.return.class_name, &"Steam.BeginAuthSessionResult", "beginAuthSession returns the enum")
	var kick: Dictionary = ClassDB.class_get_signal_list("Steam", true).filter(
		func(s): return s.name == "client_kick")[0]
	check_eq(kick.args[1].class_name, &"Steam.DenyReason", "client_kick's reason is a DenyReason")


func test_auth_and_licence_flow_by_name() -> void:
	check(Steam.serverInit("127.0.0.1", 27015, 27016, Steam.SERVER_MODE_AUTHENTICATION, "1.0.0"), "serverInit")
	Steam.logOnAnonymous()
	var seen := pump()
	check_eq(seen[0], ["server_connected", []], "server_connected")
	var ticket: Dictionary = Steam.getAuthSessionTicket()
	var me := Steam.getSteamID()
	check_eq(Steam.userHasLicenseForApp(me, 480), Steam.USER_HAS_LICENSE_RESULT_NO_AUTH, "no licence before auth")
	check_eq(Steam.beginAuthSession(ticket, me), Steam.BEGIN_AUTH_SESSION_RESULT_OK, "begin")
	check_eq(Steam.beginAuthSession(ticket, me), Steam.BEGIN_AUTH_SESSION_RESULT_DUPLICATE_REQUEST, "duplicate")
	seen = pump()
	check_eq(seen.filter(func(s): return s[0] == "get_auth_session_ticket_response")[0][1],
		[ticket.id, Steam.RESULT_OK], "get_auth_session_ticket_response")
	check_eq(seen.filter(func(s): return s[0] == "validate_auth_ticket_response")[0][1],
		[me, Steam.AUTH_SESSION_RESPONSE_OK, me], "validate_auth_ticket_response")
	check_eq(Steam.userHasLicenseForApp(me, 480), Steam.USER_HAS_LICENSE_RESULT_HAS_LICENSE, "licence for the app")
	check_eq(Steam.userHasLicenceForApp(me, 999999), Steam.USER_HAS_LICENSE_RESULT_DOES_NOT_HAVE_LICENSE, "no licence for another app")
	Steam.cancelServerAuthTicket(ticket.id)
	check_eq(pump().map(func(s): return s[1][1]), [Steam.AUTH_SESSION_RESPONSE_AUTH_TICKET_CANCELED], "cancelled")
	var forged: PackedByteArray = ticket.buffer.duplicate()
	forged[forged.size() - 1] ^= 0xFF
	Steam.endAuthSession(me)
	check_eq(Steam.beginAuthSession(forged, me), Steam.BEGIN_AUTH_SESSION_RESULT_INVALID_TICKET, "forged")
	Steam.requestUserGroupStatus(PLAYER, GROUP)
	Steam.associateWithClan(GROUP)
	Steam.computeNewPlayerCompatibility(PLAYER)
	var results := {}
	for s in pump():
		results[s[0]] = s[1]
	check_eq(results.associate_clan, [Steam.RESULT_OK], "associate_clan")
	check_eq(results.player_compat[0], Steam.RESULT_OK, "player_compat")
