## Auth sessions against the offline backend: tickets, beginAuthSession verdicts, licences,
## cancellation, and the group / compatibility / clan requests.
##
## Offline tickets are issued by this server for itself (the issuer is getSteamID()), so the server
## plays both sides: beginAuthSession(ticket, Steam.getSteamID()).
extends TestSuite

const PLAYER := 76561197960287930 # valid individual account, never authenticated here
const GROUP := 103582791429521412

# beginAuthSession results
const OK := 0
const INVALID_TICKET := 1
const DUPLICATE := 2
const INVALID_VERSION := 3
# validate_auth_ticket_response responses
const RESPONSE_OK := 0
const RESPONSE_CANCELED := 6
const RESPONSE_ALREADY_USED := 7
# userHasLicenseForApp results
const HAS_LICENSE := 0
const NO_LICENSE := 1
const NO_AUTH := 2


func _start(mode: int = 2) -> void:
	check(Steam.serverInit("127.0.0.1", 27015, 27016, mode, "1.0"), "serverInit failed")


## The app the server runs as: the init app ID, else 480 (Spacewar) offline.
func _app_id() -> int:
	var app: int = Steam.getServerState().app_id
	return app if app != 0 else 480


func _ticket() -> Dictionary:
	var t := Steam.getAuthSessionTicket()
	pump()
	return t


## beginAuthSession's result; the state must not change. A ticket too short or too long for Steam
## (remote input) is counted in the traffic as a bad ticket.
func _begin(ticket: Variant, steam_id: int, what: String) -> int:
	var before := Steam.getServerState()
	var r: int = Steam.callv("beginAuthSession", [ticket, steam_id])
	var after := Steam.getServerState()
	var size: int = ticket.size() if ticket is PackedByteArray else -1
	var bad := size == 0 or size > 4096
	check_eq(traffic_change(before, after), {"bad_tickets": 1} if bad else {}, what + ": traffic counts")
	before.erase("traffic")
	after.erase("traffic")
	check_eq(after, before, what + ": beginAuthSession changed the server state")
	return r


func test_ticket_shape_and_response_signal() -> void:
	_start()
	var t := Steam.getAuthSessionTicket()
	check_eq(t.keys(), ["id", "buffer", "size", "ticket_size"], "ticket Dictionary keys")
	check(t.id is int and t.id > 0, "ticket id must be a positive int, got %s" % var_to_str(t.id))
	check(t.buffer is PackedByteArray, "ticket buffer must be a PackedByteArray, got %s" % type_string(typeof(t.buffer)))
	check_eq(t.ticket_size, 81, "ticket_size of an offline ticket")
	check_eq(t.buffer.size(), t.ticket_size, "buffer size == ticket_size")
	check_eq(t.size, t.ticket_size, "size (GodotSteam's key) == ticket_size (the page's)")
	check_eq(t.buffer[0], 2, "ticket version byte")
	check_eq(t.buffer.decode_u64(1), Steam.getSteamID(), "ticket issuer is the server's Steam ID")
	check_eq(t.buffer.decode_u32(9), _app_id(), "ticket app ID")
	check_eq(t.buffer.decode_u32(13), t.id, "ticket handle")
	var issued: int = t.buffer.decode_s64(17)
	check(absi(issued - int(Time.get_unix_time_from_system() * 1000)) < 60000, "ticket issue time is now (Unix ms), got %d" % issued)
	check_eq(t.buffer.decode_s64(25) - issued, 3600 * 1000, "ticket expires an hour after it was issued")
	check_eq(pump(), [["get_auth_session_ticket_response", [t.id, 1]]], "get_auth_session_ticket_response(auth_ticket, result 1 = OK)")
	var t2 := Steam.getServerAuthSessionTicket("peer-identity")
	check_eq(t2.keys(), ["id", "buffer", "size", "ticket_size"], "getServerAuthSessionTicket keys")
	check(t2.id > t.id, "ticket ids must increase: %d then %d" % [t.id, t2.id])
	check(t2.buffer != t.buffer, "two tickets must differ")
	check_eq(pump(), [["get_auth_session_ticket_response", [t2.id, 1]]], "getServerAuthSessionTicket response")


func test_begin_auth_session_with_dictionary_ticket() -> void:
	_start()
	var me := Steam.getSteamID()
	var t := _ticket()
	check_eq(Steam.userHasLicenseForApp(me, _app_id()), NO_AUTH, "licence before beginAuthSession")
	check_eq(_begin(t, me, "Dictionary ticket"), OK, "beginAuthSession(Dictionary ticket)")
	check_eq(pump(), [["validate_auth_ticket_response", [me, RESPONSE_OK, me]]], "validate_auth_ticket_response(auth_id, response, owner_id)")
	check_eq(Steam.userHasLicenseForApp(me, _app_id()), HAS_LICENSE, "userHasLicenseForApp for the server's app")
	check_eq(Steam.userHasLicenceForApp(me, _app_id()), HAS_LICENSE, "userHasLicenceForApp for the server's app")
	check_eq(Steam.userHasLicenseForApp(me, _app_id() + 1), NO_LICENSE, "userHasLicenseForApp for another app")
	check_eq(Steam.userHasLicenceForApp(me, 0), NO_LICENSE, "userHasLicenceForApp for app 0")
	check_eq(Steam.userHasLicenseForApp(PLAYER, _app_id()), NO_AUTH, "userHasLicenseForApp for a user without a session")
	check_eq(Steam.userHasLicenceForApp(PLAYER, _app_id()), NO_AUTH, "userHasLicenceForApp for a user without a session")


func test_begin_auth_session_with_byte_ticket() -> void:
	_start()
	var me := Steam.getSteamID()
	var t := _ticket()
	check_eq(_begin(t.buffer, me, "PackedByteArray ticket"), OK, "beginAuthSession(PackedByteArray ticket)")
	check_eq(pump(), [["validate_auth_ticket_response", [me, RESPONSE_OK, me]]], "verdict for a byte ticket")
	check_eq(Steam.userHasLicenseForApp(me, _app_id()), HAS_LICENSE, "licence after a byte ticket")
	# The typed fast path (ptrcall) takes the same Variant.
	Steam.endAuthSession(me)
	var t2 := _ticket()
	check_eq(Steam.beginAuthSession(t2.buffer, me), OK, "typed beginAuthSession call")
	pump()


func test_duplicate_session_is_refused() -> void:
	_start()
	var me := Steam.getSteamID()
	check_eq(_begin(_ticket(), me, "first"), OK, "first beginAuthSession")
	pump()
	check_eq(_begin(_ticket(), me, "second"), DUPLICATE, "a second beginAuthSession for the same Steam ID (2 = DuplicateRequest)")
	check_eq(pump(), [], "a refused beginAuthSession emitted signals")
	check_eq(Steam.userHasLicenseForApp(me, _app_id()), HAS_LICENSE, "the first session survives the duplicate")


func test_ticket_for_another_steam_id_is_refused() -> void:
	_start()
	check_eq(_begin(_ticket(), PLAYER, "someone else's ticket"), INVALID_TICKET, "ticket presented for another Steam ID")
	check_eq(pump(), [], "signals for a refused ticket")
	check_eq(Steam.userHasLicenseForApp(PLAYER, _app_id()), NO_AUTH, "licence after a refused ticket")


func test_flipped_bytes_are_refused() -> void:
	_start()
	var me := Steam.getSteamID()
	var t := _ticket()
	# version, issuer, app, handle, issue time, expiry, ticket ID, MAC (first and last byte)
	for pos in [0, 1, 8, 9, 13, 17, 25, 33, 48, 49, 80]:
		for mask in [0x01, 0x80]:
			var bad: PackedByteArray = t.buffer.duplicate()
			bad[pos] = bad[pos] ^ mask
			var r := _begin(bad, me, "byte %d ^ 0x%02x" % [pos, mask])
			check(r == INVALID_TICKET or r == INVALID_VERSION, "ticket with byte %d ^ 0x%02x was accepted (result %d)" % [pos, mask, r])
	check_eq(pump(), [], "signals for tampered tickets")
	check_eq(Steam.userHasLicenseForApp(me, _app_id()), NO_AUTH, "licence after tampered tickets")
	# The untouched ticket still works afterwards.
	check_eq(_begin(t, me, "original after tampering"), OK, "the original ticket after failed tampered ones")
	pump()


func test_version_byte_gives_invalid_version() -> void:
	_start()
	var bad: PackedByteArray = _ticket().buffer.duplicate()
	bad[0] = 3
	check_eq(_begin(bad, Steam.getSteamID(), "version 3"), INVALID_VERSION, "a ticket of an unknown version (3 = InvalidVersion)")
	bad[0] = 1
	check_eq(_begin(bad, Steam.getSteamID(), "version 1"), INVALID_VERSION, "a ticket of the first offline format")


func test_truncated_and_padded_tickets_are_refused() -> void:
	_start()
	var me := Steam.getSteamID()
	var t := _ticket()
	var buf: PackedByteArray = t.buffer
	check_eq(_begin(buf.slice(0, 80), me, "80 bytes"), INVALID_TICKET, "ticket missing its last byte")
	check_eq(_begin(buf.slice(0, 49), me, "49 bytes"), INVALID_TICKET, "ticket without its MAC")
	check_eq(_begin(buf.slice(0, 1), me, "1 byte"), INVALID_TICKET, "1-byte ticket")
	var padded := buf.duplicate()
	padded.append(0)
	check_eq(_begin(padded, me, "82 bytes"), INVALID_TICKET, "ticket with an extra byte")
	check_eq(_begin(PackedByteArray(), me, "empty"), INVALID_TICKET, "empty ticket")
	var huge := PackedByteArray()
	huge.resize(4097)
	check_eq(_begin(huge, me, "4097 bytes"), INVALID_TICKET, "ticket over 4096 bytes")
	# A Dictionary whose ticket_size is shorter than its buffer is trimmed to ticket_size.
	check_eq(_begin({"id": t.id, "buffer": buf, "ticket_size": 80}, me, "ticket_size 80"), INVALID_TICKET, "Dictionary ticket with ticket_size 80")
	check_eq(_begin({"id": t.id, "buffer": buf, "size": 80}, me, "size 80"), INVALID_TICKET, "Dictionary ticket with GodotSteam's size 80")
	check_eq(_begin({"buffer": buf}, me, "no ticket_size"), OK, "Dictionary with only a buffer")
	pump()


func test_bad_ticket_values_are_refused_with_an_error() -> void:
	_start()
	var me := Steam.getSteamID()
	var t := _ticket()
	check_eq(_begin(t.id, me, "int"), INVALID_TICKET, "beginAuthSession(int ticket id) must be refused: an int cannot carry the ticket")
	check_eq(_begin(null, me, "null"), INVALID_TICKET, "beginAuthSession(null)")
	check_eq(_begin("ticket", me, "String"), INVALID_TICKET, "beginAuthSession(String)")
	check_eq(_begin(Array(t.buffer), me, "Array"), INVALID_TICKET, "beginAuthSession(Array of bytes)")
	check_eq(_begin({}, me, "empty Dictionary"), INVALID_TICKET, "beginAuthSession({})")
	check_eq(_begin({"buffer": Array(t.buffer)}, me, "buffer as Array"), INVALID_TICKET, "Dictionary whose buffer is an Array")
	check_eq(_begin(t, 0, "steam_id 0"), INVALID_TICKET, "beginAuthSession for Steam ID 0")
	check_eq(_begin(t, -1, "steam_id -1"), INVALID_TICKET, "beginAuthSession for Steam ID -1")
	check_eq(pump(), [], "signals for refused beginAuthSession calls")
	check_eq(_begin(t, me, "after refusals"), OK, "the ticket still works after refused calls")
	pump()


func test_end_auth_session_and_ticket_reuse() -> void:
	_start()
	var me := Steam.getSteamID()
	var t := _ticket()
	check_eq(_begin(t, me, "first"), OK, "beginAuthSession")
	pump()
	Steam.endAuthSession(me)
	check_eq(pump(), [], "endAuthSession emitted signals")
	check_eq(Steam.userHasLicenseForApp(me, _app_id()), NO_AUTH, "licence after endAuthSession")
	# The same ticket again: accepted for checking, but the verdict says it was already used.
	check_eq(_begin(t, me, "reused"), OK, "beginAuthSession with a used ticket starts a session")
	check_eq(pump(), [["validate_auth_ticket_response", [me, RESPONSE_ALREADY_USED, me]]], "verdict for a reused ticket (7 = AuthTicketInvalidAlreadyUsed)")
	check_eq(Steam.userHasLicenseForApp(me, _app_id()), NO_AUTH, "licence with a reused ticket")
	Steam.endAuthSession(me)
	check_eq(_begin(_ticket(), me, "fresh"), OK, "beginAuthSession with a fresh ticket after endAuthSession")
	check_eq(pump(), [["validate_auth_ticket_response", [me, RESPONSE_OK, me]]], "verdict for a fresh ticket")
	Steam.endAuthSession(PLAYER) # no session: ignored
	check_eq(pump(), [], "endAuthSession for a user without a session")
	var before := Steam.getServerState()
	Steam.endAuthSession(0)
	Steam.callv("endAuthSession", ["x"])
	check_eq(Steam.getServerState(), before, "refused endAuthSession calls changed the state")
	check_eq(Steam.userHasLicenseForApp(me, _app_id()), HAS_LICENSE, "refused endAuthSession calls ended the session")


func _check_cancel(method: String) -> void:
	_start()
	var me := Steam.getSteamID()
	var t := _ticket()
	check_eq(_begin(t, me, method), OK, "beginAuthSession")
	pump()
	Steam.call(method, t.id)
	check_eq(pump(), [["validate_auth_ticket_response", [me, RESPONSE_CANCELED, me]]], "%s on an active session (6 = AuthTicketCanceled)" % method)
	check_eq(Steam.userHasLicenseForApp(me, _app_id()), NO_AUTH, "licence after %s" % method)
	Steam.call(method, t.id)
	check_eq(pump(), [], "%s twice emitted signals" % method)
	Steam.endAuthSession(me)
	# A canceled ticket that was never used is answered AuthTicketCanceled.
	var t2 := _ticket()
	Steam.call(method, t2.id)
	check_eq(pump(), [], "%s on a ticket without a session emitted signals" % method)
	check_eq(_begin(t2, me, "canceled"), OK, "beginAuthSession with a canceled ticket starts a session")
	check_eq(pump(), [["validate_auth_ticket_response", [me, RESPONSE_CANCELED, me]]], "verdict for a ticket canceled before use")
	Steam.call(method, 999999)
	check_eq(pump(), [], "%s with an unknown id emitted signals" % method)
	var before := Steam.getServerState()
	for bad in [0, -1, 4294967296]:
		Steam.call(method, bad)
	check_eq(pump(), [], "%s with invalid ids emitted signals" % method)
	check_eq(Steam.getServerState(), before, "%s with invalid ids changed the state" % method)


func test_cancel_server_auth_ticket() -> void:
	_check_cancel("cancelServerAuthTicket")


func test_cancel_auth_ticket() -> void:
	_check_cancel("cancelAuthTicket")


func test_tickets_after_log_on_with_token_carry_the_new_id() -> void:
	_start()
	Steam.logOn("token-for-auth")
	pump()
	var me := Steam.getSteamID()
	var t := _ticket()
	check_eq(t.buffer.decode_u64(1), me, "ticket issuer after logOn(token)")
	check_eq(_begin(t, me, "token id"), OK, "beginAuthSession for the token's Steam ID")
	check_eq(pump(), [["validate_auth_ticket_response", [me, RESPONSE_OK, me]]], "verdict after logOn(token)")


func test_licence_for_init_game_server_app() -> void:
	check(Steam.initGameServer({"ip": "127.0.0.1", "game_port": 27015, "query_port": 27016}, 730, "1.0"), "initGameServer(app 730)")
	var me := Steam.getSteamID()
	var t := _ticket()
	check_eq(t.buffer.decode_u32(9), 730, "ticket app ID for app 730")
	check_eq(_begin(t, me, "app 730"), OK, "beginAuthSession on app 730")
	pump()
	check_eq(Steam.userHasLicenseForApp(me, 730), HAS_LICENSE, "licence for app 730")
	check_eq(Steam.userHasLicenseForApp(me, 480), NO_LICENSE, "licence for 480 on an app-730 server")


func test_license_argument_checks() -> void:
	_start()
	check_eq(Steam.userHasLicenseForApp(0, 480), NO_AUTH, "Steam ID 0")
	check_eq(Steam.userHasLicenceForApp(-1, 480), NO_AUTH, "Steam ID -1")
	check_eq(Steam.userHasLicenseForApp(PLAYER, -1), NO_AUTH, "app -1")
	check_eq(Steam.userHasLicenceForApp(PLAYER, 4294967296), NO_AUTH, "app 2^32")
	check_eq(Steam.callv("userHasLicenseForApp", [PLAYER, "480"]), NO_AUTH, "app as String")


func test_sessions_end_with_shutdown() -> void:
	_start()
	var me := Steam.getSteamID()
	check_eq(_begin(_ticket(), me, "before shutdown"), OK, "beginAuthSession")
	pump()
	Steam.serverShutdown()
	check_eq(Steam.userHasLicenseForApp(me, 480), NO_AUTH, "licence after serverShutdown")
	_start()
	check_eq(Steam.userHasLicenseForApp(me, 480), NO_AUTH, "a session from a previous serverInit")


# ---- Group status, compatibility, clan -------------------------------------------------------------

func test_request_user_group_status() -> void:
	_start()
	check_eq(Steam.requestUserGroupStatus(PLAYER, GROUP), true, "requestUserGroupStatus")
	check_eq(pump(), [["client_group_status", [PLAYER, GROUP, false, false]]], "client_group_status(steam_id, group_id, member, officer)")
	check_eq(Steam.requestUserGroupStatus(0, GROUP), false, "requestUserGroupStatus for Steam ID 0")
	check_eq(Steam.requestUserGroupStatus(PLAYER, 0), false, "requestUserGroupStatus for group 0")
	check_eq(Steam.callv("requestUserGroupStatus", [PLAYER, "g"]), false, "requestUserGroupStatus with a String group")
	check_eq(pump(), [], "refused requestUserGroupStatus calls emitted signals")


func test_compute_new_player_compatibility() -> void:
	_start()
	Steam.computeNewPlayerCompatibility(PLAYER)
	check_eq(pump(), [["player_compat", [1, 0, 0, 0, PLAYER]]], "player_compat(result 1 = OK, 0, 0, 0, steam_id)")
	Steam.computeNewPlayerCompatibility(0)
	Steam.computeNewPlayerCompatibility(-1)
	check_eq(pump(), [], "computeNewPlayerCompatibility with invalid Steam IDs emitted signals")


func test_associate_with_clan() -> void:
	_start()
	Steam.associateWithClan(GROUP)
	check_eq(pump(), [["associate_clan", [1]]], "associate_clan(result 1 = OK)")
	Steam.associateWithClan(0)
	check_eq(pump(), [], "associateWithClan(0) emitted signals")
	var before := Steam.getServerState()
	Steam.associateWithClan(GROUP + 1)
	check_eq(pump(), [["associate_clan", [1]]], "associating with another clan")
	check_eq(Steam.getServerState(), before, "associateWithClan changed the state")
