// Package sdklayout compiles the Steamworks callback structs the backend decodes as the SDK
// declares them for Linux (#pragma pack(push, 4), VALVE_CALLBACK_PACK_SMALL) and reports the C
// compiler's sizes and offsets, so tests can check the decoder's offsets against a real compiler.
// Only tests import it. SteamServersConnected_t (an empty C++ struct, 1 byte) cannot be written in C.
package sdklayout

/*
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#pragma pack(push, 4)
typedef struct { uint64_t m_steamid; } CSteamID; // a union of uint64 in the SDK
typedef struct { int32_t m_eResult; bool m_bStillRetrying; } SteamServerConnectFailure_t;
typedef struct { int32_t m_eResult; } SteamServersDisconnected_t;
typedef struct { uint8_t m_bSecure; } GSPolicyResponse_t;
typedef struct { CSteamID m_SteamID; int32_t m_eAuthSessionResponse; CSteamID m_OwnerSteamID; } ValidateAuthTicketResponse_t;
typedef struct { uint32_t m_hAuthTicket; int32_t m_eResult; } GetAuthSessionTicketResponse_t;
typedef struct { CSteamID m_SteamID; CSteamID m_OwnerSteamID; } GSClientApprove_t;
typedef struct { CSteamID m_SteamID; int32_t m_eDenyReason; char m_rgchOptionalText[128]; } GSClientDeny_t;
typedef struct { CSteamID m_SteamID; int32_t m_eDenyReason; } GSClientKick_t;
typedef struct { CSteamID m_SteamIDUser; CSteamID m_SteamIDGroup; bool m_bMember; bool m_bOfficer; } GSClientGroupStatus_t;
typedef struct { int32_t m_eResult; } AssociateWithClanResult_t;
typedef struct {
	int32_t m_eResult;
	int32_t m_cPlayersThatDontLikeCandidate;
	int32_t m_cPlayersThatCandidateDoesntLike;
	int32_t m_cClanPlayersThatDontLikeCandidate;
	CSteamID m_SteamIDCandidate;
} ComputeNewPlayerCompatibilityResult_t;
typedef struct { uint64_t m_hAsyncCall; int32_t m_iCallback; uint32_t m_cubParam; } SteamAPICallCompleted_t;
#pragma pack(pop)

typedef struct { const char *type; int size; const char *field; int offset; } sl_field;
#define F(T, f) { #T, (int)sizeof(T), #f, (int)offsetof(T, f) }
static const sl_field sl_fields[] = {
	F(SteamServerConnectFailure_t, m_eResult), F(SteamServerConnectFailure_t, m_bStillRetrying),
	F(SteamServersDisconnected_t, m_eResult),
	F(GSPolicyResponse_t, m_bSecure),
	F(ValidateAuthTicketResponse_t, m_SteamID), F(ValidateAuthTicketResponse_t, m_eAuthSessionResponse),
	F(ValidateAuthTicketResponse_t, m_OwnerSteamID),
	F(GetAuthSessionTicketResponse_t, m_hAuthTicket), F(GetAuthSessionTicketResponse_t, m_eResult),
	F(GSClientApprove_t, m_SteamID), F(GSClientApprove_t, m_OwnerSteamID),
	F(GSClientDeny_t, m_SteamID), F(GSClientDeny_t, m_eDenyReason), F(GSClientDeny_t, m_rgchOptionalText),
	F(GSClientKick_t, m_SteamID), F(GSClientKick_t, m_eDenyReason),
	F(GSClientGroupStatus_t, m_SteamIDUser), F(GSClientGroupStatus_t, m_SteamIDGroup),
	F(GSClientGroupStatus_t, m_bMember), F(GSClientGroupStatus_t, m_bOfficer),
	F(AssociateWithClanResult_t, m_eResult),
	F(ComputeNewPlayerCompatibilityResult_t, m_eResult),
	F(ComputeNewPlayerCompatibilityResult_t, m_cPlayersThatDontLikeCandidate),
	F(ComputeNewPlayerCompatibilityResult_t, m_cPlayersThatCandidateDoesntLike),
	F(ComputeNewPlayerCompatibilityResult_t, m_cClanPlayersThatDontLikeCandidate),
	F(ComputeNewPlayerCompatibilityResult_t, m_SteamIDCandidate),
	F(SteamAPICallCompleted_t, m_hAsyncCall), F(SteamAPICallCompleted_t, m_iCallback), F(SteamAPICallCompleted_t, m_cubParam),
};
static int sl_count(void) { return (int)(sizeof sl_fields / sizeof sl_fields[0]); }
static const sl_field *sl_at(int i) { return &sl_fields[i]; }
*/
import "C"

// Struct is one compiled struct: its size and its fields' offsets.
type Struct struct {
	Size    int
	Offsets map[string]int
}

// Structs maps each struct's SDK name to its compiled layout.
func Structs() map[string]Struct {
	out := map[string]Struct{}
	for i := 0; i < int(C.sl_count()); i++ {
		f := C.sl_at(C.int(i))
		name := C.GoString(f._type)
		s, ok := out[name]
		if !ok {
			s = Struct{Size: int(f.size), Offsets: map[string]int{}}
		}
		s.Offsets[C.GoString(f.field)] = int(f.offset)
		out[name] = s
	}
	return out
}
