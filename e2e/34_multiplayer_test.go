//go:build e2e

package e2e

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/e2e/internal/godot"
)

// The multiplayer test game (godot_project/multiplayer/) as a game would use the extension: one
// dedicated server and clients in their own processes on loopback, SceneMultiplayer's RPCs, a
// MultiplayerSpawner and MultiplayerSynchronizers over the transport the subtest names. enet runs
// the same game on Godot's ENetMultiplayerPeer: it proves the game and these checks, so a failure
// of steam alone is the peer's.

const (
	mpTimeoutMs = 3000             // --timeout-ms: a silent peer is dropped after this
	mpWait      = 30 * time.Second // for anything the game should do in a second or two
)

var (
	mpConnected = regexp.MustCompile(`(?m)^MP: connected_to_server unique_id ([0-9]+)$`)
	mpListening = regexp.MustCompile(`(?m)^MP: listening `)
)

// TestMultiplayer: the server and two clients; both connect with distinct peer IDs, RPCs go both
// ways (reliable hello/welcome, unreliable ordered ping/pong on channel 1, a broadcast), each
// client gets both players from the spawner and sees the other's position, moved on the server,
// change; with steam, a client of another realm (a ticket the server cannot check) is refused; a
// client killed with SIGKILL is seen gone on the server within the timeout, and its player
// despawned on the other client; the server's stop file ends it cleanly, and the remaining client
// with it (server_disconnected).
func TestMultiplayer(t *testing.T) {
	for _, transport := range []string{"enet", "steam"} {
		t.Run(transport, func(t *testing.T) { testMultiplayer(t, transport) })
	}
}

func testMultiplayer(t *testing.T, transport string) {
	g := mpGame{t: t, transport: transport, port: strconv.Itoa(freeUDPPorts(t, 1)[0]), realm: randomRealmKey(t)}
	stop := filepath.Join(t.TempDir(), "stop")
	server := start(t, g.spec("server", g.realm, "--server", "--port", g.port, "--timeout-ms", strconv.Itoa(mpTimeoutMs), "--stop-file", stop))
	if _, err := server.WaitForLine(mpListening, mpWait); err != nil {
		t.Fatalf("the server did not start: %v\n%s", err, lastLines(server.Output(), 30))
	}
	a, idA := g.join("client-a", 76561197960287931)
	b, idB := g.join("client-b", 76561197960287932)
	if idA == idB || idA < 2 || idB < 2 {
		t.Fatalf("peer IDs %d and %d: want two distinct IDs above 1", idA, idB)
	}
	for _, id := range []int{idA, idB} {
		mpWaitFor(t, server, fmt.Sprintf(`^MP: peer_connected %d$`, id), fmt.Sprintf(`^MP: rpc_from_client %d hello from %d$`, id, id))
	}
	for _, c := range []struct {
		p         *godot.Process
		me, other int
	}{{a, idA, idB}, {b, idB, idA}} {
		mpWaitFor(t, c.p, fmt.Sprintf(`^MP: rpc_from_server welcome %d \(from 1\)$`, c.me), `^MP: rpc_from_server pong [0-9]+$`,
			fmt.Sprintf(`^MP: spawned %d$`, c.me), fmt.Sprintf(`^MP: spawned %d$`, c.other))
		mpWaitForMovement(t, c.p, c.other)
	}
	mpWaitFor(t, a, fmt.Sprintf(`^MP: rpc_from_server announce joined %d$`, idB))

	if transport == "steam" {
		g.refusedClient(server)
	}

	b.Kill()
	killed := time.Now()
	mpWaitFor(t, server, fmt.Sprintf(`^MP: peer_disconnected %d$`, idB))
	t.Logf("the killed client was seen gone after %s (timeout %d ms)", time.Since(killed).Round(10*time.Millisecond), mpTimeoutMs)
	mpWaitFor(t, a, fmt.Sprintf(`^MP: despawned %d$`, idB), fmt.Sprintf(`^MP: rpc_from_server announce left %d$`, idB))

	writeFile(t, stop, "")
	mustPass(t, server.Wait(mpWait), godot.Expect{NoErrors: true})
	ra := a.Wait(mpWait)
	mustPass(t, ra, godot.Expect{NoErrors: true})
	mustLog(t, ra, `^MP: server_disconnected$`)
}

// mpGame starts the game's processes of one subtest.
type mpGame struct {
	t                      *testing.T
	transport, port, realm string
}

// spec runs multiplayer/main.tscn with args, in the realm of key (GOSTEAM_REALM_KEY).
func (g mpGame) spec(what, key string, args ...string) godot.Spec {
	args = append([]string{"res://multiplayer/main.tscn", "--", "--transport", g.transport, "--max-seconds", "120"}, args...)
	spec := headless(g.t, repo.Project(), what, []string{"GOSTEAM_REALM_KEY=" + key}, args...)
	spec.Timeout = 3 * time.Minute
	return spec
}

// join starts a client as user and returns it with the peer ID it was given.
func (g mpGame) join(what string, user uint64) (*godot.Process, int) {
	g.t.Helper()
	p := start(g.t, g.spec(what, g.realm, "--client", "--address", "127.0.0.1:"+g.port, "--user-steam-id", strconv.FormatUint(user, 10)))
	id, err := p.WaitForLine(mpConnected, mpWait)
	if err != nil {
		g.t.Fatalf("%s did not connect: %v\n%s", what, err, lastLines(p.Output(), 30))
	}
	n, _ := strconv.Atoi(id)
	return p, n
}

// refusedClient: a client of another realm presents a ticket the server's realm did not sign; its
// connection must fail on its side and never reach the server's game.
func (g mpGame) refusedClient(server *godot.Process) {
	g.t.Helper()
	before := len(mpPeerConnected.FindAllString(server.Output(), -1))
	spec := g.spec("client-forged", randomRealmKey(g.t), "--client", "--address", "127.0.0.1:"+g.port, "--user-steam-id", "76561197960287933")
	spec.Timeout = time.Minute
	r := godot.Run(spec)
	mustPass(g.t, r, godot.Expect{ExitCode: 1}) // the client quits with 1 on connection_failed
	// ClosedByPeer, end reason 4003 (Remote_BadCert): the server refused the ticket.
	mustLog(g.t, r, `^MP: connection_failed$`, `^MP: steam_connection state 4 end_reason 4003$`)
	if mpConnected.MatchString(r.Log) {
		g.t.Errorf("the client of another realm connected:\n%s", lastLines(r.Log, 20))
	}
	time.Sleep(time.Second) // anything the server would do about it
	if after := len(mpPeerConnected.FindAllString(server.Output(), -1)); after != before {
		g.t.Errorf("the server counted %d peer_connected, %d before the client of another realm came", after, before)
	}
}

var mpPeerConnected = regexp.MustCompile(`(?m)^MP: peer_connected `)

// mpWaitFor waits until every pattern matches a line of p's output (at most mpWait for all).
func mpWaitFor(t *testing.T, p *godot.Process, patterns ...string) {
	t.Helper()
	deadline := time.Now().Add(mpWait)
	for _, pattern := range patterns {
		if _, err := p.WaitForLine(regexp.MustCompile("(?m)"+pattern), time.Until(deadline)); err != nil {
			t.Fatalf("%v\nlast lines:\n%s", err, lastLines(p.Output(), 30))
		}
	}
}

// mpWaitForMovement waits until p has printed two different synchronized positions of player id.
func mpWaitForMovement(t *testing.T, p *godot.Process, id int) {
	t.Helper()
	line := regexp.MustCompile(fmt.Sprintf(`(?m)^MP: synced position %d (\S+ \S+)$`, id))
	deadline := time.Now().Add(mpWait)
	for time.Now().Before(deadline) {
		seen := map[string]bool{}
		for _, m := range line.FindAllStringSubmatch(p.Output(), -1) {
			seen[m[1]] = true
		}
		if len(seen) >= 2 {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("no two different synchronized positions of player %d within %s\nlast lines:\n%s", id, mpWait, lastLines(p.Output(), 30))
}

// randomRealmKey is a fresh offline realm key (64 hex digits).
func randomRealmKey(t testing.TB) string {
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(key)
}
