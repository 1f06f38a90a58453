package steam

import "sync/atomic"

// What remote peers sent the server that it dropped, refused, or answered only with a challenge.
// Nothing a remote peer sends is printed per datagram: an operator sees an attack in these counts
// (getServerState's "traffic") instead of in a log a flood could fill.

// The query responder's defaults, for both backends: Steam's own library reads these variables at
// SteamGameServer_Init, and the steamworks backend sets them when the game has not.
const (
	// EnvRequireInfoChallenge: A2S_INFO requires a challenge unless this is 0 (Steam's own library
	// requires one only when it is 1).
	EnvRequireInfoChallenge = "STEAM_GAMESERVER_A2S_INFO_REQUIRE_CHALLENGE"
	// EnvRateLimit200ms = N drops connectionless packets from one IP address after N in 200 ms;
	// 0 turns the limit off. Unset, DefaultRateLimit200ms applies.
	EnvRateLimit200ms = "STEAM_GAMESERVER_RATE_LIMIT_200MS"
	// DefaultRateLimit200ms is the middle of the 25 to 75 Valve suggested for
	// STEAM_GAMESERVER_RATE_LIMIT_200MS: 250 queries a second from one address, where a server
	// browser sends a handful.
	DefaultRateLimit200ms = 50
)

// TrafficKind is one count of Traffic.
type TrafficKind int

const (
	TrafficAnswered    TrafficKind = iota // queries answered with their data
	TrafficChallenged                     // queries answered with S2C_CHALLENGE only, never longer than the request
	TrafficRateLimited                    // queries (offline, networking handshakes too) dropped: over the per-source rate limit
	TrafficInactive                       // queries dropped: the server does not advertise itself
	TrafficMalformed                      // datagrams dropped: empty, oversized, not a query this server answers, or (offline) not networking it takes
	TrafficNotForSteam                    // handleIncomingPacket datagrams that were not Steam's
	TrafficQueueFull                      // reply datagrams dropped: the GameSocketShare queue was full
	TrafficKernelDrops                    // datagrams the system dropped before the responder read them (Linux)
	TrafficBadTickets                     // auth tickets refused before Steam saw them (empty or oversized)
	TrafficKinds
)

// TrafficNames are the counts' keys in getServerState's "traffic" Dictionary.
var TrafficNames = [TrafficKinds]string{
	TrafficAnswered: "answered", TrafficChallenged: "challenged", TrafficRateLimited: "rate_limited",
	TrafficInactive: "inactive", TrafficMalformed: "malformed", TrafficNotForSteam: "not_for_steam",
	TrafficQueueFull: "queue_full", TrafficKernelDrops: "kernel_drops", TrafficBadTickets: "bad_tickets",
}

// Traffic is a reading of the counts, since serverInit.
type Traffic [TrafficKinds]uint64

// TrafficCounter counts concurrently (the query responder's goroutine and the game's calls).
type TrafficCounter struct{ n [TrafficKinds]atomic.Uint64 }

func (c *TrafficCounter) Add(kind TrafficKind, n uint64) { c.n[kind].Add(n) }

// Read returns the counts.
func (c *TrafficCounter) Read() Traffic {
	var t Traffic
	for i := range c.n {
		t[i] = c.n[i].Load()
	}
	return t
}

// Reset sets every count to 0 (serverInit).
func (c *TrafficCounter) Reset() {
	for i := range c.n {
		c.n[i].Store(0)
	}
}

// TrafficReporter is implemented by a backend that counts traffic of its own (the offline backend's
// query responder).
type TrafficReporter interface {
	Traffic() Traffic
}

// RemoteInputError is a refusal caused by what a remote peer sent (a client's oversized ticket),
// not by the game's code: the extension reports such refusals at most once per interval, with a
// count, so a peer cannot fill the log.
type RemoteInputError struct{ Err error }

func (e *RemoteInputError) Error() string { return e.Err.Error() }
func (e *RemoteInputError) Unwrap() error { return e.Err }
