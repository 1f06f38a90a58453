package offline

// What each inventory call does to one user's items (the Steam Inventory service's side). An
// operation changes inv and reports the stacks it touched, as Steam's result of that call lists
// them: new stacks, changed ones, and emptied ones with quantity 0 and ITEM_REMOVED. A failed
// operation reports a status other than OK; its changes to inv are thrown away (the store writes
// nothing, inventory_store.go).

import (
	"maps"
	"math/rand/v2"

	"github.com/gosteam/godot-steam-server/steam"
)

// touched collects the stacks an operation changed, once each, in the order first touched.
type touched struct {
	items []*invItem
}

func (t *touched) add(items ...*invItem) {
	for _, it := range items {
		found := false
		for _, have := range t.items {
			found = found || have == it
		}
		if !found {
			t.items = append(t.items, it)
		}
	}
}

// outcome is an operation's result: its status and the stacks as they are after it.
type outcome struct {
	status steam.Result
	items  []resultItem
}

// resultItem is one item of a result: its details and its dynamic properties then.
type resultItem struct {
	steam.ItemDetails
	props map[string]steam.PropertyValue
}

func snapshot(it *invItem) resultItem {
	r := resultItem{ItemDetails: it.details(), props: maps.Clone(it.props)}
	if it.qty == 0 {
		r.Flags |= steam.ItemRemoved
	}
	return r
}

func (t *touched) outcome(inv *userInventory) outcome {
	out := outcome{status: steam.ResultOK}
	for _, it := range t.items {
		out.items = append(out.items, snapshot(it))
	}
	inv.drop()
	if len(inv.items) > MaxInventoryItems {
		return outcome{status: steam.ResultLimitExceeded}
	}
	return out
}

func failed(status steam.Result) outcome { return outcome{status: status} }

// ops are the operations on one user's inventory, with the schema and the random picks of
// generators.
type ops struct {
	schema *InventorySchema
	pick   func(n int) int // a random index below n
	inv    *userInventory
	t      touched
}

func newOps(schema *InventorySchema, inv *userInventory) *ops {
	return &ops{schema: schema, pick: rand.IntN, inv: inv}
}

// stack makes new stacks holding qty of an item definition, at most MaxItemQuantity each.
func (o *ops) stack(def *ItemDefinition, qty uint32) {
	flags := noTrade(def)
	for qty > 0 && len(o.inv.items) <= MaxInventoryItems { // beyond: LIMIT_EXCEEDED (outcome)
		n := min(qty, steam.MaxItemQuantity)
		it := &invItem{id: o.inv.nextID, def: def.ID, qty: uint16(n), flags: flags}
		o.inv.nextID++
		o.inv.items = append(o.inv.items, it)
		o.t.add(it)
		qty -= n
	}
}

// grant gives qty of def: an item's stacks, a bundle's contents, or for a generator qty picks of
// its entries weighted by their quantities.
func (o *ops) grant(def *ItemDefinition, qty uint32) {
	switch def.Type {
	case ItemTypeItem:
		o.stack(def, qty)
	case ItemTypeBundle:
		for _, e := range def.Bundle {
			o.stack(o.schema.Definitions[e.Definition], e.Quantity*qty)
		}
	default:
		for range qty {
			o.stack(o.schema.Definitions[o.weighted(def.Bundle)], 1)
		}
	}
}

func (o *ops) weighted(entries []ItemAmount) int32 {
	total := 0
	for _, e := range entries {
		total += int(e.Quantity)
	}
	n := o.pick(total)
	for _, e := range entries {
		if n -= int(e.Quantity); n < 0 {
			return e.Definition
		}
	}
	return entries[len(entries)-1].Definition
}

// generate grants each definition (known to the schema: the caller checked).
func (o *ops) generate(grants []steam.ItemGrant) outcome {
	for _, g := range grants {
		o.grant(o.schema.Definitions[g.Definition], g.Quantity)
	}
	return o.t.outcome(o.inv)
}

// promos grants each promo definition the user may have and was not given yet.
func (o *ops) promos(defs []*ItemDefinition, eligible func(*ItemDefinition) bool) outcome {
	for _, d := range defs {
		if d.Promo() && !o.inv.promos[d.ID] && eligible(d) {
			o.inv.promos[d.ID] = true
			o.grant(d, 1)
		}
	}
	return o.t.outcome(o.inv)
}

// take removes n from a stack the user holds; false when they hold no such stack or too few.
func (o *ops) take(id uint64, n uint32) (*invItem, bool) {
	it := o.inv.find(id)
	if it == nil || uint32(it.qty) < n {
		return nil, false
	}
	it.qty -= uint16(n)
	o.t.add(it)
	return it, true
}

func (o *ops) consume(id uint64, n uint32) outcome {
	it, ok := o.take(id, n)
	if !ok {
		return failed(steam.ResultFail)
	}
	it.flags |= steam.ItemConsumed
	return o.t.outcome(o.inv)
}

// exchange destroys the inputs and grants out, when the inputs' definitions and quantities are
// exactly one of out's recipes.
func (o *ops) exchange(out *ItemDefinition, destroy []steam.ItemTake) outcome {
	have := map[int32]uint32{}
	for _, d := range destroy {
		it, ok := o.take(d.ItemID, d.Quantity)
		if !ok {
			return failed(steam.ResultFail)
		}
		have[it.def] += d.Quantity
	}
	for _, recipe := range out.Exchange {
		if matches(recipe, have) {
			o.grant(out, 1)
			return o.t.outcome(o.inv)
		}
	}
	return failed(steam.ResultFail)
}

func matches(recipe []ItemAmount, have map[int32]uint32) bool {
	if len(recipe) != len(have) {
		return false
	}
	for _, m := range recipe {
		if have[m.Definition] != m.Quantity {
			return false
		}
	}
	return true
}

// transfer moves n from one stack onto another of the same definition, or onto a new stack when
// dest is ItemInstanceIDInvalid (a split); a stack holds at most MaxItemQuantity.
func (o *ops) transfer(src uint64, n uint32, dest uint64) outcome {
	from, ok := o.take(src, n)
	if !ok {
		return failed(steam.ResultFail)
	}
	if dest == steam.ItemInstanceIDInvalid {
		it := &invItem{id: o.inv.nextID, def: from.def, qty: uint16(n), flags: from.flags &^ steam.ItemConsumed}
		o.inv.nextID++
		o.inv.items = append(o.inv.items, it)
		o.t.add(it)
		return o.t.outcome(o.inv)
	}
	to := o.inv.find(dest)
	if to == nil || to.def != from.def || uint32(to.qty)+n > steam.MaxItemQuantity {
		return failed(steam.ResultFail)
	}
	to.qty += uint16(n)
	o.t.add(to)
	return o.t.outcome(o.inv)
}

// propertyChange is one SetProperty or RemoveProperty of an update.
type propertyChange struct {
	item  uint64
	name  string
	value steam.PropertyValue
}

// properties applies an update's changes in order; every item must be the user's.
func (o *ops) properties(changes []propertyChange) outcome {
	for _, c := range changes {
		it := o.inv.find(c.item)
		if it == nil {
			return failed(steam.ResultFail)
		}
		if c.value.Kind == steam.PropertyRemove {
			delete(it.props, c.name)
		} else {
			if it.props == nil {
				it.props = map[string]steam.PropertyValue{}
			}
			it.props[c.name] = c.value
			if len(it.props) > MaxItemProperties {
				return failed(steam.ResultLimitExceeded)
			}
		}
		o.t.add(it)
	}
	return o.t.outcome(o.inv)
}
