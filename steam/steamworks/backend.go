// Package steamworks is the steam.Backend over Valve's real libsteam_api.so (steam_api64.dll on
// Windows x86_64): the Steamworks game-server API through its flat C functions, loaded at run time
// with dlopen (LoadLibrary). Nothing links against the library, so the extension builds, loads and
// runs offline without it.
//
// Loading (Load): the library is looked for at an explicit path (Options.LibraryPath, else the
// GOSTEAM_STEAM_API environment variable), else beside the module that contains this code (the
// extension's own .so or .dll, found with dladdr or GetModuleHandleEx), else on the system search
// path. Every symbol in the
// table (symbols.go) is resolved at once; a missing library or symbol is a *LoadError naming it.
// A library that was loaded stays loaded for the life of the process (it starts threads).
//
// Callbacks use Steam's manual dispatch, pumped from RunFrame on the calling (main) thread:
// each callback struct is copied out of the library and decoded in Go, as its row in callbacks.go
// describes it at the platform's packing (4 bytes on Linux, 8 on Windows), into the events of
// package steam; async call results (AssociateWithClan, ComputeNewPlayerCompatibility, the stats
// requests, SendQueryUGCRequest, GetAppDependencies, the HTTP sends, the inventory's prices, promos
// and purchases) are fetched when SteamAPICallCompleted_t announces them, and that notice is queued
// first, as steam.APICallCompleted. Unknown callbacks are skipped.
//
// The app ID is the library's business: SteamAppId in the environment, or steam_appid.txt in the
// working directory. When InitConfig.AppID is set and the environment does not already say so,
// Init exports it as SteamAppId and SteamGameId before starting Steam.
//
// One game server per process: a second concurrent Init is refused.
package steamworks

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"strconv"
	"sync/atomic"

	"github.com/gosteam/godot-steam-server/steam"
)

// Options configures the backend. The zero value looks for the library in the usual places.
type Options struct {
	// LibraryPath, when not "", is the only Steamworks library tried (a project setting, say).
	// Otherwise $GOSTEAM_STEAM_API, then the extension's folder, then the system search path.
	LibraryPath string
}

// EnvLibraryPath names the environment variable with an explicit path to the Steamworks library
// (libsteam_api.so, steam_api64.dll), or to its folder.
const EnvLibraryPath = "GOSTEAM_STEAM_API"

// ticketBufferSize bounds an auth ticket from GetAuthSessionTicket (Valve's examples use 1024).
const ticketBufferSize = 1024

// maxCallResultSize bounds the struct fetched for a finished async call.
const maxCallResultSize = 4096

// maxPendingCalls bounds the users remembered for async calls Steam never answered.
const maxPendingCalls = 1024

// The library's functions the lifecycle, the callback pump and the status reads call.
var (
	symGameServerInit             = fn("SteamInternal_GameServer_Init_V2", shapeInit)
	symGameServerShutdown         = fn("SteamGameServer_Shutdown", shapeV)
	symGameServerGetHSteamPipe    = fn("SteamGameServer_GetHSteamPipe", shapeI32)
	symReleaseCurrentThreadMemory = fn("SteamAPI_ReleaseCurrentThreadMemory", shapeV)
	symGameServerV015             = fn("SteamAPI_SteamGameServer_v015", shapeP) // the version also in interfaceVersions
	symDispatchInit               = fn("SteamAPI_ManualDispatch_Init", shapeV)
	symDispatchRunFrame           = fn("SteamAPI_ManualDispatch_RunFrame", shapeVI32)
	symDispatchGetNextCallback    = fn("SteamAPI_ManualDispatch_GetNextCallback", shapeBI32Msg)
	symDispatchFreeLastCallback   = fn("SteamAPI_ManualDispatch_FreeLastCallback", shapeVI32)
	symDispatchGetAPICallResult   = fn("SteamAPI_ManualDispatch_GetAPICallResult", shapeBI32U64PI32I32P)

	symLogOn               = method("LogOn", shapeVPS)
	symLogOnAnonymous      = method("LogOnAnonymous", shapeVP)
	symLogOff              = method("LogOff", shapeVP)
	symBLoggedOn           = method("BLoggedOn", shapeBP)
	symBSecure             = method("BSecure", shapeBP)
	symGetSteamID          = method("GetSteamID", shapeU64P)
	symWasRestartRequested = method("WasRestartRequested", shapeBP)
	symGetPublicIP         = method("GetPublicIP", shapeIPP)
	symClearAllKeyValues   = method("ClearAllKeyValues", shapeVP)
	symSetKeyValue         = method("SetKeyValue", shapeVPSS)
)

// running is set while a backend of this process has Steam's game server initialized.
var running atomic.Bool

// Backend is the real Steam game server. steam.Server calls it with its own lock held, which
// serializes every method; it keeps no lock of its own.
type Backend struct {
	api    flat
	path   string
	pipe   int32
	events *steam.EventQueue
	live   bool // Init succeeded and Shutdown was not called since
	// pending remembers the user of each ComputeNewPlayerCompatibility, RequestUserStats and
	// StoreUserStats call still running, so a failed call can still name them.
	pending map[uint64]steam.SteamID
	// hasStats: SteamGameServerStats001 was returned at Init; without it the stats calls are refused.
	hasStats bool
	// hasUGC: the game server's ISteamUGC was returned at Init; without it the Workshop calls are refused.
	hasUGC bool
	// hasInventory: the game server's ISteamInventory was returned at Init; without it the
	// inventory calls are refused.
	hasInventory bool
	// queries remembers the query handle of each SendQueryUGCRequest still running (by its call),
	// so a failed call can still name it.
	queries map[uint64]uint64
	// dependencies remembers each GetAppDependencies call still answering (ugc_dependencies.go).
	dependencies map[uint64]dependencyCall
	// http remembers the HTTP requests' contexts and running sends (http.go).
	http httpCalls
	// hasUtils: the game server's SteamUtils010 was returned at Init (utils.go); appID is the app
	// Init was given, lastCall the last async call started since (0: none, or refused).
	hasUtils bool
	appID    uint32
	lastCall uint64
	// net: which networking interfaces Steam returned at Init (net_identity.go).
	net netInterfaces
}

var _ steam.Backend = (*Backend)(nil)

// New loads libsteam_api.so (see the package comment) and returns a backend over it. The
// library is loaded once per process and shared by every backend.
func New(opts Options) (*Backend, error) {
	lib, err := Load(opts.LibraryPath)
	if err != nil {
		return nil, err
	}
	return newBackend(lib.flat(), lib.Path()), nil
}

func newBackend(api flat, path string) *Backend { return &Backend{api: api, path: path} }

func (b *Backend) Name() string { return "steamworks" }

// LibraryPath is the libsteam_api.so this backend calls.
func (b *Backend) LibraryPath() string { return b.path }

// Init starts Steam's game server: SteamInternal_GameServer_Init_V2, then the SteamGameServer015
// interface and manual dispatch. A failure is a *steam.InitError with the library's own message.
func (b *Backend) Init(cfg steam.InitConfig, _ *steam.State, events *steam.EventQueue) error {
	if !running.CompareAndSwap(false, true) {
		return errors.New("a Steam game server is already running in this process")
	}
	exportAppID(cfg.AppID)
	exportQueryDefaults()
	status, msg := b.api.init(symGameServerInit, cfg.IP, cfg.GamePort, cfg.QueryPort, int32(cfg.Mode), cfg.Version, interfaceVersions)
	if status != int32(steam.InitOK) {
		running.Store(false)
		if msg == "" {
			msg = fmt.Sprintf("SteamGameServer init failed (ESteamAPIInitResult %d)", status)
		}
		return &steam.InitError{Status: steam.InitStatus(status), Message: msg}
	}
	if !b.api.self(symGameServerV015) {
		b.api.v(symGameServerShutdown)
		running.Store(false)
		return &steam.InitError{Status: steam.InitVersionMismatch, Message: "libsteam_api.so returned no SteamGameServer015 interface"}
	}
	b.hasStats = b.api.selfStats(symGameServerStatsV001)
	b.hasUGC = b.api.selfUGC(symGameServerUGCV020)
	b.http = newHTTPCalls(b.api.selfHTTP(symGameServerHTTPV003))
	b.hasUtils = b.api.selfUtils(symGameServerUtilsV010)
	b.appID, b.lastCall = cfg.AppID, 0
	b.hasInventory = b.api.selfInventory(symGameServerInventoryV003)
	b.initNetworking()
	b.api.v(symDispatchInit)
	b.pipe = b.api.i32(symGameServerGetHSteamPipe)
	b.events = events
	b.pending = map[uint64]steam.SteamID{}
	b.queries = map[uint64]uint64{}
	b.dependencies = map[uint64]dependencyCall{}
	b.live = true
	return nil
}

// exportQueryDefaults gives Steam's own query responder the defaults the offline one has (A2S_INFO
// challenged, a per-source rate limit) unless the game's environment already says otherwise.
func exportQueryDefaults() {
	if _, set := os.LookupEnv(steam.EnvRequireInfoChallenge); !set {
		_ = os.Setenv(steam.EnvRequireInfoChallenge, "1")
	}
	if _, set := os.LookupEnv(steam.EnvRateLimit200ms); !set {
		_ = os.Setenv(steam.EnvRateLimit200ms, strconv.Itoa(steam.DefaultRateLimit200ms))
	}
}

// exportAppID tells the library the app ID the game chose (initGameServer's app_id, or the one
// found in the environment) unless SteamAppId already names it.
func exportAppID(id uint32) {
	if id == 0 {
		return
	}
	v := strconv.FormatUint(uint64(id), 10)
	if steam.Getenv("SteamAppId") == v {
		return
	}
	_ = os.Setenv("SteamAppId", v) // Setenv only fails for invalid names
	_ = os.Setenv("SteamGameId", v)
}

// Shutdown logs off and releases Steam's game server; callbacks not yet pumped are dropped.
func (b *Backend) Shutdown() {
	if !b.live {
		return
	}
	b.api.v(symGameServerShutdown)
	b.live = false
	b.events = nil
	b.pending = nil
	b.queries = nil
	b.dependencies = nil
	b.http = httpCalls{}
	b.net = netInterfaces{}
	running.Store(false)
}

// RunFrame pumps Steam's callbacks (manual dispatch) and queues their events in order.
func (b *Backend) RunFrame() {
	if !b.live {
		return
	}
	b.api.vI32(symDispatchRunFrame, b.pipe)
	for {
		id, param, ok := b.api.nextCallback(symDispatchGetNextCallback, b.pipe)
		if !ok {
			return
		}
		switch {
		case id == idAPICallCompleted:
			b.callCompleted(param)
		case answersCalls[id]:
			// The answer to a call of ours comes through its call result; some Steams (the
			// emulator) also post it as a callback, which would be a second event for one call.
		default:
			if ev, ok := decodeCallback(id, param); ok {
				b.events.Push(b.completeInventory(ev))
			}
		}
		b.api.vI32(symDispatchFreeLastCallback, b.pipe)
	}
}

// callCompleted fetches the result of a finished async call, while its SteamAPICallCompleted_t is
// the current callback, and queues its event.
func (b *Backend) callCompleted(param []byte) {
	done, ok := decodeAPICallCompleted(param)
	if !ok {
		return
	}
	b.events.Push(steam.APICallCompleted{Call: done.call, Callback: done.id, Size: done.size})
	if done.size == 0 || done.size > maxCallResultSize {
		return
	}
	result, failed, ok := b.api.apiCallResult(symDispatchGetAPICallResult, b.pipe, done.call, int(done.size), done.id)
	if !ok || failed {
		result = nil // the call failed (e.g. Steam went away): report it as such below
	}
	player, query := b.pending[done.call], b.queries[done.call]
	delete(b.pending, done.call)
	delete(b.queries, done.call)
	httpFailed, isHTTP := b.http.answered(done.call)
	ev, decoded := decodeCallback(done.id, result)
	file, _ := b.dependenciesAnswered(done.call, ev)
	if decoded {
		b.events.Push(b.completeInventory(ev))
		return
	}
	if ev, ok := failedInventoryCall(done.id, player); ok {
		b.events.Push(ev)
		return
	}
	switch {
	case isHTTP && done.id == idHTTPRequestCompleted:
		b.events.Push(httpFailed) // no response: success false, status 0
	case done.id == idAssociateWithClanResult:
		b.events.Push(steam.AssociateClan{Result: steam.ResultFail})
	case done.id == idPlayerCompatibilityResult:
		b.events.Push(steam.PlayerCompat{Result: steam.ResultFail, SteamID: player})
	case done.id == idStatsReceived:
		b.events.Push(steam.StatsReceived{Result: steam.ResultFail, SteamID: player})
	case done.id == idStatsStored:
		b.events.Push(steam.StatsStored{Result: steam.ResultFail, SteamID: player})
	case done.id == idUGCQueryCompleted:
		b.events.Push(steam.UGCQueryCompleted{Handle: query, Result: steam.ResultFail})
	case done.id == idAppDependencies:
		b.events.Push(steam.AppDependencies{Result: steam.ResultFail, FileID: file})
	}
}

func (b *Backend) ReleaseCurrentThreadMemory() { b.api.v(symReleaseCurrentThreadMemory) }

func (b *Backend) LogOn(token string)        { b.api.vPS(symLogOn, token) }
func (b *Backend) LogOnAnonymous()           { b.api.vP(symLogOnAnonymous) }
func (b *Backend) LogOff()                   { b.api.vP(symLogOff) }
func (b *Backend) LoggedOn() bool            { return b.api.bP(symBLoggedOn) }
func (b *Backend) Secure() bool              { return b.api.bP(symBSecure) }
func (b *Backend) SteamID() steam.SteamID    { return steam.SteamID(b.api.u64P(symGetSteamID)) }
func (b *Backend) WasRestartRequested() bool { return b.api.bP(symWasRestartRequested) }

// PublicIP is SteamIPAddress_t: an IPv4 address is a host-order uint32 in the union's first
// bytes (little endian on x86_64), an IPv6 one its 16 bytes in network order.
func (b *Backend) PublicIP() steam.IPAddress {
	typ, raw := b.api.ipP(symGetPublicIP)
	ip := steam.IPAddress{Type: steam.IPType(typ)}
	if ip.Type == steam.IPTypeIPv6 {
		ip.IPv6 = raw
	} else {
		ip.IPv4 = binary.LittleEndian.Uint32(raw[:4])
	}
	return ip
}

// Apply pushes one changed field to Steam with its setter (setters.go). Rules are replaced as a
// whole: ClearAllKeyValues, then SetKeyValue for each in order.
func (b *Backend) Apply(field steam.Field, st *steam.State) {
	if field != steam.FieldKeyValues {
		b.applySetter(field, st)
		return
	}
	b.api.vP(symClearAllKeyValues)
	for _, kv := range st.KeyValues {
		b.api.vPSS(symSetKeyValue, kv.Key, kv.Value)
	}
}
