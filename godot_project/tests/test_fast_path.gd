## Status reads answered without entering Go must never be stale: every call that can change
## them retires the cached answer.
extends TestSuite


func test_cached_status_follows_every_change() -> void:
	check_eq(Steam.serverInit("127.0.0.1", 27015, 27016, 3, "1.0.0"), true, "serverInit")
	for i in 3:
		check_eq(Steam.loggedOn(), false, "loggedOn before log-on, read %d" % i)
		check_eq(Steam.secure(), false, "secure before log-on, read %d" % i)
	var anonymous := Steam.getSteamID()
	Steam.logOnAnonymous()
	for i in 3:
		check_eq(Steam.loggedOn(), false, "loggedOn while connecting, read %d" % i)
		check_eq(Steam.secure(), false, "secure while connecting, read %d" % i)
	Steam.run_callbacks() # the log-on completes: nothing else changes the answers
	for i in 3:
		check_eq(Steam.loggedOn(), true, "loggedOn once run_callbacks connected, read %d" % i)
		check_eq(Steam.secure(), true, "secure in mode 3, read %d" % i)
		check_eq(Steam.isServerSecure(), true, "isServerSecure, read %d" % i)
	Steam.logOff()
	check_eq(Steam.loggedOn(), false, "loggedOn after logOff")
	Steam.logOn("persistent-account-token")
	var persistent := Steam.getSteamID()
	check((persistent >> 52) & 0xF == 3, "logOn(token) gives a persistent game-server ID")
	check(persistent != anonymous, "the ID changed with the log-on")
	check_eq(Steam.getServerSteamID(), persistent, "getServerSteamID follows")
	Steam.serverShutdown()
	check_eq(Steam.loggedOn(), false, "loggedOn after serverShutdown (refused, safe value)")
	check_eq(Steam.getSteamID(), 0, "getSteamID after serverShutdown")


func test_run_callbacks_emits_after_skipped_frames() -> void:
	check_eq(Steam.serverInit("127.0.0.1", 27015, 27016, 2, "1.0.0"), true, "serverInit")
	for i in 100:
		Steam.run_callbacks() # idle frames, answered without entering Go
	Steam.logOnAnonymous()
	check_eq(names_of(pump()), ["server_connected", "policy_response"], "signals after idle frames")
	for i in 100:
		Steam.run_callbacks()
	Steam.requestUserGroupStatus(76561197960287930, 103582791429521412)
	check_eq(names_of(pump()), ["client_group_status"], "a later event is not lost")


func test_empty_outgoing_packet_answered_in_c_is_never_stale() -> void:
	var empty := {"length": 0, "out": PackedByteArray(), "address": 0, "port": 0}
	var info := PackedByteArray([0xFF, 0xFF, 0xFF, 0xFF, 0x54]) + "Source Engine Query".to_utf8_buffer() + PackedByteArray([0])
	check_eq(Steam.serverInit("127.0.0.1", 27015, Steam.QUERY_PORT_SHARED, 2, "1.0.0"), true, "serverInit")
	Steam.setAdvertiseServerActive(true)
	Steam.logOnAnonymous()
	pump()
	for round in 3:
		for i in 3:
			# Typed calls take ptrcall, callv the Variant path: both have the C answer.
			var got: Dictionary = Steam.getNextOutgoingPacket() if i != 1 else Steam.callv("getNextOutgoingPacket", [])
			check_eq(got, empty, "round %d, empty read %d" % [round, i])
			check_eq(got.keys(), empty.keys(), "round %d, key order of empty read %d" % [round, i])
			got.length = 99 # a fresh Dictionary each time: changing one changes no later answer
			got.out.append(1)
		Steam.handleIncomingPacket(info, "127.0.0.1", 27005 + round)
		var out: Dictionary = Steam.getNextOutgoingPacket() if round != 1 else Steam.callv("getNextOutgoingPacket", [])
		# An unchallenged A2S_INFO gets S2C_CHALLENGE ('A'), the default answer to a source not yet proven.
		check(out.length == 9 and out.out.size() == out.length and out.out[4] == 0x41, "round %d: the reply right after an empty answer, got %s" % [round, var_to_str(out).left(120)])
		check_eq(out.port, 27005 + round, "round %d: reply port" % round)
		check_eq(out.address, 0x7F000001, "round %d: reply address" % round)
		check_eq(out.keys(), empty.keys(), "round %d: key order of a packet" % round)
	check_eq(Steam.getNextOutgoingPacket(), empty, "empty after the last reply")
	# Idle frames answered in C do not hide a packet queued after them.
	for i in 10:
		Steam.run_callbacks()
		Steam.getNextOutgoingPacket()
	Steam.handleIncomingPacket(info, "127.0.0.1", 27005)
	check_eq(Steam.getNextOutgoingPacket().length > 0, true, "a reply after idle frames")
	Steam.serverShutdown()
	check_eq(Steam.getNextOutgoingPacket(), empty, "refused after serverShutdown: the safe value")


func test_repeated_setter_values_skipped_in_c_are_never_stale() -> void:
	check_eq(Steam.serverInit("127.0.0.1", 27015, 27016, 2, "1.0.0"), true, "serverInit")
	for i in 3:
		Steam.setMapName("de_dust")
		Steam.setMaxPlayerCount(16)
		Steam.setPasswordProtected(true)
	var st := Steam.getServerState()
	check_eq([st.map_name, st.max_players, st.password_protected], ["de_dust", 16, true], "after repeats")
	Steam.setMapName("cs_office")
	Steam.setMapName("de_dust")
	Steam.callv("setMapName", [&"cs_italy"]) # the Variant path, a StringName
	check_eq(Steam.getServerState().map_name, "cs_italy", "each change lands")
	Steam.callv("setMapName", ["de_dust"])
	Steam.setMapName("de_dust")
	check_eq(Steam.getServerState().map_name, "de_dust", "back to de_dust")
	Steam.callv("setMaxPlayerCount", [16.0]) # a whole float is the same int
	Steam.callv("setMaxPlayerCount", [2.5]) # refused, whatever came before
	Steam.setMaxPlayerCount(17)
	Steam.setMaxPlayerCount(16)
	check_eq(Steam.getServerState().max_players, 16, "ints")
	var long := "x".repeat(100) # longer than C keeps: always goes to Go
	Steam.setGameData(long)
	Steam.setGameData(long)
	Steam.setGameData(long + "y")
	check_eq(Steam.getServerState().game_data, long + "y", "a long value")
	Steam.setProduct("480")
	Steam.setProduct("480")
	Steam.logOnAnonymous()
	Steam.setProduct("481") # refused after log-on
	check_eq(Steam.getServerState().product, "480", "refused after log-on")
	# A new server starts from a new state: the same values must reach it.
	Steam.serverShutdown()
	Steam.setMapName("de_dust") # refused: not initialized
	check_eq(Steam.serverInit("127.0.0.1", 27015, 27016, 2, "1.0.0"), true, "serverInit again")
	Steam.setMapName("de_dust")
	Steam.setMaxPlayerCount(16)
	Steam.setPasswordProtected(true)
	st = Steam.getServerState()
	check_eq([st.map_name, st.max_players, st.password_protected], ["de_dust", 16, true], "the same values after a new serverInit")
	# Idle frames in between do not hide a change.
	for i in 5:
		Steam.run_callbacks()
		Steam.setMapName("de_dust")
	Steam.setMapName("de_nuke")
	check_eq(Steam.getServerState().map_name, "de_nuke", "a change after idle frames")


func test_strings_encoded_in_c_match_godot() -> void:
	# Short strings are encoded to UTF-8 by the extension itself, longer ones and invalid code points
	# by Godot: both must give what Godot's own conversion gives.
	check_eq(Steam.serverInit("127.0.0.1", 27015, 27016, 2, "1.0.0"), true, "serverInit")
	var texts := ["", "a", "é", "服", "🎮", "Ünïcødé 服务器 🚀", "🎮".repeat(15), "x".repeat(63),
		"é".repeat(31), "🎮".repeat(64), "🎮".repeat(65), "ab".repeat(200)]
	for t in texts:
		Steam.setGameData(t)
		check_eq(Steam.getServerState().game_data, t, "setGameData round trip of %d characters" % t.length())
	var invalid := "a" + String.chr(0xD800) + "b"
	Steam.setGameData(invalid)
	check_eq(Steam.getServerState().game_data, invalid.to_utf8_buffer().get_string_from_utf8(), "a lone surrogate, as Godot converts it")


func test_cached_answers_are_shared_by_both_classes() -> void:
	# Steam and SteamServer are one server: a change through either retires what C cached for the other.
	check_eq(SteamServer.serverInit("127.0.0.1", 27015, 27016, 2, "1.0.0"), true, "SteamServer.serverInit")
	check_eq(Steam.loggedOn(), false, "Steam.loggedOn before log-on")
	check_eq(SteamServer.loggedOn(), false, "SteamServer.loggedOn before log-on")
	SteamServer.logOnAnonymous()
	Steam.run_callbacks()
	check_eq(Steam.loggedOn(), true, "Steam.loggedOn after SteamServer.logOnAnonymous")
	check_eq(SteamServer.loggedOn(), true, "SteamServer.loggedOn after Steam.run_callbacks")
	Steam.logOff()
	check_eq(SteamServer.loggedOn(), false, "SteamServer.loggedOn after Steam.logOff")
	# A setter C skips when it repeats its last value must not skip after the other class changed it.
	Steam.setMapName("first")
	SteamServer.setMapName("second")
	Steam.setMapName("first")
	check_eq(Steam.getServerState().map_name, "first", "Steam.setMapName after SteamServer.setMapName")
	SteamServer.setMapName("second")
	check_eq(SteamServer.getServerState().map_name, "second", "SteamServer.setMapName after Steam.setMapName")
	SteamServer.serverShutdown()
	check_eq(Steam.getServerState().initialized, false, "SteamServer.serverShutdown shut Steam's server down")
