## The multiplayer test game: one dedicated server and any number of clients on one machine, over
## ENetMultiplayerPeer or SteamServerMultiplayerPeer (the options: multiplayer/options.gd). It
## instantiates the server or the client scene as "Game" (so both have /root/Main/Game/World) and
## owns the process's lifetime: --max-seconds, --stop-file, and a clean close of the peer and of
## Steam on the way out. Every event is printed as an `MP: ...` line for the e2e test to check.
extends Node

const Options := preload("res://multiplayer/options.gd")
const Transport := preload("res://multiplayer/transport.gd")
const SCENES := {"server": "res://multiplayer/server.tscn", "client": "res://multiplayer/client.tscn"}

var options := {}
var elapsed := 0.0
var since_stop_check := 0.0


func _ready() -> void:
	# Headless Godot would otherwise run frames back to back: three games share two cores.
	Engine.max_fps = 60
	options = Options.parse(OS.get_cmdline_user_args())
	if options.has("error"):
		print("MP: error ", options.error)
		get_tree().quit(2)
		return
	var peer := Transport.host(options) if options.role == "server" else Transport.join(options)
	if peer == null:
		get_tree().quit(1)
		return
	Transport.report_status()
	var game: Node = load(SCENES[options.role]).instantiate()
	game.name = "Game"
	game.options = options
	game.peer = peer
	add_child(game)


func _process(delta: float) -> void:
	if Transport.steam_started:
		Steam.run_callbacks() # the peer polls on its own; this delivers SIGTERM's quit request
	elapsed += delta
	since_stop_check += delta
	if elapsed >= options.get("max-seconds", 0):
		print("MP: quitting after %d seconds" % options["max-seconds"])
		get_tree().quit(0)
	elif since_stop_check >= 0.25 and options.get("stop-file", "") != "":
		since_stop_check = 0.0
		if FileAccess.file_exists(options["stop-file"]):
			print("MP: stop file found, quitting")
			get_tree().quit(0)


func _exit_tree() -> void:
	if multiplayer.multiplayer_peer != null:
		multiplayer.multiplayer_peer.close()
		multiplayer.multiplayer_peer = null
	if Transport.steam_started:
		Steam.serverShutdown()
	print("MP: stopped")
