## The bad-input rows of GodotSteam Server 4's Networking (old P2P), Networking Messages and
## Networking Utils calls (bad_input_base.gd merges them into its table, test_lifecycle.gd takes
## their baselines and safe values as its before-serverInit rows). The kinds "seconds", "num",
## "in", "sendflags" and "cfg" are checked by bad_input_base.gd's _accepts.
extends RefCounted

const MAX_INT := 9223372036854775807
const MIN_INT := -9223372036854775808
const U32 := 4294967295
const I32_MAX := 2147483647
const MAX_MESSAGE := 524288


static func rows(player: int) -> Dictionary:
	var channel := ["int", 0, I32_MAX, 0]
	var data := ["bytes", 0, MAX_MESSAGE, "hello".to_utf8_buffer()]
	var location := PackedByteArray()
	location.resize(512)
	var ping_location := ["bytes", 512, 512, location]
	var pop := ["int", 0, U32, 1]
	var no_location := {"success": false, "ping_location": location}
	return {
		# Networking (old P2P): player has no session, so the session calls that go through answer
		# false or {} (test_net_messages checks those with a real peer).
		"acceptP2PSessionWithUser": {"args": [["sid", player]], "safe": false},
		"allowP2PPacketRelay": {"args": [["bool", true]], "safe": false},
		"closeP2PChannelWithUser": {"args": [["sid", player], channel], "safe": false},
		"closeP2PSessionWithUser": {"args": [["sid", player]], "safe": false},
		"getP2PSessionState": {"args": [["sid", player]], "safe": {}},
		"getAvailableP2PPacketSize": {"args": [channel], "safe": 0},
		"readP2PPacket": {"args": [["int", 0, MAX_MESSAGE, 1200], channel], "safe": {}},
		# A send to nobody's Steam ID: the realm's directory has no entry for it, so no datagram leaves.
		"sendP2PPacket": {"args": [["sid", player], data, ["int", 0, 3, 2], channel], "safe": false},
		# Networking Messages.
		"acceptSessionWithUser": {"args": [["sid", player]], "safe": false},
		"closeChannelWithUser": {"args": [["sid", player], channel], "safe": false},
		"closeSessionWithUser": {"args": [["sid", player]], "safe": false},
		"sendMessageToUser": {"args": [["sid", player], data, ["sendflags", 8], channel], "safe": 8},
		# Networking Utils: offline has no relay network, so the answers that go through are the
		# "no data" ones, of the same shape as the refusals.
		"checkPingDataUpToDate": {"args": [["seconds", 60.0]], "safe": false},
		"convertPingLocationToString": {"args": [ping_location], "safe": ""},
		"estimatePingTimeBetweenTwoLocations": {"args": [ping_location, ping_location], "safe": -1},
		"estimatePingTimeFromLocalHost": {"args": [ping_location], "safe": -1},
		# Scopes 1 and 2 need no handle; 3 and 4 need an open one, which never is here.
		"getConfigValue": {"args": [["cfg", 12], ["int", 1, 2, 1], ["int", MIN_INT, MAX_INT, 0]], "safe": {},
			"shape": {"result": 0, "type": 0, "value": 0, "buffer": 0}},
		"getConfigValueInfo": {"args": [["cfg", 12]], "safe": {}, "shape": {"type": 0, "scope": 0}},
		"getDirectPingToPOP": {"args": [pop], "safe": -1},
		"getLocalPingLocation": {"args": [], "safe": {"age": -1.0, "location": location}},
		"getLocalTimestamp": {"args": [], "safe": 0},
		"getPingToDataCenter": {"args": [pop], "safe": {"pop_relay": 0, "ping": -1}},
		"getPOPCount": {"args": [], "safe": 0},
		"getPOPList": {"args": [], "safe": []},
		"getRelayNetworkStatus": {"args": [], "safe": 0},
		"initRelayNetworkAccess": {"args": [], "safe": null},
		"parsePingLocationString": {"args": [["str", 1023, ""]], "safe": no_location},
		# The global setters: NAGLE_TIME (12) is the only int32 value among the test values, the
		# FAKE_PACKET_LOSS ones (2, 3) the only floats, P2P_STUN_SERVER_LIST (103) the only String.
		"setGlobalConfigValueInt32": {"args": [["in", [12], 12], ["int", 0, 20000, 100]], "safe": false},
		"setGlobalConfigValueFloat": {"args": [["in", [2, 3], 2], ["num", 0.0, 100.0, 1.5]], "safe": false},
		"setGlobalConfigValueString": {"args": [["in", [103], 103], ["str", 1023, "stun.example.net:3478"]], "safe": false},
		# No connection is open, so the connection setters are refused whatever their values.
		"setConnectionConfigValueInt32": {"args": [["never", 1], ["never", 12], ["never", 100]], "safe": false},
		"setConnectionConfigValueFloat": {"args": [["never", 1], ["never", 2], ["never", 1.5]], "safe": false},
		"setConnectionConfigValueString": {"args": [["never", 1], ["never", 103], ["never", "x"]], "safe": false},
	}


## The NetworkingConfigValue values a configuration call accepts (the enum less INVALID and FORCE32BIT).
static func config_values() -> Array:
	var out := []
	for name in ClassDB.class_get_enum_constants("Steam", "NetworkingConfigValue"):
		var v := ClassDB.class_get_integer_constant("Steam", name)
		if v != 0 and v != I32_MAX:
			out.append(v)
	return out
