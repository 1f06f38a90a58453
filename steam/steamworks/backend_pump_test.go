package steamworks

import (
	"reflect"
	"slices"
	"testing"

	"github.com/gosteam/godot-steam-server/steam"
)

// The pump drains every callback each frame, in order, frees each one before the next, skips
// unknown ones, and fetches async results while their SteamAPICallCompleted_t is current.
func TestPumpDecodesCallbacksInOrder(t *testing.T) {
	f := newFake(t)
	b, q := started(t, f)
	f.nextCall = 0x900
	b.ComputeNewPlayerCompatibility(userID)
	f.results[0x900] = fixture("ComputeNewPlayerCompatibilityResult_t").bytes()
	f.callbacks = []fakeCallback{
		{fixture("SteamServersConnected_t").id(), fixture("SteamServersConnected_t").bytes()},
		{fixture("GSPolicyResponse_t").id(), fixture("GSPolicyResponse_t").bytes()},
		{1201, make([]byte, 40)}, // SteamNetConnectionStatusChangedCallback_t: not ours, skipped
		{idAPICallCompleted, completed(0x900, idPlayerCompatibilityResult, 24)},
		{fixture("ValidateAuthTicketResponse_t").id(), fixture("ValidateAuthTicketResponse_t").bytes()},
	}
	f.take()
	b.RunFrame()
	want := []steam.Event{
		fixture("SteamServersConnected_t").want,
		fixture("GSPolicyResponse_t").want,
		fixture("ComputeNewPlayerCompatibilityResult_t").want,
		fixture("ValidateAuthTicketResponse_t").want,
	}
	if got := events(q); !reflect.DeepEqual(got, want) {
		t.Errorf("events:\n got %#v\nwant %#v", got, want)
	}
	wantCalls := []string{
		"SteamAPI_ManualDispatch_RunFrame(7)",
		"SteamAPI_ManualDispatch_GetNextCallback(7)", "SteamAPI_ManualDispatch_FreeLastCallback(7)",
		"SteamAPI_ManualDispatch_GetNextCallback(7)", "SteamAPI_ManualDispatch_FreeLastCallback(7)",
		"SteamAPI_ManualDispatch_GetNextCallback(7)", "SteamAPI_ManualDispatch_FreeLastCallback(7)",
		"SteamAPI_ManualDispatch_GetNextCallback(7)", "SteamAPI_ManualDispatch_GetAPICallResult(7, 0x900, 24, 211)",
		"SteamAPI_ManualDispatch_FreeLastCallback(7)",
		"SteamAPI_ManualDispatch_GetNextCallback(7)", "SteamAPI_ManualDispatch_FreeLastCallback(7)",
		"SteamAPI_ManualDispatch_GetNextCallback(7)",
	}
	if got := f.take(); !slices.Equal(got, wantCalls) {
		t.Errorf("dispatch calls:\n got %q\nwant %q", got, wantCalls)
	}
	if f.current != nil {
		t.Error("the last callback was not freed")
	}
}

// A call whose result cannot be fetched, or reports failure, still answers: with ResultFail, and
// for compatibility with the player it was about.
func TestPumpReportsFailedCalls(t *testing.T) {
	f := newFake(t)
	b, q := started(t, f)
	f.nextCall = 0x901
	b.AssociateWithClan(groupID)
	f.nextCall = 0x902
	b.ComputeNewPlayerCompatibility(userID)
	f.results[0x902] = fixture("ComputeNewPlayerCompatibilityResult_t").bytes()
	f.failed[0x902] = true
	f.callbacks = []fakeCallback{
		{idAPICallCompleted, completed(0x901, idAssociateWithClanResult, 4)}, // no result stored: GetAPICallResult fails
		{idAPICallCompleted, completed(0x902, idPlayerCompatibilityResult, 24)},
		{idAPICallCompleted, completed(0x903, 9999, 8)},     // someone else's call: fetched, skipped
		{idAPICallCompleted, completed(0x904, 9999, 1<<20)}, // absurd size: not fetched
		{idAPICallCompleted, []byte{1, 2, 3}},               // truncated: skipped
	}
	b.RunFrame()
	want := []steam.Event{
		steam.AssociateClan{Result: steam.ResultFail},
		steam.PlayerCompat{Result: steam.ResultFail, SteamID: userID},
	}
	if got := events(q); !reflect.DeepEqual(got, want) {
		t.Errorf("events:\n got %#v\nwant %#v", got, want)
	}
	if len(b.pending) != 0 {
		t.Errorf("answered calls are still remembered: %v", b.pending)
	}
}

// Steam refuses to start an async call (k_uAPICallInvalid) when, for example, the server is not
// logged on: the signal still comes, with ResultFail.
func TestRefusedAsyncCallsAnswerWithFailure(t *testing.T) {
	f := newFake(t)
	b, q := started(t, f)
	b.AssociateWithClan(groupID)
	b.ComputeNewPlayerCompatibility(userID)
	want := []steam.Event{
		steam.AssociateClan{Result: steam.ResultFail},
		steam.PlayerCompat{Result: steam.ResultFail, SteamID: userID},
	}
	if got := events(q); !reflect.DeepEqual(got, want) {
		t.Errorf("got %#v, want %#v", got, want)
	}
	if got := f.take(); !slices.Equal(got, []string{"AssociateWithClan(0x170000000123457)", "ComputeNewPlayerCompatibility(0x110000100a1b2c3)"}) {
		t.Errorf("calls %q", got)
	}
}
