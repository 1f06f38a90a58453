## The whole offline authentication flow as a game's own test suite drives it: an offline data file
## (written to user:// and named by GOSTEAM_OFFLINE_DATA, set with OS.set_environment before
## serverInit, which reads it), player tickets from offlineIssueTicket, beginAuthSession verdicts,
## licences, groups, compatibility, clans, bans, player connections seen by server browsers, and the
## scripted Steam events. Also: a malformed data file or realm key makes serverInit fail, clearly.
extends TestSuite

const ALICE := 76561197960287930 # owns DLC 1001, officer of GROUP
const BOB := 76561197960287931 # VAC banned
const CAROL := 76561197960287932 # publisher banned
const DAVE := 76561197960287933 # denied by the data file: incompatible software (10)
const ERIN := 76561197960287934 # some players avoid her
const GROUP := 103582791429521412
const FAILING_CLAN := 103582791429521413
const DLC := 1001
const CLIENT_IP := 0x0A000002 # 10.0.0.2
const DATA_FILE := "user://steam_offline_test.json"

const SHARED := 65535
const A2S_PLAYER_CHALLENGE := [0xFF, 0xFF, 0xFF, 0xFF, 0x55, 0xFF, 0xFF, 0xFF, 0xFF]


func _data() -> Dictionary:
	return {
		"format": 1,
		"users": {str(ALICE): {"name": "Alice", "apps": [DLC], "groups": {str(GROUP): "officer"}}},
		"vac_banned": [str(BOB)],
		"publisher_banned": [str(CAROL)],
		"denied": {str(DAVE): Steam.DENY_INCOMPATIBLE_SOFTWARE},
		"compat": {str(ERIN): {"result": 1, "players_dont_like_candidate": 2, "players_candidate_doesnt_like": 1}},
		"clans": {str(FAILING_CLAN): Steam.RESULT_ACCESS_DENIED},
	}


## Writes the data file, names it in the environment for serverInit only, and starts the server.
func _start(text: String = "", mode: int = 2, query_port: int = 0) -> Dictionary:
	var f := FileAccess.open(DATA_FILE, FileAccess.WRITE)
	f.store_string(text if text != "" else JSON.stringify(_data()))
	f.close()
	OS.set_environment("GOSTEAM_OFFLINE_DATA", ProjectSettings.globalize_path(DATA_FILE))
	var r := Steam.serverInitEx("127.0.0.1", 27015, query_port, mode, "1.0")
	OS.unset_environment("GOSTEAM_OFFLINE_DATA")
	return r


func _started(mode: int = 2, query_port: int = 0) -> bool:
	var r := _start("", mode, query_port)
	return check_eq(r.status, 0, "serverInitEx with the data file: %s" % r.verbal)


func _begin(ticket: Dictionary, steam_id: int) -> Array:
	var r: int = Steam.beginAuthSession(ticket, steam_id)
	return [r, pump()]


func _verdict(steam_id: int, response: int) -> Array:
	return [Steam.BEGIN_AUTH_SESSION_RESULT_OK, [["validate_auth_ticket_response", [steam_id, response, steam_id]]]]


func test_player_tickets_and_licences() -> void:
	if not _started():
		return
	var t := Steam.offlineIssueTicket(ALICE)
	check_eq(t.keys(), ["id", "buffer", "size", "ticket_size"], "offlineIssueTicket keys")
	check_eq([t.ticket_size, t.buffer.decode_u64(1)], [81, ALICE], "an 81-byte ticket naming the player")
	check_eq(pump(), [], "the player's client got the ticket: no signal on the server")
	check_eq(Steam.userHasLicenseForApp(ALICE, DLC), Steam.USER_HAS_LICENSE_RESULT_NO_AUTH, "licence before authentication")
	check_eq(_begin(t, ALICE), _verdict(ALICE, Steam.AUTH_SESSION_RESPONSE_OK), "Alice's ticket")
	check_eq(Steam.userHasLicenseForApp(ALICE, 480), Steam.USER_HAS_LICENSE_RESULT_HAS_LICENSE, "everyone owns the server's app")
	check_eq(Steam.userHasLicenseForApp(ALICE, DLC), Steam.USER_HAS_LICENSE_RESULT_HAS_LICENSE, "the DLC the data file lists")
	check_eq(Steam.userHasLicenceForApp(ALICE, DLC + 1), Steam.USER_HAS_LICENSE_RESULT_DOES_NOT_HAVE_LICENSE, "a DLC it does not list")
	Steam.endAuthSession(ALICE)
	check_eq(_begin(t, ALICE), _verdict(ALICE, Steam.AUTH_SESSION_RESPONSE_AUTH_TICKET_INVALID_ALREADY_USED), "the same ticket again")
	check_eq(Steam.userHasLicenseForApp(ALICE, DLC), Steam.USER_HAS_LICENSE_RESULT_NO_AUTH, "a replayed ticket grants nothing")
	Steam.endAuthSession(ALICE)
	check_eq(_begin(Steam.offlineIssueTicket(ALICE, 730), ALICE), [Steam.BEGIN_AUTH_SESSION_RESULT_GAME_MISMATCH, []], "a ticket for app 730")
	check_eq(_begin(Steam.offlineIssueTicket(BOB), ALICE), [Steam.BEGIN_AUTH_SESSION_RESULT_INVALID_TICKET, []], "Bob's ticket presented as Alice")
	# The player cancels the ticket: the session hears of it.
	var t2 := Steam.offlineIssueTicket(ALICE)
	check_eq(_begin(t2, ALICE), _verdict(ALICE, Steam.AUTH_SESSION_RESPONSE_OK), "a fresh ticket")
	Steam.cancelAuthTicket(t2.id)
	check_eq(pump(), [["validate_auth_ticket_response", [ALICE, Steam.AUTH_SESSION_RESPONSE_AUTH_TICKET_CANCELED, ALICE]]], "canceled by the player")
	check_eq(Steam.userHasLicenseForApp(ALICE, DLC), Steam.USER_HAS_LICENSE_RESULT_NO_AUTH, "licence after the cancellation")


func test_bans_from_the_data_file() -> void:
	if not _started():
		return
	check_eq(_begin(Steam.offlineIssueTicket(BOB), BOB), _verdict(BOB, Steam.AUTH_SESSION_RESPONSE_VAC_BANNED), "VAC-banned Bob")
	check_eq(_begin(Steam.offlineIssueTicket(CAROL), CAROL), _verdict(CAROL, Steam.AUTH_SESSION_RESPONSE_PUBLISHER_ISSUED_BAN), "publisher-banned Carol")
	check_eq(Steam.userHasLicenseForApp(BOB, 480), Steam.USER_HAS_LICENSE_RESULT_NO_AUTH, "a banned user is not authenticated")
	check_eq(_begin(Steam.offlineIssueTicket(ERIN), ERIN), _verdict(ERIN, Steam.AUTH_SESSION_RESPONSE_OK), "Erin is not banned")


func test_groups_compatibility_and_clans() -> void:
	if not _started():
		return
	check(Steam.requestUserGroupStatus(ALICE, GROUP), "requestUserGroupStatus")
	check(Steam.requestUserGroupStatus(BOB, GROUP), "requestUserGroupStatus")
	check_eq(pump(), [["client_group_status", [ALICE, GROUP, true, true]], ["client_group_status", [BOB, GROUP, false, false]]], "officer Alice, outsider Bob")
	Steam.computeNewPlayerCompatibility(ERIN)
	Steam.computeNewPlayerCompatibility(ALICE)
	check_eq(pump(), [["player_compat", [Steam.RESULT_OK, 2, 1, 0, ERIN]], ["player_compat", [Steam.RESULT_OK, 0, 0, 0, ALICE]]], "compatibility from the data file")
	Steam.associateWithClan(FAILING_CLAN)
	Steam.associateWithClan(GROUP)
	check_eq(pump(), [["associate_clan", [Steam.RESULT_ACCESS_DENIED]], ["associate_clan", [Steam.RESULT_OK]]], "clan association results")


func test_player_connections() -> void:
	if not _started():
		return
	var alice_ticket := Steam.offlineIssueTicket(ALICE)
	check_eq(Steam.sendUserConnectAndAuthenticate(CLIENT_IP, alice_ticket, ALICE), true, "Alice connects")
	check_eq(pump(), [["client_approved", [ALICE, ALICE]]], "client_approved(steam_id, owner_id)")
	check_eq(Steam.userHasLicenseForApp(ALICE, DLC), Steam.USER_HAS_LICENSE_RESULT_HAS_LICENSE, "an approved user's licences")
	check_eq(Steam.updateUserData(ALICE, "Alice the Great", 42), true, "updateUserData for a connected user")
	check_eq(Steam.updateUserData(ERIN, "Erin", 1), false, "updateUserData for a user who is not connected")
	check_eq(Steam.sendUserConnectAndAuthenticate(CLIENT_IP, Steam.offlineIssueTicket(ALICE), ALICE), false, "Alice is already connected")

	check_eq(Steam.sendUserConnectAndAuthenticate(CLIENT_IP, Steam.offlineIssueTicket(DAVE).buffer, DAVE), true, "Dave's ticket is good")
	check_eq(Steam.sendUserConnectAndAuthenticate(CLIENT_IP, Steam.offlineIssueTicket(BOB), BOB), true, "Bob's ticket is good")
	check_eq(pump(), [["client_denied", [DAVE, Steam.DENY_INCOMPATIBLE_SOFTWARE]], ["client_denied", [BOB, Steam.DENY_CHEATER]]], "denied by the data file, VAC ban")
	var forged: PackedByteArray = Steam.offlineIssueTicket(ERIN).buffer.duplicate()
	forged[60] = forged[60] ^ 1
	check_eq(Steam.sendUserConnectAndAuthenticate(CLIENT_IP, forged, ERIN), false, "a forged ticket fails the basic checks")
	check_eq(pump(), [], "no signal for a forged ticket")

	var bot := Steam.createUnauthenticatedUserConnection()
	check_eq([(bot >> 56) & 0xFF, (bot >> 52) & 0xF], [1, 10], "a bot's Steam ID: universe 1, account type 10 (anonymous user)")
	check_eq(Steam.updateUserData(bot, "Botty", -3), true, "bots have names and scores too")
	check_eq(Steam.userHasLicenseForApp(bot, 480), Steam.USER_HAS_LICENSE_RESULT_NO_AUTH, "a bot is not authenticated")

	Steam.sendUserDisconnect(ALICE)
	check_eq(pump(), [], "sendUserDisconnect emits nothing")
	check_eq(Steam.userHasLicenseForApp(ALICE, DLC), Steam.USER_HAS_LICENSE_RESULT_NO_AUTH, "licence after sendUserDisconnect")
	check_eq(Steam.sendUserConnectAndAuthenticate(CLIENT_IP, alice_ticket, ALICE), true, "Alice's old ticket again")
	check_eq(pump(), [["client_denied", [ALICE, Steam.DENY_LOGGED_IN_ELSEWHERE]]], "a replayed ticket is denied")
	Steam.sendUserDisconnect(bot)


## What server browsers see of the player list: A2S_PLAYER through the shared game socket.
func test_server_browsers_see_the_players() -> void:
	if not _started(2, SHARED):
		return
	Steam.setAdvertiseServerActive(true)
	check(Steam.sendUserConnectAndAuthenticate(CLIENT_IP, Steam.offlineIssueTicket(ALICE), ALICE), "Alice connects")
	var bot := Steam.createUnauthenticatedUserConnection()
	Steam.updateUserData(ALICE, "Alice the Great", 42)
	Steam.updateUserData(bot, "Botty", -3)
	pump()
	var reply := _query(PackedByteArray(A2S_PLAYER_CHALLENGE))
	if not check(reply.size() >= 9 and reply[4] == 0x41, "A2S_PLAYER is answered with a challenge, got %s" % reply):
		return
	var req := PackedByteArray([0xFF, 0xFF, 0xFF, 0xFF, 0x55])
	req.append_array(reply.slice(5, 9))
	reply = _query(req)
	if not check(reply.size() > 6 and reply[4] == 0x44, "S2A_PLAYER, got %s" % reply):
		return
	check_eq(reply[5], 2, "two players")
	var names := []
	var scores := []
	var at := 6
	for i in reply[5]:
		at += 1 # index
		var end := reply.find(0, at)
		names.append(reply.slice(at, end).get_string_from_utf8())
		scores.append(reply.decode_s32(end + 1))
		at = end + 1 + 4 + 4 # score, duration
	check_eq(names, ["Alice the Great", "Botty"], "names from updateUserData, in connection order")
	check_eq(scores, [42, -3], "scores, negative ones too")


func _query(datagram: PackedByteArray) -> PackedByteArray:
	Steam.handleIncomingPacket(datagram, "203.0.113.9", 40000)
	var p := Steam.getNextOutgoingPacket()
	var out: PackedByteArray = p.out
	while Steam.getNextOutgoingPacket().length > 0:
		pass
	return out


func test_scripted_steam_events() -> void:
	if not _started(3):
		return
	Steam.offlineKickClient(ALICE, Steam.DENY_CHEATER)
	Steam.offlineDenyClient(BOB, Steam.DENY_NO_LICENSE)
	check_eq(pump(), [["client_kick", [ALICE, Steam.DENY_CHEATER]], ["client_denied", [BOB, Steam.DENY_NO_LICENSE]]], "client_kick, client_denied")

	Steam.logOnAnonymous()
	pump()
	check_eq([Steam.loggedOn(), Steam.secure()], [true, true], "logged on, secure in mode 3")
	Steam.offlinePolicyResponse(false)
	check_eq(pump(), [["policy_response", [0]]], "policy_response(0)")
	check_eq(Steam.secure(), false, "secure() follows the policy response")
	Steam.offlineDisconnect(Steam.RESULT_NO_CONNECTION)
	check_eq(pump(), [["server_disconnected", [Steam.RESULT_NO_CONNECTION]]], "server_disconnected(3)")
	check_eq(Steam.loggedOn(), false, "logged off by the disconnection")
	Steam.offlineConnectFailure(Steam.RESULT_TIMEOUT, true)
	check_eq(pump(), [["server_connect_failure", [Steam.RESULT_TIMEOUT, true]]], "server_connect_failure(16, true)")
	Steam.logOnAnonymous()
	check_eq(pump(), [["server_connected", []], ["policy_response", [1]]], "Steam is back")

	check_eq(Steam.wasRestartRequested(), false, "no restart asked")
	Steam.offlineRequestRestart()
	check_eq([Steam.wasRestartRequested(), Steam.wasRestartRequested()], [true, false], "a restart request, read once")

	check_eq(_begin(Steam.offlineIssueTicket(ALICE), ALICE), _verdict(ALICE, Steam.AUTH_SESSION_RESPONSE_OK), "Alice authenticates")
	Steam.offlineAuthSessionResponse(ALICE, Steam.AUTH_SESSION_RESPONSE_USER_NOT_CONNECTED_TO_STEAM)
	check_eq(pump(), [["validate_auth_ticket_response", [ALICE, Steam.AUTH_SESSION_RESPONSE_USER_NOT_CONNECTED_TO_STEAM, ALICE]]], "a later verdict")
	check_eq(Steam.userHasLicenseForApp(ALICE, DLC), Steam.USER_HAS_LICENSE_RESULT_NO_AUTH, "Alice left Steam: no licences")

	# Refused: out of range, or no session.
	Steam.offlineKickClient(ALICE, 16)
	Steam.offlineConnectFailure(0, false)
	Steam.offlineAuthSessionResponse(ERIN, 1)
	check_eq(pump(), [], "refused scripted events emit nothing")


func test_malformed_data_file_fails_server_init() -> void:
	var r := _start("{\n  \"users\": {\"76561197960287930\": {\"apps\": [\"DLC\"]}}\n}")
	check_eq(r.status, 1, "serverInitEx status with a malformed data file")
	var path := ProjectSettings.globalize_path(DATA_FILE)
	check(r.verbal.contains(path) and r.verbal.contains("line 2"), "the message names the file and the line: %s" % r.verbal)
	check_eq(Steam.getServerState().initialized, false, "not initialized")
	r = _start("{\"format\": 1}")
	check_eq(r.status, 0, "a good file: %s" % r.verbal)


func test_realm_key_errors_fail_server_init() -> void:
	var missing := ProjectSettings.globalize_path("user://no-such-folder/realm.key")
	OS.set_environment("GOSTEAM_REALM_KEY_FILE", missing)
	var r := Steam.serverInitEx("127.0.0.1", 27015, 0, 2, "1.0")
	OS.unset_environment("GOSTEAM_REALM_KEY_FILE")
	check_eq(r.status, 1, "serverInitEx with a missing realm key file")
	check(r.verbal.contains(missing) and r.verbal.contains("does not exist"), "the message names the file: %s" % r.verbal)

	OS.set_environment("GOSTEAM_REALM_KEY", "deadbeef")
	r = Steam.serverInitEx("127.0.0.1", 27015, 0, 2, "1.0")
	OS.unset_environment("GOSTEAM_REALM_KEY")
	check_eq(r.status, 1, "serverInitEx with a malformed GOSTEAM_REALM_KEY")
	check(r.verbal.contains("GOSTEAM_REALM_KEY") and not r.verbal.contains("deadbeef"), "the message names the variable, never the key: %s" % r.verbal)
	check_eq(Steam.getServerState().initialized, false, "not initialized")

	# A key given in the environment: the server issues tickets a server of the same realm accepts.
	OS.set_environment("GOSTEAM_REALM_KEY", "0123456789abcdef".repeat(4))
	check(Steam.serverInit("127.0.0.1", 27015, 0, 2, "1.0"), "serverInit with GOSTEAM_REALM_KEY")
	var t := Steam.offlineIssueTicket(ALICE)
	Steam.serverShutdown()
	check(Steam.serverInit("127.0.0.1", 27015, 0, 2, "1.0"), "serverInit again with the same key")
	OS.unset_environment("GOSTEAM_REALM_KEY")
	check_eq(_begin(t, ALICE), _verdict(ALICE, Steam.AUTH_SESSION_RESPONSE_OK), "a ticket of the same realm")
	Steam.serverShutdown()
	check(Steam.serverInit("127.0.0.1", 27015, 0, 2, "1.0"), "serverInit with the default realm")
	check_eq(_begin(t, ALICE), [Steam.BEGIN_AUTH_SESSION_RESULT_INVALID_TICKET, []], "another realm's ticket")
