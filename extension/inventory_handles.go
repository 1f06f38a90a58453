package main

import (
	"errors"
	"sync"

	"github.com/gosteam/godot-steam-server/steam"
)

// GodotSteam Server 4's current inventory handles (its inventory_handle and
// inventory_update_handle): every call that makes a result, and every inventory_result_ready and
// inventory_full_update signal, makes that result current; startUpdateProperties makes its update
// current (it returns nothing). A this_inventory_handle or this_inventory_update_handle argument
// of 0 names the current one. Unlike GodotSteam Server 4, destroying or submitting the current
// one makes none current (GodotSteam keeps the dead handle), a 0 with none current is refused, the
// update handle keeps all 64 bits (GodotSteam's setter cuts it to 32), and serverInit and
// serverShutdown leave none current (the results and updates die with the server): both classes
// share one pair, as they share one server.
var current struct {
	sync.Mutex
	result int32
	update uint64
}

func resetInventoryHandles() {
	current.Lock()
	defer current.Unlock()
	current.result, current.update = 0, 0
}

var (
	errNoCurrentResult = errors.New("is 0 (the current result) and no inventory result is current: pass a result handle")
	errNoCurrentUpdate = errors.New("is 0 (the current update) and no update is current: call startUpdateProperties first")
)

// resultOf is the result a this_inventory_handle argument names.
func resultOf(h int64) (int32, error) {
	if h == 0 {
		current.Lock()
		h = int64(current.result)
		current.Unlock()
		if h == 0 {
			return 0, &steam.ArgError{Arg: "this_inventory_handle", Reason: errNoCurrentResult.Error()}
		}
	}
	return steam.CheckInventoryHandle("this_inventory_handle", h)
}

// updateOf is the update a this_inventory_update_handle argument names.
func updateOf(h uint64) (uint64, error) {
	if h != 0 {
		return h, nil
	}
	current.Lock()
	defer current.Unlock()
	if current.update == 0 {
		return 0, &steam.ArgError{Arg: "this_inventory_update_handle", Reason: errNoCurrentUpdate.Error()}
	}
	return current.update, nil
}

// madeResult makes a new result current.
func madeResult(h int32, err error) (int32, error) {
	if err == nil && h != steam.InventoryResultInvalid {
		current.Lock()
		current.result = h
		current.Unlock()
	}
	return h, err
}

// noteInventoryEvent makes the result of an inventory_result_ready or inventory_full_update
// current, as GodotSteam Server 4's callbacks do (run_callbacks, before the signal).
func noteInventoryEvent(ev steam.Event) {
	var h int32
	switch e := ev.(type) {
	case steam.InventoryResultReady:
		h = e.Handle
	case steam.InventoryFullUpdate:
		h = e.Handle
	default:
		return
	}
	current.Lock()
	current.result = h
	current.Unlock()
}

// forgetResult: a destroyed result is current no more.
func forgetResult(h int32) {
	current.Lock()
	defer current.Unlock()
	if current.result == h {
		current.result = 0
	}
}

// setUpdate makes u current (startUpdateProperties); forgetUpdate unmakes a submitted one.
func setUpdate(u uint64) {
	current.Lock()
	defer current.Unlock()
	current.update = u
}

func forgetUpdate(u uint64) {
	current.Lock()
	defer current.Unlock()
	if current.update == u {
		current.update = 0
	}
}

func currentHandles() (int32, uint64) {
	current.Lock()
	defer current.Unlock()
	return current.result, current.update
}
