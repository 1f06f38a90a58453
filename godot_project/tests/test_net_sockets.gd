## GodotSteam Server 4's Networking Sockets offline, in one process (the offline transport lets a
## process connect to its own listen socket over loopback UDP): listening, connecting, accepting,
## network_connection_status_changed with its connection Dictionary, messages both ways on a
## connection and a poll group, what a connection reports, lanes, names, user data, socket pairs,
## closing with a reason seen by the peer, and the calls refused without FakeIP or certificates.
## Ports: 27300 to 27399 (this suite's range).
extends TestSuite

const API := preload("res://tests/api_table.gen.gd")
const PORT := 27300
const CONNECTING := Steam.CONNECTION_STATE_CONNECTING
const CONNECTED := Steam.CONNECTION_STATE_CONNECTED
const CLOSED_BY_PEER := Steam.CONNECTION_STATE_CLOSED_BY_PEER
const RELIABLE := Steam.NETWORKING_SEND_RELIABLE
const NO_NAGLE := Steam.NETWORKING_SEND_NO_NAGLE
const INFO_KEYS := ["identity", "user_data", "listen_socket", "remote_address", "remote_pop", "pop_relay", "connection_state",
	"end_reason", "end_debug", "debug_description", "info_flags"]
const MESSAGE_KEYS := ["payload", "size", "connection", "identity", "receiver_user_data", "time_received", "message_number",
	"channel", "flags", "sender_user_data"]
const STATUS_KEYS := ["state", "ping", "local_quality", "remote_quality", "packets_out_per_second", "bytes_out_per_second",
	"packets_in_per_second", "bytes_in_per_second", "send_rate", "pending_unreliable", "pending_reliable",
	"sent_unacknowledged_reliable", "queue_time"]
const LANE_KEYS := ["pending_unreliable", "pending_reliable", "sent_unacknowledged_reliable", "queue_time"]

## The network_connection_status_changed signals seen, as [handle, connection, old_state].
var changes: Array = []


func _record(handle: int, connection: Dictionary, old_state: int) -> void:
	changes.append([handle, connection, old_state])


## Runs run_callbacks each frame until done() is true, for at most 5 seconds; returns done().
func _until(s: Object, done: Callable) -> bool:
	var deadline := Time.get_ticks_msec() + 5000
	while not done.call() and Time.get_ticks_msec() < deadline:
		s.run_callbacks()
		await Engine.get_main_loop().process_frame
	return done.call()


## The first change recorded for handle into state, or [] when none came.
func _change(handle: int, state: int) -> Array:
	for c in changes:
		if c[0] == handle and c[1].connection_state == state:
			return c
	return []


## Starts the server, listens on 127.0.0.1:port and connects to it; returns [listen socket, client,
## server connection] once both are CONNECTED, or [] (with a failed check). The signal stays
## connected to _record until the suite is freed, after the test.
func _connected(s: Object, port: int, options := {}) -> Array:
	if not start_server():
		return []
	s.network_connection_status_changed.connect(_record)
	var listen: int = s.createListenSocketIP("127.0.0.1:%d" % port, {})
	var client: int = s.connectByIPAddress("127.0.0.1:%d" % port, options)
	if not check(listen != 0 and client != 0, "listen socket %d, connection %d" % [listen, client]):
		return []
	var incoming := func(): return changes.any(func(c): return c[1].listen_socket == listen)
	if not check(await _until(s, incoming), "the listen socket reported no connection"):
		return []
	var server: int = changes.filter(func(c): return c[1].listen_socket == listen)[0][0]
	check_eq(s.acceptConnection(server), 1, "acceptConnection")
	var both := func(): return not _change(client, CONNECTED).is_empty() and not _change(server, CONNECTED).is_empty()
	if not check(await _until(s, both), "not CONNECTED on both sides: %s" % var_to_str(changes).left(400)):
		return []
	return [listen, client, server]


func _receive(s: Object, receive: Callable, want: int) -> Array:
	var got: Array = []
	await _until(s, func():
		got.append_array(receive.call())
		return got.size() >= want)
	return got


func test_connect_accept_and_status_changes() -> void:
	var ends := await _connected(Steam, PORT)
	if ends.is_empty():
		return
	var listen: int = ends[0]
	var client: int = ends[1]
	var server: int = ends[2]
	# Both sides see CONNECTING (from NONE), then CONNECTED (from CONNECTING), in that order.
	for h in [client, server]:
		var connecting := _change(h, CONNECTING)
		var connected := _change(h, CONNECTED)
		check_eq(connecting[2], 0, "connection %d: CONNECTING's old_state is NONE" % h)
		check_eq(connected[2], CONNECTING, "connection %d: CONNECTED's old_state is CONNECTING" % h)
		check(changes.find(connecting) < changes.find(connected), "connection %d: CONNECTED came before CONNECTING" % h)
		check_eq(connected[1].keys(), INFO_KEYS, "the signal's connection Dictionary keys")
	var incoming: Dictionary = _change(server, CONNECTING)[1]
	check_eq([incoming.listen_socket, incoming.remote_address, incoming.identity], [listen, "127.0.0.1", Steam.getSteamID()],
		"the incoming connection's listen socket, address and identity (this process: its own Steam ID)")
	var info: Dictionary = Steam.getConnectionInfo(client)
	check_eq(info.keys(), INFO_KEYS, "getConnectionInfo's keys")
	check_eq([info.connection_state, info.listen_socket, info.remote_address, info.end_reason], [CONNECTED, 0, "127.0.0.1", 0],
		"the client's connection info")
	check(info.info_flags & 2 != 0 and "UDP 127.0.0.1:%d" % PORT in info.debug_description,
		"unencrypted, over UDP to the listen socket: %s" % var_to_str(info))
	check_eq(Steam.getListenSocketAddress(listen), "127.0.0.1:%d" % PORT, "getListenSocketAddress")
	check_eq(SteamServer.getListenSocketAddress(listen, false), "127.0.0.1", "getListenSocketAddress without the port")


func test_messages_both_ways_on_a_connection_and_a_poll_group() -> void:
	var ends := await _connected(SteamServer, PORT + 1, {Steam.NETWORKING_CONFIG_CONNECTION_USER_DATA: 42})
	if ends.is_empty():
		return
	var client: int = ends[1]
	var server: int = ends[2]
	var group: int = SteamServer.createPollGroup()
	check(group != 0 and SteamServer.setConnectionPollGroup(server, group), "poll group %d for the server's connection" % group)
	check(SteamServer.setConnectionUserData(server, 77), "setConnectionUserData")
	check_eq([SteamServer.getConnectionUserData(server), SteamServer.getConnectionUserData(client)], [77, 42],
		"user data: set, and from the connect options")
	var up := [PackedByteArray([1, 2, 3]), "unreliable up".to_utf8_buffer()]
	var down := ["reliable down".to_utf8_buffer(), PackedByteArray([9])]
	var sent: Dictionary = SteamServer.sendMessageToConnection(client, up[0], RELIABLE)
	check_eq(sent, {"result": 1, "message_number": 1}, "the first reliable message")
	check_eq(SteamServer.sendMessageToConnection(client, up[1], NO_NAGLE).result, 1, "an unreliable message")
	check_eq(SteamServer.sendMessageToConnection(server, down[0], RELIABLE).result, 1, "a reliable message back")
	check_eq(SteamServer.sendMessageToConnection(server, down[1], NO_NAGLE).result, 1, "an unreliable message back")
	check_eq(SteamServer.flushMessagesOnConnection(client), 1, "flushMessagesOnConnection")
	var at_server := await _receive(SteamServer, func(): return SteamServer.receiveMessagesOnPollGroup(group, 16), 2)
	var at_client := await _receive(SteamServer, func(): return SteamServer.receiveMessagesOnConnection(client, 16), 2)
	for got in [[at_server, up, server, 77], [at_client, down, client, 42]]:
		var messages: Array = got[0]
		if not check_eq(messages.size(), 2, "messages received on connection %d" % got[2]):
			continue
		var reliable: Dictionary = messages.filter(func(m): return m.flags & RELIABLE)[0]
		var unreliable: Dictionary = messages.filter(func(m): return not m.flags & RELIABLE)[0]
		check_eq(reliable.keys(), MESSAGE_KEYS, "a message's keys")
		var sent_reliable: PackedByteArray = got[1][0]
		check_eq([reliable.payload, reliable.size, reliable.connection, reliable.identity, reliable.receiver_user_data, reliable.message_number,
			reliable.channel, reliable.sender_user_data], [sent_reliable, sent_reliable.size(), got[2], SteamServer.getSteamID(), got[3], 1, 0, 0],
			"the reliable message on connection %d" % got[2])
		check_eq(unreliable.payload, got[1][1], "the unreliable message's payload")
		check(reliable.time_received > 0, "time_received %d" % reliable.time_received)
	check_eq(SteamServer.receiveMessagesOnConnection(client, 16), [], "nothing more to read")
	check(SteamServer.destroyPollGroup(group), "destroyPollGroup")


func test_what_a_connection_reports() -> void:
	var ends := await _connected(Steam, PORT + 2)
	if ends.is_empty():
		return
	var client: int = ends[1]
	var status: Dictionary = Steam.getConnectionRealTimeStatus(client, 0)
	check_eq(status.keys(), ["response", "connection_status", "lanes_status"], "getConnectionRealTimeStatus's keys")
	check_eq([status.response, status.connection_status.keys(), status.connection_status.state, status.lanes_status],
		[1, STATUS_KEYS, CONNECTED, []], "the status of a connected connection")
	check_eq(Steam.getConnectionRealTimeStatus(client, 0, false).connection_status, {}, "without get_status")
	check_eq(Steam.configureConnectionLanes(client, 3, [0, 1, 1], [1, 3, 1]), 1, "configureConnectionLanes")
	var lanes: Array = Steam.getConnectionRealTimeStatus(client, 3).lanes_status
	check(lanes.size() == 3 and lanes.all(func(l): return l.keys() == LANE_KEYS), "three lanes' status: %s" % var_to_str(lanes))
	var errors := errors_of(func(): check_eq(Steam.getConnectionRealTimeStatus(client, 4), {"response": 8}, "more lanes than configured"))
	check(errors.size() == 1 and "Steam.getConnectionRealTimeStatus: lanes" in errors[0], "the refusal names lanes: %s" % errors)
	var detail: Dictionary = Steam.getDetailedConnectionStatus(client)
	check(detail.keys() == ["success", "status"] and detail.success == 0 and not String(detail.status).is_empty(),
		"getDetailedConnectionStatus: %s" % var_to_str(detail).left(200))
	Steam.setConnectionName(client, "to the listen socket")
	check_eq(Steam.getConnectionName(client), "to the listen socket", "getConnectionName")
	check("to the listen socket" in String(Steam.getConnectionInfo(client).debug_description), "the name is in the description")
	check_eq(Steam.getConnectionUserData(ends[2]), -1, "user data never set")


func test_socket_pairs() -> void:
	if not start_server():
		return
	for loopback in [false, true]:
		var pair: Dictionary = Steam.createSocketPair(loopback, 0, 0)
		if not check(pair.keys() == ["success", "connection1", "connection2"] and pair.success, "createSocketPair(%s): %s" % [loopback, pair]):
			continue
		check_eq(Steam.getConnectionInfo(pair.connection1).connection_state, CONNECTED, "a pair starts CONNECTED")
		check_eq(Steam.sendMessageToConnection(pair.connection1, PackedByteArray([5, 6]), RELIABLE).result, 1, "send on the pair")
		var got := await _receive(Steam, func(): return Steam.receiveMessagesOnConnection(pair.connection2, 4), 1)
		check(got.size() == 1 and got[0].payload == PackedByteArray([5, 6]), "the pair's message (loopback %s): %s" % [loopback, got])
		check(Steam.closeConnection(pair.connection1, 0, "", false) and Steam.closeConnection(pair.connection2, 0, "", false), "closing the pair")


func test_close_with_a_reason_the_peer_sees() -> void:
	var ends := await _connected(Steam, PORT + 3)
	if ends.is_empty():
		return
	check(Steam.closeConnection(ends[1], 1234, "bye now", false), "closeConnection")
	var closed := func(): return not _change(ends[2], CLOSED_BY_PEER).is_empty()
	if check(await _until(Steam, closed), "the server's connection did not see the close"):
		var seen: Dictionary = _change(ends[2], CLOSED_BY_PEER)[1]
		check_eq([seen.end_reason, seen.end_debug], [1234, "bye now"], "the reason and text the peer sees")
	check(Steam.closeConnection(ends[2], 0, "", false), "closing the server's end frees its handle")
	var errors := errors_of(func(): check_eq(Steam.closeConnection(ends[1], 0, "", false), false, "closing twice"))
	check(errors.size() == 1 and "Steam.closeConnection: connection %d is not open" % ends[1] in errors[0], "closing twice: %s" % errors)
	check(Steam.closeListenSocket(ends[0]), "closeListenSocket")
	check_eq(Steam.getListenSocketAddress(ends[0]), "", "a closed listen socket has no address")


func test_closing_the_listen_socket_ends_its_connections() -> void:
	var ends := await _connected(Steam, PORT + 4)
	if ends.is_empty():
		return
	check(Steam.closeListenSocket(ends[0]), "closeListenSocket")
	var closed := func(): return not _change(ends[1], CLOSED_BY_PEER).is_empty()
	if check(await _until(Steam, closed), "the client did not see its connection end"):
		check_eq(_change(ends[1], CLOSED_BY_PEER)[1].end_debug, "the listen socket was closed", "why the client's connection ended")


func test_largest_message_and_one_too_large() -> void:
	var ends := await _connected(Steam, PORT + 5)
	if ends.is_empty():
		return
	var largest := PackedByteArray()
	largest.resize(524288)
	largest.fill(7)
	check_eq(Steam.sendMessageToConnection(ends[1], largest, RELIABLE).result, 1, "a message of 524288 bytes")
	var got := await _receive(Steam, func(): return Steam.receiveMessagesOnConnection(ends[2], 4), 1)
	check(got.size() == 1 and got[0].size == 524288 and got[0].payload == largest, "the largest message arrived whole")
	largest.append(7)
	var errors := errors_of(func(): check_eq(Steam.sendMessageToConnection(ends[1], largest, RELIABLE), {"result": 8, "message_number": 0},
		"a message of 524289 bytes"))
	check(errors.size() == 1 and errors[0].begins_with("Steam.sendMessageToConnection: data is 524289 bytes"), "the refusal: %s" % errors)


func test_authentication_and_what_offline_lacks() -> void:
	if not start_server():
		return
	var seen: Array = []
	var on_status := func(available, debug): seen.append([available, debug])
	SteamServer.network_authentication_status.connect(on_status)
	check_eq(SteamServer.initAuthentication(), SteamServer.NETWORKING_AVAILABILITY_CURRENT, "initAuthentication: CURRENT, the realm's tickets")
	await _until(SteamServer, func(): return not seen.is_empty())
	check(seen.size() == 1 and seen[0][0] == 100 and seen[0][1] is String, "network_authentication_status: %s" % [seen])
	check_eq(SteamServer.getAuthenticationStatus(), 100, "getAuthenticationStatus")
	SteamServer.network_authentication_status.disconnect(on_status)
	var pair: Dictionary = Steam.createSocketPair(false, 0, 0)
	check_eq(Steam.getRemoteFakeIPForConnection(pair.connection1), {"result": 31, "ip_address": "", "port": 0, "ip_type": 0},
		"a connection not made over FakeIP: RESULT_IP_NOT_FOUND")
	for cls in API.CLASSES:
		var s := Engine.get_singleton(cls)
		var got := [null]
		var errors := errors_of(func(): got[0] = s.getFakeIP())
		check_eq(got[0], {"result": 2, "identity_type": 0, "ip": "", "ports": []}, "%s.getFakeIP()" % cls)
		check(errors.size() == 1 and "%s.getFakeIP: FakeIP needs Steam Datagram Relay" % cls in errors[0], "getFakeIP's refusal: %s" % errors)
		errors = errors_of(func(): got[0] = s.getCertificateRequest())
		check(got[0].keys() == ["certificate", "error_message"] and got[0].certificate.is_empty() and "realm's tickets" in got[0].error_message,
			"%s.getCertificateRequest(): %s" % [cls, got[0]])
		check_eq(errors.size(), 1, "getCertificateRequest prints its refusal")
	# Networking Messages: no session with the player, nothing on the channel.
	check_eq(Steam.getSessionConnectionInfo(76561197960287930, false, false), {"connection_state": 0}, "no session")
	var session: Dictionary = Steam.getSessionConnectionInfo(76561197960287930, true, true)
	check_eq(session.keys(), ["connection_state"] + INFO_KEYS.filter(func(k): return k != "connection_state") + STATUS_KEYS,
		"getSessionConnectionInfo with the connection and its status")
	check_eq(Steam.receiveMessagesOnChannel(0, 16), [], "receiveMessagesOnChannel with nothing sent")
