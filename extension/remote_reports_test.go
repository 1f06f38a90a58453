package main

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// A flood of refusals from remote input prints one line per interval per method, with the count.
func TestRemoteRefusalsArePrintedOncePerInterval(t *testing.T) {
	r := remoteReports{last: map[string]time.Time{}, held: map[string]int{}}
	t0 := time.Unix(1000, 0)
	print, suffix := r.note("Steam.beginAuthSession", t0)
	assert.True(t, print, "the first one is printed")
	assert.Contains(t, suffix, "at most every 10s")
	for i := 1; i <= 500; i++ {
		print, _ = r.note("Steam.beginAuthSession", t0.Add(time.Duration(i)*time.Millisecond))
		assert.False(t, print, "refusal %d within the interval", i)
	}
	print, _ = r.note("SteamServer.beginAuthSession", t0.Add(time.Second))
	assert.True(t, print, "another method has its own interval")
	print, suffix = r.note("Steam.beginAuthSession", t0.Add(remoteReportInterval))
	assert.True(t, print, "the next interval prints again")
	assert.Contains(t, suffix, "500 more like it")
}
