// Package offline is a steam.Backend that needs no Steam client: it emulates a game server's side of
// Steamworks well enough for development, automated tests and LAN play. Log-on always succeeds,
// tickets are issued and verified locally, and licences and group memberships come from Options.
//
// Decisions where Steam itself cannot be asked:
//   - The server's Steam ID is generated at Init: universe 1 (public), account type 4 (AnonGameServer),
//     instance 0, a random non-zero account ID. LogOn(token) switches to a persistent ID of account
//     type 3 (GameServer) whose account ID is the first 4 bytes of SHA-256(token) (1 if they are 0), so
//     one token always gives the same ID. LogOnAnonymous goes back to the ID generated at Init.
//   - LogOn or LogOnAnonymous while already logged on is ignored (no event, the ID does not change):
//     Steam does not reconnect an already connected server. Call LogOff first to switch accounts.
//   - LogOff while logged on queues ServerDisconnected{Result: ResultOK} (a disconnection that was asked
//     for is not an error; real servers do deliver SteamServersDisconnected_t with k_EResultOK); while
//     not logged on it does nothing. Shutdown logs off without an event.
//   - PublicIP is the IPv4 address given to Init, or 127.0.0.1 when that was 0 (all interfaces).
//   - WasRestartRequested is false unless a test called RequestRestart; it reverts after one read.
//   - The app ID is InitConfig.AppID, or Options.AppID when that is 0, or DefaultAppID (480, Spacewar).
//
// Concurrency: steam.Server calls every Backend method with its own mutex held. The backend still
// takes a small mutex of its own in every method, because the test helpers (IssueTicket,
// RequestRestart) may be called from a test goroutine that does not hold the front's lock.
package offline

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"sync"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
)

// DefaultAppID is Spacewar, Valve's public test app, used when neither InitConfig nor Options names an app.
const DefaultAppID = 480

// DefaultTicketLifetime is how long an auth ticket can be used with BeginAuthSession after it was issued.
const DefaultTicketLifetime = time.Hour

// DefaultMaxOutgoingPackets bounds the GameSocketShare outgoing queue.
const DefaultMaxOutgoingPackets = 256

// localhost is 127.0.0.1 in host byte order.
const localhost = 0x7F000001

// GroupMembership is what RequestUserGroupStatus reports for one user in one group.
type GroupMembership struct{ Member, Officer bool }

// Options configures the emulation. The zero value is usable.
type Options struct {
	// AppID is used when InitConfig.AppID is 0; when it is 0 too, DefaultAppID is used.
	AppID uint32
	// Licenses lists, per user, the apps (typically DLC) owned besides the server's own app.
	// A user with a validated auth session always owns the server's app.
	Licenses map[steam.SteamID][]uint32
	// Groups is indexed Groups[user][group]; a missing entry means neither member nor officer.
	Groups map[steam.SteamID]map[steam.SteamID]GroupMembership
	// Clock is the time source for ticket issue and expiry times; nil means time.Now.
	Clock func() time.Time
	// TicketLifetime is how long a ticket stays usable; 0 means DefaultTicketLifetime.
	TicketLifetime time.Duration
	// MaxOutgoingPackets bounds the GameSocketShare outgoing queue; 0 means DefaultMaxOutgoingPackets.
	MaxOutgoingPackets int
}

// Backend is the offline emulation of ISteamGameServer.
type Backend struct {
	opts Options

	mu          sync.Mutex
	initialized bool
	cfg         steam.InitConfig
	appID       uint32
	state       *steam.State // owned by the front; read only during a Backend call
	events      *steam.EventQueue

	anonID   steam.SteamID // generated at Init
	steamID  steam.SteamID // current identity
	loggedOn bool
	restart  bool
	clan     steam.SteamID

	auth authRegistry
	out  packetQueue
}

var _ steam.Backend = (*Backend)(nil)

// New makes an offline backend. Options are copied; the maps in it must not change afterwards.
func New(opts Options) *Backend {
	if opts.Clock == nil {
		opts.Clock = time.Now
	}
	if opts.TicketLifetime <= 0 {
		opts.TicketLifetime = DefaultTicketLifetime
	}
	if opts.MaxOutgoingPackets <= 0 {
		opts.MaxOutgoingPackets = DefaultMaxOutgoingPackets
	}
	b := &Backend{opts: opts}
	b.auth.reset()
	b.out.reset(opts.MaxOutgoingPackets)
	return b
}

func (b *Backend) Name() string { return "offline" }

// Init starts the emulated server. It succeeds without Steam; the server is not logged on yet.
func (b *Backend) Init(cfg steam.InitConfig, state *steam.State, events *steam.EventQueue) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.cfg = cfg
	b.appID = cfg.AppID
	if b.appID == 0 {
		b.appID = b.opts.AppID
	}
	if b.appID == 0 {
		b.appID = DefaultAppID
	}
	b.state = state
	b.events = events
	b.anonID = steam.NewSteamID(steam.UniversePublic, steam.AccountTypeAnonGameServer, 0, randomAccountID())
	b.steamID = b.anonID
	b.loggedOn = false
	b.restart = false
	b.clan = 0
	b.auth.reset()
	b.out.reset(b.opts.MaxOutgoingPackets)
	b.initialized = true
	return nil
}

// Shutdown logs off without an event (nobody drains the queue after shutdown) and releases everything.
// The backend may be initialized again.
func (b *Backend) Shutdown() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.loggedOn = false
	b.initialized = false
	b.state = nil
	b.events = nil
	b.clan = 0
	b.restart = false
	b.auth.reset()
	b.out.reset(b.opts.MaxOutgoingPackets)
}

// RunFrame does the timed work: for now, forgetting tickets too old to be used.
func (b *Backend) RunFrame() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.initialized {
		b.auth.prune(b.opts.Clock(), b.opts.TicketLifetime)
	}
}

func (b *Backend) ReleaseCurrentThreadMemory() {}

// FrameInterval tells the extension RunFrame only prunes old tickets, so it need not run each frame.
func (b *Backend) FrameInterval() time.Duration { return time.Second }

func (b *Backend) push(ev steam.Event) {
	if b.events != nil {
		b.events.Push(ev)
	}
}

// LogOn logs on to the persistent game-server account the token names (see the package comment).
func (b *Backend) LogOn(token string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.loggedOn {
		return
	}
	b.steamID = persistentID(token)
	b.logOn()
}

// LogOnAnonymous logs on with the anonymous ID generated at Init.
func (b *Backend) LogOnAnonymous() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.loggedOn {
		return
	}
	b.steamID = b.anonID
	b.logOn()
}

func (b *Backend) logOn() {
	b.loggedOn = true
	b.push(steam.ServerConnected{})
	b.push(steam.PolicyResponse{Secure: b.cfg.Mode == steam.ServerModeAuthenticationAndSecure})
}

func (b *Backend) LogOff() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.loggedOn {
		return
	}
	b.loggedOn = false
	b.push(steam.ServerDisconnected{Result: steam.ResultOK})
}

func (b *Backend) LoggedOn() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.loggedOn
}

// Secure is true while logged on in mode 3 (authentication and secure).
func (b *Backend) Secure() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.loggedOn && b.cfg.Mode == steam.ServerModeAuthenticationAndSecure
}

// SteamID is the server's current identity; 0 before the first Init.
func (b *Backend) SteamID() steam.SteamID {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.steamID
}

// AppID is the app the server runs as (see Options.AppID).
func (b *Backend) AppID() uint32 {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.effectiveAppID()
}

func (b *Backend) effectiveAppID() uint32 {
	if b.appID != 0 {
		return b.appID
	}
	if b.opts.AppID != 0 {
		return b.opts.AppID
	}
	return DefaultAppID
}

// PublicIP is the address given to Init, or 127.0.0.1 when the server binds all interfaces.
func (b *Backend) PublicIP() steam.IPAddress {
	b.mu.Lock()
	defer b.mu.Unlock()
	ip := b.cfg.IP
	if ip == 0 {
		ip = localhost
	}
	return steam.IPAddress{Type: steam.IPTypeIPv4, IPv4: ip}
}

// RequestRestart makes the next WasRestartRequested report true, as when the master server says the
// server is out of date.
func (b *Backend) RequestRestart() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.restart = true
}

// WasRestartRequested reports a pending RequestRestart and clears it.
func (b *Backend) WasRestartRequested() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	r := b.restart
	b.restart = false
	return r
}

// Apply does nothing: the backend reads the front's State directly when it needs it.
func (b *Backend) Apply(steam.Field, *steam.State) {}

// Clan is the clan given to the last AssociateWithClan, 0 if none.
func (b *Backend) Clan() steam.SteamID {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.clan
}

func (b *Backend) AssociateWithClan(clan steam.SteamID) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.clan = clan
	b.push(steam.AssociateClan{Result: steam.ResultOK})
}

// ComputeNewPlayerCompatibility reports that nobody minds the new player.
func (b *Backend) ComputeNewPlayerCompatibility(player steam.SteamID) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.push(steam.PlayerCompat{Result: steam.ResultOK, SteamID: player})
}

// RequestUserGroupStatus answers from Options.Groups at once.
func (b *Backend) RequestUserGroupStatus(user, group steam.SteamID) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	m := b.opts.Groups[user][group]
	b.push(steam.ClientGroupStatus{SteamID: user, GroupID: group, Member: m.Member, Officer: m.Officer})
	return true
}

// randomAccountID is a non-zero random 32-bit account ID.
func randomAccountID() uint32 {
	var buf [4]byte
	for {
		_, _ = rand.Read(buf[:]) // crypto/rand.Read never fails on supported platforms
		if id := binary.LittleEndian.Uint32(buf[:]); id != 0 {
			return id
		}
	}
}

// persistentID is the GameServer ID a log-on token stands for.
func persistentID(token string) steam.SteamID {
	sum := sha256.Sum256([]byte(token))
	account := binary.BigEndian.Uint32(sum[:4])
	if account == 0 {
		account = 1
	}
	return steam.NewSteamID(steam.UniversePublic, steam.AccountTypeGameServer, 0, account)
}
