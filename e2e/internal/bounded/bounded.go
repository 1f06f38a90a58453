// Package bounded starts helper programs (compilers, cp, patchelf, scripts) that are killed when
// they overrun their time: no process the build or the tests start can hang them forever.
package bounded

import (
	"context"
	"os/exec"
	"time"
)

// Command is exec.Command whose process is killed after timeout.
func Command(timeout time.Duration, name string, args ...string) *exec.Cmd {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	cmd := exec.CommandContext(ctx, name, args...)
	time.AfterFunc(timeout, cancel) // the context's resources, released once its deadline passed
	return cmd
}
