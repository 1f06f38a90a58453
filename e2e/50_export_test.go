//go:build e2e

package e2e

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/e2e/internal/bounded"
	"github.com/gosteam/godot-steam-server/e2e/internal/godot"
)

// TestExportedServer: the demo exported as a dedicated server (the "+ Steam" preset) from a scratch
// copy of the project holding the real libsteam_api.so beside the extension library. The export
// must contain both libraries; run with GOSTEAM_BACKEND=auto it must pick that libsteam_api.so (and
// fail without Steam's client, with Steam's message); offline it must run headless with the
// dedicated_server feature and answer gamedig and qstat with what it set.
func TestExportedServer(t *testing.T) {
	run := exportWithSteamAPI(t, steamAPI(t))

	p := freeUDPPorts(t, 2)
	port, queryPort := strconv.Itoa(p[0]), strconv.Itoa(p[1])
	steamworks := runCheck(t, godot.Spec{
		Path:    run,
		Args:    []string{"--", "--ip", "127.0.0.1", "--port", port, "--query-port", queryPort},
		Env:     []string{"HOME=" + t.TempDir(), "GOSTEAM_BACKEND=auto"},
		Timeout: 2 * time.Minute,
		LogPath: filepath.Join(gd.LogDir, logName(t, "steamworks")+".log"),
	}, godot.Expect{ExitCode: 1}) // the demo quits with 1 when serverInit fails
	mustLog(t, steamworks, regexp.QuoteMeta("Steam: steamworks backend, "+filepath.Join(filepath.Dir(run), "libsteam_api.so")),
		`demo: serverInit failed: .*steamclient\.so`)

	offline := checkServerBrowsers(t, []string{run, "--"}, p[1], nil, "--ip", "127.0.0.1", "--port", port, "--query-port", queryPort,
		"--backend", "offline", "--name", "Exported dedicated server", "--map", "export_map", "--max-players", "12", "--bots", "2", "--rules", "5")
	mustLog(t, offline, `display headless, dedicated_server export`)
}

// wrapperExec is the exec line of scripts/provision_godot.sh's wrapper:
// exec "$root/LOADER" --argv0 "$0" --library-path "PATHS" ...
var wrapperExec = regexp.MustCompile(`(?m)^exec "\$root/([^"]*)" --argv0 "\$0" --library-path "([^"]*)" `)

// runnableExport copies the export src to dst so that it runs here and returns its run.sh. Debian's
// template is linked against Debian sid's libraries, unpacked beside the provisioned Godot: the
// copy's ELF interpreter is set to the unpacked loader and its RPATH to the unpacked library folders
// (patchelf). Not LD_LIBRARY_PATH: the programs Godot starts (sh) would get sid's libc too.
// libpulse's own RUNPATH hides the RPATH from its dependency libpulsecommon, which the copy
// therefore names itself.
func runnableExport(t *testing.T, src, dst string) string {
	copyTree(t, src, dst)
	run := filepath.Join(dst, "run.sh")
	writeFile(t, run, fmt.Sprintf("#!/bin/sh\nexec \"$(dirname \"$0\")/%s\" \"$@\"\n", godot.ExportBinary))
	if err := os.Chmod(run, 0o755); err != nil {
		t.Fatal(err)
	}
	root := gd.DebianRoot()
	if root == "" {
		return run // a Godot of this system: its template runs as it is
	}
	patchelf := tool(t, "patchelf")
	wrapper, err := os.ReadFile(gd.Bin)
	if err != nil {
		t.Fatal(err)
	}
	m := wrapperExec.FindSubmatch(wrapper)
	if m == nil {
		t.Fatalf("cannot read the loader and library path from %s", gd.Bin)
	}
	libPath := string(bytes.ReplaceAll(m[2], []byte("$root"), []byte(root)))
	binary := filepath.Join(dst, godot.ExportBinary)
	// One change per patchelf run: 0.14 mixes up --set-rpath and --add-needed in a single run.
	steps := [][]string{{"--set-interpreter", filepath.Join(root, string(m[1]))}, {"--force-rpath", "--set-rpath", libPath}}
	if pulse, _ := filepath.Glob(filepath.Join(root, "usr", "lib", "*", "pulseaudio", "libpulsecommon-*.so")); len(pulse) > 0 {
		steps = append(steps, []string{"--add-needed", filepath.Base(pulse[0])})
	}
	for _, args := range steps {
		if out, err := bounded.Command(time.Minute, patchelf, append(args, binary)...).CombinedOutput(); err != nil {
			t.Fatalf("patchelf %v: %v\n%s", args, err, out)
		}
	}
	return run
}

// exportWithSteamAPI exports a scratch copy of the project holding api as bin/libsteam_api.so with
// the "+ Steam" preset, checks that the export ships that very library beside the binary (through
// steam.gdextension's [dependencies]), and returns the folder of the runnable export.
func exportWithSteamAPI(t *testing.T, api string) string {
	t.Helper()
	scratch := t.TempDir()
	project := filepath.Join(scratch, "project")
	copyTree(t, repo.Project(), project)
	os.RemoveAll(filepath.Join(project, ".godot", "gosteam-logs"))
	copyTree(t, api, filepath.Join(project, "bin", "libsteam_api.so"))
	export := filepath.Join(scratch, "export")
	if err := gd.Export(project, godot.ExportPresetSteam, export, filepath.Join(scratch, "data")); err != nil {
		t.Fatal(err)
	}
	want, _ := os.ReadFile(api)
	if got, err := os.ReadFile(filepath.Join(export, "libsteam_api.so")); err != nil || !bytes.Equal(got, want) {
		t.Fatalf("the export does not contain %s as libsteam_api.so (steam.gdextension [dependencies]): %v", api, err)
	}
	return runnableExport(t, export, filepath.Join(scratch, "run"))
}
