//go:build !windows

package main

/*
#include "gdext.h"
*/
import "C"

import (
	"fmt"
	"os"
	"os/signal"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// Godot 4.6 on Linux has no handler for SIGTERM or SIGINT: either kills the process at once, so a
// dedicated server stopped by systemd, Docker or Ctrl+C never logs off nor shuts Steam down. Once a
// serverInit succeeds the extension catches both and turns the first one into a quit request at the
// next run_callbacks, as a window's close button does: every node gets NOTIFICATION_WM_CLOSE_REQUEST,
// then the tree quits (unless the game turned auto_accept_quit off) and _exit_tree runs. A second signal, or none of it delivered within terminationGrace (no
// run_callbacks: a hung or non-Steam main loop), restores the default action and re-raises it.

var terminationGrace = 10 * time.Second

var termination struct {
	once      sync.Once
	pending   atomic.Int32 // the signal number waiting for run_callbacks, 0 when none
	delivered atomic.Bool  // a quit request was sent: the next signal is not softened
}

// watchTermination installs the handler, once per process.
func watchTermination() {
	termination.once.Do(func() {
		ch := make(chan os.Signal, 2)
		signal.Notify(ch, syscall.SIGTERM, syscall.SIGINT)
		go func() {
			for sig := range ch {
				s := sig.(syscall.Signal)
				if termination.delivered.Load() || !termination.pending.CompareAndSwap(0, int32(s)) {
					reraise(s) // a second signal: the default action, at once
				}
				eventQueued() // run_callbacks must enter Go
				go func() {
					time.Sleep(terminationGrace)
					if termination.pending.Load() != 0 {
						reraise(s)
					}
				}()
			}
		}()
	})
}

// deliverTermination runs in run_callbacks, on the main thread.
func deliverTermination() {
	s := termination.pending.Swap(0)
	if s == 0 {
		return
	}
	fmt.Printf("Steam: %s received: asking Godot to quit (NOTIFICATION_WM_CLOSE_REQUEST)\n", signalName(syscall.Signal(s)))
	termination.delivered.Store(true)
	if C.sv_request_close() == 0 {
		reraise(syscall.Signal(s))
	}
}

func reraise(s syscall.Signal) {
	signal.Reset(s)
	_ = syscall.Kill(os.Getpid(), s)
}

func signalName(s syscall.Signal) string {
	switch s {
	case syscall.SIGTERM:
		return "SIGTERM"
	case syscall.SIGINT:
		return "SIGINT"
	}
	return s.String()
}
