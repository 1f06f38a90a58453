package steam

import (
	"errors"
	"fmt"
	"os"
)

// ErrNotInitialized is returned by every call that needs serverInit to have succeeded first.
var ErrNotInitialized = errors.New("the game server is not initialized: call serverInit first")

// InitStatus is ESteamAPIInitResult, the status serverInitEx reports.
type InitStatus int32

const (
	InitOK              InitStatus = 0
	InitFailedGeneric   InitStatus = 1
	InitNoSteamClient   InitStatus = 2
	InitVersionMismatch InitStatus = 3
)

// InitError is a failed serverInit, with the status and the library's own message.
type InitError struct {
	Status  InitStatus
	Message string
}

func (e *InitError) Error() string { return e.Message }

// ArgError is a refused argument: the call did nothing.
type ArgError struct {
	Arg    string
	Reason string
}

func (e *ArgError) Error() string { return fmt.Sprintf("%s %s", e.Arg, e.Reason) }

func argErrorf(arg, format string, a ...any) error {
	return &ArgError{Arg: arg, Reason: fmt.Sprintf(format, a...)}
}

// quoteShort quotes a refused value for an error message, cut so a huge argument cannot flood the log.
func quoteShort(v string) string {
	const max = 64
	if len(v) <= max {
		return fmt.Sprintf("%q", v)
	}
	return fmt.Sprintf("%q... (%d bytes)", v[:max], len(v))
}

// ReportError reports an error nobody called for: a panic recovered on a goroutine of the library's
// own (the query responder), which must not take the game down. The extension prints it through
// Godot's error output; by default it goes to stderr. It may be called from any goroutine.
var ReportError = func(message string) { fmt.Fprintln(os.Stderr, "ERROR: "+message) }
