## Generated from extension/methods.go and signals/catalogue.go by
## UPDATE_FIXTURE=1 go test ./extension/ (checked stale by go test): do not edit.
## The Steam and SteamServer singletons' API as ClassDB must show it; the suites read it instead of lists of their own.
extends RefCounted

## name -> {args: [[name, Variant type, declared as Variant, enum]], return: Variant type,
## return_enum, defaults: values of the trailing arguments,
## field: for a one-argument set* of the state, {key: getServerState's key, max_len: a String's limit in bytes (0: not a String),
## min, max: an int's range, before_log_on: refused once the server logs on}}
const METHODS := {
	"serverInit": {"args": [["ip", TYPE_STRING, false, ""], ["game_port", TYPE_INT, false, ""], ["query_port", TYPE_INT, false, ""], ["server_mode", TYPE_INT, false, "ServerMode"], ["version_number", TYPE_STRING, false, ""]], "return": TYPE_BOOL, "return_enum": "", "defaults": [], "field": {}},
	"serverInitEx": {"args": [["ip", TYPE_STRING, false, ""], ["game_port", TYPE_INT, false, ""], ["query_port", TYPE_INT, false, ""], ["server_mode", TYPE_INT, false, "ServerMode"], ["version_number", TYPE_STRING, false, ""]], "return": TYPE_DICTIONARY, "return_enum": "", "defaults": [], "field": {}},
	"serverShutdown": {"args": [], "return": TYPE_NIL, "return_enum": "", "defaults": [], "field": {}},
	"serverReleaseCurrentThreadMemory": {"args": [], "return": TYPE_NIL, "return_enum": "", "defaults": [], "field": {}},
	"run_callbacks": {"args": [], "return": TYPE_NIL, "return_enum": "", "defaults": [], "field": {}},
	"isServerSecure": {"args": [], "return": TYPE_BOOL, "return_enum": "", "defaults": [], "field": {}},
	"getServerSteamID": {"args": [], "return": TYPE_INT, "return_enum": "", "defaults": [], "field": {}},
	"getAppID": {"args": [], "return": TYPE_INT, "return_enum": "", "defaults": [], "field": {}},
	"getSteamID32": {"args": [["steam_id", TYPE_INT, false, ""]], "return": TYPE_INT, "return_enum": "", "defaults": [], "field": {}},
	"isAnonAccount": {"args": [["steam_id", TYPE_INT, false, ""]], "return": TYPE_BOOL, "return_enum": "", "defaults": [], "field": {}},
	"isAnonUserAccount": {"args": [["steam_id", TYPE_INT, false, ""]], "return": TYPE_BOOL, "return_enum": "", "defaults": [], "field": {}},
	"isChatAccount": {"args": [["steam_id", TYPE_INT, false, ""]], "return": TYPE_BOOL, "return_enum": "", "defaults": [], "field": {}},
	"isClanAccount": {"args": [["steam_id", TYPE_INT, false, ""]], "return": TYPE_BOOL, "return_enum": "", "defaults": [], "field": {}},
	"isConsoleUserAccount": {"args": [["steam_id", TYPE_INT, false, ""]], "return": TYPE_BOOL, "return_enum": "", "defaults": [], "field": {}},
	"isIndividualAccount": {"args": [["steam_id", TYPE_INT, false, ""]], "return": TYPE_BOOL, "return_enum": "", "defaults": [], "field": {}},
	"isLobby": {"args": [["steam_id", TYPE_INT, false, ""]], "return": TYPE_BOOL, "return_enum": "", "defaults": [], "field": {}},
	"isSteamIDValid": {"args": [["steam_id", TYPE_INT, false, ""]], "return": TYPE_BOOL, "return_enum": "", "defaults": [], "field": {}},
	"get_godotsteam_version": {"args": [], "return": TYPE_STRING, "return_enum": "", "defaults": [], "field": {}},
	"associateWithClan": {"args": [["clan_id", TYPE_INT, false, ""]], "return": TYPE_NIL, "return_enum": "", "defaults": [], "field": {}},
	"beginAuthSession": {"args": [["auth_ticket", TYPE_NIL, true, ""], ["steam_id", TYPE_INT, false, ""]], "return": TYPE_INT, "return_enum": "BeginAuthSessionResult", "defaults": [], "field": {}},
	"cancelServerAuthTicket": {"args": [["auth_ticket", TYPE_INT, false, ""]], "return": TYPE_NIL, "return_enum": "", "defaults": [], "field": {}},
	"cancelAuthTicket": {"args": [["auth_ticket", TYPE_INT, false, ""]], "return": TYPE_NIL, "return_enum": "", "defaults": [], "field": {}},
	"clearAllKeyValues": {"args": [], "return": TYPE_NIL, "return_enum": "", "defaults": [], "field": {}},
	"computeNewPlayerCompatibility": {"args": [["steam_id", TYPE_INT, false, ""]], "return": TYPE_NIL, "return_enum": "", "defaults": [], "field": {}},
	"endAuthSession": {"args": [["steam_id", TYPE_INT, false, ""]], "return": TYPE_NIL, "return_enum": "", "defaults": [], "field": {}},
	"getAuthSessionTicket": {"args": [["identity_reference", TYPE_STRING, false, ""]], "return": TYPE_DICTIONARY, "return_enum": "", "defaults": [""], "field": {}},
	"getServerAuthSessionTicket": {"args": [["identity_reference", TYPE_STRING, false, ""]], "return": TYPE_DICTIONARY, "return_enum": "", "defaults": [""], "field": {}},
	"getNextOutgoingPacket": {"args": [], "return": TYPE_DICTIONARY, "return_enum": "", "defaults": [], "field": {}},
	"getPublicIP": {"args": [], "return": TYPE_DICTIONARY, "return_enum": "", "defaults": [], "field": {}},
	"getSteamID": {"args": [], "return": TYPE_INT, "return_enum": "", "defaults": [], "field": {}},
	"handleIncomingPacket": {"args": [["packet", TYPE_NIL, true, ""], ["ip", TYPE_STRING, false, ""], ["port", TYPE_INT, false, ""]], "return": TYPE_DICTIONARY, "return_enum": "", "defaults": [], "field": {}},
	"initGameServer": {"args": [["connect_data", TYPE_DICTIONARY, false, ""], ["app_id", TYPE_INT, false, ""], ["version_string", TYPE_STRING, false, ""]], "return": TYPE_BOOL, "return_enum": "", "defaults": [], "field": {}},
	"loggedOn": {"args": [], "return": TYPE_BOOL, "return_enum": "", "defaults": [], "field": {}},
	"logOff": {"args": [], "return": TYPE_NIL, "return_enum": "", "defaults": [], "field": {}},
	"logOn": {"args": [["token", TYPE_STRING, false, ""]], "return": TYPE_NIL, "return_enum": "", "defaults": [], "field": {}},
	"logOnAnonymous": {"args": [], "return": TYPE_NIL, "return_enum": "", "defaults": [], "field": {}},
	"requestUserGroupStatus": {"args": [["steam_id", TYPE_INT, false, ""], ["group_id", TYPE_INT, false, ""]], "return": TYPE_BOOL, "return_enum": "", "defaults": [], "field": {}},
	"secure": {"args": [], "return": TYPE_BOOL, "return_enum": "", "defaults": [], "field": {}},
	"clearUserAchievement": {"args": [["steam_id", TYPE_INT, false, ""], ["name", TYPE_STRING, false, ""]], "return": TYPE_BOOL, "return_enum": "", "defaults": [], "field": {}},
	"getUserAchievement": {"args": [["steam_id", TYPE_INT, false, ""], ["name", TYPE_STRING, false, ""]], "return": TYPE_DICTIONARY, "return_enum": "", "defaults": [], "field": {}},
	"getUserStatFloat": {"args": [["steam_id", TYPE_INT, false, ""], ["name", TYPE_STRING, false, ""]], "return": TYPE_FLOAT, "return_enum": "", "defaults": [], "field": {}},
	"getUserStatInt": {"args": [["steam_id", TYPE_INT, false, ""], ["name", TYPE_STRING, false, ""]], "return": TYPE_INT, "return_enum": "", "defaults": [], "field": {}},
	"requestUserStats": {"args": [["steam_id", TYPE_INT, false, ""]], "return": TYPE_NIL, "return_enum": "", "defaults": [], "field": {}},
	"setUserAchievement": {"args": [["steam_id", TYPE_INT, false, ""], ["name", TYPE_STRING, false, ""]], "return": TYPE_BOOL, "return_enum": "", "defaults": [], "field": {}},
	"setUserStatFloat": {"args": [["steam_id", TYPE_INT, false, ""], ["name", TYPE_STRING, false, ""], ["stat", TYPE_FLOAT, false, ""]], "return": TYPE_BOOL, "return_enum": "", "defaults": [], "field": {}},
	"setUserStatInt": {"args": [["steam_id", TYPE_INT, false, ""], ["name", TYPE_STRING, false, ""], ["stat", TYPE_INT, false, ""]], "return": TYPE_BOOL, "return_enum": "", "defaults": [], "field": {}},
	"storeUserStats": {"args": [["steam_id", TYPE_INT, false, ""]], "return": TYPE_NIL, "return_enum": "", "defaults": [], "field": {}},
	"updateUserAvgRateStat": {"args": [["steam_id", TYPE_INT, false, ""], ["name", TYPE_STRING, false, ""], ["this_session", TYPE_FLOAT, false, ""], ["session_length", TYPE_FLOAT, false, ""]], "return": TYPE_BOOL, "return_enum": "", "defaults": [], "field": {}},
	"setAdvertiseServerActive": {"args": [["active", TYPE_BOOL, false, ""]], "return": TYPE_NIL, "return_enum": "", "defaults": [], "field": {"key": "advertise_active", "max_len": 0, "min": 0, "max": 0, "before_log_on": false}},
	"setBotPlayerCount": {"args": [["bots", TYPE_INT, false, ""]], "return": TYPE_NIL, "return_enum": "", "defaults": [], "field": {"key": "bot_players", "max_len": 0, "min": 0, "max": 65535, "before_log_on": false}},
	"setDedicatedServer": {"args": [["dedicated", TYPE_BOOL, false, ""]], "return": TYPE_NIL, "return_enum": "", "defaults": [], "field": {"key": "dedicated", "max_len": 0, "min": 0, "max": 0, "before_log_on": true}},
	"setGameData": {"args": [["data", TYPE_STRING, false, ""]], "return": TYPE_NIL, "return_enum": "", "defaults": [], "field": {"key": "game_data", "max_len": 2047, "min": 0, "max": 0, "before_log_on": false}},
	"setGameDescription": {"args": [["description", TYPE_STRING, false, ""]], "return": TYPE_NIL, "return_enum": "", "defaults": [], "field": {"key": "description", "max_len": 63, "min": 0, "max": 0, "before_log_on": true}},
	"setGameTags": {"args": [["tags", TYPE_STRING, false, ""]], "return": TYPE_NIL, "return_enum": "", "defaults": [], "field": {"key": "game_tags", "max_len": 127, "min": 0, "max": 0, "before_log_on": false}},
	"setHeartbeatInterval": {"args": [["interval", TYPE_INT, false, ""]], "return": TYPE_NIL, "return_enum": "", "defaults": [], "field": {"key": "heartbeat_interval", "max_len": 0, "min": -1, "max": 2147483647, "before_log_on": false}},
	"setMapName": {"args": [["map", TYPE_STRING, false, ""]], "return": TYPE_NIL, "return_enum": "", "defaults": [], "field": {"key": "map_name", "max_len": 31, "min": 0, "max": 0, "before_log_on": false}},
	"setMaxPlayerCount": {"args": [["players_max", TYPE_INT, false, ""]], "return": TYPE_NIL, "return_enum": "", "defaults": [], "field": {"key": "max_players", "max_len": 0, "min": 0, "max": 65535, "before_log_on": false}},
	"setModDir": {"args": [["modDir", TYPE_STRING, false, ""]], "return": TYPE_NIL, "return_enum": "", "defaults": [], "field": {"key": "mod_dir", "max_len": 31, "min": 0, "max": 0, "before_log_on": true}},
	"setPasswordProtected": {"args": [["password_protected", TYPE_BOOL, false, ""]], "return": TYPE_NIL, "return_enum": "", "defaults": [], "field": {"key": "password_protected", "max_len": 0, "min": 0, "max": 0, "before_log_on": false}},
	"setProduct": {"args": [["product", TYPE_STRING, false, ""]], "return": TYPE_NIL, "return_enum": "", "defaults": [], "field": {"key": "product", "max_len": 63, "min": 0, "max": 0, "before_log_on": true}},
	"setRegion": {"args": [["region", TYPE_STRING, false, ""]], "return": TYPE_NIL, "return_enum": "", "defaults": [], "field": {"key": "region", "max_len": 31, "min": 0, "max": 0, "before_log_on": false}},
	"setServerName": {"args": [["name", TYPE_STRING, false, ""]], "return": TYPE_NIL, "return_enum": "", "defaults": [], "field": {"key": "server_name", "max_len": 63, "min": 0, "max": 0, "before_log_on": false}},
	"setSpectatorPort": {"args": [["port", TYPE_INT, false, ""]], "return": TYPE_NIL, "return_enum": "", "defaults": [], "field": {"key": "spectator_port", "max_len": 0, "min": 0, "max": 65535, "before_log_on": false}},
	"setSpectatorServerName": {"args": [["name", TYPE_STRING, false, ""]], "return": TYPE_NIL, "return_enum": "", "defaults": [], "field": {"key": "spectator_server_name", "max_len": 63, "min": 0, "max": 0, "before_log_on": false}},
	"setKeyValue": {"args": [["key", TYPE_STRING, false, ""], ["value", TYPE_STRING, false, ""]], "return": TYPE_NIL, "return_enum": "", "defaults": [], "field": {}},
	"userHasLicenceForApp": {"args": [["steam_id", TYPE_INT, false, ""], ["app_id", TYPE_INT, false, ""]], "return": TYPE_INT, "return_enum": "UserHasLicenseForAppResult", "defaults": [], "field": {}},
	"userHasLicenseForApp": {"args": [["steam_id", TYPE_INT, false, ""], ["app_id", TYPE_INT, false, ""]], "return": TYPE_INT, "return_enum": "UserHasLicenseForAppResult", "defaults": [], "field": {}},
	"wasRestartRequested": {"args": [], "return": TYPE_BOOL, "return_enum": "", "defaults": [], "field": {}},
	"getServerState": {"args": [], "return": TYPE_DICTIONARY, "return_enum": "", "defaults": [], "field": {}},
	"sendUserConnectAndAuthenticate": {"args": [["ip_client", TYPE_INT, false, ""], ["auth_blob", TYPE_NIL, true, ""], ["steam_id", TYPE_INT, false, ""]], "return": TYPE_BOOL, "return_enum": "", "defaults": [], "field": {}},
	"createUnauthenticatedUserConnection": {"args": [], "return": TYPE_INT, "return_enum": "", "defaults": [], "field": {}},
	"sendUserDisconnect": {"args": [["steam_id", TYPE_INT, false, ""]], "return": TYPE_NIL, "return_enum": "", "defaults": [], "field": {}},
	"updateUserData": {"args": [["steam_id", TYPE_INT, false, ""], ["name", TYPE_STRING, false, ""], ["score", TYPE_INT, false, ""]], "return": TYPE_BOOL, "return_enum": "", "defaults": [], "field": {}},
	"offlineIssueTicket": {"args": [["steam_id", TYPE_INT, false, ""], ["app_id", TYPE_INT, false, ""]], "return": TYPE_DICTIONARY, "return_enum": "", "defaults": [0], "field": {}},
	"offlineKickClient": {"args": [["steam_id", TYPE_INT, false, ""], ["reason", TYPE_INT, false, "DenyReason"]], "return": TYPE_NIL, "return_enum": "", "defaults": [], "field": {}},
	"offlineDenyClient": {"args": [["steam_id", TYPE_INT, false, ""], ["reason", TYPE_INT, false, "DenyReason"]], "return": TYPE_NIL, "return_enum": "", "defaults": [], "field": {}},
	"offlineAuthSessionResponse": {"args": [["steam_id", TYPE_INT, false, ""], ["response", TYPE_INT, false, "AuthSessionResponse"]], "return": TYPE_NIL, "return_enum": "", "defaults": [], "field": {}},
	"offlineConnectFailure": {"args": [["result", TYPE_INT, false, "Result"], ["retrying", TYPE_BOOL, false, ""]], "return": TYPE_NIL, "return_enum": "", "defaults": [], "field": {}},
	"offlineDisconnect": {"args": [["result", TYPE_INT, false, "Result"]], "return": TYPE_NIL, "return_enum": "", "defaults": [], "field": {}},
	"offlinePolicyResponse": {"args": [["secure", TYPE_BOOL, false, ""]], "return": TYPE_NIL, "return_enum": "", "defaults": [], "field": {}},
	"offlineRequestRestart": {"args": [], "return": TYPE_NIL, "return_enum": "", "defaults": [], "field": {}},
}

## SteamServer's methods that differ from Steam's (methods_of merges them in)
const SERVER_METHOD_CHANGES := {
	"beginAuthSession": {"args": [["ticket", TYPE_NIL, true, ""], ["ticket_size", TYPE_INT, false, ""], ["steam_id", TYPE_INT, false, ""]], "return": TYPE_INT, "return_enum": "BeginAuthSessionResult", "defaults": [], "field": {}},
	"getAuthSessionTicket": {"args": [["remote_steam_id", TYPE_INT, false, ""]], "return": TYPE_DICTIONARY, "return_enum": "", "defaults": [0], "field": {}},
	"setModDir": {"args": [["mod_directory", TYPE_STRING, false, ""]], "return": TYPE_NIL, "return_enum": "", "defaults": [], "field": {"key": "mod_dir", "max_len": 31, "min": 0, "max": 0, "before_log_on": true}},
}

## name -> [[argument name, Variant type, enum], ...] in order
const SIGNALS := {
	"associate_clan": [["result", TYPE_INT, "Result"]],
	"client_approved": [["steam_id", TYPE_INT, ""], ["owner_id", TYPE_INT, ""]],
	"client_denied": [["steam_id", TYPE_INT, ""], ["reason", TYPE_INT, "DenyReason"]],
	"client_group_status": [["steam_id", TYPE_INT, ""], ["group_id", TYPE_INT, ""], ["member", TYPE_BOOL, ""], ["officer", TYPE_BOOL, ""]],
	"client_kick": [["steam_id", TYPE_INT, ""], ["reason", TYPE_INT, "DenyReason"]],
	"player_compat": [["result", TYPE_INT, "Result"], ["players_dont_like_candidate", TYPE_INT, ""], ["players_candidate_doesnt_like", TYPE_INT, ""], ["clan_players_dont_like_candidate", TYPE_INT, ""], ["steam_id", TYPE_INT, ""]],
	"policy_response": [["secure", TYPE_INT, ""]],
	"server_connect_failure": [["result", TYPE_INT, "Result"], ["retrying", TYPE_BOOL, ""]],
	"server_connected": [],
	"server_disconnected": [["result", TYPE_INT, "Result"]],
	"validate_auth_ticket_response": [["auth_id", TYPE_INT, ""], ["response", TYPE_INT, "AuthSessionResponse"], ["owner_id", TYPE_INT, ""]],
	"get_auth_session_ticket_response": [["auth_ticket", TYPE_INT, ""], ["result", TYPE_INT, "Result"]],
	"stats_received": [["result", TYPE_INT, "Result"], ["steam_id", TYPE_INT, ""]],
	"stats_stored": [["result", TYPE_INT, "Result"], ["steam_id", TYPE_INT, ""]],
	"stats_unloaded": [["steam_id", TYPE_INT, ""]],
}

## SteamServer's signals that differ from Steam's (signals_of merges them in)
const SERVER_SIGNAL_CHANGES := {
	"validate_auth_ticket_response": [["steam_id", TYPE_INT, ""], ["response", TYPE_INT, "AuthSessionResponse"], ["owner_id", TYPE_INT, ""]],
}

const CLASSES := ["Steam", "SteamServer"]


## A class's methods: Steam's, with SteamServer's own rows in their places.
static func methods_of(cls: String) -> Dictionary:
	return METHODS if cls == "Steam" else METHODS.merged(SERVER_METHOD_CHANGES, true)


static func signals_of(cls: String) -> Dictionary:
	return SIGNALS if cls == "Steam" else SIGNALS.merged(SERVER_SIGNAL_CHANGES, true)


## enum -> [smallest, largest] of its values
const ENUMS := {
	"AccountType": [0, 11],
	"AuthSessionResponse": [0, 10],
	"BeginAuthSessionResult": [0, 5],
	"DenyReason": [0, 15],
	"GameIDType": [0, 3],
	"IPType": [0, 1],
	"Result": [0, 130],
	"ServerMode": [0, 3],
	"SteamAPIInitResult": [0, 3],
	"Universe": [0, 5],
	"UserHasLicenseForAppResult": [0, 2],
}
