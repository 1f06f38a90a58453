package offline

// The query responder: which socket answers A2S queries, and the snapshot it answers from.
//
//   - A real query port (not 0, not steam.QueryPortShared): Init binds UDP on the Init IP (all
//     interfaces for 0) and a goroutine answers there until Shutdown. A port that cannot be bound
//     makes Init fail.
//   - GameSocketShare (steam.QueryPortShared): HandleIncomingPacket answers, under the front's lock,
//     and queues the datagrams for NextOutgoingPacket.
//   - Query port 0: nothing answers.
//
// The goroutine never takes the front's lock or the backend's: the Backend call that changes
// something (Apply, log-on, log-off, the player list) copies it into the responder's mirror under
// the responder's own small mutex and marks it dirty, and the next query builds an immutable
// querySnapshot from the mirror (one allocation per change that is actually queried; a setter costs
// a struct copy). Shutdown closes the socket and waits for the goroutine while holding the backend's
// mutex, which the goroutine never takes, and never the responder's.

import (
	"errors"
	"fmt"
	"net"
	"net/netip"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/gosteam/godot-steam-server/steam/internal/udpbatch"
)

// Environment variables read at serverInit (through steam.Getenv, so OS.set_environment works).
const (
	EnvRequireInfoChallenge = steam.EnvRequireInfoChallenge
	EnvRateLimit200ms       = steam.EnvRateLimit200ms
	// EnvSingleDatagram = 1 sends long replies as one datagram instead of split packets.
	EnvSingleDatagram = "GOSTEAM_A2S_SINGLE_DATAGRAM"
)

// DefaultRateLimit200ms is the per-source limit when neither QueryOptions nor the environment sets one.
const DefaultRateLimit200ms = steam.DefaultRateLimit200ms

// QueryOptions configures the A2S responder (Options.Queries). The zero value gives nothing to a
// spoofed source: A2S_INFO needs a challenge, at most DefaultRateLimit200ms queries per source per
// 200 ms, long replies split. The responder reads the time from Options.Clock, from its own
// goroutine when it has a query port.
type QueryOptions struct {
	// AnswerUnchallengedInfo answers A2S_INFO without a challenge, as Steamworks servers did before
	// December 2020 (for old clients): an INFO reply is then about 13 times its request, toward any
	// source address. Also on when STEAM_GAMESERVER_A2S_INFO_REQUIRE_CHALLENGE is 0 at serverInit.
	// Otherwise A2S_INFO answers S2C_CHALLENGE until the client sends the request again with that
	// challenge appended; A2S_PLAYER and A2S_RULES always need the challenge.
	AnswerUnchallengedInfo bool
	// RateLimit200ms drops connectionless packets from one IPv4 address after this many within
	// 200 ms. 0 takes STEAM_GAMESERVER_RATE_LIMIT_200MS at serverInit (0 there: no limit), or
	// DefaultRateLimit200ms when it is unset; a negative value means no limit whatever the
	// environment says.
	RateLimit200ms int
	// SingleDatagram sends a reply longer than 1400 bytes as one datagram (IP fragments it), as
	// steamclient's own responder is reported to do, instead of Source split packets of 1248 bytes.
	// A reply too long for one datagram (65507 bytes; 16 KiB through GameSocketShare, the buffer
	// getNextOutgoingPacket copies into) is still split. Also on with GOSTEAM_A2S_SINGLE_DATAGRAM=1.
	SingleDatagram bool
	// ReceiveBuffer is the query socket's receive buffer in bytes: what queues while the responder
	// is busy, so a burst of queries is answered instead of dropped by the kernel. 0 takes
	// GOSTEAM_QUERY_RECEIVE_BUFFER at serverInit (0 there: the system's default, 208 KiB on Linux),
	// or DefaultQueryReceiveBuffer (4 MiB) when it is unset; a negative value keeps the system's
	// default whatever the environment says. On Linux, more than net.core.rmem_max needs
	// CAP_NET_ADMIN (root); otherwise rmem_max is what the socket gets (Backend.QueryReceiveBuffer).
	ReceiveBuffer int
}

// sharedMaxDatagram is the largest datagram getNextOutgoingPacket can hand out: the extension copies
// it into a buffer of steam.MaxOutgoingPacket bytes (extension/api.go, outgoing).
const sharedMaxDatagram = steam.MaxOutgoingPacket

// Pseudo-fields for publishQueries besides the steam.Field values.
const (
	fieldAll      steam.Field = -1 // Init: everything, rules included
	fieldIdentity steam.Field = -2 // log-on/log-off: Steam ID and VAC
)

// a2sResponder answers queries for one Init..Shutdown.
type a2sResponder struct {
	h      *a2sHandler
	conn   *net.UDPConn // nil in GameSocketShare mode
	done   chan struct{}
	shared queueSink // GameSocketShare only; used under the backend's lock

	panicked atomic.Bool // a panic was recovered and reported (answer)

	mu     sync.Mutex // guards the fields below; held only to copy, never while waiting
	mirror queryMirror
	dirty  bool
	snap   *querySnapshot // built from mirror; nil before the first query
}

// queryMirror is what the backend last published. Its KeyValues and players slices are never
// changed, only replaced, so snapshots share them.
type queryMirror struct {
	st      steam.State
	steamID steam.SteamID
	secure  bool
	appID   uint32
	players []queryPlayer
	rules   *lazyReply // the encoded rules of st.KeyValues, shared by the snapshots that have them
}

// snapshot returns the snapshot to answer from, building it if something changed since the last.
func (r *a2sResponder) snapshot() *querySnapshot {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.dirty || r.snap == nil {
		m := &r.mirror
		r.snap = &querySnapshot{st: m.st, steamID: m.steamID, secure: m.secure, appID: m.appID, players: m.players, rules: m.rules}
		r.dirty = false
	}
	return r.snap
}

// envPositive reads a positive integer from the environment; 0 when unset or not one.
func envPositive(name string) int {
	n, _ := envInt(name)
	return max(n, 0)
}

// envInt reads a whole number from the environment; set is false when it is unset or not a number.
func envInt(name string) (n int, set bool) {
	n, err := strconv.Atoi(steam.Getenv(name))
	return n, err == nil
}

// queryConfigFor resolves Options.Queries and the environment.
func (b *Backend) queryConfigFor(cfg steam.InitConfig) queryConfig {
	o := b.opts.Queries
	require, set := envInt(EnvRequireInfoChallenge)
	qc := queryConfig{
		requireInfoChallenge: !o.AnswerUnchallengedInfo && (!set || require != 0),
		singleDatagram:       o.SingleDatagram || envPositive(EnvSingleDatagram) > 0,
		maxDatagram:          maxUDPPayload,
		rateLimit:            o.RateLimit200ms,
		clock:                b.opts.Clock,
	}
	if qc.rateLimit == 0 {
		qc.rateLimit = DefaultRateLimit200ms
		if n, set := envInt(EnvRateLimit200ms); set && n >= 0 {
			qc.rateLimit = n
		}
	}
	if cfg.SharedSocket() {
		qc.maxDatagram = sharedMaxDatagram
	}
	return qc
}

// startQueries sets up the responder for b.cfg; Init calls it with b.mu held, after the identity and
// the state are set. A query port that cannot be bound is an error, and nothing is left running.
func (b *Backend) startQueries() error {
	b.stopQueries()
	cfg := b.cfg
	if cfg.QueryPort == 0 {
		return nil
	}
	r := &a2sResponder{h: newA2SHandler(b.queryConfigFor(cfg))}
	if !cfg.SharedSocket() {
		ip := netip.AddrFrom4([4]byte{byte(cfg.IP >> 24), byte(cfg.IP >> 16), byte(cfg.IP >> 8), byte(cfg.IP)})
		addr := netip.AddrPortFrom(ip, cfg.QueryPort)
		conn, err := listenQuery(addr, receiveBufferFor(b.opts.Queries))
		if err != nil {
			return &steam.InitError{Status: steam.InitFailedGeneric, Message: fmt.Sprintf(
				"cannot open the query port %s (UDP): %v; pick a free query_port, or QUERY_PORT_SHARED (65535) to answer queries through handleIncomingPacket",
				addr, unwrapOpError(err))}
		}
		r.conn = conn
		r.done = make(chan struct{})
	}
	b.a2s = r
	b.publishQueries(fieldAll)
	if r.conn != nil {
		go r.serve()
	}
	return nil
}

// unwrapOpError keeps the system error of a net.OpError ("address already in use").
func unwrapOpError(err error) error {
	var op *net.OpError
	if errors.As(err, &op) && op.Err != nil {
		return op.Err
	}
	return err
}

// stopQueries closes the query socket and waits for its goroutine; Shutdown calls it with b.mu held.
func (b *Backend) stopQueries() {
	r := b.a2s
	b.a2s = nil
	if r != nil && r.conn != nil {
		_ = r.conn.Close()
		<-r.done
	}
}

// QueryAddr is the address the query socket is bound to, or the zero AddrPort when the server has
// none (query port 0 or GameSocketShare).
func (b *Backend) QueryAddr() netip.AddrPort {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.a2s == nil || b.a2s.conn == nil {
		return netip.AddrPort{}
	}
	return b.a2s.conn.LocalAddr().(*net.UDPAddr).AddrPort()
}

// Apply refreshes the snapshot the query responder answers from.
func (b *Backend) Apply(field steam.Field, _ *steam.State) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.publishQueries(field)
}

// publishQueries copies the front's state and the backend's identity into the responder's mirror,
// after a change to field. Called with b.mu held, during a Backend call (the front's lock is held
// too, so b.state is stable).
func (b *Backend) publishQueries(field steam.Field) {
	r := b.a2s
	if r == nil || b.state == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	m := &r.mirror
	kv := m.st.KeyValues
	m.st = *b.state
	if field == steam.FieldKeyValues || field == fieldAll || m.rules == nil {
		// The front changes its KeyValues in place; the mirror keeps a copy of its own.
		kv, m.rules = slices.Clone(b.state.KeyValues), &lazyReply{}
	}
	m.st.KeyValues = kv
	m.steamID, m.secure, m.appID = b.steamID, b.secureLocked(), b.effectiveAppID()
	r.dirty = true
}

// publishPlayers gives A2S the server's player list (A2S_PLAYER rows; the INFO player count is its
// length). Call it with b.mu held whenever the list changes: a user connects or disconnects,
// updateUserData. Each Duration is taken as of now (Options.Clock), so the reply's seconds keep
// growing; bots are reported with -1. The slice is copied.
func (b *Backend) publishPlayers(players []steam.Player) {
	r := b.a2s
	if r == nil {
		return
	}
	now := b.opts.Clock()
	list := make([]queryPlayer, len(players))
	for i, p := range players {
		list[i] = queryPlayer{name: p.Name, score: p.Score, connected: now.Add(-p.Duration), bot: p.Bot}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.mirror.players = list
	r.dirty = true
}

// queryBatch is how many datagrams the responder reads (and sends) per system call where the system
// batches (udpbatch: Linux). A burst is read in batches as it queues; a lone query is read alone,
// as soon as it arrives.
const queryBatch = 64

// queryArena is the bytes of replies sent together: 64 INFO replies of 1 KiB fit, and so does the
// largest single datagram, which is sent alone.
const queryArena = 64 << 10

// serve answers queries on the socket until it is closed: a batch of datagrams read, each handled
// in order (a filtered one counted, each source's rate limit counted datagram by datagram), and the
// replies they made sent together.
func (r *a2sResponder) serve() {
	defer close(r.done)
	rd := udpbatch.NewReader(r.conn, queryBatch, maxRequestLen) // a longer datagram is Truncated: dropped
	sink := &udpSink{w: udpbatch.NewWriter(r.conn, queryBatch, queryArena)}
	for {
		batch, err := rd.Read()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return
			}
			time.Sleep(time.Millisecond) // a transient error; do not spin on a broken socket
			continue
		}
		for i := range batch {
			d := &batch[i]
			if d.Drops > 0 {
				r.h.traffic.Add(steam.TrafficKernelDrops, uint64(d.Drops))
			}
			addr := d.From.Addr().Unmap()
			if d.Truncated || !addr.Is4() {
				r.h.traffic.Add(steam.TrafficMalformed, 1)
				continue
			}
			a := addr.As4()
			sink.to = d.From
			r.answer(d.Data, uint32(a[0])<<24|uint32(a[1])<<16|uint32(a[2])<<8|uint32(a[3]), sink)
		}
		r.flush(sink.w)
	}
}

// answer handles one datagram on the responder's goroutine, where a panic would end the game: one is
// recovered, reported once per responder, and the datagram dropped.
func (r *a2sResponder) answer(req []byte, ip uint32, sink replySink) {
	defer r.recoverPanic(req)
	r.h.handle(req, ip, r, sink)
}

// flush sends a batch's replies; a panic there is recovered as in answer, and the replies lost.
func (r *a2sResponder) flush(w *udpbatch.Writer) {
	defer r.recoverPanic(nil)
	_ = w.Flush() // a reply the system refuses is lost, as a datagram may be
}

// recoverPanic, deferred on the responder's goroutine, recovers a panic and reports the first of
// the responder's: what was lost, the datagram being answered (nil: the replies being sent).
func (r *a2sResponder) recoverPanic(req []byte) {
	p := recover()
	if p == nil || !r.panicked.CompareAndSwap(false, true) {
		return
	}
	lost := "lost a batch of replies"
	if req != nil {
		lost = fmt.Sprintf("dropped a datagram (% x)", req[:min(len(req), 32)])
	}
	steam.ReportError(fmt.Sprintf("Steam: the query responder %s after an internal error: %v", lost, p))
}

// udpSink queues replies on the query socket's batch writer, which copies them.
type udpSink struct {
	w  *udpbatch.Writer
	to netip.AddrPort
}

func (s *udpSink) reserve(int) bool { return true }

func (s *udpSink) send(d []byte) { _ = s.w.Write(d, s.to) }

// queueSink queues replies for NextOutgoingPacket. A reply is queued whole or not at all: a split
// reply missing a fragment is useless to the client.
type queueSink struct {
	q    *packetQueue
	ip   uint32
	port uint16
}

func (s *queueSink) reserve(n int) bool {
	if s.q.free() < n {
		s.q.dropped += uint64(n)
		return false
	}
	return true
}

func (s *queueSink) send(d []byte) { s.q.push(d, s.ip, s.port) }
