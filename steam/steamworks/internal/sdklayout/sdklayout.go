// Package sdklayout compiles the Steamworks callback structs the backend decodes as the SDK
// declares them for Linux (#pragma pack(push, 4), VALVE_CALLBACK_PACK_SMALL), with their
// k_iCallback IDs, and reports what the C compiler makes of them, so tests can check the backend's
// callback table (callbacks.go) against a real compiler. Only tests import it.
//
// Each struct is written once, as an X-macro list of its members, which both declares it and lists
// its members' offsets: the compiler sees every member, so a member missing from the backend's
// table is caught too. SteamServersConnected_t, an empty C++ struct (1 byte), cannot be written in
// C: only its ID is compiled.
package sdklayout

/*
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

// The callback ID bases of steam_api_common.h.
enum { k_iSteamUserCallbacks = 100, k_iSteamGameServerCallbacks = 200, k_iSteamUtilsCallbacks = 700 };

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
#define SteamAPICallCompleted_t_MEMBERS(M, S) M(S, uint64_t, m_hAsyncCall, ) M(S, int32_t, m_iCallback, ) M(S, uint32_t, m_cubParam, )

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
	X(SteamAPICallCompleted_t, k_iSteamUtilsCallbacks + 3)

#pragma pack(push, 4)
#define DECLARE_MEMBER(S, T, name, bounds) T name bounds;
#define DECLARE(S, id) typedef struct { S##_MEMBERS(DECLARE_MEMBER, S) } S; enum { S##_k_iCallback = id };
SDK_CALLBACKS(DECLARE)
#pragma pack(pop)

typedef struct { const char *type; int id, size; const char *member; int offset, member_size; } sl_member;
#define MEMBER_ROW(S, T, name, bounds) { #S, S##_k_iCallback, (int)sizeof(S), #name, (int)offsetof(S, name), (int)sizeof(((S *)0)->name) },
#define MEMBER_ROWS(S, id) S##_MEMBERS(MEMBER_ROW, S)
static const sl_member sl_members[] = { SDK_CALLBACKS(MEMBER_ROWS) };
static int sl_count(void) { return (int)(sizeof sl_members / sizeof sl_members[0]); }
static const sl_member *sl_at(int i) { return &sl_members[i]; }

enum { sl_servers_connected_id = k_iSteamUserCallbacks + 1 }; // SteamServersConnected_t
*/
import "C"

// Member is one compiled member: its offset and its size in bytes.
type Member struct{ Offset, Size int }

// Struct is one compiled struct: its k_iCallback, its size and its members by SDK name.
type Struct struct {
	ID      int32
	Size    int
	Members map[string]Member
}

// Structs maps each struct's SDK name to its compiled layout. SteamServersConnected_t is given
// as C++ lays out an empty struct: 1 byte, no members.
func Structs() map[string]Struct {
	out := map[string]Struct{"SteamServersConnected_t": {ID: int32(C.sl_servers_connected_id), Size: 1, Members: map[string]Member{}}}
	for i := 0; i < int(C.sl_count()); i++ {
		m := C.sl_at(C.int(i))
		name := C.GoString(m._type)
		s, ok := out[name]
		if !ok {
			s = Struct{ID: int32(m.id), Size: int(m.size), Members: map[string]Member{}}
		}
		s.Members[C.GoString(m.member)] = Member{Offset: int(m.offset), Size: int(m.member_size)}
		out[name] = s
	}
	return out
}
