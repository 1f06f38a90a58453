//go:build cgo && linux

package steamworks

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
)

// Steam Inventory of a game server on gbe_fork (its steam_inventory.cpp): item definitions from its
// settings' items.json, the inventory from default_items.json. Item IDs there are the definition IDs.
func writeInventorySettings(t *testing.T, libDir string) {
	t.Helper()
	dir := filepath.Join(libDir, "steam_settings")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"items.json":         `{"100": {"name": "Sword", "price": "1;VLV150"}, "101": {"name": "Shield"}}`,
		"default_items.json": `{"100": 2, "101": 1}`,
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// result waits for h's inventory_result_ready and returns its status and items.
func (e *emulatorRun) result(srv *steam.Server, h int32) (steam.Result, []steam.ItemDetails) {
	e.t.Helper()
	ready := waitEvent(e, srv, func(ev steam.InventoryResultReady) bool { return ev.Handle == h })
	st, err := srv.InventoryResultStatus(h)
	if err != nil || st != ready.Result {
		e.t.Errorf("GetResultStatus(%d) = %v, %v; the callback said %v", h, st, err, ready.Result)
	}
	items, err := srv.InventoryResultItems(h)
	if err != nil {
		e.t.Errorf("GetResultItems(%d): %v", h, err)
	}
	return ready.Result, items
}

// What gbe_fork's game-server ISteamInventory (SteamAPI_SteamGameServerInventory_v003, on the
// server's pipe) answers, and so what this test proves against an implementation nobody here wrote:
//   - LoadItemDefinitions, then SteamInventoryDefinitionUpdate_t (an empty struct), after which
//     GetItemDefinitionIDs lists items.json's definitions and GetItemDefinitionProperty answers a
//     name or, for NULL, the names comma-separated;
//   - GetAllItems: SteamInventoryFullUpdate_t, then SteamInventoryResultReady_t (OK), and
//     GetResultItems at SteamItemDetails_t's layout (the emulator's item IDs are the definitions,
//     every item ITEM_NO_TRADE); GetItemsByID the listed ones; ConsumeItem lowers a quantity;
//     GetResultTimestamp is now; GetResultStatus of a destroyed result RESULT_INVALID_PARAM;
//   - RequestPrices as a call result (also posted as a callback: one event still) with "USD".
//
// What it does not: CheckResultSteamID is true for anybody; SerializeResult gives 136 bytes of
// 0x5F whatever the result, and DeserializeResult an OK result without items (so the offline
// backend's tests stay the word on checking a player's items); GenerateItems, ExchangeItems,
// TransferItemQuantity answer false; GrantPromoItems, AddPromoItem(s) and TriggerItemDrop give empty
// results; StartUpdateProperties gives no handle (0), so no property call reaches it;
// GetResultItemProperty and GetItemPrice answer false and GetNumItemsWithPrices 0;
// RequestEligiblePromoItemDefinitionsIDs and StartPurchase start no call (their answers are the
// backend's own failures).
func TestEmulatorGameServerInventory(t *testing.T) {
	withEmulator(t, func(e *emulatorRun) {
		writeInventorySettings(t, filepath.Dir(e.lib)) // read when the library starts (srv.Init)
		srv := e.server()
		e.logOn(srv, emuConfig, nil)

		if ok, err := srv.InventoryLoadItemDefinitions(); !ok || err != nil {
			t.Errorf("LoadItemDefinitions = %v, %v", ok, err)
		}
		if defs := waitEvent[steam.InventoryDefinitionUpdate](e, srv, nil); !slices.Equal(defs.Definitions, []int32{100, 101}) {
			t.Errorf("inventory_definition_update's IDs %v, want items.json's [100 101]", defs.Definitions)
		}
		for name, want := range map[string]string{"name": "Sword", "": "name,price"} {
			if v, found, err := srv.InventoryItemDefinitionProperty(100, name); v != want || !found || err != nil {
				t.Errorf("GetItemDefinitionProperty(100, %q) = %q, %v, %v; want %q", name, v, found, err, want)
			}
		}

		all, err := srv.InventoryGetAllItems()
		if err != nil {
			t.Fatal(err)
		}
		waitEvent(e, srv, func(ev steam.InventoryFullUpdate) bool { return ev.Handle == all })
		held := []steam.ItemDetails{{ItemID: 100, Definition: 100, Quantity: 2, Flags: steam.ItemNoTrade},
			{ItemID: 101, Definition: 101, Quantity: 1, Flags: steam.ItemNoTrade}}
		if st, items := e.result(srv, all); st != steam.ResultOK || !slices.Equal(items, held) {
			t.Errorf("GetAllItems' result: %v %+v, want OK %+v (default_items.json)", st, items, held)
		}
		if stamp, _ := srv.InventoryResultTimestamp(all); time.Since(time.Unix(int64(stamp), 0)).Abs() > time.Minute {
			t.Errorf("GetResultTimestamp = %d, not now", stamp)
		}
		if prop, err := srv.InventoryResultItemProperty(all, 0, "dynamic_props"); prop != "" || err != nil {
			t.Errorf("GetResultItemProperty = %q, %v; the emulator has no properties", prop, err)
		}
		if ok, _ := srv.InventoryCheckResultSteamID(all, emuUser); !ok {
			t.Error("CheckResultSteamID: the emulator says true for anybody")
		}

		some, err := srv.InventoryGetItemsByID([]int64{101})
		if st, items := e.result(srv, some); err != nil || st != steam.ResultOK || !slices.Equal(items, held[1:]) {
			t.Errorf("GetItemsByID([101]) = %d, %v: %v %+v", some, err, st, items)
		}
		buf, err := srv.InventorySerializeResult(some)
		if err != nil || len(buf) != 136 {
			t.Errorf("SerializeResult = %d bytes, %v; the emulator's are 136", len(buf), err)
		}
		back, err := srv.InventoryDeserializeResult(buf)
		if st, items := e.result(srv, back); err != nil || st != steam.ResultOK || len(items) != 0 {
			t.Errorf("DeserializeResult = %d, %v: %v %+v; the emulator's holds no items", back, err, st, items)
		}
		used, err := srv.InventoryConsumeItem(100, 1)
		if st, items := e.result(srv, used); err != nil || st != steam.ResultOK || !slices.Equal(items, []steam.ItemDetails{{ItemID: 100, Definition: 100, Quantity: 1, Flags: steam.ItemNoTrade}}) {
			t.Errorf("ConsumeItem(100, 1) = %d, %v: %v %+v", used, err, st, items)
		}

		for what, call := range map[string]func() (int32, error){
			"GenerateItems":        func() (int32, error) { return srv.InventoryGenerateItems([]int64{101}, nil) },
			"ExchangeItems":        func() (int32, error) { return srv.InventoryExchangeItems([]int64{101}, nil, []int64{100}, nil) },
			"TransferItemQuantity": func() (int32, error) { return srv.InventoryTransferItemQuantity(100, 1, 0, true) },
		} {
			if h, err := call(); h != steam.InventoryResultInvalid || err == nil || !strings.Contains(err.Error(), "Steam refused "+what) {
				t.Errorf("%s = %d, %v; want Steam's refusal", what, h, err)
			}
		}
		for what, call := range map[string]func() (int32, error){
			"GrantPromoItems": srv.InventoryGrantPromoItems,
			"AddPromoItem":    func() (int32, error) { return srv.InventoryAddPromoItem(101) },
			"TriggerItemDrop": func() (int32, error) { return srv.InventoryTriggerItemDrop(101) },
		} {
			h, err := call()
			if err != nil {
				t.Errorf("%s: %v", what, err)
				continue
			}
			if st, items := e.result(srv, h); st != steam.ResultOK || len(items) != 0 {
				t.Errorf("%s's result: %v %+v, want an empty OK one", what, st, items)
			}
		}
		if _, err := srv.InventoryStartUpdateProperties(); err == nil {
			t.Error("StartUpdateProperties: the emulator gives no handle")
		}

		if err := srv.InventoryRequestPrices(); err != nil {
			t.Fatal(err)
		}
		if prices := waitEvent[steam.InventoryRequestPricesResult](e, srv, nil); prices != (steam.InventoryRequestPricesResult{Result: steam.ResultOK, Currency: "USD"}) {
			t.Errorf("SteamInventoryRequestPricesResult_t %+v", prices)
		}
		if price, base, err := srv.InventoryItemPrice(100); price != 0 || base != 0 || err != nil {
			t.Errorf("GetItemPrice(100) = %d, %d, %v", price, base, err)
		}
		if err := srv.InventoryRequestEligiblePromoItems(emuUser); err != nil {
			t.Fatal(err)
		}
		if got := waitEvent[steam.InventoryEligiblePromoItems](e, srv, nil); got.Result != steam.ResultFail || got.SteamID != emuUser {
			t.Errorf("RequestEligiblePromoItemDefinitionsIDs: %+v; the emulator starts no call", got)
		}
		if err := srv.InventoryStartPurchase([]int64{100}, nil); err != nil {
			t.Fatal(err)
		}
		if got := waitEvent[steam.InventoryStartPurchaseResult](e, srv, nil); got.Result != steam.ResultFail {
			t.Errorf("StartPurchase: %+v", got)
		}
		for _, ev := range e.quiet(srv, 50) {
			if _, again := ev.(steam.InventoryRequestPricesResult); again {
				t.Errorf("a second answer to one RequestPrices: %#v", ev)
			}
		}
		if err := srv.InventoryDestroyResult(all); err != nil {
			t.Error(err)
		}
		if st, err := srv.InventoryResultStatus(all); st != steam.ResultInvalidParam || err != nil {
			t.Errorf("GetResultStatus of a destroyed result = %v, %v", st, err)
		}
		if err := srv.Shutdown(); err != nil {
			t.Fatal(err)
		}
	})
}
