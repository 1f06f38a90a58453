## GameSocketShare: handleIncomingPacket takes query datagrams (FF FF FF FF ...) from the game's own
## socket when serverInit's query_port is 65535; getNextOutgoingPacket hands back what to send.
## The A2S replies themselves are tested in Go (steam/offline/a2s_test.go) and with real server
## browsers (e2e TestServerBrowsers); here: that they come out of getNextOutgoingPacket, and that a
## datagram's bytes (remote input) are never an error: each one's fate is counted in the traffic.
extends TestSuite

const SHARED := 65535
const A2S_INFO := [0xFF, 0xFF, 0xFF, 0xFF, 0x54, 0x53, 0x6F, 0x75, 0x72, 0x63, 0x65, 0x20, 0x45, 0x6E, 0x67, 0x69,
	0x6E, 0x65, 0x20, 0x51, 0x75, 0x65, 0x72, 0x79, 0x00] # "\xFF\xFF\xFF\xFFTSource Engine Query\0"
var EMPTY_OUT := {"length": 0, "out": PackedByteArray(), "address": 0, "port": 0}
var NOT_TAKEN := {"data": PackedByteArray()}


func _start(query_port: int) -> void:
	check(Steam.serverInit("0.0.0.0", 27015, query_port, 2, "1.0"), "serverInit(query_port %d) failed" % query_port)


## Hands packet to handleIncomingPacket; counted is the traffic count it must add 1 to ("" for
## none: a refused call). Only a refused call may print an error.
func _handle(packet: Variant, ip: String, port: int, what: String, counted: String = "") -> Dictionary:
	var before := Steam.getServerState()
	var result := []
	var errors := errors_of(func(): result.append(Steam.callv("handleIncomingPacket", [packet, ip, port])))
	var r: Variant = result[0]
	check(r is Dictionary, "%s: handleIncomingPacket must return a Dictionary, got %s" % [what, type_string(typeof(r))])
	if not r is Dictionary:
		return {}
	check_eq(r.keys(), ["data"], "%s: handleIncomingPacket keys" % what)
	var after := Steam.getServerState()
	check_eq(traffic_change(before, after), {counted: 1} if counted else {}, "%s: traffic counts" % what)
	before.erase("traffic")
	after.erase("traffic")
	check_eq(after, before, "%s: handleIncomingPacket changed the state" % what)
	check_eq(errors.size(), 0 if counted else 1, "%s: errors printed %s" % [what, errors])
	check_eq(pump(), [], "%s: handleIncomingPacket emitted signals" % what)
	return r


func test_outgoing_is_empty_on_a_fresh_server() -> void:
	for port in [SHARED, 27016]:
		_start(port)
		var out := Steam.getNextOutgoingPacket()
		check_eq(out.keys(), ["length", "out", "address", "port"], "getNextOutgoingPacket keys")
		check_eq(out, EMPTY_OUT, "getNextOutgoingPacket with nothing to send (query_port %d)" % port)
		Steam.serverShutdown()


func test_shared_mode_takes_query_packets() -> void:
	_start(SHARED)
	var packet := PackedByteArray(A2S_INFO)
	# Not advertised yet: taken, and dropped as inactive. Not a query this server answers: malformed.
	var r := _handle(packet, "203.0.113.7", 50000, "A2S_INFO", "inactive")
	check_eq(r.get("data"), packet, "handleIncomingPacket(A2S_INFO).data must be the packet Steam took")
	var minimal := PackedByteArray([0xFF, 0xFF, 0xFF, 0xFF])
	check_eq(_handle(minimal, "203.0.113.7", 1, "4-byte FFFFFFFF", "malformed").get("data"), minimal, "the shortest query packet")
	var big := PackedByteArray()
	big.resize(65507)
	big.fill(0x41)
	big.encode_u32(0, 0xFFFFFFFF)
	check_eq(_handle(big, "10.0.0.1", 65535, "largest UDP payload", "malformed").get("data"), big, "a 65507-byte query packet")
	check_eq(_handle(packet, "", 27000, "empty ip", "inactive").get("data"), packet, "a query packet with ip \"\"")
	# Typed (ptrcall) call gives the same answer.
	check_eq(Steam.handleIncomingPacket(packet, "203.0.113.7", 50000), {"data": packet}, "typed handleIncomingPacket call")
	check_eq(Steam.getNextOutgoingPacket(), EMPTY_OUT, "outgoing after queries (no replies yet)")


func test_shared_mode_ignores_non_query_packets() -> void:
	_start(SHARED)
	var cases := [
		[[0x00, 0x01, 0x02, 0x03, 0x04], "game traffic"],
		[[0xFF, 0xFF, 0xFF, 0xFE, 0x54], "FF FF FF FE"],
		[[0xFE, 0xFF, 0xFF, 0xFF, 0x54], "FE FF FF FF"],
		[[0xFF, 0xFF, 0xFF], "3 bytes of FF"],
		[[0xFF], "1 byte"],
		[[0xFF, 0xFF, 0xFF, 0xFE, 0xFF, 0xFF, 0xFF, 0xFF], "split-packet header FF FF FF FE"],
	]
	for c in cases:
		check_eq(_handle(PackedByteArray(c[0]), "127.0.0.1", 27005, c[1], "not_for_steam"), NOT_TAKEN, "%s is not for Steam" % c[1])
	check_eq(Steam.getNextOutgoingPacket(), EMPTY_OUT, "outgoing after non-query packets")


func test_normal_mode_takes_nothing() -> void:
	_start(27016)
	check_eq(_handle(PackedByteArray(A2S_INFO), "127.0.0.1", 27005, "A2S_INFO in normal mode", "not_for_steam"), NOT_TAKEN,
		"with a query port of its own, Steam takes no packets from the game socket")
	check_eq(_handle(PackedByteArray([1, 2, 3]), "127.0.0.1", 27005, "game traffic in normal mode", "not_for_steam"), NOT_TAKEN, "game traffic in normal mode")
	check_eq(Steam.getNextOutgoingPacket(), EMPTY_OUT, "outgoing in normal mode")


func test_refused_packet_arguments() -> void:
	_start(SHARED)
	var packet := PackedByteArray(A2S_INFO)
	var too_big := PackedByteArray()
	too_big.resize(65508)
	too_big.encode_u32(0, 0xFFFFFFFF)
	# What arrives from the network is never an error, even empty or over a UDP payload.
	check_eq(_handle(PackedByteArray(), "127.0.0.1", 27005, "empty packet", "malformed"), NOT_TAKEN, "an empty datagram")
	check_eq(_handle(too_big, "127.0.0.1", 27005, "65508-byte packet", "malformed"), NOT_TAKEN, "a datagram over a UDP payload")
	# What the game's own code passes wrong is.
	var cases := [
		[25, "127.0.0.1", 27005, "int packet (a length cannot carry the bytes)"],
		[Array(packet), "127.0.0.1", 27005, "packet as Array"],
		["\u00ff\u00ff\u00ff\u00ffT", "127.0.0.1", 27005, "packet as String"],
		[null, "127.0.0.1", 27005, "null packet"],
		[packet, "x", 27005, "ip \"x\""],
		[packet, "::1", 27005, "IPv6 ip"],
		[packet, "127.0.0.1", 0, "port 0"],
		[packet, "127.0.0.1", -1, "port -1"],
		[packet, "127.0.0.1", 65536, "port 65536"],
	]
	for c in cases:
		check_eq(_handle(c[0], c[1], c[2], c[3]), NOT_TAKEN, "handleIncomingPacket with %s" % c[3])


func test_int_packet_through_a_typed_call() -> void:
	_start(SHARED)
	var r := Steam.handleIncomingPacket(25, "127.0.0.1", 27005)
	check_eq(r, NOT_TAKEN, "handleIncomingPacket(25, ...) from typed code")


func test_packets_after_shutdown() -> void:
	_start(SHARED)
	Steam.serverShutdown()
	check_eq(_handle(PackedByteArray(A2S_INFO), "127.0.0.1", 27005, "after shutdown"), NOT_TAKEN, "handleIncomingPacket after serverShutdown")
	check_eq(Steam.getNextOutgoingPacket(), EMPTY_OUT, "getNextOutgoingPacket after serverShutdown")


func test_outgoing_is_a_fresh_dictionary_each_call() -> void:
	_start(SHARED)
	var a := Steam.getNextOutgoingPacket()
	a["length"] = 99
	a["out"] = PackedByteArray([1])
	check_eq(Steam.getNextOutgoingPacket(), EMPTY_OUT, "changing a returned Dictionary changed the next result")


func _drain_outgoing() -> Array:
	var out := []
	while true:
		var p := Steam.getNextOutgoingPacket()
		if p.length == 0:
			return out
		out.append(p)
	return out


func test_shared_mode_answers_queries_once_advertised() -> void:
	_start(SHARED)
	Steam.setServerName("packets test")
	var info := PackedByteArray(A2S_INFO)
	Steam.handleIncomingPacket(info, "203.0.113.7", 50000)
	check_eq(_drain_outgoing(), [], "a server that does not advertise itself stays silent")
	Steam.setAdvertiseServerActive(true)
	# By default A2S_INFO asks for the challenge first: nothing larger than the request goes to a source
	# that has not proved its address.
	check_eq(Steam.handleIncomingPacket(info, "203.0.113.7", 50000), {"data": info}, "A2S_INFO is taken")
	var out := _drain_outgoing()
	if not check_eq(out.size(), 1, "one S2C_CHALLENGE") or not check_eq(out[0].out.slice(0, 5), PackedByteArray([0xFF, 0xFF, 0xFF, 0xFF, 0x41]), "S2C_CHALLENGE header"):
		return
	check(out[0].length <= info.size(), "the challenge (%d bytes) is no larger than the request (%d)" % [out[0].length, info.size()])
	Steam.handleIncomingPacket(info + out[0].out.slice(5, 9), "203.0.113.7", 50000)
	out = _drain_outgoing()
	if check_eq(out.size(), 1, "one S2A_INFO datagram"):
		var p: Dictionary = out[0]
		check_eq(p.out.slice(0, 6), PackedByteArray([0xFF, 0xFF, 0xFF, 0xFF, 0x49, 17]), "S2A_INFO header and protocol")
		check_eq(p.out.slice(6, 18).get_string_from_utf8(), "packets test", "server name")
		check_eq([p.length, p.address, p.port], [p.out.size(), 0xCB007107, 50000], "length, and the asker's address (host order) and port")
	# A2S_RULES asks for a challenge first (-1), then gets the rules: 60 of them need 2 split fragments.
	for i in 60:
		Steam.setKeyValue("rule_%03d" % i, "x".repeat(20))
	Steam.handleIncomingPacket(PackedByteArray([0xFF, 0xFF, 0xFF, 0xFF, 0x56, 0xFF, 0xFF, 0xFF, 0xFF]), "203.0.113.7", 50000)
	out = _drain_outgoing()
	if not check_eq(out.size(), 1, "one S2C_CHALLENGE") or not check_eq(out[0].out.slice(0, 5), PackedByteArray([0xFF, 0xFF, 0xFF, 0xFF, 0x41]), "S2C_CHALLENGE header"):
		return
	var rules := PackedByteArray([0xFF, 0xFF, 0xFF, 0xFF, 0x56])
	rules.append_array(out[0].out.slice(5, 9))
	Steam.handleIncomingPacket(rules, "203.0.113.7", 50000)
	out = _drain_outgoing()
	check_eq(out.size(), 2, "a 2 KB rules reply in split fragments")
	for p in out:
		check_eq(p.out.slice(0, 4), PackedByteArray([0xFE, 0xFF, 0xFF, 0xFF]), "split fragment header")
	Steam.setAdvertiseServerActive(false)
	Steam.handleIncomingPacket(info, "203.0.113.7", 50000)
	check_eq(_drain_outgoing(), [], "silent again after setAdvertiseServerActive(false)")


func test_query_port_in_use_fails_init() -> void:
	var holder := PacketPeerUDP.new()
	var port := 0
	for candidate in range(47000, 47100):
		if holder.bind(candidate, "127.0.0.1") == OK:
			port = candidate
			break
	if not check(port != 0, "no free UDP port to hold"):
		return
	var r := Steam.serverInitEx("127.0.0.1", 27015, port, 2, "1.0")
	check_eq(r.get("status"), 1, "serverInitEx with a query port in use")
	check(String(r.get("verbal", "")).contains("cannot open the query port 127.0.0.1:%d" % port), "verbal names the port: %s" % r.get("verbal"))
	check_eq(Steam.getServerState().initialized, false, "not initialized after a bind failure")
	holder.close()
	check_eq(Steam.serverInitEx("127.0.0.1", 27015, port, 2, "1.0").get("status"), 0, "the freed port works")
	Steam.serverShutdown()


func test_unchallenged_info_when_the_environment_opts_out() -> void:
	# STEAM_GAMESERVER_A2S_INFO_REQUIRE_CHALLENGE=0, read at serverInit, restores the legacy answer.
	OS.set_environment("STEAM_GAMESERVER_A2S_INFO_REQUIRE_CHALLENGE", "0")
	_start(SHARED)
	OS.unset_environment("STEAM_GAMESERVER_A2S_INFO_REQUIRE_CHALLENGE")
	Steam.setAdvertiseServerActive(true)
	Steam.handleIncomingPacket(PackedByteArray(A2S_INFO), "203.0.113.7", 50000)
	var out := _drain_outgoing()
	if check_eq(out.size(), 1, "one datagram"):
		check_eq(out[0].out[4], 0x49, "S2A_INFO at once, without a challenge")
	check_eq(Steam.getServerState().traffic.answered, 1, "counted as answered")


func test_rate_limit_per_source() -> void:
	# 50 queries per source per 200 ms by default: a burst from one address is cut there, and
	# another address is still answered.
	_start(SHARED)
	Steam.setAdvertiseServerActive(true)
	var errors := errors_of(func():
		for i in 80:
			Steam.handleIncomingPacket(PackedByteArray(A2S_INFO), "198.51.100.1", 40000))
	var from_one := _drain_outgoing().size()
	check(from_one >= 50 and from_one < 80, "a burst of 80 from one source: %d answered (the limit is 50 per 200 ms)" % from_one)
	Steam.handleIncomingPacket(PackedByteArray(A2S_INFO), "198.51.100.2", 40000)
	check_eq(_drain_outgoing().size(), 1, "another source is answered during the burst")
	var traffic: Dictionary = Steam.getServerState().traffic
	check_eq(traffic.rate_limited, 80 - from_one, "rate_limited counts the dropped queries")
	check_eq(traffic.challenged, from_one + 1, "the answered ones were challenges")
	check_eq(errors, PackedStringArray(), "a burst prints nothing")

