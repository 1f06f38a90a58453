//go:build e2e

package e2e

import (
	"regexp"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/e2e/internal/godot"
)

// stateLine is the line the demo server prints once logged on: `demo: state {json}`.
var stateLine = regexp.MustCompile(`(?m)^demo: state (\{.*\})$`)

// TestDemoAuth: the demo server and the demo client on loopback: the client sends an offline ticket
// over UDP, the server approves it (beginAuthSession, validate_auth_ticket_response) and the client
// reports it; then SIGTERM stops the server cleanly (logOff, serverShutdown, exit 0).
func TestDemoAuth(t *testing.T) {
	ports := freeUDPPorts(t, 2)
	port, queryPort := strconv.Itoa(ports[0]), strconv.Itoa(ports[1])
	// One config folder: client and server share the realm key, as one user's programs do.
	config := "XDG_CONFIG_HOME=" + t.TempDir()
	server := start(t, headless(t, repo.Project(), "server", []string{config}, "res://demo/server.tscn", "--",
		"--ip", "127.0.0.1", "--port", port, "--query-port", queryPort, "--backend", "offline", "--max-seconds", "120"))
	if _, err := server.WaitForLine(stateLine, 60*time.Second); err != nil {
		t.Fatalf("the server did not start: %v", err)
	}
	clientResult := godot.Run(demoClient(t, config, port))
	if err := server.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	r := server.Wait(30 * time.Second)
	if err := godot.Verdict(clientResult, godot.Expect{Tally: true}); err != nil {
		t.Errorf("the client was not authenticated: %v", err)
	}
	mustLog(t, clientResult, `^client: authenticated as `)
	mustPass(t, r, godot.Expect{NoErrors: true}) // exit 0 after SIGTERM, no error on the way
	mustLog(t, r, `^demo: client [0-9]+ authenticated`, `^demo: client [0-9]+ stats stored \(NumGames 1\)`, `^Steam: SIGTERM received`, `^demo: quit requested`,
		`^demo: signal server_disconnected`, `^demo: server shut down`)
}

// demoClient is the demo client authenticating with the demo server on 127.0.0.1:port, in the
// realm of config (XDG_CONFIG_HOME=...).
func demoClient(t *testing.T, config, port string) godot.Spec {
	client := headless(t, repo.Project(), "client", []string{config}, "res://demo/client.tscn", "--",
		"--server", "127.0.0.1", "--port", port, "--timeout", "20")
	client.Timeout = time.Minute
	return client
}
