package steam

// Steam Inventory (ISteamInventory, through SteamGameServerInventory) as GodotSteam Server 4 binds
// it. Its calls name no user: on Steam they act for the account the interface belongs to, which for
// a game server is the server's own (and Steam answers false to most of them: a game server has no
// items of its own). What a dedicated server does with it is check a player's items: the player's
// client serializes a result (SerializeResult), the server deserializes it (DeserializeResult),
// checks it is the player's (CheckResultSteamID) and reads the items. The front checks what Steam
// would refuse without asking (definition IDs, quantities, array lengths, property names); the
// backend keeps the results and the inventories.

import "errors"

// Steam's "none" values of the inventory's handles and IDs.
const (
	// InventoryResultInvalid is k_SteamInventoryResultInvalid: no result handle.
	InventoryResultInvalid int32 = -1
	// ItemInstanceIDInvalid is k_SteamItemInstanceIDInvalid: no item (transferItemQuantity's split).
	ItemInstanceIDInvalid = ^uint64(0)
	// InventoryUpdateHandleInvalid is k_SteamInventoryUpdateHandleInvalid.
	InventoryUpdateHandleInvalid = ^uint64(0)
)

// ItemFlags are ESteamItemFlags, an item's m_unFlags.
const (
	ItemNoTrade  uint16 = 1 << 0 // account-locked: cannot be traded or given away
	ItemRemoved  uint16 = 1 << 8 // destroyed, traded away, consumed to nothing
	ItemConsumed uint16 = 1 << 9 // its quantity went down through ConsumeItem
)

// Bounds the front applies to every backend.
const (
	// MaxItemQuantity is the most one stack holds (SteamItemDetails_t's uint16 m_unQuantity).
	MaxItemQuantity = 0xFFFF
	// MaxInventoryListLen bounds the lists of items and definitions one call takes.
	MaxInventoryListLen = 256
	// MaxPropertyNameLen bounds a dynamic property's name (ASCII letters, digits, underscores).
	MaxPropertyNameLen = 64
	// MaxPropertyValueLen bounds a string property's value, in bytes.
	MaxPropertyValueLen = 1024
	// MaxSerializedResult bounds a serialized result deserializeResult takes, in bytes.
	MaxSerializedResult = 64 * 1024
)

// ItemDetails is SteamItemDetails_t: one item (a stack of one definition) in a result.
type ItemDetails struct {
	ItemID     uint64 // SteamItemInstanceID_t
	Definition int32  // SteamItemDef_t
	Quantity   uint16
	Flags      uint16 // ItemNoTrade, ItemRemoved, ItemConsumed
}

// ItemGrant is one entry of an item list with quantities: a definition to create (generateItems,
// exchangeItems' output, startPurchase).
type ItemGrant struct {
	Definition int32
	Quantity   uint32
}

// ItemTake is one item of exchangeItems' input: an instance and how many of its stack to use.
type ItemTake struct {
	ItemID   uint64
	Quantity uint32
}

// ItemPrice is one definition's prices after RequestPrices, in the currency's smallest unit.
type ItemPrice struct {
	Definition int32
	Price      uint64
	BasePrice  uint64
}

// PropertyKind says which SetProperty a property update is, or that it removes the property.
type PropertyKind int

const (
	PropertyString PropertyKind = iota
	PropertyBool
	PropertyInt
	PropertyFloat
	PropertyRemove
)

// PropertyValue is one dynamic property change of an update (Kind says which field holds the value).
type PropertyValue struct {
	Kind  PropertyKind
	Text  string
	Bool  bool
	Int   int64
	Float float32
}

// InventoryBackend is what a backend with Steam Inventory implements. A call that makes a result
// returns its handle; the result is pending until InventoryResultReady says how it ended, at a
// later frame, never during the call. An error means the backend refused the call (nothing
// changed, no handle): Steam's false, with the backend's reason.
type InventoryBackend interface {
	InventoryResultStatus(h int32) (Result, error)
	InventoryResultItems(h int32) ([]ItemDetails, error)
	// InventoryResultItemProperty is an item's property by name; "" lists the names, comma-separated.
	InventoryResultItemProperty(h int32, index uint32, name string) (string, error)
	InventoryResultTimestamp(h int32) (uint32, error)
	InventoryCheckResultSteamID(h int32, user SteamID) (bool, error)
	InventoryDestroyResult(h int32) error
	InventorySerializeResult(h int32) ([]byte, error)
	InventoryDeserializeResult(buf []byte) (int32, error)

	InventoryGetAllItems() (int32, error)
	InventoryGetItemsByID(ids []uint64) (int32, error)
	InventoryGenerateItems(items []ItemGrant) (int32, error)
	InventoryGrantPromoItems() (int32, error)
	InventoryAddPromoItems(defs []int32) (int32, error)
	InventoryConsumeItem(item uint64, quantity uint32) (int32, error)
	InventoryExchangeItems(generate []ItemGrant, destroy []ItemTake) (int32, error)
	// InventoryTransferItemQuantity moves quantity of item onto dest; dest ItemInstanceIDInvalid splits.
	InventoryTransferItemQuantity(item uint64, quantity uint32, dest uint64) (int32, error)
	InventoryTriggerItemDrop(def int32) (int32, error)

	// InventoryLoadItemDefinitions asks for the definitions; InventoryDefinitionUpdate follows.
	InventoryLoadItemDefinitions() (bool, error)
	// InventoryItemDefinitionProperty is a definition's property by name ("" lists the names);
	// found is false for a property the definition does not have.
	InventoryItemDefinitionProperty(def int32, name string) (value string, found bool, err error)
	// InventoryRequestEligiblePromoItems answers with InventoryEligiblePromoItems.
	InventoryRequestEligiblePromoItems(user SteamID) error
	// InventoryRequestPrices answers with InventoryRequestPricesResult; the price reads need it.
	InventoryRequestPrices() error
	InventoryItemPrice(def int32) (price, base uint64, err error)
	InventoryItemsWithPrices() ([]ItemPrice, error)
	// InventoryStartPurchase answers with InventoryStartPurchaseResult.
	InventoryStartPurchase(items []ItemGrant) error

	InventoryStartUpdateProperties() (uint64, error)
	InventorySetProperty(update, item uint64, name string, v PropertyValue) error
	InventorySubmitUpdateProperties(update uint64) (int32, error)
}

// InventoryScripted is implemented by a backend whose inventory calls can act for another user
// than the server's own account (the offline backend: offlineInventoryUser).
type InventoryScripted interface {
	// ScriptInventoryUser makes the inventory calls act for user; 0 means the server's own account.
	ScriptInventoryUser(user SteamID)
}

// ErrNoInventory is the refusal of a backend without Steam Inventory.
var ErrNoInventory = errors.New("this backend has no Steam Inventory calls")

// InventoryResultReady says a result is done (SteamInventoryResultReady_t): exactly one per handle.
type InventoryResultReady struct {
	Handle int32
	Result Result
}

// InventoryFullUpdate comes before the InventoryResultReady of a GetAllItems result
// (SteamInventoryFullUpdate_t).
type InventoryFullUpdate struct{ Handle int32 }

// InventoryDefinitionUpdate says the item definitions were (re)loaded
// (SteamInventoryDefinitionUpdate_t), with their IDs as GetItemDefinitionIDs lists them.
type InventoryDefinitionUpdate struct{ Definitions []int32 }

// InventoryEligiblePromoItems answers RequestEligiblePromoItemDefinitionsIDs
// (SteamInventoryEligiblePromoItemDefIDs_t), with the IDs GetEligiblePromoItemDefinitionIDs gives.
type InventoryEligiblePromoItems struct {
	Result      Result
	SteamID     SteamID
	Cached      bool
	Definitions []int32
}

// InventoryStartPurchaseResult answers StartPurchase (SteamInventoryStartPurchaseResult_t).
type InventoryStartPurchaseResult struct {
	Result        Result
	OrderID       uint64
	TransactionID uint64
}

// InventoryRequestPricesResult answers RequestPrices (SteamInventoryRequestPricesResult_t).
type InventoryRequestPricesResult struct {
	Result   Result
	Currency string // ISO 4217, 3 letters
}

func (InventoryResultReady) event()         {}
func (InventoryFullUpdate) event()          {}
func (InventoryDefinitionUpdate) event()    {}
func (InventoryEligiblePromoItems) event()  {}
func (InventoryStartPurchaseResult) event() {}
func (InventoryRequestPricesResult) event() {}
