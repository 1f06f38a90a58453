## Makes the game's MultiplayerPeer: ENetMultiplayerPeer or SteamServerMultiplayerPeer. Only this
## file knows which; the game above it (SceneMultiplayer's RPCs, spawner, synchronizers) is the same.
extends RefCounted

const Options := preload("res://multiplayer/options.gd")

const MAX_CLIENTS := 32

## Whether this process called serverInit successfully (main.gd then calls serverShutdown).
static var steam_started := false


## The server's peer, listening on 127.0.0.1:o.port, or null (an `MP: error` line says why).
static func host(o: Dictionary) -> MultiplayerPeer:
	if o.transport == "enet":
		var enet := ENetMultiplayerPeer.new()
		enet.set_bind_ip("127.0.0.1")
		return _checked(enet, enet.create_server(o.port, MAX_CLIENTS), "ENetMultiplayerPeer.create_server")
	# A dedicated server's usual start, with GameSocketShare so no query socket is opened.
	steam_started = Steam.serverInit("127.0.0.1", o.port, Steam.QUERY_PORT_SHARED, Steam.SERVER_MODE_AUTHENTICATION, "1.0.0.0")
	if not steam_started:
		return _failed("Steam.serverInit failed")
	var steam := SteamServerMultiplayerPeer.new()
	# Set on the listen socket, so every accepted connection ends after that much silence.
	var options := {Steam.NETWORKING_CONFIG_TIMEOUT_CONNECTED: o["timeout-ms"]}
	return _checked(steam, steam.create_host_ip("127.0.0.1:%d" % o.port, options), "SteamServerMultiplayerPeer.create_host_ip")


## A client's peer, connecting to o.address, or null.
static func join(o: Dictionary) -> MultiplayerPeer:
	if o.transport == "enet":
		var enet := ENetMultiplayerPeer.new()
		var err := enet.create_client(Options.host_of(o.address), Options.port_of(o.address))
		return _checked(enet, err, "ENetMultiplayerPeer.create_client")
	# A client offline: a portless local server whose connections present a realm ticket as the user.
	steam_started = Steam.serverInit("127.0.0.1", 0, 0, Steam.SERVER_MODE_NO_AUTHENTICATION, "1.0.0.0")
	if not steam_started:
		return _failed("Steam.serverInit failed")
	Steam.resetIdentity(o["user-steam-id"])
	var steam := SteamServerMultiplayerPeer.new()
	return _checked(steam, steam.create_client_ip(o.address, {}), "SteamServerMultiplayerPeer.create_client_ip")


## Steam: prints each status change of the peer's connections (`MP: steam_connection state N
## end_reason N`): why a refused connection ended (4003 for a ticket the server would not take).
## They arrive through Steam.run_callbacks(), which main.gd calls every frame.
static func report_status() -> void:
	if steam_started:
		Steam.network_connection_status_changed.connect(func(_handle: int, info: Dictionary, _old: int):
			print("MP: steam_connection state %d end_reason %d" % [info.connection_state, info.end_reason]))


## ENet: how long the server waits for a silent peer before dropping it (Steam's is an option of
## the listen socket, above).
static func watch_peer(peer: MultiplayerPeer, id: int, timeout_ms: int) -> void:
	if peer is ENetMultiplayerPeer:
		(peer as ENetMultiplayerPeer).get_peer(id).set_timeout(32, timeout_ms, timeout_ms)


static func _checked(peer: MultiplayerPeer, err: Error, what: String) -> MultiplayerPeer:
	if err != OK:
		return _failed("%s: %s" % [what, error_string(err)])
	return peer


static func _failed(why: String) -> MultiplayerPeer:
	print("MP: error ", why)
	return null
