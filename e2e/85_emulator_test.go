//go:build e2e

package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/e2e/internal/godot"
)

// The Steam emulator (gbe_fork's libsteam_api.so, GOSTEAM_TEST_EMULATOR; its README.md in the
// project's shared/steam-emulator/) runs the steamworks backend's real code paths with no Steam
// client and no account. It announces itself to every LAN broadcast address, so every process that
// loads it, and every process that talks to one (the client, gamedig, qstat), runs in one fresh
// network namespace with only loopback up (emuNet), with a scratch HOME (it writes
// $HOME/.local/share/GSE Saves/) and SteamAppId=480.

// emulator is the emulator's path: GOSTEAM_TEST_EMULATOR, else what scripts/provision_test_deps.sh
// finds (../shared/steam-emulator/libsteam_api.so beside the checkout), which fails saying where it
// looked and how to get it. Never a skip.
func emulator(t testing.TB) string {
	t.Helper()
	lib := dep(t, "GOSTEAM_TEST_EMULATOR", "emulator")
	if st, err := os.Stat(lib); err != nil || !st.Mode().IsRegular() {
		t.Fatalf("the Steam emulator is not at GOSTEAM_TEST_EMULATOR=%s: set it to gbe_fork's libsteam_api.so, or unset it for "+
			"scripts/provision_test_deps.sh emulator's default, ../shared/steam-emulator/libsteam_api.so beside the checkout "+
			"(the project's shared/steam-emulator/ has it, with its source and README)", lib)
	}
	return lib
}

// emuNet is a loopback-only network namespace held open by one process (unshare -n ... sleep); its
// cleanup kills the holder, and with it the namespace.
type emuNet struct{ holder *godot.Process }

func newEmuNet(t *testing.T) emuNet {
	t.Helper()
	holder := start(t, godot.Spec{
		Path:    "unshare",
		Args:    []string{"-n", "sh", "-c", "ip link set lo up && echo ready && exec sleep 1800"},
		Timeout: 30 * time.Minute,
		LogPath: filepath.Join(gd.LogDir, logName(t, "netns")+".log"),
	})
	if _, err := holder.WaitForLine(regexp.MustCompile(`(?m)^ready$`), 30*time.Second); err != nil {
		t.Fatalf("no loopback-only network namespace (unshare -n, as root): %v", err)
	}
	n := emuNet{holder}
	// The safety the emulator's README asks for: nothing but loopback in the namespace.
	links := godot.Run(n.in(godot.Spec{Path: "ip", Args: []string{"-o", "link", "show"}, Timeout: 30 * time.Second,
		LogPath: filepath.Join(gd.LogDir, logName(t, "netns-links")+".log")}))
	if links.ExitCode != 0 || !regexp.MustCompile(`^1: lo: <LOOPBACK,UP,LOWER_UP>[^\n]*\n$`).MatchString(links.Log) {
		t.Fatalf("the namespace must have only loopback, up; ip link shows:\n%s", links.Log)
	}
	return n
}

// in runs spec's program in the namespace (nsenter, which execs it: its PID is the program's, so
// Signal reaches it).
func (n emuNet) in(spec godot.Spec) godot.Spec {
	spec.Args = append([]string{"--net=/proc/" + strconv.Itoa(n.holder.Pid()) + "/ns/net", "--", spec.Path}, spec.Args...)
	spec.Path = "nsenter"
	return spec
}

// emulatorEnv is the environment of a program loading the emulator: a scratch HOME, app 480.
func emulatorEnv(t testing.TB) []string {
	return []string{"HOME=" + t.TempDir(), "SteamAppId=480"}
}

// emulatorCopy copies the emulator into a scratch folder (its own folder is read-only and holds no
// steam_settings/) and returns the copy.
func emulatorCopy(t testing.TB) string {
	dst := filepath.Join(t.TempDir(), "libsteam_api.so")
	copyTree(t, emulator(t), dst)
	return dst
}

var (
	policyLine  = regexp.MustCompile(`(?m)^demo: signal policy_response\[1\]$`)
	loggedOnRun = []string{`^demo: signal server_connected\[\]$`, `^demo: logged on as [0-9]+$`, `^demo: signal policy_response\[1\]$`}
)

// emulatorDemoArgs are the demo server's options of the emulator tests (after the game and query
// ports): secure mode, bots, rules, password and tags, so the browsers have something to read.
var emulatorDemoArgs = []string{"--mode", "3", "--name", "Emulator check", "--map", "emu_map", "--max-players", "24",
	"--bots", "2", "--rules", "20", "--password", "--tags", "coop,godot,emulator", "--max-seconds", "300"}

// TestEmulatorDemoServer: the demo server on the steamworks backend (--backend steamworks,
// GOSTEAM_STEAM_API = a copy of the emulator) logs on (server_connected, then policy_response with
// secure 1 in mode 3); gamedig and qstat read what it set from the library's own A2S responder (the
// emulator answers on the query port itself; the extension only hands it the values); a second
// Godot process of ours, itself a game server on the emulator, sends a ticket of
// Steam.getAuthSessionTicket, which the server's beginAuthSession accepts with
// validate_auth_ticket_response 0 — the emulator accepts any ticket of the minimum size (no
// signature or ownership check), so this proves the plumbing (ticket bytes and Steam IDs through
// the flat API, callbacks 163 and 143 decoded), not Steam's verdict; then SIGTERM shuts it down
// cleanly.
func TestEmulatorDemoServer(t *testing.T) {
	api := emulatorCopy(t)
	net := newEmuNet(t)
	p := freeUDPPorts(t, 2)
	port, queryPort := strconv.Itoa(p[0]), strconv.Itoa(p[1])
	spec := headless(t, repo.Project(), "server", append(emulatorEnv(t), "GOSTEAM_STEAM_API="+api), append([]string{
		"res://demo/server.tscn", "--", "--ip", "127.0.0.1", "--port", port, "--query-port", queryPort, "--backend", "steamworks"},
		emulatorDemoArgs...)...)
	spec.Timeout = 6 * time.Minute
	r := checkEmulatorServer(t, net, spec, p[0], p[1], true)
	mustLog(t, r, regexp.QuoteMeta("Steam: steamworks backend, "+api))
}

// TestEmulatorExportedServer: the demo exported as a dedicated server (the "+ Steam" preset) with
// the emulator as the project's bin/libsteam_api.so, so the export ships it beside the binary; run
// with GOSTEAM_BACKEND=auto it must pick that library, log on, answer gamedig and qstat through it,
// accept a getAuthSessionTicket ticket and stop cleanly on SIGTERM, as in TestEmulatorDemoServer.
func TestEmulatorExportedServer(t *testing.T) {
	net := newEmuNet(t)
	run := exportWithSteamAPI(t, emulator(t))
	p := freeUDPPorts(t, 2)
	r := checkEmulatorServer(t, net, godot.Spec{
		Path: run,
		Args: append([]string{"--", "--ip", "127.0.0.1", "--port", strconv.Itoa(p[0]), "--query-port", strconv.Itoa(p[1])},
			emulatorDemoArgs...),
		Env:     append(emulatorEnv(t), "GOSTEAM_BACKEND=auto"),
		Timeout: 6 * time.Minute,
		LogPath: filepath.Join(gd.LogDir, logName(t, "server")+".log"),
	}, p[0], p[1], true)
	mustLog(t, r, regexp.QuoteMeta("Steam: steamworks backend, "+filepath.Join(filepath.Dir(run), "libsteam_api.so")),
		`display headless, dedicated_server export`)
}

// checkEmulatorServer runs the demo server spec in net until it has logged on, checks what gamedig
// and qstat read from the emulator's query port, with ticket also a client's getAuthSessionTicket
// ticket, then stops it with SIGTERM and returns its run (clean: exit 0, no errors, the shutdown
// lines of TestDemoAuth but server_disconnected, which the emulator's LogOff does not deliver
// before the shutdown).
func checkEmulatorServer(t *testing.T, net emuNet, spec godot.Spec, gamePort, queryPort int, ticket bool) godot.Result {
	t.Helper()
	server := start(t, net.in(spec))
	state, err := server.WaitForLine(stateLine, 60*time.Second)
	if err != nil {
		t.Fatalf("the demo server did not log on to the emulator: %v\n%s", err, lastLines(server.Output(), 30))
	}
	if _, err := server.WaitForLine(policyLine, 30*time.Second); err != nil {
		t.Errorf("no policy_response after the log-on: %v", err)
	}
	t.Run("browsers", func(t *testing.T) { emulatorBrowsers(t, net, state, queryPort) })
	if ticket {
		t.Run("steam-ticket", func(t *testing.T) { emulatorTicketClient(t, net, gamePort) })
	}
	if err := server.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	r := server.Wait(30 * time.Second)
	mustPass(t, r, godot.Expect{NoErrors: true})
	mustLog(t, r, loggedOnRun...)
	mustLog(t, r, `^Steam: SIGTERM received`, `^demo: quit requested`, `^demo: server shut down`)
	if ticket {
		mustLog(t, r, `^demo: client [0-9]+ at 127\.0\.0\.1:[0-9]+ sent a 256-byte ticket: beginAuthSession = 0$`,
			`^demo: signal validate_auth_ticket_response\[[0-9]+, 0, [0-9]+\]$`, `^demo: client [0-9]+ authenticated`,
			`^demo: client [0-9]+ left$`)
	}
	return r
}

// emulatorBrowsers runs tests/peers/check.mjs --emulator in net against queryPort. The emulator's
// A2S_INFO differs from Steam's (and the offline backend's) in what check.mjs's --emulator mode
// knows (protocol 2, no Steam ID, no tags) and in two fields adapted here: "game" carries the
// product (the demo's setProduct("480"), not its game description) and the version is the digits
// of the one given to serverInit ("1.0.0.0" -> "1000").
func emulatorBrowsers(t *testing.T, net emuNet, stateJSON string, queryPort int) {
	var state map[string]any
	if err := json.Unmarshal([]byte(stateJSON), &state); err != nil {
		t.Fatalf("demo: state is not JSON: %v", err)
	}
	state["game"] = "480"
	state["version"] = strings.ReplaceAll(state["version"].(string), ".", "")
	adapted, _ := json.Marshal(state)
	query := godot.Run(net.in(godot.Spec{
		Path:    "node",
		Args:    []string{filepath.Join(repo.Project(), "tests", "peers", "check.mjs"), string(adapted), "127.0.0.1", strconv.Itoa(queryPort), "--emulator"},
		Env:     []string{"GAMEDIG_DIR=" + dep(t, "GAMEDIG_DIR", "gamedig"), "QUAKESTAT=" + tool(t, "quakestat")},
		Timeout: 2 * time.Minute,
		LogPath: filepath.Join(gd.LogDir, logName(t, "browsers")+".log"),
	}))
	if err := godot.Verdict(query, godot.Expect{}); err != nil {
		t.Errorf("gamedig or qstat did not show what the demo set (through the emulator): %v\n%s", err, query.Log)
	}
}

// emulatorTicketClient: demo/client.gd --ticket steam, on its own copy of the emulator and HOME.
func emulatorTicketClient(t *testing.T, net emuNet, gamePort int) {
	client := headless(t, repo.Project(), "client", append(emulatorEnv(t), "GOSTEAM_BACKEND=steamworks", "GOSTEAM_STEAM_API="+emulatorCopy(t)),
		"res://demo/client.tscn", "--", "--server", "127.0.0.1", "--port", strconv.Itoa(gamePort), "--ticket", "steam", "--timeout", "30")
	client.Timeout = 2 * time.Minute
	r := runCheck(t, net.in(client), godot.Expect{Tally: true})
	mustLog(t, r, `^client: steamworks backend$`, `^client: logged on as [0-9]+$`, `^client: get_auth_session_ticket_response [0-9]+, result 1$`,
		`^client: sent a 256-byte ticket for [0-9]+ to 127\.0\.0\.1:`, `^client: server's beginAuthSession = 0$`,
		`^client: authenticated as [0-9]+: validate_auth_ticket_response = 0 \(OK\)$`)
}

// TestGodotSteamServerScriptOnEmulator: tests/test_godotsteam_server.gd, a game server written for
// GodotSteam Server 4 (the SteamServer singleton only), on the steamworks backend with a copy of the
// emulator, in its own loopback-only namespace: serverInitEx, the anonymous log-on and its
// signals, the server's details, beginAuthSession(buffer, size, steam_id) of the server's own
// getAuthSessionTicket ticket for a player's Steam ID (the emulator accepts any ticket) with its
// validate_auth_ticket_response, the Steam ID helpers on the emulator's server ID, getAppID, and
// the offline-only scripting calls refused. TestGDScriptSuites runs the same suite offline.
func TestGodotSteamServerScriptOnEmulator(t *testing.T) {
	api := emulatorCopy(t)
	net := newEmuNet(t)
	spec := headless(t, repo.Project(), "godotsteam_server", append(emulatorEnv(t), "GOSTEAM_BACKEND=steamworks", "GOSTEAM_STEAM_API="+api),
		"res://tests/test_runner.tscn", "--", "test_godotsteam_server")
	spec.Timeout = 5 * time.Minute
	src, err := os.ReadFile(filepath.Join(repo.Project(), "tests", "test_godotsteam_server.gd"))
	if err != nil {
		t.Fatal(err)
	}
	tests := len(regexp.MustCompile(`(?m)^func test_`).FindAll(src, -1))
	r := runCheck(t, net.in(spec), godot.Expect{Tally: true})
	// Every test of the suite ran and passed there (none filtered out or lost).
	mustLog(t, r, regexp.QuoteMeta("Steam: steamworks backend, "+api), `^`+strconv.Itoa(tests)+` passed, 0 failed$`,
		// The suite's steamworks branch ran: the scripted events are refused there.
		`^ERROR: SteamServer\.offlineIssueTicket: scripted Steam events exist only with the offline backend`)
}
