package steamworks

import (
	"runtime"
	"slices"

	"github.com/gosteam/godot-steam-server/steam"
)

// Callback IDs the pump itself names; every other ID appears only in its row below.
// The call results' are package steam's (apicalls.go), which the offline backend announces too.
const (
	idAssociateWithClanResult   = steam.CallbackAssociateWithClanResult
	idPlayerCompatibilityResult = steam.CallbackComputeNewPlayerCompatibilityResult
	idAPICallCompleted          = steam.CallbackAPICallCompleted
	idStatsReceived             = steam.CallbackStatsReceived
	idStatsStored               = steam.CallbackStatsStored
	idUGCQueryCompleted         = steam.CallbackUGCQueryCompleted
	idAppDependencies           = steam.CallbackAppDependencies
	idInventoryEligiblePromo    = steam.CallbackInventoryEligiblePromoItemDefIDs
	idInventoryStartPurchase    = steam.CallbackInventoryStartPurchaseResult
	idInventoryRequestPrices    = steam.CallbackInventoryRequestPricesResult
)

// answersCalls are the callbacks that answer a call of ours (its SteamAPICall_t): the pump takes
// them from the call result only (callCompleted), never also from the callback queue.
var answersCalls = map[int32]bool{idAssociateWithClanResult: true, idPlayerCompatibilityResult: true, idStatsReceived: true, idStatsStored: true,
	idUGCQueryCompleted: true, idAppDependencies: true, idHTTPRequestCompleted: true, idInventoryEligiblePromo: true,
	idInventoryStartPurchase: true, idInventoryRequestPrices: true}

// callbacks is callbackRows laid out at the packing of the platform built for (runtime.GOOS is a
// constant): what decode.go dispatches by.
var callbacks = layOut(callbackRows, packFor(runtime.GOOS))

// packFor is the SDK's packing of callback structs on goos: 8 on Windows (VALVE_CALLBACK_PACK_LARGE),
// 4 elsewhere (VALVE_CALLBACK_PACK_SMALL). At pack 4 a 64-bit member only needs 4-byte alignment,
// so ValidateAuthTicketResponse_t is 20 bytes on Linux and 24 on Windows.
func packFor(goos string) int {
	if goos == "windows" {
		return 8
	}
	return 4
}

// callbackRows describes every callback struct the backend reads, once: its k_iCallback, its
// members' C types in the SDK's order (offsets and sizes follow from them and the packing, see
// layOut), and how it decodes into an event. The layouts are checked against C compilers' layouts
// of the SDK's own declarations (internal/sdklayout/sdk_callbacks.h), so a wrong ID, type, order
// or member fails the tests: layout_test.go at Linux's pack 4 with the host compiler,
// layout_mingw_test.go at Windows' pack 8 with x86_64-w64-mingw32-gcc.
var callbackRows = append([]callback{
	{id: 101, sdk: "SteamServersConnected_t", // an empty C++ struct
		decode: func(*record) steam.Event { return steam.ServerConnected{} }},
	{id: 102, sdk: "SteamServerConnectFailure_t",
		members: []member{i32("m_eResult"), flag("m_bStillRetrying")},
		decode: func(r *record) steam.Event {
			return steam.ServerConnectFailure{Result: r.result("m_eResult"), Retrying: r.bool("m_bStillRetrying")}
		}},
	{id: 103, sdk: "SteamServersDisconnected_t",
		members: []member{i32("m_eResult")},
		decode:  func(r *record) steam.Event { return steam.ServerDisconnected{Result: r.result("m_eResult")} }},
	{id: 115, sdk: "GSPolicyResponse_t",
		members: []member{flag("m_bSecure")},
		decode:  func(r *record) steam.Event { return steam.PolicyResponse{Secure: r.bool("m_bSecure")} }},
	{id: 143, sdk: "ValidateAuthTicketResponse_t",
		members: []member{steamID("m_SteamID"), i32("m_eAuthSessionResponse"), steamID("m_OwnerSteamID")},
		decode: func(r *record) steam.Event {
			return steam.ValidateAuthTicketResponse{SteamID: r.steamID("m_SteamID"),
				Response: steam.AuthSessionResponse(r.i32("m_eAuthSessionResponse")), OwnerID: r.steamID("m_OwnerSteamID")}
		}},
	{id: 163, sdk: "GetAuthSessionTicketResponse_t",
		members: []member{u32("m_hAuthTicket"), i32("m_eResult")},
		decode: func(r *record) steam.Event {
			return steam.GetAuthSessionTicketResponse{Ticket: r.u32("m_hAuthTicket"), Result: r.result("m_eResult")}
		}},
	{id: 201, sdk: "GSClientApprove_t",
		members: []member{steamID("m_SteamID"), steamID("m_OwnerSteamID")},
		decode: func(r *record) steam.Event {
			return steam.ClientApproved{SteamID: r.steamID("m_SteamID"), OwnerID: r.steamID("m_OwnerSteamID")}
		}},
	{id: 202, sdk: "GSClientDeny_t",
		members: []member{steamID("m_SteamID"), i32("m_eDenyReason"), chars("m_rgchOptionalText", 128)},
		decode: func(r *record) steam.Event {
			return steam.ClientDenied{SteamID: r.steamID("m_SteamID"), Reason: steam.DenyReason(r.i32("m_eDenyReason")),
				Text: r.cstr("m_rgchOptionalText")}
		}},
	{id: 203, sdk: "GSClientKick_t",
		members: []member{steamID("m_SteamID"), i32("m_eDenyReason")},
		decode: func(r *record) steam.Event {
			return steam.ClientKick{SteamID: r.steamID("m_SteamID"), Reason: steam.DenyReason(r.i32("m_eDenyReason"))}
		}},
	{id: 208, sdk: "GSClientGroupStatus_t",
		members: []member{steamID("m_SteamIDUser"), steamID("m_SteamIDGroup"), flag("m_bMember"), flag("m_bOfficer")},
		decode: func(r *record) steam.Event {
			return steam.ClientGroupStatus{SteamID: r.steamID("m_SteamIDUser"), GroupID: r.steamID("m_SteamIDGroup"),
				Member: r.bool("m_bMember"), Officer: r.bool("m_bOfficer")}
		}},
	{id: idAssociateWithClanResult, sdk: "AssociateWithClanResult_t",
		members: []member{i32("m_eResult")},
		decode:  func(r *record) steam.Event { return steam.AssociateClan{Result: r.result("m_eResult")} }},
	{id: idPlayerCompatibilityResult, sdk: "ComputeNewPlayerCompatibilityResult_t",
		members: []member{i32("m_eResult"), i32("m_cPlayersThatDontLikeCandidate"), i32("m_cPlayersThatCandidateDoesntLike"),
			i32("m_cClanPlayersThatDontLikeCandidate"), steamID("m_SteamIDCandidate")},
		decode: func(r *record) steam.Event {
			return steam.PlayerCompat{Result: r.result("m_eResult"), PlayersDontLikeCandidate: r.i32("m_cPlayersThatDontLikeCandidate"),
				PlayersCandidateDoesntLike:   r.i32("m_cPlayersThatCandidateDoesntLike"),
				ClanPlayersDontLikeCandidate: r.i32("m_cClanPlayersThatDontLikeCandidate"), SteamID: r.steamID("m_SteamIDCandidate")}
		}},
	{id: idStatsReceived, sdk: "GSStatsReceived_t",
		members: []member{i32("m_eResult"), steamID("m_steamIDUser")},
		decode: func(r *record) steam.Event {
			return steam.StatsReceived{Result: r.result("m_eResult"), SteamID: r.steamID("m_steamIDUser")}
		}},
	{id: idStatsStored, sdk: "GSStatsStored_t",
		members: []member{i32("m_eResult"), steamID("m_steamIDUser")},
		decode: func(r *record) steam.Event {
			return steam.StatsStored{Result: r.result("m_eResult"), SteamID: r.steamID("m_steamIDUser")}
		}},
	{id: 1108, sdk: "GSStatsUnloaded_t",
		members: []member{steamID("m_steamIDUser")},
		decode:  func(r *record) steam.Event { return steam.StatsUnloaded{SteamID: r.steamID("m_steamIDUser")} }},
	{id: idUGCQueryCompleted, sdk: "SteamUGCQueryCompleted_t",
		members: []member{u64("m_handle"), i32("m_eResult"), u32("m_unNumResultsReturned"), u32("m_unTotalMatchingResults"),
			flag("m_bCachedData"), chars("m_rgchNextCursor", 256)},
		decode: func(r *record) steam.Event {
			return steam.UGCQueryCompleted{Handle: r.u64("m_handle"), Result: r.result("m_eResult"),
				Returned: r.u32("m_unNumResultsReturned"), Total: r.u32("m_unTotalMatchingResults"), Cached: r.bool("m_bCachedData")}
		}},
	// The Workshop's broadcasts, on the game server's pipe: an item finished downloading, an item is
	// installed (after a download, or an update Steam made on its own).
	{id: 3405, sdk: "ItemInstalled_t",
		members: []member{u32("m_unAppID"), u64("m_nPublishedFileId"), u64("m_hLegacyContent"), u64("m_unManifestID")},
		decode: func(r *record) steam.Event {
			return steam.ItemInstalled{AppID: r.u32("m_unAppID"), FileID: r.u64("m_nPublishedFileId")}
		}},
	{id: 3406, sdk: "DownloadItemResult_t",
		members: []member{u32("m_unAppID"), u64("m_nPublishedFileId"), i32("m_eResult")},
		decode: func(r *record) steam.Event {
			return steam.ItemDownloaded{Result: r.result("m_eResult"), FileID: r.u64("m_nPublishedFileId"), AppID: r.u32("m_unAppID")}
		}},
	// GetAppDependencies' answer: m_nNumAppDependencies of m_rgAppIDs (at most its 32, whatever
	// Steam claims) of the item's m_nTotalNumAppDependencies.
	{id: idAppDependencies, sdk: "GetAppDependenciesResult_t",
		members: []member{i32("m_eResult"), u64("m_nPublishedFileId"), u32s("m_rgAppIDs", steam.MaxAppDependenciesPerResult),
			u32("m_nNumAppDependencies"), u32("m_nTotalNumAppDependencies")},
		decode: func(r *record) steam.Event {
			return steam.AppDependencies{Result: r.result("m_eResult"), FileID: r.u64("m_nPublishedFileId"),
				AppIDs: r.firstU32s("m_rgAppIDs", r.u32("m_nNumAppDependencies")), Total: r.u32("m_nTotalNumAppDependencies")}
		}},
	// Steam Inventory (inventory.go): its results finish as callbacks; the definitions' reload is
	// a broadcast; prices, eligible promos and purchases answer their calls. The definitions' and
	// the promos' IDs are fetched by the pump (completeInventory).
	{id: 4700, sdk: "SteamInventoryResultReady_t",
		members: []member{i32("m_handle"), i32("m_result")},
		decode: func(r *record) steam.Event {
			return steam.InventoryResultReady{Handle: r.i32("m_handle"), Result: r.result("m_result")}
		}},
	{id: 4701, sdk: "SteamInventoryFullUpdate_t",
		members: []member{i32("m_handle")},
		decode:  func(r *record) steam.Event { return steam.InventoryFullUpdate{Handle: r.i32("m_handle")} }},
	{id: 4702, sdk: "SteamInventoryDefinitionUpdate_t", // an empty C++ struct
		decode: func(*record) steam.Event { return steam.InventoryDefinitionUpdate{} }},
	{id: idInventoryEligiblePromo, sdk: "SteamInventoryEligiblePromoItemDefIDs_t",
		members: []member{i32("m_result"), steamID("m_steamID"), i32("m_numEligiblePromoItemDefs"), flag("m_bCachedData")},
		decode: func(r *record) steam.Event {
			// Definitions holds as many zeros as Steam has IDs; completeInventory fetches them.
			return steam.InventoryEligiblePromoItems{Result: r.result("m_result"), SteamID: r.steamID("m_steamID"),
				Cached: r.bool("m_bCachedData"), Definitions: make([]int32, min(max(r.i32("m_numEligiblePromoItemDefs"), 0), maxInventoryList))}
		}},
	{id: idInventoryStartPurchase, sdk: "SteamInventoryStartPurchaseResult_t",
		members: []member{i32("m_result"), u64("m_ulOrderID"), u64("m_ulTransID")},
		decode: func(r *record) steam.Event {
			return steam.InventoryStartPurchaseResult{Result: r.result("m_result"), OrderID: r.u64("m_ulOrderID"), TransactionID: r.u64("m_ulTransID")}
		}},
	{id: idInventoryRequestPrices, sdk: "SteamInventoryRequestPricesResult_t",
		members: []member{i32("m_result"), chars("m_rgchCurrency", 4)},
		decode: func(r *record) steam.Event {
			return steam.InventoryRequestPricesResult{Result: r.result("m_result"), Currency: r.cstr("m_rgchCurrency")}
		}},
	// No event: the pump reads it (decodeAPICallCompleted) to fetch a finished async call's result.
	{id: idAPICallCompleted, sdk: "SteamAPICallCompleted_t",
		members: []member{u64("m_hAsyncCall"), i32("m_iCallback"), u32("m_cubParam")}},
}, slices.Concat(httpCallbackRows, netCallbackRows)...)
