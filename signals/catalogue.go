// Package signals is the catalogue of the Steam singleton's signals and the one place where a
// steam.Event becomes a signal's arguments. It knows nothing of Godot beyond Variant type numbers.
package signals

// Type is the Godot Variant.Type of a signal argument.
type Type uint8

const (
	Bool Type = 1 // Variant.TYPE_BOOL
	Int  Type = 2 // Variant.TYPE_INT
)

// Param is one signal argument. Enum names the Steam class enum its values belong to, if any.
type Param struct {
	Name string
	Type Type
	Enum string
}

// Signal is one signal of the Steam singleton.
type Signal struct {
	Name   string
	Params []Param
	Doc    string
}

// ID indexes Catalogue.
type ID int

const (
	AssociateClan ID = iota
	ClientApproved
	ClientDenied
	ClientGroupStatus
	ClientKick
	PlayerCompat
	PolicyResponse
	ServerConnectFailure
	ServerConnected
	ServerDisconnected
	ValidateAuthTicketResponse
	GetAuthSessionTicketResponse
	StatsReceived
	StatsStored
	StatsUnloaded
)

func intArg(name string) Param        { return Param{Name: name, Type: Int} }
func enumArg(name, enum string) Param { return Param{Name: name, Type: Int, Enum: enum} }
func boolArg(name string) Param       { return Param{Name: name, Type: Bool} }

// Catalogue lists every signal in ID order, with the argument names of the API page users know.
var Catalogue = [...]Signal{
	AssociateClan:        {"associate_clan", []Param{enumArg("result", "Result")}, "Reply to associateWithClan."},
	ClientApproved:       {"client_approved", []Param{intArg("steam_id"), intArg("owner_id")}, "A client was approved to connect."},
	ClientDenied:         {"client_denied", []Param{intArg("steam_id"), enumArg("reason", "DenyReason")}, "A client was denied."},
	ClientGroupStatus:    {"client_group_status", []Param{intArg("steam_id"), intArg("group_id"), boolArg("member"), boolArg("officer")}, "Reply to requestUserGroupStatus."},
	ClientKick:           {"client_kick", []Param{intArg("steam_id"), enumArg("reason", "DenyReason")}, "Steam asks the server to kick a user."},
	PlayerCompat:         {"player_compat", []Param{enumArg("result", "Result"), intArg("players_dont_like_candidate"), intArg("players_candidate_doesnt_like"), intArg("clan_players_dont_like_candidate"), intArg("steam_id")}, "Reply to computeNewPlayerCompatibility."},
	PolicyResponse:       {"policy_response", []Param{intArg("secure")}, "Whether the server may show itself as VAC secure (1) or not (0)."},
	ServerConnectFailure: {"server_connect_failure", []Param{enumArg("result", "Result"), boolArg("retrying")}, "Logging on to Steam failed."},
	ServerConnected:      {"server_connected", nil, "The server is logged on to Steam."},
	ServerDisconnected:   {"server_disconnected", []Param{enumArg("result", "Result")}, "The server lost its connection to Steam, or logged off."},
	ValidateAuthTicketResponse: {"validate_auth_ticket_response", []Param{intArg("auth_id"), enumArg("response", "AuthSessionResponse"), intArg("owner_id")},
		"The verdict on a ticket given to beginAuthSession, or a later change (ticket cancelled, user gone)."},
	GetAuthSessionTicketResponse: {"get_auth_session_ticket_response", []Param{intArg("auth_ticket"), enumArg("result", "Result")}, "A ticket from getAuthSessionTicket is ready."},
	StatsReceived: {"stats_received", []Param{enumArg("result", "Result"), intArg("steam_id")},
		"Reply to requestUserStats: RESULT_OK when the user's stats can be read and set."},
	StatsStored:   {"stats_stored", []Param{enumArg("result", "Result"), intArg("steam_id")}, "Reply to storeUserStats: RESULT_OK once the stats are saved."},
	StatsUnloaded: {"stats_unloaded", []Param{intArg("steam_id")}, "A user's stats were dropped (the user left): requestUserStats again before using them."},
}

// GodotSteamServerParams are GodotSteam Server 4's parameter names where they differ from the
// page's; its SteamServer class registers the signal with these (same order, types and values).
var GodotSteamServerParams = map[ID][]string{
	ValidateAuthTicketResponse: {"steam_id", "response", "owner_id"},
}
