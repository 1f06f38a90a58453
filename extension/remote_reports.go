package main

import (
	"fmt"
	"sync"
	"time"
)

// A refusal caused by what a remote peer sent (steam.RemoteInputError: a client's oversized
// ticket) is printed at most once per method per remoteReportInterval, with the count of those
// left out, so a peer cannot fill the server's log; getServerState's traffic counts every one.

const remoteReportInterval = 10 * time.Second

type remoteReports struct {
	mu   sync.Mutex
	last map[string]time.Time // when the method's last report was printed
	held map[string]int       // refusals since then that were not printed
}

var remoteReporter = remoteReports{last: map[string]time.Time{}, held: map[string]int{}}

// note says whether to print this refusal of method now, and the suffix that says how many were
// left out since the last one printed.
func (r *remoteReports) note(method string, now time.Time) (print bool, suffix string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if last, seen := r.last[method]; seen && now.Sub(last) < remoteReportInterval && now.Sub(last) >= 0 {
		r.held[method]++
		return false, ""
	}
	held := r.held[method]
	r.last[method], r.held[method] = now, 0
	if held > 0 {
		return true, fmt.Sprintf(" (remote input: %d more like it in the last %v; see getServerState().traffic)", held, remoteReportInterval)
	}
	return true, fmt.Sprintf(" (remote input: more like it are reported at most every %v)", remoteReportInterval)
}
