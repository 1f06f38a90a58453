## A bench link over a MultiplayerPeer used directly (no SceneMultiplayer): put_packet/get_packet
## on ENetMultiplayerPeer or SteamServerMultiplayerPeer, the same loop for both.
extends RefCounted

const BenchSteam := preload("res://bench/net/bench_steam.gd")

var peer: MultiplayerPeer
var steam := false


func _init(over_steam: bool) -> void:
	steam = over_steam


## Listens on 127.0.0.1:port; "" or why not.
func listen(port: int) -> String:
	if not steam:
		var enet := ENetMultiplayerPeer.new()
		enet.set_bind_ip("127.0.0.1")
		peer = enet
		return _check(enet.create_server(port, 4), "create_server")
	var why := BenchSteam.start_server(port)
	if why != "":
		return why
	peer = SteamServerMultiplayerPeer.new()
	return _check(peer.create_host_ip("127.0.0.1:%d" % port, {}), "create_host_ip")


## Connects to the echo server at 127.0.0.1:port as user (Steam only); "" or why not.
func dial(port: int, user: int) -> String:
	if not steam:
		var enet := ENetMultiplayerPeer.new()
		peer = enet
		return _check(enet.create_client("127.0.0.1", port), "create_client")
	var why := BenchSteam.start_client(user)
	if why != "":
		return why
	peer = SteamServerMultiplayerPeer.new()
	return _check(peer.create_client_ip("127.0.0.1:%d" % port, {}), "create_client_ip")


func connected() -> bool:
	return peer.get_connection_status() == MultiplayerPeer.CONNECTION_CONNECTED


func poll() -> void:
	peer.poll()


## Client: sends data to the server.
func send(data: PackedByteArray, reliable: bool) -> void:
	reply(MultiplayerPeer.TARGET_PEER_SERVER, data, reliable)


## Sends data to the peer a message came from.
func reply(to: int, data: PackedByteArray, reliable: bool) -> void:
	peer.set_target_peer(to)
	peer.transfer_mode = MultiplayerPeer.TRANSFER_MODE_RELIABLE if reliable else MultiplayerPeer.TRANSFER_MODE_UNRELIABLE
	peer.put_packet(data)


## The messages waiting, as [data, sender] pairs.
func receive() -> Array:
	var out := []
	while peer.get_available_packet_count() > 0:
		var from := peer.get_packet_peer()
		out.append([peer.get_packet(), from])
	return out


func close() -> void:
	if peer != null and peer.get_connection_status() != MultiplayerPeer.CONNECTION_DISCONNECTED:
		peer.close()
	BenchSteam.stop()


func _check(err: Error, what: String) -> String:
	return "" if err == OK else "%s: %s" % [what, error_string(err)]
