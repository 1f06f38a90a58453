package offline

// The A2S reply encoders and the snapshot they read (wire format: see a2s.go).

import (
	"encoding/binary"
	"math"
	"runtime"
	"sync/atomic"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
)

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
