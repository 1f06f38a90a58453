package offline

// A2S ("Source server query"): what a Steamworks game server answers on its query port, or through
// HandleIncomingPacket in GameSocketShare mode. This file is the request filter and the handler,
// a2s_encode.go encodes the replies and a2s_ratelimit.go limits each source; none does I/O
// (a2s_server.go owns the socket and the snapshot).
//
// Wire format: little-endian integers, NUL-terminated UTF-8 strings; a request or an unsplit reply
// starts with FF FF FF FF, each fragment of a split reply with FE FF FF FF.

import (
	"encoding/binary"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
)

// Message types (byte 5).
const (
	a2sInfo      = 'T' // A2S_INFO: "Source Engine Query\0" [+ challenge]
	a2sPlayer    = 'U' // A2S_PLAYER: challenge
	a2sRules     = 'V' // A2S_RULES: challenge
	s2aInfo      = 'I'
	s2aPlayer    = 'D'
	s2aRules     = 'E'
	s2cChallenge = 'A'
)

const (
	// a2sProtocol is the protocol byte Steamworks game servers report in S2A_INFO.
	a2sProtocol = 17
	// maxRequestLen: a longer datagram is not a query (requests are 9 to 29 bytes, plus padding).
	maxRequestLen = 1400
	// maxUnsplitReply is Steam's packet size: a longer reply is split (or sent as one datagram).
	maxUnsplitReply = 1400
	// splitPayload is the bytes of the reply each split fragment carries (Source's default).
	splitPayload = 1248
	// splitHeaderLen: FE FF FF FF, ID (long), total (byte), number (byte), size (short).
	splitHeaderLen = 12
	// maxFragments: the total is a byte.
	maxFragments = 255
	// maxUDPPayload is the largest datagram IPv4 UDP can carry.
	maxUDPPayload = 65507
)

// noChallenge is the challenge a client sends to ask for one (-1).
const noChallenge = 0xFFFFFFFF

var infoMagic = []byte("Source Engine Query\x00")

// infoRequestLen is A2S_INFO without a challenge: the header, 'T' and the magic string.
var infoRequestLen = 5 + len(infoMagic)

// queryConfig is fixed at Init.
type queryConfig struct {
	requireInfoChallenge bool
	singleDatagram       bool // replies over maxUnsplitReply go out whole when they fit maxDatagram
	maxDatagram          int
	rateLimit            int // connectionless packets per source IP per 200 ms; 0 = no limit
	clock                func() time.Time
}

// replySink receives the datagrams of a reply: reserve(n) first, then n calls of send unless reserve
// refused. The slice given to send is reused after it returns.
type replySink interface {
	reserve(datagrams int) bool
	send(datagram []byte)
}

// a2sHandler answers queries from the snapshot it is given. It is safe for concurrent use.
type a2sHandler struct {
	cfg     queryConfig
	key     [2]uint64
	limiter *rateLimiter // nil without a limit
	splitID atomic.Uint32
	bufs    sync.Pool // *[]byte scratch for encoding and fragments
	// traffic counts each datagram's fate; nothing here is ever printed.
	traffic steam.TrafficCounter
}

func newA2SHandler(cfg queryConfig) *a2sHandler {
	if cfg.clock == nil {
		cfg.clock = time.Now
	}
	if cfg.maxDatagram <= 0 || cfg.maxDatagram > maxUDPPayload {
		cfg.maxDatagram = maxUDPPayload
	}
	h := &a2sHandler{cfg: cfg, key: challengeKey}
	if cfg.rateLimit > 0 {
		h.limiter = newRateLimiter(cfg.rateLimit)
	}
	h.bufs.New = func() any { b := make([]byte, 0, 2048); return &b }
	return h
}

// acceptQuery is the filter every datagram passes first: FF FF FF FF, a type this server answers and
// that type's fixed part (INFO's magic string, PLAYER's and RULES' challenge), within the request
// size. Anything else is dropped before it costs anything: no allocation, no rate-limit count.
func acceptQuery(req []byte) bool {
	if len(req) < 5 || len(req) > maxRequestLen || !isQuery(req) {
		return false
	}
	switch req[4] {
	case a2sInfo:
		return len(req) >= infoRequestLen && string(req[5:infoRequestLen]) == string(infoMagic)
	case a2sPlayer, a2sRules:
		return len(req) >= 9
	}
	return false
}

// snapshotSource gives the handler the state to answer from, once a datagram passed the filter.
type snapshotSource interface {
	snapshot() *querySnapshot
}

func (s *querySnapshot) snapshot() *querySnapshot { return s }

// handle answers one datagram from ip, sending the reply datagrams (none, one, or the fragments of a
// split reply) to sink. Anything malformed, rate-limited or arriving while the server does not
// advertise itself (no snapshot, or AdvertiseActive false) is dropped silently, and counted.
func (h *a2sHandler) handle(req []byte, ip uint32, src snapshotSource, sink replySink) {
	if !acceptQuery(req) {
		h.traffic.Add(steam.TrafficMalformed, 1)
		return
	}
	now := h.cfg.clock()
	if h.limiter != nil && !h.limiter.allow(ip, now) {
		h.traffic.Add(steam.TrafficRateLimited, 1)
		return
	}
	snap := src.snapshot()
	if snap == nil || !snap.st.AdvertiseActive {
		h.traffic.Add(steam.TrafficInactive, 1)
		return
	}
	bp := h.bufs.Get().(*[]byte)
	defer h.bufs.Put(bp)
	reply, scratch := h.respond((*bp)[:0], req, ip, snap, now)
	if len(reply) == 0 {
		return
	}
	if scratch && cap(reply) <= 64*1024 { // keep a grown scratch, unless one rare reply made it huge
		*bp = reply[:0]
	}
	if reply[4] == s2cChallenge {
		h.traffic.Add(steam.TrafficChallenged, 1)
	} else {
		h.traffic.Add(steam.TrafficAnswered, 1)
	}
	h.emit(reply, sink)
}

// respond returns the complete (unsplit) reply to a request acceptQuery let through, or nothing. A reply built
// here is appended to dst (scratch true); INFO and RULES come from the snapshot's cache and must not
// be changed. With a challenge required, a source that has not proved its address gets only
// S2C_CHALLENGE, which is never longer than its request (9 bytes against at least 25 for INFO and 9
// for PLAYER and RULES).
func (h *a2sHandler) respond(dst, req []byte, ip uint32, snap *querySnapshot, now time.Time) (reply []byte, scratch bool) {
	switch req[4] {
	case a2sInfo:
		if h.cfg.requireInfoChallenge {
			if len(req) < infoRequestLen+4 || !validChallenge(h.key, ip, now, binary.LittleEndian.Uint32(req[infoRequestLen:])) {
				return appendChallenge(dst, currentChallenge(h.key, ip, now)), true
			}
		}
		return snap.infoReply(), false
	case a2sPlayer, a2sRules:
		if c := binary.LittleEndian.Uint32(req[5:9]); c == noChallenge || !validChallenge(h.key, ip, now, c) {
			return appendChallenge(dst, currentChallenge(h.key, ip, now)), true
		}
		if req[4] == a2sPlayer {
			return appendPlayers(dst, snap.players, now), true
		}
		return snap.rulesReply(), false
	}
	return nil, false
}

// emit sends reply whole when it fits in maxUnsplitReply bytes (or, in single-datagram mode, in
// maxDatagram), else as Source split fragments of splitPayload bytes. A reply too large for 255
// fragments is dropped (the limits on rules and players keep replies far below that).
func (h *a2sHandler) emit(reply []byte, sink replySink) {
	total := h.fragmentsFor(len(reply))
	if total == 0 || !sink.reserve(total) {
		return // a full queue counts what it refused (packetQueue.dropped)
	}
	if len(reply) <= maxUnsplitReply || (h.cfg.singleDatagram && len(reply) <= h.cfg.maxDatagram) {
		sink.send(reply)
		return
	}
	id := h.splitID.Add(1) & 0x7FFFFFFF // MSB clear: not compressed
	fp := h.bufs.Get().(*[]byte)
	defer h.bufs.Put(fp)
	for i := 0; i < total; i++ {
		part := reply[i*splitPayload : min((i+1)*splitPayload, len(reply))]
		b := append((*fp)[:0], 0xFE, 0xFF, 0xFF, 0xFF)
		b = binary.LittleEndian.AppendUint32(b, id)
		b = append(b, byte(total), byte(i))
		b = binary.LittleEndian.AppendUint16(b, splitPayload)
		b = append(b, part...)
		*fp = b[:0]
		sink.send(b)
	}
}

// fragmentsFor is how many datagrams emit sends for a reply of n bytes (0: dropped).
func (h *a2sHandler) fragmentsFor(n int) int {
	if n <= maxUnsplitReply || (h.cfg.singleDatagram && n <= h.cfg.maxDatagram) {
		return 1
	}
	if t := (n + splitPayload - 1) / splitPayload; t <= maxFragments {
		return t
	}
	return 0
}
