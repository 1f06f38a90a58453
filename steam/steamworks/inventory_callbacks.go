package steamworks

import (
	"runtime"

	"github.com/gosteam/godot-steam-server/steam"
)

// itemDetails is SteamItemDetails_t at the platform's packing (16 bytes at both: callStructRows).
var itemDetails = callStruct("SteamItemDetails_t")

// callStruct is the row of a struct a call fills, laid out at the platform's packing.
func callStruct(sdk string) callback {
	for _, c := range layOut(callStructRows, packFor(runtime.GOOS)) {
		if c.sdk == sdk {
			return c
		}
	}
	panic("no call struct " + sdk)
}

// completeInventory adds to an inventory event what Steam gives through a call rather than in the
// callback struct, while that callback is the current one, as GodotSteam Server 4's handlers do:
// the definitions' IDs (GetItemDefinitionIDs), a user's eligible promo items
// (GetEligiblePromoItemDefinitionIDs, as many as the struct counted).
func (b *Backend) completeInventory(ev steam.Event) steam.Event {
	if !b.hasInventory {
		return ev
	}
	switch e := ev.(type) {
	case steam.InventoryDefinitionUpdate:
		e.Definitions = b.definitionIDs()
		return e
	case steam.InventoryEligiblePromoItems:
		if len(e.Definitions) > 0 {
			e.Definitions = int32s(uint32(len(e.Definitions)), func(buf []byte, n uint32) (bool, uint32) {
				return b.api.bNU64PPU32(symGetEligiblePromoItemDefIDs, uint64(e.SteamID), buf, n)
			})
		}
		return e
	}
	return ev
}

// failedInventoryCall is the answer to a call of id whose result never came whole.
func failedInventoryCall(id int32, user steam.SteamID) (steam.Event, bool) {
	switch id {
	case idInventoryEligiblePromo:
		return steam.InventoryEligiblePromoItems{Result: steam.ResultFail, SteamID: user, Definitions: []int32{}}, true
	case idInventoryStartPurchase:
		return steam.InventoryStartPurchaseResult{Result: steam.ResultFail}, true
	case idInventoryRequestPrices:
		return steam.InventoryRequestPricesResult{Result: steam.ResultFail}, true
	}
	return nil, false
}
