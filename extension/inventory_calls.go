package main

import "github.com/gosteam/godot-steam-server/steam"

// The inventory rows' calls (inventory.go): GodotSteam Server 4's arguments resolved (a handle of
// 0 is the current one, inventory_handles.go) and the current handles kept, then steam.Server's.

// makes adapts a call that makes a result: the new result becomes current.
func makes(f func(*steam.Server) (int32, error)) func(*steam.Server) (int32, error) {
	return func(s *steam.Server) (int32, error) { return madeResult(f(s)) }
}

func makes1[A any](f func(*steam.Server, A) (int32, error)) func(*steam.Server, A) (int32, error) {
	return func(s *steam.Server, a A) (int32, error) { return madeResult(f(s, a)) }
}

func makes2[A, B any](f func(*steam.Server, A, B) (int32, error)) func(*steam.Server, A, B) (int32, error) {
	return func(s *steam.Server, a A, b B) (int32, error) { return madeResult(f(s, a, b)) }
}

// onResult adapts a read of a result named by this_inventory_handle; fallback when refused.
func onResult[R any](fallback R, f func(*steam.Server, int32) (R, error)) func(*steam.Server, int64) (R, error) {
	return func(s *steam.Server, h int64) (R, error) {
		r, err := resultOf(h)
		if err != nil {
			return fallback, err
		}
		return f(s, r)
	}
}

func checkResultSteamID(s *steam.Server, id steam.SteamID, h int64) (bool, error) {
	return onResult(false, func(s *steam.Server, r int32) (bool, error) { return s.InventoryCheckResultSteamID(r, id) })(s, h)
}

func destroyResult(s *steam.Server, h int64) error {
	r, err := resultOf(h)
	if err == nil {
		if err = s.InventoryDestroyResult(r); err == nil {
			forgetResult(r)
		}
	}
	return err
}

func getResultItemProperty(s *steam.Server, index int64, name string, h int64) (string, error) {
	return onResult("", func(s *steam.Server, r int32) (string, error) { return s.InventoryResultItemProperty(r, index, name) })(s, h)
}

func transferItemQuantity(s *steam.Server, item, quantity, dest int64, split bool) (int32, error) {
	return madeResult(s.InventoryTransferItemQuantity(item, quantity, dest, split))
}

func exchangeItems(s *steam.Server, outDefs, outQty, inIDs, inQty []int64) (int32, error) {
	return madeResult(s.InventoryExchangeItems(outDefs, outQty, inIDs, inQty))
}

func getItemDefinitionProperty(s *steam.Server, def int64, name string) (definitionProperty, error) {
	v, found, err := s.InventoryItemDefinitionProperty(def, name)
	return definitionProperty{v, found}, err
}

func getItemPrice(s *steam.Server, def int64) (itemPrice, error) {
	price, base, err := s.InventoryItemPrice(def)
	return itemPrice{err == nil, price, base}, err
}

func startUpdateProperties(s *steam.Server) error {
	u, err := s.InventoryStartUpdateProperties()
	if err == nil {
		setUpdate(u)
	}
	return err
}

func submitUpdateProperties(s *steam.Server, h uint64) (int32, error) {
	u, err := updateOf(h)
	if err != nil {
		return steam.InventoryResultInvalid, err
	}
	r, err := madeResult(s.InventorySubmitUpdateProperties(u))
	if err == nil {
		forgetUpdate(u)
	}
	return r, err
}

// setProperty adds one change to the update this_inventory_update_handle names.
func setProperty(s *steam.Server, item int64, name string, v steam.PropertyValue, h uint64) (bool, error) {
	u, err := updateOf(h)
	if err != nil {
		return false, err
	}
	return s.InventorySetProperty(u, item, name, v)
}

func removeProperty(s *steam.Server, item int64, name string, h uint64) (bool, error) {
	return setProperty(s, item, name, steam.PropertyValue{Kind: steam.PropertyRemove}, h)
}

func setPropertyString(s *steam.Server, item int64, name, v string, h uint64) (bool, error) {
	return setProperty(s, item, name, steam.PropertyValue{Kind: steam.PropertyString, Text: v}, h)
}

func setPropertyBool(s *steam.Server, item int64, name string, v bool, h uint64) (bool, error) {
	return setProperty(s, item, name, steam.PropertyValue{Kind: steam.PropertyBool, Bool: v}, h)
}

func setPropertyInt(s *steam.Server, item int64, name string, v int64, h uint64) (bool, error) {
	return setProperty(s, item, name, steam.PropertyValue{Kind: steam.PropertyInt, Int: v}, h)
}

func setPropertyFloat(s *steam.Server, item int64, name string, v float64, h uint64) (bool, error) {
	if err := steam.CheckFloat32("value", v); err != nil {
		return false, err
	}
	return setProperty(s, item, name, steam.PropertyValue{Kind: steam.PropertyFloat, Float: float32(v)}, h)
}

// The current handles as GodotSteam Server 4's property accessors read and write them.

func getInventoryHandle(*steam.Server) (int32, error) { r, _ := currentHandles(); return r, nil }

func getInventoryUpdateHandle(*steam.Server) (uint64, error) { _, u := currentHandles(); return u, nil }

func setInventoryHandle(_ *steam.Server, h int64) error {
	if h != 0 {
		if _, err := steam.CheckInventoryHandle("new_inventory_handle", h); err != nil {
			return err
		}
	}
	current.Lock()
	defer current.Unlock()
	current.result = int32(h)
	return nil
}

func setInventoryUpdateHandle(_ *steam.Server, h uint64) error {
	setUpdate(h)
	return nil
}
