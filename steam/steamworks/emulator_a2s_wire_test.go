//go:build cgo && linux

package steamworks

import (
	"encoding/binary"
	"errors"
	"net"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/gosteam/godot-steam-server/steam/internal/a2swire"
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
	challenge, err := a2swire.DecodeChallenge(reply)
	if err != nil {
		e.t.Fatalf("challenge reply % x: %v", reply, err)
	}
	return e.queryUDP(srv, port, a2sChallengeRequest(kind, challenge)), challenge
}
