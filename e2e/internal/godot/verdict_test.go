package godot

import (
	"strings"
	"syscall"
	"testing"
)

const cleanSuite = "Godot Engine v4.6.3.stable\nrunning\n12 passed, 0 failed\n"

func TestVerdictPassesACleanSuite(t *testing.T) {
	for _, log := range []string{cleanSuite, "server: 3 passed, 0 failed\n", "1 passed, 0 failed, 2 skipped\n"} {
		if err := Verdict(Result{Log: log}, Expect{Tally: true}); err != nil {
			t.Errorf("%q: %v", log, err)
		}
	}
	if err := Verdict(Result{Log: "demo: server shut down\n"}, Expect{}); err != nil {
		t.Errorf("a clean run without a tally: %v", err)
	}
	if err := Verdict(Result{Log: "ERROR: expected\n", ExitCode: 1}, Expect{ExitCode: 1}); err != nil {
		t.Errorf("an expected failure status: %v", err)
	}
}

func TestVerdictFindsEachProblem(t *testing.T) {
	cases := []struct {
		name   string
		result Result
		want   Expect
		says   string
	}{
		{"non-zero exit", Result{Log: cleanSuite, ExitCode: 1}, Expect{Tally: true}, "status 1"},
		{"killed by SIGABRT", Result{Log: cleanSuite, ExitCode: -1, Signal: syscall.SIGABRT}, Expect{Tally: true}, "signal 6"},
		{"timeout", Result{Log: cleanSuite, ExitCode: -1, Signal: syscall.SIGKILL, TimedOut: true}, Expect{Tally: true}, "timed out"},
		{"crash by signal 11", Result{Log: "================================================================\nhandle_crash: Program crashed with signal 11\n" + cleanSuite}, Expect{Tally: true}, "a crash"},
		{"crash by signal 4", Result{Log: "handle_crash: Program crashed with signal 4\n"}, Expect{}, "a crash"},
		{"backtrace", Result{Log: "[1] /lib/libc.so.6 (+0x3c050)\n-- END OF C++ BACKTRACE --\n"}, Expect{}, "a crash"},
		{"script error", Result{Log: "SCRIPT ERROR: Invalid call.\n" + cleanSuite}, Expect{Tally: true}, "a script error"},
		{"leak", Result{Log: cleanSuite + "WARNING: ObjectDB instances leaked at exit (run with --verbose for details).\n"}, Expect{Tally: true}, "leaked objects"},
		{"extension not loaded", Result{Log: "ERROR: Can't open dynamic library: res://bin/x.so\n" + cleanSuite}, Expect{Tally: true}, "did not load"},
		{"no tally", Result{Log: "all good\n"}, Expect{Tally: true}, "no closing"},
		{"failures", Result{Log: "3 passed, 1 failed\n"}, Expect{Tally: true}, "failures reported"},
		{"nothing checked", Result{Log: "0 passed, 0 failed\n"}, Expect{Tally: true}, "nothing was checked"},
		{"tally not on its own line", Result{Log: "client: 1 passed, 0 failed and more\n"}, Expect{Tally: true}, "no closing"},
		{"error line in a server", Result{Log: "ERROR: Steam.setMapName: too long\n"}, Expect{NoErrors: true}, "errors"},
		{"unexpected success", Result{Log: ""}, Expect{ExitCode: 1}, "status 0, want 1"},
	}
	for _, c := range cases {
		err := Verdict(c.result, c.want)
		if err == nil {
			t.Errorf("%s: no problem found", c.name)
			continue
		}
		if !strings.Contains(err.Error(), c.says) {
			t.Errorf("%s: %v, want it to say %q", c.name, err, c.says)
		}
	}
}

func TestTallyIsTheLastLine(t *testing.T) {
	if got := Tally("1 passed, 1 failed\nlabel: 4 passed, 0 failed\n"); got != "label: 4 passed, 0 failed" {
		t.Errorf("Tally = %q", got)
	}
}

func TestStripANSI(t *testing.T) {
	if got := StripANSI("\x1b[1;31mERROR:\x1b[0m x\r\n"); got != "ERROR: x\n" {
		t.Errorf("StripANSI = %q", got)
	}
}
