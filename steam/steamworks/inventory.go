package steamworks

import (
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/gosteam/godot-steam-server/steam"
)

// Steam Inventory (ISteamInventory, the game server's: SteamGameServerInventory). Steam keeps the
// results; a false answer is an error naming the call Steam refused. On a real game server Steam
// refuses most of the calls that act on "the current user" (the server has no items of its own):
// what works there is reading results, above all a player's serialized one (DeserializeResult,
// CheckResultSteamID, GetResultItems), the definitions and the prices. The results' answers come
// as callbacks (SteamInventoryResultReady_t, SteamInventoryFullUpdate_t,
// SteamInventoryDefinitionUpdate_t); RequestPrices, RequestEligiblePromoItemDefinitionsIDs and
// StartPurchase as call results (inventory_callbacks.go).

// The ISteamInventory shapes (n is the interface: selfInventory). pi32 is a new result handle Steam
// writes, pu32 a size in and out, pu64 an out value.
const (
	shapeI32NI32          shape = "i32_n_i32"                // GetResultStatus
	shapeU32NI32          shape = "u32_n_i32"                // GetResultTimestamp
	shapeVNI32            shape = "v_n_i32"                  // DestroyResult
	shapeBNI32U64         shape = "b_n_i32_u64"              // CheckResultSteamID
	shapeBNI32PPU32       shape = "b_n_i32_p_pu32"           // GetResultItems, SerializeResult
	shapeBNI32U32SPPU32   shape = "b_n_i32_u32_s_p_pu32"     // GetResultItemProperty
	shapeBNPI32           shape = "b_n_pi32"                 // GetAllItems, GrantPromoItems
	shapeBNPI32I32        shape = "b_n_pi32_i32"             // AddPromoItem, TriggerItemDrop
	shapeBNPI32PU32       shape = "b_n_pi32_p_u32"           // GetItemsByID, AddPromoItems
	shapeBNPI32PU32B      shape = "b_n_pi32_p_u32_b"         // DeserializeResult
	shapeBNPI32PPU32      shape = "b_n_pi32_p_p_u32"         // GenerateItems
	shapeBNPI32U64U32     shape = "b_n_pi32_u64_u32"         // ConsumeItem
	shapeBNPI32U64U32U64  shape = "b_n_pi32_u64_u32_u64"     // TransferItemQuantity
	shapeBNPI32PPU32PPU32 shape = "b_n_pi32_p_p_u32_p_p_u32" // ExchangeItems
	shapeBNU64PI32        shape = "b_n_u64_pi32"             // SubmitUpdateProperties
	shapeBN               shape = "b_n"                      // LoadItemDefinitions
	shapeBNPPU32          shape = "b_n_p_pu32"               // GetItemDefinitionIDs
	shapeBNI32SPPU32      shape = "b_n_i32_s_p_pu32"         // GetItemDefinitionProperty
	shapeU64NU64          shape = "u64_n_u64"                // RequestEligiblePromoItemDefinitionsIDs
	shapeBNU64PPU32       shape = "b_n_u64_p_pu32"           // GetEligiblePromoItemDefinitionIDs
	shapeU64NPPU32        shape = "u64_n_p_p_u32"            // StartPurchase
	shapeU64N             shape = "u64_n"                    // RequestPrices, StartUpdateProperties
	shapeU32N             shape = "u32_n"                    // GetNumItemsWithPrices
	shapeBNPPPU32         shape = "b_n_p_p_p_u32"            // GetItemsWithPrices
	shapeBNI32PU64PU64    shape = "b_n_i32_pu64_pu64"        // GetItemPrice
	shapeBNU64U64S        shape = "b_n_u64_u64_s"            // RemoveProperty
	shapeBNU64U64SS       shape = "b_n_u64_u64_s_s"          // SetPropertyString
	shapeBNU64U64SB       shape = "b_n_u64_u64_s_b"          // SetPropertyBool
	shapeBNU64U64SI64     shape = "b_n_u64_u64_s_i64"        // SetPropertyInt64
	shapeBNU64U64SF32     shape = "b_n_u64_u64_s_f32"        // SetPropertyFloat
)

var (
	symGameServerInventoryV003 = fn("SteamAPI_SteamGameServerInventory_v003", shapeP) // the version also in interfaceVersions

	symGetResultStatus                = inventoryMethod("GetResultStatus", shapeI32NI32)
	symGetResultItems                 = inventoryMethod("GetResultItems", shapeBNI32PPU32)
	symGetResultItemProperty          = inventoryMethod("GetResultItemProperty", shapeBNI32U32SPPU32)
	symGetResultTimestamp             = inventoryMethod("GetResultTimestamp", shapeU32NI32)
	symCheckResultSteamID             = inventoryMethod("CheckResultSteamID", shapeBNI32U64)
	symDestroyResult                  = inventoryMethod("DestroyResult", shapeVNI32)
	symSerializeResult                = inventoryMethod("SerializeResult", shapeBNI32PPU32)
	symDeserializeResult              = inventoryMethod("DeserializeResult", shapeBNPI32PU32B)
	symGetAllItems                    = inventoryMethod("GetAllItems", shapeBNPI32)
	symGetItemsByID                   = inventoryMethod("GetItemsByID", shapeBNPI32PU32)
	symGenerateItems                  = inventoryMethod("GenerateItems", shapeBNPI32PPU32)
	symGrantPromoItems                = inventoryMethod("GrantPromoItems", shapeBNPI32)
	symAddPromoItem                   = inventoryMethod("AddPromoItem", shapeBNPI32I32)
	symAddPromoItems                  = inventoryMethod("AddPromoItems", shapeBNPI32PU32)
	symConsumeItem                    = inventoryMethod("ConsumeItem", shapeBNPI32U64U32)
	symExchangeItems                  = inventoryMethod("ExchangeItems", shapeBNPI32PPU32PPU32)
	symTransferItemQuantity           = inventoryMethod("TransferItemQuantity", shapeBNPI32U64U32U64)
	symTriggerItemDrop                = inventoryMethod("TriggerItemDrop", shapeBNPI32I32)
	symLoadItemDefinitions            = inventoryMethod("LoadItemDefinitions", shapeBN)
	symGetItemDefinitionIDs           = inventoryMethod("GetItemDefinitionIDs", shapeBNPPU32)
	symGetItemDefinitionProperty      = inventoryMethod("GetItemDefinitionProperty", shapeBNI32SPPU32)
	symRequestEligiblePromoItemDefIDs = inventoryMethod("RequestEligiblePromoItemDefinitionsIDs", shapeU64NU64)
	symGetEligiblePromoItemDefIDs     = inventoryMethod("GetEligiblePromoItemDefinitionIDs", shapeBNU64PPU32)
	symStartPurchase                  = inventoryMethod("StartPurchase", shapeU64NPPU32)
	symRequestPrices                  = inventoryMethod("RequestPrices", shapeU64N)
	symGetNumItemsWithPrices          = inventoryMethod("GetNumItemsWithPrices", shapeU32N)
	symGetItemsWithPrices             = inventoryMethod("GetItemsWithPrices", shapeBNPPPU32)
	symGetItemPrice                   = inventoryMethod("GetItemPrice", shapeBNI32PU64PU64)
	symStartUpdateProperties          = inventoryMethod("StartUpdateProperties", shapeU64N)
	symRemoveProperty                 = inventoryMethod("RemoveProperty", shapeBNU64U64S)
	symSetPropertyString              = inventoryMethod("SetPropertyString", shapeBNU64U64SS)
	symSetPropertyBool                = inventoryMethod("SetPropertyBool", shapeBNU64U64SB)
	symSetPropertyInt64               = inventoryMethod("SetPropertyInt64", shapeBNU64U64SI64)
	symSetPropertyFloat               = inventoryMethod("SetPropertyFloat", shapeBNU64U64SF32)
	symSubmitUpdateProperties         = inventoryMethod("SubmitUpdateProperties", shapeBNU64PI32)
)

// maxInventoryList bounds the arrays read from Steam (items, definitions, prices), whatever count
// it claims; maxPropertyText bounds a property's value.
const (
	maxInventoryList = 1 << 16
	maxPropertyText  = 1 << 16
)

var _ steam.InventoryBackend = (*Backend)(nil)

var errNoInventoryInterface = errors.New("libsteam_api.so returned no STEAMINVENTORY_INTERFACE_V003 interface (SteamGameServerInventory) at serverInit")

// refusedItems is the error of a call that makes a result, refused: on a game server Steam refuses
// most of them.
func refusedItems(call string) error {
	return fmt.Errorf("Steam refused %s: a game server's ISteamInventory acts for no user of its own, and Steam refuses most of its calls "+
		"(read the items a player's client serialized with deserializeResult instead)", call)
}

// made is the handle a call that makes a result answered.
func (b *Backend) made(call string, ok bool, h int32) (int32, error) {
	if !ok {
		return steam.InventoryResultInvalid, refusedItems(call)
	}
	return h, nil
}

func (b *Backend) inventory() error {
	if !b.hasInventory {
		return errNoInventoryInterface
	}
	return nil
}

// Little-endian C arrays of the inventory's element types.

func defsBytes(defs []int32) []byte {
	out := make([]byte, 0, 4*len(defs))
	for _, d := range defs {
		out = binary.LittleEndian.AppendUint32(out, uint32(d))
	}
	return out
}

func u32Bytes(v []uint32) []byte {
	out := make([]byte, 0, 4*len(v))
	for _, x := range v {
		out = binary.LittleEndian.AppendUint32(out, x)
	}
	return out
}

func u64Bytes(v []uint64) []byte {
	out := make([]byte, 0, 8*len(v))
	for _, x := range v {
		out = binary.LittleEndian.AppendUint64(out, x)
	}
	return out
}

func grantsBytes(items []steam.ItemGrant) (defs, qty []byte) {
	d, q := make([]int32, len(items)), make([]uint32, len(items))
	for i, g := range items {
		d[i], q[i] = g.Definition, g.Quantity
	}
	return defsBytes(d), u32Bytes(q)
}

func (b *Backend) InventoryGetAllItems() (int32, error) {
	if err := b.inventory(); err != nil {
		return steam.InventoryResultInvalid, err
	}
	ok, h := b.api.bNPI32(symGetAllItems)
	return b.made("GetAllItems()", ok, h)
}

func (b *Backend) InventoryGetItemsByID(ids []uint64) (int32, error) {
	if err := b.inventory(); err != nil {
		return steam.InventoryResultInvalid, err
	}
	ok, h := b.api.bNPI32PU32(symGetItemsByID, u64Bytes(ids), uint32(len(ids)))
	return b.made(fmt.Sprintf("GetItemsByID(%d items)", len(ids)), ok, h)
}

func (b *Backend) InventoryGenerateItems(items []steam.ItemGrant) (int32, error) {
	if err := b.inventory(); err != nil {
		return steam.InventoryResultInvalid, err
	}
	defs, qty := grantsBytes(items)
	ok, h := b.api.bNPI32PPU32(symGenerateItems, defs, qty, uint32(len(items)))
	return b.made(fmt.Sprintf("GenerateItems(%d items)", len(items)), ok, h)
}

func (b *Backend) InventoryGrantPromoItems() (int32, error) {
	if err := b.inventory(); err != nil {
		return steam.InventoryResultInvalid, err
	}
	ok, h := b.api.bNPI32(symGrantPromoItems)
	return b.made("GrantPromoItems()", ok, h)
}

// InventoryAddPromoItems calls AddPromoItem for one definition, AddPromoItems for more.
func (b *Backend) InventoryAddPromoItems(defs []int32) (int32, error) {
	if err := b.inventory(); err != nil {
		return steam.InventoryResultInvalid, err
	}
	if len(defs) == 1 {
		ok, h := b.api.bNPI32I32(symAddPromoItem, defs[0])
		return b.made(fmt.Sprintf("AddPromoItem(%d)", defs[0]), ok, h)
	}
	ok, h := b.api.bNPI32PU32(symAddPromoItems, defsBytes(defs), uint32(len(defs)))
	return b.made(fmt.Sprintf("AddPromoItems(%d items)", len(defs)), ok, h)
}

func (b *Backend) InventoryConsumeItem(item uint64, quantity uint32) (int32, error) {
	if err := b.inventory(); err != nil {
		return steam.InventoryResultInvalid, err
	}
	ok, h := b.api.bNPI32U64U32(symConsumeItem, item, quantity)
	return b.made(fmt.Sprintf("ConsumeItem(%d, %d)", item, quantity), ok, h)
}

func (b *Backend) InventoryExchangeItems(generate []steam.ItemGrant, destroy []steam.ItemTake) (int32, error) {
	if err := b.inventory(); err != nil {
		return steam.InventoryResultInvalid, err
	}
	gen, genQty := grantsBytes(generate)
	ids, qty := make([]uint64, len(destroy)), make([]uint32, len(destroy))
	for i, d := range destroy {
		ids[i], qty[i] = d.ItemID, d.Quantity
	}
	ok, h := b.api.bNPI32PPU32PPU32(symExchangeItems, gen, genQty, uint32(len(generate)), u64Bytes(ids), u32Bytes(qty), uint32(len(destroy)))
	return b.made(fmt.Sprintf("ExchangeItems(%d for %d items)", generate[0].Definition, len(destroy)), ok, h)
}

func (b *Backend) InventoryTransferItemQuantity(item uint64, quantity uint32, dest uint64) (int32, error) {
	if err := b.inventory(); err != nil {
		return steam.InventoryResultInvalid, err
	}
	ok, h := b.api.bNPI32U64U32U64(symTransferItemQuantity, item, quantity, dest)
	return b.made(fmt.Sprintf("TransferItemQuantity(%d, %d, %d)", item, quantity, dest), ok, h)
}

func (b *Backend) InventoryTriggerItemDrop(def int32) (int32, error) {
	if err := b.inventory(); err != nil {
		return steam.InventoryResultInvalid, err
	}
	ok, h := b.api.bNPI32I32(symTriggerItemDrop, def)
	return b.made(fmt.Sprintf("TriggerItemDrop(%d)", def), ok, h)
}

func (b *Backend) InventoryDeserializeResult(buf []byte) (int32, error) {
	if err := b.inventory(); err != nil {
		return steam.InventoryResultInvalid, err
	}
	ok, h := b.api.bNPI32PU32B(symDeserializeResult, buf, false) // bRESERVED_MUST_BE_FALSE
	return b.made(fmt.Sprintf("DeserializeResult(%d bytes)", len(buf)), ok, h)
}

func (b *Backend) InventorySubmitUpdateProperties(update uint64) (int32, error) {
	if err := b.inventory(); err != nil {
		return steam.InventoryResultInvalid, err
	}
	ok, h := b.api.bNU64PI32(symSubmitUpdateProperties, update)
	return b.made(fmt.Sprintf("SubmitUpdateProperties(%d)", update), ok, h)
}
