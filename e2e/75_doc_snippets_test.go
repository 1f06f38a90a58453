//go:build e2e

package e2e

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/gosteam/godot-steam-server/e2e/internal/extbuild"
	"github.com/gosteam/godot-steam-server/e2e/internal/godot"
)

// snippet is one GDScript code block of the documentation.
type snippet struct {
	file string // relative to the repository, e.g. docs/offline-backend.md
	line int    // of the opening fence
	code string
	// marked is the reason given by a <!-- snippet: ... --> comment on the line before the
	// fence: such a block cannot run alone and is counted, not run.
	marked string
}

// snippetFrames is how many frames a script block's node runs before the scene quits.
const snippetFrames = 30

var (
	fenceOpen   = regexp.MustCompile("^( *)```([A-Za-z0-9_+-]*)\\s*$")
	snippetMark = regexp.MustCompile(`^\s*<!-- snippet: (.+?) -->\s*$`)
	scriptBlock = regexp.MustCompile(`(?m)^func `)
	hasExtends  = regexp.MustCompile(`(?m)^extends `)
	port27015   = regexp.MustCompile(`\b27015\b`)
	port27016   = regexp.MustCompile(`\b27016\b`)
)

// TestDocSnippets: every ```gdscript block of README.md and docs/*.md runs headless, offline, in a
// scratch project holding the built extension, without a parse or script error or any ERROR line.
// A block with a func is a Node script whose node runs for snippetFrames frames; any other block
// is statements run in a _ready(). Traffic stays on loopback: "0.0.0.0" and "*" become
// "127.0.0.1", and the ports 27015 and 27016 free ones. A block that cannot run alone carries a
// <!-- snippet: why --> comment on the line before its fence; those are counted and reported.
func TestDocSnippets(t *testing.T) {
	files := []string{"README.md"}
	docs, err := filepath.Glob(filepath.Join(repo.Root, "docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		rel, _ := filepath.Rel(repo.Root, d)
		files = append(files, filepath.ToSlash(rel))
	}
	var snippets []snippet
	for _, f := range files {
		snippets = append(snippets, readSnippets(t, f)...)
	}
	project := snippetProject(t)
	ran, marked := 0, 0
	for _, s := range snippets {
		name := strings.ReplaceAll(s.file, "/", "-") + ":" + strconv.Itoa(s.line)
		if s.marked != "" {
			marked++
			t.Logf("%s:%d: not run (%s)", s.file, s.line, s.marked)
			continue
		}
		ran++
		t.Run(name, func(t *testing.T) { runSnippet(t, project, s) })
	}
	if ran == 0 {
		t.Fatalf("no gdscript block found in %v", files)
	}
	t.Logf("documentation snippets: %d gdscript blocks run, %d marked as not runnable alone, in %d files", ran, marked, len(files))
}

// readSnippets returns the gdscript blocks of one Markdown file, and fails t on a marker comment
// that is not followed by a gdscript block or on a block left open.
func readSnippets(t *testing.T, file string) []snippet {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repo.Root, file))
	if err != nil {
		t.Fatal(err)
	}
	var out []snippet
	var cur *snippet
	var indent, lang, lastText string
	lastLine := 0
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if cur != nil || lang != "" {
			if strings.TrimSpace(line) == "```" {
				if cur != nil {
					out = append(out, *cur)
				}
				cur, lang = nil, ""
			} else if cur != nil {
				cur.code += strings.TrimPrefix(line, indent) + "\n"
			}
			continue
		}
		if m := fenceOpen.FindStringSubmatch(line); m != nil {
			indent, lang = m[1], strings.ToLower(m[2])
			if lang == "" {
				lang = "text"
			}
			mark := ""
			if mm := snippetMark.FindStringSubmatch(lastText); mm != nil && lastLine == n-1 {
				mark = mm[1]
			}
			if lang == "gdscript" || lang == "gd" {
				cur = &snippet{file: file, line: n, marked: mark}
			} else if mark != "" {
				t.Errorf("%s:%d: a snippet marker before a %s block, not a gdscript one", file, n-1, lang)
			}
			continue
		}
		if strings.TrimSpace(line) != "" {
			if snippetMark.MatchString(lastText) && lastLine == n-1 {
				t.Errorf("%s:%d: a snippet marker not followed by a code block", file, lastLine)
			}
			lastText, lastLine = line, n
		}
	}
	if cur != nil || lang != "" {
		t.Errorf("%s: a code block is not closed", file)
	}
	return out
}

// snippetProject is a scratch project with the built library, steam.gdextension and a main scene
// that instantiates res://snippet.gd, imported once; each snippet rewrites snippet.gd.
func snippetProject(t *testing.T) string {
	t.Helper()
	project := t.TempDir()
	writeFile(t, filepath.Join(project, "project.godot"), "config_version=5\n\n[application]\n"+
		"config/name=\"doc snippets\"\nrun/main_scene=\"res://main.tscn\"\nrun/flush_stdout_on_print=true\n")
	writeFile(t, filepath.Join(project, "main.tscn"), mainScene)
	writeFile(t, filepath.Join(project, "main.gd"), snippetRunner)
	writeFile(t, filepath.Join(project, "snippet.gd"), "extends Node\n")
	for _, f := range []string{extbuild.Native.Lib, "steam.gdextension"} {
		copyTree(t, filepath.Join(repo.Bin(), f), filepath.Join(project, "bin", f))
	}
	if err := gd.Import(project); err != nil {
		t.Fatal(err)
	}
	return project
}

// snippetRunner is the main scene's script: it instantiates the snippet's script as a child node
// and quits after snippetFrames frames.
var snippetRunner = fmt.Sprintf(`extends Node

var frames := 0


func _ready() -> void:
	var script: Script = load("res://snippet.gd")
	var node: Object = script.new() if script != null and script.can_instantiate() else null
	if not node is Node:
		push_error("snippet: res://snippet.gd does not make a Node")
		get_tree().quit(1)
		return
	print("snippet: started")
	add_child(node)


func _process(_delta: float) -> void:
	frames += 1
	if frames == %d:
		print("snippet: ran %d frames")
		get_tree().quit()
`, snippetFrames, snippetFrames)

// runSnippet writes s as res://snippet.gd, on loopback and free ports, and runs the project.
func runSnippet(t *testing.T, project string, s snippet) {
	ports := freeUDPPorts(t, 2)
	code := strings.NewReplacer(`"0.0.0.0"`, `"127.0.0.1"`, `"*"`, `"127.0.0.1"`).Replace(s.code)
	code = port27015.ReplaceAllString(code, strconv.Itoa(ports[0]))
	code = port27016.ReplaceAllString(code, strconv.Itoa(ports[1]))
	if scriptBlock.MatchString(code) {
		if !hasExtends.MatchString(code) {
			code = "extends Node\n\n" + code
		}
	} else {
		var b strings.Builder
		b.WriteString("extends Node\n\n\nfunc _ready() -> void:\n")
		for _, line := range strings.Split(strings.TrimRight(code, "\n"), "\n") {
			if strings.TrimSpace(line) != "" {
				b.WriteString("\t" + line)
			}
			b.WriteString("\n")
		}
		code = b.String()
	}
	writeFile(t, filepath.Join(project, "snippet.gd"), code)
	env := []string{"XDG_DATA_HOME=" + t.TempDir()}
	r := godot.Run(headless(t, project, "snippet", env, "res://main.tscn"))
	if err := godot.Verdict(r, godot.Expect{NoErrors: true}); err != nil {
		t.Fatalf("%s:%d: %v\nthe script run:\n%s\nlast lines of the log:\n%s", s.file, s.line, err, code, lastLines(r.Log, 30))
	}
	mustLog(t, r, "^snippet: started$", fmt.Sprintf("^snippet: ran %d frames$", snippetFrames))
}
