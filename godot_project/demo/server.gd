## Demo dedicated server: initializes the Steam game server, logs on (offline backend without
## Steam), advertises itself and logs every Steam signal. Options after `--`:
##   --port N --query-port N --name TEXT --map TEXT --max-players N --shared (GameSocketShare)
extends Node

var options := {
	"port": 27015,
	"query-port": 27016,
	"name": "Godot Steam demo server",
	"map": "demo_map",
	"max-players": 16,
	"shared": false,
}


func _ready() -> void:
	_parse_options(OS.get_cmdline_user_args())
	for s in Steam.get_signal_list():
		var signal_name: String = s.name
		Steam.connect(signal_name, func(...args): _log_signal(signal_name, args))
	var query_port: int = 65535 if options.shared else options["query-port"]
	var init: Dictionary = Steam.serverInitEx("0.0.0.0", options.port, query_port, 2, "1.0.0.0")
	if init.status != 0:
		printerr("demo: serverInit failed: ", init.verbal)
		get_tree().quit(1)
		return
	Steam.setModDir("godotsteamdemo")
	Steam.setProduct("480")
	Steam.setGameDescription("Godot Steam demo")
	Steam.setDedicatedServer(true)
	Steam.logOnAnonymous()
	Steam.setServerName(options.name)
	Steam.setMapName(options.map)
	Steam.setMaxPlayerCount(options["max-players"])
	Steam.setAdvertiseServerActive(true)
	print("demo: server initialized on port %d (%s backend)" % [options.port, Steam.getServerState().backend])


func _process(_delta: float) -> void:
	Steam.run_callbacks()


func _exit_tree() -> void:
	if Steam.getServerState().initialized:
		Steam.logOff()
		Steam.run_callbacks()
		Steam.serverShutdown()
	print("demo: server shut down")


func _log_signal(signal_name: String, args: Array) -> void:
	print("demo: signal %s%s" % [signal_name, args])
	if signal_name == "server_connected":
		print("demo: logged on as %d" % Steam.getSteamID())


func _parse_options(args: PackedStringArray) -> void:
	var i := 0
	while i < args.size():
		var key := args[i].trim_prefix("--")
		if key == "shared":
			options.shared = true
		elif options.has(key) and i + 1 < args.size():
			i += 1
			options[key] = int(args[i]) if options[key] is int else args[i]
		else:
			printerr("demo: unknown option ", args[i])
		i += 1
