// Package godot runs Godot, or a program exported from it, the way the end-to-end checks
// (e2e/) and build.sh's commands need it: under a timeout, in a process group of its own, its
// output written to a log file and kept in memory, and judged by one verdict (verdict.go).
package godot

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Spec is one program run.
type Spec struct {
	Path    string   // the program (Godot, or an exported server's run.sh)
	Args    []string // its arguments
	Env     []string // KEY=VALUE set on top of the cleaned environment (see cleanEnv)
	Timeout time.Duration
	LogPath string // the output (stdout and stderr, interleaved) is written there
}

// Result is what a finished run left behind.
type Result struct {
	LogPath  string
	Log      string         // the whole output, without terminal colour codes or CRs
	ExitCode int            // -1 when killed by a signal
	Signal   syscall.Signal // the signal that ended it, or 0
	TimedOut bool           // killed because Spec.Timeout passed
	WaitErr  error          // could not start or wait for it
	CPU      time.Duration  // user and system time it used
}

// Process is a started run.
type Process struct {
	spec     Spec
	cmd      *exec.Cmd
	output   lockedBuffer
	done     chan struct{}
	timedOut bool // set by the timeout timer before it kills, read after done
	mu       sync.Mutex
	result   Result
}

// Start starts spec's program. Its output goes to spec.LogPath as it comes; the process and
// its children are killed when spec.Timeout passes.
func Start(spec Spec) (*Process, error) {
	if spec.Timeout <= 0 {
		return nil, fmt.Errorf("%s: no timeout given", spec.Path)
	}
	if err := os.MkdirAll(filepath.Dir(spec.LogPath), 0o755); err != nil {
		return nil, err
	}
	logFile, err := os.Create(spec.LogPath)
	if err != nil {
		return nil, err
	}
	p := &Process{spec: spec, done: make(chan struct{})}
	p.output.file = logFile
	p.cmd = exec.Command(spec.Path, spec.Args...)
	p.cmd.Env = append(cleanEnv(os.Environ()), spec.Env...)
	p.cmd.Stdout = &p.output // one writer for both: exec then copies them in order
	p.cmd.Stderr = &p.output
	// A group of its own, so a timeout or a test's cleanup also ends what it started.
	p.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := p.cmd.Start(); err != nil {
		logFile.Close()
		return nil, fmt.Errorf("starting %s: %w", spec.Path, err)
	}
	timer := time.AfterFunc(spec.Timeout, func() {
		p.mu.Lock()
		p.timedOut = true
		p.mu.Unlock()
		p.Kill()
	})
	go func() {
		err := p.cmd.Wait()
		timer.Stop()
		logFile.Close()
		p.mu.Lock()
		p.result = p.makeResult(err)
		p.mu.Unlock()
		close(p.done)
	}()
	return p, nil
}

// Run starts spec's program and waits for it (at most spec.Timeout).
func Run(spec Spec) Result {
	p, err := Start(spec)
	if err != nil {
		return Result{LogPath: spec.LogPath, ExitCode: -1, WaitErr: err}
	}
	<-p.done
	return p.result
}

func (p *Process) makeResult(waitErr error) Result {
	r := Result{LogPath: p.spec.LogPath, Log: StripANSI(p.output.String()), TimedOut: p.timedOut}
	state := p.cmd.ProcessState
	var exitErr *exec.ExitError
	if waitErr != nil && !errors.As(waitErr, &exitErr) {
		r.WaitErr = waitErr
	}
	if state == nil {
		r.ExitCode = -1
		return r
	}
	r.ExitCode = state.ExitCode()
	r.CPU = state.UserTime() + state.SystemTime()
	if ws, ok := state.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		r.Signal = ws.Signal()
	}
	return r
}

// Output is the output so far, without colour codes.
func (p *Process) Output() string { return StripANSI(p.output.String()) }

// WaitForLine waits at most timeout for an output line matching re and returns its first
// submatch (or the whole match). It gives up early when the process ends.
func (p *Process) WaitForLine(re *regexp.Regexp, timeout time.Duration) (string, error) {
	deadline := time.Now().Add(timeout)
	for {
		if m := re.FindStringSubmatch(p.Output()); m != nil {
			return m[len(m)-1], nil
		}
		select {
		case <-p.done:
			if m := re.FindStringSubmatch(p.Output()); m != nil {
				return m[len(m)-1], nil
			}
			return "", fmt.Errorf("%s exited (status %d) without printing /%s/ (log: %s)", p.spec.Path, p.result.ExitCode, re, p.spec.LogPath)
		case <-time.After(100 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			return "", fmt.Errorf("%s printed no /%s/ within %s (log: %s)", p.spec.Path, re, timeout, p.spec.LogPath)
		}
	}
}

// Signal sends sig to the program itself (not its group): how a server is asked to stop.
func (p *Process) Signal(sig syscall.Signal) error { return p.cmd.Process.Signal(sig) }

// Pid is the program's process ID.
func (p *Process) Pid() int { return p.cmd.Process.Pid }

// Kill ends the program and everything it started (SIGKILL to its process group).
func (p *Process) Kill() { _ = syscall.Kill(-p.cmd.Process.Pid, syscall.SIGKILL) }

// Wait waits at most timeout for the program to exit; when it does not, it is killed and the
// result carries the error.
func (p *Process) Wait(timeout time.Duration) Result {
	select {
	case <-p.done:
	case <-time.After(timeout):
		p.Kill()
		<-p.done
		p.mu.Lock()
		p.result.WaitErr = fmt.Errorf("did not exit within %s, killed", timeout)
		p.mu.Unlock()
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.result
}

// Exited reports whether the program has ended.
func (p *Process) Exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

var ansi = regexp.MustCompile("\x1b\\[[0-9;]*[A-Za-z]")

// StripANSI removes terminal colour codes and carriage returns (Godot colours its errors).
func StripANSI(s string) string {
	return strings.ReplaceAll(ansi.ReplaceAllString(s, ""), "\r\n", "\n")
}

// cleanEnv drops the variables the extension reads (GOSTEAM_*, Steam's STEAM_*): every run says
// what it wants, so the caller's shell cannot change an outcome.
func cleanEnv(env []string) []string {
	var out []string
	for _, kv := range env {
		if strings.HasPrefix(kv, "GOSTEAM_") || strings.HasPrefix(kv, "STEAM_") {
			continue
		}
		out = append(out, kv)
	}
	return out
}

// lockedBuffer keeps the output in memory and copies it to the log file.
type lockedBuffer struct {
	mu   sync.Mutex
	buf  bytes.Buffer
	file *os.File
}

func (b *lockedBuffer) Write(data []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.buf.Write(data)
	return b.file.Write(data)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
