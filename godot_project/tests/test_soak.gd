## Bounded soak: a million calls of each hot method must not grow the process (issue: the
## godot-go dispatcher leaked ~1.3 KB per call).
extends TestSuite

const CALLS := 1000000
const MAX_GROWTH_BYTES := 5 * 1024 * 1024


func rss_bytes() -> int:
	# procfs files report size 0, so read a line rather than the whole file.
	var statm := FileAccess.open("/proc/self/statm", FileAccess.READ).get_line().split(" ")
	return int(statm[1]) * 4096


func hot_calls(count: int) -> void:
	for i in count:
		Steam.run_callbacks()
	for i in count:
		Steam.loggedOn()
	for i in count:
		Steam.setMapName("soak_map")
	for i in count:
		Steam.getNextOutgoingPacket()


func test_a_million_hot_calls_do_not_grow_memory() -> void:
	if not check(FileAccess.file_exists("/proc/self/statm"), "needs /proc (Linux)"):
		return
	check_eq(Steam.serverInit("127.0.0.1", 27015, 65535, 2, "1.0.0"), true, "serverInit")
	Steam.logOnAnonymous()
	hot_calls(100000) # let allocators and the Go runtime reach their steady state
	var before := rss_bytes()
	hot_calls(CALLS)
	var growth := rss_bytes() - before
	print("soak: RSS grew by %d bytes over %d calls of each of 4 methods" % [growth, CALLS])
	check(growth < MAX_GROWTH_BYTES, "RSS grew by %d bytes (limit %d)" % [growth, MAX_GROWTH_BYTES])
	check_eq(Steam.getServerState().map_name, "soak_map", "state after soak")
