package extbuild

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// AddonDir is the addon folder a game copies into its project's addons/.
func (r Repo) AddonDir() string { return filepath.Join(r.Root, "dist", "addons", "godot_steam_server") }

// MakeDist writes AddonDir: steam.gdextension (its paths are relative to it), every library
// built in Bin (never libsteam_api.so: Valve's, shipped by the game), README.md and LICENSE.
// It returns the files it holds.
func (r Repo) MakeDist() ([]string, error) {
	libs, err := filepath.Glob(filepath.Join(r.Bin(), "libsteam_server.*"))
	if err != nil {
		return nil, err
	}
	files := []string{filepath.Join(r.Root, "steam.gdextension"), filepath.Join(r.Root, "README.md"), filepath.Join(r.Root, "LICENSE")}
	files = append(files, libs...)
	tmp := r.AddonDir() + ".tmp"
	if err := os.RemoveAll(tmp); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(tmp, 0o755); err != nil {
		return nil, err
	}
	var names []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		if err := os.WriteFile(filepath.Join(tmp, filepath.Base(f)), data, 0o755); err != nil {
			return nil, err
		}
		names = append(names, filepath.Base(f))
	}
	if err := os.RemoveAll(r.AddonDir()); err != nil {
		return nil, err
	}
	if err := os.Rename(tmp, r.AddonDir()); err != nil {
		return nil, err
	}
	sort.Strings(names)
	fmt.Fprintf(os.Stderr, "==> %s: %v (%d libraries)\n", r.AddonDir(), names, len(libs))
	return names, nil
}
