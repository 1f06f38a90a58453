//go:build e2e

package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/e2e/internal/extbuild"
	"github.com/gosteam/godot-steam-server/e2e/internal/godot"
)

// Benchmarks print figures (./build.sh bench runs them with -benchtime 1x); they fail only when
// Godot does.

// BenchmarkBenchScene runs the Godot bench scene (res://bench/bench.tscn): each hot method's cost
// as a ratio to a native engine call measured in the same run.
func BenchmarkBenchScene(b *testing.B) {
	for b.Loop() {
		r := runCheck(b, headless(b, repo.Project(), "bench", nil, "res://bench/bench.tscn"), godot.Expect{})
		for _, line := range strings.Split(r.Log, "\n") {
			if strings.HasPrefix(line, "bench: ") {
				fmt.Println(line)
			}
		}
	}
}

// BenchmarkStartup: the time the extension adds to Godot's start: 20 headless runs of a scratch
// project whose main scene quits at once, alternately without and with the extension (its scene
// then also touches Steam); the medians of the wall-clock time and of the CPU time (user + system,
// less sensitive to other work on the machine) of each.
func BenchmarkStartup(b *testing.B) {
	info, err := os.Stat(filepath.Join(repo.Bin(), extbuild.Native.Lib))
	if err != nil {
		b.Fatal(err)
	}
	fmt.Printf("library: %s, %d bytes (stripped)\n", extbuild.Native.Lib, info.Size())
	projects := map[string]string{"without": startupProject(b, false), "with": startupProject(b, true)}
	for b.Loop() {
		wall, cpu := map[string][]time.Duration{}, map[string][]time.Duration{}
		for i := 0; i < 20; i++ {
			for _, kind := range []string{"without", "with"} {
				started := time.Now()
				r := runCheck(b, headless(b, projects[kind], "startup-"+kind, nil), godot.Expect{})
				wall[kind] = append(wall[kind], time.Since(started))
				cpu[kind] = append(cpu[kind], r.CPU)
			}
		}
		med := func(d []time.Duration) time.Duration { slices.Sort(d); return d[len(d)/2].Round(time.Millisecond) }
		fmt.Printf("start-up: Godot headless start to quit, median of 20 runs: %s wall / %s CPU without the extension, %s / %s with it (%+dms wall, %+dms CPU)\n",
			med(wall["without"]), med(cpu["without"]), med(wall["with"]), med(cpu["with"]),
			(med(wall["with"]) - med(wall["without"])).Milliseconds(), (med(cpu["with"]) - med(cpu["without"])).Milliseconds())
	}
}

// startupProject is a scratch project whose main scene quits at once, imported and run once (which
// also warms the page cache).
func startupProject(b *testing.B, withExtension bool) string {
	dir := b.TempDir()
	script := "extends Node\nfunc _ready() -> void:\n\tget_tree().quit()\n"
	if withExtension {
		script = "extends Node\nfunc _ready() -> void:\n\tSteam.run_callbacks()\n\tget_tree().quit()\n"
		for _, f := range []string{extbuild.Native.Lib, "steam.gdextension"} {
			copyTree(b, filepath.Join(repo.Bin(), f), filepath.Join(dir, "bin", f))
		}
	}
	writeFile(b, filepath.Join(dir, "project.godot"), "config_version=5\n[application]\nconfig/name=\"start-up\"\nrun/main_scene=\"res://main.tscn\"\n")
	writeFile(b, filepath.Join(dir, "main.tscn"), mainScene)
	writeFile(b, filepath.Join(dir, "main.gd"), script)
	if err := gd.Import(dir); err != nil {
		b.Fatal(err)
	}
	runCheck(b, headless(b, dir, "startup-warm", nil), godot.Expect{})
	return dir
}
