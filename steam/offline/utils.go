package offline

// The Utils calls offline: answers from the server's own state and the data file.
//   - ServerRealTime is the Clock's Unix time.
//   - IPCountry is the data file's "ip_country" ("" by default: there is no IP lookup offline).
//   - SecondsSinceAppActive counts from when this package was loaded (the extension, at start-up),
//     as Steam counts from the app's start: serverShutdown and serverInit do not restart it.
//     SecondsSinceComputerActive is the same count: a dedicated server sees no user input.
//   - SteamUILanguage is "english" and CurrentBatteryPower 255 (on AC power): a game server has no
//     Steam client UI and, offline, no battery reading.
//   - InitFilterText succeeds and FilterText returns the text unchanged: Steam's filter follows
//     each player's settings and dictionaries offline has none of.
//   - Async calls (apicalls.go in steam) complete at once: each call result event is numbered
//     when it is queued and preceded by its APICallCompleted; the last one is completed, not failed.
//   - There are no images: ImageSize and ImageRGBA refuse every handle.

import (
	"errors"
	"sync/atomic"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
)

// loadedAt is when the extension loaded this package: the app's start, offline.
var loadedAt = time.Now()

// uiLanguage is GetSteamUILanguage's answer offline: Steam's default language.
const uiLanguage = "english"

var errNoImages = errors.New("the offline backend has no images: Steam's image handles come from a player's " +
	"avatars and achievement icons (ISteamFriends, ISteamUserStats), which a game server does not load")

// apiCalls numbers the offline async calls. next is never reset, so a handle is never reused in a
// process, as Steam's are not; last (0: none since Init) is what isAPICallCompleted answers about.
type apiCalls struct {
	next atomic.Uint64
	last atomic.Uint64
}

// announceCallResult queues the APICallCompleted of ev when ev answers an async call: offline the
// call completes as its result is queued. Called by push and the HTTP goroutines' pushFrom, before
// ev, with the queue ev goes to.
func (b *Backend) announceCallResult(q *steam.EventQueue, ev steam.Event) {
	kind, ok := steam.CallResultOf(ev)
	if !ok {
		return
	}
	call := b.calls.next.Add(1)
	b.calls.last.Store(call)
	q.Push(steam.APICallCompleted{Call: call, Callback: kind.Callback, Size: kind.Size()})
}

func (b *Backend) ServerRealTime() uint32 { return uint32(b.opts.Clock().Unix()) }

func (b *Backend) IPCountry() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.data.IPCountry
}

func (b *Backend) SecondsSinceAppActive() uint32 {
	return uint32(max(0, b.opts.Clock().Sub(loadedAt)/time.Second))
}

func (b *Backend) SecondsSinceComputerActive() uint32 { return b.SecondsSinceAppActive() }

func (b *Backend) SteamUILanguage() string { return uiLanguage }

func (b *Backend) CurrentBatteryPower() uint8 { return steam.BatteryOnACPower }

func (b *Backend) InitFilterText() bool { return true }

func (b *Backend) FilterText(_ steam.TextFilteringContext, _ steam.SteamID, message string) string {
	return message
}

func (b *Backend) APICallCompleted() (completed, failed bool) { return b.calls.last.Load() != 0, false }

func (b *Backend) APICallFailureReason() steam.APICallFailure {
	if b.calls.last.Load() == 0 {
		return steam.APICallFailureInvalidHandle
	}
	return steam.APICallFailureNone
}

func (b *Backend) ImageSize(int32) (uint32, uint32, error) { return 0, 0, errNoImages }

func (b *Backend) ImageRGBA(int32, int) ([]byte, error) { return nil, errNoImages }
