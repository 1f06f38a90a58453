package godot

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Expect is what a run must show besides a clean log.
type Expect struct {
	// Tally: a check scene or suite, which must end with "N passed, N failed" (optionally
	// "label: " before it), with no failure and at least one pass.
	Tally bool
	// NoErrors: any "ERROR:" line is a problem (a server that must run without one).
	NoErrors bool
	// ExitCode is the exit status wanted (0 unless a run is meant to fail).
	ExitCode int
}

// ExtensionLoadFailure matches Godot's messages when the extension library is missing or does
// not load.
var ExtensionLoadFailure = regexp.MustCompile(`Can't open dynamic library|GDExtension dynamic library not found|Error loading extension`)

// The log patterns no run may show.
var logProblems = []struct {
	what string
	re   *regexp.Regexp
}{
	{"a script error", regexp.MustCompile(`SCRIPT ERROR`)},
	// Godot's crash handler prints "handle_crash: Program crashed with signal N" and a
	// backtrace, whatever the signal; the bare kernel message covers a crash it could not catch.
	{"a crash", regexp.MustCompile(`Program crashed|handle_crash|Dumping the backtrace|END OF C\+\+ BACKTRACE|Segmentation fault`)},
	{"leaked objects", regexp.MustCompile(`ObjectDB instances leaked`)},
	{"an extension that did not load", ExtensionLoadFailure},
}

var errorLine = regexp.MustCompile(`(?m)^(SCRIPT )?ERROR:.*$`)

// tallyLine is the closing line of tests/test_runner.gd and tests/check_scene.gd.
var tallyLine = regexp.MustCompile(`(?m)^(?:[A-Za-z]+: )?([0-9]+) passed, ([0-9]+) failed(?:, [0-9]+ skipped)?$`)

// Verdict judges a finished run: nil when it is clean and shows what want asks; otherwise an
// error naming every problem, with the log lines that show it.
func Verdict(r Result, want Expect) error {
	var problems []string
	switch {
	case r.WaitErr != nil:
		problems = append(problems, r.WaitErr.Error())
	case r.TimedOut:
		problems = append(problems, "timed out and was killed")
	case r.Signal != 0:
		problems = append(problems, fmt.Sprintf("died of signal %d (%s)", int(r.Signal), r.Signal))
	case r.ExitCode != want.ExitCode:
		problems = append(problems, fmt.Sprintf("exited with status %d, want %d", r.ExitCode, want.ExitCode))
	}
	for _, p := range logProblems {
		if hits := matchingLines(p.re, r.Log); hits != "" {
			problems = append(problems, fmt.Sprintf("the log shows %s (/%s/):\n%s", p.what, p.re, hits))
		}
	}
	if want.NoErrors {
		if hits := errorLines(r.Log); hits != "" {
			problems = append(problems, "the log has errors:\n"+hits)
		}
	}
	if want.Tally {
		if p := tallyProblem(r.Log); p != "" {
			problems = append(problems, p)
		}
	}
	if len(problems) == 0 {
		return nil
	}
	return fmt.Errorf("%s (log: %s)", strings.Join(problems, "; "), r.LogPath)
}

// Tally returns the last "N passed, N failed" line of log, or "".
func Tally(log string) string {
	all := tallyLine.FindAllString(log, -1)
	if len(all) == 0 {
		return ""
	}
	return all[len(all)-1]
}

func tallyProblem(log string) string {
	all := tallyLine.FindAllStringSubmatch(log, -1)
	if len(all) == 0 {
		return "no closing 'N passed, N failed' line"
	}
	last := all[len(all)-1]
	passed, _ := strconv.Atoi(last[1])
	failed, _ := strconv.Atoi(last[2])
	switch {
	case failed > 0:
		return "failures reported: " + last[0]
	case passed == 0:
		return "nothing was checked: " + last[0]
	}
	return ""
}

func errorLines(log string) string {
	hits := errorLine.FindAllString(log, 20)
	return strings.Join(hits, "\n")
}

// matchingLines: the first 20 lines of log that re matches, joined.
func matchingLines(re *regexp.Regexp, log string) string {
	var hits []string
	for _, line := range strings.Split(log, "\n") {
		if re.MatchString(line) {
			hits = append(hits, line)
			if len(hits) == 20 {
				break
			}
		}
	}
	return strings.Join(hits, "\n")
}
