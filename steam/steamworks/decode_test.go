package steamworks

import (
	"encoding/binary"
	"reflect"
	"testing"

	"github.com/gosteam/godot-steam-server/steam"
)

// Steam IDs for fixtures: every byte differs, so a field read at a wrong offset cannot match.
const (
	userID  = steam.SteamID(0x0110000100A1B2C3)
	ownerID = steam.SteamID(0x0110000100D4E5F6)
	groupID = steam.SteamID(0x0170000000123457)
)

// field is one value of a callback struct at its documented Linux offset (the reference's
// section 4), named as in the SDK.
type field struct {
	name string
	off  int
	v    any // int32, uint32, uint64, bool (1 byte) or string (a char array, NUL-padded)
}

// callbackFixture is one callback struct laid out byte by byte.
type callbackFixture struct {
	sdk    string // the SDK's struct name
	id     int32
	size   int // sizeof on Linux
	fields []field
	want   steam.Event
}

// bytes lays the struct out: fields at their offsets, everything else 0xEE (padding garbage,
// which the decoder must never read).
func (f callbackFixture) bytes() []byte {
	b := make([]byte, f.size)
	for i := range b {
		b[i] = 0xEE
	}
	for _, fl := range f.fields {
		switch v := fl.v.(type) {
		case int32:
			binary.LittleEndian.PutUint32(b[fl.off:], uint32(v))
		case uint32:
			binary.LittleEndian.PutUint32(b[fl.off:], v)
		case uint64:
			binary.LittleEndian.PutUint64(b[fl.off:], v)
		case steam.SteamID:
			binary.LittleEndian.PutUint64(b[fl.off:], uint64(v))
		case bool:
			b[fl.off] = 0
			if v {
				b[fl.off] = 1
			}
		case string:
			field := b[fl.off : fl.off+128]
			clear(field)
			copy(field, v)
		default:
			panic("fixture: unsupported field type")
		}
	}
	return b
}

var callbackFixtures = []callbackFixture{
	{"SteamServersConnected_t", 101, 1, nil, steam.ServerConnected{}},
	{"SteamServerConnectFailure_t", 102, 8,
		[]field{{"m_eResult", 0, int32(3)}, {"m_bStillRetrying", 4, true}},
		steam.ServerConnectFailure{Result: steam.ResultNoConnection, Retrying: true}},
	{"SteamServersDisconnected_t", 103, 4,
		[]field{{"m_eResult", 0, int32(20)}},
		steam.ServerDisconnected{Result: steam.ResultServiceUnavailable}},
	{"GSPolicyResponse_t", 115, 1,
		[]field{{"m_bSecure", 0, true}},
		steam.PolicyResponse{Secure: true}},
	{"ValidateAuthTicketResponse_t", 143, 20,
		[]field{{"m_SteamID", 0, userID}, {"m_eAuthSessionResponse", 8, int32(6)}, {"m_OwnerSteamID", 12, ownerID}},
		steam.ValidateAuthTicketResponse{SteamID: userID, Response: steam.AuthSessionAuthTicketCanceled, OwnerID: ownerID}},
	{"GetAuthSessionTicketResponse_t", 163, 8,
		[]field{{"m_hAuthTicket", 0, uint32(0xCAFE0001)}, {"m_eResult", 4, int32(1)}},
		steam.GetAuthSessionTicketResponse{Ticket: 0xCAFE0001, Result: steam.ResultOK}},
	{"GSClientApprove_t", 201, 16,
		[]field{{"m_SteamID", 0, userID}, {"m_OwnerSteamID", 8, ownerID}},
		steam.ClientApproved{SteamID: userID, OwnerID: ownerID}},
	{"GSClientDeny_t", 202, 140,
		[]field{{"m_SteamID", 0, userID}, {"m_eDenyReason", 8, int32(7)}, {"m_rgchOptionalText", 12, "banned by admin"}},
		steam.ClientDenied{SteamID: userID, Reason: steam.DenyUnknownText, Text: "banned by admin"}},
	{"GSClientKick_t", 203, 12,
		[]field{{"m_SteamID", 0, userID}, {"m_eDenyReason", 8, int32(5)}},
		steam.ClientKick{SteamID: userID, Reason: steam.DenyCheater}},
	{"GSClientGroupStatus_t", 208, 20,
		[]field{{"m_SteamIDUser", 0, userID}, {"m_SteamIDGroup", 8, groupID}, {"m_bMember", 16, true}, {"m_bOfficer", 17, false}},
		steam.ClientGroupStatus{SteamID: userID, GroupID: groupID, Member: true, Officer: false}},
	{"AssociateWithClanResult_t", 210, 4,
		[]field{{"m_eResult", 0, int32(2)}},
		steam.AssociateClan{Result: steam.ResultFail}},
	{"ComputeNewPlayerCompatibilityResult_t", 211, 24,
		[]field{{"m_eResult", 0, int32(1)}, {"m_cPlayersThatDontLikeCandidate", 4, int32(3)},
			{"m_cPlayersThatCandidateDoesntLike", 8, int32(4)}, {"m_cClanPlayersThatDontLikeCandidate", 12, int32(5)},
			{"m_SteamIDCandidate", 16, userID}},
		steam.PlayerCompat{Result: steam.ResultOK, PlayersDontLikeCandidate: 3, PlayersCandidateDoesntLike: 4,
			ClanPlayersDontLikeCandidate: 5, SteamID: userID}},
}

func TestDecodeEveryCallback(t *testing.T) {
	seen := map[int32]bool{}
	for _, f := range callbackFixtures {
		seen[f.id] = true
		got, ok := decodeCallback(f.id, f.bytes())
		if !ok || !reflect.DeepEqual(got, f.want) {
			t.Errorf("%s (%d): got %#v, %v; want %#v", f.sdk, f.id, got, ok, f.want)
		}
		if callbackSizes[f.id] != f.size {
			t.Errorf("%s: decoder expects %d bytes, the Linux struct has %d", f.sdk, callbackSizes[f.id], f.size)
		}
	}
	if len(seen) != 12 {
		t.Errorf("%d callbacks have fixtures, want the 12 of the signal catalogue", len(seen))
	}
}

// A struct one byte shorter than its Linux size is skipped rather than read past its end; a
// decoder written for Windows' pack-8 layout (24-byte ValidateAuthTicketResponse_t) fails here.
func TestDecodeSkipsShortStructs(t *testing.T) {
	for _, f := range callbackFixtures {
		if f.size == 1 {
			continue
		}
		if ev, ok := decodeCallback(f.id, f.bytes()[:f.size-1]); ok {
			t.Errorf("%s: decoded %#v from %d bytes (needs %d)", f.sdk, ev, f.size-1, f.size)
		}
	}
	if _, ok := decodeCallback(idPolicyResponse, nil); ok {
		t.Error("GSPolicyResponse_t decoded from no bytes")
	}
}

func TestDecodeSkipsUnknownIDs(t *testing.T) {
	for _, id := range []int32{0, 100, 104, 144, 209, 212, 703, 1201, -1} {
		if ev, ok := decodeCallback(id, make([]byte, 256)); ok {
			t.Errorf("callback %d decoded as %#v; unknown IDs (and 703, handled by the pump) must be skipped", id, ev)
		}
	}
}

// The deny text is a NUL-terminated char[128]: bytes after the NUL are not part of it, and a text
// filling all 128 bytes without a NUL stops at the array's end.
func TestDecodeDenyText(t *testing.T) {
	f := callbackFixtures[7]
	b := f.bytes()
	copy(b[12+5:], "\x00garbage")
	ev, _ := decodeCallback(idClientDeny, b)
	if got := ev.(steam.ClientDenied).Text; got != "banne" {
		t.Errorf("text after a NUL: got %q", got)
	}
	for i := 12; i < 140; i++ {
		b[i] = 'x'
	}
	b = append(b, "past the end"...)
	ev, _ = decodeCallback(idClientDeny, b)
	if got := ev.(steam.ClientDenied).Text; len(got) != 128 {
		t.Errorf("unterminated text: got %d bytes, want 128", len(got))
	}
}

func TestDecodeAPICallCompleted(t *testing.T) {
	f := callbackFixture{size: 16, fields: []field{{"m_hAsyncCall", 0, uint64(0x1122334455667788)}, {"m_iCallback", 8, int32(211)}, {"m_cubParam", 12, uint32(24)}}}
	got, ok := decodeAPICallCompleted(f.bytes())
	if want := (apiCallCompleted{call: 0x1122334455667788, id: 211, size: 24}); !ok || got != want {
		t.Errorf("got %+v, %v; want %+v", got, ok, want)
	}
	if _, ok := decodeAPICallCompleted(f.bytes()[:15]); ok {
		t.Error("decoded a 15-byte SteamAPICallCompleted_t")
	}
}
