package steamworks

import (
	"testing"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The calls that make a result pass their arguments as Steam's C arrays and give Steam's handle;
// Steam's false is an error saying what a game server can do instead.
func TestInventoryCallsPassSteamsArrays(t *testing.T) {
	f := newFake(t)
	b, _ := started(t, f)
	_, err := b.InventoryGetAllItems()
	assert.ErrorContains(t, err, "Steam refused GetAllItems(): a game server's ISteamInventory acts for no user of its own")
	f.take()

	f.inv.handle = 0x4321
	for _, c := range []struct {
		call func() (int32, error)
		want string
	}{
		{b.InventoryGetAllItems, "GetAllItems()"},
		{b.InventoryGrantPromoItems, "GrantPromoItems()"},
		{func() (int32, error) { return b.InventoryGetItemsByID([]uint64{0x0102030405060708, 9}) }, "GetItemsByID(08 07 06 05 04 03 02 01 09 00 00 00 00 00 00 00, 2)"},
		{func() (int32, error) {
			return b.InventoryGenerateItems([]steam.ItemGrant{{Definition: 100, Quantity: 3}, {Definition: 0x01020304, Quantity: 1}})
		}, "GenerateItems(64 00 00 00 04 03 02 01, 03 00 00 00 01 00 00 00, 2)"},
		{func() (int32, error) { return b.InventoryAddPromoItems([]int32{120}) }, "AddPromoItem(120)"},
		{func() (int32, error) { return b.InventoryAddPromoItems([]int32{120, 121}) }, "AddPromoItems(78 00 00 00 79 00 00 00, 2)"},
		{func() (int32, error) { return b.InventoryConsumeItem(77, 2) }, "ConsumeItem(77, 2)"},
		{func() (int32, error) {
			return b.InventoryExchangeItems([]steam.ItemGrant{{Definition: 110, Quantity: 1}}, []steam.ItemTake{{ItemID: 5, Quantity: 2}})
		}, "ExchangeItems(6e 00 00 00, 01 00 00 00, 1, 05 00 00 00 00 00 00 00, 02 00 00 00, 1)"},
		{func() (int32, error) { return b.InventoryTransferItemQuantity(5, 1, steam.ItemInstanceIDInvalid) }, "TransferItemQuantity(5, 1, 0xffffffffffffffff)"},
		{func() (int32, error) { return b.InventoryTriggerItemDrop(10) }, "TriggerItemDrop(10)"},
		{func() (int32, error) { return b.InventoryDeserializeResult([]byte{1, 2}) }, "DeserializeResult(01 02, false)"},
		{func() (int32, error) { return b.InventorySubmitUpdateProperties(12) }, "SubmitUpdateProperties(12)"},
	} {
		h, err := c.call()
		require.NoError(t, err, c.want)
		assert.Equal(t, int32(0x4321), h, c.want)
		assert.Equal(t, []string{c.want}, f.take())
	}
}

func TestInventoryResultReads(t *testing.T) {
	f := newFake(t)
	b, _ := started(t, f)
	_, err := b.InventoryResultItems(3)
	assert.ErrorContains(t, err, "Steam refused GetResultItems(3)")
	f.bools[symGetResultItems], f.bools[symSerializeResult], f.bools[symGetResultItemProperty] = true, true, true
	f.inv.items = []steam.ItemDetails{{ItemID: 0x1122334455667788, Definition: 100, Quantity: 3, Flags: steam.ItemNoTrade},
		{ItemID: 2, Definition: 0x7FFFFFFF, Quantity: 0xFFFF, Flags: steam.ItemRemoved | steam.ItemConsumed}}
	f.take()
	items, err := b.InventoryResultItems(3)
	require.NoError(t, err)
	assert.Equal(t, f.inv.items, items, "SteamItemDetails_t read at its layout")
	assert.Equal(t, []string{"GetResultItems(3, buf[0], 0)", "GetResultItems(3, buf[32], 2)"}, f.take(), "the count first, then the items")

	f.inv.serialized = []byte("signed result")
	buf, err := b.InventorySerializeResult(3)
	require.NoError(t, err)
	assert.Equal(t, []byte("signed result"), buf)
	f.inv.serialized = make([]byte, steam.MaxSerializedResult+1)
	_, err = b.InventorySerializeResult(3)
	assert.ErrorContains(t, err, "getItemsByID")

	f.inv.text = `{"level":3}`
	f.take()
	v, err := b.InventoryResultItemProperty(3, 1, "dynamic_props")
	require.NoError(t, err)
	assert.Equal(t, `{"level":3}`, v, "the text without Steam's NUL")
	assert.Equal(t, []string{`GetResultItemProperty(3, 1, "dynamic_props", buf[0])`, `GetResultItemProperty(3, 1, "dynamic_props", buf[12])`}, f.take())
	f.bools[symGetResultItemProperty] = false
	v, err = b.InventoryResultItemProperty(3, 1, "nope")
	require.NoError(t, err)
	assert.Equal(t, "", v)

	f.inv.status, f.inv.stamp, f.inv.owner = 27, 1700000000, uint64(userID)
	st, _ := b.InventoryResultStatus(3)
	assert.Equal(t, steam.ResultExpired, st)
	ts, _ := b.InventoryResultTimestamp(3)
	assert.Equal(t, uint32(1700000000), ts)
	mine, _ := b.InventoryCheckResultSteamID(3, userID)
	other, _ := b.InventoryCheckResultSteamID(3, ownerID)
	assert.True(t, mine)
	assert.False(t, other)
	require.NoError(t, b.InventoryDestroyResult(3))
	assert.Contains(t, f.take(), "DestroyResult(3)")
}

func TestInventoryDefinitionsPricesAndProperties(t *testing.T) {
	f := newFake(t)
	b, q := started(t, f)
	f.inv.text = "Sword"
	v, found, err := b.InventoryItemDefinitionProperty(100, "")
	require.NoError(t, err)
	assert.False(t, found, "Steam said false")
	f.bools[symGetItemDefinitionProperty] = true
	f.take()
	v, found, _ = b.InventoryItemDefinitionProperty(100, "")
	assert.Equal(t, "Sword", v)
	assert.True(t, found)
	assert.Equal(t, []string{`GetItemDefinitionProperty(100, "", buf[0])`, `GetItemDefinitionProperty(100, "", buf[6])`}, f.take(),
		`"" passes NULL, which lists the names`)

	f.inv.prices = []steam.ItemPrice{{Definition: 100, Price: 150, BasePrice: 200}, {Definition: 101, Price: 1 << 40, BasePrice: 7}}
	f.bools[symGetItemsWithPrices] = true
	prices, err := b.InventoryItemsWithPrices()
	require.NoError(t, err)
	assert.Equal(t, f.inv.prices, prices)
	price, base, err := b.InventoryItemPrice(101)
	require.NoError(t, err)
	assert.Equal(t, [2]uint64{1 << 40, 7}, [2]uint64{price, base})
	price, base, _ = b.InventoryItemPrice(999)
	assert.Equal(t, [2]uint64{0, 0}, [2]uint64{price, base}, "no price: 0 and 0, as GodotSteam reads Steam's false")

	_, err = b.InventoryStartUpdateProperties()
	assert.ErrorContains(t, err, "Steam refused StartUpdateProperties")
	f.inv.update = 0x55
	u, err := b.InventoryStartUpdateProperties()
	require.NoError(t, err)
	assert.Equal(t, uint64(0x55), u)
	assert.ErrorContains(t, b.InventorySetProperty(u, 9, "a", steam.PropertyValue{Kind: steam.PropertyBool, Bool: true}), "Steam refused SetPropertyBool")
	for _, s := range []sym{symRemoveProperty, symSetPropertyString, symSetPropertyBool, symSetPropertyInt64, symSetPropertyFloat} {
		f.bools[s] = true
	}
	f.take()
	for _, v := range []steam.PropertyValue{{Kind: steam.PropertyRemove}, {Kind: steam.PropertyString, Text: "x"},
		{Kind: steam.PropertyBool, Bool: true}, {Kind: steam.PropertyInt, Int: -5}, {Kind: steam.PropertyFloat, Float: 0.5}} {
		require.NoError(t, b.InventorySetProperty(u, 9, "p", v))
	}
	assert.Equal(t, []string{`RemoveProperty(85, 9, "p")`, `SetPropertyString(85, 9, "p", "x")`, `SetPropertyBool(85, 9, "p", true)`,
		`SetPropertyInt64(85, 9, "p", -5)`, `SetPropertyFloat(85, 9, "p", 0.5)`}, f.take())

	// Requests Steam does not start are answered with a failure at once.
	require.NoError(t, b.InventoryRequestPrices())
	require.NoError(t, b.InventoryRequestEligiblePromoItems(userID))
	require.NoError(t, b.InventoryStartPurchase([]steam.ItemGrant{{Definition: 100, Quantity: 1}}))
	assert.Equal(t, []steam.Event{steam.InventoryRequestPricesResult{Result: steam.ResultFail},
		steam.InventoryEligiblePromoItems{Result: steam.ResultFail, SteamID: userID, Definitions: []int32{}},
		steam.InventoryStartPurchaseResult{Result: steam.ResultFail}}, events(q))
}

// The callbacks come through the pump with what GodotSteam Server 4's handlers add: the
// definitions' IDs, a user's eligible promo items; a call result that failed still answers.
func TestInventoryCallbacksThroughThePump(t *testing.T) {
	f := newFake(t)
	b, q := started(t, f)
	f.inv.defs = []int32{10, 100, 0x7FFFFFFF}
	ready, full, defs := fixture("SteamInventoryResultReady_t"), fixture("SteamInventoryFullUpdate_t"), fixture("SteamInventoryDefinitionUpdate_t")
	f.callbacks = []fakeCallback{{full.id(), full.bytes()}, {ready.id(), ready.bytes()}, {defs.id(), defs.bytes()}}
	b.RunFrame()
	assert.Equal(t, []steam.Event{full.want, ready.want, steam.InventoryDefinitionUpdate{Definitions: []int32{10, 100, 0x7FFFFFFF}}}, events(q))

	f.nextCall = 0x31
	require.NoError(t, b.InventoryRequestEligiblePromoItems(userID))
	eligible := fixture("SteamInventoryEligiblePromoItemDefIDs_t") // 3 definitions
	f.results[0x31] = eligible.bytes()
	f.inv.defs = []int32{120, 121, 122, 123}
	f.callbacks = []fakeCallback{{idAPICallCompleted, completed(0x31, eligible.id(), uint32(eligible.size()))}, {eligible.id(), eligible.bytes()}}
	f.take()
	b.RunFrame()
	assert.Equal(t, []steam.Event{steam.InventoryEligiblePromoItems{Result: steam.ResultOK, SteamID: userID, Cached: true, Definitions: []int32{120, 121, 122}}},
		events(q), "as many as the struct counted, once although the emulator also posts it as a callback")
	assert.Contains(t, f.take(), "GetEligiblePromoItemDefinitionIDs(0x110000100a1b2c3, buf[12], 3)")

	f.nextCall = 0x32
	require.NoError(t, b.InventoryRequestEligiblePromoItems(userID))
	f.results[0x32], f.failed[0x32] = make([]byte, eligible.size()), true
	f.callbacks = []fakeCallback{{idAPICallCompleted, completed(0x32, eligible.id(), uint32(eligible.size()))}}
	b.RunFrame()
	assert.Equal(t, []steam.Event{steam.InventoryEligiblePromoItems{Result: steam.ResultFail, SteamID: userID, Definitions: []int32{}}}, events(q),
		"a failed call still names its user")

	prices := fixture("SteamInventoryRequestPricesResult_t")
	f.nextCall = 0x33
	require.NoError(t, b.InventoryRequestPrices())
	f.results[0x33] = prices.bytes()
	f.callbacks = []fakeCallback{{idAPICallCompleted, completed(0x33, prices.id(), uint32(prices.size()))}}
	b.RunFrame()
	assert.Equal(t, []steam.Event{prices.want}, events(q))
}

func TestInventoryWithoutTheInterface(t *testing.T) {
	f := newFake(t)
	f.inv.noInventory = true
	b, q := started(t, f)
	_, err := b.InventoryGetAllItems()
	assert.ErrorIs(t, err, errNoInventoryInterface)
	_, err = b.InventoryResultStatus(1)
	assert.ErrorIs(t, err, errNoInventoryInterface)
	assert.ErrorIs(t, b.InventoryRequestPrices(), errNoInventoryInterface)
	f.callbacks = []fakeCallback{{fixture("SteamInventoryDefinitionUpdate_t").id(), []byte{0}}}
	b.RunFrame()
	assert.Equal(t, []steam.Event{steam.InventoryDefinitionUpdate{}}, events(q), "a broadcast still comes, with nothing asked of a NULL interface")
	assert.NotContains(t, f.take(), "GetItemDefinitionIDs(buf[0], 0)")
}

// driveInventory calls every inventory symbol once, for TestEverySymbolIsCalled.
func driveInventory(t *testing.T, f *fakeFlat, srv *steam.Server) {
	t.Helper()
	f.inv.handle, f.inv.update = 9, 0x66
	for _, s := range []sym{symGetResultItems, symSerializeResult, symGetResultItemProperty, symGetItemDefinitionProperty, symLoadItemDefinitions,
		symRemoveProperty, symSetPropertyString, symSetPropertyBool, symSetPropertyInt64, symSetPropertyFloat} {
		f.bools[s] = true
	}
	f.inv.serialized, f.inv.defs = []byte{1}, []int32{1}
	f.inv.prices = []steam.ItemPrice{{Definition: 100, Price: 1, BasePrice: 1}}
	must := func(err error) {
		t.Helper()
		require.NoError(t, err)
	}
	for _, c := range []func() error{
		func() error { _, err := srv.InventoryGetAllItems(); return err },
		func() error { _, err := srv.InventoryGetItemsByID([]int64{1}); return err },
		func() error { _, err := srv.InventoryGenerateItems([]int64{100}, nil); return err },
		func() error { _, err := srv.InventoryGrantPromoItems(); return err },
		func() error { _, err := srv.InventoryAddPromoItem(120); return err },
		func() error { _, err := srv.InventoryAddPromoItems([]int64{120, 121}); return err },
		func() error { _, err := srv.InventoryConsumeItem(1, 1); return err },
		func() error { _, err := srv.InventoryExchangeItems([]int64{110}, nil, []int64{1}, nil); return err },
		func() error { _, err := srv.InventoryTransferItemQuantity(1, 1, 0, true); return err },
		func() error { _, err := srv.InventoryTriggerItemDrop(10); return err },
		func() error { _, err := srv.InventoryDeserializeResult([]byte{1}); return err },
		func() error { _, err := srv.InventoryResultStatus(9); return err },
		func() error { _, err := srv.InventoryResultItems(9); return err },
		func() error { _, err := srv.InventoryResultItemProperty(9, 0, ""); return err },
		func() error { _, err := srv.InventoryResultTimestamp(9); return err },
		func() error { _, err := srv.InventoryCheckResultSteamID(9, userID); return err },
		func() error { _, err := srv.InventorySerializeResult(9); return err },
		func() error { return srv.InventoryDestroyResult(9) },
		func() error { _, err := srv.InventoryLoadItemDefinitions(); return err },
		func() error { _, _, err := srv.InventoryItemDefinitionProperty(100, "name"); return err },
		func() error { return srv.InventoryRequestPrices() },
		func() error { _, _, err := srv.InventoryItemPrice(100); return err },
		func() error { _, err := srv.InventoryItemsWithPrices(); return err },
		func() error { return srv.InventoryStartPurchase([]int64{100}, nil) },
		func() error { _, err := srv.InventoryStartUpdateProperties(); return err },
		func() error { return setProps(srv) },
		func() error { _, err := srv.InventorySubmitUpdateProperties(0x66); return err },
	} {
		must(c())
	}
	// The definitions' reload and a promo answer make the pump fetch their IDs.
	calls := f.nextCall
	f.nextCall = 0x78
	must(srv.InventoryRequestEligiblePromoItems(userID))
	f.nextCall = calls
	eligible := fixture("SteamInventoryEligiblePromoItemDefIDs_t")
	f.results[0x78] = eligible.bytes()
	f.callbacks = []fakeCallback{{fixture("SteamInventoryDefinitionUpdate_t").id(), []byte{0}},
		{idAPICallCompleted, completed(0x78, eligible.id(), uint32(eligible.size()))}}
	srv.RunFrame()
}

// setProps calls every SetProperty flavour and RemoveProperty on update 0x66.
func setProps(srv *steam.Server) error {
	for _, v := range []steam.PropertyValue{{Kind: steam.PropertyRemove}, {Kind: steam.PropertyString}, {Kind: steam.PropertyBool},
		{Kind: steam.PropertyInt}, {Kind: steam.PropertyFloat}} {
		if _, err := srv.InventorySetProperty(0x66, 1, "p", v); err != nil {
			return err
		}
	}
	return nil
}
