package offline

// The inventory store keeps every user's items, per realm and app, so that they survive
// serverShutdown and the process and are shared by the servers (and test clients) of the realm,
// as Steam's inventory service is by every server and client of the app. One file per user in the
// realm's "inventory" user files (user_files.go: where they live, how an update is made atomic and
// merged under the user's lock, and that a damaged file stops serverInit naming it):
//
//	inventory-<fingerprint>/<app id>/<steam id>.json
//	  {"format": 1, "steam_id": "7656...", "app_id": 480, "next_item_id": "3",
//	   "items": [{"item_id": "1", "definition": 100, "quantity": 2, "flags": 1,
//	              "properties": {"level": {"int": "3"}, "name": {"string": "Bob"}}}],
//	   "promos_granted": [121]}
//
// A user without a file holds the data file's starting items ("users" of "inventory"), numbered
// from 1 in its order; the first change writes them. Anonymous accounts (an anonymous game
// server's new ID at every serverInit) keep their items in memory only. Each property holds one of
// "string", "bool", "int" (a decimal string: 64 bits) or "float".

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
)

// inventoryFileFormat is the only "format" of a user's inventory file.
const inventoryFileFormat = 1

// MaxItemProperties bounds the dynamic properties of one item.
const MaxItemProperties = 64

// invItem is one stack a user holds.
type invItem struct {
	id    uint64
	def   int32
	qty   uint16
	flags uint16
	props map[string]steam.PropertyValue
}

func (it *invItem) details() steam.ItemDetails {
	return steam.ItemDetails{ItemID: it.id, Definition: it.def, Quantity: it.qty, Flags: it.flags}
}

// userInventory is one user's items as stored.
type userInventory struct {
	nextID uint64
	items  []*invItem // in the order they were made
	promos map[int32]bool
}

func (inv *userInventory) find(id uint64) *invItem {
	for _, it := range inv.items {
		if it.id == id {
			return it
		}
	}
	return nil
}

// drop removes the stacks that are empty.
func (inv *userInventory) drop() {
	kept := inv.items[:0]
	for _, it := range inv.items {
		if it.qty > 0 {
			kept = append(kept, it)
		}
	}
	inv.items = kept
}

// startingInventory is what a user holds before the store has a file for them.
func startingInventory(start []InitialItem) *userInventory {
	inv := &userInventory{nextID: 1, promos: map[int32]bool{}}
	for _, s := range start {
		inv.items = append(inv.items, &invItem{id: inv.nextID, def: s.Definition, qty: s.Quantity, flags: s.Flags})
		inv.nextID++
	}
	return inv
}

type inventoryFile struct {
	Format     int                 `json:"format"`
	SteamID    string              `json:"steam_id"`
	AppID      uint32              `json:"app_id"`
	NextItemID string              `json:"next_item_id"`
	Items      []inventoryFileItem `json:"items"`
	Promos     []int32             `json:"promos_granted"`
}

type inventoryFileItem struct {
	ItemID     string                  `json:"item_id"`
	Definition int32                   `json:"definition"`
	Quantity   uint16                  `json:"quantity"`
	Flags      uint16                  `json:"flags"`
	Properties map[string]fileProperty `json:"properties,omitempty"`
}

// fileProperty is one dynamic property: exactly one field is set.
type fileProperty struct {
	String *string  `json:"string,omitempty"`
	Bool   *bool    `json:"bool,omitempty"`
	Int    *string  `json:"int,omitempty"`
	Float  *float32 `json:"float,omitempty"`
}

func encodeProps(props map[string]steam.PropertyValue) map[string]fileProperty {
	if len(props) == 0 {
		return nil
	}
	out := make(map[string]fileProperty, len(props))
	for name, v := range props {
		var p fileProperty
		switch v.Kind {
		case steam.PropertyString:
			p.String = ptr(v.Text)
		case steam.PropertyBool:
			p.Bool = ptr(v.Bool)
		case steam.PropertyInt:
			p.Int = ptr(strconv.FormatInt(v.Int, 10))
		case steam.PropertyFloat:
			p.Float = ptr(v.Float)
		}
		out[name] = p
	}
	return out
}

func decodeProps(in map[string]fileProperty) (map[string]steam.PropertyValue, error) {
	if len(in) == 0 {
		return nil, nil
	}
	if len(in) > MaxItemProperties {
		return nil, fmt.Errorf("%d properties; an item has at most %d", len(in), MaxItemProperties)
	}
	out := make(map[string]steam.PropertyValue, len(in))
	for name, p := range in {
		if err := steam.CheckPropertyName("property", name); err != nil {
			return nil, err
		}
		set := 0
		var v steam.PropertyValue
		if p.String != nil {
			set, v = set+1, steam.PropertyValue{Kind: steam.PropertyString, Text: *p.String}
		}
		if p.Bool != nil {
			set, v = set+1, steam.PropertyValue{Kind: steam.PropertyBool, Bool: *p.Bool}
		}
		if p.Int != nil {
			n, err := strconv.ParseInt(*p.Int, 10, 64)
			if err != nil {
				return nil, fmt.Errorf("property %s: int %q is not a 64-bit integer", name, *p.Int)
			}
			set, v = set+1, steam.PropertyValue{Kind: steam.PropertyInt, Int: n}
		}
		if p.Float != nil {
			set, v = set+1, steam.PropertyValue{Kind: steam.PropertyFloat, Float: *p.Float}
		}
		if set != 1 {
			return nil, fmt.Errorf("property %s must hold exactly one of string, bool, int and float", name)
		}
		if len(v.Text) > steam.MaxPropertyValueLen {
			return nil, fmt.Errorf("property %s is %d bytes; at most %d", name, len(v.Text), steam.MaxPropertyValueLen)
		}
		out[name] = v
	}
	return out, nil
}

func decodeInventory(b []byte, app uint32, user steam.SteamID) (*userInventory, error) {
	var f inventoryFile
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, describeJSONError(b, err)
	}
	if dec.More() {
		return nil, errors.New("more content after the JSON object")
	}
	if err := checkHeader(f.Format, inventoryFileFormat, f.SteamID, f.AppID, app, user); err != nil {
		return nil, err
	}
	next, err := strconv.ParseUint(f.NextItemID, 10, 64)
	switch {
	case err != nil || next == 0:
		return nil, fmt.Errorf("next_item_id %q is not an item ID", f.NextItemID)
	case len(f.Items) > MaxInventoryItems:
		return nil, fmt.Errorf("%d items; a user holds at most %d", len(f.Items), MaxInventoryItems)
	}
	inv := &userInventory{nextID: next, promos: map[int32]bool{}}
	seen := make(map[uint64]bool, len(f.Items))
	for i, fi := range f.Items {
		id, err := strconv.ParseUint(fi.ItemID, 10, 64)
		if err != nil || id == 0 || id >= next || seen[id] {
			return nil, fmt.Errorf("items[%d].item_id %q is not a new item ID below next_item_id", i, fi.ItemID)
		}
		if fi.Quantity == 0 || fi.Definition < 1 {
			return nil, fmt.Errorf("items[%d] needs a definition and a quantity of 1 or more", i)
		}
		props, err := decodeProps(fi.Properties)
		if err != nil {
			return nil, fmt.Errorf("items[%d]: %v", i, err)
		}
		seen[id] = true
		inv.items = append(inv.items, &invItem{id: id, def: fi.Definition, qty: fi.Quantity, flags: fi.Flags, props: props})
	}
	for _, d := range f.Promos {
		inv.promos[d] = true
	}
	return inv, nil
}

func encodeInventory(inv *userInventory, app uint32, user steam.SteamID) []byte {
	f := inventoryFile{Format: inventoryFileFormat, SteamID: strconv.FormatUint(uint64(user), 10), AppID: app,
		NextItemID: strconv.FormatUint(inv.nextID, 10), Items: []inventoryFileItem{}, Promos: []int32{}}
	for _, it := range inv.items {
		f.Items = append(f.Items, inventoryFileItem{ItemID: strconv.FormatUint(it.id, 10), Definition: it.def,
			Quantity: it.qty, Flags: it.flags, Properties: encodeProps(it.props)})
	}
	for d := range inv.promos {
		f.Promos = append(f.Promos, d)
	}
	slices.Sort(f.Promos)
	b, _ := json.MarshalIndent(f, "", "  ") // strings, numbers and maps always marshal
	return append(b, '\n')
}

type inventoryStore struct {
	files *userFiles // the realm's folder, or memory for a realm made in code
	anon  *userFiles // anonymous accounts: memory only
}

func sharedInventoryStore(fingerprint, dir string) *inventoryStore {
	return &inventoryStore{files: sharedUserFiles("inventory", fingerprint, dir), anon: sharedUserFiles("inventory", fingerprint, "")}
}

func (s *inventoryStore) filesOf(user steam.SteamID) *userFiles {
	if user.AnonAccount() {
		return s.anon
	}
	return s.files
}

// check reads every stored user of app: a damaged file is serverInit's error.
func (s *inventoryStore) check(app uint32) error {
	return s.files.each(app, func(user steam.SteamID) error { _, err := s.read(app, user, nil); return err })
}

func (s *inventoryStore) decode(b []byte, app uint32, user steam.SteamID, start []InitialItem) (*userInventory, error) {
	if b == nil {
		return startingInventory(start), nil
	}
	inv, err := decodeInventory(b, app, user)
	if err != nil {
		return nil, s.filesOf(user).damaged(app, user, err)
	}
	return inv, nil
}

// read is the user's inventory now; start is what they hold without a file.
func (s *inventoryStore) read(app uint32, user steam.SteamID, start []InitialItem) (*userInventory, error) {
	b, err := s.filesOf(user).load(app, user)
	if err != nil {
		return nil, err
	}
	return s.decode(b, app, user, start)
}

// update runs change on the user's inventory under their lock and stores it when change says it
// changed something: durable when update returns without error.
func (s *inventoryStore) update(app uint32, user steam.SteamID, start []InitialItem, change func(inv *userInventory) bool) error {
	return s.filesOf(user).update(app, user, func(old []byte) ([]byte, error) {
		inv, err := s.decode(old, app, user, start)
		if err != nil || !change(inv) {
			return nil, err
		}
		return encodeInventory(inv, app, user), nil
	})
}

func (s *inventoryStore) pruneTemp(app uint32, now time.Time) { s.files.pruneTemp(app, now) }
