// Package a2swire decodes Source engine server query (A2S) replies for tests: an independent
// decoder written from Valve's protocol notes, not from the offline backend's encoder, so the offline
// responder's tests and the emulator tests of the steamworks backend check real bytes against it.
package a2swire

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math"

	"github.com/gosteam/godot-steam-server/steam"
)

// reader takes little-endian values and NUL-terminated strings; the first error sticks.
type reader struct {
	b   []byte
	err error
}

func (w *reader) take(n int) []byte {
	if w.err != nil {
		return make([]byte, n)
	}
	if len(w.b) < n {
		w.err = fmt.Errorf("truncated: need %d bytes, have %d", n, len(w.b))
		return make([]byte, n)
	}
	v := w.b[:n]
	w.b = w.b[n:]
	return v
}
func (w *reader) u8() byte     { return w.take(1)[0] }
func (w *reader) u16() uint16  { return binary.LittleEndian.Uint16(w.take(2)) }
func (w *reader) i32() int32   { return int32(binary.LittleEndian.Uint32(w.take(4))) }
func (w *reader) u32() uint32  { return binary.LittleEndian.Uint32(w.take(4)) }
func (w *reader) u64() uint64  { return binary.LittleEndian.Uint64(w.take(8)) }
func (w *reader) f32() float32 { return math.Float32frombits(w.u32()) }
func (w *reader) str() string {
	if w.err != nil {
		return ""
	}
	i := bytes.IndexByte(w.b, 0)
	if i < 0 {
		w.err = errors.New("unterminated string")
		return ""
	}
	s := string(w.b[:i])
	w.b = w.b[i+1:]
	return s
}

// head reads FF FF FF FF and the type byte.
func (w *reader) head() byte {
	if h := w.u32(); h != 0xFFFFFFFF && w.err == nil {
		w.err = fmt.Errorf("header %08x", h)
	}
	return w.u8()
}

func (w *reader) end() error {
	if w.err == nil && len(w.b) != 0 {
		return fmt.Errorf("%d bytes left over", len(w.b))
	}
	return w.err
}

// Info is an A2S_INFO reply; the Has fields say which optional (EDF) fields came.
type Info struct {
	Protocol                           byte
	Name, Map, Folder, Game            string
	AppID                              uint16
	Players, MaxPlayers, Bots          byte
	ServerType, Environment            byte
	Visibility, VAC                    byte
	Version                            string
	EDF                                byte
	GamePort                           uint16
	SteamID                            uint64
	SpectatorPort                      uint16
	SpectatorName, Keywords            string
	GameID                             uint64
	HasGamePort, HasSteamID, HasGameID bool
}

// DecodeInfo decodes an A2S_INFO reply (type 'I').
func DecodeInfo(b []byte) (Info, error) {
	w := &reader{b: b}
	var v Info
	if t := w.head(); t != 'I' && w.err == nil {
		return v, fmt.Errorf("type %q, want 'I'", t)
	}
	v.Protocol = w.u8()
	v.Name, v.Map, v.Folder, v.Game = w.str(), w.str(), w.str(), w.str()
	v.AppID = w.u16()
	v.Players, v.MaxPlayers, v.Bots = w.u8(), w.u8(), w.u8()
	v.ServerType, v.Environment = w.u8(), w.u8()
	v.Visibility, v.VAC = w.u8(), w.u8()
	v.Version = w.str()
	if w.err == nil && len(w.b) > 0 {
		v.EDF = w.u8()
		if v.EDF&0x80 != 0 {
			v.GamePort, v.HasGamePort = w.u16(), true
		}
		if v.EDF&0x10 != 0 {
			v.SteamID, v.HasSteamID = w.u64(), true
		}
		if v.EDF&0x40 != 0 {
			v.SpectatorPort, v.SpectatorName = w.u16(), w.str()
		}
		if v.EDF&0x20 != 0 {
			v.Keywords = w.str()
		}
		if v.EDF&0x01 != 0 {
			v.GameID, v.HasGameID = w.u64(), true
		}
	}
	return v, w.end()
}

// PlayerRow is one player of an A2S_PLAYER reply.
type PlayerRow struct {
	Index    byte
	Name     string
	Score    int32
	Duration float32
}

// DecodePlayers decodes an A2S_PLAYER reply (type 'D').
func DecodePlayers(b []byte) ([]PlayerRow, error) {
	w := &reader{b: b}
	if t := w.head(); t != 'D' && w.err == nil {
		return nil, fmt.Errorf("type %q, want 'D'", t)
	}
	n := int(w.u8())
	rows := []PlayerRow{}
	for i := 0; i < n && w.err == nil; i++ {
		rows = append(rows, PlayerRow{w.u8(), w.str(), w.i32(), w.f32()})
	}
	return rows, w.end()
}

// DecodeRules decodes an A2S_RULES reply (type 'E').
func DecodeRules(b []byte) ([]steam.KeyValue, error) {
	w := &reader{b: b}
	if t := w.head(); t != 'E' && w.err == nil {
		return nil, fmt.Errorf("type %q, want 'E'", t)
	}
	n := int(w.u16())
	rules := []steam.KeyValue{}
	for i := 0; i < n && w.err == nil; i++ {
		rules = append(rules, steam.KeyValue{Key: w.str(), Value: w.str()})
	}
	return rules, w.end()
}

// DecodeChallenge returns the challenge of an S2C_CHALLENGE, or an error.
func DecodeChallenge(b []byte) (uint32, error) {
	w := &reader{b: b}
	if t := w.head(); t != 'A' && w.err == nil {
		return 0, fmt.Errorf("type %q, want 'A'", t)
	}
	c := w.u32()
	return c, w.end()
}

// Reassemble checks Source split fragments (in any order) and returns the reply they carry. An
// unsplit datagram is returned as is.
func Reassemble(dgrams [][]byte) ([]byte, error) {
	if len(dgrams) == 1 && bytes.HasPrefix(dgrams[0], []byte{0xFF, 0xFF, 0xFF, 0xFF}) {
		return dgrams[0], nil
	}
	var id uint32
	var parts [][]byte
	for i, d := range dgrams {
		w := &reader{b: d}
		if h := w.u32(); h != 0xFFFFFFFE {
			return nil, fmt.Errorf("fragment %d: header %08x", i, h)
		}
		fid, total, num, size := w.u32(), int(w.u8()), int(w.u8()), w.u16()
		if w.err != nil {
			return nil, w.err
		}
		if i == 0 {
			id, parts = fid, make([][]byte, total)
		}
		switch {
		case fid != id:
			return nil, fmt.Errorf("fragment %d: id %d, want %d", i, fid, id)
		case fid&0x80000000 != 0:
			return nil, fmt.Errorf("fragment %d: compressed flag set", i)
		case total != len(parts) || total != len(dgrams):
			return nil, fmt.Errorf("fragment %d: total %d of %d datagrams", i, total, len(dgrams))
		case num >= total || parts[num] != nil:
			return nil, fmt.Errorf("fragment %d: bad or repeated number %d", i, num)
		case size != 1248:
			return nil, fmt.Errorf("fragment %d: size field %d", i, size)
		case len(w.b) > 1248 || (num < total-1 && len(w.b) != 1248):
			return nil, fmt.Errorf("fragment %d: %d payload bytes", i, len(w.b))
		}
		parts[num] = w.b
	}
	return bytes.Join(parts, nil), nil
}
