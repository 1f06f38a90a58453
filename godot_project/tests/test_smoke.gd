extends TestSuite


func test_singleton_exists() -> void:
	check(Engine.has_singleton("Steam"), "Engine has no Steam singleton")
	check_eq(Steam.get_class(), "Steam")


func test_offline_log_on() -> void:
	check_eq(Steam.serverInit("0.0.0.0", 27015, 27016, 2, "1.0.0"), true, "serverInit")
	Steam.logOnAnonymous()
	var seen := pump()
	check_eq(names_of(seen), ["server_connected", "policy_response"], "signals")
	check_eq(Steam.loggedOn(), true, "loggedOn")
