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
		check_eq(Steam.loggedOn(), true, "loggedOn right after logOnAnonymous, read %d" % i)
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
