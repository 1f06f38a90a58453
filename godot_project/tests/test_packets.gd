## GameSocketShare: handleIncomingPacket takes query datagrams (FF FF FF FF ...) from the game's own
## socket when serverInit's query_port is 65535; getNextOutgoingPacket hands back what to send.
## (Replies to A2S queries come later; these tests do not expect any.)
extends TestSuite

const SHARED := 65535
const A2S_INFO := [0xFF, 0xFF, 0xFF, 0xFF, 0x54, 0x53, 0x6F, 0x75, 0x72, 0x63, 0x65, 0x20, 0x45, 0x6E, 0x67, 0x69,
	0x6E, 0x65, 0x20, 0x51, 0x75, 0x65, 0x72, 0x79, 0x00] # "\xFF\xFF\xFF\xFFTSource Engine Query\0"
var EMPTY_OUT := {"length": 0, "out": PackedByteArray(), "address": 0, "port": 0}
var NOT_TAKEN := {"data": PackedByteArray()}


func _start(query_port: int) -> void:
	check(Steam.serverInit("0.0.0.0", 27015, query_port, 2, "1.0"), "serverInit(query_port %d) failed" % query_port)


func _handle(packet: Variant, ip: String, port: int, what: String) -> Dictionary:
	var before := Steam.getServerState()
	var r: Variant = Steam.callv("handleIncomingPacket", [packet, ip, port])
	check(r is Dictionary, "%s: handleIncomingPacket must return a Dictionary, got %s" % [what, type_string(typeof(r))])
	if not r is Dictionary:
		return {}
	check_eq(r.keys(), ["data"], "%s: handleIncomingPacket keys" % what)
	check_eq(Steam.getServerState(), before, "%s: handleIncomingPacket changed the state" % what)
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
	var r := _handle(packet, "203.0.113.7", 50000, "A2S_INFO")
	check_eq(r.get("data"), packet, "handleIncomingPacket(A2S_INFO).data must be the packet Steam took")
	var minimal := PackedByteArray([0xFF, 0xFF, 0xFF, 0xFF])
	check_eq(_handle(minimal, "203.0.113.7", 1, "4-byte FFFFFFFF").get("data"), minimal, "the shortest query packet")
	var big := PackedByteArray()
	big.resize(65507)
	big.fill(0x41)
	big.encode_u32(0, 0xFFFFFFFF)
	check_eq(_handle(big, "10.0.0.1", 65535, "largest UDP payload").get("data"), big, "a 65507-byte query packet")
	check_eq(_handle(packet, "", 27000, "empty ip").get("data"), packet, "a query packet with ip \"\"")
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
		check_eq(_handle(PackedByteArray(c[0]), "127.0.0.1", 27005, c[1]), NOT_TAKEN, "%s is not for Steam" % c[1])
	check_eq(Steam.getNextOutgoingPacket(), EMPTY_OUT, "outgoing after non-query packets")


func test_normal_mode_takes_nothing() -> void:
	_start(27016)
	check_eq(_handle(PackedByteArray(A2S_INFO), "127.0.0.1", 27005, "A2S_INFO in normal mode"), NOT_TAKEN,
		"with a query port of its own, Steam takes no packets from the game socket")
	check_eq(_handle(PackedByteArray([1, 2, 3]), "127.0.0.1", 27005, "game traffic in normal mode"), NOT_TAKEN, "game traffic in normal mode")
	check_eq(Steam.getNextOutgoingPacket(), EMPTY_OUT, "outgoing in normal mode")


func test_refused_packet_arguments() -> void:
	_start(SHARED)
	var packet := PackedByteArray(A2S_INFO)
	var too_big := PackedByteArray()
	too_big.resize(65508)
	too_big.encode_u32(0, 0xFFFFFFFF)
	var cases := [
		[25, "127.0.0.1", 27005, "int packet (a length cannot carry the bytes)"],
		[PackedByteArray(), "127.0.0.1", 27005, "empty packet"],
		[too_big, "127.0.0.1", 27005, "65508-byte packet (over a UDP payload)"],
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
