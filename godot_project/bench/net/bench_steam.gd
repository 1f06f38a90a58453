## serverInit for the bench's Steam links: the echo server as a dedicated server, the measuring
## client as an offline client (a portless local server presenting realm tickets as a user).
extends RefCounted

static var started := false


## "" or why not.
static func start_server(port: int) -> String:
	started = Steam.serverInit("127.0.0.1", port, Steam.QUERY_PORT_SHARED, Steam.SERVER_MODE_AUTHENTICATION, "1.0.0.0")
	return "" if started else "Steam.serverInit failed"


static func start_client(user: int) -> String:
	started = Steam.serverInit("127.0.0.1", 0, 0, Steam.SERVER_MODE_NO_AUTHENTICATION, "1.0.0.0")
	if not started:
		return "Steam.serverInit failed"
	Steam.resetIdentity(user)
	return ""


static func stop() -> void:
	if started:
		Steam.serverShutdown()
		started = false
