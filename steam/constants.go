package steam

import "slices"

// Constant is one named value as GDScript sees it on the Steam class.
type Constant struct {
	Name  string
	Value int64
}

// Enum is a class enum of the Steam singleton, named and valued as in GodotSteam Server, so scripts
// written for it run unchanged. Values refer to the typed constants the code uses, so each value is
// written once.
type Enum struct {
	Name   string
	Values []Constant
}

// Enums lists every enum the game-server API uses.
var Enums = slices.Concat([]Enum{
	{Name: "AccountType", Values: []Constant{
		{"ACCOUNT_TYPE_INVALID", int64(AccountTypeInvalid)},
		{"ACCOUNT_TYPE_INDIVIDUAL", int64(AccountTypeIndividual)},
		{"ACCOUNT_TYPE_MULTISEAT", int64(AccountTypeMultiseat)},
		{"ACCOUNT_TYPE_GAME_SERVER", int64(AccountTypeGameServer)},
		{"ACCOUNT_TYPE_ANON_GAME_SERVER", int64(AccountTypeAnonGameServer)},
		{"ACCOUNT_TYPE_PENDING", int64(AccountTypePending)},
		{"ACCOUNT_TYPE_CONTENT_SERVER", int64(AccountTypeContentServer)},
		{"ACCOUNT_TYPE_CLAN", int64(AccountTypeClan)},
		{"ACCOUNT_TYPE_CHAT", int64(AccountTypeChat)},
		{"ACCOUNT_TYPE_CONSOLE_USER", int64(AccountTypeConsoleUser)},
		{"ACCOUNT_TYPE_ANON_USER", int64(AccountTypeAnonUser)},
		{"ACCOUNT_TYPE_MAX", int64(AccountTypeMax)},
	}},
	{Name: "AuthSessionResponse", Values: []Constant{
		{"AUTH_SESSION_RESPONSE_OK", int64(AuthSessionOK)},
		{"AUTH_SESSION_RESPONSE_USER_NOT_CONNECTED_TO_STEAM", int64(AuthSessionUserNotConnectedToSteam)},
		{"AUTH_SESSION_RESPONSE_NO_LICENSE_OR_EXPIRED", int64(AuthSessionNoLicenseOrExpired)},
		{"AUTH_SESSION_RESPONSE_VAC_BANNED", int64(AuthSessionVACBanned)},
		{"AUTH_SESSION_RESPONSE_LOGGED_IN_ELSEWHERE", int64(AuthSessionLoggedInElseWhere)},
		{"AUTH_SESSION_RESPONSE_VAC_CHECK_TIMED_OUT", int64(AuthSessionVACCheckTimedOut)},
		{"AUTH_SESSION_RESPONSE_AUTH_TICKET_CANCELED", int64(AuthSessionAuthTicketCanceled)},
		{"AUTH_SESSION_RESPONSE_AUTH_TICKET_INVALID_ALREADY_USED", int64(AuthSessionAuthTicketInvalidAlreadyUsed)},
		{"AUTH_SESSION_RESPONSE_AUTH_TICKET_INVALID", int64(AuthSessionAuthTicketInvalid)},
		{"AUTH_SESSION_RESPONSE_PUBLISHER_ISSUED_BAN", int64(AuthSessionPublisherIssuedBan)},
		{"AUTH_SESSION_RESPONSE_AUTH_TICKET_NETWORK_IDENTITY_FAILURE", int64(AuthSessionNetworkIdentityFailure)},
	}},
	{Name: "BeginAuthSessionResult", Values: []Constant{
		{"BEGIN_AUTH_SESSION_RESULT_OK", int64(BeginAuthSessionOK)},
		{"BEGIN_AUTH_SESSION_RESULT_INVALID_TICKET", int64(BeginAuthSessionInvalidTicket)},
		{"BEGIN_AUTH_SESSION_RESULT_DUPLICATE_REQUEST", int64(BeginAuthSessionDuplicateRequest)},
		{"BEGIN_AUTH_SESSION_RESULT_INVALID_VERSION", int64(BeginAuthSessionInvalidVersion)},
		{"BEGIN_AUTH_SESSION_RESULT_GAME_MISMATCH", int64(BeginAuthSessionGameMismatch)},
		{"BEGIN_AUTH_SESSION_RESULT_EXPIRED_TICKET", int64(BeginAuthSessionExpiredTicket)},
	}},
	{Name: "DenyReason", Values: []Constant{
		{"DENY_INVALID", int64(DenyInvalid)},
		{"DENY_INVALID_VERSION", int64(DenyInvalidVersion)},
		{"DENY_GENERIC", int64(DenyGeneric)},
		{"DENY_NOT_LOGGED_ON", int64(DenyNotLoggedOn)},
		{"DENY_NO_LICENSE", int64(DenyNoLicense)},
		{"DENY_CHEATER", int64(DenyCheater)},
		{"DENY_LOGGED_IN_ELSEWHERE", int64(DenyLoggedInElseWhere)},
		{"DENY_UNKNOWN_TEXT", int64(DenyUnknownText)},
		{"DENY_INCOMPATIBLE_ANTI_CHEAT", int64(DenyIncompatibleAnticheat)},
		{"DENY_MEMORY_CORRUPTION", int64(DenyMemoryCorruption)},
		{"DENY_INCOMPATIBLE_SOFTWARE", int64(DenyIncompatibleSoftware)},
		{"DENY_STEAM_CONNECTION_LOST", int64(DenySteamConnectionLost)},
		{"DENY_STEAM_CONNECTION_ERROR", int64(DenySteamConnectionError)},
		{"DENY_STEAM_RESPONSE_TIMED_OUT", int64(DenySteamResponseTimedOut)},
		{"DENY_STEAM_VALIDATION_STALLED", int64(DenySteamValidationStalled)},
		{"DENY_STEAM_OWNER_LEFT_GUEST_USER", int64(DenySteamOwnerLeftGuestUser)},
	}},
	// GameIDType is the type field of a CGameID (EGameIDType).
	{Name: "GameIDType", Values: []Constant{
		{"GAME_TYPE_APP", 0},
		{"GAME_TYPE_GAME_MOD", 1},
		{"GAME_TYPE_SHORTCUT", 2},
		{"GAME_TYPE_P2P", 3},
	}},
	{Name: "IPType", Values: []Constant{
		{"IP_TYPE_IPV4", int64(IPTypeIPv4)},
		{"IP_TYPE_IPV6", int64(IPTypeIPv6)},
	}},
	{Name: "Result", Values: []Constant{
		{"RESULT_NONE", int64(ResultNone)},
		{"RESULT_OK", int64(ResultOK)},
		{"RESULT_FAIL", int64(ResultFail)},
		{"RESULT_NO_CONNECTION", int64(ResultNoConnection)},
		{"RESULT_INVALID_PASSWORD", int64(ResultInvalidPassword)},
		{"RESULT_LOGGED_IN_ELSEWHERE", int64(ResultLoggedInElsewhere)},
		{"RESULT_INVALID_PROTOCOL_VER", 7},
		{"RESULT_INVALID_PARAM", int64(ResultInvalidParam)},
		{"RESULT_FILE_NOT_FOUND", 9},
		{"RESULT_BUSY", int64(ResultBusy)},
		{"RESULT_INVALID_STATE", int64(ResultInvalidState)},
		{"RESULT_INVALID_NAME", 12},
		{"RESULT_INVALID_EMAIL", 13},
		{"RESULT_DUPLICATE_NAME", 14},
		{"RESULT_ACCESS_DENIED", int64(ResultAccessDenied)},
		{"RESULT_TIMEOUT", int64(ResultTimeout)},
		{"RESULT_BANNED", 17},
		{"RESULT_ACCOUNT_NOT_FOUND", 18},
		{"RESULT_INVALID_STEAMID", 19},
		{"RESULT_SERVICE_UNAVAILABLE", int64(ResultServiceUnavailable)},
		{"RESULT_NOT_LOGGED_ON", int64(ResultNotLoggedOn)},
		{"RESULT_PENDING", 22},
		{"RESULT_ENCRYPTION_FAILURE", 23},
		{"RESULT_INSUFFICIENT_PRIVILEGE", 24},
		{"RESULT_LIMIT_EXCEEDED", int64(ResultLimitExceeded)},
		{"RESULT_REVOKED", 26},
		{"RESULT_EXPIRED", int64(ResultExpired)},
		{"RESULT_ALREADY_REDEEMED", 28},
		{"RESULT_DUPLICATE_REQUEST", 29},
		{"RESULT_ALREADY_OWNED", 30},
		{"RESULT_IP_NOT_FOUND", 31},
		{"RESULT_PERSIST_FAILED", 32},
		{"RESULT_LOCKING_FAILED", 33},
		{"RESULT_LOG_ON_SESSION_REPLACED", 34},
		{"RESULT_CONNECT_FAILED", 35},
		{"RESULT_HANDSHAKE_FAILED", 36},
		{"RESULT_IO_FAILURE", 37},
		{"RESULT_REMOTE_DISCONNECT", 38},
		{"RESULT_SHOPPING_CART_NOT_FOUND", 39},
		{"RESULT_BLOCKED", 40},
		{"RESULT_IGNORED", 41},
		{"RESULT_NO_MATCH", 42},
		{"RESULT_ACCOUNT_DISABLED", 43},
		{"RESULT_SERVICE_READ_ONLY", 44},
		{"RESULT_ACCOUNT_NOT_FEATURED", 45},
		{"RESULT_ADMINISTRATOR_OK", 46},
		{"RESULT_CONTENT_VERSION", 47},
		{"RESULT_TRY_ANOTHER_CM", 48},
		{"RESULT_PASSWORD_REQUIRED_TO_KICK_SESSION", 49},
		{"RESULT_ALREADY_LOGGED_IN_ELSEWHERE", 50},
		{"RESULT_SUSPENDED", 51},
		{"RESULT_CANCELLED", 52},
		{"RESULT_DATA_CORRUPTION", 53},
		{"RESULT_DISK_FULL", 54},
		{"RESULT_REMOTE_CALL_FAILED", 55},
		{"RESULT_PASSWORD_UNSET", 56},
		{"RESULT_EXTERNAL_ACCOUNT_UNLINKED", 57},
		{"RESULT_PSN_TICKET_INVALID", 58},
		{"RESULT_EXTERNAL_ACCOUNT_ALREADY_LINKED", 59},
		{"RESULT_REMOTE_FILE_CONFLICT", 60},
		{"RESULT_ILLEGAL_PASSWORD", 61},
		{"RESULT_SAME_AS_PREVIOUS_VALUE", 62},
		{"RESULT_ACCOUNT_LOG_ON_DENIED", 63},
		{"RESULT_CANNOT_USE_OLD_PASSWORD", 64},
		{"RESULT_INVALID_LOG_IN_AUTH_CODE", 65},
		{"RESULT_ACCOUNT_LOG_ON_DENIED_NO_MAIL", 66},
		{"RESULT_HARDWARE_NOT_CAPABLE_OF_IPT", 67},
		{"RESULT_IPT_INIT_ERROR", 68},
		{"RESULT_PARENTAL_CONTROL_RESTRICTED", 69},
		{"RESULT_FACEBOOK_QUERY_ERROR", 70},
		{"RESULT_EXPIRED_LOGIN_AUTH_CODE", 71},
		{"RESULT_IP_LOGIN_RESTRICTION_FAILED", 72},
		{"RESULT_ACCOUNT_LOCKED_DOWN", 73},
		{"RESULT_ACCOUNT_LOG_ON_DENIED_VERIFIED_EMAIL_REQUIRED", 74},
		{"RESULT_NO_MATCHING_URL", 75},
		{"RESULT_BAD_RESPONSE", 76},
		{"RESULT_REQUIRE_PASSWORD_REENTRY", 77},
		{"RESULT_VALUE_OUT_OF_RANGE", 78},
		{"RESULT_UNEXPECTED_ERROR", 79},
		{"RESULT_DISABLED", 80},
		{"RESULT_INVALID_CEG_SUBMISSION", 81},
		{"RESULT_RESTRICTED_DEVICE", 82},
		{"RESULT_REGION_LOCKED", 83},
		{"RESULT_RATE_LIMIT_EXCEEDED", 84},
		{"RESULT_ACCOUNT_LOGIN_DENIED_NEED_TWO_FACTOR", 85},
		{"RESULT_ITEM_DELETED", 86},
		{"RESULT_ACCOUNT_LOGIN_DENIED_THROTTLE", 87},
		{"RESULT_TWO_FACTOR_CODE_MISMATCH", 88},
		{"RESULT_TWO_FACTOR_ACTIVATION_CODE_MISMATCH", 89},
		{"RESULT_ACCOUNT_ASSOCIATED_TO_MULTIPLE_PARTNERS", 90},
		{"RESULT_NOT_MODIFIED", 91},
		{"RESULT_NO_MOBILE_DEVICE", 92},
		{"RESULT_TIME_NOT_SYNCED", 93},
		{"RESULT_SMS_CODE_FAILED", 94},
		{"RESULT_ACCOUNT_LIMIT_EXCEEDED", 95},
		{"RESULT_ACCOUNT_ACTIVITY_LIMIT_EXCEEDED", 96},
		{"RESULT_PHONE_ACTIVITY_LIMIT_EXCEEDED", 97},
		{"RESULT_REFUND_TO_WALLET", 98},
		{"RESULT_EMAIL_SEND_FAILURE", 99},
		{"RESULT_NOT_SETTLED", 100},
		{"RESULT_NEED_CAPTCHA", 101},
		{"RESULT_GSLT_DENIED", 102},
		{"RESULT_GS_OWNER_DENIED", 103},
		{"RESULT_INVALID_ITEM_TYPE", 104},
		{"RESULT_IP_BANNED", 105},
		{"RESULT_GSLT_EXPIRED", 106},
		{"RESULT_INSUFFICIENT_FUNDS", 107},
		{"RESULT_TOO_MANY_PENDING", 108},
		{"RESULT_NO_SITE_LICENSES_FOUND", 109},
		{"RESULT_WG_NETWORK_SEND_EXCEEDED", 110},
		{"RESULT_ACCOUNT_NOT_FRIENDS", 111},
		{"RESULT_LIMITED_USER_ACCOUNT", 112},
		{"RESULT_CANT_REMOVE_ITEM", 113},
		{"RESULT_ACCOUNT_DELETED", 114},
		{"RESULT_EXISTING_USER_CANCELLED_LICENSE", 115},
		{"RESULT_COMMUNITY_COOLDOWN", 116},
		{"RESULT_NO_LAUNCHER_SPECIFIED", 117},
		{"RESULT_MUST_AGREE_TO_SSA", 118},
		{"RESULT_LAUNCHER_MIGRATED", 119},
		{"RESULT_STEAM_REALM_MISMATCH", 120},
		{"RESULT_INVALID_SIGNATURE", 121},
		{"RESULT_PARSE_FAILURE", 122},
		{"RESULT_NO_VERIFIED_PHONE", 123},
		{"RESULT_INSUFFICIENT_BATTERY", 124},
		{"RESULT_CHARGER_REQUIRED", 125},
		{"RESULT_CACHED_CREDENTIAL_INVALID", 126},
		{"RESULT_PHONE_NUMBER_IS_VOIP", 127},
		{"RESULT_NOT_SUPPORTED", 128},
		{"RESULT_FAMILY_SIZE_LIMIT_EXCEEDED", 129},
		{"RESULT_OFFLINE_APP_CACHE_INVALID", 130},
	}},
	{Name: "ServerMode", Values: []Constant{
		{"SERVER_MODE_INVALID", int64(ServerModeInvalid)},
		{"SERVER_MODE_NO_AUTHENTICATION", int64(ServerModeNoAuthentication)},
		{"SERVER_MODE_AUTHENTICATION", int64(ServerModeAuthentication)},
		{"SERVER_MODE_AUTHENTICATION_AND_SECURE", int64(ServerModeAuthenticationAndSecure)},
	}},
	{Name: "SteamAPIInitResult", Values: []Constant{
		{"STEAM_API_INIT_RESULT_OK", int64(InitOK)},
		{"STEAM_API_INIT_RESULT_FAILED_GENERIC", int64(InitFailedGeneric)},
		{"STEAM_API_INIT_RESULT_NO_STEAM_CLIENT", int64(InitNoSteamClient)},
		{"STEAM_API_INIT_RESULT_VERSION_MISMATCH", int64(InitVersionMismatch)},
	}},
	{Name: "Universe", Values: []Constant{
		{"UNIVERSE_INVALID", int64(UniverseInvalid)},
		{"UNIVERSE_PUBLIC", int64(UniversePublic)},
		{"UNIVERSE_BETA", int64(UniverseBeta)},
		{"UNIVERSE_INTERNAL", int64(UniverseInternal)},
		{"UNIVERSE_DEV", int64(UniverseDev)},
		{"UNIVERSE_MAX", int64(UniverseMax)},
	}},
	{Name: "UserHasLicenseForAppResult", Values: []Constant{
		{"USER_HAS_LICENSE_RESULT_HAS_LICENSE", int64(UserHasLicense)},
		{"USER_HAS_LICENSE_RESULT_DOES_NOT_HAVE_LICENSE", int64(UserDoesNotHaveLicense)},
		{"USER_HAS_LICENSE_RESULT_NO_AUTH", int64(UserLicenseNoAuth)},
	}},
}, UGCEnums, HTTPEnums, UtilsEnums, InventoryEnums, NetworkingEnums)

// Constants are the plain (enum-less) constants of the Steam class, with Steamworks' values
// (steamclientpublic.h, steamtypes.h, steam_api_common.h) under GodotSteam Server's names.
var Constants = slices.Concat([]Constant{
	{"QUERY_PORT_SHARED", int64(QueryPortShared)},
	{"QUERY_PORT_ERROR", int64(QueryPortError)},
	{"QUERY_PORT_NOT_INITIALIZED", int64(QueryPortNotInitialized)},
	// The "none" values of Steam's handles and IDs.
	{"AUTH_TICKET_INVALID", 0},
	{"APP_ID_INVALID", 0},
	{"ACCOUNT_ID_INVALID", 0},
	{"API_CALL_INVALID", 0},
	{"DEPOT_ID_INVALID", 0},
	{"INVALID_BREAKPAD_HANDLE", 0},
	// Buffer sizes: Steam's error message, CGameID extra info, and its callback buffers.
	{"STEAM_MAX_ERROR_MESSAGE", 1024},
	{"GAME_EXTRA_INFO_MAX", 64},
	{"STEAM_BUFFER_SIZE", 255},
	{"STEAM_LARGE_BUFFER_SIZE", 8160},
	// The fields of a Steam ID, and the instances of an individual account.
	{"STEAM_ACCOUNT_ID_MASK", 0xFFFFFFFF},
	{"STEAM_ACCOUNT_INSTANCE_MASK", 0xFFFFF},
	{"STEAM_USER_DESKTOP_INSTANCE", UserDesktopInstance},
	{"STEAM_USER_CONSOLE_INSTANCE", UserConsoleInstance},
	{"STEAM_USER_WEB_INSTANCE", UserWebInstance},
	// The Workshop's page size and "no handle" values.
	{"NUM_UGC_RESULTS_PER_PAGE", UGCResultsPerPage},
	{"UGC_QUERY_HANDLE_INVALID", -1},
	{"UGC_UPDATE_HANDLE_INVALID", -1},
}, HTTPConstants, InventoryConstants, NetworkingConstants)

// CheckEnumValue accepts v when it is a value of the enum named enum (one of Enums), for the
// argument arg.
func CheckEnumValue(enum, arg string, v int64) error {
	for _, e := range Enums {
		if e.Name != enum {
			continue
		}
		for _, c := range e.Values {
			if c.Value == v {
				return nil
			}
		}
		return argErrorf(arg, "must be a %s value, got %d", enum, v)
	}
	return argErrorf(arg, "names no known enum %s", enum)
}
