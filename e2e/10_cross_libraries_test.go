//go:build e2e

package e2e

import (
	"sync"
	"testing"

	"github.com/gosteam/godot-steam-server/e2e/internal/extbuild"
)

var (
	crossOnce sync.Once
	crossErr  error
)

// buildCrossLibraries cross-builds every other platform's library once per test run (the addon
// folder holds them too), installing Debian's cross C compilers first when missing.
func buildCrossLibraries(t *testing.T) {
	t.Helper()
	for _, target := range extbuild.Cross {
		tool(t, target.CC)
	}
	crossOnce.Do(func() {
		for _, target := range extbuild.Cross {
			if crossErr = repo.Build(target); crossErr != nil {
				return
			}
		}
	})
	if crossErr != nil {
		t.Fatal(crossErr)
	}
}

// TestCrossLibraries: the Windows DLL is PE x86-64, exports steam.gdextension's entry symbol and
// imports no MinGW runtime DLL; the arm64 .so is AArch64 ELF and exports it. Neither is ever loaded
// here (see README, Platforms).
func TestCrossLibraries(t *testing.T) {
	buildCrossLibraries(t)
	for _, target := range extbuild.Cross {
		summary, err := repo.CheckLibrary(target)
		if err != nil {
			t.Errorf("%s: %v", target.Name, err)
			continue
		}
		t.Logf("%s: %s", target.Lib, summary)
	}
	// The checker itself: this machine's x86-64 library is neither of them.
	for _, target := range extbuild.Cross {
		wrong := target
		wrong.Lib = extbuild.Native.Lib
		if summary, err := repo.CheckLibrary(wrong); err == nil {
			t.Errorf("the %s check accepts the x86-64 Linux library: %s", target.Name, summary)
		}
	}
}
