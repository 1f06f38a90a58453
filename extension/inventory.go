package main

import (
	"github.com/gosteam/godot-steam-server/signals"
	"github.com/gosteam/godot-steam-server/steam"
)

// Steam Inventory: GodotSteam Server 4's section, on both classes (the API page has none), with its
// names, arguments and current-handle convention (inventory_handles.go). Offline: docs/inventory.md.
// A refused call prints why and returns INVENTORY_RESULT_INVALID (-1) for a new result, RESULT_FAIL
// for a status, false, 0, "", an empty PackedByteArray or Array, or GodotSteam's empty Dictionaries.

const (
	invOffline    = "acts for the server's own account, or offlineInventoryUser's player; items kept in the realm's inventory store"
	resultOffline = "the result is pending until the next `run_callbacks()`, which emits its inventory_result_ready"
	isi           = "ISteamInventory::"
)

var resultReady = []signals.ID{signals.InventoryResultReady}

// current0 is the default of a handle argument: 0, the current result or update.
var current0 = []any{int64(0)}

var inventoryMethods = []method{
	{name: "addPromoItem", emits: resultReady, steam: isi + "AddPromoItem", offline: invOffline, args: names("item"),
		bind: call1(int64Arg, newResultRet, makes1((*steam.Server).InventoryAddPromoItem)),
		doc:  "Grants a promo item definition the user may have (once per user). Returns the new result handle."},
	{name: "addPromoItems", emits: resultReady, steam: isi + "AddPromoItems", offline: invOffline, args: names("items"),
		bind: call1(int64List, newResultRet, makes1((*steam.Server).InventoryAddPromoItems)),
		doc:  "Grants the promo item definitions listed that the user may have. Returns the new result handle."},
	{name: "checkResultSteamID", steam: isi + "CheckResultSteamID", args: names("steam_id_expected", "this_inventory_handle"), defaults: current0,
		bind: call2(steamID, resultHandle, boolRet, checkResultSteamID),
		doc:  "Whether a result holds the items of this user: check a deserialized result with it."},
	{name: "consumeItem", emits: resultReady, steam: isi + "ConsumeItem", offline: invOffline, args: names("item_consume", "quantity"),
		bind: call2(itemID, int64Arg, newResultRet, makes2((*steam.Server).InventoryConsumeItem)),
		doc:  "Uses up quantity (1 to 65535) of an item; at 0 it is removed. Returns the new result handle."},
	{name: "deserializeResult", emits: resultReady, steam: isi + "DeserializeResult", offline: "verifies the realm key's signature: forged bytes give RESULT_FAIL, a result over an hour old RESULT_EXPIRED",
		args: names("buffer"), bind: call1(byteArray, newResultRet, makes1((*steam.Server).InventoryDeserializeResult)),
		doc: "Reads a result a player's client serialized: its status says whether it is genuine; check it is theirs with checkResultSteamID. Returns the new result handle."},
	{name: "destroyResult", steam: isi + "DestroyResult", args: names("this_inventory_handle"), defaults: current0,
		bind: do1(resultHandle, destroyResult), doc: "Frees a result; if it was the current one, none is current."},
	{name: "exchangeItems", emits: resultReady, steam: isi + "ExchangeItems", offline: invOffline + "; the output's `exchange` recipes in the data file",
		args: names("output_items", "output_quantity", "input_items", "input_quantity"),
		bind: call4(int64List, int32List, int64List, int32List, newResultRet, exchangeItems),
		doc:  "Makes one item (one definition, quantity 1) from input items and how many of each stack, by one of its recipes. Empty quantities mean 1 each. Returns the new result handle."},
	{name: "generateItems", emits: resultReady, steam: isi + "GenerateItems", offline: invOffline, args: names("items", "quantity"),
		bind: call2(int64List, int32List, newResultRet, makes2((*steam.Server).InventoryGenerateItems)),
		doc:  "Grants items (on Steam: for the app's developers only). Empty quantity means 1 each. Returns the new result handle."},
	{name: "getAllItems", emits: []signals.ID{signals.InventoryFullUpdate, signals.InventoryResultReady}, steam: isi + "GetAllItems", offline: invOffline,
		bind: call0(newResultRet, makes((*steam.Server).InventoryGetAllItems)),
		doc:  "A result of every item the user holds. Returns the new result handle; inventory_full_update comes before its inventory_result_ready."},
	{name: "getItemDefinitionProperty", steam: isi + "GetItemDefinitionProperty", offline: "the data file's definitions", args: names("definition", "name"),
		bind: call2(int64Arg, text, definitionPropertyRet, getItemDefinitionProperty),
		doc:  "A property of an item definition: `{property, success}`; name \"\" lists the property names, comma-separated."},
	{name: "getItemsByID", emits: resultReady, steam: isi + "GetItemsByID", offline: invOffline, args: names("id_array"),
		bind: call1(int64List, newResultRet, makes1((*steam.Server).InventoryGetItemsByID)),
		doc:  "A result of the listed items the user holds (the others are left out), to serialize for a server. Returns the new result handle."},
	{name: "getItemPrice", steam: isi + "GetItemPrice", offline: "the data file's prices", args: names("definition"),
		bind: call1(int64Arg, itemPriceRet, getItemPrice),
		doc:  "A definition's `{price, base_price}` in the currency's smallest unit (0 when not for sale), after requestPrices; `{}` when refused."},
	{name: "getItemsWithPrices", steam: isi + "GetItemsWithPrices", offline: "the data file's prices",
		bind: call0(pricesRet, (*steam.Server).InventoryItemsWithPrices),
		doc:  "Every definition for sale, after requestPrices: an Array of `{item, price, base_prices}` (GodotSteam Server 4's keys)."},
	{name: "getResultItemProperty", steam: isi + "GetResultItemProperty", offline: "answers `dynamic_props` (a JSON object) and \"\"",
		args: names("index", "name", "this_inventory_handle"), defaults: current0,
		bind: call3(int64Arg, text, resultHandle, stringRet, getResultItemProperty),
		doc:  "A property of item `index` of a result: `dynamic_props` is its dynamic properties as JSON; \"\" lists the names, comma-separated."},
	{name: "getResultItems", steam: isi + "GetResultItems", args: names("this_inventory_handle"), defaults: current0,
		bind: call1(resultHandle, itemsRet, onResult(nil, (*steam.Server).InventoryResultItems)),
		doc:  "A finished result's items: an Array of `{item_id, item_definition, flags, quantity}`; removed ones have quantity 0 and STEAM_ITEM_REMOVED."},
	{name: "getResultStatus", steam: isi + "GetResultStatus", args: names("this_inventory_handle"), defaults: current0,
		bind: call1(resultHandle, resultRet, onResult(steam.ResultFail, (*steam.Server).InventoryResultStatus)),
		doc:  "A result's status: RESULT_PENDING until its inventory_result_ready, then RESULT_OK, RESULT_EXPIRED or the failure."},
	{name: "getResultTimestamp", steam: isi + "GetResultTimestamp", args: names("this_inventory_handle"), defaults: current0,
		bind: call1(resultHandle, uint32Ret, onResult(uint32(0), (*steam.Server).InventoryResultTimestamp)),
		doc:  "When a finished result was made, in Unix seconds (a deserialized one: when its client made it)."},
	{name: "grantPromoItems", emits: resultReady, steam: isi + "GrantPromoItems", offline: invOffline + "; the data file's `owns:` promos",
		bind: call0(newResultRet, makes((*steam.Server).InventoryGrantPromoItems)),
		doc:  "Grants every promo item the user may have and was not given. Returns the new result handle."},
	{name: "loadItemDefinitions", emits: []signals.ID{signals.InventoryDefinitionUpdate}, steam: isi + "LoadItemDefinitions", offline: "the data file's, read at serverInit",
		bind: call0(boolRet, (*steam.Server).InventoryLoadItemDefinitions), doc: "Loads the item definitions. Triggers inventory_definition_update."},
	{name: "requestEligiblePromoItemDefinitionsIDs", emits: []signals.ID{signals.InventoryEligiblePromoItem}, steam: isi + "RequestEligiblePromoItemDefinitionsIDs",
		offline: "the manual promos not given to the user yet", args: names("steam_id"),
		bind: do1(steamID, (*steam.Server).InventoryRequestEligiblePromoItems),
		doc:  "Asks which manual promo items a user may be given. Triggers inventory_eligible_promo_item."},
	{name: "requestPrices", emits: []signals.ID{signals.InventoryRequestPricesResult}, steam: isi + "RequestPrices", offline: "the data file's prices and currency",
		bind: do0((*steam.Server).InventoryRequestPrices), doc: "Fetches the prices. Triggers inventory_request_prices_result."},
	{name: "serializeResult", steam: isi + "SerializeResult", offline: "signed with the realm key", args: names("this_inventory_handle"), defaults: current0,
		bind: call1(resultHandle, bytesRet, onResult(nil, (*steam.Server).InventorySerializeResult)),
		doc:  "A finished result as bytes a server can deserializeResult and trust (for an hour); empty when refused."},
	{name: "startPurchase", emits: []signals.ID{signals.InventoryStartPurchaseResult}, steam: isi + "StartPurchase", offline: "always \"failure\": a game server has no Steam overlay to buy through",
		args: names("items", "quantity"), bind: do2(int64List, int32List, (*steam.Server).InventoryStartPurchase),
		doc: "Starts buying items in the user's Steam overlay. Triggers inventory_start_purchase_result."},
	{name: "transferItemQuantity", emits: resultReady, steam: isi + "TransferItemQuantity", offline: invOffline,
		args: names("item_id", "quantity", "item_destination", "split"), bind: call4(itemID, int64Arg, itemID, boolean, newResultRet, transferItemQuantity),
		doc: "Moves quantity from one stack onto another of its definition, or with `split` onto a new stack. Returns the new result handle."},
	{name: "triggerItemDrop", emits: resultReady, steam: isi + "TriggerItemDrop", offline: invOffline + "; drops at every call (no playtime)", args: names("definition"),
		bind: call1(int64Arg, newResultRet, makes1((*steam.Server).InventoryTriggerItemDrop)),
		doc:  "Drops an item of a playtimegenerator definition, if the user played enough. Returns the new result handle."},
	{name: "startUpdateProperties", steam: isi + "StartUpdateProperties", bind: do0(startUpdateProperties),
		doc: "Starts a property update; it becomes the current update (this_inventory_update_handle 0)."},
	{name: "submitUpdateProperties", emits: resultReady, steam: isi + "SubmitUpdateProperties", offline: invOffline,
		args: names("this_inventory_update_handle"), defaults: current0, bind: call1(updateHandle, newResultRet, submitUpdateProperties),
		doc: "Applies an update's property changes (at most 100 items). Returns the new result handle, of the changed items."},
	{name: "removeProperty", steam: isi + "RemoveProperty", args: names("item_id", "name", "this_inventory_update_handle"), defaults: current0,
		bind: call3(itemID, text, updateHandle, boolRet, removeProperty), doc: "Adds removing a dynamic property of an item to an update."},
	setPropertyRow("setPropertyString", text, setPropertyString, "a String (at most 1024 bytes)"),
	setPropertyRow("setPropertyBool", boolean, setPropertyBool, "a bool"),
	setPropertyRow("setPropertyInt", int64Arg, setPropertyInt, "a 64-bit int"),
	setPropertyRow("setPropertyFloat", floatArg, setPropertyFloat, "a 32-bit float"),

	// GodotSteam Server 4's accessors of its current handles (not in its class reference).
	{name: "get_inventory_handle", pure: true, bind: call0(int32Ret, getInventoryHandle), doc: "The current result handle; 0 when none."},
	{name: "get_inventory_update_handle", pure: true, bind: call0(handleRet, getInventoryUpdateHandle), doc: "The current update handle; 0 when none."},
	{name: "set_inventory_handle", pure: true, args: names("new_inventory_handle"), bind: do1(int64Arg, setInventoryHandle),
		doc: "Makes a result handle current (0: none)."},
	{name: "set_inventory_update_handle", pure: true, args: names("new_inventory_update_handle"), bind: do1(handle, setInventoryUpdateHandle),
		doc: "Makes an update handle current (0: none)."},

	{name: "offlineInventoryUser", args: names("steam_id"), bind: do1(steamID, (*steam.Server).OfflineInventoryUser),
		doc: "Offline only: the inventory calls act for this player from now on, as their own Steam client would (to serialize their items for a server) or a trusted server through Steam's Web API (grants, consumes, properties); 0: the server's own account again. serverInit resets it to 0."},
}

func setPropertyRow[V any](name string, value param[V], f func(*steam.Server, int64, string, V, uint64) (bool, error), what string) method {
	return method{name: name, steam: isi + "SetProperty", args: names("item_id", "name", "value", "this_inventory_update_handle"), defaults: current0,
		bind: call4(itemID, text, value, updateHandle, boolRet, f),
		doc:  "Adds setting a dynamic property of an item, to " + what + ", to an update. Names are ASCII letters, digits and underscores (at most 64)."}
}
