## GodotSteam Server 4's Networking (old P2P), Networking Messages and Networking Utils offline.
## One process is one identity (a session with oneself is refused), so the P2P and message tests
## start a second Godot process, tests/net_peer.gd, as a player of the same realm: packets and
## messages go both ways between the two identities over loopback UDP. The Utils answers need no peer.
extends TestSuite

const USER := 76561197960287930
## A player no process is: the realm's directory has no entry for them.
const NOBODY := 76561197960287931
const P2P_CHANNEL := 1
const MSG_CHANNEL := 2
const WAIT_MS := 30000

## Every signal pump() saw since the test started, as [name, args].
var seen: Array = []


## Pumps callbacks a frame at a time until a signal named name with first argument first (if not
## null) came, or WAIT_MS passed; returns its arguments, or null.
func _wait_signal(name: String, first: Variant = null) -> Variant:
	var until := Time.get_ticks_msec() + WAIT_MS
	while Time.get_ticks_msec() < until:
		for s in seen:
			if s[0] == name and (first == null or s[1][0] == first):
				seen.erase(s)
				return s[1]
		await Engine.get_main_loop().process_frame
		seen.append_array(pump())
	return null


## Waits until a packet is on the P2P channel; returns its size (0: none came).
func _wait_packet() -> int:
	var until := Time.get_ticks_msec() + WAIT_MS
	while Time.get_ticks_msec() < until and Steam.getAvailableP2PPacketSize(P2P_CHANNEL) == 0:
		await Engine.get_main_loop().process_frame
		seen.append_array(pump())
	return Steam.getAvailableP2PPacketSize(P2P_CHANNEL)


## Waits for messages on the message channel; returns them (empty: none came).
func _wait_messages() -> Array:
	var until := Time.get_ticks_msec() + WAIT_MS
	while Time.get_ticks_msec() < until:
		var got: Array = Steam.receiveMessagesOnChannel(MSG_CHANNEL, 16)
		if not got.is_empty():
			return got
		await Engine.get_main_loop().process_frame
		seen.append_array(pump())
	return []


## The Godot to start the peer with: GODOT_BIN (build.sh exports it; the provisioned Godot is a
## launcher script, whose process is the dynamic loader), else this process's executable.
func _godot() -> String:
	return OS.get_environment("GODOT_BIN") if OS.has_environment("GODOT_BIN") else OS.get_executable_path()


func _log_on() -> int:
	if not start_server(2, "127.0.0.1", 0):
		return 0
	Steam.logOnAnonymous()
	var until := Time.get_ticks_msec() + WAIT_MS
	while not Steam.loggedOn() and Time.get_ticks_msec() < until:
		await Engine.get_main_loop().process_frame
		seen.append_array(pump())
	check(Steam.loggedOn(), "logged on")
	return Steam.getSteamID()


func test_p2p_packets_and_messages_with_a_peer_process() -> void:
	var server_id: int = await _log_on()
	if server_id == 0:
		return
	check_eq(Steam.getP2PSessionState(USER), {}, "no session with the user before they send")
	check_eq(Steam.acceptP2PSessionWithUser(USER), false, "nothing to accept before the user sends")
	var pid := OS.create_process(_godot(), ["--headless", "--path", ProjectSettings.globalize_path("res://"),
		"res://tests/net_peer.tscn", "--", str(server_id), str(USER)])
	if not check(pid > 0, "started the peer process"):
		return
	# The old API: the user's first packet announces the session; accepting it lets it be read.
	check_eq(await _wait_signal("p2p_session_request"), [USER], "p2p_session_request(remote_steam_id) from the peer")
	check_eq(Steam.acceptP2PSessionWithUser(USER), true, "acceptP2PSessionWithUser")
	check_eq(SteamServer.acceptP2PSessionWithUser(USER), true, "SteamServer.acceptP2PSessionWithUser (the same session)")
	check_eq(await _wait_packet(), 9, "getAvailableP2PPacketSize: \"hello p2p\" is 9 bytes")
	check_eq(Steam.getAvailableP2PPacketSize(), 0, "nothing on channel 0 (the default)")
	check_eq(Steam.readP2PPacket(9, P2P_CHANNEL), {"data": "hello p2p".to_utf8_buffer(), "remote_steam_id": USER}, "readP2PPacket")
	check_eq(Steam.readP2PPacket(9, P2P_CHANNEL), {}, "readP2PPacket with nothing waiting")
	var state: Dictionary = Steam.getP2PSessionState(USER)
	check_eq(state.keys(), ["connection_active", "connecting", "session_error", "using_relay", "bytes_queued_for_send",
		"packets_queued_for_send", "remote_ip", "remote_port"], "getP2PSessionState's keys (GodotSteam Server 4's)")
	check_eq([state.get("connection_active"), state.get("session_error"), state.get("using_relay")], [true, Steam.P2P_SESSION_ERROR_NONE, false],
		"an active session, no error, no relay")
	# Both ways: the peer echoes on the same channel; a shorter buffer cuts the packet.
	check(SteamServer.sendP2PPacket(USER, "ping".to_utf8_buffer(), SteamServer.P2P_SEND_RELIABLE, P2P_CHANNEL), "sendP2PPacket ping")
	check_eq(await _wait_packet(), 9, "the echo \"echo:ping\" waits")
	check_eq(SteamServer.readP2PPacket(4, P2P_CHANNEL), {"data": "echo".to_utf8_buffer(), "remote_steam_id": USER}, "readP2PPacket cuts to 4 bytes")
	# Networking Messages: the peer's message announced its session; accept it, read it, talk back.
	check_eq(await _wait_signal("network_messages_session_request"), [USER], "network_messages_session_request from the peer")
	check_eq(Steam.acceptSessionWithUser(USER), true, "acceptSessionWithUser")
	var got := await _wait_messages()
	check_eq(got.map(func(m): return [m.payload.get_string_from_utf8(), m.identity, m.channel]), [["hello msg", USER, MSG_CHANNEL]],
		"the peer's message, from the user, on its channel")
	check_eq(SteamServer.sendMessageToUser(USER, "pong".to_utf8_buffer(), SteamServer.NETWORKING_SEND_RELIABLE, MSG_CHANNEL),
		SteamServer.RESULT_OK, "sendMessageToUser")
	got = await _wait_messages()
	check_eq(got.map(func(m): return m.payload.get_string_from_utf8()), ["echo:pong"], "the peer echoed the message")
	# Ending: the peer quits on a packet; closing answers true once, then there is nothing to close.
	check(Steam.sendP2PPacket(USER, "quit".to_utf8_buffer(), Steam.P2P_SEND_RELIABLE, P2P_CHANNEL), "sendP2PPacket quit")
	var until := Time.get_ticks_msec() + WAIT_MS
	while OS.is_process_running(pid) and Time.get_ticks_msec() < until:
		await Engine.get_main_loop().process_frame
		seen.append_array(pump())
	check_eq(OS.get_process_exit_code(pid), 0, "the peer's checks passed and it quit on the quit packet")
	if OS.is_process_running(pid):
		OS.kill(pid)
	check_eq(Steam.closeChannelWithUser(USER, MSG_CHANNEL), true, "closeChannelWithUser")
	check_eq(Steam.closeSessionWithUser(USER), false, "the session closed with its last channel")
	check_eq(Steam.closeP2PSessionWithUser(USER), true, "closeP2PSessionWithUser")
	check_eq(Steam.getP2PSessionState(USER), {}, "no session after closing it")
	check_eq(Steam.closeP2PChannelWithUser(USER, P2P_CHANNEL), false, "no channel left to close")


func test_a_user_nobody_is_fails_both_sessions() -> void:
	if await _log_on() == 0:
		return
	# A short connect timeout, so the failures come quickly.
	check_eq(Steam.setGlobalConfigValueInt32(Steam.NETWORKING_CONFIG_TIMEOUT_INITIAL, 300), true, "TimeoutInitial 300 ms")
	check(Steam.sendP2PPacket(NOBODY, "x".to_utf8_buffer(), Steam.P2P_SEND_RELIABLE, 0), "sendP2PPacket to nobody is queued")
	check_eq(Steam.sendMessageToUser(NOBODY, "x".to_utf8_buffer(), Steam.NETWORKING_SEND_RELIABLE, 0), Steam.RESULT_OK, "sendMessageToUser to nobody is queued")
	var fail: Variant = await _wait_signal("p2p_session_connect_fail", NOBODY)
	check(fail is Array and fail.size() == 2 and fail[1] in [Steam.P2P_SESSION_ERROR_DESTINATION_NOT_LOGGED_ON, Steam.P2P_SESSION_ERROR_TIMEOUT],
		"p2p_session_connect_fail(NOBODY, DESTINATION_NOT_LOGGED_ON or TIMEOUT), got %s" % var_to_str(fail))
	var failed: Variant = await _wait_signal("network_messages_session_failed")
	check(failed is Array and failed.size() == 1 and failed[0] in [Steam.CONNECTION_END_MISC_P2P_RENDEZVOUS, Steam.CONNECTION_END_MISC_TIMEOUT],
		"network_messages_session_failed(reason): GodotSteam's one argument, P2P_RENDEZVOUS or TIMEOUT, got %s" % var_to_str(failed))


func test_utils_answers_offline() -> void:
	if not start_server(2, "127.0.0.1", 0):
		return
	var t1: int = Steam.getLocalTimestamp()
	OS.delay_msec(2)
	var t2: int = SteamServer.getLocalTimestamp()
	check(t1 >= 2592000000000 and t2 - t1 >= 2000, "getLocalTimestamp: µs from 30 days, increasing (%d then %d)" % [t1, t2])
	var zeros := PackedByteArray()
	zeros.resize(512)
	check_eq(Steam.getLocalPingLocation(), {"age": -1.0, "location": zeros}, "getLocalPingLocation: none measured")
	var text: String = Steam.convertPingLocationToString(zeros)
	check_eq(Steam.parsePingLocationString(text), {"success": true, "ping_location": zeros}, "the ping location's text parses back to it")
	check_eq(Steam.parsePingLocationString("lhr=20+2,fra=30").success, false, "no relay location parses offline")
	check_eq([Steam.estimatePingTimeFromLocalHost(zeros), Steam.estimatePingTimeBetweenTwoLocations(zeros, zeros), Steam.getDirectPingToPOP(1)],
		[Steam.NETWORKING_PING_FAILED, Steam.NETWORKING_PING_FAILED, Steam.NETWORKING_PING_FAILED], "no ping estimates without relays")
	check_eq([Steam.getPOPCount(), Steam.getPOPList(), Steam.getPingToDataCenter(1), Steam.checkPingDataUpToDate(60.0)],
		[0, [], {"pop_relay": 0, "ping": -1}, false], "no points of presence offline")
	check_eq(Steam.getRelayNetworkStatus(), Steam.NETWORKING_AVAILABILITY_CANNOT_TRY, "getRelayNetworkStatus")
	Steam.initRelayNetworkAccess()
	var relay := pump().filter(func(s): return s[0] == "relay_network_status")
	check(relay.size() == 1 and relay[0][1].slice(0, 4) == [-102, 0, -102, -102] and relay[0][1][4] is String,
		"initRelayNetworkAccess: relay_network_status(CANNOT_TRY, 0, CANNOT_TRY, CANNOT_TRY, text), got %s" % var_to_str(relay))
	SteamServer.initRelayNetworkAccess()
	check_eq(pump().filter(func(s): return s[0] == "relay_network_status"), [], "only the first initRelayNetworkAccess reports")


func test_config_values_global_and_per_connection() -> void:
	if not start_server(2, "127.0.0.1", 0):
		return
	var nagle: int = Steam.NETWORKING_CONFIG_NAGLE_TIME
	var global: int = Steam.NETWORKING_CONFIG_SCOPE_GLOBAL
	check_eq(Steam.getConfigValue(nagle, global, 0), {"result": Steam.NETWORKING_GET_CONFIG_VALUE_OK_INHERITED,
		"type": Steam.NETWORKING_CONFIG_TYPE_INT32, "value": 5000, "buffer": 4}, "NagleTime's default, inherited")
	check_eq(Steam.setGlobalConfigValueInt32(nagle, 1234), true, "setGlobalConfigValueInt32")
	check_eq(SteamServer.getConfigValue(nagle, global, 0), {"result": 1, "type": 1, "value": 1234, "buffer": 4}, "NagleTime set globally")
	check_eq(Steam.setGlobalConfigValueFloat(Steam.NETWORKING_CONFIG_FAKE_PACKET_LOSS_SEND, 2.5), true, "setGlobalConfigValueFloat")
	check_eq(Steam.getConfigValue(Steam.NETWORKING_CONFIG_FAKE_PACKET_LOSS_SEND, global, 0), {"result": 1,
		"type": Steam.NETWORKING_CONFIG_TYPE_FLOAT, "value": 2.5, "buffer": 4}, "FakePacketLoss_Send set globally")
	check_eq(Steam.setGlobalConfigValueFloat(Steam.NETWORKING_CONFIG_FAKE_PACKET_LOSS_SEND, 0.0), true, "no loss again")
	check_eq(Steam.setGlobalConfigValueString(Steam.NETWORKING_CONFIG_P2P_STUN_SERVER_LIST, "stun.example.net:3478"), true, "setGlobalConfigValueString")
	check_eq(Steam.getConfigValue(Steam.NETWORKING_CONFIG_P2P_STUN_SERVER_LIST, global, 0), {"result": 1,
		"type": Steam.NETWORKING_CONFIG_TYPE_STRING, "value": "stun.example.net:3478", "buffer": 22}, "the STUN list, with its NUL")
	# Per connection: one connection's value, the other inherits the global one.
	var pair: Dictionary = Steam.createSocketPair(false, 0, 0)
	if not check(pair.get("success", false), "createSocketPair"):
		return
	var conn: int = Steam.NETWORKING_CONFIG_SCOPE_CONNECTION
	check_eq(Steam.setConnectionConfigValueInt32(pair.connection1, nagle, 777), true, "setConnectionConfigValueInt32")
	check_eq(Steam.getConfigValue(nagle, conn, pair.connection1), {"result": 1, "type": 1, "value": 777, "buffer": 4}, "its own value")
	check_eq(Steam.getConfigValue(nagle, conn, pair.connection2), {"result": 2, "type": 1, "value": 1234, "buffer": 4}, "the other inherits the global one")
	check_eq(Steam.setConnectionConfigValueFloat(pair.connection1, nagle, 1.0), false, "a float for an int32 value is refused")
	check_eq(Steam.setConnectionConfigValueString(pair.connection1, Steam.NETWORKING_CONFIG_P2P_STUN_SERVER_LIST, "a:1"), true, "setConnectionConfigValueString")
	check_eq(Steam.setConnectionConfigValueInt32(pair.connection1, Steam.NETWORKING_CONFIG_FAKE_PACKET_LAG_SEND, 5), false, "a global-only value on a connection is refused")
	check_eq(Steam.setGlobalConfigValueInt32(Steam.NETWORKING_CONFIG_MTU_DATA_SIZE, 1000), false, "a read-only value is refused")
	check_eq(Steam.getConfigValue(nagle, conn, 99999), {}, "a connection that is not open")
	# getConfigValueInfo: each value's type and most specific scope.
	var infos := []
	for v in [nagle, Steam.NETWORKING_CONFIG_FAKE_PACKET_LOSS_SEND, Steam.NETWORKING_CONFIG_P2P_STUN_SERVER_LIST,
			Steam.NETWORKING_CONFIG_CONNECTION_USER_DATA, Steam.NETWORKING_CONFIG_CALLBACK_CONNECTION_STATUS_CHANGED]:
		infos.append(Steam.getConfigValueInfo(v))
	check_eq(infos, [{"type": Steam.NETWORKING_CONFIG_TYPE_INT32, "scope": conn}, {"type": Steam.NETWORKING_CONFIG_TYPE_FLOAT, "scope": global},
		{"type": Steam.NETWORKING_CONFIG_TYPE_STRING, "scope": conn}, {"type": Steam.NETWORKING_CONFIG_TYPE_INT64, "scope": conn},
		{"type": Steam.NETWORKING_CONFIG_TYPE_FUNCTION_PTR, "scope": conn}], "getConfigValueInfo")
	var errors := errors_of(func(): check_eq(Steam.getConfigValueInfo(Steam.NETWORKING_CONFIG_INVALID), {}, "an unknown value's info"))
	check(errors.size() == 1 and "Steam.getConfigValueInfo: config_value names no networking config value: 0" in errors[0], "its error, got %s" % errors)
	# Leave the globals as they were for the next tests.
	Steam.setGlobalConfigValueInt32(nagle, 5000)
