package steamworks

import (
	"encoding/binary"
	"fmt"
	"math"

	"github.com/gosteam/godot-steam-server/steam"
)

// The inventory's reads (results, definitions, prices), updates and async requests on Steam.
// Variable-sized answers are fetched as Steam's API asks: the size first (a NULL buffer), then a
// buffer of that size, bounded whatever Steam claims.

func (b *Backend) InventoryResultStatus(h int32) (steam.Result, error) {
	if err := b.inventory(); err != nil {
		return steam.ResultFail, err
	}
	return steam.Result(b.api.i32NI32(symGetResultStatus, h)), nil
}

func (b *Backend) InventoryResultItems(h int32) ([]steam.ItemDetails, error) {
	if err := b.inventory(); err != nil {
		return nil, err
	}
	ok, n := b.api.bNI32PPU32(symGetResultItems, h, nil, 0)
	if !ok {
		return nil, fmt.Errorf("Steam refused GetResultItems(%d): no such result, or it is still pending (wait for inventory_result_ready)", h)
	}
	n = min(n, maxInventoryList)
	buf := make([]byte, int(n)*itemDetails.size)
	ok, got := b.api.bNI32PPU32(symGetResultItems, h, buf, n)
	if !ok {
		return nil, fmt.Errorf("Steam refused GetResultItems(%d) with room for %d items", h, n)
	}
	items := make([]steam.ItemDetails, 0, min(got, n))
	for i := range int(min(got, n)) {
		r, _ := read(&itemDetails, buf[i*itemDetails.size:])
		items = append(items, steam.ItemDetails{ItemID: r.u64("m_itemId"), Definition: r.i32("m_iDefinition"),
			Quantity: r.u16("m_unQuantity"), Flags: r.u16("m_unFlags")})
	}
	return items, nil
}

// text fetches a string property: its size with a NULL buffer, then the text, NUL-bounded.
func (b *Backend) text(ask func(buf []byte) (bool, uint32)) (string, bool) {
	ok, size := ask(nil)
	if !ok || size == 0 {
		return "", ok
	}
	buf := make([]byte, min(size, maxPropertyText))
	ok, _ = ask(buf)
	return cString(buf), ok
}

func (b *Backend) InventoryResultItemProperty(h int32, index uint32, name string) (string, error) {
	if err := b.inventory(); err != nil {
		return "", err
	}
	v, ok := b.text(func(buf []byte) (bool, uint32) {
		return b.api.bNI32U32SPPU32(symGetResultItemProperty, h, index, name, buf)
	})
	if !ok {
		return "", nil // the item has no such property: GodotSteam reads ""
	}
	return v, nil
}

func (b *Backend) InventoryResultTimestamp(h int32) (uint32, error) {
	if err := b.inventory(); err != nil {
		return 0, err
	}
	return b.api.u32NI32(symGetResultTimestamp, h), nil
}

func (b *Backend) InventoryCheckResultSteamID(h int32, user steam.SteamID) (bool, error) {
	if err := b.inventory(); err != nil {
		return false, err
	}
	return b.api.bNI32U64(symCheckResultSteamID, h, uint64(user)), nil
}

func (b *Backend) InventoryDestroyResult(h int32) error {
	if err := b.inventory(); err != nil {
		return err
	}
	b.api.vNI32(symDestroyResult, h)
	return nil
}

func (b *Backend) InventorySerializeResult(h int32) ([]byte, error) {
	if err := b.inventory(); err != nil {
		return nil, err
	}
	ok, size := b.api.bNI32PPU32(symSerializeResult, h, nil, 0)
	if !ok || size == 0 {
		return nil, fmt.Errorf("Steam refused SerializeResult(%d): no such result, or it is pending or failed", h)
	}
	if size > steam.MaxSerializedResult {
		return nil, fmt.Errorf("result %d serializes to %d bytes; a server takes at most %d: make a smaller one with getItemsByID", h, size, steam.MaxSerializedResult)
	}
	buf := make([]byte, size)
	ok, got := b.api.bNI32PPU32(symSerializeResult, h, buf, size)
	if !ok {
		return nil, fmt.Errorf("Steam refused SerializeResult(%d) into %d bytes", h, size)
	}
	return buf[:min(got, size)], nil
}

func (b *Backend) InventoryLoadItemDefinitions() (bool, error) {
	if err := b.inventory(); err != nil {
		return false, err
	}
	return b.api.bN(symLoadItemDefinitions), nil
}

// int32s reads a list of int32s Steam fills (count in, count out), count first.
func int32s(count uint32, fill func(buf []byte, n uint32) (bool, uint32)) []int32 {
	count = min(count, maxInventoryList)
	buf := make([]byte, 4*count)
	ok, got := fill(buf, count)
	if !ok {
		return []int32{}
	}
	out := make([]int32, min(got, count))
	for i := range out {
		out[i] = int32(binary.LittleEndian.Uint32(buf[4*i:]))
	}
	return out
}

// definitionIDs is GetItemDefinitionIDs' list (what inventory_definition_update carries).
func (b *Backend) definitionIDs() []int32 {
	ok, n := b.api.bNPPU32(symGetItemDefinitionIDs, nil, 0)
	if !ok || n == 0 {
		return []int32{}
	}
	return int32s(n, func(buf []byte, n uint32) (bool, uint32) { return b.api.bNPPU32(symGetItemDefinitionIDs, buf, n) })
}

func (b *Backend) InventoryItemDefinitionProperty(def int32, name string) (string, bool, error) {
	if err := b.inventory(); err != nil {
		return "", false, err
	}
	v, ok := b.text(func(buf []byte) (bool, uint32) {
		return b.api.bNI32SPPU32(symGetItemDefinitionProperty, def, name, buf)
	})
	return v, ok, nil
}

func (b *Backend) InventoryRequestEligiblePromoItems(user steam.SteamID) error {
	if err := b.inventory(); err != nil {
		return err
	}
	b.asyncCall(b.api.u64NU64(symRequestEligiblePromoItemDefIDs, uint64(user)), user,
		steam.InventoryEligiblePromoItems{Result: steam.ResultFail, SteamID: user, Definitions: []int32{}})
	return nil
}

func (b *Backend) InventoryRequestPrices() error {
	if err := b.inventory(); err != nil {
		return err
	}
	b.asyncCall(b.api.u64N(symRequestPrices), 0, steam.InventoryRequestPricesResult{Result: steam.ResultFail})
	return nil
}

func (b *Backend) InventoryStartPurchase(items []steam.ItemGrant) error {
	if err := b.inventory(); err != nil {
		return err
	}
	defs, qty := grantsBytes(items)
	b.asyncCall(b.api.u64NPPU32(symStartPurchase, defs, qty, uint32(len(items))), 0, steam.InventoryStartPurchaseResult{Result: steam.ResultFail})
	return nil
}

func (b *Backend) InventoryItemPrice(def int32) (uint64, uint64, error) {
	if err := b.inventory(); err != nil {
		return 0, 0, err
	}
	_, price, base := b.api.bNI32PU64PU64(symGetItemPrice, def) // false: no price, which GodotSteam reads as 0 and 0
	return price, base, nil
}

func (b *Backend) InventoryItemsWithPrices() ([]steam.ItemPrice, error) {
	if err := b.inventory(); err != nil {
		return nil, err
	}
	n := min(b.api.u32N(symGetNumItemsWithPrices), maxInventoryList)
	defs, prices, bases := make([]byte, 4*n), make([]byte, 8*n), make([]byte, 8*n)
	out := []steam.ItemPrice{}
	if n == 0 || !b.api.bNPPPU32(symGetItemsWithPrices, defs, prices, bases, n) {
		return out, nil
	}
	for i := range int(n) {
		out = append(out, steam.ItemPrice{Definition: int32(binary.LittleEndian.Uint32(defs[4*i:])),
			Price: binary.LittleEndian.Uint64(prices[8*i:]), BasePrice: binary.LittleEndian.Uint64(bases[8*i:])})
	}
	return out, nil
}

func (b *Backend) InventoryStartUpdateProperties() (uint64, error) {
	if err := b.inventory(); err != nil {
		return steam.InventoryUpdateHandleInvalid, err
	}
	h := b.api.u64N(symStartUpdateProperties)
	if h == steam.InventoryUpdateHandleInvalid || h == 0 { // 0 would read as "the current update" to GodotSteam's scripts
		return steam.InventoryUpdateHandleInvalid, fmt.Errorf("Steam refused StartUpdateProperties()")
	}
	return h, nil
}

func (b *Backend) InventorySetProperty(update, item uint64, name string, v steam.PropertyValue) error {
	if err := b.inventory(); err != nil {
		return err
	}
	var ok bool
	var call string
	switch v.Kind {
	case steam.PropertyRemove:
		ok, call = b.api.bNU64U64S(symRemoveProperty, update, item, name), "RemoveProperty"
	case steam.PropertyString:
		ok, call = b.api.bNU64U64SS(symSetPropertyString, update, item, name, v.Text), "SetPropertyString"
	case steam.PropertyBool:
		ok, call = b.api.bNU64U64SB(symSetPropertyBool, update, item, name, v.Bool), "SetPropertyBool"
	case steam.PropertyInt:
		ok, call = b.api.bNU64U64SI64(symSetPropertyInt64, update, item, name, v.Int), "SetPropertyInt64"
	default:
		if math.IsNaN(float64(v.Float)) {
			return fmt.Errorf("value is NaN")
		}
		ok, call = b.api.bNU64U64SF32(symSetPropertyFloat, update, item, name, v.Float), "SetPropertyFloat"
	}
	if !ok {
		return fmt.Errorf("Steam refused %s(%d, %d, %q): an update handle Steam does not know, or a property not allowed", call, update, item, name)
	}
	return nil
}
