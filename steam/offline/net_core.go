package offline

// The offline networking of one Backend: a netCore, made at the first networking call after Init
// and closed at Shutdown. It owns the UDP endpoints (net_endpoint.go), the connections
// (net_conn.go), listen sockets, poll groups and NetworkingMessages sessions, under one mutex.
// Three kinds of goroutine take that mutex: the game's calls (through the front, which holds its
// own lock too), one reader per UDP endpoint, and the service loop below, which runs the
// connections' timers (retransmissions, acks, Nagle, keepalives, timeouts, lingering closes). None
// of them takes the front's lock or the backend's, so no lock order can deadlock. A receive call
// that finds nothing takes neither this mutex nor the backend's (net_ready.go).

import (
	crand "crypto/rand"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
)

// Bounds of one server's networking (see docs/networking.md).
const (
	DefaultMaxConnections = 4096
	maxListenSockets      = 256
	maxPollGroups         = 4096
	// handshakesPer200ms bounds challenge requests and connects from one IPv4 address.
	handshakesPer200ms = 200
	// timestampBase makes getLocalTimestamp start at 30 days, as Steam's does.
	timestampBase = 30 * 24 * 3600 * 1_000_000
)

// processStart is the origin of the networking clock: one clock for every server of the process,
// as Steam's GetLocalTimestamp is per process.
var processStart = time.Now()

// netNow is the networking clock in microseconds (getLocalTimestamp).
func netNow() int64 { return timestampBase + time.Since(processStart).Microseconds() }

// lastNetHandle numbers connections, listen sockets and poll groups of every server of the
// process from one counter, so a handle of one kind (or of another server) never names another.
var lastNetHandle atomic.Uint32

func nextNetHandle() uint32 {
	for {
		if h := lastNetHandle.Add(1); h != 0 {
			return h
		}
	}
}

// netSettings is what the core takes from its backend at creation.
type netSettings struct {
	realm          *Realm
	appID          uint32
	identity       steam.SteamID // the server's Steam ID
	bindIP         uint32        // serverInit's IP: where session and P2P endpoints listen
	clock          func() time.Time
	maxConnections int
	hostedPort     uint16 // SDR_LISTEN_PORT
	cookieWindow   time.Duration
	// socket opens a UDP endpoint; tests replace it.
	socket func(addr string) (datagramConn, error)
	// onMessage is NetOptions.OnMessage.
	onMessage func()
}

type netCore struct {
	mu     netLock
	set    netSettings
	events *steam.EventQueue

	identity  steam.SteamID // ResetIdentity's; 0: the server's own
	cookieKey [32]byte
	config    netConfigStore
	rng       *rand.Rand

	conns      map[steam.NetConnection]*netConn
	live       int // connections of every kind, API-visible or not, until destroyed
	listeners  map[steam.ListenSocket]*netListener
	pollGroups map[steam.PollGroup]*netPollGroup
	endpoints  map[*netEndpoint]struct{}
	sessions   *netSessions // made at the first NetworkingMessages or P2P call
	limiter    *rateLimiter
	traffic    netTraffic
	ready      readyCounts // what an empty poll reads without mu (net_ready.go)

	relayAsked, authAsked bool

	wake     chan struct{}
	nextWake int64
	stop     chan struct{}
	wg       sync.WaitGroup
	closed   bool
}

// netTraffic counts what peers sent that was dropped or refused (getServerState's traffic).
type netTraffic struct {
	malformed, refused, rateLimited atomic.Uint64
}

func newNetCore(set netSettings, events *steam.EventQueue) *netCore {
	if set.maxConnections <= 0 {
		set.maxConnections = DefaultMaxConnections
	}
	if set.cookieWindow <= 0 {
		set.cookieWindow = 5 * time.Second
	}
	if set.socket == nil {
		set.socket = listenUDP
	}
	n := &netCore{set: set, events: events,
		conns: map[steam.NetConnection]*netConn{}, listeners: map[steam.ListenSocket]*netListener{},
		pollGroups: map[steam.PollGroup]*netPollGroup{}, endpoints: map[*netEndpoint]struct{}{},
		limiter: newRateLimiter(handshakesPer200ms), wake: make(chan struct{}, 1), stop: make(chan struct{})}
	_, _ = crand.Read(n.cookieKey[:])
	var seed [16]byte
	_, _ = crand.Read(seed[:])
	n.rng = rand.New(rand.NewPCG(leU64(seed[:8]), leU64(seed[8:])))
	n.config.init()
	n.wg.Add(1)
	go n.serviceLoop()
	return n
}

func leU64(b []byte) uint64 {
	var v uint64
	for i := 7; i >= 0; i-- {
		v = v<<8 | uint64(b[i])
	}
	return v
}

// currentIdentity is who this process is to its peers: ResetIdentity's user, else the server.
func (n *netCore) currentIdentity() steam.SteamID {
	if n.identity != 0 {
		return n.identity
	}
	return n.set.identity
}

func (n *netCore) push(ev steam.Event) {
	if n.events != nil && !n.closed {
		n.events.Push(ev)
	}
}

// schedule asks the service loop to run by t. Called with n.mu held.
func (n *netCore) schedule(t int64) {
	if t <= 0 || n.nextWake != 0 && n.nextWake <= t {
		return
	}
	n.nextWake = t
	select {
	case n.wake <- struct{}{}:
	default:
	}
}

// serviceLoop runs every connection's timers when the earliest of them is due.
func (n *netCore) serviceLoop() {
	defer n.wg.Done()
	timer := time.NewTimer(time.Hour)
	defer timer.Stop()
	for {
		select {
		case <-n.stop:
			return
		case <-n.wake:
		case <-timer.C:
		}
		n.mu.Lock()
		now := netNow()
		if n.nextWake == 0 || n.nextWake <= now {
			n.nextWake = 0
			n.serviceAll(now)
		}
		wait := time.Hour
		if n.nextWake != 0 {
			wait = time.Duration(max(n.nextWake-now, 200)) * time.Microsecond
		}
		n.mu.Unlock()
		if !timer.Stop() {
			select {
			case <-timer.C:
			default:
			}
		}
		timer.Reset(wait)
	}
}

// serviceAll runs each endpoint's connections' timers and plans the next run. Called with n.mu held.
func (n *netCore) serviceAll(now int64) {
	next := int64(0)
	for ep := range n.endpoints {
		for _, c := range ep.byID {
			if t := c.service(now); t > 0 && (next == 0 || t < next) {
				next = t
			}
		}
	}
	if n.sessions != nil {
		n.sessions.service(now)
	}
	if next > 0 {
		n.schedule(next)
	}
}

// close ends every connection without a word to the peers (they see a close datagram if they are
// still listening: see shutdownConns) and stops the goroutines. Called without n.mu.
func (n *netCore) close() {
	n.mu.Lock()
	if n.closed {
		n.mu.Unlock()
		return
	}
	n.shutdownConns()
	n.closed = true
	eps := make([]*netEndpoint, 0, len(n.endpoints))
	for ep := range n.endpoints {
		eps = append(eps, ep)
	}
	n.mu.Unlock()
	for _, ep := range eps {
		ep.closeSocket()
	}
	close(n.stop)
	n.wg.Wait()
}

// shutdownConns tells each connected peer the server is going away, and forgets everything.
func (n *netCore) shutdownConns() {
	for ep := range n.endpoints {
		for _, c := range ep.byID {
			if c.state == steam.ConnectionStateConnected || c.state == steam.ConnectionStateConnecting {
				c.sendClose(steam.ConnectionEndMiscGeneric, "the peer shut its networking down (serverShutdown)")
			}
			c.destroy()
		}
	}
	for _, l := range n.listeners {
		l.withdraw()
	}
	if n.sessions != nil {
		n.sessions.withdraw()
	}
}
