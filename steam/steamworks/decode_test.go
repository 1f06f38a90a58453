package steamworks

import (
	"encoding/binary"
	"fmt"
	"math"
	"reflect"
	"runtime"
	"testing"

	"github.com/gosteam/godot-steam-server/steam"
)

// Steam IDs for fixtures: every byte differs, so a field read at a wrong offset cannot match.
const (
	userID  = steam.SteamID(0x0110000100A1B2C3)
	ownerID = steam.SteamID(0x0110000100D4E5F6)
	groupID = steam.SteamID(0x0170000000123457)
)

// values are a callback struct's members by SDK name: int32, uint32, float32, uint64, steam.SteamID,
// bool (1 byte), string (a char array, NUL-padded), []uint32 (a uint32 array, every entry given) or
// []byte (a nested struct, as its own fixture lays it out).
type values map[string]any

// callbackFixture is one callback struct's member values, and the event they decode to.
type callbackFixture struct {
	sdk    string // the SDK's struct name
	values values
	want   steam.Event
}

// row is the fixture's callback in the table.
func (f callbackFixture) row() *callback {
	for i := range callbacks {
		if callbacks[i].sdk == f.sdk {
			return &callbacks[i]
		}
	}
	for _, c := range layOut(callStructRows, packFor(runtime.GOOS)) {
		if c.sdk == f.sdk {
			return &c
		}
	}
	panic("no callback row for fixture " + f.sdk)
}

func (f callbackFixture) id() int32 { return f.row().id }
func (f callbackFixture) size() int { return f.row().size }

// bytes lays the struct out: each value at its member's offset in the table (which layout_test.go
// checks against a C compiler), everything else 0xEE (padding garbage, which the decoder must never
// read). A value of the wrong size for its member, or for no member, fails the fixture.
func (f callbackFixture) bytes() []byte {
	c := f.row()
	b := make([]byte, c.size)
	for i := range b {
		b[i] = 0xEE
	}
	for name, v := range f.values {
		var m member
		for _, cm := range c.members {
			if cm.name == name {
				m = cm
			}
		}
		width := map[string]int{"int32": 4, "uint32": 4, "uint16": 2, "float32": 4, "uint64": 8, "steam.SteamID": 8, "bool": 1, "string": m.size}[fmt.Sprintf("%T", v)]
		if ids, isArray := v.([]uint32); isArray {
			width = 4 * len(ids)
		}
		if raw, isStruct := v.([]byte); isStruct { // a nested struct, laid out by its own fixture
			width = len(raw)
		}
		if m.name == "" || width != m.size {
			panic(fmt.Sprintf("fixture: %s.%s (%T) is no %d-byte member of the row", f.sdk, name, v, m.size))
		}
		at := b[m.off : m.off+m.size]
		switch v := v.(type) {
		case int32:
			binary.LittleEndian.PutUint32(at, uint32(v))
		case uint32:
			binary.LittleEndian.PutUint32(at, v)
		case uint16:
			binary.LittleEndian.PutUint16(at, v)
		case float32:
			binary.LittleEndian.PutUint32(at, math.Float32bits(v))
		case uint64:
			binary.LittleEndian.PutUint64(at, v)
		case steam.SteamID:
			binary.LittleEndian.PutUint64(at, uint64(v))
		case bool:
			at[0] = 0
			if v {
				at[0] = 1
			}
		case string:
			clear(at)
			copy(at, v)
		case []uint32:
			for i, id := range v {
				binary.LittleEndian.PutUint32(at[4*i:], id)
			}
		case []byte:
			copy(at, v)
		}
	}
	return b
}

// fixture is the fixture of the SDK struct sdk.
func fixture(sdk string) callbackFixture {
	for _, f := range callbackFixtures {
		if f.sdk == sdk {
			return f
		}
	}
	panic("no fixture " + sdk)
}

var callbackFixtures = []callbackFixture{
	{"SteamServersConnected_t", nil, steam.ServerConnected{}},
	{"SteamServerConnectFailure_t", values{"m_eResult": int32(3), "m_bStillRetrying": true},
		steam.ServerConnectFailure{Result: steam.ResultNoConnection, Retrying: true}},
	{"SteamServersDisconnected_t", values{"m_eResult": int32(20)},
		steam.ServerDisconnected{Result: steam.ResultServiceUnavailable}},
	{"GSPolicyResponse_t", values{"m_bSecure": true},
		steam.PolicyResponse{Secure: true}},
	{"ValidateAuthTicketResponse_t", values{"m_SteamID": userID, "m_eAuthSessionResponse": int32(6), "m_OwnerSteamID": ownerID},
		steam.ValidateAuthTicketResponse{SteamID: userID, Response: steam.AuthSessionAuthTicketCanceled, OwnerID: ownerID}},
	{"GetAuthSessionTicketResponse_t", values{"m_hAuthTicket": uint32(0xCAFE0001), "m_eResult": int32(1)},
		steam.GetAuthSessionTicketResponse{Ticket: 0xCAFE0001, Result: steam.ResultOK}},
	{"GSClientApprove_t", values{"m_SteamID": userID, "m_OwnerSteamID": ownerID},
		steam.ClientApproved{SteamID: userID, OwnerID: ownerID}},
	{"GSClientDeny_t", values{"m_SteamID": userID, "m_eDenyReason": int32(7), "m_rgchOptionalText": "banned by admin"},
		steam.ClientDenied{SteamID: userID, Reason: steam.DenyUnknownText, Text: "banned by admin"}},
	{"GSClientKick_t", values{"m_SteamID": userID, "m_eDenyReason": int32(5)},
		steam.ClientKick{SteamID: userID, Reason: steam.DenyCheater}},
	{"GSClientGroupStatus_t", values{"m_SteamIDUser": userID, "m_SteamIDGroup": groupID, "m_bMember": true, "m_bOfficer": false},
		steam.ClientGroupStatus{SteamID: userID, GroupID: groupID, Member: true, Officer: false}},
	{"AssociateWithClanResult_t", values{"m_eResult": int32(2)},
		steam.AssociateClan{Result: steam.ResultFail}},
	{"ComputeNewPlayerCompatibilityResult_t", values{"m_eResult": int32(1), "m_cPlayersThatDontLikeCandidate": int32(3),
		"m_cPlayersThatCandidateDoesntLike": int32(4), "m_cClanPlayersThatDontLikeCandidate": int32(5), "m_SteamIDCandidate": userID},
		steam.PlayerCompat{Result: steam.ResultOK, PlayersDontLikeCandidate: 3, PlayersCandidateDoesntLike: 4,
			ClanPlayersDontLikeCandidate: 5, SteamID: userID}},
	{"GSStatsReceived_t", values{"m_eResult": int32(16), "m_steamIDUser": userID},
		steam.StatsReceived{Result: steam.Result(16), SteamID: userID}},
	{"GSStatsStored_t", values{"m_eResult": int32(1), "m_steamIDUser": userID},
		steam.StatsStored{Result: steam.ResultOK, SteamID: userID}},
	{"GSStatsUnloaded_t", values{"m_steamIDUser": userID},
		steam.StatsUnloaded{SteamID: userID}},
	{"SteamUGCQueryCompleted_t", values{"m_handle": uint64(0x1122334455667788), "m_eResult": int32(1), "m_unNumResultsReturned": uint32(3),
		"m_unTotalMatchingResults": uint32(41), "m_bCachedData": true, "m_rgchNextCursor": "AoJ4k*"},
		steam.UGCQueryCompleted{Handle: 0x1122334455667788, Result: steam.ResultOK, Returned: 3, Total: 41, Cached: true}},
	{"ItemInstalled_t", values{"m_unAppID": uint32(480), "m_nPublishedFileId": uint64(0x0A0B0C0D0E0F1011),
		"m_hLegacyContent": uint64(0x2122232425262728), "m_unManifestID": uint64(0x3132333435363738)},
		steam.ItemInstalled{AppID: 480, FileID: 0x0A0B0C0D0E0F1011}},
	{"DownloadItemResult_t", values{"m_unAppID": uint32(480), "m_nPublishedFileId": uint64(0x0A0B0C0D0E0F1011), "m_eResult": int32(9)},
		steam.ItemDownloaded{Result: steam.ResultFileNotFound, FileID: 0x0A0B0C0D0E0F1011, AppID: 480}},
	// 3 app IDs of the array's 32 (the rest are other numbers, which must not be read), of 40.
	{"GetAppDependenciesResult_t", values{"m_eResult": int32(1), "m_nPublishedFileId": uint64(0x0A0B0C0D0E0F1011),
		"m_rgAppIDs": appIDs(5000, 32), "m_nNumAppDependencies": uint32(3), "m_nTotalNumAppDependencies": uint32(40)},
		steam.AppDependencies{Result: steam.ResultOK, FileID: 0x0A0B0C0D0E0F1011, AppIDs: []uint32{5000, 5001, 5002}, Total: 40}},
	{"HTTPRequestCompleted_t", values{"m_hRequest": uint32(0xA1B2C3D4), "m_ulContextValue": uint64(0x0102030405060708),
		"m_bRequestSuccessful": true, "m_eStatusCode": int32(404), "m_unBodySize": uint32(0x00C0FFEE)},
		steam.HTTPRequestCompleted{Request: 0xA1B2C3D4, Context: 0x0102030405060708, Success: true, Status: 404, BodySize: 0x00C0FFEE}},
	{"HTTPRequestHeadersReceived_t", values{"m_hRequest": uint32(0xA1B2C3D4), "m_ulContextValue": uint64(0x0102030405060708)},
		steam.HTTPRequestHeadersReceived{Request: 0xA1B2C3D4, Context: 0x0102030405060708}},
	{"HTTPRequestDataReceived_t", values{"m_hRequest": uint32(0xA1B2C3D4), "m_ulContextValue": uint64(0x0102030405060708),
		"m_cOffset": uint32(0x00010000), "m_cBytesReceived": uint32(0x00004000)},
		steam.HTTPRequestDataReceived{Request: 0xA1B2C3D4, Context: 0x0102030405060708, Offset: 0x10000, BytesReceived: 0x4000}},
	{"SteamInventoryResultReady_t", values{"m_handle": int32(0x01020304), "m_result": int32(27)},
		steam.InventoryResultReady{Handle: 0x01020304, Result: steam.ResultExpired}},
	{"SteamInventoryFullUpdate_t", values{"m_handle": int32(0x01020304)}, steam.InventoryFullUpdate{Handle: 0x01020304}},
	{"SteamInventoryDefinitionUpdate_t", nil, steam.InventoryDefinitionUpdate{}},
	{"SteamInventoryEligiblePromoItemDefIDs_t", values{"m_result": int32(1), "m_steamID": userID, "m_numEligiblePromoItemDefs": int32(3),
		"m_bCachedData": true}, steam.InventoryEligiblePromoItems{Result: steam.ResultOK, SteamID: userID, Cached: true, Definitions: make([]int32, 3)}},
	{"SteamInventoryStartPurchaseResult_t", values{"m_result": int32(1), "m_ulOrderID": uint64(0x1112131415161718), "m_ulTransID": uint64(0x2122232425262728)},
		steam.InventoryStartPurchaseResult{Result: steam.ResultOK, OrderID: 0x1112131415161718, TransactionID: 0x2122232425262728}},
	{"SteamInventoryRequestPricesResult_t", values{"m_result": int32(1), "m_rgchCurrency": "EUR"},
		steam.InventoryRequestPricesResult{Result: steam.ResultOK, Currency: "EUR"}},
}

// appIDs is n app IDs counting up from first.
func appIDs(first uint32, n int) []uint32 {
	ids := make([]uint32, n)
	for i := range ids {
		ids[i] = first + uint32(i)
	}
	return ids
}

func TestDecodeEveryCallback(t *testing.T) {
	seen := map[int32]bool{}
	for _, f := range callbackFixtures {
		seen[f.id()] = true
		got, ok := decodeCallback(f.id(), f.bytes())
		if !ok || !reflect.DeepEqual(got, f.want) {
			t.Errorf("%s (%d): got %#v, %v; want %#v", f.sdk, f.id(), got, ok, f.want)
		}
		if len(f.values) != len(f.row().members) {
			t.Errorf("%s: the fixture sets %d members, the struct has %d", f.sdk, len(f.values), len(f.row().members))
		}
	}
	decoding := 0
	for _, c := range callbacks {
		if c.decode != nil {
			decoding++
		}
	}
	if len(seen) != decoding {
		t.Errorf("%d callbacks have fixtures, want one for each of the %d that decode an event", len(seen), decoding)
	}
	for _, c := range callbacks {
		if c.decode != nil && !seen[c.id] {
			t.Errorf("%s decodes an event but has no fixture", c.sdk)
		}
	}
}

// A struct one byte shorter than its Linux size is skipped rather than read past its end; a
// decoder written for Windows' pack-8 layout (24-byte ValidateAuthTicketResponse_t) fails here.
func TestDecodeSkipsShortStructs(t *testing.T) {
	for _, f := range callbackFixtures {
		if f.size() == 1 {
			continue
		}
		if ev, ok := decodeCallback(f.id(), f.bytes()[:f.size()-1]); ok {
			t.Errorf("%s: decoded %#v from %d bytes (needs %d)", f.sdk, ev, f.size()-1, f.size())
		}
	}
	if _, ok := decodeCallback(fixture("GSPolicyResponse_t").id(), nil); ok {
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
	f := fixture("GSClientDeny_t")
	b := f.bytes()
	copy(b[12+5:], "\x00garbage")
	ev, _ := decodeCallback(f.id(), b)
	if got := ev.(steam.ClientDenied).Text; got != "banne" {
		t.Errorf("text after a NUL: got %q", got)
	}
	for i := 12; i < 140; i++ {
		b[i] = 'x'
	}
	b = append(b, "past the end"...)
	ev, _ = decodeCallback(f.id(), b)
	if got := ev.(steam.ClientDenied).Text; len(got) != 128 {
		t.Errorf("unterminated text: got %d bytes, want 128", len(got))
	}
}

func TestDecodeAPICallCompleted(t *testing.T) {
	f := callbackFixture{sdk: "SteamAPICallCompleted_t", values: values{"m_hAsyncCall": uint64(0x1122334455667788), "m_iCallback": int32(211), "m_cubParam": uint32(24)}}
	got, ok := decodeAPICallCompleted(f.bytes())
	if want := (apiCallCompleted{call: 0x1122334455667788, id: 211, size: 24}); !ok || got != want {
		t.Errorf("got %+v, %v; want %+v", got, ok, want)
	}
	if _, ok := decodeAPICallCompleted(f.bytes()[:15]); ok {
		t.Error("decoded a 15-byte SteamAPICallCompleted_t")
	}
}

// GetAppDependenciesResult_t holds as many app IDs as m_nNumAppDependencies says, never more than
// its array's 32 whatever Steam claims, and none as nil (as the offline backend's empty reply).
func TestDecodeAppDependenciesCount(t *testing.T) {
	f := fixture("GetAppDependenciesResult_t")
	for claimed, want := range map[uint32][]uint32{0: nil, 32: appIDs(5000, 32), 33: appIDs(5000, 32), ^uint32(0): appIDs(5000, 32)} {
		f.values = values{"m_eResult": int32(1), "m_nPublishedFileId": uint64(7), "m_rgAppIDs": appIDs(5000, 32),
			"m_nNumAppDependencies": claimed, "m_nTotalNumAppDependencies": uint32(40)}
		ev, ok := decodeCallback(f.id(), f.bytes())
		if got := (steam.AppDependencies{Result: steam.ResultOK, FileID: 7, AppIDs: want, Total: 40}); !ok || !reflect.DeepEqual(ev, got) {
			t.Errorf("%d claimed: got %#v, %v; want %#v", claimed, ev, ok, got)
		}
	}
}
