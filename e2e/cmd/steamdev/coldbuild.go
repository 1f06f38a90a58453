package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"time"

	"github.com/gosteam/godot-steam-server/e2e/internal/bounded"
	"github.com/gosteam/godot-steam-server/e2e/internal/extbuild"
)

// coldBuilds prints, for this machine's library and each cross target, the wall time of a build
// from an empty Go build cache (the module cache is kept: that is a download, not a build) and the
// peak resident memory of the largest process of the build (wait4's rusage of the go command,
// which covers its compilers and linker). Figures only.
func coldBuilds(repo extbuild.Repo) error {
	for _, t := range append([]extbuild.Target{extbuild.Native}, extbuild.Cross...) {
		dir, err := os.MkdirTemp("", "gosteam-coldbuild-")
		if err != nil {
			return err
		}
		lib := filepath.Join(dir, t.Lib)
		cmd := bounded.Command(60*time.Minute, "go", "build", "-buildmode=c-shared", "-ldflags", "-s -w", "-o", lib, "./extension")
		cmd.Dir, cmd.Stdout, cmd.Stderr = repo.Root, os.Stderr, os.Stderr
		cmd.Env = append(os.Environ(), "GOCACHE="+filepath.Join(dir, "go-build"), "CGO_ENABLED=1", "GOOS="+t.GOOS, "GOARCH="+t.GOARCH)
		if t.CC != "" {
			cmd.Env = append(cmd.Env, "CC="+t.CC)
		}
		started := time.Now()
		err = cmd.Run()
		wall := time.Since(started)
		if err != nil {
			os.RemoveAll(dir)
			return fmt.Errorf("cold build (%s): %w", t.Name, err)
		}
		var peakMB int64
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			peakMB = ru.Maxrss / 1024 // kilobytes on Linux
		}
		info, _ := os.Stat(lib)
		fmt.Fprintf(os.Stderr, "==> cold build (%s, empty GOCACHE, %d cores): %.0f s, peak memory of its largest process %d MB, library %d bytes\n",
			t.Name, runtime.NumCPU(), wall.Seconds(), peakMB, info.Size())
		os.RemoveAll(dir)
	}
	return nil
}
