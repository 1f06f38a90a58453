//go:build cgo && linux

package steamworks

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
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
