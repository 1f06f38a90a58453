//go:build e2e

package e2e

import (
	"net"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/e2e/internal/godot"
)

// TestServerBrowsers: the demo server answers two real server browsers, gamedig (npm, pinned in
// tests/peers/) and qstat (Debian's quakestat), which must show exactly what it set
// (tests/peers/check.mjs): in both query-port modes, with the A2S_INFO challenge (the default) and
// without it (STEAM_GAMESERVER_A2S_INFO_REQUIRE_CHALLENGE=0), with split and single-datagram
// replies, and rules enough to need a split reply. A raw A2S_INFO checks which mode answered.
func TestServerBrowsers(t *testing.T) {
	p := freeUDPPorts(t, 4)
	port := func(i int) string { return strconv.Itoa(p[i]) }
	demo := []string{gd.Bin, "--headless", "--path", repo.Project(), "res://demo/server.tscn", "--"}
	t.Run("query-port", func(t *testing.T) {
		checkServerBrowsers(t, demo, p[1], nil,
			"--ip", "127.0.0.1", "--port", port(0), "--query-port", port(1), "--mode", "3", "--name", "Peer check: query port",
			"--map", "arena_01", "--max-players", "24", "--bots", "3", "--rules", "80", "--password", "--tags", "coop,godot,offline")
	})
	t.Run("shared", func(t *testing.T) {
		checkServerBrowsers(t, demo, p[2], []string{"STEAM_GAMESERVER_A2S_INFO_REQUIRE_CHALLENGE=0"}, "--ip", "127.0.0.1", "--port", port(2), "--shared", "--mode", "2",
			"--name", "Peer check: GameSocketShare", "--map", "dm_shared", "--max-players", "8", "--rules", "100")
	})
	t.Run("shared-single-datagram", func(t *testing.T) {
		checkServerBrowsers(t, demo, p[3], []string{"GOSTEAM_A2S_SINGLE_DATAGRAM=1"},
			"--ip", "127.0.0.1", "--port", port(3), "--shared", "--mode", "3", "--bots", "1", "--rules", "120", "--tags", "ctf")
	})
}

// checkServerBrowsers starts a demo server (command, then demoArgs after its "--") offline with env,
// queries it on queryPort with gamedig and qstat, stops it through its stop file and checks that it
// shut down cleanly. It returns the server's run.
func checkServerBrowsers(t *testing.T, command []string, queryPort int, env []string, demoArgs ...string) godot.Result {
	t.Helper()
	gamedig := dep(t, "GAMEDIG_DIR", "gamedig")
	quakestat := tool(t, "quakestat")
	stop := filepath.Join(t.TempDir(), "stop")
	server := start(t, godot.Spec{
		Path:    command[0],
		Args:    append(append(command[1:], demoArgs...), "--stop-file", stop, "--max-seconds", "120"),
		Env:     append([]string{"GOSTEAM_BACKEND=offline", "XDG_CONFIG_HOME=" + t.TempDir()}, env...),
		Timeout: 3 * time.Minute,
		LogPath: filepath.Join(gd.LogDir, logName(t, "server")+".log"),
	})
	state, err := server.WaitForLine(stateLine, 60*time.Second)
	if err != nil {
		t.Fatalf("the demo printed no 'demo: state' line: %v", err)
	}
	checkUnchallengedInfo(t, queryPort, !slices.Contains(env, "STEAM_GAMESERVER_A2S_INFO_REQUIRE_CHALLENGE=0"))
	query := godot.Run(godot.Spec{
		Path:    "node",
		Args:    []string{filepath.Join(repo.Project(), "tests", "peers", "check.mjs"), state, "127.0.0.1", strconv.Itoa(queryPort)},
		Env:     []string{"GAMEDIG_DIR=" + gamedig, "QUAKESTAT=" + quakestat},
		Timeout: 2 * time.Minute,
		LogPath: filepath.Join(gd.LogDir, logName(t, "browsers")+".log"),
	})
	if err := godot.Verdict(query, godot.Expect{}); err != nil {
		t.Errorf("gamedig or qstat did not show what the demo set: %v\n%s", err, query.Log)
	}
	if err := os.WriteFile(stop, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	r := server.Wait(30 * time.Second) // the demo polls its stop file
	mustPass(t, r, godot.Expect{NoErrors: true})
	mustLog(t, r, `^demo: server shut down`)
	return r
}

// checkUnchallengedInfo sends the plain 25-byte A2S_INFO a spoofed source would: by default the
// answer is the 9-byte S2C_CHALLENGE, no larger than the request; opted out, the whole S2A_INFO.
func checkUnchallengedInfo(t *testing.T, queryPort int, challenged bool) {
	t.Helper()
	conn, err := net.DialUDP("udp4", nil, &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1), Port: queryPort})
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	request := append([]byte{0xFF, 0xFF, 0xFF, 0xFF, 'T'}, "Source Engine Query\x00"...)
	reply := make([]byte, 2048)
	for attempt := 0; attempt < 5; attempt++ { // UDP: the demo may still be starting up
		if _, err := conn.Write(request); err != nil {
			t.Fatal(err)
		}
		_ = conn.SetReadDeadline(time.Now().Add(time.Second))
		n, err := conn.Read(reply)
		if err != nil {
			continue
		}
		switch {
		case challenged && (n != 9 || reply[4] != 'A'):
			t.Errorf("an unchallenged A2S_INFO (%d bytes) got %d bytes of type %q, want the 9-byte S2C_CHALLENGE", len(request), n, reply[4])
		case !challenged && (n <= len(request) || reply[4] != 'I'):
			t.Errorf("with the challenge turned off, A2S_INFO got %d bytes of type %q, want S2A_INFO", n, reply[4])
		default:
			t.Logf("an unchallenged %d-byte A2S_INFO got %d bytes (type %q)", len(request), n, reply[4])
		}
		return
	}
	t.Errorf("no answer to a raw A2S_INFO on 127.0.0.1:%d", queryPort)
}
