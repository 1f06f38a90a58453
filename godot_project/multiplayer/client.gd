## A client: joins the server, says hello (reliable RPC), pings it four times a second (unreliable
## ordered RPC on channel 1), and prints what reaches it: the server's RPCs (world.gd), the players
## PlayerSpawner spawns and despawns, and each player's synchronized position when it changed.
## It quits with status 1 when the connection fails, 0 when the server goes away.
extends Node

const REPORT_SECONDS := 0.25

var options := {} # set by main.gd before _ready
var peer: MultiplayerPeer # set by main.gd before _ready
var last_position := {} # player name -> the position last printed
var since_report := 0.0
var pings := 0

@onready var world: Node = $World


func _ready() -> void:
	multiplayer.connected_to_server.connect(_on_connected)
	multiplayer.connection_failed.connect(func():
		print("MP: connection_failed")
		get_tree().quit(1))
	multiplayer.server_disconnected.connect(func():
		print("MP: server_disconnected")
		get_tree().quit(0))
	multiplayer.peer_connected.connect(func(id: int): print("MP: peer_connected %d" % id))
	multiplayer.peer_disconnected.connect(func(id: int): print("MP: peer_disconnected %d" % id))
	world.spawner.spawned.connect(func(node: Node): print("MP: spawned %s" % node.name))
	world.spawner.despawned.connect(func(node: Node): print("MP: despawned %s" % node.name))
	multiplayer.multiplayer_peer = peer
	print("MP: connecting %s %s" % [options.transport, options.address])


func _on_connected() -> void:
	print("MP: connected_to_server unique_id %d" % multiplayer.get_unique_id())
	world.hello.rpc_id(1, "from %d" % multiplayer.get_unique_id())


func _process(delta: float) -> void:
	if peer.get_connection_status() != MultiplayerPeer.CONNECTION_CONNECTED:
		return
	since_report += delta
	if since_report < REPORT_SECONDS:
		return
	since_report = 0.0
	pings += 1
	world.ping.rpc_id(1, pings)
	for player in world.players.get_children():
		if last_position.get(player.name) != player.position:
			last_position[player.name] = player.position
			print("MP: synced position %s %.1f %.1f" % [player.name, player.position.x, player.position.y])
