package extbuild

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// AddonDir is the addon folder a game copies into its project's addons/.
func (r Repo) AddonDir() string { return filepath.Join(r.Root, "dist", "addons", "godot_steam_server") }

// MakeDist writes AddonDir: steam.gdextension (its paths are relative to it), every library
// built in Bin (never libsteam_api.so: Valve's, shipped by the game), README.md, LICENSE and the
// documentation pages (docs/*.md, into docs/, so README's links work there too). It returns the
// files it holds, relative to it ("docs/api.md").
func (r Repo) MakeDist() ([]string, error) {
	libs, err := filepath.Glob(filepath.Join(r.Bin(), "libsteam_server.*"))
	if err != nil {
		return nil, err
	}
	docs, err := filepath.Glob(filepath.Join(r.Root, "docs", "*.md"))
	if err != nil {
		return nil, err
	}
	// Each file's path in the addon folder, by its source.
	files := map[string]string{}
	for _, f := range append([]string{filepath.Join(r.Root, "steam.gdextension"), filepath.Join(r.Root, "README.md"), filepath.Join(r.Root, "LICENSE")}, libs...) {
		files[f] = filepath.Base(f)
	}
	for _, f := range docs {
		files[f] = "docs/" + filepath.Base(f)
	}
	tmp := r.AddonDir() + ".tmp"
	if err := os.RemoveAll(tmp); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Join(tmp, "docs"), 0o755); err != nil {
		return nil, err
	}
	var names []string
	for src, name := range files {
		data, err := os.ReadFile(src)
		if err != nil {
			return nil, err
		}
		mode := os.FileMode(0o644)
		if strings.HasPrefix(filepath.Base(src), "libsteam_server.") {
			mode = 0o755
		}
		if err := os.WriteFile(filepath.Join(tmp, filepath.FromSlash(name)), data, mode); err != nil {
			return nil, err
		}
		names = append(names, name)
	}
	if err := os.RemoveAll(r.AddonDir()); err != nil {
		return nil, err
	}
	if err := os.Rename(tmp, r.AddonDir()); err != nil {
		return nil, err
	}
	sort.Strings(names)
	fmt.Fprintf(os.Stderr, "==> %s: %v (%d libraries, %d documentation pages)\n", r.AddonDir(), names, len(libs), len(docs))
	return names, nil
}
