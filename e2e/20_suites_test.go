//go:build e2e

package e2e

import (
	"path/filepath"
	"sync"
	"testing"

	"github.com/gosteam/godot-steam-server/e2e/internal/godot"
)

// TestGDScriptSuites: every tests/test_*.gd suite in one Godot run (tests/test_runner.tscn), offline.
func TestGDScriptSuites(t *testing.T) {
	runCheck(t, headless(t, repo.Project(), "test_runner", nil, "res://tests/test_runner.tscn"), godot.Expect{Tally: true})
}

// TestRealmPeers: two Godot processes of one offline realm exchange auth tickets over loopback UDP
// (tests/realm_peer.gd): the server accepts a ticket and refuses its replay, the client sees in its
// own process that the server used it, and the server sees the client's cancellation. Both make the
// realm key at once in one scratch XDG_CONFIG_HOME (the default key location), so they also race
// for it. Each peer gives up after 60 s.
func TestRealmPeers(t *testing.T) {
	dir := t.TempDir()
	config := "XDG_CONFIG_HOME=" + filepath.Join(dir, "config")
	var wg sync.WaitGroup
	results := map[string]godot.Result{}
	var mu sync.Mutex
	for _, role := range []string{"server", "client"} {
		spec := headless(t, repo.Project(), "realm-"+role, []string{config}, "res://tests/realm_peer.tscn", "--", role, dir)
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := godot.Run(spec)
			mu.Lock()
			results[role] = r
			mu.Unlock()
		}()
	}
	wg.Wait()
	for role, r := range results {
		t.Run(role, func(t *testing.T) { mustPass(t, r, godot.Expect{Tally: true}) })
	}
}

// The methods of tests/panic_check.gd's table: one of each kind of call (a cached status read,
// Dictionaries built in Go and in C, a setter, run_callbacks, a Variant argument).
var panicMethods = []string{"loggedOn", "getPublicIP", "getNextOutgoingPacket", "setMapName", "run_callbacks", "offlineIssueTicket", "beginAuthSession"}

// TestPanicInMethod: a Go panic in a bound method is reported as that method's error and survived,
// through the real Godot boundary (GOSTEAM_INJECT_PANIC=<method>).
func TestPanicInMethod(t *testing.T) {
	for _, method := range panicMethods {
		t.Run(method, func(t *testing.T) {
			r := runCheck(t, headless(t, repo.Project(), "panic_check", []string{"GOSTEAM_INJECT_PANIC=" + method}, "res://tests/panic_check.tscn"), godot.Expect{Tally: true})
			mustLog(t, r, `Steam\.`+method+`: internal error, call ignored: fault injected by GOSTEAM_INJECT_PANIC`)
		})
	}
}

// TestPanicWhileLoading: a panic while the extension registers its class: Godot goes on without Steam.
func TestPanicWhileLoading(t *testing.T) {
	r := runCheck(t, headless(t, repo.Project(), "load_panic_check", []string{"GOSTEAM_INJECT_PANIC=load"}, "res://tests/load_panic_check.tscn"), godot.Expect{Tally: true})
	mustLog(t, r, `Steam: internal error while loading or unloading the extension: fault injected by GOSTEAM_INJECT_PANIC=load`)
}

// TestDemoServer: the demo server (the project's main scene) logs on offline and shuts down cleanly
// after 300 frames; it keeps lambdas connected to every Steam signal until exit, which once crashed
// Godot's shutdown.
func TestDemoServer(t *testing.T) {
	r := runCheck(t, headless(t, repo.Project(), "demo", nil, "res://demo/server.tscn", "--quit-after", "300"), godot.Expect{})
	mustLog(t, r, `^demo: server shut down`)
}
