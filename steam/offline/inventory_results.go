package offline

// Inventory result handles offline. Every call that makes a result (inventory.go) does its work at
// once, durably in the realm's store, keeps what it found in a result and queues its
// InventoryResultReady (after InventoryFullUpdate for getAllItems). The result stays
// RESULT_PENDING until the next RunFrame, which run_callbacks calls before it emits what is
// queued: so inventory_result_ready comes in the frame the status turns final, never during the
// call. The other answers (definitions, prices, eligible promos, purchases) are queued the same
// way, in call order; the prices become readable at the frame that answers requestPrices.
// Reading a pending result (items, properties, timestamp, serializing it) is refused: wait for
// inventory_result_ready.

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
)

// Bounds of one server's inventory state.
const (
	// MaxOpenInventoryResults bounds the results kept until destroyResult.
	MaxOpenInventoryResults = 1024
	// MaxOpenInventoryUpdates bounds the property updates started and not submitted.
	MaxOpenInventoryUpdates = 64
	// MaxUpdateChanges bounds the property changes of one update.
	MaxUpdateChanges = 1024
	// MaxUpdateItems is how many items one update may change (Steam's limit per request).
	MaxUpdateItems = 100
)

// SerializedResultLifetime is how long a serialized result is good: older, DeserializeResult
// gives RESULT_EXPIRED (Steam's soft failure: the items are still readable).
const SerializedResultLifetime = time.Hour

// invResult is one result handle's content.
type invResult struct {
	owner  steam.SteamID // 0: nobody's (a forged serialized result)
	status steam.Result
	ready  bool
	items  []resultItem
	stamp  uint32
}

// invUpdate is a property update started with StartUpdateProperties.
type invUpdate struct {
	owner   steam.SteamID
	changes []propertyChange
	items   map[uint64]bool
}

// inventoryState is one server's results and updates.
type inventoryState struct {
	user          steam.SteamID // offlineInventoryUser's; 0: the server's own account
	results       map[int32]*invResult
	updates       map[uint64]*invUpdate
	pending       []*invResult // made since the last RunFrame
	pricesPending bool         // requestPrices since the last RunFrame
	pricesReady   bool
}

func (s *inventoryState) reset() {
	*s = inventoryState{results: map[int32]*invResult{}, updates: map[uint64]*invUpdate{}}
}

// Handles come from process-wide counters, as Steam's are per process: a server started again never
// gives out a handle twice (the extension's current handle may still hold an old one).
var (
	lastInventoryResult atomic.Int32
	lastInventoryUpdate atomic.Uint64
)

func nextInventoryResult() int32 {
	for {
		h := lastInventoryResult.Add(1)
		if h > 0 { // 0 means "the current result" to GodotSteam, -1 is invalid
			return h
		}
		lastInventoryResult.CompareAndSwap(h, 0) // wrapped after 2^31 results
	}
}

// inventoryFrame finishes what the calls since the last frame started (RunFrame).
func (b *Backend) inventoryFrame() {
	for _, r := range b.inv.pending {
		r.ready = true
	}
	b.inv.pending = b.inv.pending[:0]
	b.inv.pricesReady = b.inv.pricesReady || b.inv.pricesPending
	b.inv.pricesPending = false
}

// open keeps a new result and queues its event; it is ready from the next RunFrame.
func (b *Backend) open(owner steam.SteamID, out outcome, full bool) (int32, error) {
	if len(b.inv.results) >= MaxOpenInventoryResults {
		return steam.InventoryResultInvalid, fmt.Errorf("%d inventory results are open: destroyResult the ones you are done with", MaxOpenInventoryResults)
	}
	h := nextInventoryResult()
	r := &invResult{owner: owner, status: out.status, items: out.items, stamp: uint32(b.opts.Clock().Unix())}
	b.inv.results[h] = r
	b.inv.pending = append(b.inv.pending, r)
	if full && r.status == steam.ResultOK {
		b.push(steam.InventoryFullUpdate{Handle: h})
	}
	b.push(steam.InventoryResultReady{Handle: h, Result: r.status})
	return h, nil
}

// result finds an open result; done asks for a finished one.
func (b *Backend) result(h int32, done bool) (*invResult, error) {
	r, ok := b.inv.results[h]
	switch {
	case !ok:
		return nil, fmt.Errorf("no inventory result %d is open on this server (destroyed, or never made)", h)
	case done && !r.ready:
		return nil, fmt.Errorf("inventory result %d is still pending: wait for inventory_result_ready", h)
	}
	return r, nil
}

func (b *Backend) InventoryResultStatus(h int32) (steam.Result, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	r, err := b.result(h, false)
	switch {
	case err != nil:
		return steam.ResultInvalidParam, err
	case !r.ready:
		return steam.ResultPending, nil
	}
	return r.status, nil
}

func (b *Backend) InventoryResultItems(h int32) ([]steam.ItemDetails, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	r, err := b.result(h, true)
	if err != nil {
		return nil, err
	}
	out := make([]steam.ItemDetails, len(r.items))
	for i, it := range r.items {
		out[i] = it.ItemDetails
	}
	return out, nil
}

// InventoryResultItemProperty answers "dynamic_props" (the item's dynamic properties as a JSON
// object, as Steam does) and "" (the names there are, comma-separated).
func (b *Backend) InventoryResultItemProperty(h int32, index uint32, name string) (string, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	r, err := b.result(h, true)
	if err != nil {
		return "", err
	}
	if int(index) >= len(r.items) {
		return "", &steam.ArgError{Arg: "index", Reason: fmt.Sprintf("is %d; the result holds %d items", index, len(r.items))}
	}
	props := r.items[index].props
	switch {
	case name == "" && len(props) > 0:
		return "dynamic_props", nil
	case name == "dynamic_props" && len(props) > 0:
		return dynamicProps(props), nil
	}
	return "", nil
}

// dynamicProps is the JSON object Steam gives as "dynamic_props", keys in order.
func dynamicProps(props map[string]steam.PropertyValue) string {
	names := make([]string, 0, len(props))
	for n := range props {
		names = append(names, n)
	}
	slices.Sort(names)
	var sb strings.Builder
	sb.WriteByte('{')
	for i, n := range names {
		if i > 0 {
			sb.WriteByte(',')
		}
		k, _ := json.Marshal(n)
		sb.Write(k)
		sb.WriteByte(':')
		var v any
		switch p := props[n]; p.Kind {
		case steam.PropertyString:
			v = p.Text
		case steam.PropertyBool:
			v = p.Bool
		case steam.PropertyInt:
			v = p.Int
		default:
			v = p.Float
		}
		js, _ := json.Marshal(v)
		sb.Write(js)
	}
	sb.WriteByte('}')
	return sb.String()
}

func (b *Backend) InventoryResultTimestamp(h int32) (uint32, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	r, err := b.result(h, true)
	if err != nil {
		return 0, err
	}
	return r.stamp, nil
}

func (b *Backend) InventoryCheckResultSteamID(h int32, user steam.SteamID) (bool, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	r, err := b.result(h, false)
	if err != nil {
		return false, err
	}
	return r.owner != 0 && r.owner == user, nil
}

func (b *Backend) InventoryDestroyResult(h int32) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if _, err := b.result(h, false); err != nil {
		return err
	}
	delete(b.inv.results, h)
	return nil
}

// InventorySerializeResult signs a finished result with the realm key (inventory_sign.go).
func (b *Backend) InventorySerializeResult(h int32) ([]byte, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	r, err := b.result(h, true)
	if err != nil {
		return nil, err
	}
	if r.status != steam.ResultOK && r.status != steam.ResultExpired {
		return nil, fmt.Errorf("inventory result %d failed (result %d): there is nothing to serialize", h, r.status)
	}
	return encodeResult(b.realm.key, b.effectiveAppID(), r.owner, r.stamp, r.items)
}

// InventoryDeserializeResult makes a result of a serialized one: see inventory_sign.go.
func (b *Backend) InventoryDeserializeResult(buf []byte) (int32, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	s, err := decodeResult(b.realm.key, b.effectiveAppID(), buf)
	if err != nil {
		return b.open(0, failed(steam.ResultFail), false)
	}
	out := outcome{status: steam.ResultOK, items: s.items}
	if b.opts.Clock().Sub(time.Unix(int64(s.stamp), 0)) > SerializedResultLifetime {
		out.status = steam.ResultExpired
	}
	h, err := b.open(s.owner, out, false)
	if err == nil {
		b.inv.results[h].stamp = s.stamp
	}
	return h, err
}
