// Package offline is a steam.Backend that needs no Steam client: it emulates a game server's side of
// Steamworks well enough for development, automated tests and LAN play. Log-on always succeeds,
// tickets are signed and verified with a realm key shared by the processes of one test realm
// (realm.go, auth.go), and licences, group memberships, bans and the other answers Steam would give
// come from an offline data file (data.go). Tests script the rest (scripted.go).
//
// Decisions where Steam itself cannot be asked:
//   - The server's Steam ID is generated at Init: universe 1 (public), account type 4 (AnonGameServer),
//     instance 0, a random non-zero account ID. LogOn(token) switches to a persistent ID of account
//     type 3 (GameServer) whose account ID is the first 4 bytes of SHA-256(token) (1 if they are 0), so
//     one token always gives the same ID. LogOnAnonymous goes back to the ID generated at Init.
//   - A log-on completes at the next RunFrame, as Steam's completes after its connection: LoggedOn
//     turns true there, and ServerConnected and PolicyResponse are queued, so run_callbacks emits
//     server_connected in the frame loggedOn() turns true. Until then the server is connecting.
//   - LogOn or LogOnAnonymous while connecting or logged on is ignored (no event, the ID does not
//     change): Steam does not reconnect an already connected server. Call LogOff first to switch.
//   - LogOff while logged on queues ServerDisconnected{Result: ResultOK} (a disconnection that was asked
//     for is not an error; real servers do deliver SteamServersDisconnected_t with k_EResultOK); while
//     connecting it cancels the log-on without an event; otherwise it does nothing. Shutdown logs off
//     without an event.
//   - PublicIP is the IPv4 address given to Init, or 127.0.0.1 when that was 0 (all interfaces).
//   - WasRestartRequested is false unless a test called RequestRestart; it reverts after one read.
//   - Secure is true while logged on in mode 3 (authentication and secure), unless a scripted
//     PolicyResponse said otherwise since the log-on.
//   - The app ID is InitConfig.AppID, or Options.AppID when that is 0, or DefaultAppID (480, Spacewar).
//
// Concurrency: steam.Server calls every Backend method with its own mutex held. The backend still
// takes a small mutex of its own in every method, because the test helpers (IssueTicket,
// RequestRestart, Players) may be called from a test goroutine that does not hold the front's lock.
package offline

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"sync"
	"sync/atomic"
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

// Options configures the emulation. The zero value is usable.
type Options struct {
	// AppID is used when InitConfig.AppID is 0; when it is 0 too, DefaultAppID is used.
	AppID uint32
	// Realm signs and checks auth tickets. nil: LoadRealm at each Init (GOSTEAM_REALM_KEY,
	// GOSTEAM_REALM_KEY_FILE, else the key file in the user's config folder, made on first use).
	Realm *Realm
	// Data answers licences, groups, bans, compatibility and clan association. nil: LoadData at each
	// Init (GOSTEAM_OFFLINE_DATA, else steam_offline.json in the working directory, else defaults).
	Data *Data
	// AfterWorkshopChunk, for tests, runs on a download's goroutine after each 64 KiB it copies
	// (ugc_download.go): a test can hold a download mid-way.
	AfterWorkshopChunk func()
	// Clock is the time source for ticket issue and expiry times; nil means time.Now.
	Clock func() time.Time
	// TicketLifetime is how long a ticket stays usable; 0 means DefaultTicketLifetime.
	TicketLifetime time.Duration
	// MaxOutgoingPackets bounds the GameSocketShare outgoing queue; 0 means DefaultMaxOutgoingPackets.
	MaxOutgoingPackets int
	// Queries configures the A2S server-query responder (a2s_server.go).
	Queries QueryOptions
	// HTTP configures the HTTP client (http.go).
	HTTP HTTPOptions
	// Net configures the networking interfaces (net_backend.go).
	Net NetOptions
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
	// connecting: a log-on was asked for and completes at the next RunFrame.
	connecting bool
	restart    bool
	clan       steam.SteamID
	// policySecure is what the last PolicyResponse said (set at log-on, or scripted).
	policySecure bool

	realm   *Realm // from Options or loaded at Init
	data    *Data
	auth    authRegistry
	players playerList
	out     packetQueue
	a2s     *a2sResponder // answers server queries; nil when none (a2s_server.go)
	// userStats holds the users' stats requestUserStats fetched (stats.go).
	userStats map[steam.SteamID]*userStats
	// queries and ws are the Workshop's queries and downloads (ugc_query.go, ugc_download.go).
	queries ugcQueries
	ws      workshopState
	// web is the HTTP client of this Init (http.go); nil while not initialized.
	web *httpEngine
	// calls numbers the async calls' results (utils.go).
	calls apiCalls
	// net is the networking (net_core.go), made at the first networking call (under mu), and read
	// without mu: a game polling for messages in a tight loop does not take the backend's lock.
	net atomic.Pointer[netCore]
	// inv is the inventory's results and updates (inventory_results.go).
	inv inventoryState
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
	b := &Backend{opts: opts, data: NewData()}
	b.auth.reset()
	b.players.reset()
	b.out.reset(opts.MaxOutgoingPackets)
	b.inv.reset()
	return b
}

func (b *Backend) Name() string { return "offline" }

// Init starts the emulated server. It succeeds without Steam; the server is not logged on yet. It
// fails, changing nothing, when the realm key or the data file cannot be loaded.
func (b *Backend) Init(cfg steam.InitConfig, state *steam.State, events *steam.EventQueue) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	realm, data := b.opts.Realm, b.opts.Data
	var err error
	if realm == nil {
		if realm, err = LoadRealm(); err != nil {
			return err
		}
	}
	if data == nil {
		if data, err = LoadData(); err != nil {
			return err
		}
	}
	appID := cfg.AppID
	if appID == 0 {
		appID = b.opts.AppID
	}
	if appID == 0 {
		appID = DefaultAppID
	}
	if err := b.statsInit(realm, appID); err != nil {
		return err
	}
	if err := b.inventoryInit(realm, appID); err != nil {
		return err
	}
	b.realm, b.data = realm, data
	b.cfg = cfg
	b.appID = appID
	b.state = state
	b.events = events
	b.anonID = steam.NewSteamID(steam.UniversePublic, steam.AccountTypeAnonGameServer, 0, randomAccountID())
	b.steamID = b.anonID
	b.loggedOn, b.connecting = false, false
	b.restart = false
	b.clan = 0
	b.policySecure = false
	b.calls.last.Store(0)
	b.auth.reset()
	b.players.reset()
	b.out.reset(b.opts.MaxOutgoingPackets)
	web, err := newHTTPEngine(b.opts.HTTP, appID, b.pushFrom(events))
	if err != nil {
		return err
	}
	if err := b.startQueries(); err != nil {
		return err
	}
	b.web = web
	b.initialized = true
	return nil
}

// Shutdown logs off without an event (nobody drains the queue after shutdown) and releases everything.
// The backend may be initialized again.
func (b *Backend) Shutdown() {
	b.stopDownloads()
	b.webEngine().shutdown()
	b.stopNet()
	b.mu.Lock()
	defer b.mu.Unlock()
	b.queries = ugcQueries{}
	b.stopQueries()
	b.loggedOn, b.connecting = false, false
	b.initialized = false
	b.state = nil
	b.events = nil
	b.clan = 0
	b.restart = false
	b.auth.reset()
	b.players.reset()
	b.out.reset(b.opts.MaxOutgoingPackets)
	b.userStats = nil
	b.web = nil
	b.inv.reset()
}

// RunFrame does the timed work, at most once a second: forgetting tickets too old to be used, and
// reporting tickets other servers of the realm canceled to the sessions holding them. At every
// frame it finishes the inventory results and answers made since the last one.
func (b *Backend) RunFrame() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.initialized {
		if b.connecting {
			b.connected()
		}
		b.authFrame(b.opts.Clock())
		b.inventoryFrame()
	}
}

func (b *Backend) ReleaseCurrentThreadMemory() {}

// FrameInterval tells the extension RunFrame only has work once a second, so it need not run each frame.
func (b *Backend) FrameInterval() time.Duration { return time.Second }

func (b *Backend) push(ev steam.Event) {
	if b.events != nil {
		b.announceCallResult(b.events, ev)
		b.events.Push(ev)
	}
}

// LogOn logs on to the persistent game-server account the token names (see the package comment).
func (b *Backend) LogOn(token string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.loggedOn || b.connecting {
		return
	}
	b.steamID = persistentID(token)
	b.netIdentityChanged()
	b.logOn()
}

// LogOnAnonymous logs on with the anonymous ID generated at Init.
func (b *Backend) LogOnAnonymous() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.loggedOn || b.connecting {
		return
	}
	b.steamID = b.anonID
	b.netIdentityChanged()
	b.logOn()
}

func (b *Backend) logOn() { b.connecting = true }

// connected completes the log-on (RunFrame).
func (b *Backend) connected() {
	b.connecting = false
	b.loggedOn = true
	b.policySecure = b.cfg.Mode == steam.ServerModeAuthenticationAndSecure
	b.publishQueries(fieldIdentity)
	b.push(steam.ServerConnected{})
	b.push(steam.PolicyResponse{Secure: b.policySecure})
}

func (b *Backend) LogOff() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.connecting = false
	if !b.loggedOn {
		return
	}
	b.loggedOn = false
	b.publishQueries(fieldIdentity)
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
	return b.secureLocked()
}

// secureLocked is Secure for a caller holding b.mu: logged on, and the last PolicyResponse said secure.
func (b *Backend) secureLocked() bool { return b.loggedOn && b.policySecure }

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

// Clan is the clan given to the last AssociateWithClan, 0 if none.
func (b *Backend) Clan() steam.SteamID {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.clan
}

// AssociateWithClan answers with the data's result for the clan (ResultOK by default); the server is
// associated only when that is OK.
func (b *Backend) AssociateWithClan(clan steam.SteamID) {
	b.mu.Lock()
	defer b.mu.Unlock()
	r := b.data.ClanResult(clan)
	if r == steam.ResultOK {
		b.clan = clan
	}
	b.push(steam.AssociateClan{Result: r})
}

// ComputeNewPlayerCompatibility answers from the data's "compat" entry for the player; by default
// nobody minds the new player.
func (b *Backend) ComputeNewPlayerCompatibility(player steam.SteamID) {
	b.mu.Lock()
	defer b.mu.Unlock()
	c, ok := b.data.Compat[player]
	if !ok {
		c = Compat{Result: steam.ResultOK}
	}
	b.push(steam.PlayerCompat{Result: c.Result, PlayersDontLikeCandidate: c.PlayersDontLikeCandidate,
		PlayersCandidateDoesntLike: c.PlayersCandidateDoesntLike, ClanPlayersDontLikeCandidate: c.ClanPlayersDontLikeCandidate, SteamID: player})
}

// RequestUserGroupStatus answers from the data's group memberships at once.
func (b *Backend) RequestUserGroupStatus(user, group steam.SteamID) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	m := b.data.Users[user].Groups[group]
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
