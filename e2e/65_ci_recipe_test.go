//go:build e2e

package e2e

import (
	"archive/zip"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/e2e/internal/godot"
)

// recipeAlice is the player recipe/server_check.gd lets join by default.
const recipeAlice = "76561197960287930"

// TestCIRecipe: recipe/ci-server-check.sh, the CI job docs/testing-in-ci.md gives games, run as a
// game's CI runs it: a fresh project holding recipe/server_check.{gd,tscn} as res://ci/, the
// addon folder of ./build.sh dist given by GOSTEAM_ADDON, a pinned realm key file and an offline
// data file; Godot from GODOT (this harness's), or "downloaded" from a file:// release folder
// laid out as the official one. It must pass a good server scene and fail, with its verdict line,
// a scene that quits(1), a SCRIPT ERROR, an ERROR: line (unless allowed), a scene that never quits,
// and an addon whose library is missing. Everything binds 127.0.0.1; every run is bounded.
func TestCIRecipe(t *testing.T) {
	buildCrossLibraries(t)
	if _, err := repo.MakeDist(); err != nil {
		t.Fatal(err)
	}
	work := t.TempDir()
	key := filepath.Join(work, "realm.key")
	writeFile(t, key, strings.Repeat("0123456789abcdef", 4)+"\n")
	data := filepath.Join(work, "steam_offline.json")
	writeFile(t, data, `{"format": 1, "owns_server_app": true, "users": {"`+recipeAlice+`": {"name": "Alice", "apps": [1001]}}}`+"\n")
	banned := filepath.Join(work, "banned.json")
	writeFile(t, banned, `{"format": 1, "vac_banned": ["`+recipeAlice+`"]}`+"\n")
	env := []string{"GODOT=" + gd.Bin, "GOSTEAM_ADDON=" + repo.AddonDir(), "GOSTEAM_REALM_KEY_FILE=" + key, "GOSTEAM_OFFLINE_DATA=" + data}
	check := []string{"--scene", "res://ci/server_check.tscn", "--timeout", "120"}

	t.Run("pass", func(t *testing.T) {
		game := recipeProject(t)
		r := runRecipe(t, game, env, append(check, "--", "--seconds", "60")...)
		wantRecipe(t, r, 0, `^ci-server-check: PASS: res://ci/server_check\.tscn exited 0 with no script error, no error line `)
		run, err := os.ReadFile(filepath.Join(game, ".godot", "ci-server-check", "run.log"))
		if err != nil {
			t.Fatal(err)
		}
		if !regexp.MustCompile(`(?m)^server_check: [1-9][0-9]* passed, 0 failed$`).Match(run) {
			t.Errorf("the scene's run log has no clean tally:\n%s", run)
		}
		if !strings.Contains(r.Log, "realm key: GOSTEAM_REALM_KEY_FILE="+key) || !strings.Contains(r.Log, "data file: "+data) {
			t.Errorf("the script does not say which realm key file and data file it used")
		}
		if strings.Contains(r.Log, "0123456789abcdef") {
			t.Errorf("the script printed the realm key")
		}
	})
	t.Run("banned player", func(t *testing.T) {
		game := recipeProject(t)
		banEnv := append(append([]string(nil), env...), "GOSTEAM_OFFLINE_DATA="+banned)
		r := runRecipe(t, game, banEnv, append(check, "--", "--seconds", "60")...)
		wantRecipe(t, r, 1, `^ci-server-check: FAIL: res://ci/server_check\.tscn: exited with status 1; log: `)
		mustLog(t, r, `server_check: FAIL validate_auth_ticket_response 3, want 0`)
		// The scene's own options: that verdict expected, it passes again.
		r = runRecipe(t, game, banEnv, append(check, "--", "--seconds", "60", "--verdict", "3")...)
		wantRecipe(t, r, 0, `^ci-server-check: PASS: `)
	})
	t.Run("script error", func(t *testing.T) {
		game := recipeProject(t)
		scene(t, game, "broken", "func _ready() -> void:\n\tvar d := {}\n\tprint(d.missing)\n\tget_tree().quit()\n")
		r := runRecipe(t, game, env, "--scene", "res://ci/broken.tscn", "--timeout", "120")
		wantRecipe(t, r, 1, `^ci-server-check: FAIL: res://ci/broken\.tscn: stopped after a SCRIPT ERROR; script error: SCRIPT ERROR: Invalid access to property or key 'missing'`)
	})
	t.Run("error line", func(t *testing.T) {
		game := recipeProject(t)
		scene(t, game, "noisy", "func _ready() -> void:\n\tpush_error(\"a known complaint\")\n\tget_tree().quit()\n")
		r := runRecipe(t, game, env, "--scene", "res://ci/noisy.tscn", "--timeout", "120")
		wantRecipe(t, r, 1, `^ci-server-check: FAIL: res://ci/noisy\.tscn: an error line: ERROR: a known complaint; log: `)
		r = runRecipe(t, game, append(env, "SERVER_CHECK_ALLOW_ERRORS=^ERROR: a known"), "--scene", "res://ci/noisy.tscn", "--timeout", "120")
		wantRecipe(t, r, 0, `^ci-server-check: PASS: res://ci/noisy\.tscn exited 0 with no script error, 1 allowed error line\(s\) `)
	})
	t.Run("never quits", func(t *testing.T) {
		game := recipeProject(t)
		scene(t, game, "forever", "func _ready() -> void:\n\tprint(\"running until stopped\")\n")
		start := time.Now()
		r := runRecipe(t, game, env, "--scene", "res://ci/forever.tscn", "--timeout", "5")
		wantRecipe(t, r, 1, `^ci-server-check: FAIL: res://ci/forever\.tscn: timed out after 5s \(the scene must quit by itself\); log: `)
		t.Logf("the whole script took %s", time.Since(start).Round(time.Second))
	})
	t.Run("no library", func(t *testing.T) {
		game := recipeProject(t)
		addon := filepath.Join(t.TempDir(), "godot_steam_server")
		copyTree(t, filepath.Join(repo.AddonDir(), "steam.gdextension"), filepath.Join(addon, "steam.gdextension"))
		r := runRecipe(t, game, append(env, "GOSTEAM_ADDON="+addon), check...)
		wantRecipe(t, r, 1, `^ci-server-check: FAIL: the import: the extension did not load: ERROR: GDExtension dynamic library not found`)
	})
	t.Run("downloads", func(t *testing.T) {
		// Godot as the official release zip (a wrapper around this harness's binary) beside its
		// SHA512-SUMS.txt, and the addon as a zip archive, both behind file:// URLs.
		dl := t.TempDir()
		name := "Godot_v4.6.3-stable_linux.x86_64"
		release := filepath.Join(dl, "releases", "4.6.3-stable")
		godotZip := writeZip(t, filepath.Join(release, name+".zip"), map[string]string{name: "#!/bin/sh\nexec '" + gd.Bin + "' \"$@\"\n"})
		sum := sha512.Sum512(godotZip)
		writeFile(t, filepath.Join(release, "SHA512-SUMS.txt"), hex.EncodeToString(sum[:])+"  "+name+".zip\n")
		files := map[string]string{}
		err := filepath.WalkDir(repo.AddonDir(), func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := os.ReadFile(path)
			rel, _ := filepath.Rel(repo.AddonDir(), path)
			files["addons/godot_steam_server/"+filepath.ToSlash(rel)] = string(b)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		addonZip := writeZip(t, filepath.Join(dl, "godot_steam_server.zip"), files)
		addonSum := sha256.Sum256(addonZip)
		cache := filepath.Join(dl, "cache")
		dlEnv := append(append([]string(nil), env...), "GODOT=", "GODOT_VERSION=4.6.3", "GODOT_CACHE="+cache,
			"GODOT_DOWNLOAD_BASE=file://"+filepath.Join(dl, "releases"), "GOSTEAM_ADDON=file://"+filepath.Join(dl, "godot_steam_server.zip"))
		game := recipeProject(t)
		r := runRecipe(t, game, append(dlEnv, "GOSTEAM_ADDON_SHA256="+hex.EncodeToString(addonSum[:])), append(check, "--", "--seconds", "60")...)
		wantRecipe(t, r, 0, `^ci-server-check: PASS: `)
		mustLog(t, r, `^ci-server-check: downloading file://.*/4\.6\.3-stable/`+name+`\.zip$`, `^ci-server-check: Godot 4\.6\.3\S* \(`+regexp.QuoteMeta(filepath.Join(cache, "4.6.3", name))+`\)$`)
		// Cached: no second download.
		r = runRecipe(t, game, dlEnv, append(check, "--", "--seconds", "60")...)
		wantRecipe(t, r, 0, `^ci-server-check: PASS: `)
		if strings.Contains(r.Log, "downloading file://"+filepath.Join(dl, "releases")) {
			t.Errorf("Godot was downloaded again instead of taken from GODOT_CACHE")
		}
		// A wrong checksum is a set-up failure (status 2), before anything runs.
		r = runRecipe(t, game, append(dlEnv, "GOSTEAM_ADDON_SHA256="+strings.Repeat("0", 64)), check...)
		wantRecipe(t, r, 2, `^ci-server-check: FAIL: .*addon\.archive: SHA-256 is [0-9a-f]{64}, want 0{64}$`)
	})
}

// recipeProject is a fresh game project: project.godot and recipe/server_check.{gd,tscn} as
// res://ci/; no addon yet (the script puts it in).
func recipeProject(t *testing.T) string {
	t.Helper()
	game := filepath.Join(t.TempDir(), "game")
	writeFile(t, filepath.Join(game, "project.godot"), "config_version=5\n\n[application]\nconfig/name=\"ci recipe check\"\n")
	copyTree(t, filepath.Join(repo.Root, "recipe", "server_check.gd"), filepath.Join(game, "ci", "server_check.gd"))
	copyTree(t, filepath.Join(repo.Root, "recipe", "server_check.tscn"), filepath.Join(game, "ci", "server_check.tscn"))
	return game
}

// scene adds res://ci/NAME.tscn running a script of extends Node plus body.
func scene(t *testing.T, game, name, body string) {
	t.Helper()
	writeFile(t, filepath.Join(game, "ci", name+".gd"), "extends Node\n\n"+body)
	tscn, err := os.ReadFile(filepath.Join(repo.Root, "recipe", "server_check.tscn"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(game, "ci", name+".tscn"), strings.ReplaceAll(string(tscn), "res://ci/server_check.gd", "res://ci/"+name+".gd"))
}

var recipeRuns int

// runRecipe runs recipe/ci-server-check.sh --project game ARGS with env (on top of a cleaned
// environment: no GOSTEAM_* of the caller's), bounded to 5 minutes.
func runRecipe(t *testing.T, game string, env []string, args ...string) godot.Result {
	t.Helper()
	recipeRuns++
	spec := godot.Spec{
		Path:    "bash",
		Args:    append([]string{filepath.Join(repo.Root, "recipe", "ci-server-check.sh"), "--project", game}, args...),
		Env:     env,
		Timeout: 5 * time.Minute,
		LogPath: filepath.Join(gd.LogDir, logName(t, fmt.Sprintf("ci-recipe-%d", recipeRuns))+".log"),
	}
	return godot.Run(spec)
}

// wantRecipe fails t unless the script exited with status and printed a verdict line matching verdict.
func wantRecipe(t *testing.T, r godot.Result, status int, verdict string) {
	t.Helper()
	if r.TimedOut || r.WaitErr != nil || r.ExitCode != status {
		t.Errorf("the script exited with status %d (timed out: %v, %v), want %d (log: %s)\n%s", r.ExitCode, r.TimedOut, r.WaitErr, status, r.LogPath, lastLines(r.Log, 30))
	}
	if !regexp.MustCompile("(?m)" + verdict).MatchString(r.Log) {
		t.Errorf("no verdict /%s/ (log: %s)\n%s", verdict, r.LogPath, lastLines(r.Log, 30))
	}
}

// writeZip writes a zip of files (name -> content, mode 0755) to path and returns its bytes.
func writeZip(t *testing.T, path string, files map[string]string) []byte {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	z := zip.NewWriter(f)
	for name, content := range files {
		h := &zip.FileHeader{Name: name, Method: zip.Deflate}
		h.SetMode(0o755)
		w, err := z.CreateHeader(h)
		if err == nil {
			_, err = w.Write([]byte(content))
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
