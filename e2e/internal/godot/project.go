package godot

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/gosteam/godot-steam-server/e2e/internal/bounded"
)

// Godot is a Godot 4.6+ binary and where its run logs go.
type Godot struct {
	Bin    string
	LogDir string
}

// Headless is the Spec of `godot --headless --path project ARGS...`.
func (g Godot) Headless(project, logName string, timeout time.Duration, args ...string) Spec {
	return Spec{
		Path:    g.Bin,
		Args:    append([]string{"--headless", "--path", project}, args...),
		Timeout: timeout,
		LogPath: filepath.Join(g.LogDir, logName+".log"),
	}
}

var versionLine = regexp.MustCompile(`^[0-9]+\.[0-9]+\S*`)

// Version is the binary's `--version` line ("4.6.3.stable.debian..."), or an error.
func (g Godot) Version() (string, error) {
	out, err := bounded.Command(time.Minute, g.Bin, "--version").Output()
	if err != nil {
		return "", fmt.Errorf("%s --version: %w", g.Bin, err)
	}
	sc := bufio.NewScanner(strings.NewReader(StripANSI(string(out))))
	for sc.Scan() {
		if v := versionLine.FindString(sc.Text()); v != "" {
			return v, nil
		}
	}
	return "", fmt.Errorf("%s --version printed no version", g.Bin)
}

const importStamp = ".godot/gosteam-import.stamp"

// Import runs Godot's headless import of project when it has none yet or a file changed since.
// Godot 4.6 aborts at exit (status 134, its crash report lost) after an import that had to
// hot-load an extension missing from .godot/extension_list.cfg, as on a fresh project; so the
// list is seeded first, and a failed import is run once more: the second must be clean.
func (g Godot) Import(project string) error {
	exts, err := projectExtensions(project)
	if err != nil {
		return err
	}
	list := filepath.Join(project, ".godot", "extension_list.cfg")
	if !importNeeded(project, list, len(exts) > 0) {
		return nil
	}
	if len(exts) > 0 && !exists(list) {
		if err := os.MkdirAll(filepath.Dir(list), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(list, []byte(strings.Join(exts, "\n")+"\n"), 0o644); err != nil {
			return err
		}
	}
	name := filepath.Base(project)
	var last error
	for attempt := 1; attempt <= 2; attempt++ {
		r := Run(g.Headless(project, fmt.Sprintf("import-%s-%d", name, attempt), 10*time.Minute, "--import"))
		if last = Verdict(r, Expect{}); last == nil {
			if len(exts) > 0 && !exists(list) {
				return fmt.Errorf("the import of %s exited 0 but wrote no .godot/extension_list.cfg", project)
			}
			return touch(filepath.Join(project, importStamp))
		}
		fmt.Fprintf(os.Stderr, "==> import of %s, attempt %d: %v\n", project, attempt, last)
	}
	return fmt.Errorf("the headless import of %s failed twice: %w", project, last)
}

func importNeeded(project, list string, hasExtensions bool) bool {
	stamp, err := os.Stat(filepath.Join(project, importStamp))
	if err != nil || (hasExtensions && !exists(list)) {
		return true
	}
	changed := errors.New("changed")
	err = filepath.WalkDir(project, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == ".godot" {
			return filepath.SkipDir
		}
		if info, err := d.Info(); err == nil && !d.IsDir() && info.ModTime().After(stamp.ModTime()) {
			return changed
		}
		return nil
	})
	return err != nil
}

// projectExtensions: the res:// paths of the project's .gdextension files, sorted.
func projectExtensions(project string) ([]string, error) {
	var exts []string
	err := filepath.WalkDir(project, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == ".godot" {
			return filepath.SkipDir
		}
		if strings.HasSuffix(path, ".gdextension") {
			rel, _ := filepath.Rel(project, path)
			exts = append(exts, "res://"+filepath.ToSlash(rel))
		}
		return nil
	})
	sort.Strings(exts)
	return exts, err
}

func exists(path string) bool { _, err := os.Stat(path); return err == nil }

func touch(path string) error {
	now := time.Now()
	if err := os.Chtimes(path, now, now); err == nil {
		return nil
	}
	return os.WriteFile(path, nil, 0o644)
}
