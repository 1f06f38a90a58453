// Package extbuild builds the extension library for each platform steam.gdextension lists, and
// the addon folder a game copies (dist.go). build.sh's build and dist commands and the e2e checks
// use it.
package extbuild

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/gosteam/godot-steam-server/e2e/internal/bounded"
)

// Target is a platform the extension is built for.
type Target struct {
	Name   string // as build.sh and the tests call it
	GOOS   string
	GOARCH string
	CC     string // cgo's C compiler; "" for this machine's
	Lib    string // the file name steam.gdextension gives it
}

// Native is this machine's library, the one every Godot run here loads.
var Native = Target{Name: "linux-x86_64", GOOS: "linux", GOARCH: "amd64", Lib: "libsteam_server.linux.x86_64.so"}

// Cross are the cross-built libraries. Each needs Debian's cross C compiler for cgo (its packages
// are in scripts/system_packages.sh); the first build of a target compiles the Go standard library
// and godot-go's ffi package for it, later ones are cached.
var Cross = []Target{
	{Name: "windows-x86_64", GOOS: "windows", GOARCH: "amd64", CC: "x86_64-w64-mingw32-gcc", Lib: "libsteam_server.windows.x86_64.dll"},
	{Name: "linux-arm64", GOOS: "linux", GOARCH: "arm64", CC: "aarch64-linux-gnu-gcc", Lib: "libsteam_server.linux.arm64.so"},
}

// TargetNamed finds a target by its Name.
func TargetNamed(name string) (Target, error) {
	for _, t := range append([]Target{Native}, Cross...) {
		if t.Name == name {
			return t, nil
		}
	}
	return Target{}, fmt.Errorf("unknown target %q", name)
}

// Repo is a checkout of this module and the cache its builds stage in.
type Repo struct {
	Root  string // the module root
	Cache string // GOSTEAM_CACHE, default ~/.cache/gosteam
}

// FindRepo finds the module root above the working directory and the cache folder.
func FindRepo() (Repo, error) {
	dir, err := os.Getwd()
	if err != nil {
		return Repo{}, err
	}
	for !exists(filepath.Join(dir, "go.mod")) || !exists(filepath.Join(dir, "steam.gdextension")) {
		parent := filepath.Dir(dir)
		if parent == dir {
			return Repo{}, errors.New("not inside the repository (no go.mod beside steam.gdextension)")
		}
		dir = parent
	}
	cache := os.Getenv("GOSTEAM_CACHE")
	if cache == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return Repo{}, fmt.Errorf("set GOSTEAM_CACHE: %w", err)
		}
		cache = filepath.Join(home, ".cache", "gosteam")
	}
	return Repo{Root: dir, Cache: cache}, nil
}

// Project is the Godot project folder; Bin its bin/ folder, where the libraries go.
func (r Repo) Project() string { return filepath.Join(r.Root, "godot_project") }
func (r Repo) Bin() string     { return filepath.Join(r.Project(), "bin") }

// stage: where go build writes before a library is installed into Bin, one folder per checkout.
func (r Repo) stage() string {
	sum := sha256.Sum256([]byte(r.Root))
	return filepath.Join(r.Cache, "build", hex.EncodeToString(sum[:6]))
}

// Build builds target's library into Bin (and, for Native, puts steam.gdextension beside it).
// Go caches compiled packages but links every time, and MinGW's link of the DLL takes about 2
// minutes: the link is skipped when no package changed (the build IDs of every dependency, which
// `go list -export` gives from the cache, compiling what changed). The library is replaced only
// when its content changed, so its mtime (which triggers a Godot re-import) moves only then.
// Concurrent builds of one checkout wait for each other.
func (r Repo) Build(t Target) error {
	unlock, err := r.Lock("build-" + filepath.Base(r.stage()))
	if err != nil {
		return err
	}
	defer unlock()
	if err := os.MkdirAll(r.stage(), 0o755); err != nil {
		return err
	}
	if err := os.MkdirAll(r.Bin(), 0o755); err != nil {
		return err
	}
	env := append(os.Environ(), "CGO_ENABLED=1", "GOOS="+t.GOOS, "GOARCH="+t.GOARCH)
	if t.CC != "" {
		env = append(env, "CC="+t.CC)
	}
	inputs, err := r.buildInputs(env, t)
	if err != nil {
		return err
	}
	staged, installed := filepath.Join(r.stage(), t.Lib), filepath.Join(r.Bin(), t.Lib)
	stamp := staged + ".inputs"
	if old, _ := os.ReadFile(stamp); string(old) == inputs && sameFile(staged, installed) {
		fmt.Fprintf(os.Stderr, "==> %s is up to date\n", installed)
	} else {
		fmt.Fprintf(os.Stderr, "==> GOOS=%s GOARCH=%s CC=%s go build -buildmode=c-shared ./extension -> %s\n", t.GOOS, t.GOARCH, t.CC, installed)
		start := time.Now()
		if err := r.goCmd(env, "build", "-buildmode=c-shared", "-ldflags", "-s -w", "-o", staged, "./extension"); err != nil {
			return fmt.Errorf("building %s: %w", t.Lib, err)
		}
		os.Remove(strings.TrimSuffix(staged, filepath.Ext(staged)) + ".h")
		if err := os.WriteFile(stamp, []byte(inputs), 0o644); err != nil {
			return err
		}
		if err := installIfChanged(staged, installed); err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "==> %s built in %s\n", t.Lib, time.Since(start).Round(time.Second))
	}
	if t == Native {
		return installIfChanged(filepath.Join(r.Root, "steam.gdextension"), filepath.Join(r.Bin(), "steam.gdextension"))
	}
	return nil
}

// buildInputs: a hash of every dependency's build ID and of the C compiler's version.
func (r Repo) buildInputs(env []string, t Target) (string, error) {
	list := bounded.Command(30*time.Minute, "go", "list", "-buildmode=c-shared", "-export", "-deps", "-f", "{{.ImportPath}}={{.BuildID}}", "./extension")
	list.Dir, list.Env, list.Stderr = r.Root, env, os.Stderr
	ids, err := list.Output()
	// go list -export of a c-shared build writes its cgo header into the working folder, nameless.
	os.Remove(filepath.Join(r.Root, ".h"))
	if err != nil {
		return "", fmt.Errorf("go list -export ./extension for %s: %w", t.Name, err)
	}
	cc := t.CC
	if cc == "" {
		cc = "gcc"
	}
	version, err := bounded.Command(time.Minute, cc, "--version").Output()
	if err != nil {
		return "", fmt.Errorf("%s (cgo's C compiler for %s): %w", cc, t.Name, err)
	}
	first, _, _ := strings.Cut(string(version), "\n")
	sum := sha256.Sum256(append(ids, first...))
	return hex.EncodeToString(sum[:]), nil
}

func (r Repo) goCmd(env []string, args ...string) error {
	cmd := bounded.Command(60*time.Minute, "go", args...)
	cmd.Dir, cmd.Env, cmd.Stdout, cmd.Stderr = r.Root, env, os.Stderr, os.Stderr
	return cmd.Run()
}

// Lock takes the flock $Cache/locks/NAME.lock (waiting for its holder) and returns its release.
// build.sh's scripts take the same locks with flock(1).
func (r Repo) Lock(name string) (func(), error) {
	dir := filepath.Join(r.Cache, "locks")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(filepath.Join(dir, name+".lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	if syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) != nil {
		fmt.Fprintf(os.Stderr, "==> waiting for another build (lock %s)\n", name)
		if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
			f.Close()
			return nil, err
		}
	}
	return func() { f.Close() }, nil
}

// installIfChanged atomically replaces dst with a copy of src unless they are identical.
func installIfChanged(src, dst string) error {
	if sameFile(src, dst) {
		return nil
	}
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	tmp := fmt.Sprintf("%s.tmp.%d", dst, os.Getpid())
	if err := os.WriteFile(tmp, data, 0o755); err != nil {
		return err
	}
	return os.Rename(tmp, dst)
}

// sameFile: both exist with the same content.
func sameFile(a, b string) bool {
	da, err := os.ReadFile(a)
	if err != nil {
		return false
	}
	db, err := os.ReadFile(b)
	return err == nil && string(da) == string(db)
}

func exists(path string) bool { _, err := os.Stat(path); return err == nil }
