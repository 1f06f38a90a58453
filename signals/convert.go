package signals

import "github.com/gosteam/godot-steam-server/steam"

// MaxArgs is the most arguments any signal has.
const MaxArgs = 5

// Args is one signal ready to emit: which signal, and its arguments as Godot ints
// (booleans are 0 or 1; Steam IDs are the same 64 bits read as a signed int).
type Args struct {
	ID ID
	N  int
	V  [MaxArgs]int64
}

func args(id ID, v ...int64) Args {
	a := Args{ID: id, N: len(v)}
	copy(a.V[:], v)
	return a
}

func b(v bool) int64 {
	if v {
		return 1
	}
	return 0
}

// Values is a signal with what its String, Array and Dictionary parameters carry besides the ints
// of Args: Text for its String parameter, List for its Array parameter, Dict for its Dictionary
// parameter (no signal has two of any). Dict is a typed Go value (steam.ConnectionInfo) that the
// extension turns into the Dictionary its methods return for it, so both have the same keys.
type Values struct {
	Args
	Text string
	List []int64
	Dict any
}

// EncodeValues turns any event into its signal, those with String and Array parameters too.
// Unknown events report false and are skipped.
func EncodeValues(ev steam.Event) (Values, bool) {
	switch e := ev.(type) {
	case steam.InventoryDefinitionUpdate:
		return Values{Args: args(InventoryDefinitionUpdate, 0), List: ints(e.Definitions)}, true
	case steam.InventoryEligiblePromoItems:
		return Values{Args: args(InventoryEligiblePromoItem, int64(e.Result), b(e.Cached), 0), List: ints(e.Definitions)}, true
	case steam.InventoryStartPurchaseResult:
		// GodotSteam Server 4 says "success" with the IDs, or "failure" with 0 and 0.
		if e.Result == steam.ResultOK {
			return Values{Args: args(InventoryStartPurchaseResult, 0, int64(e.OrderID), int64(e.TransactionID)), Text: "success"}, true
		}
		return Values{Args: args(InventoryStartPurchaseResult, 0, 0, 0), Text: "failure"}, true
	case steam.InventoryRequestPricesResult:
		return Values{Args: args(InventoryRequestPricesResult, int64(e.Result), 0), Text: e.Currency}, true
	case steam.ConnectionStatusChanged:
		return Values{Args: args(NetworkConnectionStatusChanged, int64(e.Conn), 0, int64(e.OldState)), Dict: e.Info}, true
	case steam.NetAuthenticationStatus:
		return Values{Args: args(NetworkAuthenticationStatus, int64(e.Available), 0), Text: e.Debug}, true
	}
	a, ok := Encode(ev)
	return Values{Args: a}, ok
}

func ints(v []int32) []int64 {
	out := make([]int64, len(v))
	for i, x := range v {
		out[i] = int64(x)
	}
	return out
}

// Encode turns an event into its signal, for signals of ints and bools only (EncodeValues covers
// the others). Unknown events report false and are skipped.
func Encode(ev steam.Event) (Args, bool) {
	switch e := ev.(type) {
	case steam.AssociateClan:
		return args(AssociateClan, int64(e.Result)), true
	case steam.ClientApproved:
		return args(ClientApproved, int64(e.SteamID), int64(e.OwnerID)), true
	case steam.ClientDenied:
		return args(ClientDenied, int64(e.SteamID), int64(e.Reason)), true
	case steam.ClientGroupStatus:
		return args(ClientGroupStatus, int64(e.SteamID), int64(e.GroupID), b(e.Member), b(e.Officer)), true
	case steam.ClientKick:
		return args(ClientKick, int64(e.SteamID), int64(e.Reason)), true
	case steam.PlayerCompat:
		return args(PlayerCompat, int64(e.Result), int64(e.PlayersDontLikeCandidate), int64(e.PlayersCandidateDoesntLike),
			int64(e.ClanPlayersDontLikeCandidate), int64(e.SteamID)), true
	case steam.PolicyResponse:
		return args(PolicyResponse, b(e.Secure)), true
	case steam.ServerConnectFailure:
		return args(ServerConnectFailure, int64(e.Result), b(e.Retrying)), true
	case steam.ServerConnected:
		return args(ServerConnected), true
	case steam.ServerDisconnected:
		return args(ServerDisconnected, int64(e.Result)), true
	case steam.ValidateAuthTicketResponse:
		return args(ValidateAuthTicketResponse, int64(e.SteamID), int64(e.Response), int64(e.OwnerID)), true
	case steam.GetAuthSessionTicketResponse:
		return args(GetAuthSessionTicketResponse, int64(e.Ticket), int64(e.Result)), true
	case steam.StatsReceived:
		return args(StatsReceived, int64(e.Result), int64(e.SteamID)), true
	case steam.StatsStored:
		return args(StatsStored, int64(e.Result), int64(e.SteamID)), true
	case steam.StatsUnloaded:
		return args(StatsUnloaded, int64(e.SteamID)), true
	case steam.UGCQueryCompleted:
		return args(UGCQueryCompleted, int64(e.Handle), int64(e.Result), int64(e.Returned), int64(e.Total), b(e.Cached)), true
	case steam.ItemDownloaded:
		return args(ItemDownloaded, int64(e.Result), int64(e.FileID), int64(e.AppID)), true
	case steam.ItemInstalled:
		return args(ItemInstalled, int64(e.AppID), int64(e.FileID)), true
	case steam.HTTPRequestCompleted:
		return args(HTTPRequestCompleted, int64(e.Request), int64(e.Context), b(e.Success), int64(e.Status), int64(e.BodySize)), true
	case steam.HTTPRequestDataReceived:
		return args(HTTPRequestDataReceived, int64(e.Request), int64(e.Context), int64(e.Offset), int64(e.BytesReceived)), true
	case steam.HTTPRequestHeadersReceived:
		return args(HTTPRequestHeadersReceived, int64(e.Request), int64(e.Context)), true
	case steam.APICallCompleted:
		return args(SteamAPICallCompleted, int64(e.Call), int64(e.Callback), int64(e.Size)), true
	case steam.AppDependencies:
		return args(GetAppDependenciesResult, int64(e.Result), int64(e.FileID), int64(len(e.AppIDs)), int64(e.Total)), true
	case steam.InventoryResultReady:
		return args(InventoryResultReady, int64(e.Result), int64(e.Handle)), true
	case steam.InventoryFullUpdate:
		return args(InventoryFullUpdate, int64(e.Handle)), true
	}
	return Args{}, false
}
