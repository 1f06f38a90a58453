package offline

// The networking calls' place in the Backend: the core is made at the first networking call after
// Init, follows the server's Steam ID, and is closed at Shutdown.

import (
	"strconv"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
)

var _ steam.NetworkingBackend = (*Backend)(nil)

// EnvSDRListenPort is the variable Steam reads for a hosted dedicated server's UDP port.
const EnvSDRListenPort = "SDR_LISTEN_PORT"

// NetOptions configures the offline networking (Options.Net). The zero value is usable.
type NetOptions struct {
	// MaxConnections bounds the server's connections of every kind; 0 means DefaultMaxConnections.
	MaxConnections int
	// ChallengeWindow is how long a handshake's challenge is good: between one and two windows.
	// 0 means 5 s.
	ChallengeWindow time.Duration
	// OnMessage, when set, is called each time a received message is queued for the game (once it
	// is: a receive call made after it returns finds the message): from the transport's
	// goroutines, with its lock held, so it must return at once and not call the server. A program
	// that waits for messages instead of polling for them uses it.
	OnMessage func()
	// socket replaces how UDP sockets are opened (tests).
	socket func(addr string) (datagramConn, error)
}

// netc is the networking core, made at the first call. The front calls networking methods only
// after Init; before it (a test calling the backend directly) the core has no realm to sign with.
func (b *Backend) netc() *netCore {
	if n := b.net.Load(); n != nil {
		return n
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.net.Load() == nil {
		port, _ := strconv.ParseUint(steam.Getenv(EnvSDRListenPort), 10, 16)
		b.net.Store(newNetCore(netSettings{realm: b.realm, appID: b.effectiveAppID(), identity: b.steamID, bindIP: b.cfg.IP,
			clock: b.opts.Clock, maxConnections: b.opts.Net.MaxConnections, hostedPort: uint16(port),
			cookieWindow: b.opts.Net.ChallengeWindow, socket: b.opts.Net.socket, onMessage: b.opts.Net.OnMessage}, b.events))
	}
	return b.net.Load()
}

// inNet runs fn with the networking core locked.
func inNet[T any](b *Backend, fn func(n *netCore) T) T {
	n := b.netc()
	n.mu.Lock()
	defer n.mu.Unlock()
	return fn(n)
}

// netIdentityChanged tells the core the server's Steam ID changed (logOn). Called with b.mu held.
func (b *Backend) netIdentityChanged() {
	if n := b.net.Load(); n != nil {
		n.setServerIdentity(b.steamID)
	}
}

// stopNet closes the networking (Shutdown): peers are told, sockets closed, goroutines ended.
func (b *Backend) stopNet() {
	b.mu.Lock()
	n := b.net.Swap(nil)
	b.mu.Unlock()
	if n != nil {
		n.close()
	}
}

// netTraffic is what the networking dropped or refused, for Traffic.
func (b *Backend) netTraffic(t *steam.Traffic) {
	n := b.net.Load()
	if n == nil {
		return
	}
	t[steam.TrafficMalformed] += n.traffic.malformed.Load()
	t[steam.TrafficRateLimited] += n.traffic.rateLimited.Load()
}
