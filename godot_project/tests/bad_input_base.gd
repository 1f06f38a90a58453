## What the bad-input suites share (test_bad_input.gd sweeps every argument of every method,
## test_bad_input_typed.gd makes typed and direct calls with extremes): the test values, and for
## each method of both classes the rule of what it accepts and the safe value it returns when refused.
extends TestSuite

const API := preload("res://tests/api_table.gen.gd")
const InventoryRows := preload("res://tests/bad_input_inventory.gd")
const NetRows := preload("res://tests/bad_input_net.gd")

const PLAYER := 76561197960287930
const GROUP := 103582791429521412
const MAX_INT := 9223372036854775807
const MIN_INT := -9223372036854775808
const U32 := 4294967295
const I32_MIN := -2147483648
const I32_MAX := 2147483647
## The default (Spacewar-modelled) inventory schema's definitions, and the lists' bound.
const ITEM_DEFS := [10, 100, 101, 102, 103, 110, 111, 120, 121]
const MAX_LIST := 256

var big_string := "x".repeat(1 << 20)
var bytes_64k := PackedByteArray()
var garbage_ticket := PackedByteArray()
var a2s_info := PackedByteArray([0xFF, 0xFF, 0xFF, 0xFF, 0x54, 0x53, 0x6F, 0x75, 0x72, 0x63, 0x65, 0x00])
var values := []
## The player's Workshop calls (refused on a game server) and the failure value each returns.
const PLAYER_CALLS := {
	"createItem": null, "startItemUpdate": -1, "setItemTitle": false, "setItemDescription": false, "setItemUpdateLanguage": false,
	"setItemMetadata": false, "setItemVisibility": false, "setItemTags": false, "setItemContent": false, "setItemPreview": false,
	"setRequiredGameVersions": false, "addItemKeyValueTag": false, "removeItemKeyValueTags": false, "addItemPreviewFile": false,
	"addItemPreviewVideo": false, "updateItemPreviewFile": false, "updateItemPreviewVideo": false, "removeItemPreview": false,
	"addContentDescriptor": false, "removeContentDescriptor": false, "submitItemUpdate": null, "getItemUpdateProgress": {},
	"deleteItem": null, "addDependency": null, "removeDependency": null, "addAppDependency": null, "removeAppDependency": null,
	"setUserItemVote": null, "getUserItemVote": null, "addItemToFavorites": null, "removeItemFromFavorites": null,
	"subscribeItem": null, "unsubscribeItem": null, "startPlaytimeTracking": null, "stopPlaytimeTracking": null,
	"stopPlaytimeTrackingForAllItems": null, "getUserContentDescriptorPreferences": [], "showWorkshopEULA": false,
	"getWorkshopEULAStatus": null,
}

# name -> {args: [[kind, baseline value], ...], safe: value returned when refused, touches: state keys
# the call may change}. The setters' rows and enum ranges come from the fixture (api_table.gen.gd). Kinds say what a value must be for the call to go through once the server runs:
#   ["str", max bytes or -1], ["text", min bytes, max bytes], ["ip"], ["int", lo, hi], ["bool"],
#   ["ids"] an Array of 1 to 50 non-zero ints, ["tags"] an Array of 1 to 1024 Strings of 1 to 255 bytes,
#   ["lang"] a Steam API language code (1 to 32 lower-case letters), ["sid"] a valid Steam ID, ["sid0"] 0 or a valid Steam ID, ["nonzero"] any int but 0,
#   ["bytes", min size, max size], ["float"] an int or a finite float a 32-bit float holds,
#   ["positive"] such a number above 0, ["never"]: none of the test values can be right there (the baseline is),
#   inventory: ["def"] one of ITEM_DEFS, ["defs"] a list (Array, PackedInt32Array or PackedInt64Array) of 1 to
#   MAX_LIST of them, ["items"] a list of 1 to MAX_LIST distinct item IDs (not 0 or -1), ["item"] one such ID,
#   ["item_not", id] one but id, ["qty", n, max] a list of no quantities or of n from 1 to max, ["h32"] a
#   32-bit int but -1, ["pname"] a property name (1 to 64 ASCII letters, digits, underscores),
#   networking: ["opts"] an options Dictionary (of the test values only the empty one), ["addr"] a
#   listen address Steam parses ("", or an IPv4 address with its port; of the test values only "").
# "pure": the call needs no game server (the Steam ID tests), so it is not refused before serverInit.
var methods := {}
# class -> its table: Steam's is methods; SteamServer's differs where its signatures do.
var tables := {}
# The class under test, and its table (_use).
var cls := "Steam"
var target: Object
var rules := {}

var no_ticket := {"id": 0, "buffer": PackedByteArray(), "size": 0, "ticket_size": 0}
var _property_name := RegEx.create_from_string("^[A-Za-z0-9_]{1,64}$")
var not_taken := {"data": PackedByteArray()}
var connect_data := {"ip": "127.0.0.1", "game_port": 27015, "query_port": 27016}


func _init() -> void:
	bytes_64k.resize(65536)
	garbage_ticket.resize(81)
	garbage_ticket.fill(2) # right version byte and size, wrong MAC: always InvalidTicket
	values = [null, "str", 1.5, [], {}, Vector2(), PackedByteArray(), -1, 0, MAX_INT, MIN_INT, big_string,
		bytes_64k, true, false, &"name", 3.0, NAN, INF, -INF, Color(1, 0, 0), PackedInt32Array([1]),
		RefCounted.new(), NodePath("a/b"), Vector2i(1, 1), [1, 2, 3], {"buffer": 5}]
	var init_args := [["ip", "127.0.0.1"], ["int", 0, 65535, 27015], ["int", 0, 65535, 27016], ["int", 1, 3, 2], ["str", 63, "1.0"]]
	methods = {
		"serverInit": {"args": init_args, "safe": false, "init": true},
		"serverInitEx": {"args": init_args, "safe": "initex", "init": true},
		"initGameServer": {"args": [["never", connect_data], ["int", 0, U32, 480], ["str", 63, "1.0"]], "safe": false, "init": true},
		"associateWithClan": {"args": [["nonzero", GROUP]], "safe": null},
		"beginAuthSession": {"args": [["never", garbage_ticket], ["sid", PLAYER]], "safe": 1},
		"cancelServerAuthTicket": {"args": [["int", 1, U32, 1]], "safe": null},
		"cancelAuthTicket": {"args": [["int", 1, U32, 1]], "safe": null},
		"computeNewPlayerCompatibility": {"args": [["sid", PLAYER]], "safe": null},
		"endAuthSession": {"args": [["sid", PLAYER]], "safe": null},
		"getAuthSessionTicket": {"args": [["str", -1, ""]], "safe": no_ticket},
		"getServerAuthSessionTicket": {"args": [["str", -1, ""]], "safe": no_ticket},
		"handleIncomingPacket": {"args": [["bytes", 1, 65507, a2s_info], ["ip", "127.0.0.1"], ["int", 1, 65535, 27005]], "safe": not_taken},
		"logOn": {"args": [["text", 1, 1023, "token"]], "safe": null},
		"requestUserGroupStatus": {"args": [["sid", PLAYER], ["nonzero", GROUP]], "safe": false},
		"setKeyValue": {"args": [["text", 1, 127, "k"], ["str", 255, "v"]], "safe": null, "touches": ["key_values"]},
		"userHasLicenceForApp": {"args": [["sid", PLAYER], ["int", 0, U32, 480]], "safe": 2},
		"userHasLicenseForApp": {"args": [["sid", PLAYER], ["int", 0, U32, 480]], "safe": 2},
		# Methods without arguments: only the argument-count checks apply.
		"serverShutdown": {"args": [], "safe": null},
		"serverReleaseCurrentThreadMemory": {"args": [], "safe": null},
		"run_callbacks": {"args": [], "safe": null},
		"isServerSecure": {"args": [], "safe": false},
		"getServerSteamID": {"args": [], "safe": 0},
		"clearAllKeyValues": {"args": [], "safe": null},
		"getNextOutgoingPacket": {"args": [], "safe": {"length": 0, "out": PackedByteArray(), "address": 0, "port": 0}},
		"getPublicIP": {"args": [], "safe": {"ipv4": 0, "ipv6": 0, "type": 0}},
		"getSteamID": {"args": [], "safe": 0},
		"loggedOn": {"args": [], "safe": false},
		"logOff": {"args": [], "safe": null},
		"logOnAnonymous": {"args": [], "safe": null},
		"secure": {"args": [], "safe": false},
		"wasRestartRequested": {"args": [], "safe": false},
		"getServerState": {"args": [], "safe": {}}, # never refused; only the count checks apply
		# Player connections
		"sendUserConnectAndAuthenticate": {"args": [["int", 0, U32, 167772162], ["never", garbage_ticket], ["sid", PLAYER]], "safe": false},
		"createUnauthenticatedUserConnection": {"args": [], "safe": 0},
		"sendUserDisconnect": {"args": [["sid", PLAYER]], "safe": null},
		"updateUserData": {"args": [["sid", PLAYER], ["str", 127, "name"], ["int", -2147483648, U32, 5]], "safe": false},
		# Offline scripting
		"offlineIssueTicket": {"args": [["sid", PLAYER], ["int", 0, U32, 0]], "safe": no_ticket},
		"offlineKickClient": {"args": [["sid", PLAYER], _enum_rule("DenyReason", 2)], "safe": null},
		"offlineDenyClient": {"args": [["sid", PLAYER], _enum_rule("DenyReason", 2)], "safe": null},
		"offlineAuthSessionResponse": {"args": [["sid", PLAYER], _enum_rule("AuthSessionResponse", 1)], "safe": null},
		"offlineConnectFailure": {"args": [["int", 1, 2147483647, 3], ["bool", true]], "safe": null},
		"offlineDisconnect": {"args": [["int", 1, 2147483647, 3]], "safe": null},
		"offlinePolicyResponse": {"args": [["bool", true]], "safe": null},
		"offlineRequestRestart": {"args": [], "safe": null},
		# GodotSteam Server 4's helpers: any int is a Steam ID to test.
		"getAppID": {"args": [], "safe": 0},
		"getSteamID32": {"args": [["int", MIN_INT, MAX_INT, PLAYER]], "safe": 0, "pure": true},
		# Game Server Stats: PLAYER has no session, so calls that go through are refused by the
		# backend with the same safe value (test_stats checks those refusals).
		"clearUserAchievement": {"args": [["sid", PLAYER], ["text", 1, 128, "ACH"]], "safe": false},
		"getUserAchievement": {"args": [["sid", PLAYER], ["text", 1, 128, "ACH"]], "safe": {}},
		"getUserStatFloat": {"args": [["sid", PLAYER], ["text", 1, 128, "Feet"]], "safe": 0.0},
		"getUserStatInt": {"args": [["sid", PLAYER], ["text", 1, 128, "Kills"]], "safe": 0},
		"requestUserStats": {"args": [["sid", PLAYER]], "safe": null},
		"setUserAchievement": {"args": [["sid", PLAYER], ["text", 1, 128, "ACH"]], "safe": false},
		"setUserStatFloat": {"args": [["sid", PLAYER], ["text", 1, 128, "Feet"], ["float", 1.5]], "safe": false},
		"setUserStatInt": {"args": [["sid", PLAYER], ["text", 1, 128, "Kills"], ["int", -2147483648, 2147483647, 1]], "safe": false},
		"storeUserStats": {"args": [["sid", PLAYER]], "safe": null},
		"updateUserAvgRateStat": {"args": [["sid", PLAYER], ["text", 1, 128, "Speed"], ["float", 1.0], ["positive", 1.0]], "safe": false},
		"get_godotsteam_version": {"args": [], "safe": "", "pure": true},
		# The Workshop: the workshop is not initialized and no query is open, so calls that go
		# through are refused by the backend with the same safe value (test_workshop checks them).
		"initWorkshopForGameServer": {"args": [["int", 1, U32, 480], ["never", ProjectSettings.globalize_path("user://bad_input_workshop")]], "safe": false},
		"createQueryAllUGCRequest": {"args": [_enum_rule("UGCQuery", 0), _enum_rule("UGCMatchingUGCType", 0), ["int", 0, U32, 0], ["int", 0, U32, 480], ["int", 1, U32, 1]], "safe": -1},
		"createQueryUGCDetailsRequest": {"args": [["ids", [1001]]], "safe": -1},
		"addRequiredTag": {"args": [["int", MIN_INT, MAX_INT, 1], ["text", 1, 255, "map"]], "safe": false},
		"addExcludedTag": {"args": [["int", MIN_INT, MAX_INT, 1], ["text", 1, 255, "map"]], "safe": false},
		"addRequiredKeyValueTag": {"args": [["int", MIN_INT, MAX_INT, 1], ["text", 1, 255, "k"], ["str", 255, "v"]], "safe": false},
		"setSearchText": {"args": [["int", MIN_INT, MAX_INT, 1], ["str", 255, "x"]], "safe": false},
		"setAllowCachedResponse": {"args": [["int", MIN_INT, MAX_INT, 1], ["int", 0, U32, 10]], "safe": false},
		"setRankedByTrendDays": {"args": [["int", MIN_INT, MAX_INT, 1], ["int", 0, U32, 7]], "safe": false},
		"sendQueryUGCRequest": {"args": [["int", MIN_INT, MAX_INT, 1]], "safe": null},
		"getQueryUGCResult": {"args": [["int", MIN_INT, MAX_INT, 1], ["int", 0, 49, 0]], "safe": {}},
		"releaseQueryUGCRequest": {"args": [["int", MIN_INT, MAX_INT, 1]], "safe": false},
		"getQueryUGCNumTags": {"args": [["int", MIN_INT, MAX_INT, 1], ["int", 0, 49, 0]], "safe": 0},
		"getQueryUGCTag": {"args": [["int", MIN_INT, MAX_INT, 1], ["int", 0, 49, 0], ["int", 0, U32, 0]], "safe": ""},
		"getQueryUGCNumKeyValueTags": {"args": [["int", MIN_INT, MAX_INT, 1], ["int", 0, 49, 0]], "safe": 0},
		"getQueryUGCMetadata": {"args": [["int", MIN_INT, MAX_INT, 1], ["int", 0, 49, 0]], "safe": ""},
		"getQueryUGCPreviewURL": {"args": [["int", MIN_INT, MAX_INT, 1], ["int", 0, 49, 0]], "safe": ""},
		"downloadItem": {"args": [["nonzero", 1001], ["bool", true]], "safe": false},
		"getItemDownloadInfo": {"args": [["nonzero", 1001]], "safe": {"ret": false}},
		"getItemInstallInfo": {"args": [["nonzero", 1001]], "safe": {"ret": false}},
		"getItemState": {"args": [["nonzero", 1001]], "safe": 0},
		"getNumSubscribedItems": {"args": [], "safe": 0},
		"getSubscribedItems": {"args": [], "safe": []},
		# HTTP: no request or container is open (each method's sweep starts a fresh server), so calls
		# that go through are refused by the backend with the same safe value (test_http checks them).
		"createCookieContainer": {"args": [["bool", true]], "safe": 0},
		"createHTTPRequest": {"args": [["int", 1, 7, 1], ["never", "http://127.0.0.1:9/"]], "safe": 0},
		"getHTTPResponseBodyData": {"args": [["int", 1, U32, 1], ["int", 0, U32, 16]], "safe": PackedByteArray()},
		"getHTTPResponseHeaderSize": {"args": [["int", 1, U32, 1], ["text", 1, 8192, "Content-Type"]], "safe": 0},
		"getHTTPResponseHeaderValue": {"args": [["int", 1, U32, 1], ["text", 1, 8192, "Content-Type"], ["int", 0, U32, 16]], "safe": PackedByteArray()},
		"getHTTPStreamingResponseBodyData": {"args": [["int", 1, U32, 1], ["int", 0, U32, 0], ["int", 0, U32, 16]], "safe": PackedByteArray()},
		"getHTTPResponseBodySize": {"args": [["int", 1, U32, 1]], "safe": 0},
		"getHTTPDownloadProgressPct": {"args": [["int", 1, U32, 1]], "safe": 0.0},
		"setHTTPCookie": {"args": [["int", 1, U32, 1], ["str", 255, "127.0.0.1"], ["str", 8192, "/"], ["never", "a=b"]], "safe": false},
		"setHTTPRequestAbsoluteTimeoutMS": {"args": [["int", 1, U32, 1], ["int", 0, U32, 1000]], "safe": false},
		"setHTTPRequestContextValue": {"args": [["int", 1, U32, 1], ["int", MIN_INT, MAX_INT, 5]], "safe": false},
		"setHTTPRequestCookieContainer": {"args": [["int", 1, U32, 1], ["int", 1, U32, 1]], "safe": false},
		"setHTTPRequestGetOrPostParameter": {"args": [["int", 1, U32, 1], ["text", 1, 65536, "k"], ["str", 65536, "v"]], "safe": false},
		"setHTTPRequestHeaderValue": {"args": [["int", 1, U32, 1], ["text", 1, 8192, "X-Test"], ["str", 8192, "v"]], "safe": false},
		"setHTTPRequestNetworkActivityTimeout": {"args": [["int", 1, U32, 1], ["int", 0, U32, 60]], "safe": false},
		"setHTTPRequestRawPostBody": {"args": [["int", 1, U32, 1], ["str", 8192, "text/plain"], ["str", -1, "body"]], "safe": false},
		"setHTTPRequestRequiresVerifiedCertificate": {"args": [["int", 1, U32, 1], ["bool", true]], "safe": false},
		"setHTTPRequestUserAgentInfo": {"args": [["int", 1, U32, 1], ["str", 1024, "game/1"]], "safe": false},
		# Utils (getAppID is above). Offline there are no images: a handle that goes through is
		# still refused, with the same Dictionary (test_utils checks it).
		"filterText": {"args": [_enum_rule("TextFilteringContext", 2), ["sid0", PLAYER], ["str", -1, "hello"]], "safe": ""},
		"getAPICallFailureReason": {"args": [], "safe": ""},
		"getCurrentBatteryPower": {"args": [], "safe": 0},
		"getImageRGBA": {"args": [["int", -2147483648, 2147483647, 1]], "safe": {"success": false}},
		"getImageSize": {"args": [["int", -2147483648, 2147483647, 1]], "safe": {"success": false, "width": 0, "height": 0}},
		"getIPCCallCount": {"args": [], "safe": 0},
		"getIPCountry": {"args": [], "safe": ""},
		"getSecondsSinceAppActive": {"args": [], "safe": 0},
		"getSecondsSinceComputerActive": {"args": [], "safe": 0},
		"getServerRealTime": {"args": [], "safe": 0},
		"getSteamUILanguage": {"args": [], "safe": ""},
		"initFilterText": {"args": [], "safe": false},
		"isAPICallCompleted": {"args": [], "safe": {"completed": false, "failed": false}},
		# Utils about a player's Steam client: refused whatever the values; only their types are checked.
		"setGameLauncherMode": {"args": [["bool", true]], "safe": null},
		"setOverlayNotificationInset": {"args": [["int", MIN_INT, MAX_INT, 10], ["int", MIN_INT, MAX_INT, 10]], "safe": null},
		"setOverlayNotificationPosition": {"args": [["int", MIN_INT, MAX_INT, 1]], "safe": null},
		"setVRHeadsetStreamingEnabled": {"args": [["bool", true]], "safe": null},
		"showFloatingGamepadTextInput": {"args": [["int", MIN_INT, MAX_INT, 0], ["int", MIN_INT, MAX_INT, 0], ["int", MIN_INT, MAX_INT, 0],
			["int", MIN_INT, MAX_INT, 100], ["int", MIN_INT, MAX_INT, 20]], "safe": false},
		"showGamepadTextInput": {"args": [["int", MIN_INT, MAX_INT, 0], ["int", MIN_INT, MAX_INT, 0], ["str", -1, "Name"],
			["int", MIN_INT, MAX_INT, 32], ["str", -1, ""]], "safe": false},
		"createQueryUserUGCRequest": {"args": [["int", 1, U32, 1], _enum_rule("UserUGCList", 0), _enum_rule("UGCMatchingUGCType", 0),
			_enum_rule("UserUGCListSortOrder", 0), ["int", 0, U32, 0], ["int", 0, U32, 480], ["int", 1, U32, 1]], "safe": -1},
		"addRequiredTagGroup": {"args": [["int", MIN_INT, MAX_INT, 1], ["tags", ["map"]]], "safe": false},
		"setTimeCreatedDateRange": {"args": [["int", MIN_INT, MAX_INT, 1], ["int", 0, U32, 0], ["int", 0, U32, 10]], "safe": false},
		"setTimeUpdatedDateRange": {"args": [["int", MIN_INT, MAX_INT, 1], ["int", 0, U32, 0], ["int", 0, U32, 10]], "safe": false},
		"setReturnPlaytimeStats": {"args": [["int", MIN_INT, MAX_INT, 1], ["int", 0, U32, 7]], "safe": false},
		"setLanguage": {"args": [["int", MIN_INT, MAX_INT, 1], ["lang", "english"]], "safe": false},
		"setCloudFileNameFilter": {"args": [["int", MIN_INT, MAX_INT, 1], ["str", 260, "map.bin"]], "safe": false},
		"getQueryUGCTagDisplayName": {"args": [["int", MIN_INT, MAX_INT, 1], ["int", 0, 49, 0], ["int", 0, U32, 0]], "safe": ""},
		"getQueryUGCKeyValueTag": {"args": [["int", MIN_INT, MAX_INT, 1], ["int", 0, 49, 0], ["int", 0, U32, 0]], "safe": {}},
		"getQueryUGCAdditionalPreview": {"args": [["int", MIN_INT, MAX_INT, 1], ["int", 0, 49, 0], ["int", 0, U32, 0]], "safe": {}},
		"getSupportedGameVersionData": {"args": [["int", MIN_INT, MAX_INT, 1], ["int", 0, 49, 0], ["int", 0, U32, 0]], "safe": {}},
		"getQueryUGCChildren": {"args": [["int", MIN_INT, MAX_INT, 1], ["int", 0, 49, 0], ["int", 0, U32, 5]], "safe": {}},
		"getQueryUGCContentDescriptors": {"args": [["int", MIN_INT, MAX_INT, 1], ["int", 0, 49, 0], ["int", 0, U32, 5]], "safe": {}},
		"getQueryUGCStatistic": {"args": [["int", MIN_INT, MAX_INT, 1], ["int", 0, 49, 0], _enum_rule("ItemStatistic", 0)], "safe": {}},
		"getQueryUGCNumAdditionalPreviews": {"args": [["int", MIN_INT, MAX_INT, 1], ["int", 0, 49, 0]], "safe": 0},
		"getNumSupportedGameVersions": {"args": [["int", MIN_INT, MAX_INT, 1], ["int", 0, 49, 0]], "safe": 0},
		"suspendDownloads": {"args": [["bool", false]], "safe": null},
		"getAppDependencies": {"args": [["nonzero", 1001]], "safe": null},
	}
	methods.merge(InventoryRows.rows(PLAYER, garbage_ticket))
	methods.merge(NetRows.rows(PLAYER))
	for client in API.CLIENT_CALLS:
		if API.METHODS[client].args.is_empty():
			methods[client] = {"args": [], "safe": API.CLIENT_CALLS[client][1]}
	for flag in ["setMatchAnyTag", "setReturnKeyValueTags", "setReturnMetadata", "setReturnLongDescription", "setReturnChildren",
			"setReturnTotalOnly", "setReturnOnlyIDs", "setReturnAdditionalPreviews", "setAdminQuery"]:
		methods[flag] = {"args": [["int", MIN_INT, MAX_INT, 1], ["bool", true]], "safe": false}
	for handle_only in ["deferHTTPRequest", "prioritizeHTTPRequest", "releaseHTTPRequest", "sendHTTPRequest",
			"sendHTTPRequestAndStreamResponse", "getHTTPRequestWasTimedOut", "releaseCookieContainer"]:
		methods[handle_only] = {"args": [["int", 1, U32, 1]], "safe": false}
	# The player's Workshop calls: refused whatever their arguments ("never" is right), with GodotSteam
	# Server 4's failure value.
	for name in PLAYER_CALLS:
		methods[name] = {"args": player_call_args(name).map(func(v): return ["never", v]), "safe": PLAYER_CALLS[name]}
	for test in ["isAnonAccount", "isAnonUserAccount", "isChatAccount", "isClanAccount", "isConsoleUserAccount", "isIndividualAccount", "isLobby", "isSteamIDValid"]:
		methods[test] = {"args": [["int", MIN_INT, MAX_INT, PLAYER]], "safe": false, "pure": true}
	# The one-argument setters, from the fixture's fields: what each accepts and the key it changes.
	for name in API.METHODS:
		var field: Dictionary = API.METHODS[name].field
		if field.is_empty():
			continue
		var rule: Array = ["bool", true]
		if field.max_len > 0:
			rule = ["str", field.max_len, "v"]
		elif API.METHODS[name].args[0][1] == TYPE_INT:
			rule = ["int", field.min, field.max, field.min + 1]
		methods[name] = {"args": [rule], "safe": null, "touches": [field.key]}
	# SteamServer: GodotSteam Server 4's ticket_size (1 to the ticket's 81 bytes) and remote_steam_id.
	var server := methods.duplicate(true)
	# A ticket of at least 81 bytes goes through, cut to ticket_size (and then fails Steam's checks).
	server["beginAuthSession"] = {"args": [["bytes", 81, MAX_INT, garbage_ticket], ["int", 1, 81, 81], ["sid", PLAYER]], "safe": 1}
	server["getAuthSessionTicket"] = {"args": [["sid0", 0]], "safe": no_ticket}
	tables = {"Steam": methods, "SteamServer": server}


## Arguments of the declared types for a player's Workshop call (PLAYER_CALLS), which refuses any.
static func player_call_args(name: String) -> Array:
	var of_type := {TYPE_INT: 1, TYPE_STRING: "x", TYPE_BOOL: true, TYPE_ARRAY: [1001]}
	return API.METHODS[name].args.map(func(a): return of_type[a[1]])


## Makes class_name_ the class under test.
func _use(class_name_: String) -> void:
	cls = class_name_
	target = Engine.get_singleton(cls)
	rules = tables[cls]


## An int argument holding a value of one of Steam's enums: any value from its smallest to its largest.
func _enum_rule(enum_name: String, baseline: int) -> Array:
	var span: Array = API.ENUMS[enum_name]
	return ["int", span[0], span[1], baseline]


# ---- What the extension accepts ---------------------------------------------------------------------

func _intlike(v: Variant) -> bool:
	match typeof(v):
		TYPE_INT, TYPE_BOOL:
			return true
		TYPE_FLOAT:
			var f: float = v
			return is_finite(f) and f == floorf(f) and f >= -9223372036854775808.0 and f < 9223372036854775808.0
	return false


func _int_of(v: Variant) -> int:
	return int(v)


func _is_text(v: Variant) -> bool:
	return typeof(v) == TYPE_STRING or typeof(v) == TYPE_STRING_NAME


func _utf8_len(v: Variant) -> int:
	return String(v).to_utf8_buffer().size()


func _valid_sid(id: int) -> bool:
	var universe := (id >> 56) & 0xFF
	var kind := (id >> 52) & 0xF
	return universe >= 1 and universe <= 4 and kind >= 1 and kind <= 10 and (id & 0xFFFFFFFF) != 0


func _accepts(kind: Array, v: Variant) -> bool:
	match kind[0]:
		"str":
			return _is_text(v) and (kind[1] < 0 or _utf8_len(v) <= kind[1])
		"text":
			return _is_text(v) and _utf8_len(v) >= kind[1] and _utf8_len(v) <= kind[2]
		"ip":
			return _is_text(v) and (String(v) == "" or (String(v).count(".") == 3 and String(v).is_valid_ip_address()))
		"int":
			return _intlike(v) and _int_of(v) >= kind[1] and _int_of(v) <= kind[2]
		"bool":
			return _intlike(v)
		"sid":
			return _intlike(v) and _valid_sid(_int_of(v))
		"ids":
			return v is Array and v.size() >= 1 and v.size() <= 50 and v.all(func(e): return _intlike(e) and _int_of(e) != 0)
		"tags":
			return v is Array and v.size() >= 1 and v.size() <= 1024 and v.all(func(e): return _is_text(e) and _utf8_len(e) >= 1 and _utf8_len(e) <= 255)
		"lang":
			return _is_text(v) and RegEx.create_from_string("^[a-z]{1,32}$").search(String(v)) != null
		"sid0":
			return _intlike(v) and (_int_of(v) == 0 or _valid_sid(_int_of(v)))
		"nonzero":
			return _intlike(v) and _int_of(v) != 0
		"bytes":
			return v is PackedByteArray and v.size() >= kind[1] and v.size() <= kind[2]
		"float":
			return _floatlike(v)
		"positive":
			return _floatlike(v) and float(v) > 0
		"def":
			return _intlike(v) and _int_of(v) in ITEM_DEFS
		"defs":
			return _int_list(v) and v.size() >= 1 and v.size() <= MAX_LIST and Array(v).all(func(e): return _int_of(e) in ITEM_DEFS)
		"items":
			return _int_list(v) and v.size() >= 1 and v.size() <= MAX_LIST and Array(v).all(func(e): return _item_id(e)) and _distinct(v)
		"item":
			return _intlike(v) and _item_id(v)
		"item_not":
			return _intlike(v) and _item_id(v) and _int_of(v) != kind[1]
		"qty":
			return _int_list(v) and (v.size() == 0 or v.size() == kind[1]) and Array(v).all(func(e): return _int_of(e) >= 1 and _int_of(e) <= kind[2])
		"h32":
			return _intlike(v) and _int_of(v) >= I32_MIN and _int_of(v) <= I32_MAX and _int_of(v) != -1
		"pname":
			return _is_text(v) and _property_name.search(String(v)) != null
		"opts":
			return v is Dictionary and v.is_empty()
		"addr":
			return _is_text(v) and (String(v).is_empty() or String(v).get_slice(":", 0).is_valid_ip_address())
	return false


## A list GodotSteam takes for a PackedInt64Array or PackedInt32Array: one of those, or an Array of
## ints (an int-like float too) of at most 1024 entries.
func _int_list(v: Variant) -> bool:
	if v is PackedInt32Array or v is PackedInt64Array:
		return v.size() <= 1024
	return v is Array and v.size() <= 1024 and v.all(func(e): return _intlike(e))


func _item_id(v: Variant) -> bool:
	return _int_of(v) != 0 and _int_of(v) != -1


func _distinct(v: Variant) -> bool:
	var seen := {}
	for e in v:
		if seen.has(_int_of(e)):
			return false
		seen[_int_of(e)] = true
	return true


## What a float argument accepts: an int, or a finite float within a 32-bit float's range (the
## extension refuses NaN, infinities and larger values by name). A bool is not a number here.
func _floatlike(v: Variant) -> bool:
	match typeof(v):
		TYPE_INT:
			return true
		TYPE_FLOAT:
			return is_finite(v) and absf(v) <= 3.4028234663852886e38
	return false


func _baseline(row: Dictionary) -> Array:
	return row.args.map(func(a): return a[a.size() - 1])


func _describe(v: Variant) -> String:
	match typeof(v):
		TYPE_STRING, TYPE_STRING_NAME:
			return "%s of %d bytes" % [type_string(typeof(v)), _utf8_len(v)] if String(v).length() > 40 else var_to_str(v)
		TYPE_PACKED_BYTE_ARRAY:
			return "PackedByteArray(%d bytes)" % v.size()
		TYPE_OBJECT:
			return "Object(%s)" % v.get_class()
	return var_to_str(v)


func _restart() -> void:
	if Steam.getServerState().initialized:
		Steam.serverShutdown()
	check(Steam.serverInit("127.0.0.1", 27015, 65535, 2, "1.0"), "serverInit failed")
	pump()


## Every argument of every method, replaced in turn by every test value.
