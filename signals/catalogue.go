// Package signals is the catalogue of the Steam singleton's signals and the one place where a
// steam.Event becomes a signal's arguments. It knows nothing of Godot beyond Variant type numbers.
package signals

// Type is the Godot Variant.Type of a signal argument.
type Type uint8

const (
	Bool Type = 1 // Variant.TYPE_BOOL
	Int  Type = 2 // Variant.TYPE_INT
	// A String parameter carries Values.Text, an Array parameter (of ints) Values.List, a
	// Dictionary parameter Values.Dict (a typed Go value the extension encodes). Some Dictionary
	// parameters are declared only, for signals nothing emits (the Remote Storage ones and a few
	// of the Workshop's).
	String     Type = 4  // Variant.TYPE_STRING
	Dictionary Type = 27 // Variant.TYPE_DICTIONARY
	Array      Type = 28 // Variant.TYPE_ARRAY
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
	// The Workshop (Ugc) signals, then Remote Storage's (ugc.go in steam). Offline emits
	// UGCQueryCompleted, ItemDownloaded, ItemInstalled and GetAppDependenciesResult; the others
	// answer a player's calls and are declared so scripts written for GodotSteam Server 4 can
	// connect to them.
	UGCQueryCompleted
	ItemDownloaded
	ItemInstalled
	AddAppDependencyResult
	AddUGCDependencyResult
	ItemCreated
	GetAppDependenciesResult
	ItemDeleted
	GetItemVoteResult
	RemoveAppDependencyResult
	RemoveUGCDependencyResult
	SetUserItemVote
	StartPlaytimeTracking
	StopPlaytimeTracking
	ItemUpdated
	UserFavoriteItemsListChanged
	WorkshopEULAStatus
	UserSubscribedItemsListChanged
	FileReadAsyncComplete
	FileShareResult
	FileWriteAsyncComplete
	DownloadUGCResult
	UnsubscribeItem
	SubscribeItem
	LocalFileChanged
	// HTTP (http.go in steam): GodotSteam Server 4 names the first parameter cookie_handle, but it
	// carries the request's handle (HTTPRequestCompleted_t's m_hRequest); the name is kept so its
	// scripts connect unchanged.
	HTTPRequestCompleted
	HTTPRequestDataReceived
	HTTPRequestHeadersReceived
	// The Utils signals: both backends emit SteamAPICallCompleted (before each async call's result);
	// the others are a player's Steam client's, declared so scripts written for GodotSteam Server 4
	// can connect to them (it registers them on the client's pipe, so it never emits them on a
	// dedicated server either).
	CheckFileSignature
	GamepadTextInputDismissed
	IPCountry
	LowPower
	SteamAPICallCompleted
	SteamShutdown
	AppResumingFromSuspend
	FloatingGamepadTextInputDismissed
	FilterTextDictionaryChanged
	// Steam Inventory's (inventory.go in steam).
	InventoryResultReady
	InventoryFullUpdate
	InventoryDefinitionUpdate
	InventoryEligiblePromoItem
	InventoryStartPurchaseResult
	InventoryRequestPricesResult
	// Networking Sockets' (net_events.go in steam). FakeIPResult is declared only: offline has no
	// FakeIP (no Steam Datagram Relay), so nothing emits it.
	NetworkConnectionStatusChanged
	NetworkAuthenticationStatus
	FakeIPResult
)

func intArg(name string) Param        { return Param{Name: name, Type: Int} }
func enumArg(name, enum string) Param { return Param{Name: name, Type: Int, Enum: enum} }
func boolArg(name string) Param       { return Param{Name: name, Type: Bool} }
func stringArg(name string) Param     { return Param{Name: name, Type: String} }
func dictArg(name string) Param       { return Param{Name: name, Type: Dictionary} }
func arrayArg(name string) Param      { return Param{Name: name, Type: Array} }

var resultArg = enumArg("result", "Result")

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

	UGCQueryCompleted: {"ugc_query_completed", []Param{intArg("handle"), resultArg, intArg("results_returned"), intArg("total_matching"), boolArg("cached")},
		"Reply to sendQueryUGCRequest: read the results with getQueryUGC*, then releaseQueryUGCRequest."},
	ItemDownloaded: {"item_downloaded", []Param{resultArg, intArg("file_id"), intArg("app_id")}, "Reply to downloadItem: RESULT_OK when the item is installed."},
	ItemInstalled:  {"item_installed", []Param{intArg("app_id"), intArg("file_id")}, "An item is installed: getItemInstallInfo gives its folder."},
	AddAppDependencyResult: {"add_app_dependency_result", []Param{resultArg, intArg("file_id"), intArg("app_id")},
		"Reply to addAppDependency (a player's call: not emitted to a game server)."},
	AddUGCDependencyResult: {"add_ugc_dependency_result", []Param{resultArg, intArg("file_id"), intArg("child_id")},
		"Reply to addDependency (a player's call: not emitted to a game server)."},
	ItemCreated: {"item_created", []Param{resultArg, intArg("file_id"), boolArg("accept_tos")}, "Reply to createItem (a player's call: not emitted to a game server)."},
	GetAppDependenciesResult: {"get_app_dependencies_result", []Param{resultArg, intArg("file_id"), intArg("app_dependencies"), intArg("total_app_dependencies")},
		"Reply to getAppDependencies: how many of the item's app dependencies (usually DLC) this reply holds (up to 32) and how many it has in all; an item with more gets several."},
	ItemDeleted: {"item_deleted", []Param{resultArg, intArg("file_id")}, "Reply to deleteItem (a player's call: not emitted to a game server)."},
	GetItemVoteResult: {"get_item_vote_result", []Param{resultArg, intArg("file_id"), boolArg("vote_up"), boolArg("vote_down"), boolArg("vote_skipped")},
		"Reply to getUserItemVote (a player's call: not emitted to a game server)."},
	RemoveAppDependencyResult: {"remove_app_dependency_result", []Param{resultArg, intArg("file_id"), intArg("app_id")},
		"Reply to removeAppDependency (a player's call: not emitted to a game server)."},
	RemoveUGCDependencyResult: {"remove_ugc_dependency_result", []Param{resultArg, intArg("file_id"), intArg("child_id")},
		"Reply to removeDependency (a player's call: not emitted to a game server)."},
	SetUserItemVote:       {"set_user_item_vote", []Param{resultArg, intArg("file_id"), boolArg("vote_up")}, "Reply to setUserItemVote (a player's call: not emitted to a game server)."},
	StartPlaytimeTracking: {"start_playtime_tracking", []Param{resultArg}, "Reply to startPlaytimeTracking (a player's call: not emitted to a game server)."},
	StopPlaytimeTracking:  {"stop_playtime_tracking", []Param{resultArg}, "Reply to stopPlaytimeTracking (a player's call: not emitted to a game server)."},
	ItemUpdated:           {"item_updated", []Param{resultArg, boolArg("need_to_accept_tos")}, "Reply to submitItemUpdate (a player's call: not emitted to a game server)."},
	UserFavoriteItemsListChanged: {"user_favorite_items_list_changed", []Param{resultArg, intArg("file_id"), boolArg("was_add_request")},
		"Reply to addItemToFavorites and removeItemFromFavorites (a player's call: not emitted to a game server)."},
	WorkshopEULAStatus: {"workshop_eula_status", []Param{resultArg, intArg("app_id"), dictArg("eula_data")},
		"Reply to getWorkshopEULAStatus (a player's call: not emitted to a game server)."},
	UserSubscribedItemsListChanged: {"user_subscribed_items_list_changed", []Param{intArg("app_id")}, "A user's subscriptions changed (not emitted to a game server)."},
	FileReadAsyncComplete:          {"file_read_async_complete", []Param{dictArg("file_read")}, "Remote Storage: not emitted (the extension has no Remote Storage calls)."},
	FileShareResult: {"file_share_result", []Param{resultArg, intArg("handle"), stringArg("name")},
		"Remote Storage: not emitted (the extension has no Remote Storage calls)."},
	FileWriteAsyncComplete: {"file_write_async_complete", []Param{resultArg}, "Remote Storage: not emitted (the extension has no Remote Storage calls)."},
	DownloadUGCResult:      {"download_ugc_result", []Param{resultArg, dictArg("download_data")}, "Remote Storage: not emitted (the extension has no Remote Storage calls)."},
	UnsubscribeItem:        {"unsubscribe_item", []Param{resultArg, intArg("file_id")}, "Reply to unsubscribeItem (a player's call: not emitted to a game server)."},
	SubscribeItem:          {"subscribe_item", []Param{resultArg, intArg("file_id")}, "Reply to subscribeItem (a player's call: not emitted to a game server)."},
	LocalFileChanged:       {"local_file_changed", nil, "Remote Storage: not emitted (the extension has no Remote Storage calls)."},

	HTTPRequestCompleted: {"http_request_completed", []Param{intArg("cookie_handle"), intArg("context_value"), boolArg("request_success"),
		enumArg("status_code", "HTTPStatusCode"), intArg("body_size")},
		"A sent request finished. `cookie_handle` is the request's handle (GodotSteam Server 4's name); `request_success` false: no response (status 0)."},
	HTTPRequestDataReceived: {"http_request_data_received", []Param{intArg("cookie_handle"), intArg("context_value"), intArg("offset"), intArg("bytes_received")},
		"A chunk of a streamed body came: read it with getHTTPStreamingResponseBodyData(request, offset, bytes_received)."},
	HTTPRequestHeadersReceived: {"http_request_headers_received", []Param{intArg("cookie_handle"), intArg("context_value")},
		"A streamed request's response headers came: getHTTPResponseHeaderValue can read them."},
	CheckFileSignature: {"check_file_signature", []Param{stringArg("signature")}, "Reply to checkFileSignature, a player's call: not emitted to a game server."},
	GamepadTextInputDismissed: {"gamepad_text_input_dismissed", []Param{boolArg("submitted"), stringArg("entered_text"), intArg("app_id")},
		"A player closed the Big Picture text input: not emitted to a game server."},
	IPCountry: {"ip_country", nil, "A player's country changed (their Steam client's event): not emitted to a game server; getIPCountry gives the server's."},
	LowPower:  {"low_power", []Param{intArg("power")}, "A player's laptop is low on battery: not emitted to a game server (getCurrentBatteryPower)."},
	SteamAPICallCompleted: {"steam_api_call_completed", []Param{intArg("async_call"), intArg("callback"), intArg("parameter")},
		"An async call finished (associateWithClan, computeNewPlayerCompatibility, requestUserStats, storeUserStats, sendQueryUGCRequest, getAppDependencies, sendHTTPRequest, requestEligiblePromoItemDefinitionsIDs, startPurchase, requestPrices): its handle, its result's callback ID and size in bytes; the result's own signal follows."},
	SteamShutdown:          {"steam_shutdown", nil, "A player's Steam client is quitting: not emitted to a game server (serverShutdown is the game's own call)."},
	AppResumingFromSuspend: {"app_resuming_from_suspend", nil, "A Steam Deck woke from sleep: not emitted to a game server."},
	FloatingGamepadTextInputDismissed: {"floating_gamepad_text_input_dismissed", nil,
		"A player closed the floating keyboard: not emitted to a game server."},
	FilterTextDictionaryChanged: {"filter_text_dictionary_changed", []Param{intArg("language")},
		"A player's Steam client loaded another filter dictionary: not emitted to a game server."},
	InventoryResultReady: {"inventory_result_ready", []Param{resultArg, intArg("inventory_handle")},
		"An inventory result is done: RESULT_OK, RESULT_EXPIRED (a deserialized result over an hour old, still readable) or a failure. Exactly one per handle; it becomes the current result."},
	InventoryFullUpdate: {"inventory_full_update", []Param{intArg("inventory_handle")},
		"A getAllItems result holds the whole inventory; its inventory_result_ready follows. It becomes the current result."},
	InventoryDefinitionUpdate: {"inventory_definition_update", []Param{arrayArg("definitions")},
		"The item definitions were loaded (loadItemDefinitions): their IDs."},
	InventoryEligiblePromoItem: {"inventory_eligible_promo_item", []Param{resultArg, boolArg("cached"), arrayArg("definitions")},
		"Reply to requestEligiblePromoItemDefinitionsIDs: the manual promo item definitions the user may be given."},
	InventoryStartPurchaseResult: {"inventory_start_purchase_result", []Param{stringArg("result"), intArg("order_id"), intArg("transaction_id")},
		"Reply to startPurchase: \"success\" with the order and transaction IDs, or \"failure\" with 0 and 0."},
	InventoryRequestPricesResult: {"inventory_request_prices_result", []Param{resultArg, stringArg("currency")},
		"Reply to requestPrices: the currency (ISO 4217) the prices are in; getItemPrice and getItemsWithPrices read them from now on."},
	NetworkConnectionStatusChanged: {"network_connection_status_changed", []Param{intArg("connect_handle"), dictArg("connection"), enumArg("old_state", "NetworkingConnectionState")},
		"A connection was created, changed state or ended: `connection` is its getConnectionInfo Dictionary (its `connection_state` is the new state). A listen socket's new connection arrives CONNECTING: acceptConnection or closeConnection it."},
	NetworkAuthenticationStatus: {"network_authentication_status", []Param{enumArg("available", "NetworkingAvailability"), stringArg("debug_message")},
		"The readiness for authenticated connections changed (after initAuthentication): a NetworkingAvailability and a text for logs."},
	FakeIPResult: {"fake_ip_result", []Param{resultArg, intArg("remote_fake_steam_id"), stringArg("fake_ip"), arrayArg("port_list")},
		"Reply to beginAsyncRequestFakeIP: never emitted, as no backend has FakeIP (it needs Steam Datagram Relay)."},
}

// GodotSteamServerParams are GodotSteam Server 4's parameter names where they differ from the
// page's; its SteamServer class registers the signal with these (same order, types and values).
var GodotSteamServerParams = map[ID][]string{
	ValidateAuthTicketResponse: {"steam_id", "response", "owner_id"},
}
