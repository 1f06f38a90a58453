package main

import (
	"fmt"
	"slices"

	"github.com/gosteam/godot-steam-server/signals"
	"github.com/gosteam/godot-steam-server/steam"
)

// GodotSteam Server 4 compatibility: the helpers its server scripts use (on both classes), and
// SteamServer's API, which is Steam's except where GodotSteam Server 4's signature differs.

// godotSteamVersion is get_godotsteam_version's answer: the GodotSteam Server release whose API
// SteamServer follows, marked as this extension, so a script comparing versions sees 4.5.1.
const godotSteamVersion = "4.5.1-gosteam"

// idTest is one of CSteamID's account tests, which need no game server.
func idTest(name string, test func(steam.SteamID) bool, doc string) method {
	return method{name: name, args: names("steam_id"), pure: true, doc: doc,
		bind: call1(steamID, boolRet, func(_ *steam.Server, id steam.SteamID) (bool, error) { return test(id), nil })}
}

// godotSteamHelpers are GodotSteam Server 4's main helpers that server scripts use (getAppID is
// among the Utils, utils.go).
var godotSteamHelpers = []method{
	{name: "getSteamID32", args: names("steam_id"), pure: true, steam: "CSteamID::GetAccountID",
		bind: call1(steamID, uint32Ret, func(_ *steam.Server, id steam.SteamID) (uint32, error) { return id.AccountID(), nil }),
		doc:  "The 32-bit account ID in a Steam ID (its low 32 bits)."},
	idTest("isAnonAccount", steam.SteamID.AnonAccount, "Whether a Steam ID is anonymous: an anonymous user or game server (account type 10 or 4)."),
	idTest("isAnonUserAccount", steam.SteamID.AnonUserAccount, "Whether a Steam ID is an anonymous user (account type 10)."),
	idTest("isChatAccount", steam.SteamID.ChatAccount, "Whether a Steam ID is a chat (account type 8)."),
	idTest("isClanAccount", steam.SteamID.ClanAccount, "Whether a Steam ID is a clan or group (account type 7)."),
	idTest("isConsoleUserAccount", steam.SteamID.ConsoleUserAccount, "Whether a Steam ID is a console user (account type 9)."),
	idTest("isIndividualAccount", steam.SteamID.IndividualAccount, "Whether a Steam ID is a player (account type 1, or 9 on a console)."),
	idTest("isLobby", steam.SteamID.Lobby, "Whether a Steam ID is a lobby (a chat ID with the lobby instance flag)."),
	idTest("isSteamIDValid", steam.SteamID.SteamworksValid, "Whether a Steam ID is well formed, as Steamworks' CSteamID::IsValid says."),
	{name: "get_godotsteam_version", pure: true, bind: call0(stringRet, func(*steam.Server) (string, error) { return godotSteamVersion, nil }),
		doc: "The GodotSteam Server version whose API SteamServer follows, marked as this extension: `" + godotSteamVersion + "`."},
}

// serverDifference is one method where GodotSteam Server 4 and the page differ, or where this
// extension departs from GodotSteam Server 4 on purpose. docs/api.md lists them all.
type serverDifference struct {
	method string
	// row is SteamServer's own row, GodotSteam Server 4's signature; Steam keeps the page's.
	row *method
	// args renames the arguments of Steam's row for SteamServer (GodotSteam Server 4's names).
	args []string
	// note says what differs, and why.
	note string
}

var serverDifferences = slices.Concat([]serverDifference{
	{method: "beginAuthSession", row: &method{name: "beginAuthSession", args: names("ticket", "ticket_size", "steam_id"),
		emits: []signals.ID{signals.ValidateAuthTicketResponse}, steam: "BeginAuthSession", offline: "verifies offline tickets signed with the realm key",
		bind: call3(ticket, int64Arg, steamID, enumRet("BeginAuthSessionResult", steam.BeginAuthSessionInvalidTicket), beginAuthSessionSized),
		doc:  "Starts checking a player's ticket: its bytes (PackedByteArray, or the Dictionary from getAuthSessionTicket) and their count, 1 to the bytes given. Returns a BeginAuthSessionResult; the verdict arrives as validate_auth_ticket_response."},
		note: "GodotSteam Server 4's three arguments on SteamServer, the page's two on Steam. `ticket` is declared Variant, so that it takes the ticket Dictionary too; a `ticket_size` outside 1 to the ticket's length is refused."},
	{method: "getAuthSessionTicket", row: &method{name: "getAuthSessionTicket", args: names("remote_steam_id"), defaults: []any{int64(0)},
		emits: []signals.ID{signals.GetAuthSessionTicketResponse}, steam: "GetAuthSessionTicket", offline: "a signed offline ticket, valid for any peer",
		bind: call1(steamID, ticketRet, (*steam.Server).GetAuthSessionTicketFor),
		doc:  "Issues a ticket `{id, buffer, size, ticket_size}` for the peer with Steam ID `remote_steam_id` to check (0: any peer). Triggers get_auth_session_ticket_response."},
		note: "SteamServer takes the Steam ID of the peer that will check the ticket (0: any), as GodotSteam Server 4 does, but binds it the right way round (GodotSteam Server 4 binds 0 to Steam ID 0). Steam keeps the page's `identity_reference` String. Both return the buffer trimmed to the ticket, with both `size` and `ticket_size`."},
	{method: "setModDir", args: names("mod_directory"),
		note: "GodotSteam Server 4 names the argument `mod_directory`, the page `modDir`."},
	{method: "handleIncomingPacket",
		note: "Both take the datagram as a PackedByteArray (declared Variant); GodotSteam Server 4 takes an int length and hands Steam a zeroed buffer."},
	{method: "getNextOutgoingPacket",
		note: "`out` holds the datagram; in GodotSteam Server 4 it stays empty."},
	{method: "userHasLicenceForApp",
		note: "A refused call returns USER_HAS_LICENSE_RESULT_NO_AUTH (2); GodotSteam Server 4 returns 0, \"has licence\", without Steam."},
	{method: "getUserStatInt",
		note: "A negative stat is returned as it is; GodotSteam Server 4 returns it as an unsigned 32-bit int (4294967295 for -1)."},
	{method: "getUserAchievement",
		note: "As GodotSteam Server 4: `{steam_id, retrieved, name, achieved}`, or `{}` when Steam refuses; a refused call also prints why."},
	{method: "requestUserGroupStatus",
		note: "`group_id` is a 64-bit group Steam ID; GodotSteam Server 4 cuts it to 32 bits."},
	{method: "createQueryUserUGCRequest",
		note: "`account_id` is an account ID or a player's Steam ID (its account ID is used); GodotSteam Server 4 keeps the low 32 bits of any int. A refused call returns UGC_QUERY_HANDLE_INVALID, as the other createQuery* do; GodotSteam Server 4 returns 0 without Steam."},
	{method: "getQueryUGCChildren",
		note: "`children` holds the result's child IDs, at most `child_count`; GodotSteam Server 4 returns `child_count` entries read as Vector2s."},
	{method: "getQueryUGCContentDescriptors",
		note: "`descriptors` holds the `result` descriptors Steam gave; GodotSteam Server 4 returns `max_entries` entries read as Vector2s."},
	{method: "getSupportedGameVersionData",
		note: "`min` and `max` hold the branch names, read into STEAM_BUFFER_SIZE bytes (`size`); GodotSteam Server 4 gives Steam a buffer size of 0, so both stay empty and `size` is 0."},
	{method: "setRequiredGameVersions",
		note: "Refused as a player's call: in Steamworks it sets the game branches of an item version being uploaded (it takes StartItemUpdate's handle), though GodotSteam Server 4 names its handle `query_handle` and forwards it."},
	{method: "startItemUpdate",
		note: "Refused as a player's call, returning UGC_UPDATE_HANDLE_INVALID; GodotSteam Server 4 returns 0 without Steam."},
	// Steam Inventory: the same signatures, without GodotSteam Server 4's defects (docs/inventory.md).
	{method: "getResultItems",
		note: "Reads the result it names (0: the current one); GodotSteam Server 4 asks Steam the size of result 0 instead."},
	{method: "deserializeResult",
		note: "Hands Steam the buffer's bytes; GodotSteam Server 4 passes the address of its PackedByteArray object."},
	{method: "serializeResult",
		note: "Asks Steam the size first; GodotSteam Server 4's 255-byte buffer fails for larger results."},
	{method: "destroyResult",
		note: "Destroying the current result makes none current; GodotSteam Server 4 keeps the dead handle current."},
	{method: "getItemDefinitionProperty",
		note: "Asks the game server's ISteamInventory (GodotSteam Server 4 asks the client's, which a server lacks) and returns the text without its NUL."},
	{method: "generateItems",
		note: "A quantity list of another length than `items` is refused (GodotSteam Server 4 reads past its end); as in exchangeItems and startPurchase."},
	{method: "requestEligiblePromoItemDefinitionsIDs",
		note: "Its answer is emitted as inventory_eligible_promo_item; GodotSteam Server 4 emits a misspelt inventory_eligible_promo_Item nobody can connect to."},
	{method: "set_inventory_update_handle",
		note: "Keeps the handle's 64 bits; GodotSteam Server 4 takes a 32-bit one. A 0 handle argument with none current is refused."},
}, httpDifferences, utilsDifferences(), netSocketsDifferences)

// serverMethods is SteamServer's API: Steam's rows, with GodotSteam Server 4's where they differ.
func serverMethods() []method {
	byName := map[string]serverDifference{}
	for _, d := range serverDifferences {
		byName[d.method] = d
	}
	rows := make([]method, 0, len(steamMethods))
	for _, m := range steamMethods {
		d := byName[m.name]
		switch {
		case d.row != nil:
			m = *d.row
		case d.args != nil:
			m.args = d.args
		}
		rows = append(rows, m)
	}
	return rows
}

// beginAuthSessionSized is GodotSteam Server 4's beginAuthSession: the ticket's bytes and their count.
func beginAuthSessionSized(s *steam.Server, ticket []byte, size int64, id steam.SteamID) (steam.BeginAuthSessionResult, error) {
	if size < 1 || size > int64(len(ticket)) {
		return steam.BeginAuthSessionInvalidTicket, argError{1, fmt.Errorf("must be between 1 and the ticket's %d bytes, got %d", len(ticket), size)}
	}
	return s.BeginAuthSession(ticket[:size], id)
}
