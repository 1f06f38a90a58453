## Demo dedicated server: initializes the Steam game server, logs on (offline backend without
## Steam), advertises itself, answers server queries and logs every Steam signal. Options after `--`:
##   --ip ADDRESS --port N --query-port N --name TEXT --map TEXT --max-players N --mode 1|2|3
##   --bots N --rules N --tags TEXT --password
##   --shared   GameSocketShare: the demo owns a UDP socket on the game port and passes the query
##              datagrams (FF FF FF FF ...) to Steam.handleIncomingPacket, then sends what
##              Steam.getNextOutgoingPacket hands back. Otherwise Steam answers on --query-port.
##   --stop-file PATH   quit cleanly once PATH exists;  --max-seconds N   quit after N seconds
## Once logged on it prints one line `demo: state {json}` with what it set, for build.sh's
## server-browser check (query_peers_check).
extends Node

const SHARED := 65535

var options := {
	"ip": "0.0.0.0",
	"port": 27015,
	"query-port": 27016,
	"name": "Godot Steam demo server",
	"map": "demo_map",
	"max-players": 16,
	"mode": 2,
	"bots": 0,
	"rules": 0,
	"tags": "",
	"password": false,
	"shared": false,
	"stop-file": "",
	"max-seconds": 0,
}
var socket: PacketPeerUDP # GameSocketShare only
var rules := {}
var players := []


func _ready() -> void:
	_parse_options(OS.get_cmdline_user_args())
	_start_stop_timer()
	for s in Steam.get_signal_list():
		var signal_name: String = s.name
		Steam.connect(signal_name, func(...args): _log_signal(signal_name, args))
	if options.shared:
		socket = PacketPeerUDP.new()
		var bind_ip: String = "*" if options.ip == "0.0.0.0" else options.ip
		if socket.bind(options.port, bind_ip) != OK:
			printerr("demo: cannot bind the game port %s:%d (UDP)" % [options.ip, options.port])
			get_tree().quit(1)
			return
	var query_port: int = SHARED if options.shared else options["query-port"]
	var init: Dictionary = Steam.serverInitEx(options.ip, options.port, query_port, options.mode, "1.0.0.0")
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
	Steam.setBotPlayerCount(options.bots)
	Steam.setPasswordProtected(options.password)
	Steam.setGameTags(options.tags)
	for i in options.rules:
		var key := "demo_rule_%03d" % i
		rules[key] = "value %03d of the demo server" % i
		Steam.setKeyValue(key, rules[key])
	_add_bots()
	Steam.setAdvertiseServerActive(true)
	print("demo: server initialized on port %d (%s backend)" % [options.port, Steam.getServerState().backend])


## Bots join the player list too when the extension has player connections (A2S_PLAYER lists them).
func _add_bots() -> void:
	if not Steam.has_method("createUnauthenticatedUserConnection") or not Steam.has_method("updateUserData"):
		return
	for i in options.bots:
		var id: int = Steam.call("createUnauthenticatedUserConnection")
		if id != 0 and Steam.call("updateUserData", id, "Bot %d" % (i + 1), i * 10):
			players.append({"name": "Bot %d" % (i + 1), "score": i * 10})


func _process(_delta: float) -> void:
	if socket != null:
		_pump_shared_socket()
	Steam.run_callbacks()


## GameSocketShare: queries arrive on the game socket; replies leave from it.
func _pump_shared_socket() -> void:
	while socket.get_available_packet_count() > 0:
		var packet := socket.get_packet()
		var ip := socket.get_packet_ip().trim_prefix("::ffff:")
		var port := socket.get_packet_port()
		if packet.size() >= 4 and packet.decode_u32(0) == 0xFFFFFFFF:
			Steam.handleIncomingPacket(packet, ip, port)
		# else: game traffic (the demo has none)
	while true:
		var out := Steam.getNextOutgoingPacket()
		if out.length == 0:
			break
		var a: int = out.address
		socket.set_dest_address("%d.%d.%d.%d" % [(a >> 24) & 255, (a >> 16) & 255, (a >> 8) & 255, a & 255], out.port)
		socket.put_packet(out.out)


## For scripts running the demo in the background (build.sh query_peers_check).
func _start_stop_timer() -> void:
	if options["max-seconds"] > 0:
		get_tree().create_timer(options["max-seconds"]).timeout.connect(func(): get_tree().quit())
	if options["stop-file"] != "":
		var timer := Timer.new()
		timer.wait_time = 0.1
		timer.timeout.connect(func():
			if FileAccess.file_exists(options["stop-file"]):
				get_tree().quit())
		add_child(timer)
		timer.start()


func _exit_tree() -> void:
	if Steam.getServerState().initialized:
		Steam.logOff()
		Steam.run_callbacks()
		Steam.serverShutdown()
	if socket != null:
		socket.close()
	print("demo: server shut down")


func _log_signal(signal_name: String, args: Array) -> void:
	print("demo: signal %s%s" % [signal_name, args])
	if signal_name == "server_connected":
		print("demo: logged on as %d" % Steam.getSteamID())
		_print_state()


## What a server browser should show, as set above (Steam IDs as strings: JSON numbers lose bits).
func _print_state() -> void:
	var state := {
		"name": options.name,
		"map": options.map,
		"folder": "godotsteamdemo",
		"game": "Godot Steam demo",
		"version": "1.0.0.0",
		"dedicated": true,
		"max_players": options["max-players"],
		"bots": options.bots,
		"players": players,
		"password": options.password,
		"secure": Steam.secure(),
		"tags": options.tags,
		"game_port": options.port,
		"query_port": options.port if options.shared else options["query-port"],
		"shared": options.shared,
		"steam_id": str(Steam.getSteamID()),
		"rules": rules,
	}
	print("demo: state ", JSON.stringify(state, "", false))


func _parse_options(args: PackedStringArray) -> void:
	var i := 0
	while i < args.size():
		var key := args[i].trim_prefix("--")
		if options.has(key) and options[key] is bool:
			options[key] = true
		elif options.has(key) and i + 1 < args.size():
			i += 1
			options[key] = int(args[i]) if options[key] is int else args[i]
		else:
			printerr("demo: unknown option ", args[i])
		i += 1
