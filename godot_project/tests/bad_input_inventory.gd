## The bad-input rows of the Steam Inventory calls (bad_input_base.gd merges them into its table;
## the kinds, such as "def", "item" or "qty", are checked there by _accepts).
extends RefCounted

const MAX_INT := 9223372036854775807
const MIN_INT := -9223372036854775808
const U32 := 4294967295


static func rows(player: int, garbage_ticket: PackedByteArray) -> Dictionary:
	return {
		# Steam Inventory: after the restart no result or update is open (nor current), so a handle
		# argument is never right; the calls that go through with one are refused by the backend
		# with the same safe value (test_inventory checks those refusals).
		"addPromoItem": {"args": [["def", 120]], "safe": -1},
		"addPromoItems": {"args": [["defs", [120]]], "safe": -1},
		"checkResultSteamID": {"args": [["sid", player], ["never", 1]], "safe": false},
		"consumeItem": {"args": [["item", 1], ["int", 1, 65535, 1]], "safe": -1},
		"deserializeResult": {"args": [["bytes", 1, 65536, garbage_ticket]], "safe": -1},
		"destroyResult": {"args": [["never", 1]], "safe": null},
		"exchangeItems": {"args": [["never", [110]], ["qty", 1, 1, []], ["items", [1]], ["qty", 1, 65535, []]], "safe": -1},
		"generateItems": {"args": [["defs", [100]], ["qty", 1, 65535, [2]]], "safe": -1},
		"getAllItems": {"args": [], "safe": -1},
		"getItemDefinitionProperty": {"args": [["def", 100], ["str", 255, "name"]], "safe": {"property": "", "success": false}},
		"getItemsByID": {"args": [["items", [1]]], "safe": -1},
		"getItemPrice": {"args": [["def", 100]], "safe": {}},
		"getItemsWithPrices": {"args": [], "safe": []},
		"getResultItemProperty": {"args": [["int", 0, U32, 0], ["str", 255, ""], ["never", 1]], "safe": ""},
		"getResultItems": {"args": [["never", 1]], "safe": []},
		"getResultStatus": {"args": [["never", 1]], "safe": 2},
		"getResultTimestamp": {"args": [["never", 1]], "safe": 0},
		"grantPromoItems": {"args": [], "safe": -1},
		"loadItemDefinitions": {"args": [], "safe": false},
		"requestEligiblePromoItemDefinitionsIDs": {"args": [["sid", player]], "safe": null},
		"requestPrices": {"args": [], "safe": null},
		"serializeResult": {"args": [["never", 1]], "safe": PackedByteArray()},
		"startPurchase": {"args": [["defs", [100]], ["qty", 1, 65535, []]], "safe": null},
		"transferItemQuantity": {"args": [["item", 5], ["int", 1, 65535, 1], ["item_not", 5, 7], ["bool", false]], "safe": -1},
		"triggerItemDrop": {"args": [["never", 10]], "safe": -1},
		"startUpdateProperties": {"args": [], "safe": null},
		"submitUpdateProperties": {"args": [["never", 1]], "safe": -1},
		"removeProperty": {"args": [["item", 1], ["pname", "level"], ["never", 1]], "safe": false},
		"setPropertyString": {"args": [["item", 1], ["pname", "level"], ["str", 1024, "v"], ["never", 1]], "safe": false},
		"setPropertyBool": {"args": [["item", 1], ["pname", "level"], ["bool", true], ["never", 1]], "safe": false},
		"setPropertyInt": {"args": [["item", 1], ["pname", "level"], ["int", MIN_INT, MAX_INT, 3], ["never", 1]], "safe": false},
		"setPropertyFloat": {"args": [["item", 1], ["pname", "level"], ["float", 1.5], ["never", 1]], "safe": false},
		"get_inventory_handle": {"args": [], "safe": 0, "pure": true},
		"get_inventory_update_handle": {"args": [], "safe": 0, "pure": true},
		"set_inventory_handle": {"args": [["h32", 0]], "safe": null, "pure": true},
		"set_inventory_update_handle": {"args": [["int", MIN_INT, MAX_INT, 0]], "safe": null, "pure": true},
		"offlineInventoryUser": {"args": [["sid0", 0]], "safe": null},
	}
