//go:build e2e

// Package e2e holds the end-to-end checks: the built extension in real Godot 4.6 (the GDScript
// suites, the demo server and client, real server browsers, the export, the addon folder, the
// class reference, the real libsteam_api.so, the Steam emulator) and the cross-built libraries.
// Behind the e2e build tag, so `go test ./...` stays fast:
//
//	go test -tags e2e -v -timeout 60m ./e2e/          (./build.sh test runs it)
//	go test -tags e2e -run TestDemoAuth ./e2e/         one check alone
//
// The files are numbered in the order their tests run. Godot comes from GODOT_BIN (build.sh sets
// it), else from scripts/provision_godot.sh; other tools from their variables, else from
// scripts/provision_test_deps.sh. Every Godot run is judged by one verdict (e2e/internal/godot), and
// its log is kept in godot_project/.godot/gosteam-logs/.
package e2e

import (
	"bufio"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/e2e/internal/bounded"
	"github.com/gosteam/godot-steam-server/e2e/internal/extbuild"
	"github.com/gosteam/godot-steam-server/e2e/internal/godot"
)

// godotTimeout bounds each Godot run; GODOT_TIMEOUT (seconds) changes it.
var godotTimeout = 10 * time.Minute

var (
	repo extbuild.Repo
	gd   godot.Godot
)

// TestMain builds this machine's library and imports the project once for every test.
func TestMain(m *testing.M) {
	if err := prepare(); err != nil {
		fmt.Fprintf(os.Stderr, "e2e: %v\n", err)
		os.Exit(1)
	}
	os.Exit(m.Run())
}

func prepare() error {
	var err error
	if repo, err = extbuild.FindRepo(); err != nil {
		return err
	}
	if s := os.Getenv("GODOT_TIMEOUT"); s != "" {
		if godotTimeout, err = time.ParseDuration(s + "s"); err != nil {
			return fmt.Errorf("GODOT_TIMEOUT=%s: %w", s, err)
		}
	}
	bin := os.Getenv("GODOT_BIN")
	if bin == "" {
		out, err := scriptOutput("provision_godot.sh")
		if err != nil {
			return err
		}
		bin = strings.TrimSpace(out)
	}
	gd = godot.Godot{Bin: bin, LogDir: filepath.Join(repo.Project(), ".godot", "gosteam-logs")}
	if err := repo.Build(extbuild.Native); err != nil {
		return err
	}
	return gd.Import(repo.Project())
}

// scriptOutput runs one of scripts/ and returns its stdout (its messages go to stderr).
func scriptOutput(script string, args ...string) (string, error) {
	cmd := bounded.Command(30*time.Minute, filepath.Join(repo.Root, "scripts", script), args...)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("scripts/%s %s: %w", script, strings.Join(args, " "), err)
	}
	return string(out), nil
}

var (
	depsMu sync.Mutex
	deps   = map[string]string{}
)

// dep is a test dependency: the variable key when set, else what scripts/provision_test_deps.sh
// prints for what (it fetches or installs it).
func dep(t testing.TB, key, what string) string {
	t.Helper()
	depsMu.Lock()
	defer depsMu.Unlock()
	if v, ok := deps[key]; ok {
		return v
	}
	if v := os.Getenv(key); v != "" {
		deps[key] = v
		return v
	}
	out, err := scriptOutput("provision_test_deps.sh", what)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), "="); ok && k == key {
			deps[key] = v
			return v
		}
	}
	t.Fatalf("scripts/provision_test_deps.sh %s printed no %s=", what, key)
	return ""
}

// tool is a program of scripts/system_packages.sh's table (installed when missing), or the one
// its variable names (QUAKESTAT for quakestat, X86_64_W64_MINGW32_GCC...).
func tool(t testing.TB, name string) string {
	key := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' {
			return r - 'a' + 'A'
		}
		if (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') {
			return r
		}
		return '_'
	}, filepath.Base(name))
	return dep(t, key, name)
}

// steamAPI is the real libsteam_api.so.
func steamAPI(t testing.TB) string { return dep(t, "GOSTEAM_STEAM_API", "steam-api") }

// logName names a run's log after the test: TestPanicInMethod/loggedOn -> TestPanicInMethod-loggedOn-panic_check.
func logName(t testing.TB, what string) string {
	return strings.NewReplacer("/", "-", " ", "_").Replace(t.Name()) + "-" + what
}

// headless is the Spec of Godot run headless on project, offline and with a scratch
// XDG_CONFIG_HOME (where the offline realm key is made) unless env says otherwise.
func headless(t testing.TB, project, what string, env []string, args ...string) godot.Spec {
	spec := gd.Headless(project, logName(t, what), godotTimeout, args...)
	spec.Env = append([]string{"GOSTEAM_BACKEND=offline", "XDG_CONFIG_HOME=" + t.TempDir()}, env...)
	return spec
}

// mustPass fails t (now) unless the run is clean and shows what want asks.
func mustPass(t testing.TB, r godot.Result, want godot.Expect) {
	t.Helper()
	if err := godot.Verdict(r, want); err != nil {
		t.Fatalf("%v\nlast lines of the log:\n%s", err, lastLines(r.Log, 30))
	}
	if want.Tally {
		t.Log(godot.Tally(r.Log))
	}
}

// runCheck runs spec to its end and fails t unless mustPass passes.
func runCheck(t testing.TB, spec godot.Spec, want godot.Expect) godot.Result {
	t.Helper()
	r := godot.Run(spec)
	mustPass(t, r, want)
	return r
}

// start starts spec in the background; the test's cleanup kills it if it still runs.
func start(t testing.TB, spec godot.Spec) *godot.Process {
	t.Helper()
	p, err := godot.Start(spec)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if !p.Exited() {
			p.Kill()
			p.Wait(10 * time.Second)
		}
	})
	return p
}

// mustLog fails t unless every pattern matches a line of the run's log.
func mustLog(t testing.TB, r godot.Result, patterns ...string) {
	t.Helper()
	for _, p := range patterns {
		if !regexp.MustCompile("(?m)" + p).MatchString(r.Log) {
			t.Errorf("no /%s/ in the log (%s)", p, r.LogPath)
		}
	}
}

// freeUDPPorts asks the OS for n distinct UDP ports free on 127.0.0.1 (all bound at once, then
// released for the server to take).
func freeUDPPorts(t testing.TB, n int) []int {
	t.Helper()
	var ports []int
	for i := 0; i < n; i++ {
		c, err := net.ListenPacket("udp4", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		ports = append(ports, c.LocalAddr().(*net.UDPAddr).Port)
	}
	return ports
}

// copyTree copies a file or folder to dst with cp -a: modes and mtimes kept (Godot's import stamps
// compare them). dst's parent folder is made first.
func copyTree(t testing.TB, src, dst string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		t.Fatal(err)
	}
	if out, err := bounded.Command(5*time.Minute, "cp", "-a", src, dst).CombinedOutput(); err != nil {
		t.Fatalf("cp -a %s %s: %v\n%s", src, dst, err, out)
	}
}

func writeFile(t testing.TB, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
