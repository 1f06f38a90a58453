package steamworks

// inventoryFlat is the ISteamInventory part of flat (the game server's, from
// SteamGameServerInventory): the shapes whose first argument is n take the interface pointer kept
// by the last selfInventory, as p shapes take ISteamGameServer's. Arrays go to Steam as the bytes
// of its C arrays (little-endian int32, uint32, uint64 elements; the backend packs and unpacks
// them), with their element count. A pi32 is the new result handle Steam writes (-1, its
// k_SteamInventoryResultInvalid, when it writes none); a pu32 is a size in and the size Steam wrote
// or needs out; an s is a string, NULL when empty (Steam's "list the property names").
type inventoryFlat interface {
	// selfInventory calls the SteamGameServerInventory accessor and keeps the pointer for the _n methods.
	selfInventory(s sym) bool

	i32NI32(s sym, h int32) int32            // GetResultStatus
	u32NI32(s sym, h int32) uint32           // GetResultTimestamp
	vNI32(s sym, h int32)                    // DestroyResult
	bNI32U64(s sym, h int32, id uint64) bool // CheckResultSteamID
	// bNI32PPU32 is GetResultItems (size: items) and SerializeResult (size: bytes); a nil buf
	// asks for the size.
	bNI32PPU32(s sym, h int32, buf []byte, size uint32) (bool, uint32)
	bNI32U32SPPU32(s sym, h int32, index uint32, name string, buf []byte) (bool, uint32) // GetResultItemProperty

	bNPI32(s sym) (bool, int32)                                              // GetAllItems, GrantPromoItems
	bNPI32I32(s sym, a int32) (bool, int32)                                  // AddPromoItem, TriggerItemDrop
	bNPI32PU32(s sym, arr []byte, n uint32) (bool, int32)                    // GetItemsByID, AddPromoItems
	bNPI32PU32B(s sym, buf []byte, reserved bool) (bool, int32)              // DeserializeResult
	bNPI32PPU32(s sym, defs, qty []byte, n uint32) (bool, int32)             // GenerateItems
	bNPI32U64U32(s sym, item uint64, qty uint32) (bool, int32)               // ConsumeItem
	bNPI32U64U32U64(s sym, src uint64, qty uint32, dst uint64) (bool, int32) // TransferItemQuantity
	// bNPI32PPU32PPU32 is ExchangeItems: the items to make and their quantities, the items to use up
	// and how many of each.
	bNPI32PPU32PPU32(s sym, gen, genQty []byte, genN uint32, destroy, destroyQty []byte, destroyN uint32) (bool, int32)
	bNU64PI32(s sym, update uint64) (bool, int32) // SubmitUpdateProperties

	bN(s sym) bool                                                        // LoadItemDefinitions
	bNPPU32(s sym, buf []byte, n uint32) (bool, uint32)                   // GetItemDefinitionIDs
	bNI32SPPU32(s sym, def int32, name string, buf []byte) (bool, uint32) // GetItemDefinitionProperty
	u64NU64(s sym, id uint64) uint64                                      // RequestEligiblePromoItemDefinitionsIDs
	bNU64PPU32(s sym, id uint64, buf []byte, n uint32) (bool, uint32)     // GetEligiblePromoItemDefinitionIDs
	u64NPPU32(s sym, defs, qty []byte, n uint32) uint64                   // StartPurchase
	u64N(s sym) uint64                                                    // RequestPrices, StartUpdateProperties
	u32N(s sym) uint32                                                    // GetNumItemsWithPrices
	bNPPPU32(s sym, defs, prices, bases []byte, n uint32) bool            // GetItemsWithPrices
	bNI32PU64PU64(s sym, def int32) (bool, uint64, uint64)                // GetItemPrice

	bNU64U64S(s sym, update, item uint64, name string) bool               // RemoveProperty
	bNU64U64SS(s sym, update, item uint64, name, v string) bool           // SetPropertyString
	bNU64U64SB(s sym, update, item uint64, name string, v bool) bool      // SetPropertyBool
	bNU64U64SI64(s sym, update, item uint64, name string, v int64) bool   // SetPropertyInt64
	bNU64U64SF32(s sym, update, item uint64, name string, v float32) bool // SetPropertyFloat
}
