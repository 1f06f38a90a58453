## Makes the game's MultiplayerPeer: ENetMultiplayerPeer or SteamServerMultiplayerPeer. Only this
## file knows which; the game above it (SceneMultiplayer's RPCs, spawner, synchronizers) is the same.
extends RefCounted

const Options := preload("res://multiplayer/options.gd")

const MAX_CLIENTS := 32
## k_ESteamNetworkingConfig_TimeoutConnected: ms of silence before Steam ends a connection.
const STEAM_TIMEOUT_CONNECTED := 25

## Whether this process called serverInit successfully (main.gd then calls serverShutdown).
static var steam_started := false


## The server's peer, listening on 127.0.0.1:o.port, or null (an `MP: error` line says why).
static func host(o: Dictionary) -> MultiplayerPeer:
	if o.transport == "enet":
		var enet := ENetMultiplayerPeer.new()
		enet.set_bind_ip("127.0.0.1")
		return _checked(enet, enet.create_server(o.port, MAX_CLIENTS), "ENetMultiplayerPeer.create_server")
	if not _steam_ready():
		return null
	# A dedicated server's usual start, with GameSocketShare so no query socket is opened.
	steam_started = Steam.serverInit("127.0.0.1", o.port, Steam.QUERY_PORT_SHARED, Steam.SERVER_MODE_AUTHENTICATION, "1.0.0.0")
	if not steam_started:
		return _failed("Steam.serverInit failed")
	var steam: MultiplayerPeer = ClassDB.instantiate("SteamServerMultiplayerPeer")
	var options := {STEAM_TIMEOUT_CONNECTED: o["timeout-ms"]}
	return _checked(steam, steam.create_host_ip("127.0.0.1:%d" % o.port, options), "SteamServerMultiplayerPeer.create_host_ip")


## A client's peer, connecting to o.address, or null.
static func join(o: Dictionary) -> MultiplayerPeer:
	if o.transport == "enet":
		var enet := ENetMultiplayerPeer.new()
		var err := enet.create_client(Options.host_of(o.address), Options.port_of(o.address))
		return _checked(enet, err, "ENetMultiplayerPeer.create_client")
	if not _steam_ready():
		return null
	# A client offline: a portless local server whose connections present a realm ticket as the user.
	steam_started = Steam.serverInit("127.0.0.1", 0, 0, Steam.SERVER_MODE_NO_AUTHENTICATION, "1.0.0.0")
	if not steam_started:
		return _failed("Steam.serverInit failed")
	Steam.call("resetIdentity", o["user-steam-id"])
	var steam: MultiplayerPeer = ClassDB.instantiate("SteamServerMultiplayerPeer")
	return _checked(steam, steam.create_client_ip(o.address, {}), "SteamServerMultiplayerPeer.create_client_ip")


## ENet: how long the server waits for a silent peer before dropping it (Steam's is an option of
## the listen socket, above).
static func watch_peer(peer: MultiplayerPeer, id: int, timeout_ms: int) -> void:
	if peer is ENetMultiplayerPeer:
		(peer as ENetMultiplayerPeer).get_peer(id).set_timeout(32, timeout_ms, timeout_ms)


static func _steam_ready() -> bool:
	if ClassDB.class_exists("SteamServerMultiplayerPeer"):
		return true
	_failed("this build of the extension has no SteamServerMultiplayerPeer")
	return false


static func _checked(peer: MultiplayerPeer, err: Error, what: String) -> MultiplayerPeer:
	if err != OK:
		return _failed("%s: %s" % [what, error_string(err)])
	return peer


static func _failed(why: String) -> MultiplayerPeer:
	print("MP: error ", why)
	return null
