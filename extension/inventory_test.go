package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/gosteam/godot-steam-server/steam/offline"
)

func inventoryTestServer(t *testing.T) *steam.Server {
	t.Helper()
	realm, err := offline.NewRealm([]byte(t.Name() + strings.Repeat("k", offline.RealmKeyLen))[:offline.RealmKeyLen]) // a key of this test's own
	require.NoError(t, err)
	s := steam.NewServer(func() (steam.Backend, error) {
		return offline.New(offline.Options{Realm: realm, Data: offline.NewData()}), nil
	})
	require.NoError(t, s.Init(steam.InitConfig{Mode: steam.ServerModeAuthentication, AppID: 480}))
	resetInventoryHandles()
	t.Cleanup(func() { _ = s.Shutdown(); resetInventoryHandles() })
	return s
}

func frame(s *steam.Server) {
	s.RunFrame()
	s.Events().Drain(noteInventoryEvent)
}

// GodotSteam Server 4's current handles: a call that makes a result, and the result's signals,
// make it current; 0 names it; destroying or submitting the current one makes none current.
func TestCurrentInventoryHandles(t *testing.T) {
	s := inventoryTestServer(t)
	_, err := resultOf(0)
	assert.ErrorContains(t, err, "no inventory result is current")

	first, err := makes((*steam.Server).InventoryGetAllItems)(s)
	require.NoError(t, err)
	second, err := makes2((*steam.Server).InventoryGenerateItems)(s, []int64{100}, nil)
	require.NoError(t, err)
	h, err := resultOf(0)
	require.NoError(t, err)
	assert.Equal(t, second, h, "the newest result is current")
	status, err := onResult(steam.ResultFail, (*steam.Server).InventoryResultStatus)(s, 0)
	require.NoError(t, err)
	assert.Equal(t, steam.ResultPending, status)

	noteInventoryEvent(steam.InventoryFullUpdate{Handle: first})
	h, _ = resultOf(0)
	assert.Equal(t, first, h, "inventory_full_update makes its result current, as GodotSteam's callback does")
	frame(s) // first's full update and ready, then second's ready
	h, _ = resultOf(0)
	assert.Equal(t, second, h, "the last inventory_result_ready's result")

	items, err := onResult(nil, (*steam.Server).InventoryResultItems)(s, 0)
	require.NoError(t, err)
	require.Len(t, items, 1)
	assert.Equal(t, int32(100), items[0].Definition)

	require.NoError(t, destroyResult(s, 0))
	_, err = resultOf(0)
	assert.ErrorContains(t, err, "no inventory result is current", "a destroyed current result is current no more")
	require.NoError(t, destroyResult(s, int64(first)))
	assert.ErrorContains(t, destroyResult(s, int64(first)), "no inventory result")

	_, err = updateOf(0)
	assert.ErrorContains(t, err, "call startUpdateProperties first")
	require.NoError(t, startUpdateProperties(s))
	_, u := currentHandles()
	require.NotZero(t, u)
	ok, err := setPropertyInt(s, int64(items[0].ItemID), "level", 3, 0)
	require.NoError(t, err)
	assert.True(t, ok)
	ok, err = setPropertyFloat(s, int64(items[0].ItemID), "wear", 1e39, 0)
	assert.ErrorContains(t, err, "beyond a 32-bit float")
	assert.False(t, ok)
	r, err := submitUpdateProperties(s, 0)
	require.NoError(t, err)
	h, _ = resultOf(0)
	assert.Equal(t, r, h)
	_, u = currentHandles()
	assert.Zero(t, u, "a submitted update is current no more")

	require.NoError(t, setInventoryHandle(s, 0))
	assert.ErrorContains(t, setInventoryHandle(s, -1), "INVENTORY_RESULT_INVALID")
	require.NoError(t, setInventoryUpdateHandle(s, 1<<40))
	_, u = currentHandles()
	assert.Equal(t, uint64(1<<40), u, "the update handle keeps its 64 bits")
}

func TestInventoryDictionaryKeys(t *testing.T) {
	for _, k := range []struct {
		key  key
		name string
	}{{keyItemID, "item_id"}, {keyItemDefinition, "item_definition"}, {keyFlags, "flags"}, {keyQuantity, "quantity"},
		{keyItem, "item"}, {keyPrice, "price"}, {keyBasePrices, "base_prices"}, {keyBasePrice, "base_price"},
		{keyProperty, "property"}, {keySuccess, "success"}} {
		assert.Equal(t, k.name, keyNames[k.key], "godotsteam_server.cpp's key")
	}
}
