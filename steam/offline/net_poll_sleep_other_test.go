//go:build !linux

package offline_test

import "time"

// threadSleep: where there is no nanosleep to call, Go's own sleep (coarser).
func threadSleep(d time.Duration) { time.Sleep(d) }
