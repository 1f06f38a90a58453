//go:build cgo && !windows

package steamworks

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/gosteam/godot-steam-server/steam/offline"
)

// realLibraryPackage is the npm package ./build.sh test takes the real libsteam_api.so from.
const realLibraryPackage = "steamworks.js-0.4.0"

// realLibrary is the real libsteam_api.so: $GOSTEAM_STEAM_API (build.sh sets it), else the copy
// build.sh caches. These tests never skip: without the library they fail and say how to get it.
func realLibrary(t *testing.T) string {
	t.Helper()
	path := os.Getenv(EnvLibraryPath)
	if path == "" {
		cache := os.Getenv("GOSTEAM_CACHE")
		if cache == "" {
			home, _ := os.UserHomeDir()
			cache = filepath.Join(home, ".cache", "gosteam")
		}
		path = filepath.Join(cache, realLibraryPackage, libraryName)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("the real libsteam_api.so is needed: %v.\nRun ./build.sh test (it fetches npm's %s into the cache and sets %s), "+
			"or set %s to a libsteam_api.so.", err, realLibraryPackage, EnvLibraryPath, EnvLibraryPath)
	}
	return path
}

// Every symbol of the table resolves from the real library.
func TestRealLibraryHasEverySymbol(t *testing.T) {
	path := realLibrary(t)
	lib, err := find(path, "", libraryName)
	if err != nil {
		t.Fatalf("%v", err)
	}
	for i, fn := range lib.fn {
		if fn == nil {
			t.Errorf("%s did not resolve", symbols[i].name)
		}
	}
	if filepath.Base(lib.Path()) != libraryName {
		t.Errorf("Path() = %q", lib.Path())
	}
	t.Logf("%d symbols resolved from %s", len(lib.fn), lib.Path())
	// A folder holding the library is accepted as well.
	if _, err := find(filepath.Dir(path), "", libraryName); err != nil {
		t.Errorf("folder %s: %v", filepath.Dir(path), err)
	}
}

func TestLoadErrors(t *testing.T) {
	// A library without Steam's symbols is refused, naming the first one missing.
	_, err := find("libc.so.6", "", libraryName)
	var le *LoadError
	if !errors.As(err, &le) || le.Symbol != symbols[0].name || errors.Is(err, ErrNotFound) {
		t.Errorf("libc: got %v, want a LoadError naming %s", err, symbols[0].name)
	}
	// An explicit path that does not exist is an error, not a reason to go offline.
	missing := filepath.Join(t.TempDir(), libraryName)
	if _, err := find(missing, "", libraryName); err == nil || errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), missing) {
		t.Errorf("explicit missing path: got %v", err)
	}
	// A file beside the extension that is not a library is an error too.
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, libraryName), []byte("not ELF"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := find("", dir, libraryName); err == nil || errors.Is(err, ErrNotFound) {
		t.Errorf("broken library beside the extension: got %v", err)
	}
	// Found nowhere: ErrNotFound, the one case auto selection goes offline for.
	_, err = find("", t.TempDir(), "libsteam_api_absent.so")
	if !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), EnvLibraryPath) {
		t.Errorf("absent library: got %v", err)
	}
	// The library beside the extension is found there.
	real := realLibrary(t)
	if lib, err := find("", filepath.Dir(real), libraryName); err != nil || lib.Path() != real {
		t.Errorf("library beside the extension: got %v, %v", lib, err)
	}
}

// Without a Steam client, the real library's game-server init fails with its own message and the
// process goes on: the same init fails the same way again, and the offline backend still works.
func TestRealInitWithoutSteamClient(t *testing.T) {
	path := realLibrary(t)
	home := t.TempDir() // no ~/.steam/sdk64/steamclient.so there, whatever this machine has
	t.Setenv("HOME", home)
	t.Setenv("SteamAppId", "480")
	b, err := New(Options{LibraryPath: path})
	if err != nil {
		t.Fatal(err)
	}
	for attempt := 1; attempt <= 2; attempt++ {
		err := b.Init(steam.InitConfig{GamePort: 27015, QueryPort: 27016, Mode: steam.ServerModeAuthentication, Version: "1.0.0.0"},
			&steam.State{}, steam.NewEventQueue(0))
		var ie *steam.InitError
		if !errors.As(err, &ie) {
			t.Fatalf("attempt %d: got %v, want a *steam.InitError", attempt, err)
		}
		t.Logf("attempt %d: status %d, %q", attempt, ie.Status, ie.Message)
		if ie.Status == steam.InitOK || !strings.Contains(ie.Message, "steamclient.so") || !strings.Contains(ie.Message, home) {
			t.Errorf("attempt %d: status %d, message %q: want the library's failure to load %s/.steam/sdk64/steamclient.so",
				attempt, ie.Status, ie.Message, home)
		}
	}
	if running.Load() {
		t.Error("a failed init left the process counting a running server")
	}

	// Through the front, with automatic selection: Steam's failure is reported, not replaced by offline.
	t.Setenv(EnvLibraryPath, path)
	srv := steam.NewServer(func() (steam.Backend, error) {
		b, _, err := Select("auto", Options{}, func() steam.Backend { return offline.New(offline.Options{}) })
		return b, err
	})
	err = srv.Init(steam.InitConfig{GamePort: 27015, QueryPort: 27016, Mode: steam.ServerModeAuthentication, Version: "1.0.0.0"})
	var ie *steam.InitError
	if !errors.As(err, &ie) || srv.Initialized() {
		t.Fatalf("auto with the library present: got %v (initialized %v), want Steam's InitError", err, srv.Initialized())
	}
	// Offline is still there for whoever asks for it.
	srv = steam.NewServer(func() (steam.Backend, error) {
		b, _, err := Select("offline", Options{}, func() steam.Backend { return offline.New(offline.Options{}) })
		return b, err
	})
	if err := srv.Init(steam.InitConfig{GamePort: 27015, QueryPort: 27016, Mode: steam.ServerModeAuthentication, Version: "1.0.0.0"}); err != nil {
		t.Fatalf("offline after Steam failed: %v", err)
	}
	if err := srv.LogOnAnonymous(); err != nil {
		t.Fatal(err)
	}
	srv.RunFrame() // the log-on completes
	if on, _ := srv.LoggedOn(); !on {
		t.Error("offline server did not log on")
	}
	_ = srv.Shutdown()
}
