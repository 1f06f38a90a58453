package godot

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// The dedicated-server presets of godot_project/export_presets.cfg. The "+ Steam" one has the
// custom feature "steamworks", which makes steam.gdextension's [dependencies] ship
// libsteam_api.so (it must then be beside the extension library); the other ships no Steam library.
const (
	ExportPreset      = "Linux Dedicated Server"
	ExportPresetSteam = "Linux Dedicated Server + Steam"
	ExportBinary      = "godot_steam_server.x86_64"
)

// DebianRoot is the unpacked Debian root a provisioned Godot runs from (scripts/provision_godot.sh
// writes bin/godot beside root/), or "" for any other Godot.
func (g Godot) DebianRoot() string {
	root := filepath.Join(filepath.Dir(filepath.Dir(g.Bin)), "root")
	if exists(filepath.Join(root, "usr", "bin", "godot-template-release")) {
		return root
	}
	return ""
}

// exportTemplate: the Linux x86_64 release template for this Godot: beside Debian's Godot, Debian's
// godot-template-release of the same build; otherwise the one installed for that Godot version in
// the user's export_templates folder.
func (g Godot) exportTemplate(version string) (string, error) {
	if root := g.DebianRoot(); root != "" {
		return filepath.Join(root, "usr", "bin", "godot-template-release"), nil
	}
	data := os.Getenv("XDG_DATA_HOME")
	if data == "" {
		data = filepath.Join(os.Getenv("HOME"), ".local", "share")
	}
	t := filepath.Join(data, "godot", "export_templates", version, "linux_release.x86_64")
	if !exists(t) {
		return "", fmt.Errorf("exporting needs Godot %s's Linux export template at %s (install the export templates, or unset GODOT to use Debian's Godot and template)", version, t)
	}
	return t, nil
}

// Export exports project (imported) with preset into out (emptied first), with the release
// template of this Godot linked into the scratch XDG_DATA_HOME dataHome. Godot copies the
// extension library and, for ExportPresetSteam, libsteam_api.so.
func (g Godot) Export(project, preset, out, dataHome string) error {
	full, err := g.Version()
	if err != nil {
		return err
	}
	version := strings.Join(firstN(strings.Split(full, "."), 4), ".") // 4.6.3.stable: the folder name
	template, err := g.exportTemplate(version)
	if err != nil {
		return err
	}
	dir := filepath.Join(dataHome, "godot", "export_templates", version)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	link := filepath.Join(dir, "linux_release.x86_64")
	_ = os.Remove(link)
	if err := os.Symlink(template, link); err != nil {
		return err
	}
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "==> exporting %s with preset %q to %s (template %s)\n", project, preset, out, template)
	spec := g.Headless(project, "export", 10*time.Minute, "--export-release", preset, filepath.Join(out, ExportBinary))
	spec.Env = []string{"XDG_DATA_HOME=" + dataHome}
	if err := Verdict(Run(spec), Expect{NoErrors: true}); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	for _, f := range []string{ExportBinary, strings.TrimSuffix(ExportBinary, ".x86_64") + ".pck", "libsteam_server.linux.x86_64.so"} {
		if !exists(filepath.Join(out, f)) {
			return fmt.Errorf("the export has no %s (log: %s)", f, spec.LogPath)
		}
	}
	return nil
}

func firstN(s []string, n int) []string {
	if len(s) > n {
		return s[:n]
	}
	return s
}
