## The part of the game both roles share, at the same path on every process (SceneMultiplayer
## finds RPC targets, spawners and synchronizers by path, and an RPC by its index among the
## node's @rpc methods, so both sides must run this same script).
## Players/ holds one player node per peer, spawned by the server and replicated by PlayerSpawner.
extends Node

## On the server: a client asked hello(text).
signal hello_received(sender: int, text: String)
## On the server: a client pinged (unreliable, ordered, channel 1).
signal ping_received(sender: int, seq: int)

@onready var players: Node = $Players
@onready var spawner: MultiplayerSpawner = $PlayerSpawner


## Client -> server, reliable.
@rpc("any_peer", "call_remote", "reliable")
func hello(text: String) -> void:
	hello_received.emit(multiplayer.get_remote_sender_id(), text)


## Client -> server, unreliable and ordered on channel 1.
@rpc("any_peer", "call_remote", "unreliable_ordered", 1)
func ping(seq: int) -> void:
	ping_received.emit(multiplayer.get_remote_sender_id(), seq)


## Server -> the one client that said hello.
@rpc("authority", "call_remote", "reliable")
func welcome(peer_id: int) -> void:
	print("MP: rpc_from_server welcome %d (from %d)" % [peer_id, multiplayer.get_remote_sender_id()])


## Server -> every client.
@rpc("authority", "call_remote", "reliable")
func announce(text: String) -> void:
	print("MP: rpc_from_server announce %s" % text)


## Server -> the client that pinged, unreliable and ordered on channel 1.
@rpc("authority", "call_remote", "unreliable_ordered", 1)
func pong(seq: int) -> void:
	print("MP: rpc_from_server pong %d" % seq)
