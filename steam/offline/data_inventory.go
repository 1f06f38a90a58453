package offline

// The Steam Inventory schema of an offline data file: the item definitions Steamworks' item schema
// would hold for the app, and the items users start with (inventory.go uses them).
//
//	"inventory": {
//	  "currency": "EUR",
//	  "definitions": {
//	    "100": {"name": "Red Hat", "price": 199, "base_price": 299, "tradable": true,
//	            "properties": {"description": "A hat", "icon_url": "https://example.com/100.png"}},
//	    "101": {"name": "Blue Hat", "promo": "owns:480"},
//	    "110": {"name": "Crown", "exchange": "100x2;101,102"},
//	    "200": {"type": "bundle", "bundle": "100x2;101"},
//	    "300": {"type": "playtimegenerator", "bundle": "100x3;101"}
//	  },
//	  "users": {"76561197960287930": [{"definition": 100, "quantity": 2}]}
//	}
//
// A definition's "type" is "item" (the default), "bundle" (granting it grants its "bundle"
// instead), "generator" or "playtimegenerator" (granting it grants one of its "bundle" entries,
// chosen at random with the entries' quantities as weights; triggerItemDrop takes a
// playtimegenerator). "bundle" and "exchange" use Steam's item schema syntax: entries
// "<definition>x<quantity>" (quantity 1 when left out); a bundle's entries are separated by ";",
// an exchange's recipes by ";" and a recipe's materials by ",". Their entries must be "item"
// definitions. "price" and "base_price" (default: price) are in the currency's smallest unit;
// "currency" is ISO 4217 (default "USD"). "promo" is "manual" (granted by addPromoItem(s) only) or
// "owns:<app>" entries separated by ";" (granted by grantPromoItems and addPromoItem(s) to a user
// owning one of the apps, as the data file's "users" and "owns_server_app" say); each promo item
// is granted once per user. "tradable" false (the default, as in Steam's schema) gives the items
// ITEM_NO_TRADE. getItemDefinitionProperty answers "itemdefid", "type", the keys set above, and
// "properties". "users" gives the items a user has until the realm's inventory store holds theirs.
// Without "inventory" the schema is DefaultInventorySchema, modelled on Spacewar's (app 480).

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/gosteam/godot-steam-server/steam"
)

// MaxInventoryItems bounds the stacks one user holds: a grant beyond is RESULT_LIMIT_EXCEEDED.
const MaxInventoryItems = 4096

// ItemType is a definition's "type".
type ItemType int

const (
	ItemTypeItem ItemType = iota
	ItemTypeBundle
	ItemTypeGenerator
	ItemTypePlaytimeGenerator
)

var itemTypeNames = []string{"item", "bundle", "generator", "playtimegenerator"}

func (t ItemType) String() string { return itemTypeNames[t] }

// ItemAmount is one entry of a bundle or recipe: a definition and how many.
type ItemAmount struct {
	Definition int32
	Quantity   uint32
}

// ItemDefinition is one definition of the schema.
type ItemDefinition struct {
	ID       int32
	Type     ItemType
	Price    uint64 // 0 with HasPrice false: not for sale
	Base     uint64
	HasPrice bool
	Tradable bool
	// PromoManual and PromoApps are "promo": manual, or the apps one of which a user must own.
	PromoManual bool
	PromoApps   []uint32
	Bundle      []ItemAmount
	Exchange    [][]ItemAmount
	// Properties is every property getItemDefinitionProperty answers, by name.
	Properties map[string]string
}

// Promo reports whether the definition is a promo item.
func (d *ItemDefinition) Promo() bool { return d.PromoManual || len(d.PromoApps) > 0 }

// InitialItem is one item a user starts with.
type InitialItem struct {
	Definition int32
	Quantity   uint16
	Flags      uint16 // ITEM_NO_TRADE unless the definition is tradable
}

// InventorySchema is the app's item definitions and the users' starting items.
type InventorySchema struct {
	Currency    string
	Definitions map[int32]*ItemDefinition
	Users       map[steam.SteamID][]InitialItem
}

// IDs lists the definitions in ascending order, as GetItemDefinitionIDs gives them.
func (s *InventorySchema) IDs() []int32 {
	ids := make([]int32, 0, len(s.Definitions))
	for id := range s.Definitions {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	return ids
}

type fileInventory struct {
	Currency    *string                       `json:"currency"`
	Definitions map[string]fileItemDefinition `json:"definitions"`
	Users       map[string][]fileInitialItem  `json:"users"`
}

type fileItemDefinition struct {
	Type       string            `json:"type"`
	Name       string            `json:"name"`
	Price      *int64            `json:"price"`
	BasePrice  *int64            `json:"base_price"`
	Tradable   bool              `json:"tradable"`
	Promo      string            `json:"promo"`
	Bundle     string            `json:"bundle"`
	Exchange   string            `json:"exchange"`
	Properties map[string]string `json:"properties"`
}

type fileInitialItem struct {
	Definition int64 `json:"definition"`
	Quantity   int64 `json:"quantity"`
}

var currencyCode = regexp.MustCompile(`^[A-Z]{3}$`)

// parseInventory checks the file's "inventory" (see the file comment).
func parseInventory(f *fileInventory) (*InventorySchema, error) {
	s := &InventorySchema{Currency: "USD", Definitions: map[int32]*ItemDefinition{}}
	if f.Currency != nil {
		if !currencyCode.MatchString(*f.Currency) {
			return nil, fmt.Errorf("inventory.currency must be an ISO 4217 code of 3 capital letters, got %q", *f.Currency)
		}
		s.Currency = *f.Currency
	}
	files := map[int32]fileItemDefinition{}
	for _, key := range sortedKeys(f.Definitions) {
		where := "inventory.definitions." + key
		id, err := parseDefinitionID(where, key)
		if err != nil {
			return nil, err
		}
		def, err := parseDefinition(where, id, f.Definitions[key])
		if err != nil {
			return nil, err
		}
		s.Definitions[id], files[id] = def, f.Definitions[key]
	}
	// Bundles and recipes name other definitions: read them once every definition is known.
	for _, id := range s.IDs() {
		if err := s.parseContents("inventory.definitions."+strconv.Itoa(int(id)), s.Definitions[id], files[id]); err != nil {
			return nil, err
		}
	}
	for _, key := range sortedKeys(f.Users) {
		where := "inventory.users." + key
		user, err := parseUserID("inventory.users", key)
		if err != nil {
			return nil, err
		}
		items, err := s.parseInitialItems(where, f.Users[key])
		if err != nil {
			return nil, err
		}
		if s.Users == nil {
			s.Users = map[steam.SteamID][]InitialItem{}
		}
		s.Users[user] = items
	}
	return s, nil
}

func parseDefinitionID(where, key string) (int32, error) {
	v, err := strconv.ParseInt(key, 10, 64)
	if err != nil || v < 1 || v > 1<<31-1 {
		return 0, fmt.Errorf("%s: %q is not an item definition ID (1 to 2147483647)", where, key)
	}
	return int32(v), nil
}

func parseDefinition(where string, id int32, f fileItemDefinition) (*ItemDefinition, error) {
	d := &ItemDefinition{ID: id, Tradable: f.Tradable, Properties: map[string]string{}}
	switch f.Type {
	case "", "item":
		d.Type = ItemTypeItem
	case "bundle":
		d.Type = ItemTypeBundle
	case "generator":
		d.Type = ItemTypeGenerator
	case "playtimegenerator":
		d.Type = ItemTypePlaytimeGenerator
	default:
		return nil, fmt.Errorf("%s.type must be \"item\", \"bundle\", \"generator\" or \"playtimegenerator\", got %q", where, f.Type)
	}
	switch {
	case d.Type == ItemTypeItem && f.Bundle != "":
		return nil, fmt.Errorf("%s: an item definition has no \"bundle\" (a bundle or generator has)", where)
	case d.Type != ItemTypeItem && f.Bundle == "":
		return nil, fmt.Errorf("%s: a %s definition needs a \"bundle\"", where, d.Type)
	}
	if f.Price != nil {
		if *f.Price < 0 {
			return nil, fmt.Errorf("%s.price must be 0 or more (the currency's smallest unit), got %d", where, *f.Price)
		}
		d.Price, d.Base, d.HasPrice = uint64(*f.Price), uint64(*f.Price), true
	}
	if f.BasePrice != nil {
		if !d.HasPrice || *f.BasePrice < 0 {
			return nil, fmt.Errorf("%s.base_price needs a price and must be 0 or more, got %d", where, *f.BasePrice)
		}
		d.Base = uint64(*f.BasePrice)
	}
	if err := d.parsePromo(where, f.Promo); err != nil {
		return nil, err
	}
	own := map[string]string{"itemdefid": strconv.Itoa(int(id)), "type": d.Type.String(), "tradable": strconv.FormatBool(f.Tradable)}
	for k, v := range map[string]string{"name": f.Name, "promo": f.Promo, "bundle": f.Bundle, "exchange": f.Exchange} {
		if v != "" {
			own[k] = v
		}
	}
	if d.HasPrice {
		own["price"], own["base_price"] = strconv.FormatUint(d.Price, 10), strconv.FormatUint(d.Base, 10)
	}
	for k, v := range f.Properties {
		if reservedProperties[k] {
			return nil, fmt.Errorf("%s.properties.%s is one of the definition's own properties: set it as %q beside \"properties\"", where, k, k)
		}
		if err := steam.CheckPropertyName(where+".properties", k); err != nil {
			return nil, err
		}
		if len(v) > steam.MaxPropertyValueLen {
			return nil, fmt.Errorf("%s.properties.%s is %d bytes; at most %d", where, k, len(v), steam.MaxPropertyValueLen)
		}
		d.Properties[k] = v
	}
	for k, v := range own {
		d.Properties[k] = v
	}
	return d, nil
}

// reservedProperties are the properties a definition's own keys set.
var reservedProperties = map[string]bool{"itemdefid": true, "type": true, "tradable": true, "name": true, "promo": true,
	"bundle": true, "exchange": true, "price": true, "base_price": true}

func (d *ItemDefinition) parsePromo(where, promo string) error {
	switch {
	case promo == "":
	case promo == "manual":
		d.PromoManual = true
	default:
		for _, rule := range strings.Split(promo, ";") {
			app, ok := strings.CutPrefix(rule, "owns:")
			v, err := strconv.ParseInt(app, 10, 64)
			if !ok || err != nil || !steam.ValidAppID(v) {
				return fmt.Errorf("%s.promo must be \"manual\" or \"owns:<app id>\" entries separated by \";\", got %q", where, promo)
			}
			d.PromoApps = append(d.PromoApps, uint32(v))
		}
	}
	return nil
}

// parseContents reads a definition's "bundle" and "exchange", whose entries must be items.
func (s *InventorySchema) parseContents(where string, d *ItemDefinition, f fileItemDefinition) error {
	var err error
	if f.Bundle != "" {
		if d.Bundle, err = s.parseAmounts(where+".bundle", f.Bundle, ";"); err != nil {
			return err
		}
	}
	if f.Exchange == "" {
		return nil
	}
	for _, recipe := range strings.Split(f.Exchange, ";") {
		materials, err := s.parseAmounts(where+".exchange", recipe, ",")
		if err != nil {
			return err
		}
		d.Exchange = append(d.Exchange, materials)
	}
	return nil
}

// parseAmounts reads "<definition>x<quantity>" entries separated by sep; one definition appears once.
func (s *InventorySchema) parseAmounts(where, text, sep string) ([]ItemAmount, error) {
	var out []ItemAmount
	seen := map[int32]bool{}
	for _, entry := range strings.Split(text, sep) {
		defText, qtyText, hasQty := strings.Cut(strings.TrimSpace(entry), "x")
		id, err := parseDefinitionID(where, defText)
		qty := int64(1)
		if err == nil && hasQty {
			if qty, err = strconv.ParseInt(qtyText, 10, 64); err == nil && (qty < 1 || qty > steam.MaxItemQuantity) {
				err = fmt.Errorf("out of range")
			}
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %q is not \"<definition>x<quantity>\" with a quantity from 1 to %d", where, entry, steam.MaxItemQuantity)
		}
		def, ok := s.Definitions[id]
		switch {
		case !ok:
			return nil, fmt.Errorf("%s: %d is not a definition of inventory.definitions", where, id)
		case def.Type != ItemTypeItem:
			return nil, fmt.Errorf("%s: %d is a %s; bundles, generators and recipes hold items only", where, id, def.Type)
		case seen[id]:
			return nil, fmt.Errorf("%s: %d appears twice; give its quantity once", where, id)
		}
		seen[id] = true
		out = append(out, ItemAmount{Definition: id, Quantity: uint32(qty)})
	}
	return out, nil
}

func (s *InventorySchema) parseInitialItems(where string, items []fileInitialItem) ([]InitialItem, error) {
	if len(items) > MaxInventoryItems {
		return nil, fmt.Errorf("%s lists %d items; a user holds at most %d", where, len(items), MaxInventoryItems)
	}
	out := make([]InitialItem, len(items))
	for i, it := range items {
		at := fmt.Sprintf("%s[%d]", where, i)
		def, ok := s.Definitions[int32(it.Definition)]
		if it.Definition < 1 || it.Definition > 1<<31-1 || !ok || def.Type != ItemTypeItem {
			return nil, fmt.Errorf("%s.definition: %d is not an item definition of inventory.definitions", at, it.Definition)
		}
		if it.Quantity == 0 {
			it.Quantity = 1
		}
		if it.Quantity < 1 || it.Quantity > steam.MaxItemQuantity {
			return nil, fmt.Errorf("%s.quantity must be from 1 to %d, got %d", at, steam.MaxItemQuantity, it.Quantity)
		}
		out[i] = InitialItem{Definition: int32(it.Definition), Quantity: uint16(it.Quantity), Flags: noTrade(def)}
	}
	return out, nil
}

// DefaultInventorySchema is the schema without "inventory" in the data file: Spacewar's item
// definition IDs and roles (a timed drop list, four ship decorations that exchange for a weapon,
// specials), with prices and promos of ours.
func DefaultInventorySchema() *InventorySchema {
	s, err := parseInventory(&fileInventory{Definitions: map[string]fileItemDefinition{
		"10":  {Type: "playtimegenerator", Name: "Timed Drop List", Bundle: "100;101;102;103"},
		"100": {Name: "Ship Decoration 1", Price: ptr(int64(99))},
		"101": {Name: "Ship Decoration 2", Price: ptr(int64(99))},
		"102": {Name: "Ship Decoration 3", Price: ptr(int64(149)), BasePrice: ptr(int64(199))},
		"103": {Name: "Ship Decoration 4", Price: ptr(int64(199))},
		"110": {Name: "Ship Weapon 1", Exchange: "100,101,102,103"},
		"111": {Name: "Ship Weapon 2", Price: ptr(int64(499))},
		"120": {Name: "Ship Special 1", Promo: "manual"},
		"121": {Name: "Ship Special 2", Promo: "owns:480"},
	}})
	if err != nil {
		panic("the default inventory schema: " + err.Error())
	}
	return s
}

func ptr[T any](v T) *T { return &v }

// noTrade is the flags of a new item of def.
func noTrade(def *ItemDefinition) uint16 {
	if def.Tradable {
		return 0
	}
	return steam.ItemNoTrade
}
