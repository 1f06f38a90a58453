## The other process of test_net_messages.gd: a player of the same offline realm (the same realm key
## file) that talks to the test's server over the old P2P API and Networking Messages, on loopback.
##
##   godot --headless --path godot_project res://tests/net_peer.tscn -- <server steam id> <user steam id>
##
## It becomes the user (serverInit as a client, then resetIdentity), sends "hello p2p" with
## sendP2PPacket (channel 1) and "hello msg" with sendMessageToUser (channel 2), then echoes each
## packet or message the server sends back on its channel as "echo:<data>", until a "quit" packet
## or DEADLINE_MS. Prints "peer: N passed, N failed" and exits 1 on a failure.
extends "check_scene.gd"

const DEADLINE_MS := 30000
const P2P_CHANNEL := 1
const MSG_CHANNEL := 2

var server_id := 0
var started_ms := Time.get_ticks_msec()
var done := false


func _ready() -> void:
	label = "peer"
	var args := OS.get_cmdline_user_args()
	if args.size() != 2:
		printerr("usage: net_peer.tscn -- <server steam id> <user steam id>")
		get_tree().quit(2)
		return
	server_id = int(args[0])
	# No game or query port: a client's serverInit, then the player's identity.
	if not check(Steam.serverInit("127.0.0.1", 0, 0, Steam.SERVER_MODE_NO_AUTHENTICATION, "1.0.0.0"), "serverInit"):
		finish()
		return
	Steam.resetIdentity(int(args[1]))
	Steam.p2p_session_request.connect(func(remote: int): Steam.acceptP2PSessionWithUser(remote))
	Steam.network_messages_session_request.connect(func(remote: int): Steam.acceptSessionWithUser(remote))
	check(Steam.sendP2PPacket(server_id, "hello p2p".to_utf8_buffer(), Steam.P2P_SEND_RELIABLE, P2P_CHANNEL), "sendP2PPacket hello")
	check_eq(Steam.sendMessageToUser(server_id, "hello msg".to_utf8_buffer(), Steam.NETWORKING_SEND_RELIABLE, MSG_CHANNEL),
		Steam.RESULT_OK, "sendMessageToUser hello")


func _process(_delta: float) -> void:
	if done:
		return
	Steam.run_callbacks()
	while Steam.getAvailableP2PPacketSize(P2P_CHANNEL) > 0:
		var packet: Dictionary = Steam.readP2PPacket(Steam.getAvailableP2PPacketSize(P2P_CHANNEL), P2P_CHANNEL)
		if packet.data.get_string_from_utf8() == "quit":
			_stop()
			return
		check(Steam.sendP2PPacket(packet.remote_steam_id, "echo:".to_utf8_buffer() + packet.data, Steam.P2P_SEND_RELIABLE, P2P_CHANNEL), "echo a packet")
	for m in Steam.receiveMessagesOnChannel(MSG_CHANNEL, 16):
		check_eq(Steam.sendMessageToUser(m.identity, "echo:".to_utf8_buffer() + m.payload, Steam.NETWORKING_SEND_RELIABLE, MSG_CHANNEL),
			Steam.RESULT_OK, "echo a message")
	if Time.get_ticks_msec() - started_ms > DEADLINE_MS:
		check(false, "no quit within %d ms" % DEADLINE_MS)
		_stop()


func _stop() -> void:
	done = true
	Steam.serverShutdown()
	finish()
