## The multiplayer test game's command line (the user arguments after `--`):
##   --server | --client            the role (one of them is required)
##   --transport enet|steam         ENetMultiplayerPeer or SteamServerMultiplayerPeer (default enet)
##   --port N                       server: the UDP port to listen on (127.0.0.1)
##   --address HOST:PORT            client: the server to join
##   --user-steam-id ID             client, steam: the Steam ID its connections present
##   --timeout-ms N                 server: silence after which a peer counts as gone (default 3000)
##   --max-seconds N                quit (cleanly) after N seconds (default 120)
##   --stop-file PATH               server: quit cleanly once PATH exists
## Anything else is refused with an `MP: error ...` line.
extends RefCounted

const DEFAULTS := {
	"role": "",
	"transport": "enet",
	"port": 0,
	"address": "",
	"user-steam-id": 0,
	"timeout-ms": 3000,
	"max-seconds": 120,
	"stop-file": "",
}


## The options of args as a Dictionary of DEFAULTS' keys, or {"error": why}.
static func parse(args: PackedStringArray) -> Dictionary:
	var o := DEFAULTS.duplicate()
	var i := 0
	while i < args.size():
		var key := args[i].trim_prefix("--")
		i += 1
		if key == "server" or key == "client":
			o.role = key
			continue
		if not o.has(key) or key == "role":
			return {"error": "unknown option %s" % args[i - 1]}
		if i >= args.size():
			return {"error": "%s needs a value" % args[i - 1]}
		var value := args[i]
		i += 1
		if o[key] is int:
			if not value.is_valid_int():
				return {"error": "--%s takes a number, not %s" % [key, value]}
			o[key] = value.to_int()
		else:
			o[key] = value
	if o.role == "":
		return {"error": "say --server or --client"}
	if o.transport != "enet" and o.transport != "steam":
		return {"error": "--transport is enet or steam, not %s" % o.transport}
	if o.role == "server" and (o.port <= 0 or o.port > 65535):
		return {"error": "--server needs --port 1..65535"}
	if o.role == "client" and port_of(o.address) <= 0:
		return {"error": "--client needs --address HOST:PORT"}
	return o


## The host part of "HOST:PORT" ("[::1]:N" gives "::1").
static func host_of(address: String) -> String:
	return address.substr(0, address.rfind(":")).trim_prefix("[").trim_suffix("]")


## The port of "HOST:PORT", or 0.
static func port_of(address: String) -> int:
	var port := address.substr(address.rfind(":") + 1)
	return port.to_int() if address.contains(":") and port.is_valid_int() else 0
