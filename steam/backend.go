package steam

import "time"

// IPAddress is SteamIPAddress_t: an IPv4 address in host order or 16 IPv6 bytes in network order.
type IPAddress struct {
	Type IPType
	IPv4 uint32
	IPv6 [16]byte
}

// AuthTicket is a ticket this process issued for a peer to verify.
type AuthTicket struct {
	Handle uint32 // HAuthTicket; 0 means no ticket
	Bytes  []byte
}

// MaxOutgoingPacket is the largest datagram getNextOutgoingPacket hands out: the extension copies
// each into a buffer of this size, so the offline backend never queues a longer one (a longer reply
// is split) and Steam is given a buffer of this size.
const MaxOutgoingPacket = 16 * 1024

// OutgoingPacket is a datagram the game must send for Steam in GameSocketShare mode.
type OutgoingPacket struct {
	Data []byte
	IP   uint32 // host order
	Port uint16
	// StaysEmpty is set with an empty Data when the backend queues datagrams only during the game's
	// calls (see CallQueuedOutgoing): none will appear before the next call of another method.
	StaysEmpty bool
}

// CallQueuedOutgoing is implemented by a backend whose outgoing datagrams are queued only during
// the game's own calls (HandleIncomingPacket), never in between: once NextOutgoingPacket finds
// none, it finds none until another method is called, so the extension may answer
// getNextOutgoingPacket without asking again. Real Steam queues heartbeats of its own at any time.
type CallQueuedOutgoing interface {
	OutgoingQueuedOnlyByCalls() bool
}

// FramePacer is implemented by a backend whose RunFrame only has work now and then: run_callbacks
// may then skip it for up to FrameInterval while no event is queued. Without it, every frame runs.
type FramePacer interface {
	FrameInterval() time.Duration
}

// Backend is one implementation of ISteamGameServer: real Steam or the offline emulation.
// The Server front validates every argument and the call order before a Backend sees a call,
// so backends may assume well-formed input.
type Backend interface {
	// Name is "steamworks" or "offline".
	Name() string
	// Init starts the server. state is owned by the front: read it only under the front's
	// lock, which is held during every Backend call. Events go to events, from any goroutine.
	Init(cfg InitConfig, state *State, events *EventQueue) error
	Shutdown()
	// RunFrame does the per-frame work (Steam's callback pump) and queues what it produced.
	RunFrame()
	ReleaseCurrentThreadMemory()

	LogOn(token string)
	LogOnAnonymous()
	LogOff()
	LoggedOn() bool
	Secure() bool
	SteamID() SteamID
	PublicIP() IPAddress
	WasRestartRequested() bool

	// Apply pushes one changed field of state to the backend.
	Apply(field Field, state *State)

	// Each group of calls is declared beside the front's methods that use it.
	AuthBackend
	PacketBackend
	PlayerBackend
	StatsBackend
	UtilsBackend
}
