package steam

// Values are Steamworks' own (steam_api_common.h, isteamgameserver.h); GDScript sees them as ints.

// Result is EResult, the general Steam status code.
type Result int32

const (
	ResultNone               Result = 0
	ResultOK                 Result = 1
	ResultFail               Result = 2
	ResultNoConnection       Result = 3
	ResultInvalidPassword    Result = 5
	ResultLoggedInElsewhere  Result = 6
	ResultInvalidParam       Result = 8
	ResultBusy               Result = 10
	ResultInvalidState       Result = 11
	ResultAccessDenied       Result = 15
	ResultTimeout            Result = 16
	ResultServiceUnavailable Result = 20
	ResultNotLoggedOn        Result = 21
	ResultPending            Result = 22 // an inventory result not ready yet; a networking call still under way
	ResultLimitExceeded      Result = 25
	ResultExpired            Result = 27
	ResultCancelled          Result = 52
)

// ServerMode is EServerMode, chosen at serverInit.
type ServerMode int32

const (
	ServerModeInvalid                 ServerMode = 0
	ServerModeNoAuthentication        ServerMode = 1
	ServerModeAuthentication          ServerMode = 2
	ServerModeAuthenticationAndSecure ServerMode = 3
)

// BeginAuthSessionResult is EBeginAuthSessionResult, beginAuthSession's immediate answer.
type BeginAuthSessionResult int32

const (
	BeginAuthSessionOK               BeginAuthSessionResult = 0
	BeginAuthSessionInvalidTicket    BeginAuthSessionResult = 1
	BeginAuthSessionDuplicateRequest BeginAuthSessionResult = 2
	BeginAuthSessionInvalidVersion   BeginAuthSessionResult = 3
	BeginAuthSessionGameMismatch     BeginAuthSessionResult = 4
	BeginAuthSessionExpiredTicket    BeginAuthSessionResult = 5
)

// AuthSessionResponse is EAuthSessionResponse, carried by validate_auth_ticket_response.
type AuthSessionResponse int32

const (
	AuthSessionOK                           AuthSessionResponse = 0
	AuthSessionUserNotConnectedToSteam      AuthSessionResponse = 1
	AuthSessionNoLicenseOrExpired           AuthSessionResponse = 2
	AuthSessionVACBanned                    AuthSessionResponse = 3
	AuthSessionLoggedInElseWhere            AuthSessionResponse = 4
	AuthSessionVACCheckTimedOut             AuthSessionResponse = 5
	AuthSessionAuthTicketCanceled           AuthSessionResponse = 6
	AuthSessionAuthTicketInvalidAlreadyUsed AuthSessionResponse = 7
	AuthSessionAuthTicketInvalid            AuthSessionResponse = 8
	AuthSessionPublisherIssuedBan           AuthSessionResponse = 9
	AuthSessionNetworkIdentityFailure       AuthSessionResponse = 10
)

// UserHasLicenseResult is EUserHasLicenseForAppResult.
type UserHasLicenseResult int32

const (
	UserHasLicense         UserHasLicenseResult = 0
	UserDoesNotHaveLicense UserHasLicenseResult = 1
	UserLicenseNoAuth      UserHasLicenseResult = 2
)

// DenyReason is EDenyReason, carried by client_denied and client_kick.
type DenyReason int32

const (
	DenyInvalid                 DenyReason = 0
	DenyInvalidVersion          DenyReason = 1
	DenyGeneric                 DenyReason = 2
	DenyNotLoggedOn             DenyReason = 3
	DenyNoLicense               DenyReason = 4
	DenyCheater                 DenyReason = 5
	DenyLoggedInElseWhere       DenyReason = 6
	DenyUnknownText             DenyReason = 7
	DenyIncompatibleAnticheat   DenyReason = 8
	DenyMemoryCorruption        DenyReason = 9
	DenyIncompatibleSoftware    DenyReason = 10
	DenySteamConnectionLost     DenyReason = 11
	DenySteamConnectionError    DenyReason = 12
	DenySteamResponseTimedOut   DenyReason = 13
	DenySteamValidationStalled  DenyReason = 14
	DenySteamOwnerLeftGuestUser DenyReason = 15
)

// IPType is ESteamIPType.
type IPType int32

const (
	IPTypeIPv4 IPType = 0
	IPTypeIPv6 IPType = 1
)

// Query-port values with a meaning of their own (STEAMGAMESERVER_QUERY_PORT_*).
const (
	QueryPortShared         uint16 = 0xFFFF // GameSocketShare: queries arrive on the game socket
	QueryPortError          uint16 = 0xFFFE
	QueryPortNotInitialized uint16 = 0xFFFF
)
