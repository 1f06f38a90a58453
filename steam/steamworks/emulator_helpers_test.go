//go:build cgo && linux

package steamworks

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
)

// The emulator tests run the steamworks backend against gbe_fork's libsteam_api.so (see
// ../shared/steam-emulator/README.md). The library announces itself on every LAN broadcast
// address, so it is only ever loaded by a child process in a fresh network namespace with nothing
// but loopback up, with a scratch HOME: each test re-runs its own test binary (only itself) under
// unshare -n, with envEmulatorInner naming the test, and checks that the child ran it and passed.

// EnvTestEmulator names the emulator library; scripts/provision_test_deps.sh emulator prints it.
const EnvTestEmulator = "GOSTEAM_TEST_EMULATOR"

// envEmulatorInner, set to a test's name, makes that test run its body (it is then the child).
const envEmulatorInner = "GOSTEAM_EMULATOR_INNER"

// innerRan is what the child prints once the body returned, so the parent knows it really ran.
const innerRan = "gosteam-emulator-body-done:"

// childTimeout bounds one child test binary run (log-ons and A2S queries take well under a second).
const childTimeout = 2 * time.Minute

// emulatorLibrary is the emulator's path: $GOSTEAM_TEST_EMULATOR, else
// ../shared/steam-emulator/libsteam_api.so beside the checkout. These tests never skip: without it
// they fail and say how to get it.
func emulatorLibrary(t *testing.T) string {
	t.Helper()
	path := os.Getenv(EnvTestEmulator)
	where := "$" + EnvTestEmulator
	if path == "" {
		// The package is steam/steamworks in the checkout; shared/ sits beside the checkout.
		wd, _ := os.Getwd()
		path = filepath.Join(wd, "..", "..", "..", "shared", "steam-emulator", libraryName)
		where = EnvTestEmulator + " is unset; the default"
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("the Steam emulator (gbe_fork's libsteam_api.so) is needed: looked at %s (%s): %v.\n"+
			"Run scripts/provision_test_deps.sh emulator (it prints %s=<path> and installs the emulator's runtime packages), "+
			"then export that line, or run ./build.sh test.", path, where, err, EnvTestEmulator)
	}
	return path
}

// emulatorRun is the child's side of an emulator test.
type emulatorRun struct {
	t       *testing.T
	lib     string        // the scratch copy of the emulator this process loaded
	backlog []steam.Event // events pumped but not yet asked for (waitEvent)
}

// withEmulator runs body in a child process inside a loopback-only network namespace. In the
// parent it starts the child and checks its outcome; in the child (envEmulatorInner = t.Name())
// it runs body.
func withEmulator(t *testing.T, body func(e *emulatorRun)) {
	t.Helper()
	if os.Getenv(envEmulatorInner) == t.Name() {
		lib := os.Getenv(EnvTestEmulator)
		if lib == "" || os.Getenv("HOME") == "" {
			t.Fatalf("child run without %s or HOME", EnvTestEmulator)
		}
		body(&emulatorRun{t: t, lib: lib})
		if !t.Failed() {
			fmt.Printf("%s%s\n", innerRan, t.Name())
		}
		return
	}
	if os.Getenv(envEmulatorInner) != "" {
		t.Fatalf("%s=%q: a child runs only its own test", envEmulatorInner, os.Getenv(envEmulatorInner))
	}
	t.Parallel() // each child has its own network namespace, ports and HOME
	src := emulatorLibrary(t)
	scratch := t.TempDir()
	libDir := filepath.Join(scratch, "lib")
	home := filepath.Join(scratch, "home")
	for _, d := range []string{libDir, home, filepath.Join(scratch, "tmp")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	// The library is always copied, so that settings (steam_settings/ beside it) could be added
	// and nothing the emulator does touches the shared, read-only folder.
	lib := filepath.Join(libDir, libraryName)
	copyFile(t, src, lib)
	if _, err := exec.LookPath("unshare"); err != nil {
		t.Fatalf("unshare (util-linux) is needed to run the emulator in a network namespace: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), childTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "unshare", "-n", "sh", "-c", `ip link set lo up && exec "$0" "$@"`,
		os.Args[0], "-test.run=^"+t.Name()+"$", "-test.v", "-test.count=1", "-test.timeout="+childTimeout.String())
	cmd.Dir = scratch
	cmd.Env = append(childEnv(), envEmulatorInner+"="+t.Name(), EnvTestEmulator+"="+lib, "HOME="+home,
		"TMPDIR="+filepath.Join(scratch, "tmp"), "SteamAppId=480", "SteamGameId=480")
	cmd.WaitDelay = 5 * time.Second
	start := time.Now()
	out, err := cmd.CombinedOutput()
	t.Logf("child (unshare -n, HOME=%s, library %s) took %v; its output:\n%s", home, lib, time.Since(start).Round(time.Millisecond), indent(out))
	switch {
	case ctx.Err() != nil:
		t.Fatalf("the child did not finish within %v", childTimeout)
	case err != nil:
		var ee *exec.ExitError
		if errors.As(err, &ee) && bytes.Contains(out, []byte("Operation not permitted")) {
			t.Fatalf("unshare -n failed (these tests need root, or CAP_SYS_ADMIN): %v", err)
		}
		t.Fatalf("the child failed: %v", err)
	case !bytes.Contains(out, []byte(innerRan+t.Name()+"\n")):
		t.Fatalf("the child passed but never ran the test's body")
	}
}

// childEnv is this process's environment without what withEmulator sets itself.
func childEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch k {
		case envEmulatorInner, EnvTestEmulator, EnvLibraryPath, "HOME", "TMPDIR", "SteamAppId", "SteamGameId":
			continue
		}
		env = append(env, kv)
	}
	return env
}

func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

func indent(b []byte) string {
	return "    | " + strings.ReplaceAll(strings.TrimRight(string(b), "\n"), "\n", "\n    | ")
}

// ---- the child's tools ------------------------------------------------------------------------

// server is a steam.Server over the steamworks backend loaded from the emulator.
func (e *emulatorRun) server() *steam.Server {
	return steam.NewServer(func() (steam.Backend, error) { return New(Options{LibraryPath: e.lib}) })
}

// frames bounds every wait for Steam: this many frames, frameSleep apart (5 s in all).
const (
	frames     = 500
	frameSleep = 10 * time.Millisecond
)

// waitEvent returns the first event of type T satisfying ok (nil: any), from the events already
// pumped (e.backlog) or else running frames until it comes; every other event stays in the backlog.
func waitEvent[T steam.Event](e *emulatorRun, srv *steam.Server, ok func(T) bool) T {
	e.t.Helper()
	for i := 0; ; i++ {
		for j, ev := range e.backlog {
			if v, is := ev.(T); is && (ok == nil || ok(v)) {
				e.backlog = slices.Delete(e.backlog, j, j+1)
				return v
			}
		}
		if i == frames {
			break
		}
		if i > 0 {
			time.Sleep(frameSleep)
		}
		srv.RunFrame()
		srv.Events().Drain(func(ev steam.Event) { e.backlog = append(e.backlog, ev) })
	}
	var zero T
	e.t.Fatalf("no %T event within %d frames (%v); other events: %#v", zero, frames, frames*frameSleep, e.backlog)
	return zero
}

// quiet runs n frames and returns the backlog and the events they produced, emptying the backlog.
func (e *emulatorRun) quiet(srv *steam.Server, n int) []steam.Event {
	for i := 0; i < n; i++ {
		srv.RunFrame()
		srv.Events().Drain(func(ev steam.Event) { e.backlog = append(e.backlog, ev) })
		time.Sleep(frameSleep)
	}
	evs := e.backlog
	e.backlog = nil
	return evs
}

// ---- A2S over loopback UDP ---------------------------------------------------------------------

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
