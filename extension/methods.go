package main

// #include "gdext.h"
import "C"

import (
	"slices"

	"github.com/gosteam/godot-steam-server/signals"
	"github.com/gosteam/godot-steam-server/steam"
)

// method is one row of a class's API: its Godot name, argument names, trailing defaults, the typed
// binding to Go, and a one-line description for docs/api.md and the editor help.
type method struct {
	class    classID // set when the classes' tables are put together (classes.go)
	name     string
	args     []string
	defaults []any // values for the last len(defaults) arguments: string, int64 or bool
	bind     binding
	doc      string
	// emits lists the signals the call leads to (emitted later, by run_callbacks).
	emits []signals.ID
	// steam names the ISteamGameServer function behind the call, for the docs; "" for ours.
	steam string
	// offline says how the offline backend answers, where that differs from Steam.
	offline string
	// cache says what C may answer again without entering Go until the next call of any other
	// method (every state change goes through one); calls of such a method retire no cached answer.
	// cacheScalar: an argument-less bool/int status read. cacheEmptyPacket: getNextOutgoingPacket,
	// whose "none" C repeats while the backend says none can come. cacheSetter: a one-argument
	// setter, which C skips when it repeats the value Go accepted last; such a call retires cached
	// answers only when it changed something.
	cache cacheKind
	// field is the state field a one-argument setter sets (its row in steam.Fields); nil otherwise.
	field *steam.FieldDef
	// pure says the call reads no state and changes none (the Steam ID tests): it retires no
	// cached answer.
	pure bool
}

type cacheKind int32

const (
	cacheNone        cacheKind = C.SV_CACHE_NONE
	cacheScalar      cacheKind = C.SV_CACHE_SCALAR
	cacheEmptyPacket cacheKind = C.SV_CACHE_EMPTY_PACKET
	cacheSetter      cacheKind = C.SV_CACHE_SETTER
	cacheFrame       cacheKind = C.SV_CACHE_RUN_CALLBACKS
)

func names(n ...string) []string { return n }

var initNames = names("ip", "game_port", "query_port", "server_mode", "version_number")

// steamMethods is the Steam class's API. Sections follow the page users know; names, argument
// names and order are exactly as there. SteamServer's API is derived from it (godotsteam.go).
var steamMethods = slices.Concat([]method{
	// Main: GodotSteam Server's entry points, which the page relies on.
	{name: "serverInit", steam: "SteamGameServer_Init", offline: "succeeds without Steam", args: initNames, bind: callInit(boolRet, serverInit),
		doc: "Starts the game server. `ip` \"\" or \"0.0.0.0\" binds all interfaces; `query_port` QUERY_PORT_SHARED (65535) selects GameSocketShare."},
	{name: "serverInitEx", steam: "SteamGameServer_InitEx", offline: "succeeds without Steam", args: initNames, bind: callInit(initExRet, serverInitEx),
		doc: "As serverInit, returning `{status, verbal}` (0 = OK) instead of printing a failure."},
	{name: "serverShutdown", steam: "SteamGameServer_Shutdown", bind: do0(serverShutdown), doc: "Shuts the game server down; serverInit may be called again."},
	{name: "serverReleaseCurrentThreadMemory", steam: "SteamGameServer_ReleaseCurrentThreadMemory", offline: "nothing to free", bind: do0((*steam.Server).ReleaseCurrentThreadMemory), doc: "Frees per-thread buffers of the Steam library."},
	{name: "run_callbacks", steam: "SteamGameServer_RunCallbacks", bind: do0(runCallbacks), cache: cacheFrame, doc: "Emits every pending signal, in order. Call it every frame, e.g. in `_process`."},
	{name: "isServerSecure", steam: "SteamGameServer_BSecure", bind: call0(boolRet, (*steam.Server).Secure), cache: cacheScalar, doc: "Same as secure()."},
	{name: "getServerSteamID", steam: "SteamGameServer_GetSteamID", bind: call0(steamIDRet, (*steam.Server).SteamID), cache: cacheScalar, doc: "Same as getSteamID()."},
}, godotSteamHelpers, []method{

	// Game Server page.
	{name: "associateWithClan", emits: []signals.ID{signals.AssociateClan}, steam: "AssociateWithClan", offline: "always `RESULT_OK`", args: names("clan_id"), bind: do1(steamID, (*steam.Server).AssociateWithClan),
		doc: "Associates the server with a clan for player compatibility. Triggers associate_clan."},
	{name: "beginAuthSession", emits: []signals.ID{signals.ValidateAuthTicketResponse}, steam: "BeginAuthSession", offline: "verifies offline tickets signed with the realm key", args: names("auth_ticket", "steam_id"),
		bind: call2(ticket, steamID, enumRet("BeginAuthSessionResult", steam.BeginAuthSessionInvalidTicket), (*steam.Server).BeginAuthSession),
		doc:  "Starts checking a player's ticket (PackedByteArray, or the Dictionary from getAuthSessionTicket). Returns a BeginAuthSessionResult; the verdict arrives as validate_auth_ticket_response."},
	{name: "cancelServerAuthTicket", emits: []signals.ID{signals.ValidateAuthTicketResponse}, steam: "CancelAuthTicket", args: names("auth_ticket"), bind: do1(uint32Arg, (*steam.Server).CancelAuthTicket),
		doc: "Cancels a ticket from getAuthSessionTicket (its `id`)."},
	{name: "cancelAuthTicket", emits: []signals.ID{signals.ValidateAuthTicketResponse}, steam: "CancelAuthTicket", args: names("auth_ticket"), bind: do1(uint32Arg, (*steam.Server).CancelAuthTicket),
		doc: "GodotSteam Server's name for cancelServerAuthTicket."},
	{name: "clearAllKeyValues", steam: "ClearAllKeyValues", bind: do0((*steam.Server).ClearAllKeyValues), doc: "Clears the rules sent in rule queries."},
	{name: "computeNewPlayerCompatibility", emits: []signals.ID{signals.PlayerCompat}, steam: "ComputeNewPlayerCompatibility", offline: "nobody dislikes anybody", args: names("steam_id"), bind: do1(steamID, (*steam.Server).ComputeNewPlayerCompatibility),
		doc: "Asks whether current players and a new player avoid each other. Triggers player_compat."},
	{name: "endAuthSession", steam: "EndAuthSession", args: names("steam_id"), bind: do1(steamID, (*steam.Server).EndAuthSession),
		doc: "Ends the auth session started by beginAuthSession."},
	{name: "getAuthSessionTicket", emits: []signals.ID{signals.GetAuthSessionTicketResponse}, steam: "GetAuthSessionTicket", offline: "a signed offline ticket", args: names("identity_reference"), defaults: []any{""}, bind: call1(text, ticketRet, getAuthSessionTicket),
		doc: "Issues a ticket `{id, buffer, size, ticket_size}` (size and ticket_size: the same byte count) for a peer to check. Triggers get_auth_session_ticket_response."},
	{name: "getServerAuthSessionTicket", emits: []signals.ID{signals.GetAuthSessionTicketResponse}, steam: "GetAuthSessionTicket", offline: "a signed offline ticket", args: names("identity_reference"), defaults: []any{""}, bind: call1(text, ticketRet, getAuthSessionTicket),
		doc: "The page's heading name for getAuthSessionTicket."},
	{name: "getNextOutgoingPacket", steam: "GetNextOutgoingPacket", bind: call0(outgoingRet, getNextOutgoingPacket), cache: cacheEmptyPacket,
		doc: "Next datagram to send in GameSocketShare mode: `{length, out, address, port}`; length 0 when none. Call in a loop after handleIncomingPacket."},
	{name: "getPublicIP", steam: "GetPublicIP", offline: "the `serverInit` IP, or 127.0.0.1", bind: call0(publicIPRet, (*steam.Server).PublicIP), doc: "The server's public IP as Steam sees it: `{ipv4, ipv6, type}`."},
	{name: "getSteamID", steam: "GetSteamID", offline: "anonymous (type 4) or, after `logOn`, persistent (type 3) ID", bind: call0(steamIDRet, (*steam.Server).SteamID), cache: cacheScalar, doc: "The game server's Steam ID."},
	{name: "handleIncomingPacket", steam: "HandleIncomingPacket", args: names("packet", "ip", "port"), bind: call3(packet, text, uint16Arg, incomingRet, handleIncomingPacket),
		doc: "Gives Steam a datagram starting with 0xFFFFFFFF from the shared game socket (PackedByteArray). Returns `{data}`: the bytes Steam took, empty if not for Steam. What the datagram holds is never an error (empty, oversized or not Steam's: empty `data`, counted in getServerState's `traffic`); a wrong `ip` or `port` is."},
	{name: "initGameServer", steam: "SteamGameServer_Init", offline: "succeeds without Steam", args: names("connect_data", "app_id", "version_string"), bind: call3(dictionary, uint32Arg, text, boolRet, initGameServer),
		doc: "Older entry point: `connect_data` is `{ip, game_port, query_port}`; initializes in authentication mode."},
	{name: "loggedOn", steam: "BLoggedOn", offline: "true from the `run_callbacks()` after `logOn`/`logOnAnonymous` until `logOff`", bind: call0(boolRet, (*steam.Server).LoggedOn), cache: cacheScalar, doc: "Whether the server is logged on to Steam."},
	{name: "logOff", emits: []signals.ID{signals.ServerDisconnected}, steam: "LogOff", bind: do0((*steam.Server).LogOff), doc: "Logs off. Triggers server_disconnected."},
	{name: "logOn", emits: []signals.ID{signals.ServerConnected, signals.ServerConnectFailure, signals.PolicyResponse}, steam: "LogOn", offline: "always connects, at the next `run_callbacks()`", args: names("token"), bind: do1(text, (*steam.Server).LogOn),
		doc: "Logs on with a game server account token. Triggers server_connected (or server_connect_failure) and policy_response."},
	{name: "logOnAnonymous", emits: []signals.ID{signals.ServerConnected, signals.ServerConnectFailure, signals.PolicyResponse}, steam: "LogOnAnonymous", offline: "always connects, at the next `run_callbacks()`", bind: do0((*steam.Server).LogOnAnonymous),
		doc: "Logs on anonymously. Triggers server_connected (or server_connect_failure) and policy_response."},
	{name: "requestUserGroupStatus", emits: []signals.ID{signals.ClientGroupStatus}, steam: "RequestUserGroupStatus", args: names("steam_id", "group_id"), bind: call2(steamID, groupID, boolRet, (*steam.Server).RequestUserGroupStatus),
		doc: "Asks whether a user is in a group. Triggers client_group_status."},
	{name: "secure", steam: "BSecure", offline: "true after log-on in server mode 3", bind: call0(boolRet, (*steam.Server).Secure), cache: cacheScalar, doc: "Whether the server is VAC secure."},
}, statsMethods, ugcMethods, httpMethods, utilsMethods, inventoryMethods, netSocketsMethods, setters(), []method{
	{name: "setKeyValue", steam: "SetKeyValue", args: names("key", "value"), bind: do2(text, text, (*steam.Server).SetKeyValue), doc: "Adds or replaces a rule sent in rule queries."},
	{name: "userHasLicenceForApp", steam: "UserHasLicenseForApp", args: names("steam_id", "app_id"), bind: call2(steamID, uint32Arg, enumRet("UserHasLicenseForAppResult", steam.UserLicenseNoAuth), (*steam.Server).UserHasLicenseForApp),
		doc: "Whether an authenticated user owns an app or DLC: a UserHasLicenseForAppResult."},
	{name: "userHasLicenseForApp", steam: "UserHasLicenseForApp", args: names("steam_id", "app_id"), bind: call2(steamID, uint32Arg, enumRet("UserHasLicenseForAppResult", steam.UserLicenseNoAuth), (*steam.Server).UserHasLicenseForApp),
		doc: "Same as userHasLicenceForApp (the page gives both spellings)."},
	{name: "wasRestartRequested", steam: "WasRestartRequested", bind: call0(boolRet, (*steam.Server).WasRestartRequested), doc: "Whether Steam asked for a restart (an update); resets on read."},

	// Ours: for tests and debugging.
	{name: "getServerState", bind: call0(stateRet, getServerState),
		doc: "Everything the game has set, plus `backend` and `initialized`; rules under `key_values`; under `traffic`, what remote peers sent since serverInit that was dropped, refused or only challenged (`answered`, `challenged`, `rate_limited`, `inactive`, `malformed`, `not_for_steam`, `queue_full`, `kernel_drops`, `bad_tickets`). Not a Steam call."},

	// Player connections: the deprecated calls GodotSteam Server exposes for Steam's player list
	// (server browsers' player lists).
	{name: "sendUserConnectAndAuthenticate", emits: []signals.ID{signals.ClientApproved, signals.ClientDenied},
		steam: "SendUserConnectAndAuthenticate_DEPRECATED", offline: "checks the offline ticket as `beginAuthSession` does",
		args: names("ip_client", "auth_blob", "steam_id"), bind: call3(uint32Arg, ticket, steamID, boolRet, (*steam.Server).SendUserConnectAndAuthenticate),
		doc: "Adds a connecting client to the player list: `ip_client` its IPv4 address as an int, `auth_blob` its ticket (PackedByteArray or ticket Dictionary). False if the ticket fails the basic checks; the decision arrives as client_approved or client_denied."},
	{name: "createUnauthenticatedUserConnection", steam: "CreateUnauthenticatedUserConnection", offline: "a new anonymous user ID (account type 10)",
		bind: call0(steamIDRet, (*steam.Server).CreateUnauthenticatedUserConnection),
		doc:  "Adds a bot to the player list and returns its new Steam ID; call sendUserDisconnect when it leaves."},
	{name: "sendUserDisconnect", steam: "SendUserDisconnect_DEPRECATED", args: names("steam_id"), bind: do1(steamID, (*steam.Server).SendUserDisconnect),
		doc: "Removes a user (or bot) from the player list; it is no longer authenticated."},
	{name: "updateUserData", steam: "BUpdateUserData", args: names("steam_id", "name", "score"), bind: call3(steamID, text, int64Arg, boolRet, (*steam.Server).UpdateUserData),
		doc: "Sets the name (at most 127 bytes) and score (32 bits; negative scores are kept) server browsers show for a connected user. False if the user is not connected."},

	// Offline scripting: not Steam calls. They make the offline backend do what Steam does on its
	// own, so game tests can reach every signal; with the steamworks backend they are refused.
	{name: "offlineIssueTicket", args: names("steam_id", "app_id"), defaults: []any{int64(0)},
		bind: call2(steamID, uint32Arg, ticketRet, (*steam.Server).OfflineIssueTicket),
		doc:  "Offline only: a ticket `{id, buffer, size, ticket_size}` as player `steam_id`'s Steam client would issue it, for `app_id` (0: the server's app). `cancelAuthTicket(id)` cancels it as the player would."},
	{name: "offlineKickClient", emits: []signals.ID{signals.ClientKick}, args: names("steam_id", "reason"),
		bind: do2(steamID, enumArg("DenyReason"), (*steam.Server).OfflineKickClient),
		doc:  "Offline only: Steam asks to kick a user. Triggers client_kick(steam_id, reason), a DenyReason."},
	{name: "offlineDenyClient", emits: []signals.ID{signals.ClientDenied}, args: names("steam_id", "reason"),
		bind: do2(steamID, enumArg("DenyReason"), (*steam.Server).OfflineDenyClient),
		doc:  "Offline only: Steam denies a user. Triggers client_denied(steam_id, reason), a DenyReason."},
	{name: "offlineAuthSessionResponse", emits: []signals.ID{signals.ValidateAuthTicketResponse}, args: names("steam_id", "response"),
		bind: do2(steamID, enumArg("AuthSessionResponse"), (*steam.Server).OfflineAuthSessionResponse),
		doc:  "Offline only: a later verdict on an auth session (user left Steam, banned...). Triggers validate_auth_ticket_response; any response but 0 (OK) removes the user's licences."},
	{name: "offlineConnectFailure", emits: []signals.ID{signals.ServerConnectFailure}, args: names("result", "retrying"),
		bind: do2(enumArg("Result"), boolean, (*steam.Server).OfflineConnectFailure),
		doc:  "Offline only: logging on to Steam fails; the server is not logged on afterwards. Triggers server_connect_failure(result, retrying)."},
	{name: "offlineDisconnect", emits: []signals.ID{signals.ServerDisconnected}, args: names("result"),
		bind: do1(enumArg("Result"), (*steam.Server).OfflineDisconnect),
		doc:  "Offline only: Steam drops a logged-on server. Triggers server_disconnected(result); logOn or logOnAnonymous connect again."},
	{name: "offlinePolicyResponse", emits: []signals.ID{signals.PolicyResponse}, args: names("secure"),
		bind: do1(boolean, (*steam.Server).OfflinePolicyResponse),
		doc:  "Offline only: Steam's VAC policy for the server; secure() follows it until the next log-on. Triggers policy_response."},
	{name: "offlineRequestRestart", bind: do0((*steam.Server).OfflineRequestRestart),
		doc: "Offline only: Steam asks for a restart (an update): the next wasRestartRequested() is true."},
})
