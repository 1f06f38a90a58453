package offline

// Steam Inventory offline: the item definitions come from the data file (data_inventory.go), the
// users' items from the realm's inventory store (inventory_store.go), results are handles that
// finish at the next frame (inventory_results.go), serialized results are signed with the realm
// key (inventory_sign.go).
//
// Whose items: the calls name no user. As SteamGameServerInventory's do on Steam, they act for the
// server's own account (its Steam ID at the call: a new anonymous one at each serverInit unless it
// logged on with a token), until offlineInventoryUser names a player; then they act for that
// player, as the player's own Steam client would (make a result and serialize it for a server) or
// as a trusted server does through Steam's Web API (IInventoryService: grant, consume, modify).
// On Steam a game server's own inventory calls are refused (ISteamInventory returns false when
// called from SteamGameServer): offline they work, so that a game's tests can reach every call.
//
// A definition the app does not have, an exchange for a definition without a recipe, or a drop
// from a definition that is not a playtimegenerator is refused (an error, no handle). What depends
// on the items the user holds is the result's status instead, as with Steam: RESULT_FAIL for an
// item the user does not hold (or holds too few of), a transfer onto a stack of another definition
// or beyond 65535, inputs that are no recipe of the output; RESULT_LIMIT_EXCEEDED beyond
// MaxInventoryItems stacks or MaxItemProperties properties. A failed call changes nothing.

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
)

var (
	_ steam.InventoryBackend  = (*Backend)(nil)
	_ steam.InventoryScripted = (*Backend)(nil)
)

// inventoryInit checks the store at Init (a damaged file is serverInit's error) and starts afresh.
func (b *Backend) inventoryInit(realm *Realm, app uint32) error {
	b.inv.reset()
	realm.inventory.pruneTemp(app, time.Now())
	return realm.inventory.check(app)
}

// ScriptInventoryUser makes the inventory calls act for user; 0: the server's own account.
func (b *Backend) ScriptInventoryUser(user steam.SteamID) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.inv.user = user
}

// inventoryUser is whose items the calls act on (called with b.mu held).
func (b *Backend) inventoryUser() steam.SteamID {
	if b.inv.user != 0 {
		return b.inv.user
	}
	return b.steamID
}

func (b *Backend) invSchema() *InventorySchema { return b.data.InventorySchema() }

// definition is def of the app's schema, or why there is none.
func (b *Backend) definition(def int32) (*ItemDefinition, error) {
	d, ok := b.invSchema().Definitions[def]
	if !ok {
		return nil, fmt.Errorf("item definition %d is not one of the app's (the offline data file's inventory.definitions)", def)
	}
	return d, nil
}

// change runs op on user's items in the store and opens its result; a store that fails is the
// result's RESULT_FAIL, with an error naming the file.
func (b *Backend) change(user steam.SteamID, op func(o *ops) outcome) (int32, error) {
	var out outcome
	schema := b.invSchema()
	err := b.realm.inventory.update(b.effectiveAppID(), user, schema.Users[user], func(inv *userInventory) bool {
		out = op(newOps(schema, inv))
		return out.status == steam.ResultOK && len(out.items) > 0
	})
	if err != nil {
		steam.ReportError("inventory: " + err.Error())
		out = failed(steam.ResultFail)
	}
	return b.open(user, out, false)
}

// read opens a result of the acting user's items that keep passes.
func (b *Backend) read(full bool, keep func(it *invItem) bool) (int32, error) {
	user := b.inventoryUser()
	inv, err := b.realm.inventory.read(b.effectiveAppID(), user, b.invSchema().Users[user])
	if err != nil {
		steam.ReportError("inventory: " + err.Error())
		return b.open(user, failed(steam.ResultFail), full)
	}
	out := outcome{status: steam.ResultOK}
	for _, it := range inv.items {
		if keep(it) {
			out.items = append(out.items, snapshot(it))
		}
	}
	return b.open(user, out, full)
}

func (b *Backend) InventoryGetAllItems() (int32, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.read(true, func(*invItem) bool { return true })
}

func (b *Backend) InventoryGetItemsByID(ids []uint64) (int32, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.read(false, func(it *invItem) bool { return slices.Contains(ids, it.id) })
}

func (b *Backend) InventoryGenerateItems(items []steam.ItemGrant) (int32, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, g := range items {
		if _, err := b.definition(g.Definition); err != nil {
			return steam.InventoryResultInvalid, err
		}
	}
	return b.change(b.inventoryUser(), func(o *ops) outcome { return o.generate(items) })
}

// eligible reports whether user may have promo item d: a manual one only when asked for by name.
func (b *Backend) eligible(user steam.SteamID, d *ItemDefinition, byName bool) bool {
	if d.PromoManual {
		return byName
	}
	for _, app := range d.PromoApps {
		if b.data.Owns(user, app, b.effectiveAppID()) {
			return true
		}
	}
	return false
}

func (b *Backend) InventoryGrantPromoItems() (int32, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	user := b.inventoryUser()
	schema := b.invSchema()
	defs := make([]*ItemDefinition, 0, len(schema.Definitions))
	for _, id := range schema.IDs() {
		defs = append(defs, schema.Definitions[id])
	}
	return b.change(user, func(o *ops) outcome {
		return o.promos(defs, func(d *ItemDefinition) bool { return b.eligible(user, d, false) })
	})
}

func (b *Backend) InventoryAddPromoItems(ids []int32) (int32, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	defs := make([]*ItemDefinition, len(ids))
	for i, id := range ids {
		d, err := b.definition(id)
		if err != nil {
			return steam.InventoryResultInvalid, err
		}
		defs[i] = d
	}
	user := b.inventoryUser()
	return b.change(user, func(o *ops) outcome {
		return o.promos(defs, func(d *ItemDefinition) bool { return b.eligible(user, d, true) })
	})
}

func (b *Backend) InventoryConsumeItem(item uint64, quantity uint32) (int32, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.change(b.inventoryUser(), func(o *ops) outcome { return o.consume(item, quantity) })
}

func (b *Backend) InventoryExchangeItems(generate []steam.ItemGrant, destroy []steam.ItemTake) (int32, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	out, err := b.definition(generate[0].Definition)
	if err != nil {
		return steam.InventoryResultInvalid, err
	}
	if len(out.Exchange) == 0 {
		return steam.InventoryResultInvalid, fmt.Errorf("item definition %d has no exchange recipe (\"exchange\" in the offline data file)", out.ID)
	}
	return b.change(b.inventoryUser(), func(o *ops) outcome { return o.exchange(out, destroy) })
}

func (b *Backend) InventoryTransferItemQuantity(item uint64, quantity uint32, dest uint64) (int32, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.change(b.inventoryUser(), func(o *ops) outcome { return o.transfer(item, quantity, dest) })
}

// InventoryTriggerItemDrop drops one item of a playtimegenerator at every call: offline has no
// playtime to ration drops by.
func (b *Backend) InventoryTriggerItemDrop(def int32) (int32, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	d, err := b.definition(def)
	if err != nil {
		return steam.InventoryResultInvalid, err
	}
	if d.Type != ItemTypePlaytimeGenerator {
		return steam.InventoryResultInvalid, fmt.Errorf("item definition %d is a %s, not a playtimegenerator to drop items from", def, d.Type)
	}
	return b.change(b.inventoryUser(), func(o *ops) outcome { o.grant(d, 1); return o.t.outcome(o.inv) })
}

// InventoryLoadItemDefinitions: the definitions are the data file's, read at serverInit;
// InventoryDefinitionUpdate says so.
func (b *Backend) InventoryLoadItemDefinitions() (bool, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	ids := b.invSchema().IDs()
	b.push(steam.InventoryDefinitionUpdate{Definitions: ids})
	return true, nil
}

func (b *Backend) InventoryItemDefinitionProperty(def int32, name string) (string, bool, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	d, err := b.definition(def)
	if err != nil {
		return "", false, err
	}
	if name == "" {
		names := make([]string, 0, len(d.Properties))
		for n := range d.Properties {
			names = append(names, n)
		}
		slices.Sort(names)
		return strings.Join(names, ","), true, nil
	}
	v, ok := d.Properties[name]
	return v, ok, nil
}

// InventoryRequestEligiblePromoItems lists the manual promo items user was not given yet.
func (b *Backend) InventoryRequestEligiblePromoItems(user steam.SteamID) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	ev := steam.InventoryEligiblePromoItems{Result: steam.ResultOK, SteamID: user, Definitions: []int32{}}
	schema := b.invSchema()
	inv, err := b.realm.inventory.read(b.effectiveAppID(), user, schema.Users[user])
	if err != nil {
		steam.ReportError("inventory: " + err.Error())
		ev.Result = steam.ResultFail
	}
	for _, id := range schema.IDs() {
		if d := schema.Definitions[id]; err == nil && d.PromoManual && !inv.promos[id] {
			ev.Definitions = append(ev.Definitions, id)
		}
	}
	b.push(ev)
	return nil
}

// InventoryRequestPrices makes the prices readable from the frame that answers it.
func (b *Backend) InventoryRequestPrices() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.inv.pricesPending = true
	b.push(steam.InventoryRequestPricesResult{Result: steam.ResultOK, Currency: b.invSchema().Currency})
	return nil
}

var errNoPrices = fmt.Errorf("no prices yet: call requestPrices and wait for inventory_request_prices_result")

// InventoryItemPrice is 0 and 0 for a definition that is not for sale, as GodotSteam reads Steam's false.
func (b *Backend) InventoryItemPrice(def int32) (uint64, uint64, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.inv.pricesReady {
		return 0, 0, errNoPrices
	}
	d, err := b.definition(def)
	if err != nil {
		return 0, 0, err
	}
	return d.Price, d.Base, nil
}

func (b *Backend) InventoryItemsWithPrices() ([]steam.ItemPrice, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.inv.pricesReady {
		return nil, errNoPrices
	}
	schema := b.invSchema()
	prices := []steam.ItemPrice{}
	for _, id := range schema.IDs() {
		if d := schema.Definitions[id]; d.HasPrice {
			prices = append(prices, steam.ItemPrice{Definition: id, Price: d.Price, BasePrice: d.Base})
		}
	}
	return prices, nil
}

// InventoryStartPurchase fails: a purchase goes through the buyer's Steam overlay, which a game
// server does not have.
func (b *Backend) InventoryStartPurchase(items []steam.ItemGrant) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, g := range items {
		if _, err := b.definition(g.Definition); err != nil {
			return err
		}
	}
	b.push(steam.InventoryStartPurchaseResult{Result: steam.ResultFail})
	return nil
}

func (b *Backend) InventoryStartUpdateProperties() (uint64, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.inv.updates) >= MaxOpenInventoryUpdates {
		return steam.InventoryUpdateHandleInvalid, fmt.Errorf("%d property updates are open: submitUpdateProperties them first", MaxOpenInventoryUpdates)
	}
	h := lastInventoryUpdate.Add(1)
	b.inv.updates[h] = &invUpdate{owner: b.inventoryUser(), items: map[uint64]bool{}}
	return h, nil
}

func (b *Backend) update(h uint64) (*invUpdate, error) {
	u, ok := b.inv.updates[h]
	if !ok {
		return nil, fmt.Errorf("no property update %d is open (submitted already, or never started): call startUpdateProperties", h)
	}
	return u, nil
}

func (b *Backend) InventorySetProperty(h, item uint64, name string, v steam.PropertyValue) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	u, err := b.update(h)
	if err != nil {
		return err
	}
	switch {
	case len(u.changes) >= MaxUpdateChanges:
		return fmt.Errorf("property update %d holds %d changes already: submit it", h, MaxUpdateChanges)
	case !u.items[item] && len(u.items) >= MaxUpdateItems:
		return fmt.Errorf("property update %d changes %d items already, as many as Steam takes in one update: submit it", h, MaxUpdateItems)
	}
	u.items[item] = true
	u.changes = append(u.changes, propertyChange{item: item, name: name, value: v})
	return nil
}

// InventorySubmitUpdateProperties applies the update to the items of the user it was started for.
func (b *Backend) InventorySubmitUpdateProperties(h uint64) (int32, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	u, err := b.update(h)
	if err != nil {
		return steam.InventoryResultInvalid, err
	}
	delete(b.inv.updates, h)
	return b.change(u.owner, func(o *ops) outcome { return o.properties(u.changes) })
}
