// Command steamdev is build.sh's Go half: it builds the extension for each platform, imports the
// Godot project, exports the demo server and makes the addon folder. Run from the repository:
//
//	go run ./e2e/cmd/steamdev build [TARGET...]   the library of each TARGET (default linux-x86_64;
//	                                          also windows-x86_64, linux-arm64)
//	go run ./e2e/cmd/steamdev check TARGET...     a built library's machine, entry symbol and imports
//	go run ./e2e/cmd/steamdev dist                every library, checked, then dist/addons/godot_steam_server/
//	go run ./e2e/cmd/steamdev import              Godot's headless import of godot_project/ when needed
//	go run ./e2e/cmd/steamdev export              the demo as a Linux dedicated server in dist/server-linux-x86_64/
//	go run ./e2e/cmd/steamdev coldbuilds          figures: each target built from an empty Go build cache
//
// import and export run the Godot named by GODOT_BIN (build.sh sets it).
package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/gosteam/godot-steam-server/e2e/internal/extbuild"
	"github.com/gosteam/godot-steam-server/e2e/internal/godot"
)

func main() {
	if len(os.Args) < 2 {
		fail(errors.New("usage: steamdev build|check|dist|import|export|coldbuilds [ARGS...]"))
	}
	repo, err := extbuild.FindRepo()
	if err != nil {
		fail(err)
	}
	args := os.Args[2:]
	switch os.Args[1] {
	case "build":
		err = build(repo, args)
	case "check":
		err = check(repo, args)
	case "dist":
		err = dist(repo)
	case "coldbuilds":
		err = coldBuilds(repo)
	case "import":
		err = withGodot(repo, func(g godot.Godot) error { return g.Import(repo.Project()) })
	case "export":
		err = withGodot(repo, func(g godot.Godot) error { return export(repo, g) })
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintf(os.Stderr, "==> ERROR: %v\n", err)
	os.Exit(1)
}

func targets(names []string) ([]extbuild.Target, error) {
	if len(names) == 0 {
		return []extbuild.Target{extbuild.Native}, nil
	}
	var ts []extbuild.Target
	for _, n := range names {
		t, err := extbuild.TargetNamed(n)
		if err != nil {
			return nil, err
		}
		ts = append(ts, t)
	}
	return ts, nil
}

func build(repo extbuild.Repo, names []string) error {
	ts, err := targets(names)
	if err != nil {
		return err
	}
	for _, t := range ts {
		if err := repo.Build(t); err != nil {
			return err
		}
	}
	return nil
}

func check(repo extbuild.Repo, names []string) error {
	ts, err := targets(names)
	if err != nil {
		return err
	}
	for _, t := range ts {
		summary, err := repo.CheckLibrary(t)
		if err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "==> PASS %s: %s\n", t.Lib, summary)
	}
	return nil
}

func dist(repo extbuild.Repo) error {
	if err := repo.Build(extbuild.Native); err != nil {
		return err
	}
	for _, t := range extbuild.Cross {
		if err := repo.Build(t); err != nil {
			return err
		}
	}
	var names []string
	for _, t := range extbuild.Cross {
		names = append(names, t.Name)
	}
	if err := check(repo, names); err != nil {
		return err
	}
	_, err := repo.MakeDist()
	return err
}

func withGodot(repo extbuild.Repo, f func(godot.Godot) error) error {
	bin := os.Getenv("GODOT_BIN")
	if bin == "" {
		return errors.New("GODOT_BIN is not set (build.sh sets it from scripts/provision_godot.sh)")
	}
	return f(godot.Godot{Bin: bin, LogDir: filepath.Join(repo.Project(), ".godot", "gosteam-logs")})
}

// export: the "+ Steam" preset, which ships libsteam_api.so, when godot_project/bin/ has it.
func export(repo extbuild.Repo, g godot.Godot) error {
	if err := g.Import(repo.Project()); err != nil {
		return err
	}
	out := filepath.Join(repo.Root, "dist", "server-linux-x86_64")
	preset := godot.ExportPreset
	steam := filepath.Join(repo.Bin(), "libsteam_api.so")
	if _, err := os.Stat(steam); err == nil {
		preset = godot.ExportPresetSteam
	}
	if err := g.Export(repo.Project(), preset, out, filepath.Join(repo.Cache, "export-data")); err != nil {
		return err
	}
	entries, _ := os.ReadDir(out)
	fmt.Fprintf(os.Stderr, "==> exported: %s/ (", out)
	for _, e := range entries {
		fmt.Fprintf(os.Stderr, "%s ", e.Name())
	}
	fmt.Fprintln(os.Stderr, ")")
	if preset == godot.ExportPreset {
		fmt.Fprintf(os.Stderr, "==> note: no %s, so none in the export: it runs offline until Valve's is put beside %s\n", steam, godot.ExportBinary)
	}
	if g.DebianRoot() != "" {
		fmt.Fprintln(os.Stderr, "==> note: Debian's template needs Debian sid's libraries (glibc 2.43...); see docs/shipping.md, Export templates")
	}
	return nil
}
