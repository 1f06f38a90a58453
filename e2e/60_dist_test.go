//go:build e2e

package e2e

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/gosteam/godot-steam-server/e2e/internal/extbuild"
	"github.com/gosteam/godot-steam-server/e2e/internal/godot"
)

// TestDistAddon: the addon folder (dist/addons/godot_steam_server/: steam.gdextension, every
// platform's library, README.md, LICENSE, docs/*.md) copied alone into a fresh Godot project is imported, and
// the project's script (tests/dist_check.gd) calls Steam.serverInit offline.
func TestDistAddon(t *testing.T) {
	buildCrossLibraries(t)
	files, err := repo.MakeDist()
	if err != nil {
		t.Fatal(err)
	}
	want := append([]string{"steam.gdextension", "README.md", "LICENSE", extbuild.Native.Lib}, crossLibNames()...)
	docs, err := filepath.Glob(filepath.Join(repo.Root, "docs", "*.md"))
	if err != nil || len(docs) == 0 {
		t.Fatalf("no docs/*.md (%v)", err)
	}
	for _, d := range docs {
		want = append(want, "docs/"+filepath.Base(d))
	}
	for _, want := range want {
		if !slices.Contains(files, want) {
			t.Errorf("the addon folder has no %s (it has %v)", want, files)
		}
	}
	project := t.TempDir()
	copyTree(t, repo.AddonDir(), filepath.Join(project, "addons", "godot_steam_server"))
	writeFile(t, filepath.Join(project, "project.godot"),
		"config_version=5\n\n[application]\nconfig/name=\"dist check\"\nrun/main_scene=\"res://main.tscn\"\n")
	writeFile(t, filepath.Join(project, "main.tscn"), mainScene)
	copyTree(t, filepath.Join(repo.Project(), "tests", "dist_check.gd"), filepath.Join(project, "main.gd"))
	copyTree(t, filepath.Join(repo.Project(), "tests", "check_scene.gd"), filepath.Join(project, "check_scene.gd"))
	if err := gd.Import(project); err != nil {
		t.Fatal(err)
	}
	runCheck(t, headless(t, project, "dist_check", nil, "res://main.tscn"), godot.Expect{Tally: true})
}

// mainScene is a scene of one Node running res://main.gd.
const mainScene = "[gd_scene load_steps=2 format=3]\n\n[ext_resource type=\"Script\" path=\"res://main.gd\" id=\"1\"]\n\n" +
	"[node name=\"Main\" type=\"Node\"]\nscript = ExtResource(\"1\")\n"

func crossLibNames() []string {
	var names []string
	for _, target := range extbuild.Cross {
		names = append(names, target.Lib)
	}
	return names
}
