## One player: a Node2D named after its peer ID, moved by the server only; its position reaches
## every client through the MultiplayerSynchronizer below it (the server is its authority).
extends Node2D

const RADIUS := 100.0

## Radians a second; each player's circle starts where its peer ID puts it.
var speed := 2.0


## Server: the position at time t (seconds), a circle around the origin.
func move_to_time(t: float) -> void:
	var phase := float(name.to_int() % 360) * PI / 180.0
	position = Vector2(cos(t * speed + phase), sin(t * speed + phase)) * RADIUS
