## One side of the two-process realm check (./build.sh test, realm_peers_check): two Godot processes
## of one offline realm (the same realm key file) exchange auth tickets over loopback UDP.
##
##   godot --headless --path godot_project res://tests/realm_peer.tscn -- server <dir>
##   godot --headless --path godot_project res://tests/realm_peer.tscn -- client <dir>
##
## The server binds 127.0.0.1 on a free port and writes it to <dir>/server.port; the client issues
## tickets with getAuthSessionTicket and sends them. The server must accept a ticket once and refuse
## its replay (beginAuthSession and sendUserConnectAndAuthenticate), the client must see that its
## ticket was used in the other process, and the server must see the client's cancellation. Each
## side prints "N passed, N failed" and exits 1 on any failure, or after DEADLINE_MS.
extends "check_scene.gd"

const DEADLINE_MS := 60000
const REPLY_TIMEOUT_MS := 10000
const CLIENT_IP := 0x7F000001

var role := ""
var dir := ""
var udp := PacketPeerUDP.new()
var seen: Array = [] # server: every signal, as [name, args]
var started_ms := Time.get_ticks_msec()


func _ready() -> void:
	var args := OS.get_cmdline_user_args()
	if args.size() != 2 or not (args[0] in ["server", "client"]):
		printerr("usage: realm_peer.tscn -- server|client <dir>")
		get_tree().quit(2)
		return
	role = args[0]
	label = role
	dir = args[1]
	# Query port 0: no query socket, so the two processes never compete for a port.
	if not check(Steam.serverInit("127.0.0.1", 27015, 0, 2, "1.0"), "serverInit (realm key: the default file under XDG_CONFIG_HOME)"):
		finish()
		return
	Steam.logOnAnonymous()
	for s in Steam.get_signal_list():
		var name: String = s.name
		Steam.connect(name, func(...a): seen.append([name, a]))
	# The log-on's own signals (server_connected, policy_response) come at a run_callbacks: wait for
	# them, so they never land in the signals a request's reply reports.
	while not Steam.loggedOn() and not late():
		await get_tree().process_frame
	check(Steam.loggedOn(), "logged on within %d ms" % DEADLINE_MS)
	seen.clear()
	if role == "server":
		await serve()
	else:
		await run_client()
	finish()


func _process(_delta: float) -> void:
	Steam.run_callbacks()


func finish() -> void:
	for s in Steam.get_signal_list():
		for c in Steam.get_signal_connection_list(s.name):
			Steam.disconnect(s.name, c.callable)
	if Steam.getServerState().initialized:
		Steam.serverShutdown()
	udp.close()
	super()


func late() -> bool:
	return Time.get_ticks_msec() - started_ms > DEADLINE_MS


# ---- Server: answers the client's requests ----------------------------------------------------------

func serve() -> void:
	if not check_eq(udp.bind(0, "127.0.0.1"), OK, "bind a loopback UDP port"):
		return
	var f := FileAccess.open(dir.path_join("server.port.tmp"), FileAccess.WRITE)
	f.store_string(str(udp.get_local_port()))
	f.close()
	DirAccess.rename_absolute(dir.path_join("server.port.tmp"), dir.path_join("server.port"))
	while not late():
		await get_tree().process_frame
		if udp.get_available_packet_count() == 0:
			continue
		var msg: Variant = JSON.parse_string(udp.get_packet().get_string_from_utf8())
		if not check(msg is Dictionary, "a request that is not JSON"):
			continue
		udp.set_dest_address(udp.get_packet_ip(), udp.get_packet_port())
		var reply := await handle(msg)
		udp.put_packet(JSON.stringify(reply).to_utf8_buffer())
		if msg.op == "done":
			return
	check(false, "the client did not finish within %d ms" % DEADLINE_MS)


## Runs one request; replies carry the call's result and the signals it led to.
func handle(msg: Dictionary) -> Dictionary:
	var id := String(msg.get("steam_id", "0")).to_int()
	var ticket := Marshalls.base64_to_raw(msg.get("ticket", ""))
	seen.clear()
	match msg.op:
		"begin":
			Steam.endAuthSession(id)
			var r := Steam.beginAuthSession(ticket, id)
			await frames(2)
			return {"result": r, "signals": seen.duplicate()}
		"connect":
			Steam.sendUserDisconnect(id)
			var ok := Steam.sendUserConnectAndAuthenticate(CLIENT_IP, ticket, id)
			await frames(2)
			return {"result": ok, "signals": seen.duplicate()}
		"await_cancel":
			# The client canceled the ticket of the current session: the realm's journal tells us
			# within about a second.
			var deadline := Time.get_ticks_msec() + 5000
			while Time.get_ticks_msec() < deadline:
				for s in seen:
					if s[0] == "validate_auth_ticket_response":
						return {"signals": seen.duplicate(), "license": Steam.userHasLicenseForApp(id, 480)}
				await get_tree().process_frame
			return {"signals": seen.duplicate(), "license": Steam.userHasLicenseForApp(id, 480)}
		"done":
			return {"done": true}
	return {"error": "unknown op %s" % msg.op}


func frames(n: int) -> void:
	for i in n:
		await get_tree().process_frame


# ---- Client: issues tickets and checks the server's answers -------------------------------------------

func request(msg: Dictionary) -> Dictionary:
	udp.put_packet(JSON.stringify(msg).to_utf8_buffer())
	var deadline := Time.get_ticks_msec() + REPLY_TIMEOUT_MS
	while Time.get_ticks_msec() < deadline:
		await get_tree().process_frame
		if udp.get_available_packet_count() > 0:
			var reply: Variant = JSON.parse_string(udp.get_packet().get_string_from_utf8())
			if reply is Dictionary:
				return reply
	check(false, "no reply to %s within %d ms" % [msg.op, REPLY_TIMEOUT_MS])
	return {}


## Signals in a JSON reply, with numbers as ints, and Steam IDs (too big for the doubles JSON numbers
## become) as the string of their double value, as me_json is.
func signals_of(reply: Dictionary) -> Array:
	var out := []
	for s in reply.get("signals", []):
		var args := []
		for a in s[1]:
			if a is bool:
				args.append(a)
			else:
				var f := float(a)
				args.append(str(int(f)) if absf(f) > 1e15 else int(f))
		out.append([s[0], args])
	return out


func run_client() -> void:
	var port_file := dir.path_join("server.port")
	while not FileAccess.file_exists(port_file):
		if late():
			check(false, "the server wrote no port within %d ms" % DEADLINE_MS)
			return
		await get_tree().process_frame
	var port := FileAccess.get_file_as_string(port_file).to_int()
	if not check_eq(udp.bind(0, "127.0.0.1"), OK, "bind a loopback UDP port"):
		return
	udp.set_dest_address("127.0.0.1", port)
	await frames(2)
	seen.clear()
	var me := Steam.getSteamID()
	# Steam IDs do not survive JSON numbers (doubles): they travel as strings. Big numbers in the
	# replies are compared the same way, as strings of their double value.
	var me_str := str(me)
	var me_json := str(int(float(me)))

	# 1. A ticket is accepted once; its replay is refused.
	var t1 := Steam.getAuthSessionTicket()
	var b64 := Marshalls.raw_to_base64(t1.buffer)
	var r := await request({"op": "begin", "steam_id": me_str, "ticket": b64})
	check_eq(int(r.get("result", -1)), Steam.BEGIN_AUTH_SESSION_RESULT_OK, "the server's beginAuthSession")
	check_eq(signals_of(r), [["validate_auth_ticket_response", [me_json, Steam.AUTH_SESSION_RESPONSE_OK, me_json]]], "the server accepts the ticket")
	r = await request({"op": "begin", "steam_id": me_str, "ticket": b64})
	check_eq(int(r.get("result", -1)), Steam.BEGIN_AUTH_SESSION_RESULT_OK, "the server's beginAuthSession of the replay")
	check_eq(signals_of(r), [["validate_auth_ticket_response", [me_json, Steam.AUTH_SESSION_RESPONSE_AUTH_TICKET_INVALID_ALREADY_USED, me_json]]],
		"the server refuses the replay")

	# 2. This process sees that the other one used the ticket (the realm's ticket journal).
	seen.clear()
	check_eq(Steam.beginAuthSession(t1, me), Steam.BEGIN_AUTH_SESSION_RESULT_OK, "beginAuthSession here with the ticket the server used")
	await frames(2)
	check_eq(seen, [["validate_auth_ticket_response", [me, Steam.AUTH_SESSION_RESPONSE_AUTH_TICKET_INVALID_ALREADY_USED, me]]],
		"a ticket used in another process of the realm is refused here too")
	Steam.endAuthSession(me)

	# 3. A cancellation here reaches the server's session.
	var t2 := Steam.getAuthSessionTicket()
	r = await request({"op": "begin", "steam_id": me_str, "ticket": Marshalls.raw_to_base64(t2.buffer)})
	check_eq(signals_of(r), [["validate_auth_ticket_response", [me_json, Steam.AUTH_SESSION_RESPONSE_OK, me_json]]], "a fresh ticket is accepted")
	Steam.cancelAuthTicket(t2.id)
	r = await request({"op": "await_cancel", "steam_id": me_str})
	check_eq(signals_of(r), [["validate_auth_ticket_response", [me_json, Steam.AUTH_SESSION_RESPONSE_AUTH_TICKET_CANCELED, me_json]]],
		"the server's session sees the cancellation")
	check_eq(int(r.get("license", -1)), Steam.USER_HAS_LICENSE_RESULT_NO_AUTH, "and loses its licence")

	# 4. Player connections: accepted once, the replay denied.
	var t3 := Marshalls.raw_to_base64(Steam.getAuthSessionTicket().buffer)
	r = await request({"op": "connect", "steam_id": me_str, "ticket": t3})
	check_eq(r.get("result"), true, "sendUserConnectAndAuthenticate on the server")
	check_eq(signals_of(r), [["client_approved", [me_json, me_json]]], "the server approves the client")
	r = await request({"op": "connect", "steam_id": me_str, "ticket": t3})
	check_eq(r.get("result"), true, "sendUserConnectAndAuthenticate of the replay")
	check_eq(signals_of(r), [["client_denied", [me_json, Steam.DENY_LOGGED_IN_ELSEWHERE]]], "the server denies the replay")

	r = await request({"op": "done"})
	check_eq(r.get("done"), true, "the server finished")
