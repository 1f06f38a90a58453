package signals

import (
	"testing"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEncodeInventory(t *testing.T) {
	for _, tt := range []struct {
		ev   steam.Event
		want Values
	}{
		{steam.InventoryResultReady{Handle: 7, Result: steam.ResultExpired}, Values{Args: Args{InventoryResultReady, 2, [MaxArgs]int64{27, 7}}}},
		{steam.InventoryFullUpdate{Handle: 7}, Values{Args: Args{InventoryFullUpdate, 1, [MaxArgs]int64{7}}}},
		{steam.InventoryDefinitionUpdate{Definitions: []int32{10, 100}}, Values{Args: Args{InventoryDefinitionUpdate, 1, [MaxArgs]int64{}}, List: []int64{10, 100}}},
		{steam.InventoryDefinitionUpdate{}, Values{Args: Args{InventoryDefinitionUpdate, 1, [MaxArgs]int64{}}, List: []int64{}}},
		{steam.InventoryEligiblePromoItems{Result: steam.ResultOK, SteamID: player, Cached: true, Definitions: []int32{120}},
			Values{Args: Args{InventoryEligiblePromoItem, 3, [MaxArgs]int64{1, 1}}, List: []int64{120}}},
		{steam.InventoryStartPurchaseResult{Result: steam.ResultOK, OrderID: 5, TransactionID: 6},
			Values{Args: Args{InventoryStartPurchaseResult, 3, [MaxArgs]int64{0, 5, 6}}, Text: "success"}},
		{steam.InventoryStartPurchaseResult{Result: steam.ResultFail, OrderID: 5, TransactionID: 6},
			Values{Args: Args{InventoryStartPurchaseResult, 3, [MaxArgs]int64{}}, Text: "failure"}},
		{steam.InventoryRequestPricesResult{Result: steam.ResultOK, Currency: "EUR"},
			Values{Args: Args{InventoryRequestPricesResult, 2, [MaxArgs]int64{1}}, Text: "EUR"}},
	} {
		checkEncodesValues(t, tt.ev, tt.want)
	}
	v, ok := EncodeValues(steam.StatsUnloaded{SteamID: player})
	require.True(t, ok, "EncodeValues encodes every event Encode does")
	assert.Equal(t, Values{Args: Args{StatsUnloaded, 1, [MaxArgs]int64{int64(player)}}}, v)
}

// checkEncodesValues checks ev becomes want, with the catalogue's argument count.
func checkEncodesValues(t *testing.T, ev steam.Event, want Values) {
	t.Run(Catalogue[want.ID].Name, func(t *testing.T) {
		got, ok := EncodeValues(ev)
		require.True(t, ok)
		assert.Equal(t, want, got)
		assert.Len(t, Catalogue[got.ID].Params, got.N)
	})
}

// Values has one Text, one List and one Dict: no signal may have two String, Array or Dictionary parameters.
func TestAtMostOneStringAndOneArrayParameter(t *testing.T) {
	for _, s := range Catalogue {
		n := map[Type]int{}
		for _, p := range s.Params {
			n[p.Type]++
		}
		assert.LessOrEqual(t, n[String], 1, s.Name)
		assert.LessOrEqual(t, n[Array], 1, s.Name)
		assert.LessOrEqual(t, n[Dictionary], 1, s.Name)
	}
}
