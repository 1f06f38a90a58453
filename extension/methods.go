package main

import "github.com/gosteam/godot-steam-server/steam"

// method is one row of the Steam singleton's API: its Godot name, argument names, trailing
// defaults, the typed binding to Go, and a one-line description for the README and editor help.
type method struct {
	name     string
	args     []string
	defaults []any // values for the last len(defaults) arguments: string, int64 or bool
	bind     binding
	doc      string
	// cached marks a status read that C may answer again without entering Go until the next call
	// of any other method (every state change goes through one). Only for argument-less bool/int.
	cached bool
}

func names(n ...string) []string { return n }

var initNames = names("ip", "game_port", "query_port", "server_mode", "version_number")

// methods is the whole API, registered by one loop in register.go. Sections follow the page
// users know; names, argument names and order are exactly as there.
var methods = []method{
	// Main: GodotSteam Server's entry points, which the page relies on.
	{name: "serverInit", args: initNames, bind: callInit(boolRet, serverInit),
		doc: "Starts the game server. `ip` \"\" or \"0.0.0.0\" binds all interfaces; `query_port` QUERY_PORT_SHARED (65535) selects GameSocketShare."},
	{name: "serverInitEx", args: initNames, bind: callInit(initExRet, serverInitEx),
		doc: "As serverInit, returning `{status, verbal}` (0 = OK) instead of printing a failure."},
	{name: "serverShutdown", bind: do0((*steam.Server).Shutdown), doc: "Shuts the game server down; serverInit may be called again."},
	{name: "serverReleaseCurrentThreadMemory", bind: do0((*steam.Server).ReleaseCurrentThreadMemory), doc: "Frees per-thread buffers of the Steam library."},
	{name: "run_callbacks", bind: do0(runCallbacks), doc: "Emits every pending signal, in order. Call it every frame, e.g. in `_process`."},
	{name: "isServerSecure", bind: call0(boolRet, (*steam.Server).Secure), cached: true, doc: "Same as secure()."},
	{name: "getServerSteamID", bind: call0(steamIDRet, (*steam.Server).SteamID), cached: true, doc: "Same as getSteamID()."},

	// Game Server page.
	{name: "associateWithClan", args: names("clan_id"), bind: do1(steamID, (*steam.Server).AssociateWithClan),
		doc: "Associates the server with a clan for player compatibility. Triggers associate_clan."},
	{name: "beginAuthSession", args: names("auth_ticket", "steam_id"),
		bind: call2(ticket, steamID, enumRet("BeginAuthSessionResult", steam.BeginAuthSessionInvalidTicket), (*steam.Server).BeginAuthSession),
		doc:  "Starts checking a player's ticket (PackedByteArray, or the Dictionary from getAuthSessionTicket). Returns a BeginAuthSessionResult; the verdict arrives as validate_auth_ticket_response."},
	{name: "cancelServerAuthTicket", args: names("auth_ticket"), bind: do1(uint32Arg, (*steam.Server).CancelAuthTicket),
		doc: "Cancels a ticket from getAuthSessionTicket (its `id`)."},
	{name: "cancelAuthTicket", args: names("auth_ticket"), bind: do1(uint32Arg, (*steam.Server).CancelAuthTicket),
		doc: "GodotSteam Server's name for cancelServerAuthTicket."},
	{name: "clearAllKeyValues", bind: do0((*steam.Server).ClearAllKeyValues), doc: "Clears the rules sent in rule queries."},
	{name: "computeNewPlayerCompatibility", args: names("steam_id"), bind: do1(steamID, (*steam.Server).ComputeNewPlayerCompatibility),
		doc: "Asks whether current players and a new player avoid each other. Triggers player_compat."},
	{name: "endAuthSession", args: names("steam_id"), bind: do1(steamID, (*steam.Server).EndAuthSession),
		doc: "Ends the auth session started by beginAuthSession."},
	{name: "getAuthSessionTicket", args: names("identity_reference"), defaults: []any{""}, bind: call1(text, ticketRet, getAuthSessionTicket),
		doc: "Issues a ticket `{id, buffer, ticket_size}` for a peer to check. Triggers get_auth_session_ticket_response."},
	{name: "getServerAuthSessionTicket", args: names("identity_reference"), defaults: []any{""}, bind: call1(text, ticketRet, getAuthSessionTicket),
		doc: "The page's heading name for getAuthSessionTicket."},
	{name: "getNextOutgoingPacket", bind: call0(outgoingRet, getNextOutgoingPacket),
		doc: "Next datagram to send in GameSocketShare mode: `{length, out, address, port}`; length 0 when none. Call in a loop after handleIncomingPacket."},
	{name: "getPublicIP", bind: call0(publicIPRet, (*steam.Server).PublicIP), doc: "The server's public IP as Steam sees it: `{ipv4, ipv6, type}`."},
	{name: "getSteamID", bind: call0(steamIDRet, (*steam.Server).SteamID), cached: true, doc: "The game server's Steam ID."},
	{name: "handleIncomingPacket", args: names("packet", "ip", "port"), bind: call3(packet, text, uint16Arg, incomingRet, handleIncomingPacket),
		doc: "Gives Steam a datagram starting with 0xFFFFFFFF from the shared game socket (PackedByteArray). Returns `{data}`: the bytes Steam took, empty if not for Steam."},
	{name: "initGameServer", args: names("connect_data", "app_id", "version_string"), bind: call3(dictionary, uint32Arg, text, boolRet, initGameServer),
		doc: "Older entry point: `connect_data` is `{ip, game_port, query_port}`; initializes in authentication mode."},
	{name: "loggedOn", bind: call0(boolRet, (*steam.Server).LoggedOn), cached: true, doc: "Whether the server is logged on to Steam."},
	{name: "logOff", bind: do0((*steam.Server).LogOff), doc: "Logs off. Triggers server_disconnected."},
	{name: "logOn", args: names("token"), bind: do1(text, (*steam.Server).LogOn),
		doc: "Logs on with a game server account token. Triggers server_connected (or server_connect_failure) and policy_response."},
	{name: "logOnAnonymous", bind: do0((*steam.Server).LogOnAnonymous),
		doc: "Logs on anonymously. Triggers server_connected (or server_connect_failure) and policy_response."},
	{name: "requestUserGroupStatus", args: names("steam_id", "group_id"), bind: call2(steamID, groupID, boolRet, (*steam.Server).RequestUserGroupStatus),
		doc: "Asks whether a user is in a group. Triggers client_group_status."},
	{name: "secure", bind: call0(boolRet, (*steam.Server).Secure), cached: true, doc: "Whether the server is VAC secure."},
	{name: "setAdvertiseServerActive", args: names("active"), bind: do1(boolean, (*steam.Server).SetAdvertiseServerActive),
		doc: "Whether to advertise the server (heartbeats to the master server; offline: answer queries)."},
	{name: "setBotPlayerCount", args: names("bots"), bind: do1(int32Arg, (*steam.Server).SetBotPlayerCount), doc: "Number of bots reported to server browsers."},
	{name: "setDedicatedServer", args: names("dedicated"), bind: do1(boolean, (*steam.Server).SetDedicatedServer), doc: "Dedicated or listen server; before log-on only."},
	{name: "setGameData", args: names("data"), bind: do1(text, (*steam.Server).SetGameData), doc: "Hidden game data for master server filters."},
	{name: "setGameDescription", args: names("description"), bind: do1(text, (*steam.Server).SetGameDescription), doc: "The game's full name; before log-on only."},
	{name: "setGameTags", args: names("tags"), bind: do1(text, (*steam.Server).SetGameTags), doc: "Comma separated tags for server browser filters."},
	{name: "setHeartbeatInterval", args: names("interval"), bind: do1(int32Arg, (*steam.Server).SetHeartbeatInterval), doc: "Heartbeat interval in seconds; -1 for Steam's default."},
	{name: "setKeyValue", args: names("key", "value"), bind: do2(text, text, (*steam.Server).SetKeyValue), doc: "Adds or replaces a rule sent in rule queries."},
	{name: "setMapName", args: names("map"), bind: do1(text, (*steam.Server).SetMapName), doc: "Map name shown in server browsers."},
	{name: "setMaxPlayerCount", args: names("players_max"), bind: do1(int32Arg, (*steam.Server).SetMaxPlayerCount), doc: "Maximum players shown in server browsers."},
	{name: "setModDir", args: names("modDir"), bind: do1(text, (*steam.Server).SetModDir), doc: "The game's folder name; before log-on only."},
	{name: "setPasswordProtected", args: names("password_protected"), bind: do1(boolean, (*steam.Server).SetPasswordProtected), doc: "Whether joining needs a password."},
	{name: "setProduct", args: names("product"), bind: do1(text, (*steam.Server).SetProduct), doc: "Product identifier (usually the app ID as text); before log-on only."},
	{name: "setRegion", args: names("region"), bind: do1(text, (*steam.Server).SetRegion), doc: "Region identifier; empty means world."},
	{name: "setServerName", args: names("name"), bind: do1(text, (*steam.Server).SetServerName), doc: "Server name shown in server browsers."},
	{name: "setSpectatorPort", args: names("port"), bind: do1(uint16Arg, (*steam.Server).SetSpectatorPort), doc: "Spectator port; 0 for none."},
	{name: "setSpectatorServerName", args: names("name"), bind: do1(text, (*steam.Server).SetSpectatorServerName), doc: "Spectator server name."},
	{name: "userHasLicenceForApp", args: names("steam_id", "app_id"), bind: call2(steamID, uint32Arg, enumRet("UserHasLicenseForAppResult", steam.UserLicenseNoAuth), (*steam.Server).UserHasLicenseForApp),
		doc: "Whether an authenticated user owns an app or DLC: a UserHasLicenseForAppResult."},
	{name: "userHasLicenseForApp", args: names("steam_id", "app_id"), bind: call2(steamID, uint32Arg, enumRet("UserHasLicenseForAppResult", steam.UserLicenseNoAuth), (*steam.Server).UserHasLicenseForApp),
		doc: "Same as userHasLicenceForApp (the page gives both spellings)."},
	{name: "wasRestartRequested", bind: call0(boolRet, (*steam.Server).WasRestartRequested), doc: "Whether Steam asked for a restart (an update); resets on read."},

	// Ours: for tests and debugging.
	{name: "getServerState", bind: call0(stateRet, getServerState),
		doc: "Everything the game has set, plus `backend` and `initialized`; rules under `key_values`. Not a Steam call."},
}
