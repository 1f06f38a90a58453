package steam

import "runtime"

// Async calls (a SteamAPICall_t): associateWithClan, computeNewPlayerCompatibility,
// requestUserStats, storeUserStats, sendQueryUGCRequest, getAppDependencies, sendHTTPRequest (and
// sendHTTPRequestAndStreamResponse), and the inventory's requestEligiblePromoItemDefinitionsIDs,
// startPurchase and requestPrices answer later with a call result (getAppDependencies with one per
// 32 app IDs). Steam
// first posts SteamAPICallCompleted_t naming the call, the result's callback ID and its size; the
// result follows. Both backends report that notice as an APICallCompleted event just before the
// result's own event, and remember the last call they started for isAPICallCompleted and
// getAPICallFailureReason.

// The k_iCallback IDs of the call results (isteamgameserver.h, isteamgameserverstats.h,
// isteamugc.h, isteamhttp.h, isteaminventory.h): the steamworks backend's callback table uses these too.
const (
	CallbackAssociateWithClanResult             int32 = 210  // AssociateWithClanResult_t
	CallbackComputeNewPlayerCompatibilityResult int32 = 211  // ComputeNewPlayerCompatibilityResult_t
	CallbackAPICallCompleted                    int32 = 703  // SteamAPICallCompleted_t
	CallbackUGCQueryCompleted                   int32 = 3401 // SteamUGCQueryCompleted_t
	CallbackAppDependencies                     int32 = 3416 // GetAppDependenciesResult_t
	CallbackStatsReceived                       int32 = 1800 // GSStatsReceived_t
	CallbackStatsStored                         int32 = 1801 // GSStatsStored_t
	CallbackHTTPRequestCompleted                int32 = 2101 // HTTPRequestCompleted_t
	CallbackInventoryEligiblePromoItemDefIDs    int32 = 4703 // SteamInventoryEligiblePromoItemDefIDs_t
	CallbackInventoryStartPurchaseResult        int32 = 4704 // SteamInventoryStartPurchaseResult_t
	CallbackInventoryRequestPricesResult        int32 = 4705 // SteamInventoryRequestPricesResult_t
)

// APICallCompleted is SteamAPICallCompleted_t: async call Call finished, and its result, a
// Size-byte struct with callback ID Callback, is the next event for it (steam_api_call_completed).
type APICallCompleted struct {
	Call     uint64
	Callback int32
	Size     uint32
}

func (APICallCompleted) event() {}

// CallResultKind is one kind of call result: its struct and callback ID, and the struct's size
// (m_cubParam) at the SDK's packing, 4 on Linux and macOS and 8 on Windows. The steamworks
// package's tests check each against its callback table, which a C compiler checks.
type CallResultKind struct {
	Struct   string
	Callback int32
	Pack4    uint32
	Pack8    uint32
}

// Size is the struct's size on the platform built for.
func (k CallResultKind) Size() uint32 {
	if runtime.GOOS == "windows" {
		return k.Pack8
	}
	return k.Pack4
}

// CallResults lists every call result an event of this package carries.
var CallResults = []CallResultKind{
	{"AssociateWithClanResult_t", CallbackAssociateWithClanResult, 4, 4},
	{"ComputeNewPlayerCompatibilityResult_t", CallbackComputeNewPlayerCompatibilityResult, 24, 24},
	{"GSStatsReceived_t", CallbackStatsReceived, 12, 16},
	{"GSStatsStored_t", CallbackStatsStored, 12, 16},
	{"SteamUGCQueryCompleted_t", CallbackUGCQueryCompleted, 280, 280},
	{"GetAppDependenciesResult_t", CallbackAppDependencies, 148, 152},
	{"HTTPRequestCompleted_t", CallbackHTTPRequestCompleted, 24, 32},
	{"SteamInventoryEligiblePromoItemDefIDs_t", CallbackInventoryEligiblePromoItemDefIDs, 20, 24},
	{"SteamInventoryStartPurchaseResult_t", CallbackInventoryStartPurchaseResult, 20, 24},
	{"SteamInventoryRequestPricesResult_t", CallbackInventoryRequestPricesResult, 8, 8},
}

// CallResultOf says which call result ev is, if it answers an async call.
func CallResultOf(ev Event) (CallResultKind, bool) {
	var id int32
	switch ev.(type) {
	case AssociateClan:
		id = CallbackAssociateWithClanResult
	case PlayerCompat:
		id = CallbackComputeNewPlayerCompatibilityResult
	case StatsReceived:
		id = CallbackStatsReceived
	case StatsStored:
		id = CallbackStatsStored
	case UGCQueryCompleted:
		id = CallbackUGCQueryCompleted
	case AppDependencies:
		id = CallbackAppDependencies
	case HTTPRequestCompleted:
		id = CallbackHTTPRequestCompleted
	case InventoryEligiblePromoItems:
		id = CallbackInventoryEligiblePromoItemDefIDs
	case InventoryStartPurchaseResult:
		id = CallbackInventoryStartPurchaseResult
	case InventoryRequestPricesResult:
		id = CallbackInventoryRequestPricesResult
	default:
		return CallResultKind{}, false
	}
	for _, k := range CallResults {
		if k.Callback == id {
			return k, true
		}
	}
	return CallResultKind{}, false
}

// WithoutCallNotices is evs without their APICallCompleted events: the results alone, which the
// backends' tests compare.
func WithoutCallNotices(evs []Event) []Event {
	var out []Event
	for _, ev := range evs {
		if _, notice := ev.(APICallCompleted); !notice {
			out = append(out, ev)
		}
	}
	return out
}
