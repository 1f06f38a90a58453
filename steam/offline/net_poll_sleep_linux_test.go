package offline_test

import (
	"syscall"
	"time"
)

// threadSleep sleeps the OS thread itself, as Godot's OS.delay_usec does (usleep): Go's
// time.Sleep would park the goroutine on the runtime's timers, which wake far later than 20 µs.
func threadSleep(d time.Duration) {
	ts := syscall.NsecToTimespec(d.Nanoseconds())
	_ = syscall.Nanosleep(&ts, nil)
}
