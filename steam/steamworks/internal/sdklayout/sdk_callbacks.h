// The Steamworks callback structs the backend decodes, as the SDK declares them, with their
// k_iCallback IDs, and the structs a call fills (SteamUGCDetails_t): the one C description of them. sdklayout.go compiles it with the host's C
// compiler at Linux's packing; the steamworks package's MinGW test (layout_mingw_test.go) compiles
// it with x86_64-w64-mingw32-gcc at Windows'. Define SDK_PACK before including it: 4 on Linux
// (VALVE_CALLBACK_PACK_SMALL), 8 on Windows (VALVE_CALLBACK_PACK_LARGE).
#ifndef SDK_CALLBACKS_H
#define SDK_CALLBACKS_H
#ifndef SDK_PACK
#error "define SDK_PACK (4 for Linux, 8 for Windows) before including sdk_callbacks.h"
#endif
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

// The callback ID bases of steam_api_common.h.
enum {
	k_iSteamUserCallbacks = 100, k_iSteamGameServerCallbacks = 200, k_iSteamUtilsCallbacks = 700,
	k_iSteamUserStatsCallbacks = 1100, k_iSteamGameServerStatsCallbacks = 1800, k_iSteamHTTPCallbacks = 2100,
	k_iSteamUGCCallbacks = 3400, k_iSteamInventoryCallbacks = 4700, k_iSteamNetworkingCallbacks = 1200,
	k_iSteamNetworkingSocketsCallbacks = 1220, k_iSteamNetworkingMessagesCallbacks = 1250, k_iSteamNetworkingUtilsCallbacks = 1280
};

// The char array bounds of isteamremotestorage.h.
enum {
	k_cchPublishedDocumentTitleMax = 128 + 1, k_cchPublishedDocumentDescriptionMax = 8000, k_cchTagListMax = 1024 + 1,
	k_cchFilenameMax = 260, k_cchPublishedFileURLMax = 256
};

typedef struct { uint64_t m_steamid; } CSteamID; // a union of uint64 in the SDK

// Each struct's members: M(S, type, name, array bounds), in the SDK's order.
#define SteamServerConnectFailure_t_MEMBERS(M, S) M(S, int32_t, m_eResult, ) M(S, bool, m_bStillRetrying, )
#define SteamServersDisconnected_t_MEMBERS(M, S) M(S, int32_t, m_eResult, )
#define GSPolicyResponse_t_MEMBERS(M, S) M(S, uint8_t, m_bSecure, )
#define ValidateAuthTicketResponse_t_MEMBERS(M, S) \
	M(S, CSteamID, m_SteamID, ) M(S, int32_t, m_eAuthSessionResponse, ) M(S, CSteamID, m_OwnerSteamID, )
#define GetAuthSessionTicketResponse_t_MEMBERS(M, S) M(S, uint32_t, m_hAuthTicket, ) M(S, int32_t, m_eResult, )
#define GSClientApprove_t_MEMBERS(M, S) M(S, CSteamID, m_SteamID, ) M(S, CSteamID, m_OwnerSteamID, )
#define GSClientDeny_t_MEMBERS(M, S) \
	M(S, CSteamID, m_SteamID, ) M(S, int32_t, m_eDenyReason, ) M(S, char, m_rgchOptionalText, [128])
#define GSClientKick_t_MEMBERS(M, S) M(S, CSteamID, m_SteamID, ) M(S, int32_t, m_eDenyReason, )
#define GSClientGroupStatus_t_MEMBERS(M, S) \
	M(S, CSteamID, m_SteamIDUser, ) M(S, CSteamID, m_SteamIDGroup, ) M(S, bool, m_bMember, ) M(S, bool, m_bOfficer, )
#define AssociateWithClanResult_t_MEMBERS(M, S) M(S, int32_t, m_eResult, )
#define ComputeNewPlayerCompatibilityResult_t_MEMBERS(M, S) \
	M(S, int32_t, m_eResult, ) M(S, int32_t, m_cPlayersThatDontLikeCandidate, ) \
	M(S, int32_t, m_cPlayersThatCandidateDoesntLike, ) M(S, int32_t, m_cClanPlayersThatDontLikeCandidate, ) \
	M(S, CSteamID, m_SteamIDCandidate, )
#define GSStatsReceived_t_MEMBERS(M, S) M(S, int32_t, m_eResult, ) M(S, CSteamID, m_steamIDUser, )
#define GSStatsStored_t_MEMBERS(M, S) M(S, int32_t, m_eResult, ) M(S, CSteamID, m_steamIDUser, )
#define GSStatsUnloaded_t_MEMBERS(M, S) M(S, CSteamID, m_steamIDUser, )
#define SteamAPICallCompleted_t_MEMBERS(M, S) M(S, uint64_t, m_hAsyncCall, ) M(S, int32_t, m_iCallback, ) M(S, uint32_t, m_cubParam, )
#define SteamUGCQueryCompleted_t_MEMBERS(M, S) \
	M(S, uint64_t, m_handle, ) M(S, int32_t, m_eResult, ) M(S, uint32_t, m_unNumResultsReturned, ) \
	M(S, uint32_t, m_unTotalMatchingResults, ) M(S, bool, m_bCachedData, ) M(S, char, m_rgchNextCursor, [k_cchPublishedFileURLMax])
#define ItemInstalled_t_MEMBERS(M, S) \
	M(S, uint32_t, m_unAppID, ) M(S, uint64_t, m_nPublishedFileId, ) M(S, uint64_t, m_hLegacyContent, ) M(S, uint64_t, m_unManifestID, )
#define DownloadItemResult_t_MEMBERS(M, S) M(S, uint32_t, m_unAppID, ) M(S, uint64_t, m_nPublishedFileId, ) M(S, int32_t, m_eResult, )
#define GetAppDependenciesResult_t_MEMBERS(M, S) \
	M(S, int32_t, m_eResult, ) M(S, uint64_t, m_nPublishedFileId, ) M(S, uint32_t, m_rgAppIDs, [32]) \
	M(S, uint32_t, m_nNumAppDependencies, ) M(S, uint32_t, m_nTotalNumAppDependencies, )
#define SteamInventoryResultReady_t_MEMBERS(M, S) M(S, int32_t, m_handle, ) M(S, int32_t, m_result, )
#define SteamInventoryFullUpdate_t_MEMBERS(M, S) M(S, int32_t, m_handle, )
#define SteamInventoryEligiblePromoItemDefIDs_t_MEMBERS(M, S) \
	M(S, int32_t, m_result, ) M(S, CSteamID, m_steamID, ) M(S, int32_t, m_numEligiblePromoItemDefs, ) M(S, bool, m_bCachedData, )
#define SteamInventoryStartPurchaseResult_t_MEMBERS(M, S) M(S, int32_t, m_result, ) M(S, uint64_t, m_ulOrderID, ) M(S, uint64_t, m_ulTransID, )
#define SteamInventoryRequestPricesResult_t_MEMBERS(M, S) M(S, int32_t, m_result, ) M(S, char, m_rgchCurrency, [4])
// SteamItemDetails_t (isteaminventory.h, inside its callback packing): what GetResultItems fills.
#define SteamItemDetails_t_MEMBERS(M, S) \
	M(S, uint64_t, m_itemId, ) M(S, int32_t, m_iDefinition, ) M(S, uint16_t, m_unQuantity, ) M(S, uint16_t, m_unFlags, )
// SteamUGCDetails_t (isteamugc.h, inside its callback packing): what GetQueryUGCResult fills.
#define SteamUGCDetails_t_MEMBERS(M, S) \
	M(S, uint64_t, m_nPublishedFileId, ) M(S, int32_t, m_eResult, ) M(S, int32_t, m_eFileType, ) \
	M(S, uint32_t, m_nCreatorAppID, ) M(S, uint32_t, m_nConsumerAppID, ) \
	M(S, char, m_rgchTitle, [k_cchPublishedDocumentTitleMax]) M(S, char, m_rgchDescription, [k_cchPublishedDocumentDescriptionMax]) \
	M(S, uint64_t, m_ulSteamIDOwner, ) M(S, uint32_t, m_rtimeCreated, ) M(S, uint32_t, m_rtimeUpdated, ) \
	M(S, uint32_t, m_rtimeAddedToUserList, ) M(S, int32_t, m_eVisibility, ) M(S, bool, m_bBanned, ) \
	M(S, bool, m_bAcceptedForUse, ) M(S, bool, m_bTagsTruncated, ) M(S, char, m_rgchTags, [k_cchTagListMax]) \
	M(S, uint64_t, m_hFile, ) M(S, uint64_t, m_hPreviewFile, ) M(S, char, m_pchFileName, [k_cchFilenameMax]) \
	M(S, int32_t, m_nFileSize, ) M(S, int32_t, m_nPreviewFileSize, ) M(S, char, m_rgchURL, [k_cchPublishedFileURLMax]) \
	M(S, uint32_t, m_unVotesUp, ) M(S, uint32_t, m_unVotesDown, ) M(S, float, m_flScore, ) \
	M(S, uint32_t, m_unNumChildren, ) M(S, uint64_t, m_ulTotalFilesSize, )
#define HTTPRequestCompleted_t_MEMBERS(M, S) \
	M(S, uint32_t, m_hRequest, ) M(S, uint64_t, m_ulContextValue, ) M(S, bool, m_bRequestSuccessful, ) \
	M(S, int32_t, m_eStatusCode, ) M(S, uint32_t, m_unBodySize, )
#define HTTPRequestHeadersReceived_t_MEMBERS(M, S) M(S, uint32_t, m_hRequest, ) M(S, uint64_t, m_ulContextValue, )
#define HTTPRequestDataReceived_t_MEMBERS(M, S) \
	M(S, uint32_t, m_hRequest, ) M(S, uint64_t, m_ulContextValue, ) M(S, uint32_t, m_cOffset, ) M(S, uint32_t, m_cBytesReceived, )

// The networking structs (steamnetworkingtypes.h, isteamnetworking*.h). SteamNetworkingIdentity and
// SteamNetworkingIPAddr are declared under #pragma pack(1) whatever the platform: the identity's
// union (m_steamID64, m_szGenericString, m_ip, ... m_reserved[32]: 128 bytes) is written as its
// first member, m_steamID64, and the 120 bytes after it; the address's union as its m_ipv6[16].
#define SteamNetworkingIdentity_MEMBERS(M, S) \
	M(S, int32_t, m_eType, ) M(S, int32_t, m_cbSize, ) M(S, uint64_t, m_steamID64, ) M(S, uint8_t, m_unionRest, [120])
#define SteamNetworkingIPAddr_MEMBERS(M, S) M(S, uint8_t, m_ipv6, [16]) M(S, uint16_t, m_port, )
#define SteamNetConnectionInfo_t_MEMBERS(M, S) \
	M(S, SteamNetworkingIdentity, m_identityRemote, ) M(S, int64_t, m_nUserData, ) M(S, uint32_t, m_hListenSocket, ) \
	M(S, SteamNetworkingIPAddr, m_addrRemote, ) M(S, uint16_t, m__pad1, ) M(S, uint32_t, m_idPOPRemote, ) \
	M(S, uint32_t, m_idPOPRelay, ) M(S, int32_t, m_eState, ) M(S, int32_t, m_eEndReason, ) M(S, char, m_szEndDebug, [128]) \
	M(S, char, m_szConnectionDescription, [128]) M(S, int32_t, m_nFlags, ) M(S, uint32_t, reserved, [63])
#define SteamNetConnectionRealTimeStatus_t_MEMBERS(M, S) \
	M(S, int32_t, m_eState, ) M(S, int32_t, m_nPing, ) M(S, float, m_flConnectionQualityLocal, ) \
	M(S, float, m_flConnectionQualityRemote, ) M(S, float, m_flOutPacketsPerSec, ) M(S, float, m_flOutBytesPerSec, ) \
	M(S, float, m_flInPacketsPerSec, ) M(S, float, m_flInBytesPerSec, ) M(S, int32_t, m_nSendRateBytesPerSecond, ) \
	M(S, int32_t, m_cbPendingUnreliable, ) M(S, int32_t, m_cbPendingReliable, ) M(S, int32_t, m_cbSentUnackedReliable, ) \
	M(S, int64_t, m_usecQueueTime, ) M(S, uint32_t, reserved, [16])
#define SteamNetConnectionRealTimeLaneStatus_t_MEMBERS(M, S) \
	M(S, int32_t, m_cbPendingUnreliable, ) M(S, int32_t, m_cbPendingReliable, ) M(S, int32_t, m_cbSentUnackedReliable, ) \
	M(S, int32_t, _reservePad1, ) M(S, int64_t, m_usecQueueTime, ) M(S, uint32_t, reserved, [10])
#define P2PSessionState_t_MEMBERS(M, S) \
	M(S, uint8_t, m_bConnectionActive, ) M(S, uint8_t, m_bConnecting, ) M(S, uint8_t, m_eP2PSessionError, ) \
	M(S, uint8_t, m_bUsingRelay, ) M(S, int32_t, m_nBytesQueuedForSend, ) M(S, int32_t, m_nPacketsQueuedForSend, ) \
	M(S, uint32_t, m_nRemoteIP, ) M(S, uint16_t, m_nRemotePort, )
#define SteamNetConnectionStatusChangedCallback_t_MEMBERS(M, S) \
	M(S, uint32_t, m_hConn, ) M(S, SteamNetConnectionInfo_t, m_info, ) M(S, int32_t, m_eOldState, )
#define SteamNetAuthenticationStatus_t_MEMBERS(M, S) M(S, int32_t, m_eAvail, ) M(S, char, m_debugMsg, [256])
#define SteamRelayNetworkStatus_t_MEMBERS(M, S) \
	M(S, int32_t, m_eAvail, ) M(S, int32_t, m_bPingMeasurementInProgress, ) M(S, int32_t, m_eAvailNetworkConfig, ) \
	M(S, int32_t, m_eAvailAnyRelay, ) M(S, char, m_debugMsg, [256])
#define P2PSessionRequest_t_MEMBERS(M, S) M(S, CSteamID, m_steamIDRemote, )
#define P2PSessionConnectFail_t_MEMBERS(M, S) M(S, CSteamID, m_steamIDRemote, ) M(S, uint8_t, m_eP2PSessionError, )
// isteamnetworkingmessages.h declares its two callbacks under #pragma pack(1).
#define SteamNetworkingMessagesSessionRequest_t_MEMBERS(M, S) M(S, SteamNetworkingIdentity, m_identityRemote, )
#define SteamNetworkingMessagesSessionFailed_t_MEMBERS(M, S) M(S, SteamNetConnectionInfo_t, m_info, )

// Every struct with members, and its k_iCallback as the SDK writes it.
#define SDK_CALLBACKS(X) \
	X(SteamServerConnectFailure_t, k_iSteamUserCallbacks + 2) \
	X(SteamServersDisconnected_t, k_iSteamUserCallbacks + 3) \
	X(GSPolicyResponse_t, k_iSteamUserCallbacks + 15) \
	X(ValidateAuthTicketResponse_t, k_iSteamUserCallbacks + 43) \
	X(GetAuthSessionTicketResponse_t, k_iSteamUserCallbacks + 63) \
	X(GSClientApprove_t, k_iSteamGameServerCallbacks + 1) \
	X(GSClientDeny_t, k_iSteamGameServerCallbacks + 2) \
	X(GSClientKick_t, k_iSteamGameServerCallbacks + 3) \
	X(GSClientGroupStatus_t, k_iSteamGameServerCallbacks + 8) \
	X(AssociateWithClanResult_t, k_iSteamGameServerCallbacks + 10) \
	X(ComputeNewPlayerCompatibilityResult_t, k_iSteamGameServerCallbacks + 11) \
	X(GSStatsReceived_t, k_iSteamGameServerStatsCallbacks + 0) \
	X(GSStatsStored_t, k_iSteamGameServerStatsCallbacks + 1) \
	X(GSStatsUnloaded_t, k_iSteamUserStatsCallbacks + 8) \
	X(SteamAPICallCompleted_t, k_iSteamUtilsCallbacks + 3) \
	X(HTTPRequestCompleted_t, k_iSteamHTTPCallbacks + 1) \
	X(HTTPRequestHeadersReceived_t, k_iSteamHTTPCallbacks + 2) \
	X(HTTPRequestDataReceived_t, k_iSteamHTTPCallbacks + 3) \
	X(SteamUGCQueryCompleted_t, k_iSteamUGCCallbacks + 1) \
	X(ItemInstalled_t, k_iSteamUGCCallbacks + 5) \
	X(DownloadItemResult_t, k_iSteamUGCCallbacks + 6) \
	X(GetAppDependenciesResult_t, k_iSteamUGCCallbacks + 16) \
	X(SteamInventoryResultReady_t, k_iSteamInventoryCallbacks + 0) \
	X(SteamInventoryFullUpdate_t, k_iSteamInventoryCallbacks + 1) \
	X(SteamInventoryEligiblePromoItemDefIDs_t, k_iSteamInventoryCallbacks + 3) \
	X(SteamInventoryStartPurchaseResult_t, k_iSteamInventoryCallbacks + 4) \
	X(SteamInventoryRequestPricesResult_t, k_iSteamInventoryCallbacks + 5) \
	X(SteamNetConnectionStatusChangedCallback_t, k_iSteamNetworkingSocketsCallbacks + 1) \
	X(SteamNetAuthenticationStatus_t, k_iSteamNetworkingSocketsCallbacks + 2) \
	X(SteamRelayNetworkStatus_t, k_iSteamNetworkingUtilsCallbacks + 1) \
	X(P2PSessionRequest_t, k_iSteamNetworkingCallbacks + 2) \
	X(P2PSessionConnectFail_t, k_iSteamNetworkingCallbacks + 3)

// Structs a call fills rather than a callback, compiled and checked the same way: k_iCallback 0.
#define SDK_CALL_STRUCTS(X) X(SteamUGCDetails_t, 0) X(SteamItemDetails_t, 0) X(SteamNetConnectionInfo_t, 0) \
	X(SteamNetConnectionRealTimeStatus_t, 0) X(SteamNetConnectionRealTimeLaneStatus_t, 0) X(P2PSessionState_t, 0)

// The structs the SDK declares under #pragma pack(1) on every platform: the networking identity and
// address (declared first: the structs above hold them), and the NetworkingMessages callbacks.
#define SDK_PACK1_TYPES(X) X(SteamNetworkingIdentity, 0) X(SteamNetworkingIPAddr, 0)
#define SDK_PACK1_CALLBACKS(X) \
	X(SteamNetworkingMessagesSessionRequest_t, k_iSteamNetworkingMessagesCallbacks + 1) \
	X(SteamNetworkingMessagesSessionFailed_t, k_iSteamNetworkingMessagesCallbacks + 2)

// Every struct with members, at the callback packing (SDK_STRUCTS) and in all (SDK_ALL_STRUCTS).
#define SDK_STRUCTS(X) SDK_CALL_STRUCTS(X) SDK_CALLBACKS(X) // the call structs first: callbacks nest them
#define SDK_ALL_STRUCTS(X) SDK_PACK1_TYPES(X) SDK_STRUCTS(X) SDK_PACK1_CALLBACKS(X)

#define DECLARE_MEMBER(S, T, name, bounds) T name bounds;
#define DECLARE(S, id) typedef struct { S##_MEMBERS(DECLARE_MEMBER, S) } S; enum { S##_k_iCallback = id };
#pragma pack(push, 1)
SDK_PACK1_TYPES(DECLARE)
#pragma pack(pop)

// #pragma pack does not expand macros in GCC: one directive per packing.
#if SDK_PACK == 4
#pragma pack(push, 4)
#elif SDK_PACK == 8
#pragma pack(push, 8)
#else
#error "SDK_PACK must be 4 or 8"
#endif
SDK_STRUCTS(DECLARE)
#pragma pack(pop)
#pragma pack(push, 1)
SDK_PACK1_CALLBACKS(DECLARE)
#pragma pack(pop)

// How many members each struct has (S##_member_count), and how many structs there are.
#define COUNT_MEMBER(S, T, name, bounds) +1
#define COUNT_MEMBERS(S, id) enum { S##_member_count = 0 S##_MEMBERS(COUNT_MEMBER, S) };
SDK_ALL_STRUCTS(COUNT_MEMBERS)
#define COUNT_STRUCT(S, id) +1
enum { sdk_struct_count = 0 SDK_ALL_STRUCTS(COUNT_STRUCT) };

enum { sdk_servers_connected_id = k_iSteamUserCallbacks + 1 }; // SteamServersConnected_t, empty in C++
enum { sdk_inventory_definition_update_id = k_iSteamInventoryCallbacks + 2 }; // SteamInventoryDefinitionUpdate_t, empty too
#endif
