## A game server written for GodotSteam Server 4, through the SteamServer singleton only: typed
## enums, serverInitEx's {status, verbal}, signals connected with SteamServer.<signal>.connect, an
## anonymous log-on, the server's details, a player authenticated with the three-argument
## beginAuthSession(ticket.buffer, ticket.size, steam_id) and the Steam ID helpers (the constants are
## test_godotsteam_constants.gd's).
## The state it sets is the Steam singleton's too, and every signal reaches both.
##
## It runs on the offline backend (TestGDScriptSuites) and on the steamworks backend with the Steam
## emulator (TestGodotSteamServerScriptOnEmulator). The two differ only where Steam itself is
## replaced: offline, a player's ticket comes from offlineIssueTicket and the scripted events exist;
## on steamworks those are refused, the emulator accepts any ticket (so the server's own
## getAuthSessionTicket ticket stands in for a player's), grants every licence and sends no
## cancellation. Signals arrive within run_callbacks calls spread over frames, as a game's _process
## calls it; the offline backend delivers them at the first one.
extends TestSuite

const PLAYER := 76561197960287930 # an individual account in the public universe, account 22202
const PLAYER_ACCOUNT := 22202
const CLAN := 103582791429521412
const GAME_PORT := 27015
const QUERY_PORT := 27016
const VERSION := "1.0.0.0"
## How long a wait for Steam may take: this many frames, at least WAIT_MSEC apart (10 s in all).
const WAIT_FRAMES := 1000
const WAIT_MSEC := 10

var mode: SteamServer.ServerMode = SteamServer.SERVER_MODE_AUTHENTICATION
var connected := 0
var steam_connected := 0
var disconnects: Array[int] = []
var policies: Array[int] = []
var validations: Array = []
var steam_validations: Array = []
var ticket_responses: Array = []
var steam_ticket_responses: Array = []
var kicks: Array = []
var _connections: Array = []


# ---- The game's side -------------------------------------------------------------------------------

func _offline() -> bool:
	return SteamServer.getServerState().backend == "offline"


func _listen(sig: Signal, handler: Callable) -> void:
	sig.connect(handler)
	_connections.append([sig, handler])


func _unlisten() -> void:
	for c in _connections:
		if c[0].is_connected(c[1]):
			c[0].disconnect(c[1])
	_connections.clear()


func _on_server_connected() -> void:
	connected += 1


func _on_steam_server_connected() -> void:
	steam_connected += 1


func _on_server_disconnected(result: int) -> void:
	disconnects.append(result)


func _on_policy_response(secure: int) -> void:
	policies.append(secure)


func _on_validate(steam_id: int, response: int, owner_id: int) -> void:
	validations.append([steam_id, response, owner_id])


func _on_steam_validate(steam_id: int, response: int, owner_id: int) -> void:
	steam_validations.append([steam_id, response, owner_id])


func _on_ticket_response(auth_ticket: int, result: int) -> void:
	ticket_responses.append([auth_ticket, result])


func _on_steam_ticket_response(auth_ticket: int, result: int) -> void:
	steam_ticket_responses.append([auth_ticket, result])


func _on_client_kick(steam_id: int, reason: int) -> void:
	kicks.append([steam_id, reason])


## run_callbacks once a frame, as a game's _process does, until done() holds; false after WAIT_FRAMES.
func _wait(done: Callable) -> bool:
	for i in WAIT_FRAMES:
		SteamServer.run_callbacks()
		if done.call():
			return true
		await Engine.get_main_loop().process_frame
		OS.delay_msec(WAIT_MSEC)
	return false


## run_callbacks for a few frames: whatever Steam sends by then has arrived.
func _settle(frames: int = 20) -> void:
	for i in frames:
		SteamServer.run_callbacks()
		await Engine.get_main_loop().process_frame
		OS.delay_msec(WAIT_MSEC)


func _init_server() -> bool:
	var init: Dictionary = SteamServer.serverInitEx("127.0.0.1", GAME_PORT, QUERY_PORT, mode, VERSION)
	check(init.verbal is String and not String(init.verbal).is_empty(), "serverInitEx's verbal: %s" % var_to_str(init))
	return check_eq(init.status, SteamServer.STEAM_API_INIT_RESULT_OK, "serverInitEx status (%s)" % init.verbal)


## The details a server sets before logging on (Steam reads them at the log-on).
func _set_log_on_details() -> void:
	SteamServer.setModDir("godotsteam_check")
	SteamServer.setProduct("480")
	SteamServer.setGameDescription("GodotSteam Server check")
	SteamServer.setDedicatedServer(true)


## logOnAnonymous, then run_callbacks until server_connected and policy_response have come.
func _log_on() -> bool:
	_listen(SteamServer.server_connected, _on_server_connected)
	_listen(SteamServer.policy_response, _on_policy_response)
	SteamServer.logOnAnonymous()
	var came: bool = await _wait(func(): return connected > 0 and policies.size() > 0)
	check(came, "server_connected and policy_response within %d frames (got %d, %s)" % [WAIT_FRAMES, connected, policies])
	return check_eq(SteamServer.loggedOn(), true, "loggedOn() after server_connected")


## A ticket to authenticate as PLAYER: offline, the one the player's Steam client would send
## (offlineIssueTicket); on steamworks the server's own, which the emulator accepts for any Steam ID.
func _player_ticket() -> Dictionary:
	if _offline():
		return SteamServer.offlineIssueTicket(PLAYER)
	var ticket: Dictionary = SteamServer.getAuthSessionTicket()
	await _wait(func(): return ticket_responses.any(func(r): return r[0] == ticket.id))
	return ticket


## beginAuthSession(ticket.buffer, ticket.size, PLAYER), then waits for its verdict.
func _authenticate(ticket: Variant, size: int) -> Array:
	validations.clear()
	var begun: int = SteamServer.beginAuthSession(ticket, size, PLAYER)
	if begun == SteamServer.BEGIN_AUTH_SESSION_RESULT_OK:
		await _wait(func(): return not validations.is_empty())
	return [begun, validations.duplicate()]


func _verdict_ok() -> Array:
	return [SteamServer.BEGIN_AUTH_SESSION_RESULT_OK, [[PLAYER, SteamServer.AUTH_SESSION_RESPONSE_OK, PLAYER]]]


# ---- Tests -----------------------------------------------------------------------------------------

func test_server_init_log_on_and_details() -> void:
	await _server_init_log_on_and_details()
	_unlisten()


func _server_init_log_on_and_details() -> void:
	if not _init_server():
		return
	check(SteamServer.getAppID() > 0, "getAppID() after serverInitEx: %d" % SteamServer.getAppID())
	_set_log_on_details()
	if not await _log_on():
		return
	check_eq(policies, [0], "policy_response(secure 0) in SERVER_MODE_AUTHENTICATION")
	check_eq(SteamServer.secure(), false, "secure() in SERVER_MODE_AUTHENTICATION")
	check_eq(SteamServer.isServerSecure(), false, "isServerSecure()")
	SteamServer.setMaxPlayerCount(16)
	SteamServer.setServerName("GodotSteam Server check")
	SteamServer.setMapName("check_map")
	SteamServer.setAdvertiseServerActive(true)
	var state: Dictionary = SteamServer.getServerState()
	var want := {"initialized": true, "ip": "127.0.0.1", "game_port": GAME_PORT, "query_port": QUERY_PORT, "server_mode": mode,
		"version": VERSION, "mod_dir": "godotsteam_check", "product": "480", "description": "GodotSteam Server check",
		"dedicated": true, "max_players": 16, "server_name": "GodotSteam Server check", "map_name": "check_map",
		"advertise_active": true}
	var got := {}
	for key in want:
		got[key] = state.get(key)
	check_eq(got, want, "getServerState() after the details")
	_listen(SteamServer.server_disconnected, _on_server_disconnected)
	SteamServer.logOff()
	check(await _wait(func(): return not disconnects.is_empty()), "server_disconnected after logOff")
	check_eq(disconnects, [SteamServer.RESULT_OK], "server_disconnected(RESULT_OK)")
	check_eq(SteamServer.loggedOn(), false, "loggedOn() after logOff")
	SteamServer.serverShutdown()
	check_eq(SteamServer.getServerState().initialized, false, "initialized after serverShutdown")


func test_authenticate_a_player() -> void:
	await _authenticate_a_player()
	_unlisten()


func _authenticate_a_player() -> void:
	if not _init_server():
		return
	_set_log_on_details()
	if not await _log_on():
		return
	_listen(SteamServer.validate_auth_ticket_response, _on_validate)
	_listen(Steam.validate_auth_ticket_response, _on_steam_validate)
	_listen(SteamServer.get_auth_session_ticket_response, _on_ticket_response)
	var ticket: Dictionary = await _player_ticket()
	if not check(ticket.buffer.size() > 0 and ticket.size == ticket.buffer.size(), "a ticket to present: %s" % var_to_str(ticket).left(200)):
		return
	check_eq(await _authenticate(ticket.buffer, ticket.size), _verdict_ok(), "beginAuthSession(ticket.buffer, ticket.size, PLAYER), then validate_auth_ticket_response")
	check_eq(steam_validations, validations, "the verdict on Steam.validate_auth_ticket_response too")
	check_eq(SteamServer.userHasLicenceForApp(PLAYER, SteamServer.getAppID()), SteamServer.USER_HAS_LICENSE_RESULT_HAS_LICENSE, "an authenticated player owns the server's app")

	SteamServer.endAuthSession(PLAYER)
	if _offline():
		check_eq(SteamServer.userHasLicenceForApp(PLAYER, SteamServer.getAppID()), SteamServer.USER_HAS_LICENSE_RESULT_NO_AUTH, "licence after endAuthSession")
	# A new session for the same player after endAuthSession, with the ticket as the Dictionary.
	var again: Dictionary = await _player_ticket()
	check_eq(await _authenticate(again, again.size), _verdict_ok(), "a new session after endAuthSession (the ticket Dictionary)")
	SteamServer.endAuthSession(PLAYER)

	# A ticket_size beyond the ticket's bytes is refused, as the error says.
	var refused := []
	var errors := errors_of(func(): refused.append(SteamServer.beginAuthSession(again.buffer, again.size + 1, PLAYER)))
	check_eq(refused, [SteamServer.BEGIN_AUTH_SESSION_RESULT_INVALID_TICKET], "beginAuthSession with ticket_size > the ticket")
	check(errors.size() == 1 and errors[0].begins_with("SteamServer.beginAuthSession: ticket_size "), "the error printed: %s" % [errors])


func test_cancel_auth_ticket() -> void:
	await _cancel_auth_ticket()
	_unlisten()


func _cancel_auth_ticket() -> void:
	if not _init_server() or not await _log_on():
		return
	_listen(SteamServer.validate_auth_ticket_response, _on_validate)
	_listen(SteamServer.get_auth_session_ticket_response, _on_ticket_response)
	# The server cancels a ticket it gave out: accepted without a word.
	var own: Dictionary = SteamServer.getAuthSessionTicket()
	check(await _wait(func(): return not ticket_responses.is_empty()), "get_auth_session_ticket_response for the server's ticket")
	check_eq(errors_of(func(): SteamServer.cancelAuthTicket(own.id)), PackedStringArray(), "errors of cancelAuthTicket(its own ticket)")
	var errors := errors_of(func(): SteamServer.cancelAuthTicket(SteamServer.AUTH_TICKET_INVALID))
	check(errors.size() == 1 and errors[0].begins_with("SteamServer.cancelAuthTicket: "), "cancelAuthTicket(AUTH_TICKET_INVALID) is refused: %s" % [errors])
	if not _offline():
		return # The player's side of a cancellation needs the player's Steam client (the emulator sends none).
	# The player cancels the ticket the server authenticated: the session hears of it.
	var ticket: Dictionary = SteamServer.offlineIssueTicket(PLAYER)
	check_eq(await _authenticate(ticket.buffer, ticket.size), _verdict_ok(), "the player's ticket")
	validations.clear()
	SteamServer.cancelAuthTicket(ticket.id)
	check(await _wait(func(): return not validations.is_empty()), "a verdict after the player's cancellation")
	check_eq(validations, [[PLAYER, SteamServer.AUTH_SESSION_RESPONSE_AUTH_TICKET_CANCELED, PLAYER]], "validate_auth_ticket_response(AUTH_TICKET_CANCELED)")
	check_eq(SteamServer.userHasLicenceForApp(PLAYER, SteamServer.getAppID()), SteamServer.USER_HAS_LICENSE_RESULT_NO_AUTH, "licence after the cancellation")


func test_get_auth_session_ticket() -> void:
	await _get_auth_session_ticket()
	_unlisten()


func _get_auth_session_ticket() -> void:
	if not _init_server() or not await _log_on():
		return
	_listen(SteamServer.get_auth_session_ticket_response, _on_ticket_response)
	_listen(Steam.get_auth_session_ticket_response, _on_steam_ticket_response)
	var ticket: Dictionary = SteamServer.getAuthSessionTicket()
	check(ticket.has_all(["id", "buffer", "size"]), "getAuthSessionTicket() keys: %s" % [ticket.keys()])
	check(ticket.id != SteamServer.AUTH_TICKET_INVALID, "the ticket's id: %d" % ticket.id)
	check(ticket.buffer is PackedByteArray and ticket.size > 0, "the ticket's bytes: %s" % var_to_str(ticket).left(200))
	check_eq(ticket.size, ticket.buffer.size(), "size == buffer.size()")
	check_eq(ticket.get("ticket_size"), ticket.size, "ticket_size (GodotSteam 4.x's other name) == size")
	check(await _wait(func(): return not ticket_responses.is_empty()), "get_auth_session_ticket_response")
	check_eq(ticket_responses, [[ticket.id, SteamServer.RESULT_OK]], "get_auth_session_ticket_response(id, RESULT_OK)")
	check_eq(steam_ticket_responses, ticket_responses, "the same signal on Steam")
	# One for a given peer: another ticket.
	var for_player: Dictionary = SteamServer.getAuthSessionTicket(PLAYER)
	check(for_player.id != SteamServer.AUTH_TICKET_INVALID and for_player.id != ticket.id, "getAuthSessionTicket(PLAYER) is a new ticket: %d" % for_player.id)
	check_eq(for_player.size, for_player.buffer.size(), "its size")
	SteamServer.cancelAuthTicket(ticket.id)
	SteamServer.cancelAuthTicket(for_player.id)


func test_steam_id_helpers() -> void:
	await _steam_id_helpers()
	_unlisten()


## (universe 1) | account type | instance | account: a Steam ID of the public universe.
func _id(account_type: int, instance: int, account: int) -> int:
	return (1 << 56) | (account_type << 52) | (instance << 32) | account


func _kinds(id: int) -> Array:
	return [SteamServer.isSteamIDValid(id), SteamServer.isIndividualAccount(id), SteamServer.isClanAccount(id),
		SteamServer.isAnonAccount(id), SteamServer.isAnonUserAccount(id), SteamServer.isChatAccount(id),
		SteamServer.isLobby(id), SteamServer.isConsoleUserAccount(id)]


func _steam_id_helpers() -> void:
	# [valid, individual, clan, anon, anon user, chat, lobby, console user]
	var errors := errors_of(func():
		check_eq(_kinds(PLAYER), [true, true, false, false, false, false, false, false], "a player's ID")
		check_eq(SteamServer.getSteamID32(PLAYER), PLAYER_ACCOUNT, "getSteamID32(player)")
		check_eq(PLAYER & SteamServer.STEAM_ACCOUNT_ID_MASK, PLAYER_ACCOUNT, "PLAYER & STEAM_ACCOUNT_ID_MASK")
		check_eq(_kinds(CLAN), [true, false, true, false, false, false, false, false], "a clan's ID")
		check_eq(_kinds(0), [false, false, false, false, false, false, false, false], "Steam ID 0")
		check_eq(_kinds(_id(SteamServer.ACCOUNT_TYPE_ANON_USER, 0, 7)), [true, false, false, true, true, false, false, false], "an anonymous user")
		check_eq(_kinds(_id(SteamServer.ACCOUNT_TYPE_ANON_GAME_SERVER, 0, 7)), [true, false, false, true, false, false, false, false], "an anonymous game server")
		check_eq(_kinds(_id(SteamServer.ACCOUNT_TYPE_CHAT, 0x40000, 7)), [true, false, false, false, false, true, true, false], "a lobby (a chat with the lobby instance flag)")
		check_eq(_kinds(_id(SteamServer.ACCOUNT_TYPE_CHAT, 0, 7)), [true, false, false, false, false, true, false, false], "a chat room")
		check_eq(_kinds(_id(SteamServer.ACCOUNT_TYPE_CONSOLE_USER, 0, 7)), [true, true, false, false, false, false, false, true], "a console user (an individual account, as CSteamID says)")
		check_eq(SteamServer.getSteamID32(CLAN), CLAN & 0xFFFFFFFF, "getSteamID32(clan)"))
	check_eq(errors, PackedStringArray(), "errors of the helpers before serverInit (they need no server)")
	if not _init_server() or not await _log_on():
		return
	# The server's own: a game server's account (Steam gives an anonymous log-on an anonymous game
	# server's ID, type 4; the emulator gives every server type 3).
	var me := SteamServer.getSteamID()
	var account_type := (me >> 52) & 0xF
	check(account_type in [SteamServer.ACCOUNT_TYPE_GAME_SERVER, SteamServer.ACCOUNT_TYPE_ANON_GAME_SERVER], "the server's account type: %d of %d" % [account_type, me])
	check_eq(_kinds(me), [true, false, false, account_type == SteamServer.ACCOUNT_TYPE_ANON_GAME_SERVER, false, false, false, false], "the server's ID %d" % me)
	check_eq(SteamServer.getServerSteamID(), me, "getServerSteamID() == getSteamID()")
	check_eq(Steam.getSteamID(), me, "Steam.getSteamID()")
	check_eq(SteamServer.getSteamID32(me), me & SteamServer.STEAM_ACCOUNT_ID_MASK, "getSteamID32(the server)")


func test_one_server_behind_both_singletons() -> void:
	await _one_server_behind_both_singletons()
	_unlisten()


func _one_server_behind_both_singletons() -> void:
	if not _init_server():
		return
	check_eq(Steam.getServerState(), SteamServer.getServerState(), "Steam.getServerState() after SteamServer.serverInitEx")
	check_eq(Steam.getServerState().initialized, true, "Steam sees the server SteamServer started")
	_listen(Steam.server_connected, _on_steam_server_connected)
	if not await _log_on():
		return
	await _settle(5)
	check_eq([connected, steam_connected], [1, 1], "server_connected once on SteamServer and once on Steam")
	check_eq(Steam.loggedOn(), true, "Steam.loggedOn() after SteamServer.logOnAnonymous()")
	check_eq(Steam.getSteamID(), SteamServer.getSteamID(), "one Steam ID")
	SteamServer.setMapName("set_by_steamserver")
	check_eq(Steam.getServerState().map_name, "set_by_steamserver", "Steam sees SteamServer.setMapName")
	Steam.setServerName("set by Steam")
	check_eq(SteamServer.getServerState().server_name, "set by Steam", "SteamServer sees Steam.setServerName")
	check_eq(Steam.getServerState(), SteamServer.getServerState(), "getServerState() of the two")
	SteamServer.serverShutdown()
	check_eq(Steam.getServerState().initialized, false, "Steam sees SteamServer.serverShutdown()")


func test_refused_calls_name_steamserver() -> void:
	var errors := errors_of(func(): SteamServer.logOnAnonymous())
	check(errors.size() == 1 and errors[0].begins_with("SteamServer.logOnAnonymous: the game server is not initialized"), "before serverInit: %s" % [errors])
	if not _init_server():
		return
	var before: Dictionary = SteamServer.getServerState()
	errors = errors_of(func(): SteamServer.setMapName("m".repeat(32)))
	check(errors.size() == 1 and errors[0].begins_with("SteamServer.setMapName: "), "an over-long map name: %s" % [errors])
	errors = errors_of(func(): SteamServer.getAuthSessionTicket(-5))
	check(errors.size() == 1 and errors[0].begins_with("SteamServer.getAuthSessionTicket: remote_steam_id "), "a bad remote_steam_id: %s" % [errors])
	errors = errors_of(func(): SteamServer.setModDir("d".repeat(32)))
	check(errors.size() == 1 and errors[0].begins_with("SteamServer.setModDir: mod_directory "), "GodotSteam Server 4's argument name: %s" % [errors])
	errors = errors_of(func(): Steam.setMapName("m".repeat(32)))
	check(errors.size() == 1 and errors[0].begins_with("Steam.setMapName: "), "the Steam class names itself: %s" % [errors])
	check_eq(SteamServer.getServerState(), before, "refused calls changed the state")


## The offline backend's scripted Steam events, and the steamworks backend's refusal of them.
func test_offline_scripting() -> void:
	await _offline_scripting()
	_unlisten()


func _offline_scripting() -> void:
	if not _init_server():
		return
	_listen(SteamServer.client_kick, _on_client_kick)
	var issued := [] # a lambda's own variables are copies: it hands the ticket back in an Array
	var errors := errors_of(func():
		issued.append(SteamServer.offlineIssueTicket(PLAYER))
		SteamServer.offlineKickClient(PLAYER, SteamServer.DENY_CHEATER))
	var ticket: Dictionary = issued[0]
	await _settle(5)
	if _offline():
		check_eq(errors, PackedStringArray(), "errors of offlineIssueTicket and offlineKickClient offline")
		check(ticket.size > 0 and ticket.size == ticket.buffer.size() and ticket.buffer.decode_u64(1) == PLAYER, "offlineIssueTicket(PLAYER): %s" % var_to_str(ticket).left(200))
		check_eq(kicks, [[PLAYER, SteamServer.DENY_CHEATER]], "client_kick after offlineKickClient")
		return
	check_eq(Array(errors).map(func(e): return e.get_slice(":", 0)), ["SteamServer.offlineIssueTicket", "SteamServer.offlineKickClient"], "refused on steamworks: %s" % [errors])
	check(errors.size() == 2 and errors[0].contains("only with the offline backend"), "the reason: %s" % [errors])
	check_eq([ticket.id, ticket.size, ticket.buffer], [SteamServer.AUTH_TICKET_INVALID, 0, PackedByteArray()], "no ticket on steamworks")
	check_eq(kicks, [], "no client_kick on steamworks")
