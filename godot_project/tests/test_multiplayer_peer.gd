## SteamServerMultiplayerPeer in one process: the game server's Networking Sockets connect to their
## own listen socket on loopback, so a host peer and a client peer (and two SceneMultiplayer on two
## subtrees) run side by side. Ports 27500-27599 (this suite's range). The peer's logic is tested in
## Go (steam/mpeer); here: the class as Godot sees it, its signals, Errors and error lines.
extends TestSuite

const PEER := "SteamServerMultiplayerPeer"
const DEADLINE_MS := 10000
const CONFIG_TIMEOUT_CONNECTED := 25 # k_ESteamNetworkingConfig_TimeoutConnected


func _init_server() -> bool:
	return check(Steam.serverInit("127.0.0.1", 0, 0, Steam.SERVER_MODE_NO_AUTHENTICATION, "1.0.0.0"), "serverInit")


## Polls every peer until done() holds, for at most DEADLINE_MS; false (and a failed check) if not.
func _poll_until(peers: Array, done: Callable, what: String) -> bool:
	var start := Time.get_ticks_msec()
	while not done.call():
		if Time.get_ticks_msec() - start > DEADLINE_MS:
			return check(false, "%s within %d ms" % [what, DEADLINE_MS])
		for p in peers:
			p.poll()
		OS.delay_msec(2)
	return true


## A host on port and a client connected to it, with the peer signals each emitted in seen.
func _pair(port: int, seen: Dictionary) -> Array:
	var host := SteamServerMultiplayerPeer.new()
	var client := SteamServerMultiplayerPeer.new()
	for side in [["host", host], ["client", client]]:
		var log: Array = []
		seen[side[0]] = log
		side[1].peer_connected.connect(func(id): log.append(["peer_connected", id]))
		side[1].peer_disconnected.connect(func(id): log.append(["peer_disconnected", id]))
	check_eq(host.create_host_ip("127.0.0.1:%d" % port), OK, "create_host_ip")
	check_eq(client.create_client_ip("127.0.0.1:%d" % port), OK, "create_client_ip")
	_poll_until([host, client], func(): return client.get_connection_status() == MultiplayerPeer.CONNECTION_CONNECTED \
			and seen.host.size() == 1, "the client connected")
	return [host, client]


func _packet_of(peer: MultiplayerPeer, others: Array) -> Array:
	if not _poll_until(others + [peer], func(): return peer.get_available_packet_count() > 0, "a packet arrived"):
		return []
	var described := [peer.get_packet_peer(), peer.get_packet_channel(), peer.get_packet_mode()]
	return [peer.get_packet()] + described


func test_the_class_is_a_multiplayer_peer() -> void:
	check(ClassDB.class_exists(PEER), "%s is registered" % PEER)
	check_eq(String(ClassDB.get_parent_class(PEER)), "MultiplayerPeerExtension", "its parent")
	var peer := SteamServerMultiplayerPeer.new()
	check(peer is MultiplayerPeer and peer is RefCounted, "an instance is a RefCounted MultiplayerPeer")
	check_eq(peer.get_connection_status(), MultiplayerPeer.CONNECTION_DISCONNECTED, "status of a new peer")
	check_eq(peer.get_unique_id(), 0, "unique ID of a new peer")
	check(not peer.is_server_relay_supported(), "no relay before hosting or connecting")
	for m in ["create_host_ip", "create_host", "create_client_ip", "create_client", "get_steam_id_for_peer",
			"get_peer_id_for_steam_id", "get_connection_for_peer"]:
		check(ClassDB.class_has_method(PEER, m), "%s.%s exists" % [PEER, m])


func test_host_and_client_connect_and_know_each_other() -> void:
	if not _init_server():
		return
	var seen := {}
	var pair := _pair(27500, seen)
	var host: SteamServerMultiplayerPeer = pair[0]
	var client: SteamServerMultiplayerPeer = pair[1]
	var id := client.get_unique_id()
	check(id >= 2, "the client's ID comes from the host: %d" % id)
	check_eq(host.get_unique_id(), 1, "the host is peer 1")
	check_eq(seen.host, [["peer_connected", id]], "the host's signals")
	check_eq(seen.client, [["peer_connected", 1]], "the client's signals")
	check(host.is_server_relay_supported(), "server relay supported")
	var own := Steam.getSteamID()
	check_eq(host.get_steam_id_for_peer(id), own, "the client's Steam ID (this process's own)")
	check_eq(client.get_steam_id_for_peer(1), own, "the host's Steam ID")
	check_eq(host.get_steam_id_for_peer(12345), 0, "no such peer")
	check(host.get_connection_for_peer(id) > 0 and client.get_connection_for_peer(1) > 0, "connection handles")
	check_eq(host.get_connection_for_peer(12345), 0, "no connection for no peer")
	host.close()
	client.close()
	check_eq(host.get_connection_status(), MultiplayerPeer.CONNECTION_DISCONNECTED, "closed")


func test_packets_go_both_ways_in_every_mode_and_channel() -> void:
	if not _init_server():
		return
	var pair := _pair(27501, {})
	var host: SteamServerMultiplayerPeer = pair[0]
	var client: SteamServerMultiplayerPeer = pair[1]
	var id := client.get_unique_id()
	for mode in [MultiplayerPeer.TRANSFER_MODE_UNRELIABLE, MultiplayerPeer.TRANSFER_MODE_UNRELIABLE_ORDERED,
			MultiplayerPeer.TRANSFER_MODE_RELIABLE]:
		for channel in [0, 5, 254]:
			var what := "mode %d channel %d" % [mode, channel]
			host.transfer_mode = mode
			host.transfer_channel = channel
			host.set_target_peer(id)
			check_eq(host.put_packet(PackedByteArray([1, mode, channel])), OK, "host put_packet, " + what)
			check_eq(_packet_of(client, [host]), [PackedByteArray([1, mode, channel]), 1, channel, mode], "at the client, " + what)
			client.transfer_mode = mode
			client.transfer_channel = channel
			check_eq(client.put_packet(PackedByteArray([2, mode, channel])), OK, "client put_packet, " + what)
			check_eq(_packet_of(host, [client]), [PackedByteArray([2, mode, channel]), id, channel, mode], "at the host, " + what)
	var big := PackedByteArray()
	big.resize(200000)
	big.fill(7)
	client.transfer_mode = MultiplayerPeer.TRANSFER_MODE_RELIABLE
	check_eq(client.put_packet(big), OK, "a 200 KB reliable packet")
	var got := _packet_of(host, [client])
	check_eq(got[0].size() if got else -1, big.size(), "its size at the host")
	check_eq(host.get_available_packet_count(), 0, "nothing else waits")
	var errors := errors_of(func(): check_eq(host.get_packet(), PackedByteArray(), "get_packet with nothing waiting"))
	check_eq(errors.size(), 1, "get_packet with nothing waiting prints one error: %s" % [errors])
	host.close()
	client.close()


func test_disconnect_peer_is_seen_by_the_other_side() -> void:
	if not _init_server():
		return
	var seen := {}
	var pair := _pair(27502, seen)
	var host: SteamServerMultiplayerPeer = pair[0]
	var client: SteamServerMultiplayerPeer = pair[1]
	var id := client.get_unique_id()
	host.disconnect_peer(id)
	_poll_until([host, client], func(): return client.get_connection_status() == MultiplayerPeer.CONNECTION_DISCONNECTED \
			and seen.host.size() == 2, "the client saw the disconnection")
	check_eq(seen.host, [["peer_connected", id], ["peer_disconnected", id]], "the host's signals")
	check_eq(seen.client, [["peer_connected", 1], ["peer_disconnected", 1]], "the client's signals")
	check_eq(host.get_steam_id_for_peer(id), 0, "the peer is gone")

	# And the other way: a client that leaves.
	check_eq(client.create_client_ip("127.0.0.1:27502"), OK, "connecting again")
	_poll_until([host, client], func(): return client.get_connection_status() == MultiplayerPeer.CONNECTION_CONNECTED \
			and seen.host.size() == 3, "the client connected again")
	var second := client.get_unique_id()
	check(second != id, "a new connection gets a new ID")
	client.close()
	_poll_until([host], func(): return seen.host.size() == 4, "the host saw the client leave")
	check_eq(seen.host.back(), ["peer_disconnected", second], "the host's last signal")
	host.close()


func test_refuse_new_connections() -> void:
	if not _init_server():
		return
	var host := SteamServerMultiplayerPeer.new()
	var client := SteamServerMultiplayerPeer.new()
	var connected: Array = []
	host.peer_connected.connect(func(id): connected.append(id))
	check_eq(host.create_host_ip("127.0.0.1:27503"), OK, "create_host_ip")
	host.refuse_new_connections = true
	check(host.is_refusing_new_connections(), "refusing")
	check_eq(client.create_client_ip("127.0.0.1:27503"), OK, "create_client_ip")
	check_eq(client.get_connection_status(), MultiplayerPeer.CONNECTION_CONNECTING, "connecting")
	_poll_until([host, client], func(): return client.get_connection_status() == MultiplayerPeer.CONNECTION_DISCONNECTED,
			"the refused client disconnected")
	check_eq(connected, [], "no peer_connected for a refused connection")
	host.refuse_new_connections = false
	check_eq(client.create_client_ip("127.0.0.1:27503"), OK, "connecting again")
	_poll_until([host, client], func(): return connected.size() == 1, "accepted once no longer refusing")
	host.close()
	client.close()


func test_wrong_arguments_print_why_and_return_the_documented_error() -> void:
	var peer := SteamServerMultiplayerPeer.new()
	var r := []
	var errors := errors_of(func(): r.append(peer.create_host_ip("127.0.0.1:27504")))
	check_eq(r, [ERR_UNCONFIGURED], "create_host_ip before serverInit")
	check(errors.size() == 1 and errors[0].begins_with(PEER + ".create_host_ip: serverInit"), "its error line: %s" % [errors])
	if not _init_server():
		return
	var cases := [
		["create_host_ip", ["nonsense"], ERR_INVALID_PARAMETER],
		["create_host_ip", [42], ERR_INVALID_PARAMETER],
		["create_host_ip", ["127.0.0.1:27504", {"TimeoutConnected": 5}], ERR_INVALID_PARAMETER],
		["create_host_ip", ["127.0.0.1:27504", {CONFIG_TIMEOUT_CONNECTED: "soon"}], ERR_INVALID_PARAMETER],
		["create_host_ip", ["127.0.0.1:27504", {99999: 1}], ERR_INVALID_PARAMETER],
		["create_host", [-1], ERR_INVALID_PARAMETER],
		["create_client_ip", ["127.0.0.1"], ERR_INVALID_PARAMETER],
		["create_client_ip", ["127.0.0.1:27504", []], ERR_INVALID_PARAMETER],
		["create_client", [0], ERR_INVALID_PARAMETER],
		["create_client", ["76561197960287930"], ERR_INVALID_PARAMETER],
	]
	for c in cases:
		r.clear()
		errors = errors_of(func(): r.append(peer.callv(c[0], c[1])))
		check_eq(r, [c[2]], "%s%s" % [c[0], c[1]])
		check(errors.size() == 1 and errors[0].begins_with("%s.%s: " % [PEER, c[0]]), "%s%s prints one error line: %s" % [c[0], c[1], errors])
	check_eq(peer.get_connection_status(), MultiplayerPeer.CONNECTION_DISCONNECTED, "nothing half made")

	check_eq(peer.create_host_ip("127.0.0.1:27504", {CONFIG_TIMEOUT_CONNECTED: 3000}), OK, "create_host_ip with options")
	errors = errors_of(func(): r.assign([peer.create_client_ip("127.0.0.1:27505")]))
	check_eq(r, [ERR_ALREADY_IN_USE], "create_client_ip while hosting")
	check_eq(errors.size(), 1, "one error line for it: %s" % [errors])
	errors = errors_of(func(): peer.transfer_channel = 255)
	check_eq(peer.transfer_channel, 0, "a refused channel changes nothing")
	check(errors.size() == 1 and errors[0].begins_with(PEER + ".set_transfer_channel: "), "its error line: %s" % [errors])
	peer.set_target_peer(5)
	errors = errors_of(func(): r.assign([peer.put_packet(PackedByteArray([1]))]))
	check_eq(r, [ERR_INVALID_PARAMETER], "put_packet to no such peer")
	check(errors.size() == 1 and errors[0].begins_with(PEER + ".put_packet: "), "its error line: %s" % [errors])
	errors = errors_of(func(): peer.disconnect_peer(5))
	check(errors.size() == 1 and errors[0].begins_with(PEER + ".disconnect_peer: "), "disconnect_peer(no such peer): %s" % [errors])
	peer.close()


## Two SceneMultiplayer on two subtrees of this process's tree, each with its peer: an RPC each way.
func test_rpc_through_scene_multiplayer() -> void:
	if not _init_server():
		return
	var tree := Engine.get_main_loop() as SceneTree
	var script := GDScript.new()
	script.source_code = "extends Node\nvar got := []\n@rpc(\"any_peer\", \"call_remote\", \"reliable\")\nfunc hello(x):\n\tgot.append([multiplayer.get_remote_sender_id(), x])\n"
	check_eq(script.reload(), OK, "the RPC script")
	var sides := {}
	for side in ["Host", "Client"]:
		var root := Node.new()
		root.name = "MP" + side
		var game := Node.new()
		game.name = "Game"
		game.set_script(script)
		root.add_child(game)
		tree.root.add_child.call_deferred(root)
		await tree.process_frame
		var mp := SceneMultiplayer.new()
		tree.set_multiplayer(mp, root.get_path())
		sides[side] = {"root": root, "game": game, "mp": mp, "peer": SteamServerMultiplayerPeer.new()}
	check_eq(sides.Host.peer.create_host_ip("127.0.0.1:27506"), OK, "host")
	check_eq(sides.Client.peer.create_client_ip("127.0.0.1:27506"), OK, "client")
	var joined := []
	sides.Client.mp.connected_to_server.connect(func(): joined.append(true))
	sides.Host.mp.multiplayer_peer = sides.Host.peer
	sides.Client.mp.multiplayer_peer = sides.Client.peer
	var start := Time.get_ticks_msec()
	while joined.is_empty() and Time.get_ticks_msec() - start < DEADLINE_MS:
		await tree.process_frame
	check_eq(joined, [true], "connected_to_server")
	var id: int = sides.Client.mp.get_unique_id()
	check_eq(sides.Host.mp.get_peers(), PackedInt32Array([id]), "the host's peers")
	check(sides.Host.mp.is_server() and not sides.Client.mp.is_server(), "SceneMultiplayer.is_server on each side")
	sides.Client.game.rpc_id(1, "hello", 42)
	sides.Host.game.rpc("hello", "hi")
	start = Time.get_ticks_msec()
	while (sides.Host.game.got.is_empty() or sides.Client.game.got.is_empty()) and Time.get_ticks_msec() - start < DEADLINE_MS:
		await tree.process_frame
	check_eq(sides.Host.game.got, [[id, 42]], "the host's RPC from the client")
	check_eq(sides.Client.game.got, [[1, "hi"]], "the client's RPC from the host")
	var gone := []
	sides.Client.mp.server_disconnected.connect(func(): gone.append(true))
	sides.Host.peer.close()
	start = Time.get_ticks_msec()
	while gone.is_empty() and Time.get_ticks_msec() - start < DEADLINE_MS:
		await tree.process_frame
	check_eq(gone, [true], "server_disconnected once the host closed")
	for side in sides.values():
		side.mp.multiplayer_peer = null
		tree.set_multiplayer(null, side.root.get_path())
		side.root.queue_free()
	await tree.process_frame
