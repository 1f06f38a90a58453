package steamworks

import (
	"testing"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// dependenciesResult is a GetAppDependenciesResult_t holding ids (the rest of its array other
// numbers) of total.
func dependenciesResult(file uint64, ids []uint32, total uint32) []byte {
	array := append(append([]uint32{}, ids...), appIDs(9000, steam.MaxAppDependenciesPerResult-len(ids))...)
	return callbackFixture{sdk: "GetAppDependenciesResult_t", values: values{"m_eResult": int32(steam.ResultOK),
		"m_nPublishedFileId": file, "m_rgAppIDs": array, "m_nNumAppDependencies": uint32(len(ids)),
		"m_nTotalNumAppDependencies": total}}.bytes()
}

// answerCall makes the next frame complete call with result (failed: Steam reports the call failed).
func answerCall(f *fakeFlat, call uint64, result []byte, failed bool) {
	f.results[call], f.failed[call] = result, failed
	f.callbacks = append(f.callbacks, fakeCallback{idAPICallCompleted, completed(call, idAppDependencies, uint32(len(result)))})
}

// An item with 40 app dependencies, answered in two results of one call through the pump (the
// copy the emulator would also post as a callback is no third event); the call is then forgotten.
func TestAppDependenciesThroughThePump(t *testing.T) {
	f := newFake(t)
	b, q := started(t, f)
	f.nextCall = 0x99
	require.NoError(t, b.AppDependencies(2001))
	assert.Equal(t, []string{"GetAppDependencies(0x7d1)"}, f.take())
	assert.Equal(t, uint64(0x99), b.lastCall, "isAPICallCompleted asks about it")

	first := dependenciesResult(2001, appIDs(5000, 32), 40)
	answerCall(f, 0x99, first, false)
	f.callbacks = append(f.callbacks, fakeCallback{idAppDependencies, first})
	b.RunFrame()
	size := uint32(len(first))
	assert.Equal(t, []steam.Event{steam.APICallCompleted{Call: 0x99, Callback: 3416, Size: size},
		steam.AppDependencies{Result: steam.ResultOK, FileID: 2001, AppIDs: appIDs(5000, 32), Total: 40}}, allEvents(q))
	assert.Contains(t, b.dependencies, uint64(0x99), "8 app IDs are still to come")

	answerCall(f, 0x99, dependenciesResult(2001, appIDs(5032, 8), 40), false)
	b.RunFrame()
	assert.Equal(t, []steam.Event{steam.APICallCompleted{Call: 0x99, Callback: 3416, Size: size},
		steam.AppDependencies{Result: steam.ResultOK, FileID: 2001, AppIDs: appIDs(5032, 8), Total: 40}}, allEvents(q))
	assert.Empty(t, b.dependencies, "a call whose results held every app ID is forgotten")

	// An item without app dependencies: one empty result.
	f.nextCall = 0x9A
	require.NoError(t, b.AppDependencies(2002))
	answerCall(f, 0x9A, dependenciesResult(2002, nil, 0), false)
	b.RunFrame()
	assert.Equal(t, []steam.Event{steam.AppDependencies{Result: steam.ResultOK, FileID: 2002}}, events(q))
	assert.Empty(t, b.dependencies)
}

// A call whose result fails is answered with RESULT_FAIL for its item, also when it fails after
// a first result.
func TestFailedAppDependenciesNameTheItem(t *testing.T) {
	f := newFake(t)
	b, q := started(t, f)
	f.nextCall = 0x9A
	require.NoError(t, b.AppDependencies(2002))
	answerCall(f, 0x9A, make([]byte, len(dependenciesResult(0, nil, 0))), true)
	b.RunFrame()
	assert.Equal(t, []steam.Event{steam.AppDependencies{Result: steam.ResultFail, FileID: 2002}}, events(q))

	f.nextCall = 0x9B
	require.NoError(t, b.AppDependencies(2001))
	answerCall(f, 0x9B, dependenciesResult(2001, appIDs(5000, 32), 40), false)
	b.RunFrame()
	answerCall(f, 0x9B, make([]byte, len(dependenciesResult(0, nil, 0))), true)
	b.RunFrame()
	assert.Equal(t, []steam.Event{steam.AppDependencies{Result: steam.ResultOK, FileID: 2001, AppIDs: appIDs(5000, 32), Total: 40},
		steam.AppDependencies{Result: steam.ResultFail, FileID: 2001}}, events(q))
	assert.Empty(t, b.dependencies, "answered calls are still remembered")
}
