package steam

// The front's inventory calls: arguments checked (inventory_checks.go), then the backend's
// InventoryBackend side. A refused call returns the safe value: InventoryResultInvalid for a new
// handle, ResultFail for a status, false, 0, "" or nothing.

import "fmt"

func (s *Server) inventory(fn func(InventoryBackend) error) error {
	var berr error
	err := s.do(func(b Backend) {
		inv, ok := b.(InventoryBackend)
		if !ok {
			berr = fmt.Errorf("%w (the %s backend)", ErrNoInventory, b.Name())
			return
		}
		berr = fn(inv)
	})
	if err != nil {
		return err
	}
	return berr
}

// newResult runs a call that makes a result handle; a refusal gives InventoryResultInvalid.
func (s *Server) newResult(fn func(InventoryBackend) (int32, error)) (h int32, err error) {
	err = s.inventory(func(b InventoryBackend) (e error) { h, e = fn(b); return })
	if err != nil {
		h = InventoryResultInvalid
	}
	return h, err
}

func (s *Server) InventoryResultStatus(h int32) (r Result, err error) {
	err = s.inventory(func(b InventoryBackend) (e error) { r, e = b.InventoryResultStatus(h); return })
	if err != nil {
		r = ResultFail
	}
	return r, err
}

func (s *Server) InventoryResultItems(h int32) (items []ItemDetails, err error) {
	err = s.inventory(func(b InventoryBackend) (e error) { items, e = b.InventoryResultItems(h); return })
	if err != nil {
		items = nil
	}
	return items, err
}

// InventoryResultItemProperty is property name of item index of a result ("" lists the names).
func (s *Server) InventoryResultItemProperty(h int32, index int64, name string) (v string, err error) {
	if index < 0 || index > 0xFFFFFFFF {
		return "", argErrorf("index", "must be an item's index in the result (from 0), got %d", index)
	}
	if err := checkPropertyQuery("name", name); err != nil {
		return "", err
	}
	err = s.inventory(func(b InventoryBackend) (e error) {
		v, e = b.InventoryResultItemProperty(h, uint32(index), name)
		return
	})
	if err != nil {
		v = ""
	}
	return v, err
}

func (s *Server) InventoryResultTimestamp(h int32) (t uint32, err error) {
	err = s.inventory(func(b InventoryBackend) (e error) { t, e = b.InventoryResultTimestamp(h); return })
	if err != nil {
		t = 0
	}
	return t, err
}

// InventoryCheckResultSteamID reports whether the result holds user's items.
func (s *Server) InventoryCheckResultSteamID(h int32, user SteamID) (ok bool, err error) {
	if err := checkUser("steam_id_expected", user); err != nil {
		return false, err
	}
	err = s.inventory(func(b InventoryBackend) (e error) { ok, e = b.InventoryCheckResultSteamID(h, user); return })
	return ok && err == nil, err
}

func (s *Server) InventoryDestroyResult(h int32) error {
	return s.inventory(func(b InventoryBackend) error { return b.InventoryDestroyResult(h) })
}

// InventorySerializeResult is a finished result as signed bytes another process can deserialize.
func (s *Server) InventorySerializeResult(h int32) (buf []byte, err error) {
	err = s.inventory(func(b InventoryBackend) (e error) { buf, e = b.InventorySerializeResult(h); return })
	if err != nil {
		buf = nil
	}
	return buf, err
}

// InventoryDeserializeResult reads bytes a player's client serialized. What they say (forged,
// expired, another user's) is the new result's status and owner, never an error; a size no
// serialized result has is refused as a remote peer's fault.
func (s *Server) InventoryDeserializeResult(buf []byte) (int32, error) {
	if len(buf) == 0 || len(buf) > MaxSerializedResult {
		return InventoryResultInvalid, &RemoteInputError{argErrorf("buffer", "must hold 1 to %d bytes (a serialized result), got %d", MaxSerializedResult, len(buf))}
	}
	return s.newResult(func(b InventoryBackend) (int32, error) { return b.InventoryDeserializeResult(buf) })
}

func (s *Server) InventoryGetAllItems() (int32, error) {
	return s.newResult(InventoryBackend.InventoryGetAllItems)
}

func (s *Server) InventoryGetItemsByID(ids []int64) (int32, error) {
	list, err := itemIDList("id_array", ids)
	if err != nil {
		return InventoryResultInvalid, err
	}
	return s.newResult(func(b InventoryBackend) (int32, error) { return b.InventoryGetItemsByID(list) })
}

// InventoryGenerateItems grants items (a developer's call on Steam); empty quantities mean 1 each.
func (s *Server) InventoryGenerateItems(defs, qty []int64) (int32, error) {
	grants, err := itemGrants("items", defs, "quantity", qty)
	if err != nil {
		return InventoryResultInvalid, err
	}
	return s.newResult(func(b InventoryBackend) (int32, error) { return b.InventoryGenerateItems(grants) })
}

func (s *Server) InventoryGrantPromoItems() (int32, error) {
	return s.newResult(InventoryBackend.InventoryGrantPromoItems)
}

func (s *Server) InventoryAddPromoItem(def int64) (int32, error) {
	d, err := CheckItemDefinition("item", def)
	if err != nil {
		return InventoryResultInvalid, err
	}
	return s.newResult(func(b InventoryBackend) (int32, error) { return b.InventoryAddPromoItems([]int32{d}) })
}

func (s *Server) InventoryAddPromoItems(defs []int64) (int32, error) {
	list, err := definitionList("items", defs)
	if err != nil {
		return InventoryResultInvalid, err
	}
	return s.newResult(func(b InventoryBackend) (int32, error) { return b.InventoryAddPromoItems(list) })
}

func (s *Server) InventoryConsumeItem(item, quantity int64) (int32, error) {
	id, err := checkItemID("item_consume", item)
	if err != nil {
		return InventoryResultInvalid, err
	}
	n, err := checkQuantity("quantity", quantity)
	if err != nil {
		return InventoryResultInvalid, err
	}
	return s.newResult(func(b InventoryBackend) (int32, error) { return b.InventoryConsumeItem(id, n) })
}

// InventoryExchangeItems makes one item of output from the input items, by a recipe of its definition.
func (s *Server) InventoryExchangeItems(outDefs, outQty, inIDs, inQty []int64) (int32, error) {
	generate, destroy, err := exchangeArgs(outDefs, outQty, inIDs, inQty)
	if err != nil {
		return InventoryResultInvalid, err
	}
	return s.newResult(func(b InventoryBackend) (int32, error) { return b.InventoryExchangeItems(generate, destroy) })
}

// InventoryTransferItemQuantity moves quantity from one stack onto dest, or to a new stack (split).
func (s *Server) InventoryTransferItemQuantity(item, quantity, dest int64, split bool) (int32, error) {
	src, err := checkItemID("item_id", item)
	if err != nil {
		return InventoryResultInvalid, err
	}
	n, err := checkQuantity("quantity", quantity)
	if err != nil {
		return InventoryResultInvalid, err
	}
	to := ItemInstanceIDInvalid
	if !split {
		if to, err = checkItemID("item_destination", dest); err != nil {
			return InventoryResultInvalid, err
		}
		if to == src {
			return InventoryResultInvalid, argErrorf("item_destination", "is item_id itself: name another stack, or split")
		}
	}
	return s.newResult(func(b InventoryBackend) (int32, error) { return b.InventoryTransferItemQuantity(src, n, to) })
}

func (s *Server) InventoryTriggerItemDrop(def int64) (int32, error) {
	d, err := CheckItemDefinition("definition", def)
	if err != nil {
		return InventoryResultInvalid, err
	}
	return s.newResult(func(b InventoryBackend) (int32, error) { return b.InventoryTriggerItemDrop(d) })
}

func (s *Server) InventoryLoadItemDefinitions() (ok bool, err error) {
	err = s.inventory(func(b InventoryBackend) (e error) { ok, e = b.InventoryLoadItemDefinitions(); return })
	return ok && err == nil, err
}

// InventoryItemDefinitionProperty is property name of a definition ("" lists the names), and
// whether the definition has it.
func (s *Server) InventoryItemDefinitionProperty(def int64, name string) (v string, found bool, err error) {
	d, err := CheckItemDefinition("definition", def)
	if err != nil {
		return "", false, err
	}
	if err := checkPropertyQuery("name", name); err != nil {
		return "", false, err
	}
	err = s.inventory(func(b InventoryBackend) (e error) { v, found, e = b.InventoryItemDefinitionProperty(d, name); return })
	if err != nil {
		v, found = "", false
	}
	return v, found, err
}

func (s *Server) InventoryRequestEligiblePromoItems(user SteamID) error {
	if err := checkUser("steam_id", user); err != nil {
		return err
	}
	return s.inventory(func(b InventoryBackend) error { return b.InventoryRequestEligiblePromoItems(user) })
}

func (s *Server) InventoryRequestPrices() error {
	return s.inventory(InventoryBackend.InventoryRequestPrices)
}

func (s *Server) InventoryItemPrice(def int64) (price, base uint64, err error) {
	d, err := CheckItemDefinition("definition", def)
	if err != nil {
		return 0, 0, err
	}
	err = s.inventory(func(b InventoryBackend) (e error) { price, base, e = b.InventoryItemPrice(d); return })
	if err != nil {
		price, base = 0, 0
	}
	return price, base, err
}

func (s *Server) InventoryItemsWithPrices() (prices []ItemPrice, err error) {
	err = s.inventory(func(b InventoryBackend) (e error) { prices, e = b.InventoryItemsWithPrices(); return })
	if err != nil {
		prices = nil
	}
	return prices, err
}

func (s *Server) InventoryStartPurchase(defs, qty []int64) error {
	grants, err := itemGrants("items", defs, "quantity", qty)
	if err != nil {
		return err
	}
	return s.inventory(func(b InventoryBackend) error { return b.InventoryStartPurchase(grants) })
}

func (s *Server) InventoryStartUpdateProperties() (h uint64, err error) {
	err = s.inventory(func(b InventoryBackend) (e error) { h, e = b.InventoryStartUpdateProperties(); return })
	if err != nil {
		h = InventoryUpdateHandleInvalid
	}
	return h, err
}

// InventorySetProperty adds one property change (or removal) to an update.
func (s *Server) InventorySetProperty(update uint64, item int64, name string, v PropertyValue) (bool, error) {
	id, err := checkItemID("item_id", item)
	if err != nil {
		return false, err
	}
	if err := CheckPropertyName("name", name); err != nil {
		return false, err
	}
	if err := checkPropertyValue(v); err != nil {
		return false, err
	}
	if err := checkUpdateHandle("this_inventory_update_handle", update); err != nil {
		return false, err
	}
	err = s.inventory(func(b InventoryBackend) error { return b.InventorySetProperty(update, id, name, v) })
	return err == nil, err
}

func (s *Server) InventorySubmitUpdateProperties(update uint64) (int32, error) {
	if err := checkUpdateHandle("this_inventory_update_handle", update); err != nil {
		return InventoryResultInvalid, err
	}
	return s.newResult(func(b InventoryBackend) (int32, error) { return b.InventorySubmitUpdateProperties(update) })
}

// OfflineInventoryUser makes the inventory calls act for user (0: the server's own account).
func (s *Server) OfflineInventoryUser(user SteamID) error {
	if user != 0 {
		if err := checkUser("steam_id", user); err != nil {
			return err
		}
	}
	return s.scripted(func(sc Scripted) error {
		inv, ok := sc.(InventoryScripted)
		if !ok {
			return ErrNoInventory
		}
		inv.ScriptInventoryUser(user)
		return nil
	})
}
