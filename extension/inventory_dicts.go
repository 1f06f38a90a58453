package main

import "github.com/gosteam/godot-steam-server/steam"

// The inventory's Dictionaries, with GodotSteam Server 4's keys (godotsteam_server.cpp): key
// keyInventory+i is inventoryKeyNames[i]. getItemsWithPrices' "base_prices" is GodotSteam's
// spelling (getItemPrice's is "base_price"); scripts read what it writes. ("success" is the Workshop's:
// keySuccess.)
var inventoryKeyNames = [...]string{"item_id", "item_definition", "flags", "quantity", "item", "price", "base_prices", "base_price", "property"}

const (
	keyItemID key = keyInventory + iota
	keyItemDefinition
	keyFlags
	keyQuantity
	keyItem
	keyPrice
	keyBasePrices
	keyBasePrice
	keyProperty
)

// itemDict is one entry of getResultItems: SteamItemDetails_t.
func itemDict(d dict, it steam.ItemDetails) {
	d.int(keyItemID, int64(it.ItemID))
	d.int(keyItemDefinition, int64(it.Definition))
	d.int(keyFlags, int64(it.Flags))
	d.int(keyQuantity, int64(it.Quantity))
}

// priceEntryDict is one entry of getItemsWithPrices.
func priceEntryDict(d dict, p steam.ItemPrice) {
	d.int(keyItem, int64(p.Definition))
	d.int(keyPrice, int64(p.Price))
	d.int(keyBasePrices, int64(p.BasePrice))
}

// itemPrice is getItemPrice's answer; {} when refused, as GodotSteam Server 4 without Steam.
type itemPrice struct {
	ok          bool
	price, base uint64
}

func itemPriceDict(d dict, p itemPrice) {
	if p.ok {
		d.int(keyPrice, int64(p.price))
		d.int(keyBasePrice, int64(p.base))
	}
}

// definitionProperty is getItemDefinitionProperty's {property, success}: both keys always, as
// GodotSteam Server 4 fills them before asking Steam.
type definitionProperty struct {
	value string
	found bool
}

func definitionPropertyDict(d dict, p definitionProperty) {
	d.string(keyProperty, p.value)
	d.bool(keySuccess, p.found)
}

var (
	itemsRet              = dictListRet(itemDict)
	pricesRet             = dictListRet(priceEntryDict)
	itemPriceRet          = dictRet(itemPriceDict)
	definitionPropertyRet = dictRet(definitionPropertyDict)
)
