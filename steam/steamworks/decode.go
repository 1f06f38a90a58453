package steamworks

import (
	"bytes"
	"encoding/binary"

	"github.com/gosteam/godot-steam-server/steam"
)

// Callback IDs (k_iCallback) of the structs the backend decodes.
const (
	idServersConnected             = 101 // SteamServersConnected_t
	idServerConnectFailure         = 102 // SteamServerConnectFailure_t
	idServersDisconnected          = 103 // SteamServersDisconnected_t
	idPolicyResponse               = 115 // GSPolicyResponse_t
	idValidateAuthTicketResponse   = 143 // ValidateAuthTicketResponse_t
	idGetAuthSessionTicketResponse = 163 // GetAuthSessionTicketResponse_t
	idClientApprove                = 201 // GSClientApprove_t
	idClientDeny                   = 202 // GSClientDeny_t
	idClientKick                   = 203 // GSClientKick_t
	idClientGroupStatus            = 208 // GSClientGroupStatus_t
	idAssociateWithClanResult      = 210 // AssociateWithClanResult_t
	idPlayerCompatibilityResult    = 211 // ComputeNewPlayerCompatibilityResult_t
	idAPICallCompleted             = 703 // SteamAPICallCompleted_t
)

// callbackSizes are the structs' sizes on Linux x86_64, where Steam packs callbacks to 4 bytes
// (VALVE_CALLBACK_PACK_SMALL): a 64-bit field only needs 4-byte alignment, so
// ValidateAuthTicketResponse_t is 20 bytes here, not Windows' 24. A shorter struct is skipped.
var callbackSizes = map[int32]int{
	idServersConnected:             1,
	idServerConnectFailure:         8,
	idServersDisconnected:          4,
	idPolicyResponse:               1,
	idValidateAuthTicketResponse:   20,
	idGetAuthSessionTicketResponse: 8,
	idClientApprove:                16,
	idClientDeny:                   140,
	idClientKick:                   12,
	idClientGroupStatus:            20,
	idAssociateWithClanResult:      4,
	idPlayerCompatibilityResult:    24,
	idAPICallCompleted:             16,
}

// le reads the little-endian fields of one callback struct at their Linux offsets.
type le []byte

func (p le) i32(off int) int32        { return int32(binary.LittleEndian.Uint32(p[off:])) }
func (p le) u32(off int) uint32       { return binary.LittleEndian.Uint32(p[off:]) }
func (p le) u64(off int) uint64       { return binary.LittleEndian.Uint64(p[off:]) }
func (p le) id(off int) steam.SteamID { return steam.SteamID(p.u64(off)) }
func (p le) b(off int) bool           { return p[off] != 0 }
func (p le) result(off int) steam.Result {
	return steam.Result(p.i32(off))
}

// cstr is a NUL-terminated char array.
func (p le) cstr(off, size int) string {
	s := p[off : off+size]
	if i := bytes.IndexByte(s, 0); i >= 0 {
		s = s[:i]
	}
	return string(s)
}

// decodeCallback turns one callback struct into its event. Unknown IDs and structs shorter than
// their Linux size report false: they are skipped.
func decodeCallback(id int32, param []byte) (steam.Event, bool) {
	size, known := callbackSizes[id]
	if !known || id == idAPICallCompleted || len(param) < size {
		return nil, false
	}
	p := le(param)
	switch id {
	case idServersConnected:
		return steam.ServerConnected{}, true
	case idServerConnectFailure:
		return steam.ServerConnectFailure{Result: p.result(0), Retrying: p.b(4)}, true
	case idServersDisconnected:
		return steam.ServerDisconnected{Result: p.result(0)}, true
	case idPolicyResponse:
		return steam.PolicyResponse{Secure: p.b(0)}, true
	case idValidateAuthTicketResponse:
		return steam.ValidateAuthTicketResponse{SteamID: p.id(0), Response: steam.AuthSessionResponse(p.i32(8)), OwnerID: p.id(12)}, true
	case idGetAuthSessionTicketResponse:
		return steam.GetAuthSessionTicketResponse{Ticket: p.u32(0), Result: p.result(4)}, true
	case idClientApprove:
		return steam.ClientApproved{SteamID: p.id(0), OwnerID: p.id(8)}, true
	case idClientDeny:
		return steam.ClientDenied{SteamID: p.id(0), Reason: steam.DenyReason(p.i32(8)), Text: p.cstr(12, 128)}, true
	case idClientKick:
		return steam.ClientKick{SteamID: p.id(0), Reason: steam.DenyReason(p.i32(8))}, true
	case idClientGroupStatus:
		return steam.ClientGroupStatus{SteamID: p.id(0), GroupID: p.id(8), Member: p.b(16), Officer: p.b(17)}, true
	case idAssociateWithClanResult:
		return steam.AssociateClan{Result: p.result(0)}, true
	case idPlayerCompatibilityResult:
		return steam.PlayerCompat{Result: p.result(0), PlayersDontLikeCandidate: p.i32(4), PlayersCandidateDoesntLike: p.i32(8),
			ClanPlayersDontLikeCandidate: p.i32(12), SteamID: p.id(16)}, true
	}
	return nil, false
}

// apiCallCompleted is SteamAPICallCompleted_t: an async call finished and its result, a struct of
// size bytes with callback ID id, waits for GetAPICallResult.
type apiCallCompleted struct {
	call uint64
	id   int32
	size uint32
}

func decodeAPICallCompleted(param []byte) (apiCallCompleted, bool) {
	if len(param) < callbackSizes[idAPICallCompleted] {
		return apiCallCompleted{}, false
	}
	p := le(param)
	return apiCallCompleted{call: p.u64(0), id: p.i32(8), size: p.u32(12)}, true
}
