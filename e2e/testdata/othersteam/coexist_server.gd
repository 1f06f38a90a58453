## SteamServer at work, offline, named as a game names it (the global), for coexist_check.gd: c is
## that check scene. ours_steam is the Steam singleton when it is ours (else null): it must share
## SteamServer's one game server. Untyped, so these calls are looked up when they run.
extends RefCounted


static func run(c, ours_steam) -> void:
	if not c.check(SteamServer.serverInit("127.0.0.1", 0, 0, SteamServer.SERVER_MODE_AUTHENTICATION, "1.0"),
			"SteamServer.serverInit offline"):
		return
	SteamServer.logOnAnonymous()
	# The log-on completes in run_callbacks; a few frames at most.
	for _i in 10:
		SteamServer.run_callbacks()
		if SteamServer.loggedOn():
			break
		await c.get_tree().process_frame
	c.check(SteamServer.loggedOn(), "SteamServer.loggedOn() after logOnAnonymous and run_callbacks")
	if ours_steam:
		c.check(ours_steam.loggedOn(), "Steam.loggedOn() too: one game server behind both names")
		c.check_eq(ours_steam.getSteamID(), SteamServer.getSteamID(), "Steam.getSteamID() is SteamServer's")
	# After this, loggedOn() is an error (not initialized): nothing more is asked.
	SteamServer.serverShutdown()
