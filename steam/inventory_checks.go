package steam

// The inventory front's argument checks: what Steam would refuse or misread whatever the backend.
// Arguments arrive as GDScript gives them (ints as int64, IDs as the same 64 bits); the checks
// name each argument as GodotSteam Server 4 does.

import (
	"math"
	"strings"
)

// CheckItemDefinition accepts a SteamItemDef_t an app can define: 1 to 2147483647.
func CheckItemDefinition(arg string, v int64) (int32, error) {
	if v < 1 || v > math.MaxInt32 {
		return 0, argErrorf(arg, "must be an item definition ID from 1 to %d, got %d", math.MaxInt32, v)
	}
	return int32(v), nil
}

// checkItemID accepts an item instance ID: any 64 bits but 0 and ITEM_INSTANCE_ID_INVALID (-1).
func checkItemID(arg string, v int64) (uint64, error) {
	if v == 0 || uint64(v) == ItemInstanceIDInvalid {
		return 0, argErrorf(arg, "must be an item instance ID (from getResultItems' item_id), got %d", v)
	}
	return uint64(v), nil
}

// checkQuantity accepts what one stack can hold: 1 to 65535.
func checkQuantity(arg string, v int64) (uint32, error) {
	if v < 1 || v > MaxItemQuantity {
		return 0, argErrorf(arg, "must be a quantity from 1 to %d (what one stack holds), got %d", MaxItemQuantity, v)
	}
	return uint32(v), nil
}

func checkListLen(arg string, n int) error {
	if n == 0 {
		return argErrorf(arg, "is empty")
	}
	if n > MaxInventoryListLen {
		return argErrorf(arg, "holds %d entries; one call takes at most %d", n, MaxInventoryListLen)
	}
	return nil
}

// quantities checks a quantity list given beside a list of n entries: empty means 1 of each, as
// Steam reads a NULL quantity array; otherwise one quantity per entry.
func quantities(arg string, q []int64, n int, of string) ([]uint32, error) {
	out := make([]uint32, n)
	if len(q) == 0 {
		for i := range out {
			out[i] = 1
		}
		return out, nil
	}
	if len(q) != n {
		return nil, argErrorf(arg, "holds %d quantities for the %d entries of %s: give one each (or none for 1 each)", len(q), n, of)
	}
	for i, v := range q {
		if v < 1 || v > MaxItemQuantity {
			return nil, argErrorf(arg, "entry %d must be a quantity from 1 to %d, got %d", i, MaxItemQuantity, v)
		}
		out[i] = uint32(v)
	}
	return out, nil
}

// itemGrants pairs a definition list with its quantities.
func itemGrants(defsArg string, defs []int64, qtyArg string, qty []int64) ([]ItemGrant, error) {
	if err := checkListLen(defsArg, len(defs)); err != nil {
		return nil, err
	}
	n, err := quantities(qtyArg, qty, len(defs), defsArg)
	if err != nil {
		return nil, err
	}
	grants := make([]ItemGrant, len(defs))
	for i, d := range defs {
		def, err := CheckItemDefinition(defsArg, d)
		if err != nil {
			return nil, argErrorf(defsArg, "entry %d must be an item definition ID from 1 to %d, got %d", i, math.MaxInt32, d)
		}
		grants[i] = ItemGrant{Definition: def, Quantity: n[i]}
	}
	return grants, nil
}

func definitionList(arg string, defs []int64) ([]int32, error) {
	grants, err := itemGrants(arg, defs, "", nil)
	if err != nil {
		return nil, err
	}
	out := make([]int32, len(grants))
	for i, g := range grants {
		out[i] = g.Definition
	}
	return out, nil
}

func itemIDList(arg string, ids []int64) ([]uint64, error) {
	if err := checkListLen(arg, len(ids)); err != nil {
		return nil, err
	}
	out := make([]uint64, len(ids))
	for i, v := range ids {
		id, err := checkItemID(arg, v)
		if err != nil {
			return nil, argErrorf(arg, "entry %d must be an item instance ID, got %d", i, v)
		}
		out[i] = id
	}
	return out, nil
}

// CheckInventoryHandle accepts a result handle: a SteamInventoryResult_t (32 bits) that is not
// INVENTORY_RESULT_INVALID.
func CheckInventoryHandle(arg string, h int64) (int32, error) {
	if h == int64(InventoryResultInvalid) {
		return 0, argErrorf(arg, "is INVENTORY_RESULT_INVALID (-1), what a refused call returns: no result to read")
	}
	if h < math.MinInt32 || h > math.MaxInt32 {
		return 0, argErrorf(arg, "must be an inventory result handle (32 bits), got %d", h)
	}
	return int32(h), nil
}

func checkUpdateHandle(arg string, h uint64) error {
	if h == 0 || h == InventoryUpdateHandleInvalid {
		return argErrorf(arg, "is not an update handle: call startUpdateProperties first")
	}
	return nil
}

// CheckPropertyName accepts a dynamic property's name: 1 to 64 ASCII letters, digits and
// underscores, as Steam composes them.
func CheckPropertyName(arg, name string) error {
	if name == "" || len(name) > MaxPropertyNameLen {
		return argErrorf(arg, "must be 1 to %d characters, got %d bytes", MaxPropertyNameLen, len(name))
	}
	if strings.IndexFunc(name, func(r rune) bool {
		return !(r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
	}) >= 0 {
		return argErrorf(arg, "%s: property names are ASCII letters, digits and underscores only", quoteShort(name))
	}
	return nil
}

// checkPropertyQuery accepts the name a property read asks for: "" (list the names) or a name
// without NUL of at most 255 bytes.
func checkPropertyQuery(arg, name string) error {
	if len(name) > 255 || strings.ContainsRune(name, 0) {
		return argErrorf(arg, "must be at most 255 bytes without NUL characters (\"\" lists the names), got %d bytes", len(name))
	}
	return nil
}

func checkPropertyValue(v PropertyValue) error {
	switch v.Kind {
	case PropertyString:
		if len(v.Text) > MaxPropertyValueLen || strings.ContainsRune(v.Text, 0) {
			return argErrorf("value", "must be at most %d bytes without NUL characters, got %d bytes", MaxPropertyValueLen, len(v.Text))
		}
	case PropertyFloat:
		return CheckFloat32("value", float64(v.Float))
	}
	return nil
}

// exchangeArgs checks exchangeItems' four lists: Steam makes exactly one item, of quantity 1, from
// a list of input items and how many of each stack to use.
func exchangeArgs(outDefs, outQty, inIDs, inQty []int64) ([]ItemGrant, []ItemTake, error) {
	generate, err := itemGrants("output_items", outDefs, "output_quantity", outQty)
	if err != nil {
		return nil, nil, err
	}
	if len(generate) != 1 || generate[0].Quantity != 1 {
		return nil, nil, argErrorf("output_items", "must name exactly one definition, with quantity 1: Steam exchanges for one item at a time")
	}
	ids, err := itemIDList("input_items", inIDs)
	if err != nil {
		return nil, nil, err
	}
	n, err := quantities("input_quantity", inQty, len(ids), "input_items")
	if err != nil {
		return nil, nil, err
	}
	destroy := make([]ItemTake, len(ids))
	seen := make(map[uint64]bool, len(ids))
	for i, id := range ids {
		if seen[id] {
			return nil, nil, argErrorf("input_items", "lists item %d twice: give its whole quantity once", id)
		}
		seen[id] = true
		destroy[i] = ItemTake{ItemID: id, Quantity: n[i]}
	}
	return generate, destroy, nil
}
