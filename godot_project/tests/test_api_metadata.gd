## The Steam singleton's API as ClassDB shows it to GDScript and the editor: every method with its
## argument names, types and defaults, and every signal with its arguments, written out literally so
## that a rename, a reordered argument or a changed type breaks this test.
extends TestSuite

# Argument rows: [name, Variant type, declared as Variant]. A Variant argument has type TYPE_NIL
# and the PROPERTY_USAGE_NIL_IS_VARIANT flag.
# Method rows: [arguments, return type, default values of the trailing arguments].
const INIT_ARGS := [
	["ip", TYPE_STRING, false],
	["game_port", TYPE_INT, false],
	["query_port", TYPE_INT, false],
	["server_mode", TYPE_INT, false],
	["version_number", TYPE_STRING, false],
]

const METHODS := {
	"serverInit": [INIT_ARGS, TYPE_BOOL, []],
	"serverInitEx": [INIT_ARGS, TYPE_DICTIONARY, []],
	"serverShutdown": [[], TYPE_NIL, []],
	"serverReleaseCurrentThreadMemory": [[], TYPE_NIL, []],
	"run_callbacks": [[], TYPE_NIL, []],
	"isServerSecure": [[], TYPE_BOOL, []],
	"getServerSteamID": [[], TYPE_INT, []],
	"associateWithClan": [[["clan_id", TYPE_INT, false]], TYPE_NIL, []],
	"beginAuthSession": [[["auth_ticket", TYPE_NIL, true], ["steam_id", TYPE_INT, false]], TYPE_INT, []],
	"cancelServerAuthTicket": [[["auth_ticket", TYPE_INT, false]], TYPE_NIL, []],
	"cancelAuthTicket": [[["auth_ticket", TYPE_INT, false]], TYPE_NIL, []],
	"clearAllKeyValues": [[], TYPE_NIL, []],
	"computeNewPlayerCompatibility": [[["steam_id", TYPE_INT, false]], TYPE_NIL, []],
	"endAuthSession": [[["steam_id", TYPE_INT, false]], TYPE_NIL, []],
	"getAuthSessionTicket": [[["identity_reference", TYPE_STRING, false]], TYPE_DICTIONARY, [""]],
	"getServerAuthSessionTicket": [[["identity_reference", TYPE_STRING, false]], TYPE_DICTIONARY, [""]],
	"getNextOutgoingPacket": [[], TYPE_DICTIONARY, []],
	"getPublicIP": [[], TYPE_DICTIONARY, []],
	"getSteamID": [[], TYPE_INT, []],
	"handleIncomingPacket": [[["packet", TYPE_NIL, true], ["ip", TYPE_STRING, false], ["port", TYPE_INT, false]], TYPE_DICTIONARY, []],
	"initGameServer": [[["connect_data", TYPE_DICTIONARY, false], ["app_id", TYPE_INT, false], ["version_string", TYPE_STRING, false]], TYPE_BOOL, []],
	"loggedOn": [[], TYPE_BOOL, []],
	"logOff": [[], TYPE_NIL, []],
	"logOn": [[["token", TYPE_STRING, false]], TYPE_NIL, []],
	"logOnAnonymous": [[], TYPE_NIL, []],
	"requestUserGroupStatus": [[["steam_id", TYPE_INT, false], ["group_id", TYPE_INT, false]], TYPE_BOOL, []],
	"secure": [[], TYPE_BOOL, []],
	"setAdvertiseServerActive": [[["active", TYPE_BOOL, false]], TYPE_NIL, []],
	"setBotPlayerCount": [[["bots", TYPE_INT, false]], TYPE_NIL, []],
	"setDedicatedServer": [[["dedicated", TYPE_BOOL, false]], TYPE_NIL, []],
	"setGameData": [[["data", TYPE_STRING, false]], TYPE_NIL, []],
	"setGameDescription": [[["description", TYPE_STRING, false]], TYPE_NIL, []],
	"setGameTags": [[["tags", TYPE_STRING, false]], TYPE_NIL, []],
	"setHeartbeatInterval": [[["interval", TYPE_INT, false]], TYPE_NIL, []],
	"setKeyValue": [[["key", TYPE_STRING, false], ["value", TYPE_STRING, false]], TYPE_NIL, []],
	"setMapName": [[["map", TYPE_STRING, false]], TYPE_NIL, []],
	"setMaxPlayerCount": [[["players_max", TYPE_INT, false]], TYPE_NIL, []],
	"setModDir": [[["modDir", TYPE_STRING, false]], TYPE_NIL, []],
	"setPasswordProtected": [[["password_protected", TYPE_BOOL, false]], TYPE_NIL, []],
	"setProduct": [[["product", TYPE_STRING, false]], TYPE_NIL, []],
	"setRegion": [[["region", TYPE_STRING, false]], TYPE_NIL, []],
	"setServerName": [[["name", TYPE_STRING, false]], TYPE_NIL, []],
	"setSpectatorPort": [[["port", TYPE_INT, false]], TYPE_NIL, []],
	"setSpectatorServerName": [[["name", TYPE_STRING, false]], TYPE_NIL, []],
	"userHasLicenceForApp": [[["steam_id", TYPE_INT, false], ["app_id", TYPE_INT, false]], TYPE_INT, []],
	"userHasLicenseForApp": [[["steam_id", TYPE_INT, false], ["app_id", TYPE_INT, false]], TYPE_INT, []],
	"wasRestartRequested": [[], TYPE_BOOL, []],
	"getServerState": [[], TYPE_DICTIONARY, []],
	# Player connections
	"sendUserConnectAndAuthenticate": [[["ip_client", TYPE_INT, false], ["auth_blob", TYPE_NIL, true], ["steam_id", TYPE_INT, false]], TYPE_BOOL, []],
	"createUnauthenticatedUserConnection": [[], TYPE_INT, []],
	"sendUserDisconnect": [[["steam_id", TYPE_INT, false]], TYPE_NIL, []],
	"updateUserData": [[["steam_id", TYPE_INT, false], ["name", TYPE_STRING, false], ["score", TYPE_INT, false]], TYPE_BOOL, []],
	# Offline scripting
	"offlineIssueTicket": [[["steam_id", TYPE_INT, false], ["app_id", TYPE_INT, false]], TYPE_DICTIONARY, [0]],
	"offlineKickClient": [[["steam_id", TYPE_INT, false], ["reason", TYPE_INT, false]], TYPE_NIL, []],
	"offlineDenyClient": [[["steam_id", TYPE_INT, false], ["reason", TYPE_INT, false]], TYPE_NIL, []],
	"offlineAuthSessionResponse": [[["steam_id", TYPE_INT, false], ["response", TYPE_INT, false]], TYPE_NIL, []],
	"offlineConnectFailure": [[["result", TYPE_INT, false], ["retrying", TYPE_BOOL, false]], TYPE_NIL, []],
	"offlineDisconnect": [[["result", TYPE_INT, false]], TYPE_NIL, []],
	"offlinePolicyResponse": [[["secure", TYPE_BOOL, false]], TYPE_NIL, []],
	"offlineRequestRestart": [[], TYPE_NIL, []],
}

# Signal rows: [[argument name, Variant type], ...] in order.
const SIGNALS := {
	"associate_clan": [["result", TYPE_INT]],
	"client_approved": [["steam_id", TYPE_INT], ["owner_id", TYPE_INT]],
	"client_denied": [["steam_id", TYPE_INT], ["reason", TYPE_INT]],
	"client_group_status": [["steam_id", TYPE_INT], ["group_id", TYPE_INT], ["member", TYPE_BOOL], ["officer", TYPE_BOOL]],
	"client_kick": [["steam_id", TYPE_INT], ["reason", TYPE_INT]],
	"player_compat": [["result", TYPE_INT], ["players_dont_like_candidate", TYPE_INT], ["players_candidate_doesnt_like", TYPE_INT], ["clan_players_dont_like_candidate", TYPE_INT], ["steam_id", TYPE_INT]],
	"policy_response": [["secure", TYPE_INT]],
	"server_connect_failure": [["result", TYPE_INT], ["retrying", TYPE_BOOL]],
	"server_connected": [],
	"server_disconnected": [["result", TYPE_INT]],
	"validate_auth_ticket_response": [["auth_id", TYPE_INT], ["response", TYPE_INT], ["owner_id", TYPE_INT]],
	"get_auth_session_ticket_response": [["auth_ticket", TYPE_INT], ["result", TYPE_INT]],
}


func _is_variant(info: Dictionary) -> bool:
	return info.type == TYPE_NIL and (info.usage & PROPERTY_USAGE_NIL_IS_VARIANT) != 0


func test_singleton_is_registered_and_not_instantiable() -> void:
	check(Engine.has_singleton("Steam"), "Engine.has_singleton(\"Steam\") is false: scripts cannot use Steam")
	check(ClassDB.class_exists("Steam"), "ClassDB does not know the class Steam")
	check_eq(ClassDB.can_instantiate("Steam"), false, "Steam.new() would make a second server object: ClassDB.can_instantiate")
	check_eq(ClassDB.get_parent_class("Steam"), &"Object", "Steam's parent class")
	check_eq(Steam.get_class(), "Steam", "the singleton's class name")
	check(Engine.get_singleton("Steam") == Steam, "Engine.get_singleton(\"Steam\") is not the global Steam")


func test_every_method_matches_the_table() -> void:
	var seen := {}
	for m in ClassDB.class_get_method_list("Steam", true):
		var name: String = m.name
		check(not seen.has(name), "method %s is registered twice" % name)
		seen[name] = true
		if not METHODS.has(name):
			check(false, "unexpected method Steam.%s: add it to the API table (and the docs) or remove it" % name)
			continue
		var want: Array = METHODS[name]
		var got_args := []
		for a in m.args:
			got_args.append([a.name, a.type, _is_variant(a)])
		check_eq(got_args, want[0], "Steam.%s arguments [name, type, is Variant]" % name)
		check_eq(m["return"].type, want[1], "Steam.%s return type" % name)
		check_eq(m["return"].usage & PROPERTY_USAGE_NIL_IS_VARIANT, 0, "Steam.%s returns a declared type, not Variant" % name)
		check_eq(m.default_args, want[2], "Steam.%s default argument values" % name)
		check_eq(m.flags & (METHOD_FLAG_VARARG | METHOD_FLAG_STATIC | METHOD_FLAG_VIRTUAL), 0, "Steam.%s is a plain method (no vararg/static/virtual flag)" % name)
	for name in METHODS:
		check(seen.has(name), "method Steam.%s is missing" % name)
		check(ClassDB.class_has_method("Steam", name, true), "ClassDB.class_has_method(\"Steam\", %s) is false" % name)
		check(Steam.has_method(name), "Steam.has_method(%s) is false" % name)
	check_eq(seen.size(), METHODS.size(), "number of Steam methods")


func test_method_argument_counts_as_godot_reports_them() -> void:
	for name in METHODS:
		var want: Array = METHODS[name]
		check_eq(ClassDB.class_get_method_argument_count("Steam", name, true), want[0].size(), "argument count of Steam.%s" % name)


func test_every_signal_matches_the_table() -> void:
	var seen := {}
	for s in ClassDB.class_get_signal_list("Steam", true):
		var name: String = s.name
		check(not seen.has(name), "signal %s is registered twice" % name)
		seen[name] = true
		if not SIGNALS.has(name):
			check(false, "unexpected signal %s: add it to the API table or remove it" % name)
			continue
		var got_args := []
		for a in s.args:
			got_args.append([a.name, a.type])
			check(not _is_variant(a), "signal %s argument %s is untyped (Variant)" % [name, a.name])
		check_eq(got_args, SIGNALS[name], "signal %s arguments [name, type]" % name)
	for name in SIGNALS:
		check(seen.has(name), "signal %s is missing" % name)
		check(Steam.has_signal(name), "Steam.has_signal(%s) is false" % name)
	check_eq(seen.size(), SIGNALS.size(), "number of Steam signals")

