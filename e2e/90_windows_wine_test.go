//go:build e2e

package e2e

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/e2e/internal/godot"
)

// The steam packages' own tests, cross-compiled for windows/amd64 (cgo off) and run under Debian
// sid's Wine (scripts/provision_wine.sh: unpacked, never installed), in a loopback-only network
// namespace with a scratch WINEPREFIX. Never a skip: when Wine cannot be provisioned the test fails
// saying why.

// windowsPackages are the packages whose tests run under Wine.
var windowsPackages = []string{"./steam/offline/", "./steam/", "./steam/steamworks/", "./steam/internal/udpbatch/"}

// hostToolTests are left out under Wine (-test.skip): they check the callback table against the
// build host's MinGW compiler (x86_64-w64-mingw32-gcc, a Linux program a Windows process cannot
// run), not the Windows build; the native `go test ./steam/...` runs them.
const hostToolTests = `^(TestWindowsCallbackLayoutsMatchMinGW|TestMinGWLayoutCheckCatchesWrongRows)$`

// wineNetOverlay is a `go build -overlay` file for Wine 10's one gap in what Go's net package needs:
// since Go 1.26 (go.dev/issue/68614) every UDP socket gets SIO_UDP_NETRESET, which Wine 10 answers
// with WSAEOPNOTSUPP (10045), so no UDP socket could be opened. The overlay is Go's own
// net/fd_windows.go with that one error (and only it, from only that ioctl) tolerated; it fails when
// the file no longer has the shape it patches.
func wineNetOverlay(t *testing.T, goBin string) string {
	t.Helper()
	out, err := exec.Command(goBin, "env", "GOROOT").Output()
	if err != nil {
		t.Fatalf("go env GOROOT: %v", err)
	}
	orig := filepath.Join(strings.TrimSpace(string(out)), "src", "net", "fd_windows.go")
	src, err := os.ReadFile(orig)
	if err != nil {
		t.Fatalf("Go's net/fd_windows.go: %v", err)
	}
	re := regexp.MustCompile(`(windows\.SIO_UDP_NETRESET[^\n]*\n\s*)if err != nil \{`)
	if n := len(re.FindAllIndex(src, -1)); n != 1 {
		t.Fatalf("%s: expected one SIO_UDP_NETRESET WSAIoctl followed by `if err != nil {`, found %d: "+
			"update wineNetOverlay for this Go version", orig, n)
	}
	patched := re.ReplaceAll(src, []byte("${1}if err != nil && err != syscall.Errno(10045) { // WSAEOPNOTSUPP: Wine 10 has no SIO_UDP_NETRESET"))
	dir := t.TempDir()
	file := filepath.Join(dir, "fd_windows.go")
	writeFile(t, file, string(patched))
	js, err := json.Marshal(map[string]map[string]string{"Replace": {orig: file}})
	if err != nil {
		t.Fatal(err)
	}
	overlay := filepath.Join(dir, "overlay.json")
	writeFile(t, overlay, string(js))
	return overlay
}

func TestWindowsWine(t *testing.T) {
	out, err := scriptOutput("provision_wine.sh")
	if err != nil {
		t.Fatalf("Wine (Debian sid's, unpacked by scripts/provision_wine.sh) could not be provisioned: %v", err)
	}
	wine := strings.TrimSpace(out)
	wineserver := filepath.Join(filepath.Dir(wine), "wineserver")
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go tool is needed to cross-compile the tests for Windows: %v", err)
	}
	overlay := wineNetOverlay(t, goBin)

	// Build every test binary first: a build failure is a failure of its own.
	bins := t.TempDir()
	exes := map[string]string{}
	for _, pkg := range windowsPackages {
		exe := filepath.Join(bins, strings.NewReplacer("/", "_", ".", "").Replace(strings.Trim(pkg, "./"))+".test.exe")
		cmd := exec.Command(goBin, "test", "-c", "-overlay", overlay, "-o", exe, pkg)
		cmd.Dir = repo.Root
		cmd.Env = append(os.Environ(), "GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=0")
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("GOOS=windows GOARCH=amd64 CGO_ENABLED=0 go test -c %s: %v\n%s", pkg, err, b)
		}
		exes[pkg] = exe
	}

	n := newEmuNet(t) // loopback only: Wine reaches nothing else
	prefix := filepath.Join(t.TempDir(), "prefix")
	env := []string{"WINEPREFIX=" + prefix, "HOME=" + t.TempDir(), "WINEDEBUG=-all", "WINEDLLOVERRIDES=mscoree,mshtml="}
	inNet := func(what string, timeout time.Duration, dir string, args ...string) godot.Result {
		return godot.Run(n.in(godot.Spec{
			Path:    "sh",
			Args:    append([]string{"-c", `cd "$1" && shift && exec "$@"`, "sh", dir}, args...),
			Env:     env,
			Timeout: timeout,
			LogPath: filepath.Join(gd.LogDir, logName(t, what)+".log"),
		}))
	}
	// The run's output without the passing tests' lines.
	failures := func(log string) string {
		var keep []string
		for _, l := range strings.Split(log, "\n") {
			if !regexp.MustCompile(`^\s*(=== (RUN|PAUSE|CONT|NAME)|--- (PASS|SKIP)):? `).MatchString(l) {
				keep = append(keep, l)
			}
		}
		return lastLines(strings.Join(keep, "\n"), 80)
	}
	t.Cleanup(func() { inNet("wineserver-k", time.Minute, repo.Root, wineserver, "-k") })

	start := time.Now()
	boot := inNet("wineboot", 3*time.Minute, repo.Root, wine, "wineboot", "--init")
	if boot.ExitCode != 0 || boot.TimedOut {
		t.Fatalf("creating the Wine prefix failed (exit %d, timed out %v, %s):\n%s", boot.ExitCode, boot.TimedOut, boot.LogPath, lastLines(boot.Log, 30))
	}
	// Go loads system DLLs with LOAD_LIBRARY_SEARCH_SYSTEM32, so their dependencies are looked for
	// in system32 only, not on WINEPATH: Debian's user32.dll (which crypt32.dll, hence crypto/x509's
	// certificate checks, loads) needs libz-mingw-w64's zlib1.dll, so it goes there.
	zlib := filepath.Join(filepath.Dir(filepath.Dir(wine)), "root", "usr", "x86_64-w64-mingw32", "lib", "zlib1.dll")
	if b, err := os.ReadFile(zlib); err != nil {
		t.Fatalf("Debian's zlib1.dll for Wine (libz-mingw-w64, unpacked by scripts/provision_wine.sh): %v", err)
	} else if err := os.WriteFile(filepath.Join(prefix, "drive_c", "windows", "system32", "zlib1.dll"), b, 0o644); err != nil {
		t.Fatalf("zlib1.dll into the prefix's system32: %v", err)
	}
	t.Logf("Wine prefix ready in %v", time.Since(start).Round(time.Millisecond))

	for _, pkg := range windowsPackages {
		t.Run(strings.Trim(pkg, "./"), func(t *testing.T) {
			start := time.Now()
			r := inNet("run-"+strings.ReplaceAll(strings.Trim(pkg, "./"), "/", "-"), 6*time.Minute, filepath.Join(repo.Root, pkg), wine, exes[pkg],
				"-test.count=1", "-test.timeout=5m", "-test.v", "-test.skip", hostToolTests)
			t.Logf("%s under Wine: exit %d in %v (%s)", pkg, r.ExitCode, time.Since(start).Round(time.Millisecond), r.LogPath)
			fails := regexp.MustCompile(`(?m)^\s*--- FAIL: .*$`).FindAllString(r.Log, -1)
			if r.TimedOut || r.ExitCode != 0 || len(fails) > 0 || !regexp.MustCompile(`(?m)^PASS\s*$`).MatchString(r.Log) {
				t.Fatalf("%s's tests failed under Wine (exit %d, timed out %v):\n%s\n--- the output without the passing tests:\n%s",
					pkg, r.ExitCode, r.TimedOut, strings.Join(fails, "\n"), failures(r.Log))
			}
			passed := len(regexp.MustCompile(`(?m)^\s*--- PASS: `).FindAllString(r.Log, -1))
			t.Logf("%s: %d tests and subtests passed under Wine", pkg, passed)
		})
	}
}
