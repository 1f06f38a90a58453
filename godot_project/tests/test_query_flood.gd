## A million random datagrams through GameSocketShare, as an attacker on the game port would send
## them: garbage, truncated and mutated queries, and well-formed ones from many sources, handed to
## handleIncomingPacket as the loop of docs/server-queries.md (GameSocketShare) does, the replies drained with getNextOutgoingPacket.
## Nothing may be printed, nothing may crash, the process must not grow, and every datagram's fate
## must be in getServerState's traffic counts.
extends TestSuite

const DATAGRAMS := 1000000
const POOL := 4096
const SOURCES := 256
const MAX_GROWTH_BYTES := 8 * 1024 * 1024
## The counts one incoming datagram can end in (queue_full counts reply datagrams, bad_tickets tickets).
const FATES := ["answered", "challenged", "rate_limited", "inactive", "malformed", "not_for_steam"]
const HEADER := [0xFF, 0xFF, 0xFF, 0xFF]

var pool: Array[PackedByteArray] = []
var sources: PackedStringArray = []
var rng := RandomNumberGenerator.new()


func rss_bytes() -> int:
	var statm := FileAccess.open("/proc/self/statm", FileAccess.READ).get_line().split(" ")
	return int(statm[1]) * 4096


func _random_bytes(n: int) -> PackedByteArray:
	var b := PackedByteArray()
	b.resize(n)
	for i in n:
		b[i] = rng.randi_range(0, 255)
	return b


## A query this server answers: A2S_INFO with or without a (random) challenge, PLAYER or RULES.
func _query() -> PackedByteArray:
	var b := PackedByteArray(HEADER)
	match rng.randi_range(0, 2):
		0:
			b.append(0x54)
			b.append_array("Source Engine Query".to_utf8_buffer())
			b.append(0)
			if rng.randi_range(0, 1) == 1:
				b.append_array(_random_bytes(4))
		1:
			b.append(0x55)
			b.append_array(PackedByteArray([0xFF, 0xFF, 0xFF, 0xFF]) if rng.randi_range(0, 1) == 1 else _random_bytes(4))
		_:
			b.append(0x56)
			b.append_array(_random_bytes(4))
	return b


## One datagram of the pool: a quarter each of garbage, FF FF FF FF and garbage, a well-formed
## query, and a query with one byte changed or cut short.
func _datagram() -> PackedByteArray:
	match rng.randi_range(0, 3):
		0:
			return _random_bytes(rng.randi_range(0, 64))
		1:
			return PackedByteArray(HEADER) + _random_bytes(rng.randi_range(0, 48))
		2:
			return _query()
	var q := _query()
	if rng.randi_range(0, 1) == 1:
		q[rng.randi_range(0, q.size() - 1)] = rng.randi_range(0, 255)
		return q
	return q.slice(0, rng.randi_range(0, q.size() - 1))


func _flood(count: int) -> int:
	var replies := 0
	for i in count:
		Steam.handleIncomingPacket(pool[i % POOL], sources[(i * 7) % SOURCES], 1024 + (i % 60000))
		while Steam.getNextOutgoingPacket().length > 0:
			replies += 1
	return replies


func test_a_million_random_datagrams_print_nothing_and_are_all_counted() -> void:
	if not check(FileAccess.file_exists("/proc/self/statm"), "needs /proc (Linux)"):
		return
	rng.seed = 20261201
	for i in POOL:
		pool.append(_datagram())
	for i in SOURCES:
		sources.append("10.%d.%d.%d" % [i % 7, i / 7, 1 + i % 250])
	check(Steam.serverInit("127.0.0.1", 27015, Steam.QUERY_PORT_SHARED, 2, "1.0.0"), "serverInit in GameSocketShare mode")
	Steam.setServerName("flood")
	Steam.setAdvertiseServerActive(true)
	_flood(100000) # let allocators and the Go runtime reach their steady state
	var before := rss_bytes()
	var counts_before: Dictionary = Steam.getServerState().traffic
	var replies := [0]
	var errors := errors_of(func(): replies[0] = _flood(DATAGRAMS))
	var growth := rss_bytes() - before
	var traffic: Dictionary = Steam.getServerState().traffic
	print("query flood: %d datagrams, %d replies, RSS grew by %d bytes, traffic %s" % [DATAGRAMS, replies[0], growth, traffic])
	check_eq(errors, PackedStringArray(), "nothing printed for a million datagrams from the network")
	check(growth < MAX_GROWTH_BYTES, "RSS grew by %d bytes (limit %d)" % [growth, MAX_GROWTH_BYTES])
	var fates := 0
	for k in FATES:
		fates += traffic[k] - counts_before[k]
	check_eq(fates, DATAGRAMS, "every datagram counted once among %s" % [FATES])
	check_eq(replies[0], traffic.challenged - counts_before.challenged, "one reply datagram per challenge (random challenges are never right)")
	check_eq(traffic.queue_full, 0, "drained after each datagram, the reply queue never filled")
	check_eq(Steam.getServerState().server_name, "flood", "the server's state after the flood")
	# A fresh source is still answered: the challenge, then the INFO reply.
	var info := PackedByteArray(HEADER) + PackedByteArray([0x54]) + "Source Engine Query".to_utf8_buffer() + PackedByteArray([0])
	Steam.handleIncomingPacket(info, "192.0.2.99", 27005)
	var challenge := Steam.getNextOutgoingPacket()
	if check_eq(challenge.length, 9, "S2C_CHALLENGE for a fresh source after the flood"):
		Steam.handleIncomingPacket(info + challenge.out.slice(5, 9), "192.0.2.99", 27005)
		var reply := Steam.getNextOutgoingPacket()
		check(reply.length > 9 and reply.out[4] == 0x49, "S2A_INFO for the fresh source: %s" % var_to_str(reply).left(80))
