## Steam Inventory offline, as a game's tests drive it: item definitions and a player's starting
## items in the offline data file; the player's client (this process, offlineInventoryUser) makes a
## serialized result that the server checks (checkResultSteamID, forged bytes refused); the server
## consumes and grants the player's items; dynamic properties survive serverShutdown/serverInit;
## definitions, prices, and every refusal. Inventories live in the realm's store across runs, so each
## test plays a player of its own (a random account ID).
extends TestSuite

const DATA_FILE := "user://steam_offline_inventory_test.json"

var player := 0


func _data() -> Dictionary:
	return {"inventory": {
		"currency": "EUR",
		"definitions": {
			"100": {"name": "Sword", "price": 150, "tradable": true},
			"101": {"name": "Shield", "price": 120, "base_price": 200},
			"102": {"name": "Gem", "properties": {"description": "Shiny"}},
			"110": {"name": "Crown", "exchange": "100,101"},
		},
		"users": {str(player): [{"definition": 100}, {"definition": 102, "quantity": 5}]},
	}}


func _start() -> bool:
	if Steam.getServerState().initialized:
		Steam.serverShutdown()
	if player == 0:
		player = 76561197960265728 + 1 + randi_range(1, 0x7FFFFFF0)
	var f := FileAccess.open(DATA_FILE, FileAccess.WRITE)
	f.store_string(JSON.stringify(_data()))
	f.close()
	OS.set_environment("GOSTEAM_OFFLINE_DATA", ProjectSettings.globalize_path(DATA_FILE))
	var r := Steam.serverInitEx("127.0.0.1", 27015, 0, 2, "1.0")
	OS.unset_environment("GOSTEAM_OFFLINE_DATA")
	return check_eq(r.status, 0, "serverInitEx with the inventory schema: %s" % r.verbal)


## Runs the frame that finishes handle h: its inventory_result_ready must come there, not before.
func _finish(h: int) -> Array:
	check(h > 0, "a result handle, got %d" % h)
	check_eq(Steam.getResultStatus(h), Steam.RESULT_PENDING, "result %d before run_callbacks" % h)
	var seen := pump()
	check(seen.has(["inventory_result_ready", [Steam.getResultStatus(h), h]]), "inventory_result_ready for %d in %s" % [h, seen])
	return seen


func _refused(call: Callable, want: Variant, reason: String, what: String) -> void:
	var got := [null] # lambdas capture by value: the result comes back in the array
	var errors := errors_of(func(): got[0] = call.call())
	check_eq(got[0], want, what)
	check(errors.size() == 1 and reason in errors[0], "%s should print one error with %s, got %s" % [what, reason, errors])


func test_server_checks_a_client_made_result() -> void:
	if not _start():
		return
	# The player's client: its items 1 (a Sword), serialized.
	Steam.offlineInventoryUser(player)
	var mine := Steam.getItemsByID(PackedInt64Array([1]))
	_finish(mine)
	var buffer: PackedByteArray = Steam.serializeResult()
	check(buffer.size() > 19, "serializeResult() of the current result: %d bytes" % buffer.size())
	# The server, as its own account, checks what the client sent.
	SteamServer.offlineInventoryUser(0)
	var got := SteamServer.deserializeResult(buffer)
	_finish(got)
	check_eq(SteamServer.getResultStatus(got), SteamServer.RESULT_OK, "a genuine result")
	check(SteamServer.checkResultSteamID(player), "checkResultSteamID(player) of the current result")
	check(not SteamServer.checkResultSteamID(player + 1, got), "checkResultSteamID of another user")
	check_eq(SteamServer.getResultItems(got), [{"item_id": 1, "item_definition": 100, "flags": 0, "quantity": 1}], "the items the client holds")
	check(SteamServer.getResultTimestamp(got) > 0, "its timestamp")
	var forged := buffer.duplicate()
	forged[30] ^= 1
	var bad := Steam.deserializeResult(forged)
	_finish(bad)
	check_eq(Steam.getResultStatus(bad), Steam.RESULT_FAIL, "a forged result fails")
	check(not Steam.checkResultSteamID(player, bad), "and belongs to nobody")
	check_eq(Steam.getResultItems(bad), [], "and holds no items")
	Steam.destroyResult(bad)
	check_eq(Steam.get_inventory_handle(), 0, "the destroyed current result is current no more")
	Steam.serverShutdown()


func test_server_consumes_and_grants() -> void:
	if not _start():
		return
	Steam.offlineInventoryUser(player)
	var used := Steam.consumeItem(2, 2)
	_finish(used)
	check_eq(Steam.getResultItems(used), [{"item_id": 2, "item_definition": 102, "flags": Steam.STEAM_ITEM_NO_TRADE | Steam.STEAM_ITEM_CONSUMED, "quantity": 3}], "3 Gems left")
	var granted := SteamServer.generateItems([101], [2]) # Array literals convert as GodotSteam's PackedArrays do
	_finish(granted)
	check_eq(SteamServer.getResultItems(), [{"item_id": 3, "item_definition": 101, "flags": Steam.STEAM_ITEM_NO_TRADE, "quantity": 2}], "2 Shields granted")
	var crown := Steam.exchangeItems(PackedInt64Array([110]), PackedInt32Array(), PackedInt64Array([1, 3]), PackedInt32Array([1, 1]))
	_finish(crown)
	var changes: Array = Steam.getResultItems(crown)
	check_eq(changes.map(func(i): return [i.item_id, i.quantity, i.flags & Steam.STEAM_ITEM_REMOVED != 0]), [[1, 0, true], [3, 1, false], [4, 1, false]], "a Sword and a Shield for a Crown")
	var all := Steam.getAllItems()
	var seen := _finish(all)
	check_eq(names_of(seen), ["inventory_full_update", "inventory_result_ready"], "getAllItems' signals")
	check_eq(Steam.getResultItems(all).map(func(i): return [i.item_id, i.item_definition, i.quantity]), [[2, 102, 3], [3, 101, 1], [4, 110, 1]], "what the player holds")
	var split := Steam.transferItemQuantity(2, 1, 0, true)
	_finish(split)
	check_eq(Steam.getResultItems(split).map(func(i): return i.quantity), [2, 1], "split a Gem off the stack")
	Steam.serverShutdown()


func test_properties_persist_across_restart() -> void:
	if not _start():
		return
	Steam.offlineInventoryUser(player)
	Steam.startUpdateProperties()
	check(Steam.get_inventory_update_handle() != 0, "the update is current")
	check(Steam.setPropertyString(1, "nick", "Blade"), "setPropertyString")
	check(SteamServer.setPropertyBool(1, "sharp", true), "setPropertyBool")
	check(Steam.setPropertyInt(1, "kills", 42), "setPropertyInt")
	check(Steam.setPropertyFloat(1, "wear", 0.5), "setPropertyFloat")
	check(Steam.setPropertyInt(1, "gone", 1), "setPropertyInt")
	check(Steam.removeProperty(1, "gone"), "removeProperty")
	var done := Steam.submitUpdateProperties()
	_finish(done)
	check_eq(Steam.get_inventory_update_handle(), 0, "a submitted update is current no more")
	const PROPS := {"kills": 42.0, "nick": "Blade", "sharp": true, "wear": 0.5}
	check_eq(JSON.parse_string(Steam.getResultItemProperty(0, "dynamic_props", done)), PROPS, "dynamic_props")
	check_eq(Steam.getResultItemProperty(0, ""), "dynamic_props", "the property names")
	Steam.serverShutdown()
	_start()
	Steam.offlineInventoryUser(player)
	var again := Steam.getItemsByID([1])
	_finish(again)
	check_eq(JSON.parse_string(Steam.getResultItemProperty(0, "dynamic_props")), PROPS, "the properties after serverShutdown/serverInit")
	Steam.serverShutdown()


func test_definitions_and_prices() -> void:
	if not _start():
		return
	check(Steam.loadItemDefinitions(), "loadItemDefinitions")
	check_eq(pump(), [["inventory_definition_update", [[100, 101, 102, 110]]]], "inventory_definition_update")
	check_eq(Steam.getItemDefinitionProperty(100, "name"), {"property": "Sword", "success": true}, "a definition's name")
	check_eq(Steam.getItemDefinitionProperty(102, "description"), {"property": "Shiny", "success": true}, "one of its properties")
	check_eq(Steam.getItemDefinitionProperty(102, "icon_url"), {"property": "", "success": false}, "a property it has not")
	_refused(func(): return Steam.getItemPrice(100), {}, "requestPrices", "getItemPrice before requestPrices")
	Steam.requestPrices()
	var seen := pump(true)
	check_eq(seen.size(), 2, "requestPrices' call notice and result: %s" % [seen])
	if seen.size() == 2:
		# An async call: steam_api_call_completed(call, SteamInventoryRequestPricesResult_t's 4705, its size) first.
		check_eq([seen[0][0], seen[0][1][1], seen[0][1][2]], ["steam_api_call_completed", 4705, 8], "the call notice")
		check_eq(seen[1], ["inventory_request_prices_result", [Steam.RESULT_OK, "EUR"]], "inventory_request_prices_result")
		check_eq(Steam.isAPICallCompleted(), {"completed": true, "failed": false}, "isAPICallCompleted after requestPrices")
	check_eq(SteamServer.getItemPrice(101), {"price": 120, "base_price": 200}, "getItemPrice")
	check_eq(Steam.getItemPrice(102), {"price": 0, "base_price": 0}, "not for sale")
	check_eq(Steam.getItemsWithPrices(), [{"item": 100, "price": 150, "base_prices": 150}, {"item": 101, "price": 120, "base_prices": 200}], "getItemsWithPrices")
	Steam.startPurchase([100], [1])
	check_eq(pump(), [["inventory_start_purchase_result", ["failure", 0, 0]]], "a game server cannot buy")
	Steam.requestEligiblePromoItemDefinitionsIDs(player)
	check_eq(pump(), [["inventory_eligible_promo_item", [Steam.RESULT_OK, false, []]]], "no manual promos")
	Steam.serverShutdown()


func test_refusals() -> void:
	if not _start():
		return
	Steam.offlineInventoryUser(player)
	_refused(func(): return Steam.generateItems([100], [-1]), -1, "quantity entry 0 must be a quantity from 1 to 65535", "a negative quantity")
	_refused(func(): return Steam.generateItems([100, 101], [1]), -1, "holds 1 quantities for the 2 entries", "mismatched lengths")
	_refused(func(): return Steam.generateItems([555], []), -1, "item definition 555 is not one of the app's", "an unknown definition")
	_refused(func(): return Steam.generateItems(["x"], []), -1, "element 0 must be an int", "a String in the list")
	var huge := PackedInt64Array()
	huge.resize(1 << 20)
	_refused(func(): return Steam.getItemsByID(huge), -1, "at most 1024 are read", "a huge list")
	_refused(func(): return Steam.exchangeItems([100], [], [1], []), -1, "has no exchange recipe", "an exchange without a recipe")
	_refused(func(): return Steam.getResultItems(), [], "no inventory result is current", "getResultItems() with none current")
	var h := Steam.getAllItems()
	_refused(func(): return Steam.getResultItems(h), [], "still pending", "getResultItems before inventory_result_ready")
	_refused(func(): return Steam.serializeResult(h), PackedByteArray(), "still pending", "serializeResult before inventory_result_ready")
	pump()
	_refused(func(): return Steam.getResultItemProperty(9, "dynamic_props", h), "", "holds 2 items", "an index beyond the result")
	_refused(func(): return Steam.setPropertyInt(1, "bad name", 1), false, "call startUpdateProperties first", "no update current")
	Steam.startUpdateProperties()
	_refused(func(): return Steam.setPropertyInt(1, "bad name", 1), false, "ASCII letters, digits and underscores", "a bad property name")
	_refused(func(): return Steam.setPropertyFloat(1, "wear", INF), false, "must be a finite number", "an infinite float")
	_refused(func(): return Steam.deserializeResult(PackedByteArray()), -1, "must hold 1 to 65536 bytes", "an empty buffer")
	_refused(func(): return Steam.getResultStatus(-1), Steam.RESULT_FAIL, "INVENTORY_RESULT_INVALID", "the invalid handle")
	Steam.serverShutdown()
