## Demo dedicated server: initializes the Steam game server, logs on (offline backend without
## Steam), advertises itself, answers server queries, authenticates the clients that send it their
## ticket, and logs every Steam signal. Options after `--`:
##   --ip ADDRESS --port N --query-port N --name TEXT --map TEXT --max-players N --mode 1|2|3
##   --bots N --rules N --tags TEXT --password
##   --backend offline|steamworks|auto   sets GOSTEAM_BACKEND before serverInit (default: as set)
##   --shared   GameSocketShare: the query datagrams (FF FF FF FF ...) arriving on the game port go
##              to Steam.handleIncomingPacket, and what Steam.getNextOutgoingPacket hands back is
##              sent from it. Otherwise Steam answers on --query-port.
##   --stop-file PATH   quit cleanly once PATH exists;  --max-seconds N   quit after N seconds
##   --workshop-item ID[,ID...]   (repeatable) download these Workshop items once serverInit succeeded
##              and load each one's map (demo/workshop_maps.gd: a .pck holding
##              res://workshop/<ID>/map.tscn, instantiated in the scene); a failure prints one
##              `demo: workshop item ID ...` line on stderr and the server runs on
##   --workshop-folder PATH   where items install (<PATH>/steamapps/workshop/content/<app>/<ID>/);
##              default: user://workshop, globalized. Offline, the items come from the catalogue
##              of the offline data file (GOSTEAM_OFFLINE_DATA, docs/workshop.md)
## The demo owns a UDP socket on the game port, where clients authenticate (demo/client.gd):
##   client -> server  "GSA1", steam_id (u64 LE), ticket bytes      beginAuthSession(ticket, steam_id)
##   server -> client  "GSR1", steam_id (u64 LE), stage (u8), code (s32 LE)
##                     stage 0: beginAuthSession's result; stage 1: validate_auth_ticket_response's
##   client -> server  "GSB1", steam_id (u64 LE)                    endAuthSession(steam_id)
## It quits cleanly (endAuthSession for every client, logOff, serverShutdown) when the scene tree
## quits: --quit-after, the options above, or SIGTERM/SIGINT, which the extension turns into a
## quit request once serverInit succeeded (Godot itself would just die).
## Once logged on it prints one line `demo: state {json}` with what it set, for build.sh's
## server-browser check (query_peers_check).
extends Node

const WorkshopMaps := preload("res://demo/workshop_maps.gd")
const SHARED := 65535
const AUTH_REQUEST := "GSA1"
const AUTH_REPLY := "GSR1"
const AUTH_BYE := "GSB1"

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
	"backend": "",
	"stop-file": "",
	"max-seconds": 0,
	"workshop-item": [],
	"workshop-folder": "",
}
var socket: PacketPeerUDP # the game port: client authentication, and queries in GameSocketShare
var rules := {}
var players := []
var clients := {} # steam_id -> {ip, port, ticket, replies: Array[PackedByteArray]}
var recording := {} # steam_id -> NumGames being stored, while the player's stats are requested and stored
var ending := {} # players who left while their stats were recorded: the session ends once they are


func _ready() -> void:
	_parse_options(OS.get_cmdline_user_args())
	_start_stop_timer()
	for s in Steam.get_signal_list():
		var signal_name: String = s.name
		Steam.connect(signal_name, func(...args): _log_signal(signal_name, args))
	Steam.connect("validate_auth_ticket_response", _on_auth_verdict)
	Steam.connect("stats_received", _on_stats_received)
	Steam.connect("stats_stored", _on_stats_stored)
	socket = PacketPeerUDP.new()
	var bind_ip: String = "*" if options.ip == "0.0.0.0" else options.ip
	if socket.bind(options.port, bind_ip) != OK:
		printerr("demo: cannot bind the game port %s:%d (UDP)" % [options.ip, options.port])
		socket = null
		get_tree().quit(1)
		return
	if options.backend != "":
		OS.set_environment("GOSTEAM_BACKEND", options.backend) # read by serverInit
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
	print("demo: server initialized on port %d (%s backend; display %s%s)" % [options.port, Steam.getServerState().backend,
			DisplayServer.get_name(), ", dedicated_server export" if OS.has_feature("dedicated_server") else ""])
	_start_workshop()


## The Workshop items of --workshop-item, loaded by a child node (their maps become its children).
func _start_workshop() -> void:
	if options["workshop-item"].is_empty():
		return
	var folder: String = options["workshop-folder"]
	if folder == "":
		folder = ProjectSettings.globalize_path("user://workshop")
	var workshop := WorkshopMaps.new()
	workshop.name = "WorkshopMaps"
	add_child(workshop)
	workshop.start(options["workshop-item"], folder)


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
		_pump_game_socket()
	Steam.run_callbacks()


## The game port: client authentication; in GameSocketShare also the queries, whose replies leave
## from the same socket.
func _pump_game_socket() -> void:
	while socket.get_available_packet_count() > 0:
		var packet := socket.get_packet()
		var ip := socket.get_packet_ip()
		var port := socket.get_packet_port()
		if packet.size() >= 4 and packet.decode_u32(0) == 0xFFFFFFFF:
			if options.shared:
				Steam.handleIncomingPacket(packet, ip.trim_prefix("::ffff:"), port)
		else:
			_on_game_packet(packet, ip, port)
	if not options.shared:
		return
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


func _notification(what: int) -> void:
	if what == NOTIFICATION_WM_CLOSE_REQUEST:
		print("demo: quit requested")


## Game traffic: the authentication messages of the header comment.
func _on_game_packet(packet: PackedByteArray, ip: String, port: int) -> void:
	if packet.size() < 12:
		return
	var kind := packet.slice(0, 4).get_string_from_ascii()
	var steam_id := packet.decode_u64(4)
	if kind == AUTH_BYE:
		if clients.has(steam_id) and clients[steam_id].ip == ip and clients[steam_id].port == port:
			if recording.has(steam_id):
				ending[steam_id] = true # ending the session now would unload the stats being recorded
			else:
				Steam.endAuthSession(steam_id)
			clients.erase(steam_id)
			print("demo: client %d left" % steam_id)
		return
	if kind != AUTH_REQUEST:
		return
	var ticket := packet.slice(12)
	var known: Dictionary = clients.get(steam_id, {})
	if not known.is_empty() and known.ip == ip and known.port == port and known.ticket == ticket:
		for reply in known.replies: # a repeated request (the reply was lost): the same answers
			_send(reply, ip, port)
		return
	var result: int = Steam.beginAuthSession(ticket, steam_id)
	print("demo: client %d at %s:%d sent a %d-byte ticket: beginAuthSession = %d" % [steam_id, ip.trim_prefix("::ffff:"), port, ticket.size(), result])
	var reply := _auth_reply(steam_id, 0, result)
	if result == Steam.BEGIN_AUTH_SESSION_RESULT_OK:
		clients[steam_id] = {"ip": ip, "port": port, "ticket": ticket, "replies": [reply]}
	_send(reply, ip, port)


## The verdict on a ticket (or a later change): tell the client.
func _on_auth_verdict(steam_id: int, response: int, owner_id: int) -> void:
	if not clients.has(steam_id):
		return
	var c: Dictionary = clients[steam_id]
	if response == Steam.AUTH_SESSION_RESPONSE_OK:
		print("demo: client %d authenticated (owner %d)" % [steam_id, owner_id])
		recording[steam_id] = 0
		Steam.requestUserStats(steam_id) # one more game played: _on_stats_received
	else:
		print("demo: client %d refused: validate_auth_ticket_response %d" % [steam_id, response])
	var reply := _auth_reply(steam_id, 1, response)
	c.replies.append(reply)
	_send(reply, c.ip, c.port)


## Each authenticated player's stats: one more game played (NumGames, a stat of Spacewar's schema,
## the offline backend's default; a data file's "stats" may define others), stored at once.
func _on_stats_received(result: int, steam_id: int) -> void:
	if not recording.has(steam_id):
		return
	var games := Steam.getUserStatInt(steam_id, "NumGames") + 1
	if result == Steam.RESULT_OK and Steam.setUserStatInt(steam_id, "NumGames", games):
		recording[steam_id] = games
		Steam.storeUserStats(steam_id)
	else:
		print("demo: client %d stats not received (result %d)" % [steam_id, result])
		_recorded(steam_id)


func _on_stats_stored(result: int, steam_id: int) -> void:
	if not recording.has(steam_id):
		return
	if result == Steam.RESULT_OK:
		print("demo: client %d stats stored (NumGames %d)" % [steam_id, recording[steam_id]])
	else:
		print("demo: client %d stats not stored (result %d)" % [steam_id, result])
	_recorded(steam_id)


## The player's stats are recorded (or could not be): a player who left meanwhile ends the session now.
func _recorded(steam_id: int) -> void:
	recording.erase(steam_id)
	if ending.erase(steam_id):
		Steam.endAuthSession(steam_id)


func _auth_reply(steam_id: int, stage: int, code: int) -> PackedByteArray:
	var out := AUTH_REPLY.to_ascii_buffer()
	out.resize(17)
	out.encode_u64(4, steam_id)
	out.encode_u8(12, stage)
	out.encode_s32(13, code)
	return out


func _send(data: PackedByteArray, ip: String, port: int) -> void:
	socket.set_dest_address(ip, port)
	socket.put_packet(data)


func _exit_tree() -> void:
	if Steam.getServerState().initialized:
		for steam_id in clients.keys() + ending.keys():
			Steam.endAuthSession(steam_id)
		clients.clear()
		ending.clear()
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
		elif options.has(key) and options[key] is Array and i + 1 < args.size():
			i += 1
			_add_ids(options[key], args[i], args[i - 1])
		elif options.has(key) and i + 1 < args.size():
			i += 1
			options[key] = int(args[i]) if options[key] is int else args[i]
		else:
			printerr("demo: unknown option ", args[i])
		i += 1


## A list option: comma-separated published file IDs, each a whole number above 0.
func _add_ids(ids: Array, value: String, option: String) -> void:
	for part in value.split(",", false):
		var id := part.strip_edges()
		if id.is_valid_int() and int(id) > 0:
			ids.append(int(id))
		else:
			printerr("demo: %s %s: not a published file ID" % [option, part])
