package offline

// A2S ("Source server query"): what a Steamworks game server answers on its query port, or through
// HandleIncomingPacket in GameSocketShare mode. This file is the codec and the handler; it does no
// I/O (a2s_server.go owns the socket and the snapshot).
//
// Wire format: little-endian integers, NUL-terminated UTF-8 strings; a request or an unsplit reply
// starts with FF FF FF FF, each fragment of a split reply with FE FF FF FF.

import (
	"encoding/binary"
	"math"
	"runtime"
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
	// challengeReplyLen is the length of S2C_CHALLENGE: FF FF FF FF 41 + 4 bytes.
	challengeReplyLen = 9
)

// noChallenge is the challenge a client sends to ask for one (-1).
const noChallenge = 0xFFFFFFFF

var infoMagic = []byte("Source Engine Query\x00")

// infoRequestLen is A2S_INFO without a challenge: the header, 'T' and the magic string.
var infoRequestLen = 5 + len(infoMagic)

// queryPlayer is one row of an A2S_PLAYER reply.
type queryPlayer struct {
	name      string
	score     int32
	connected time.Time // the reply reports the seconds since
	bot       bool      // reported with a duration of -1, as the Source engine does (gamedig sorts bots by it)
}

// querySnapshot is an immutable copy of everything a reply needs (a2s_server.go builds it from what
// the backend published). The encoded INFO and RULES replies are built at the first query that needs
// them and cached; a rules cache is shared by the snapshots that have the same rules.
type querySnapshot struct {
	st      steam.State // KeyValues belongs to the snapshot and is never changed
	steamID steam.SteamID
	secure  bool
	appID   uint32
	players []queryPlayer // never changed

	info  atomic.Pointer[[]byte]
	rules *lazyReply
}

type lazyReply struct{ p atomic.Pointer[[]byte] }

func (l *lazyReply) get(build func([]byte) []byte) []byte {
	if p := l.p.Load(); p != nil {
		return *p
	}
	b := build(nil)
	l.p.Store(&b)
	return b
}

func (s *querySnapshot) infoReply() []byte {
	if p := s.info.Load(); p != nil {
		return *p
	}
	b := appendInfo(nil, s)
	s.info.Store(&b)
	return b
}

func (s *querySnapshot) rulesReply() []byte {
	return s.rules.get(func(dst []byte) []byte { return appendRules(dst, s.st.KeyValues) })
}

// serverEnvironment is the environment byte: the OS the server runs on.
var serverEnvironment = func() byte {
	switch runtime.GOOS {
	case "windows":
		return 'w'
	case "darwin", "ios":
		return 'm'
	}
	return 'l'
}()

// appendString appends s and its NUL terminator; a NUL inside s would end the string early on the
// wire and shift every later field, so s is cut there.
func appendString(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] == 0 {
			s = s[:i]
			break
		}
	}
	dst = append(dst, s...)
	return append(dst, 0)
}

func clampByte(v int) byte {
	if v < 0 {
		return 0
	}
	if v > 255 {
		return 255
	}
	return byte(v)
}

func appendHeader(dst []byte, kind byte) []byte {
	return append(dst, 0xFF, 0xFF, 0xFF, 0xFF, kind)
}

// appendInfo encodes S2A_INFO_SRC with every field in wire order, as a Steamworks server fills it.
func appendInfo(dst []byte, s *querySnapshot) []byte {
	st := &s.st
	dst = appendHeader(dst, s2aInfo)
	dst = append(dst, a2sProtocol)
	dst = appendString(dst, st.ServerName)
	dst = appendString(dst, st.MapName)
	dst = appendString(dst, st.ModDir)
	dst = appendString(dst, st.Description)
	appID16 := uint16(0) // an app ID over 16 bits travels only in the game ID, as Steam does
	if s.appID <= 0xFFFF {
		appID16 = uint16(s.appID)
	}
	dst = binary.LittleEndian.AppendUint16(dst, appID16)
	dst = append(dst, clampByte(len(s.players)), clampByte(int(st.MaxPlayers)), clampByte(int(st.BotPlayers)))
	if st.Dedicated {
		dst = append(dst, 'd')
	} else {
		dst = append(dst, 'l')
	}
	dst = append(dst, serverEnvironment)
	dst = append(dst, boolByte(st.PasswordProtected), boolByte(s.secure))
	dst = appendString(dst, st.Init.Version)
	edf := byte(0x80 | 0x10 | 0x01) // game port, Steam ID, game ID
	if st.SpectatorPort != 0 {
		edf |= 0x40
	}
	if st.GameTags != "" {
		edf |= 0x20
	}
	dst = append(dst, edf)
	// The order is port, Steam ID, spectator, keywords, game ID: not the order of the bits.
	dst = binary.LittleEndian.AppendUint16(dst, st.Init.GamePort)
	dst = binary.LittleEndian.AppendUint64(dst, uint64(s.steamID))
	if edf&0x40 != 0 {
		dst = binary.LittleEndian.AppendUint16(dst, st.SpectatorPort)
		dst = appendString(dst, st.SpectatorName)
	}
	if edf&0x20 != 0 {
		dst = appendString(dst, st.GameTags)
	}
	// CGameID of a plain app: the app ID in the low 24 bits, type 0.
	return binary.LittleEndian.AppendUint64(dst, uint64(s.appID&0xFFFFFF))
}

func boolByte(b bool) byte {
	if b {
		return 1
	}
	return 0
}

// appendRules encodes S2A_RULES: a short count, then each key and value, in insertion order.
func appendRules(dst []byte, rules []steam.KeyValue) []byte {
	n := min(len(rules), 0xFFFF)
	dst = appendHeader(dst, s2aRules)
	dst = binary.LittleEndian.AppendUint16(dst, uint16(n))
	for _, kv := range rules[:n] {
		dst = appendString(dst, kv.Key)
		dst = appendString(dst, kv.Value)
	}
	return dst
}

// appendPlayers encodes S2A_PLAYER at time now: index, name, score, seconds connected (-1 for a bot).
func appendPlayers(dst []byte, players []queryPlayer, now time.Time) []byte {
	n := min(len(players), 255)
	dst = appendHeader(dst, s2aPlayer)
	dst = append(dst, byte(n))
	for i, p := range players[:n] {
		dst = append(dst, byte(i))
		dst = appendString(dst, p.name)
		dst = binary.LittleEndian.AppendUint32(dst, uint32(p.score))
		d := float32(-1)
		if !p.bot {
			d = float32(max(now.Sub(p.connected).Seconds(), 0))
		}
		dst = binary.LittleEndian.AppendUint32(dst, math.Float32bits(d))
	}
	return dst
}

func appendChallenge(dst []byte, c uint32) []byte {
	dst = appendHeader(dst, s2cChallenge)
	return binary.LittleEndian.AppendUint32(dst, c)
}

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
// advertise itself (no snapshot, or AdvertiseActive false) is dropped silently.
func (h *a2sHandler) handle(req []byte, ip uint32, src snapshotSource, sink replySink) {
	if !acceptQuery(req) {
		return
	}
	now := h.cfg.clock()
	if h.limiter != nil && !h.limiter.allow(ip, now) {
		return
	}
	snap := src.snapshot()
	if snap == nil || !snap.st.AdvertiseActive {
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
		return
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

// rateLimiter implements STEAM_GAMESERVER_RATE_LIMIT_200MS: after limit connectionless packets from
// one IPv4 address within 200 ms, the rest of those 200 ms are dropped. It keeps a fixed table of
// rateSlots sources indexed by a hash of the address; a source that lands on a slot another holds
// takes it over with a fresh count. Memory stays bounded whatever the number of sources; a flood of
// spoofed sources can at worst reset a real source's count, never block it.
type rateLimiter struct {
	mu    sync.Mutex
	limit uint32
	slots []rateSlot
}

const (
	rateSlots  = 4096
	rateWindow = 200 * time.Millisecond
)

type rateSlot struct {
	ip    uint32
	count uint32
	start int64 // unix nanoseconds
}

func newRateLimiter(limit int) *rateLimiter {
	return &rateLimiter{limit: uint32(min(limit, math.MaxUint32)), slots: make([]rateSlot, rateSlots)}
}

func (l *rateLimiter) allow(ip uint32, now time.Time) bool {
	t := now.UnixNano()
	i := (ip * 0x9E3779B1) >> (32 - 12) // Fibonacci hashing onto 4096 slots
	l.mu.Lock()
	defer l.mu.Unlock()
	s := &l.slots[i]
	if s.ip != ip || s.count == 0 || t-s.start >= int64(rateWindow) || t < s.start {
		*s = rateSlot{ip: ip, start: t}
	}
	if s.count >= l.limit {
		return false
	}
	s.count++
	return true
}
