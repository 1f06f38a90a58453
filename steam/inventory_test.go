package steam

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// The inventory's call results (promos, purchases, prices) are async calls: each is announced by
// steam_api_call_completed with its callback ID and size; its result handles' events are not.
func TestInventoryCallResults(t *testing.T) {
	for i, ev := range []Event{InventoryEligiblePromoItems{}, InventoryStartPurchaseResult{}, InventoryRequestPricesResult{}} {
		id := int32(4703 + i)
		k, ok := CallResultOf(ev)
		assert.True(t, ok, "%T", ev)
		assert.Equal(t, id, k.Callback, "%T", ev)
		assert.NotZero(t, k.Size(), "%T", ev)
	}
	for _, ev := range []Event{InventoryResultReady{}, InventoryFullUpdate{}, InventoryDefinitionUpdate{}} {
		_, ok := CallResultOf(ev)
		assert.False(t, ok, "%T is a callback, not a call result", ev)
	}
}
