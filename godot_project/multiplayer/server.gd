## The dedicated server: peer 1. It spawns a player per connected peer (World/PlayerSpawner
## replicates it to every client), moves every player on a circle (their MultiplayerSynchronizers
## carry the positions), answers a client's hello with welcome() and its pings with pong(), and
## announces joins and departures to everyone.
extends Node

const Transport := preload("res://multiplayer/transport.gd")
const PLAYER := preload("res://multiplayer/player.tscn")

var options := {} # set by main.gd before _ready
var peer: MultiplayerPeer # set by main.gd before _ready
var clock := 0.0

@onready var world: Node = $World


func _ready() -> void:
	multiplayer.peer_connected.connect(_on_peer_connected)
	multiplayer.peer_disconnected.connect(_on_peer_disconnected)
	world.hello_received.connect(_on_hello)
	world.ping_received.connect(func(sender: int, seq: int): world.pong.rpc_id(sender, seq))
	multiplayer.multiplayer_peer = peer
	print("MP: listening %s 127.0.0.1:%d unique_id %d" % [options.transport, options.port, multiplayer.get_unique_id()])


func _physics_process(delta: float) -> void:
	clock += delta
	for player in world.players.get_children():
		player.move_to_time(clock)


func _on_peer_connected(id: int) -> void:
	print("MP: peer_connected %d" % id)
	Transport.watch_peer(peer, id, options["timeout-ms"])
	var player := PLAYER.instantiate()
	player.name = str(id)
	player.move_to_time(clock)
	world.players.add_child(player)
	world.announce.rpc("joined %d" % id)


func _on_peer_disconnected(id: int) -> void:
	print("MP: peer_disconnected %d" % id)
	var player: Node = world.players.get_node_or_null(str(id))
	if player != null:
		player.queue_free()
	world.announce.rpc("left %d" % id)


func _on_hello(sender: int, text: String) -> void:
	print("MP: rpc_from_client %d hello %s" % [sender, text])
	world.welcome.rpc_id(sender, sender)
