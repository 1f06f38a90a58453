//go:build e2e

package e2e

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/e2e/internal/bounded"
	"github.com/gosteam/godot-steam-server/e2e/internal/extbuild"
	"github.com/gosteam/godot-steam-server/e2e/internal/godot"
)

// The two extensions' res:// paths in the scratch projects.
const (
	oursExt  = "res://bin/steam.gdextension"
	otherExt = "res://othersteam/othersteam.gdextension"
)

// coexistWarning is the one line our extension prints when the name Steam is taken at its SCENE
// level; coexistMarker is the part of it the test counts.
const (
	coexistWarning = "Steam: a class or singleton named Steam is registered already (GodotSteam's client?); " +
		"this extension registers SteamServer only. Set the project setting gosteam/classes/register_steam " +
		"to false to say so and hide this warning."
	coexistMarker = "registers SteamServer only"
)

// otherGDExtension is othersteam's .gdextension file.
const otherGDExtension = "[configuration]\nentry_symbol = \"othersteam_init\"\ncompatibility_minimum = \"4.6\"\nreloadable = false\n\n" +
	"[libraries]\nlinux.x86_64 = \"libothersteam.so\"\n"

// TestCoexistWithAnotherSteam: our extension beside another that registers a class and engine
// singleton named Steam (testdata/othersteam/othersteam.c, built here with gcc: a stand-in for
// GodotSteam's client). Godot loads extensions, and initializes each level, in the order of the
// lines of .godot/extension_list.cfg (GDExtensionManager::load_extensions), so each case writes
// that file. Whoever holds Steam, SteamServer is ours and works offline;
// testdata/othersteam/coexist_check.gd checks both names, and the log is checked for our one warning.
func TestCoexistWithAnotherSteam(t *testing.T) {
	lib := buildOtherSteam(t)
	cases := []struct {
		name     string
		order    []string // the lines of extension_list.cfg
		settings string   // appended to project.godot
		steam    string   // whose the name Steam must be: "other", "ours" ("other-alone": no SteamServer)
		warnings int      // times the log must show coexistWarning
	}{
		// The stand-in alone: its Steam class, constant and singleton, and a clean exit (no leak).
		{"other-alone", []string{otherExt}, "", "other-alone", 0},
		// Steam is taken when ours registers: it registers SteamServer only and says so, once.
		{"other-first", []string{otherExt, oursExt}, "", "other", 1},
		// Told not to register Steam, ours loads first and leaves it to the other, silently.
		{"ours-first-register_steam-false", []string{oursExt, otherExt}, "\n[gosteam]\nclasses/register_steam=false\n", "other", 0},
		// Alone, ours is both Steam and SteamServer.
		{"ours-alone", []string{oursExt}, "", "ours", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			project := coexistProject(t, lib, c.order, c.settings)
			r := godot.Run(headless(t, project, "coexist", nil, "res://main.tscn", "--", c.steam))
			// The order and the warning first (t.Errorf): worth seeing when the verdict fails too.
			mustLog(t, r, "^load order: "+regexp.QuoteMeta(strings.Join(c.order, ","))+"$")
			checkWarning(t, r, c.warnings)
			// No ERROR line at all: a name registered twice is one (ClassDB's or Engine's).
			mustPass(t, r, godot.Expect{Tally: true, NoErrors: true})
		})
	}
}

// buildOtherSteam compiles othersteam.c against the repository's GDExtension header.
func buildOtherSteam(t *testing.T) string {
	t.Helper()
	lib := filepath.Join(t.TempDir(), "libothersteam.so")
	src := filepath.Join(repo.Root, "e2e", "testdata", "othersteam", "othersteam.c")
	out, err := bounded.Command(2*time.Minute, "gcc", "-std=c11", "-Wall", "-Wextra", "-O2", "-shared", "-fPIC",
		"-I", filepath.Join(repo.Root, "extension", "godot"), src, "-o", lib).CombinedOutput()
	if err != nil {
		t.Fatalf("building %s with gcc: %v\n%s", src, err, out)
	}
	if len(out) > 0 {
		t.Logf("gcc's output for %s:\n%s", src, out)
	}
	return lib
}

// coexistProject is a scratch project with the check scene and the extensions order names (ours in
// bin/, othersteam in othersteam/); imported, with extension_list.cfg holding order.
func coexistProject(t *testing.T, lib string, order []string, settings string) string {
	t.Helper()
	project := t.TempDir()
	writeFile(t, filepath.Join(project, "project.godot"), "config_version=5\n\n[application]\n"+
		"config/name=\"coexist check\"\nrun/main_scene=\"res://main.tscn\"\nrun/flush_stdout_on_print=true\n"+settings)
	writeFile(t, filepath.Join(project, "main.tscn"), mainScene)
	testdata := filepath.Join(repo.Root, "e2e", "testdata", "othersteam")
	copyTree(t, filepath.Join(testdata, "coexist_check.gd"), filepath.Join(project, "main.gd"))
	copyTree(t, filepath.Join(testdata, "coexist_server.gd"), filepath.Join(project, "coexist_server.gd"))
	copyTree(t, filepath.Join(repo.Project(), "tests", "check_scene.gd"), filepath.Join(project, "check_scene.gd"))
	// Only the extensions order names: the import would hot-load any other it finds (and add it
	// to the list), and Godot 4.6 aborts after such an import (see godot.Import).
	for _, ext := range order {
		switch ext {
		case oursExt:
			for _, f := range []string{extbuild.Native.Lib, "steam.gdextension"} {
				copyTree(t, filepath.Join(repo.Bin(), f), filepath.Join(project, "bin", f))
			}
		case otherExt:
			copyTree(t, lib, filepath.Join(project, "othersteam", "libothersteam.so"))
			writeFile(t, filepath.Join(project, "othersteam", "othersteam.gdextension"), otherGDExtension)
		}
	}
	// Written before the import (which then loads the extensions in this order rather than hot-
	// loading them) and again after it, in case the import rewrote it in an order of its own.
	list := filepath.Join(project, ".godot", "extension_list.cfg")
	writeFile(t, list, strings.Join(order, "\n")+"\n")
	if err := gd.Import(project); err != nil {
		t.Fatal(err)
	}
	writeFile(t, list, strings.Join(order, "\n")+"\n")
	return project
}

// checkWarning fails t unless the log shows coexistWarning want times, each as a Godot warning
// line, and the marker on no other line.
func checkWarning(t *testing.T, r godot.Result, want int) {
	t.Helper()
	var lines []string
	for _, line := range strings.Split(r.Log, "\n") {
		if strings.Contains(line, coexistMarker) {
			lines = append(lines, line)
		}
	}
	if len(lines) != want {
		t.Errorf("the log shows %q on %d lines, want %d (log: %s):\n%s", coexistMarker, len(lines), want, r.LogPath, strings.Join(lines, "\n"))
		return
	}
	for _, line := range lines {
		if line != "WARNING: "+coexistWarning {
			t.Errorf("the warning line is\n  %q\nwant\n  %q", line, "WARNING: "+coexistWarning)
		}
	}
}
