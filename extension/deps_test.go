package main

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// The extension uses godot-go's ffi package alone (the GDExtension interface's types): its core,
// builtin and generated class bindings would add about 580,000 lines to every cold build.
func TestOnlyGodotGoFFIIsLinked(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").CombinedOutput()
	require.NoError(t, err, "go list -deps: %s", out)
	var godotGo []string
	for _, pkg := range strings.Fields(string(out)) {
		if rest, ok := strings.CutPrefix(pkg, "github.com/godot-go/godot-go/pkg/"); ok {
			godotGo = append(godotGo, rest)
		}
	}
	// ffi, and what ffi itself imports.
	require.ElementsMatch(t, []string{"ffi", "constant", "log", "util"}, godotGo)
}
