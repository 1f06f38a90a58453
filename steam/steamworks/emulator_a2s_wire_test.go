//go:build cgo && linux

package steamworks

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"net"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
)

// A2S over loopback to the emulator's own query responder, and a small decoder of its replies
// (independent of the offline backend's encoder).

// A2S requests (Valve's Server queries page).
var (
	a2sInfoRequest = append([]byte("\xFF\xFF\xFF\xFFTSource Engine Query"), 0)
	a2sPlayer      = byte('U')
	a2sRules       = byte('V')
)

func a2sChallengeRequest(kind byte, challenge uint32) []byte {
	b := []byte{0xFF, 0xFF, 0xFF, 0xFF, kind, 0, 0, 0, 0}
	binary.LittleEndian.PutUint32(b[5:], challenge)
	return b
}

// queryUDP sends req to 127.0.0.1:port and returns the first reply, running frames while it
// waits (the emulator may answer from its callback pump). Bounded: 100 tries of 50 ms.
func (e *emulatorRun) queryUDP(srv *steam.Server, port uint16, req []byte) []byte {
	e.t.Helper()
	conn, err := net.DialUDP("udp4", nil, &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1), Port: int(port)})
	if err != nil {
		e.t.Fatal(err)
	}
	defer conn.Close()
	buf := make([]byte, 65536)
	for try := 0; try < 100; try++ {
		if try%10 == 0 { // resend now and then: UDP, and the responder may not be up yet
			if _, err := conn.Write(req); err != nil {
				e.t.Fatalf("send to 127.0.0.1:%d: %v", port, err)
			}
		}
		srv.RunFrame()
		_ = conn.SetReadDeadline(time.Now().Add(50 * time.Millisecond))
		n, err := conn.Read(buf)
		if err == nil {
			return append([]byte(nil), buf[:n]...)
		}
		var ne net.Error
		if !errors.As(err, &ne) || !ne.Timeout() {
			// ICMP port unreachable before the responder binds shows up as a read error: retry.
			time.Sleep(20 * time.Millisecond)
		}
	}
	e.t.Fatalf("no A2S reply from 127.0.0.1:%d to % x", port, req[:min(len(req), 9)])
	return nil
}

// queryChallenged does a PLAYER or RULES query: the challenge request, then the query with the
// challenge the server gave. It returns the reply and the challenge.
func (e *emulatorRun) queryChallenged(srv *steam.Server, port uint16, kind byte) ([]byte, uint32) {
	e.t.Helper()
	reply := e.queryUDP(srv, port, a2sChallengeRequest(kind, 0xFFFFFFFF))
	if len(reply) < 5 || reply[4] != 'A' {
		return reply, 0 // answered without a challenge
	}
	challenge, err := decodeA2SChallenge(reply)
	if err != nil {
		e.t.Fatalf("challenge reply % x: %v", reply, err)
	}
	return e.queryUDP(srv, port, a2sChallengeRequest(kind, challenge)), challenge
}

// An A2S decoder written from Valve's protocol notes (the offline package's tests have their own).

type a2sWire struct {
	b   []byte
	err error
}

func (w *a2sWire) take(n int) []byte {
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
func (w *a2sWire) u8() byte     { return w.take(1)[0] }
func (w *a2sWire) u16() uint16  { return binary.LittleEndian.Uint16(w.take(2)) }
func (w *a2sWire) u32() uint32  { return binary.LittleEndian.Uint32(w.take(4)) }
func (w *a2sWire) u64() uint64  { return binary.LittleEndian.Uint64(w.take(8)) }
func (w *a2sWire) f32() float32 { return math.Float32frombits(w.u32()) }
func (w *a2sWire) str() string {
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

// head reads the single-packet header FF FF FF FF and checks the type byte.
func (w *a2sWire) head(want byte) {
	if h := w.u32(); h != 0xFFFFFFFF && w.err == nil {
		w.err = fmt.Errorf("header %08x (a split reply?)", h)
	}
	if t := w.u8(); t != want && w.err == nil {
		w.err = fmt.Errorf("type %q, want %q", t, want)
	}
}

func (w *a2sWire) end() error {
	if w.err == nil && len(w.b) != 0 {
		return fmt.Errorf("%d bytes left over", len(w.b))
	}
	return w.err
}

type a2sInfo struct {
	Protocol                  byte
	Name, Map, Folder, Game   string
	AppID                     uint16
	Players, MaxPlayers, Bots byte
	ServerType, Environment   byte
	Visibility, VAC           byte
	Version                   string
	EDF                       byte
	GamePort                  uint16
	SteamID                   uint64
	SpectatorPort             uint16
	SpectatorName, Keywords   string
	GameID                    uint64
	HasGamePort, HasSteamID   bool
	HasSpectator, HasKeywords bool
	HasGameID                 bool
}

func decodeA2SInfo(b []byte) (a2sInfo, error) {
	w := &a2sWire{b: b}
	var v a2sInfo
	w.head('I')
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
			v.SpectatorPort, v.SpectatorName, v.HasSpectator = w.u16(), w.str(), true
		}
		if v.EDF&0x20 != 0 {
			v.Keywords, v.HasKeywords = w.str(), true
		}
		if v.EDF&0x01 != 0 {
			v.GameID, v.HasGameID = w.u64(), true
		}
	}
	return v, w.end()
}

type a2sPlayerRow struct {
	Index    byte
	Name     string
	Score    uint32
	Duration float32
}

func decodeA2SPlayers(b []byte) ([]a2sPlayerRow, error) {
	w := &a2sWire{b: b}
	w.head('D')
	n := int(w.u8())
	rows := []a2sPlayerRow{}
	for i := 0; i < n && w.err == nil; i++ {
		rows = append(rows, a2sPlayerRow{w.u8(), w.str(), w.u32(), w.f32()})
	}
	return rows, w.end()
}

func decodeA2SRules(b []byte) ([]steam.KeyValue, error) {
	w := &a2sWire{b: b}
	w.head('E')
	n := int(w.u16())
	rules := []steam.KeyValue{}
	for i := 0; i < n && w.err == nil; i++ {
		rules = append(rules, steam.KeyValue{Key: w.str(), Value: w.str()})
	}
	return rules, w.end()
}

func decodeA2SChallenge(b []byte) (uint32, error) {
	w := &a2sWire{b: b}
	w.head('A')
	c := w.u32()
	return c, w.end()
}
