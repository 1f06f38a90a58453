package offline_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/gosteam/godot-steam-server/steam/offline"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var invPlayer = steam.NewSteamID(steam.UniversePublic, steam.AccountTypeIndividual, 1, 7001)

// invData: definitions of every type, and invPlayer's starting items (item 1: a Sword, 2: 5 Gems).
var invData = `{"inventory": {"currency": "EUR", "definitions": {
  "100": {"name": "Sword", "price": 150, "tradable": true, "properties": {"description": "Sharp"}},
  "101": {"name": "Shield", "price": 120, "base_price": 200},
  "102": {"name": "Gem"},
  "110": {"name": "Crown", "exchange": "100,101x2;102x3"},
  "120": {"name": "Badge", "promo": "manual"},
  "121": {"name": "Cape", "promo": "owns:480"},
  "122": {"name": "Hat", "promo": "owns:999"},
  "200": {"type": "bundle", "bundle": "100x2;102"},
  "300": {"type": "playtimegenerator", "bundle": "101"}
 }, "users": {"` + strconv.FormatUint(uint64(invPlayer), 10) + `": [{"definition": 100}, {"definition": 102, "quantity": 5}]}}}`

// invServer is a server of realm with invData whose inventory calls act for invPlayer.
func invServer(t *testing.T, realm *offline.Realm, opts offline.Options) (*steam.Server, *offline.Backend) {
	t.Helper()
	data, err := offline.ParseData([]byte(invData))
	require.NoError(t, err)
	opts.Realm, opts.Data = realm, data
	s, b := newServer(t, opts, cfgAuth)
	require.NoError(t, s.OfflineInventoryUser(invPlayer))
	return s, b
}

// done runs the frame that finishes h and returns the result's status and items; the frame's
// events must end with h's inventory_result_ready.
func done(t *testing.T, s *steam.Server, h int32, err error) (steam.Result, []steam.ItemDetails) {
	t.Helper()
	require.NoError(t, err)
	require.Greater(t, h, int32(0))
	st, err := s.InventoryResultStatus(h)
	require.NoError(t, err)
	require.Equal(t, steam.ResultPending, st, "a result is pending until the next frame")
	evs := drain(s)
	require.NotEmpty(t, evs)
	ready, ok := evs[len(evs)-1].(steam.InventoryResultReady)
	require.True(t, ok, "events %#v", evs)
	require.Equal(t, h, ready.Handle)
	st, err = s.InventoryResultStatus(h)
	require.NoError(t, err)
	require.Equal(t, ready.Result, st)
	items, err := s.InventoryResultItems(h)
	require.NoError(t, err)
	return st, items
}

// held is what invPlayer holds now, by item ID.
func held(t *testing.T, s *steam.Server) map[uint64]steam.ItemDetails {
	t.Helper()
	h, err := s.InventoryGetAllItems()
	st, items := done(t, s, h, err)
	require.Equal(t, steam.ResultOK, st)
	out := map[uint64]steam.ItemDetails{}
	for _, it := range items {
		out[it.ItemID] = it
	}
	require.NoError(t, s.InventoryDestroyResult(h))
	return out
}

func TestInventoryStartingItemsAndFullUpdate(t *testing.T) {
	s, _ := invServer(t, newRealm(t), offline.Options{})
	h, err := s.InventoryGetAllItems()
	require.NoError(t, err)
	_, err = s.InventoryResultItems(h)
	assert.ErrorContains(t, err, "still pending", "items are not readable before the result is ready")
	evs := drain(s)
	assert.Equal(t, []steam.Event{steam.InventoryFullUpdate{Handle: h}, steam.InventoryResultReady{Handle: h, Result: steam.ResultOK}}, evs)
	items, err := s.InventoryResultItems(h)
	require.NoError(t, err)
	assert.Equal(t, []steam.ItemDetails{{ItemID: 1, Definition: 100, Quantity: 1}, {ItemID: 2, Definition: 102, Quantity: 5, Flags: steam.ItemNoTrade}}, items)
	ok, err := s.InventoryCheckResultSteamID(h, invPlayer)
	require.NoError(t, err)
	assert.True(t, ok)
	ok, _ = s.InventoryCheckResultSteamID(h, player)
	assert.False(t, ok)

	h2, err := s.InventoryGetItemsByID([]int64{2, 999})
	_, items = done(t, s, h2, err)
	assert.Equal(t, []steam.ItemDetails{{ItemID: 2, Definition: 102, Quantity: 5, Flags: steam.ItemNoTrade}}, items, "unknown IDs are left out")
}

func TestInventoryGenerateConsumeAndPersist(t *testing.T) {
	realm := newRealm(t)
	s, _ := invServer(t, realm, offline.Options{})
	h, err := s.InventoryGenerateItems([]int64{101, 200}, []int64{3, 1})
	st, items := done(t, s, h, err)
	require.Equal(t, steam.ResultOK, st)
	assert.Equal(t, []steam.ItemDetails{
		{ItemID: 3, Definition: 101, Quantity: 3, Flags: steam.ItemNoTrade},
		{ItemID: 4, Definition: 100, Quantity: 2},
		{ItemID: 5, Definition: 102, Quantity: 1, Flags: steam.ItemNoTrade},
	}, items, "a bundle grants its contents")

	h, err = s.InventoryConsumeItem(3, 2)
	st, items = done(t, s, h, err)
	require.Equal(t, steam.ResultOK, st)
	assert.Equal(t, []steam.ItemDetails{{ItemID: 3, Definition: 101, Quantity: 1, Flags: steam.ItemNoTrade | steam.ItemConsumed}}, items)
	h, err = s.InventoryConsumeItem(3, 1)
	_, items = done(t, s, h, err)
	assert.Equal(t, []steam.ItemDetails{{ItemID: 3, Definition: 101, Quantity: 0, Flags: steam.ItemNoTrade | steam.ItemConsumed | steam.ItemRemoved}}, items)
	h, err = s.InventoryConsumeItem(3, 1)
	st, items = done(t, s, h, err)
	assert.Equal(t, steam.ResultFail, st, "an item the user no longer holds")
	assert.Empty(t, items)
	h, err = s.InventoryConsumeItem(2, 6)
	st, _ = done(t, s, h, err)
	assert.Equal(t, steam.ResultFail, st, "more than the stack holds")

	before := held(t, s)
	assert.Len(t, before, 4)
	assert.NotContains(t, before, uint64(3))
	require.NoError(t, s.Shutdown())
	s2, _ := invServer(t, realm, offline.Options{})
	assert.Equal(t, before, held(t, s2), "the realm's store keeps them across serverShutdown and serverInit")
}

func TestInventoryExchange(t *testing.T) {
	s, _ := invServer(t, newRealm(t), offline.Options{})
	h, err := s.InventoryGenerateItems([]int64{101}, []int64{2})
	done(t, s, h, err) // item 3: 2 Shields

	h, err = s.InventoryExchangeItems([]int64{110}, []int64{1}, []int64{1, 3}, []int64{1, 1})
	st, _ := done(t, s, h, err)
	assert.Equal(t, steam.ResultFail, st, "one Shield short of the first recipe")
	assert.Len(t, held(t, s), 3, "a failed exchange changes nothing")

	h, err = s.InventoryExchangeItems([]int64{110}, nil, []int64{1, 3}, []int64{1, 2})
	st, items := done(t, s, h, err)
	require.Equal(t, steam.ResultOK, st)
	assert.Equal(t, []steam.ItemDetails{
		{ItemID: 1, Definition: 100, Quantity: 0, Flags: steam.ItemRemoved},
		{ItemID: 3, Definition: 101, Quantity: 0, Flags: steam.ItemNoTrade | steam.ItemRemoved},
		{ItemID: 4, Definition: 110, Quantity: 1, Flags: steam.ItemNoTrade},
	}, items)

	h, err = s.InventoryExchangeItems([]int64{110}, nil, []int64{2}, []int64{3})
	st, items = done(t, s, h, err)
	require.Equal(t, steam.ResultOK, st, "the second recipe: 3 Gems of the stack of 5")
	assert.Equal(t, uint16(2), items[0].Quantity)

	_, err = s.InventoryExchangeItems([]int64{100}, nil, []int64{2}, nil)
	assert.ErrorContains(t, err, "has no exchange recipe")
}

func TestInventoryTransfer(t *testing.T) {
	s, _ := invServer(t, newRealm(t), offline.Options{})
	h, err := s.InventoryTransferItemQuantity(2, 2, 0, true)
	st, items := done(t, s, h, err)
	require.Equal(t, steam.ResultOK, st)
	assert.Equal(t, []steam.ItemDetails{{ItemID: 2, Definition: 102, Quantity: 3, Flags: steam.ItemNoTrade},
		{ItemID: 3, Definition: 102, Quantity: 2, Flags: steam.ItemNoTrade}}, items, "split onto a new stack")

	h, err = s.InventoryTransferItemQuantity(3, 2, 2, false)
	_, items = done(t, s, h, err)
	assert.Equal(t, []steam.ItemDetails{{ItemID: 3, Definition: 102, Quantity: 0, Flags: steam.ItemNoTrade | steam.ItemRemoved},
		{ItemID: 2, Definition: 102, Quantity: 5, Flags: steam.ItemNoTrade}}, items, "stacked back: the emptied stack is removed")

	h, err = s.InventoryTransferItemQuantity(2, 1, 1, false)
	st, _ = done(t, s, h, err)
	assert.Equal(t, steam.ResultFail, st, "onto a stack of another definition")
	h, err = s.InventoryGenerateItems([]int64{102}, []int64{65535})
	_, items = done(t, s, h, err)
	h, err = s.InventoryTransferItemQuantity(2, 1, int64(items[0].ItemID), false)
	st, _ = done(t, s, h, err)
	assert.Equal(t, steam.ResultFail, st, "beyond what one stack holds")
	_, err = s.InventoryTransferItemQuantity(2, 1, 2, false)
	assert.ErrorContains(t, err, "item_id itself")
}

func TestInventoryPromosAndDrops(t *testing.T) {
	s, _ := invServer(t, newRealm(t), offline.Options{})
	h, err := s.InventoryGrantPromoItems()
	_, items := done(t, s, h, err)
	require.Len(t, items, 1)
	assert.Equal(t, int32(121), items[0].Definition, "everyone owns 480; nobody owns 999; manual promos need asking")
	h, err = s.InventoryGrantPromoItems()
	_, items = done(t, s, h, err)
	assert.Empty(t, items, "a promo item is granted once")

	require.NoError(t, s.InventoryRequestEligiblePromoItems(invPlayer))
	assert.Equal(t, []steam.Event{steam.InventoryEligiblePromoItems{Result: steam.ResultOK, SteamID: invPlayer, Definitions: []int32{120}}}, drain(s))
	h, err = s.InventoryAddPromoItems([]int64{120, 122, 100})
	_, items = done(t, s, h, err)
	require.Len(t, items, 1, "the manual one; 122's app is not owned; 100 is no promo")
	assert.Equal(t, int32(120), items[0].Definition)
	require.NoError(t, s.InventoryRequestEligiblePromoItems(invPlayer))
	assert.Equal(t, []steam.Event{steam.InventoryEligiblePromoItems{Result: steam.ResultOK, SteamID: invPlayer, Definitions: []int32{}}}, drain(s))

	h, err = s.InventoryTriggerItemDrop(300)
	_, items = done(t, s, h, err)
	require.Len(t, items, 1)
	assert.Equal(t, int32(101), items[0].Definition)
	_, err = s.InventoryTriggerItemDrop(100)
	assert.ErrorContains(t, err, "not a playtimegenerator")
}

func TestInventoryProperties(t *testing.T) {
	realm := newRealm(t)
	s, _ := invServer(t, realm, offline.Options{})
	u, err := s.InventoryStartUpdateProperties()
	require.NoError(t, err)
	for _, c := range []struct {
		name string
		v    steam.PropertyValue
	}{
		{"nick", steam.PropertyValue{Kind: steam.PropertyString, Text: "Bob \"the\" Blade"}},
		{"sharp", steam.PropertyValue{Kind: steam.PropertyBool, Bool: true}},
		{"kills", steam.PropertyValue{Kind: steam.PropertyInt, Int: -9007199254740993}},
		{"wear", steam.PropertyValue{Kind: steam.PropertyFloat, Float: 0.25}},
		{"gone", steam.PropertyValue{Kind: steam.PropertyInt, Int: 1}},
		{"gone", steam.PropertyValue{Kind: steam.PropertyRemove}},
	} {
		ok, err := s.InventorySetProperty(u, 1, c.name, c.v)
		require.NoError(t, err)
		require.True(t, ok)
	}
	h, err := s.InventorySubmitUpdateProperties(u)
	st, items := done(t, s, h, err)
	require.Equal(t, steam.ResultOK, st)
	require.Len(t, items, 1)
	const want = `{"kills":-9007199254740993,"nick":"Bob \"the\" Blade","sharp":true,"wear":0.25}`
	v, err := s.InventoryResultItemProperty(h, 0, "dynamic_props")
	require.NoError(t, err)
	assert.Equal(t, want, v)
	names, _ := s.InventoryResultItemProperty(h, 0, "")
	assert.Equal(t, "dynamic_props", names)
	_, err = s.InventoryResultItemProperty(h, 1, "dynamic_props")
	assert.ErrorContains(t, err, "holds 1 items")
	_, err = s.InventorySubmitUpdateProperties(u)
	assert.ErrorContains(t, err, "no property update", "an update is submitted once")

	require.NoError(t, s.Shutdown())
	s2, _ := invServer(t, realm, offline.Options{})
	h, err = s2.InventoryGetItemsByID([]int64{1})
	done(t, s2, h, err)
	v, _ = s2.InventoryResultItemProperty(h, 0, "dynamic_props")
	assert.Equal(t, want, v, "properties persist across serverShutdown and serverInit")

	u, _ = s2.InventoryStartUpdateProperties()
	_, err = s2.InventorySetProperty(u, 999, "x", steam.PropertyValue{Kind: steam.PropertyBool})
	require.NoError(t, err)
	h, err = s2.InventorySubmitUpdateProperties(u)
	st, _ = done(t, s2, h, err)
	assert.Equal(t, steam.ResultFail, st, "an item the user does not hold")
}

func TestInventoryDefinitionsAndPrices(t *testing.T) {
	s, _ := invServer(t, newRealm(t), offline.Options{})
	v, found, err := s.InventoryItemDefinitionProperty(100, "name")
	require.NoError(t, err)
	assert.True(t, found)
	assert.Equal(t, "Sword", v)
	v, _, _ = s.InventoryItemDefinitionProperty(100, "")
	assert.Equal(t, "base_price,description,itemdefid,name,price,tradable,type", v)
	_, found, err = s.InventoryItemDefinitionProperty(100, "icon_url")
	require.NoError(t, err)
	assert.False(t, found)
	_, _, err = s.InventoryItemDefinitionProperty(555, "name")
	assert.ErrorContains(t, err, "item definition 555 is not one of the app's")

	ok, err := s.InventoryLoadItemDefinitions()
	require.NoError(t, err)
	assert.True(t, ok)
	assert.Equal(t, []steam.Event{steam.InventoryDefinitionUpdate{Definitions: []int32{100, 101, 102, 110, 120, 121, 122, 200, 300}}}, drain(s))

	_, _, err = s.InventoryItemPrice(100)
	assert.ErrorContains(t, err, "requestPrices")
	require.NoError(t, s.InventoryRequestPrices())
	assert.Equal(t, []steam.Event{steam.InventoryRequestPricesResult{Result: steam.ResultOK, Currency: "EUR"}}, drain(s))
	price, base, err := s.InventoryItemPrice(101)
	require.NoError(t, err)
	assert.Equal(t, [2]uint64{120, 200}, [2]uint64{price, base})
	price, base, err = s.InventoryItemPrice(102)
	require.NoError(t, err)
	assert.Equal(t, [2]uint64{0, 0}, [2]uint64{price, base}, "not for sale")
	prices, err := s.InventoryItemsWithPrices()
	require.NoError(t, err)
	assert.Equal(t, []steam.ItemPrice{{Definition: 100, Price: 150, BasePrice: 150}, {Definition: 101, Price: 120, BasePrice: 200}}, prices)

	require.NoError(t, s.InventoryStartPurchase([]int64{100}, nil))
	assert.Equal(t, []steam.Event{steam.InventoryStartPurchaseResult{Result: steam.ResultFail}}, drain(s))
}

func TestInventoryDefaultSchemaIsSpacewars(t *testing.T) {
	d := offline.NewData().InventorySchema()
	assert.Equal(t, []int32{10, 100, 101, 102, 103, 110, 111, 120, 121}, d.IDs())
	assert.Equal(t, offline.ItemTypePlaytimeGenerator, d.Definitions[10].Type)
	assert.Equal(t, "Ship Weapon 1", d.Definitions[110].Properties["name"])
	assert.Equal(t, [][]offline.ItemAmount{{{Definition: 100, Quantity: 1}, {Definition: 101, Quantity: 1}, {Definition: 102, Quantity: 1},
		{Definition: 103, Quantity: 1}}}, d.Definitions[110].Exchange, "Spacewar's DoExchange: one of each decoration for the weapon")
}

func TestInventorySchemaErrors(t *testing.T) {
	for _, c := range []struct{ json, want string }{
		{`{"inventory": {"currency": "eur"}}`, "ISO 4217"},
		{`{"inventory": {"definitions": {"0": {}}}}`, `"0" is not an item definition ID`},
		{`{"inventory": {"definitions": {"1": {"type": "crate"}}}}`, `inventory.definitions.1.type must be`},
		{`{"inventory": {"definitions": {"1": {"type": "bundle"}}}}`, `a bundle definition needs a "bundle"`},
		{`{"inventory": {"definitions": {"1": {"bundle": "2"}}}}`, `an item definition has no "bundle"`},
		{`{"inventory": {"definitions": {"1": {"type": "bundle", "bundle": "2x3"}}}}`, "2 is not a definition"},
		{`{"inventory": {"definitions": {"1": {}, "2": {"exchange": "1x0"}}}}`, `"1x0" is not`},
		{`{"inventory": {"definitions": {"1": {}, "2": {"exchange": "1,1"}}}}`, "1 appears twice"},
		{`{"inventory": {"definitions": {"1": {"type": "bundle", "bundle": "2"}, "2": {}, "3": {"exchange": "1"}}}}`, "1 is a bundle"},
		{`{"inventory": {"definitions": {"1": {"price": -1}}}}`, "price must be 0 or more"},
		{`{"inventory": {"definitions": {"1": {"base_price": 5}}}}`, "base_price needs a price"},
		{`{"inventory": {"definitions": {"1": {"promo": "owns:abc"}}}}`, "promo must be"},
		{`{"inventory": {"definitions": {"1": {"properties": {"name": "x"}}}}}`, "one of the definition's own properties"},
		{`{"inventory": {"definitions": {"1": {"properties": {"bad name": "x"}}}}}`, "ASCII letters"},
		{`{"inventory": {"definitions": {"1": {}}, "users": {"76561197960287930": [{"definition": 2}]}}}`, "2 is not an item definition"},
		{`{"inventory": {"definitions": {"1": {}}, "users": {"76561197960287930": [{"definition": 1, "quantity": 70000}]}}}`, "quantity must be from 1 to 65535"},
		{`{"inventory": {"definitions": {"1": {"typo": 1}}}}`, `unknown field "typo"`},
	} {
		_, err := offline.ParseData([]byte(c.json))
		if assert.Error(t, err, c.json) {
			assert.Contains(t, err.Error(), c.want, c.json)
		}
	}
}

// Arguments Steam would refuse or misread are refused by the front, whatever the backend.
func TestInventoryArgumentsRefused(t *testing.T) {
	s, _ := invServer(t, newRealm(t), offline.Options{})
	refused := func(err error, want string) {
		t.Helper()
		if assert.Error(t, err) {
			assert.Contains(t, err.Error(), want)
		}
	}
	_, err := s.InventoryGenerateItems([]int64{100}, []int64{-1})
	refused(err, "quantity entry 0 must be a quantity from 1 to 65535, got -1")
	_, err = s.InventoryGenerateItems([]int64{100, 101}, []int64{1})
	refused(err, "holds 1 quantities for the 2 entries of items")
	_, err = s.InventoryGenerateItems(nil, nil)
	refused(err, "items is empty")
	_, err = s.InventoryGenerateItems(make([]int64, steam.MaxInventoryListLen+1), nil)
	refused(err, "one call takes at most 256")
	_, err = s.InventoryGenerateItems([]int64{1 << 31}, nil)
	refused(err, "must be an item definition ID")
	_, err = s.InventoryGenerateItems([]int64{999}, nil)
	refused(err, "item definition 999 is not one of the app's")
	_, err = s.InventoryConsumeItem(1, 0)
	refused(err, "quantity must be a quantity from 1 to 65535")
	_, err = s.InventoryConsumeItem(-1, 1)
	refused(err, "item_consume must be an item instance ID")
	_, err = s.InventoryExchangeItems([]int64{110, 100}, nil, []int64{1}, nil)
	refused(err, "exactly one definition")
	_, err = s.InventoryExchangeItems([]int64{110}, nil, []int64{1, 1}, nil)
	refused(err, "lists item 1 twice")
	_, err = s.InventoryResultItemProperty(1, -1, "")
	refused(err, "index must be")
	_, err = s.InventorySetProperty(1, 1, "bad-name", steam.PropertyValue{})
	refused(err, "ASCII letters, digits and underscores")
	_, err = s.InventorySetProperty(1, 1, "ok", steam.PropertyValue{Kind: steam.PropertyString, Text: strings.Repeat("x", 1025)})
	refused(err, "at most 1024 bytes")
	_, err = s.InventorySetProperty(0, 1, "ok", steam.PropertyValue{})
	refused(err, "startUpdateProperties first")
	_, err = s.InventorySetProperty(12345, 1, "ok", steam.PropertyValue{})
	refused(err, "no property update 12345 is open")
	_, err = s.InventoryDeserializeResult(nil)
	refused(err, "buffer must hold 1 to 65536 bytes")
	_, err = s.InventoryResultStatus(424242)
	refused(err, "no inventory result 424242 is open")
	_, err = s.InventoryCheckResultSteamID(1, 0)
	refused(err, "steam_id_expected is not a valid Steam ID")
	refused(s.InventoryRequestEligiblePromoItems(0), "steam_id is not a valid Steam ID")
	refused(s.OfflineInventoryUser(group+1<<60), "steam_id is not a valid Steam ID")
	_, err = steam.CheckInventoryHandle("this_inventory_handle", -1)
	refused(err, "INVENTORY_RESULT_INVALID")
}

func TestInventoryRefusedBeforeInit(t *testing.T) {
	s := steam.NewServer(func() (steam.Backend, error) { return offline.New(offline.Options{}), nil })
	h, err := s.InventoryGetAllItems()
	assert.ErrorIs(t, err, steam.ErrNotInitialized)
	assert.Equal(t, steam.InventoryResultInvalid, h)
	st, err := s.InventoryResultStatus(1)
	assert.ErrorIs(t, err, steam.ErrNotInitialized)
	assert.Equal(t, steam.ResultFail, st)
}
