//go:build e2e

package e2e

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/gosteam/godot-steam-server/e2e/internal/extbuild"
	"github.com/gosteam/godot-steam-server/e2e/internal/godot"
)

// TestClassReference: extension/doc_classes/Steam.xml, SteamServer.xml and
// SteamServerMultiplayerPeer.xml are complete and valid
// (Godot's --doctool, which merges them with ClassDB, writes them back unchanged, and writes no
// other class of ours), and the editor's help shows them (an editor plugin, tests/editor_help/,
// opens the pages in a scratch project run headless).
func TestClassReference(t *testing.T) {
	classes := []string{"Steam.xml", "SteamServer.xml", "SteamServerMultiplayerPeer.xml"}
	doc := filepath.Join(t.TempDir(), "doc")
	for _, name := range classes {
		copyTree(t, filepath.Join(repo.Root, "extension", "doc_classes", name), filepath.Join(doc, "doc_classes", name))
	}
	t.Run("doctool", func(t *testing.T) {
		runCheck(t, headless(t, repo.Project(), "doctool", nil, "--doctool", doc, "--gdextension-docs"), godot.Expect{})
		for _, name := range classes {
			ref := filepath.Join(repo.Root, "extension", "doc_classes", name)
			want, _ := os.ReadFile(ref)
			got, err := os.ReadFile(filepath.Join(doc, "doc_classes", name))
			if err != nil || !bytes.Equal(got, want) {
				t.Errorf("%s is not what Godot's doctool writes back (%v; regenerate: UPDATE_DOCS=1 go test ./extension/)%s", ref, err, firstDifference(want, got))
			}
		}
		written, _ := os.ReadDir(filepath.Join(doc, "doc_classes"))
		if len(written) != len(classes) {
			t.Errorf("the doctool wrote %d class references, want %d (%v)", len(written), len(classes), classes)
		}
	})
	t.Run("editor-help", func(t *testing.T) {
		project := t.TempDir()
		src := filepath.Join(repo.Project(), "tests", "editor_help")
		copyTree(t, filepath.Join(src, "project.godot"), filepath.Join(project, "project.godot"))
		for _, f := range []string{"plugin.cfg", "plugin.gd"} {
			copyTree(t, filepath.Join(src, f), filepath.Join(project, "addons", "help_check", f))
		}
		for _, f := range []string{extbuild.Native.Lib, "steam.gdextension"} {
			copyTree(t, filepath.Join(repo.Bin(), f), filepath.Join(project, "bin", f))
		}
		if err := gd.Import(project); err != nil {
			t.Fatal(err)
		}
		runCheck(t, headless(t, project, "editor_help", nil, "--editor"), godot.Expect{Tally: true})
	})
}

// firstDifference: the first line where got differs from want, for the failure message.
func firstDifference(want, got []byte) string {
	w, g := bytes.Split(want, []byte("\n")), bytes.Split(got, []byte("\n"))
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl []byte
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if !bytes.Equal(wl, gl) {
			return "\nfirst difference at line " + strconv.Itoa(i+1) + ":\n- " + string(wl) + "\n+ " + string(gl)
		}
	}
	return ""
}
