package steam

// Steam Inventory's enum and constants of GodotSteam Server 4, named and valued as there
// (isteaminventory.h). Appended to Enums and Constants (constants.go).

var InventoryEnums = []Enum{
	{Name: "ItemFlags", Values: []Constant{
		{"STEAM_ITEM_NO_TRADE", int64(ItemNoTrade)},
		{"STEAM_ITEM_REMOVED", int64(ItemRemoved)},
		{"STEAM_ITEM_CONSUMED", int64(ItemConsumed)},
	}},
}

var InventoryConstants = []Constant{
	{"INVENTORY_RESULT_INVALID", int64(InventoryResultInvalid)},
	{"ITEM_INSTANCE_ID_INVALID", -1}, // k_SteamItemInstanceIDInvalid, all 64 bits set, as a Godot int
}
