package godot

import (
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

func shell(t *testing.T, script string, timeout time.Duration) Spec {
	return Spec{Path: "sh", Args: []string{"-c", script}, Timeout: timeout, LogPath: filepath.Join(t.TempDir(), "run.log"),
		Env: []string{"WANTED=yes"}}
}

func TestRunKeepsOutputAndStatus(t *testing.T) {
	t.Setenv("GOSTEAM_BACKEND", "steamworks") // the caller's value must not reach the run
	r := Run(shell(t, `echo "out $WANTED ${GOSTEAM_BACKEND:-unset}"; echo err >&2; exit 3`, time.Minute))
	if r.ExitCode != 3 || r.Signal != 0 || r.TimedOut || r.WaitErr != nil {
		t.Fatalf("result %+v", r)
	}
	if !strings.Contains(r.Log, "out yes unset\n") || !strings.Contains(r.Log, "err\n") {
		t.Errorf("log %q", r.Log)
	}
}

func TestRunReportsTheSignal(t *testing.T) {
	r := Run(shell(t, `kill -SEGV $$`, time.Minute))
	if r.Signal != syscall.SIGSEGV {
		t.Fatalf("result %+v, want SIGSEGV", r)
	}
	if err := Verdict(r, Expect{}); err == nil || !strings.Contains(err.Error(), "signal 11") {
		t.Errorf("verdict %v", err)
	}
}

func TestRunKillsAtTheTimeout(t *testing.T) {
	started := time.Now()
	r := Run(shell(t, `sleep 30 & sleep 30`, 300*time.Millisecond))
	if !r.TimedOut || time.Since(started) > 10*time.Second {
		t.Fatalf("result %+v after %s", r, time.Since(started))
	}
}

func TestWaitForLine(t *testing.T) {
	p, err := Start(shell(t, `echo "demo: state {\"a\":1}"; sleep 30`, time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	defer p.Kill()
	got, err := p.WaitForLine(regexp.MustCompile(`(?m)^demo: state (\{.*\})$`), 10*time.Second)
	if err != nil || got != `{"a":1}` {
		t.Fatalf("WaitForLine = %q, %v", got, err)
	}
	if _, err := p.WaitForLine(regexp.MustCompile(`never`), 200*time.Millisecond); err == nil {
		t.Error("WaitForLine found a line that was never printed")
	}
	if r := p.Wait(100 * time.Millisecond); r.WaitErr == nil {
		t.Errorf("Wait of a running process: %+v, want an error after killing it", r)
	}
}
