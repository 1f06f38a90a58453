package steamworks

import "github.com/gosteam/godot-steam-server/steam"

// Callback IDs the pump itself names; every other ID appears only in its row below.
const (
	idAssociateWithClanResult   = 210 // AssociateWithClanResult_t
	idPlayerCompatibilityResult = 211 // ComputeNewPlayerCompatibilityResult_t
	idAPICallCompleted          = 703 // SteamAPICallCompleted_t
)

// callbacks describes every callback struct the backend reads, once: its k_iCallback, its size and
// members' offsets on Linux x86_64, and how it decodes into an event. decode.go dispatches by it,
// and layout_test.go checks it against a C compiler's layout of the SDK's own declarations
// (internal/sdklayout), so a wrong ID, size, offset or member fails the tests.
//
// Steam packs callbacks to 4 bytes on Linux (VALVE_CALLBACK_PACK_SMALL): a 64-bit member only
// needs 4-byte alignment, so ValidateAuthTicketResponse_t is 20 bytes here, not Windows' 24.
var callbacks = []callback{
	{id: 101, sdk: "SteamServersConnected_t", size: 1, // an empty C++ struct
		decode: func(*record) steam.Event { return steam.ServerConnected{} }},
	{id: 102, sdk: "SteamServerConnectFailure_t", size: 8,
		members: []member{i32("m_eResult", 0), flag("m_bStillRetrying", 4)},
		decode: func(r *record) steam.Event {
			return steam.ServerConnectFailure{Result: r.result("m_eResult"), Retrying: r.bool("m_bStillRetrying")}
		}},
	{id: 103, sdk: "SteamServersDisconnected_t", size: 4,
		members: []member{i32("m_eResult", 0)},
		decode:  func(r *record) steam.Event { return steam.ServerDisconnected{Result: r.result("m_eResult")} }},
	{id: 115, sdk: "GSPolicyResponse_t", size: 1,
		members: []member{flag("m_bSecure", 0)},
		decode:  func(r *record) steam.Event { return steam.PolicyResponse{Secure: r.bool("m_bSecure")} }},
	{id: 143, sdk: "ValidateAuthTicketResponse_t", size: 20,
		members: []member{steamID("m_SteamID", 0), i32("m_eAuthSessionResponse", 8), steamID("m_OwnerSteamID", 12)},
		decode: func(r *record) steam.Event {
			return steam.ValidateAuthTicketResponse{SteamID: r.steamID("m_SteamID"),
				Response: steam.AuthSessionResponse(r.i32("m_eAuthSessionResponse")), OwnerID: r.steamID("m_OwnerSteamID")}
		}},
	{id: 163, sdk: "GetAuthSessionTicketResponse_t", size: 8,
		members: []member{u32("m_hAuthTicket", 0), i32("m_eResult", 4)},
		decode: func(r *record) steam.Event {
			return steam.GetAuthSessionTicketResponse{Ticket: r.u32("m_hAuthTicket"), Result: r.result("m_eResult")}
		}},
	{id: 201, sdk: "GSClientApprove_t", size: 16,
		members: []member{steamID("m_SteamID", 0), steamID("m_OwnerSteamID", 8)},
		decode: func(r *record) steam.Event {
			return steam.ClientApproved{SteamID: r.steamID("m_SteamID"), OwnerID: r.steamID("m_OwnerSteamID")}
		}},
	{id: 202, sdk: "GSClientDeny_t", size: 140,
		members: []member{steamID("m_SteamID", 0), i32("m_eDenyReason", 8), chars("m_rgchOptionalText", 12, 128)},
		decode: func(r *record) steam.Event {
			return steam.ClientDenied{SteamID: r.steamID("m_SteamID"), Reason: steam.DenyReason(r.i32("m_eDenyReason")),
				Text: r.cstr("m_rgchOptionalText")}
		}},
	{id: 203, sdk: "GSClientKick_t", size: 12,
		members: []member{steamID("m_SteamID", 0), i32("m_eDenyReason", 8)},
		decode: func(r *record) steam.Event {
			return steam.ClientKick{SteamID: r.steamID("m_SteamID"), Reason: steam.DenyReason(r.i32("m_eDenyReason"))}
		}},
	{id: 208, sdk: "GSClientGroupStatus_t", size: 20,
		members: []member{steamID("m_SteamIDUser", 0), steamID("m_SteamIDGroup", 8), flag("m_bMember", 16), flag("m_bOfficer", 17)},
		decode: func(r *record) steam.Event {
			return steam.ClientGroupStatus{SteamID: r.steamID("m_SteamIDUser"), GroupID: r.steamID("m_SteamIDGroup"),
				Member: r.bool("m_bMember"), Officer: r.bool("m_bOfficer")}
		}},
	{id: idAssociateWithClanResult, sdk: "AssociateWithClanResult_t", size: 4,
		members: []member{i32("m_eResult", 0)},
		decode:  func(r *record) steam.Event { return steam.AssociateClan{Result: r.result("m_eResult")} }},
	{id: idPlayerCompatibilityResult, sdk: "ComputeNewPlayerCompatibilityResult_t", size: 24,
		members: []member{i32("m_eResult", 0), i32("m_cPlayersThatDontLikeCandidate", 4), i32("m_cPlayersThatCandidateDoesntLike", 8),
			i32("m_cClanPlayersThatDontLikeCandidate", 12), steamID("m_SteamIDCandidate", 16)},
		decode: func(r *record) steam.Event {
			return steam.PlayerCompat{Result: r.result("m_eResult"), PlayersDontLikeCandidate: r.i32("m_cPlayersThatDontLikeCandidate"),
				PlayersCandidateDoesntLike:   r.i32("m_cPlayersThatCandidateDoesntLike"),
				ClanPlayersDontLikeCandidate: r.i32("m_cClanPlayersThatDontLikeCandidate"), SteamID: r.steamID("m_SteamIDCandidate")}
		}},
	// No event: the pump reads it (decodeAPICallCompleted) to fetch a finished async call's result.
	{id: idAPICallCompleted, sdk: "SteamAPICallCompleted_t", size: 16,
		members: []member{u64("m_hAsyncCall", 0), i32("m_iCallback", 8), u32("m_cubParam", 12)}},
}
