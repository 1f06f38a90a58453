## Demo client: joins the demo server (demo/server.gd) with a Steam auth ticket over UDP and reports
## whether the server authenticated it. With --ticket offline (the default) the ticket comes from
## Steam.offlineIssueTicket(steam_id), as that player's Steam client would make it (a real client
## gets it from the Steam client API, e.g. GodotSteam's getAuthSessionTicket). Server and client must
## then share the offline realm key (same user and machine, or the same GOSTEAM_REALM_KEY).
## With --ticket steam the client is a game server of its own on the backend GOSTEAM_BACKEND names
## (e.g. steamworks on a Steam emulator): it logs on anonymously and sends a ticket of
## Steam.getAuthSessionTicket (once get_auth_session_ticket_response says OK) under its own
## getSteamID; --steam-id is then ignored.
## Options after `--`:
##   --server ADDRESS (127.0.0.1)  --port N (27015, the server's game port)
##   --steam-id ID (76561197960287930)  --timeout SECONDS (20)  --ticket offline|steam (offline)
## Prints `client: authenticated ...` and `1 passed, 0 failed` and exits 0 when the server approved
## the ticket; otherwise the reason, `0 passed, 1 failed`, and exit status 1.
extends Node

const AUTH_REQUEST := "GSA1"
const AUTH_REPLY := "GSR1"
const AUTH_BYE := "GSB1"

var options := {
	"server": "127.0.0.1",
	"port": 27015,
	"steam-id": 76561197960287930,
	"timeout": 20,
	"ticket": "offline",
}
var peer := PacketPeerUDP.new()
var request := PackedByteArray()
var since_send := 0.0
var elapsed := 0.0
var done := false
var steam_ticket := {} # --ticket steam: getAuthSessionTicket's answer


func _ready() -> void:
	for arg in _pairs(OS.get_cmdline_user_args()):
		if not options.has(arg[0]):
			printerr("client: unknown option --", arg[0])
			continue
		options[arg[0]] = int(arg[1]) if options[arg[0]] is int else arg[1]
	if options.ticket == "steam":
		_start_steam_ticket()
		return
	# The ticket is made by this process's offline backend: it needs a (local, portless) game server.
	OS.set_environment("GOSTEAM_BACKEND", "offline")
	if not Steam.serverInit("127.0.0.1", 0, 0, Steam.SERVER_MODE_NO_AUTHENTICATION, "1.0.0.0"):
		_finish(false, "the offline backend did not start")
		return
	var ticket: Dictionary = Steam.offlineIssueTicket(options["steam-id"])
	if ticket.get("ticket_size", 0) == 0:
		_finish(false, "offlineIssueTicket gave no ticket")
		return
	_send_ticket(ticket)


## --ticket steam: a game server of our own (no ports of its own) logs on; its Steam ID and a ticket
## of getAuthSessionTicket are sent once Steam has confirmed the ticket.
func _start_steam_ticket() -> void:
	var init: Dictionary = Steam.serverInitEx("127.0.0.1", 0, 0, Steam.SERVER_MODE_NO_AUTHENTICATION, "1.0.0.0")
	if init.status != 0:
		_finish(false, "serverInit failed: %s" % init.verbal)
		return
	print("client: %s backend" % Steam.getServerState().backend)
	Steam.server_connected.connect(func():
		options["steam-id"] = Steam.getSteamID()
		print("client: logged on as %d" % options["steam-id"])
		steam_ticket = Steam.getAuthSessionTicket()
		if steam_ticket.get("ticket_size", 0) == 0:
			_finish(false, "getAuthSessionTicket gave no ticket"))
	Steam.get_auth_session_ticket_response.connect(func(id: int, result: int):
		print("client: get_auth_session_ticket_response %d, result %d" % [id, result])
		if steam_ticket.is_empty() or id != steam_ticket.id or not request.is_empty():
			return
		if result != 1:
			_finish(false, "get_auth_session_ticket_response result %d" % result)
			return
		_send_ticket(steam_ticket))
	Steam.logOnAnonymous()


func _send_ticket(ticket: Dictionary) -> void:
	request = AUTH_REQUEST.to_ascii_buffer()
	request.resize(12)
	request.encode_u64(4, options["steam-id"])
	request.append_array(ticket.buffer)
	if peer.connect_to_host(options.server, options.port) != OK:
		_finish(false, "cannot open a UDP socket to %s:%d" % [options.server, options.port])
		return
	peer.put_packet(request)
	print("client: sent a %d-byte ticket for %d to %s:%d" % [ticket.ticket_size, options["steam-id"], options.server, options.port])

func _process(delta: float) -> void:
	if done:
		return
	elapsed += delta
	since_send += delta
	while peer.get_available_packet_count() > 0:
		var reply := peer.get_packet()
		if reply.size() != 17 or reply.slice(0, 4).get_string_from_ascii() != AUTH_REPLY or reply.decode_u64(4) != options["steam-id"]:
			continue
		var stage := reply.decode_u8(12)
		var code := reply.decode_s32(13)
		if stage == 0:
			print("client: server's beginAuthSession = %d" % code)
			if code != Steam.BEGIN_AUTH_SESSION_RESULT_OK:
				_finish(false, "the server refused the ticket: beginAuthSession = %d" % code)
				return
		elif code == Steam.AUTH_SESSION_RESPONSE_OK:
			_finish(true, "validate_auth_ticket_response = 0 (OK)")
			return
		else:
			_finish(false, "the server's verdict: validate_auth_ticket_response = %d" % code)
			return
	if elapsed > options.timeout:
		_finish(false, "no verdict from %s:%d within %d s" % [options.server, options.port, options.timeout])
	elif since_send > 1.0 and not request.is_empty(): # UDP: ask again; the server answers a repeated request with the same replies
		since_send = 0.0
		peer.put_packet(request)
	Steam.run_callbacks()


func _finish(ok: bool, why: String) -> void:
	done = true
	if ok:
		print("client: authenticated as %d: %s" % [options["steam-id"], why])
		var bye := AUTH_BYE.to_ascii_buffer()
		bye.resize(12)
		bye.encode_u64(4, options["steam-id"])
		peer.put_packet(bye)
	else:
		printerr("client: not authenticated: ", why)
	print("1 passed, 0 failed" if ok else "0 passed, 1 failed")
	peer.close()
	if Steam.getServerState().initialized:
		Steam.serverShutdown()
	get_tree().quit(0 if ok else 1)


## [name, value] pairs of `--name value` arguments.
func _pairs(args: PackedStringArray) -> Array:
	var out := []
	var i := 0
	while i + 1 < args.size():
		out.append([args[i].trim_prefix("--"), args[i + 1]])
		i += 2
	return out
