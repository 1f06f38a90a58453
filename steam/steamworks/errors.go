package steamworks

import (
	"errors"
	"fmt"
)

// ErrNotFound is what a *LoadError wraps when no Steamworks library (libsteam_api.so, or
// steam_api64.dll on Windows) was found anywhere it was looked for (and no explicit path was
// given): the one case where falling back to offline is right.
var ErrNotFound = errors.New("no Steamworks library found")

// LoadError is a Steamworks library that could not be used: not found, not loadable, or lacking a
// symbol of the table.
type LoadError struct {
	Path     string // the library; "" when none was found
	Symbol   string // the symbol it lacks; "" otherwise
	Reason   string // the dynamic loader's message, or where it was looked for
	notFound bool
	absent   bool // the loader found no such file (which, for a searched name, is notFound)
}

func (e *LoadError) Error() string {
	switch {
	case e.Symbol != "":
		return fmt.Sprintf("steamworks: %s lacks %s: %s", e.Path, e.Symbol, e.Reason)
	case e.Path != "":
		return fmt.Sprintf("steamworks: cannot load %s: %s", e.Path, e.Reason)
	}
	return "steamworks: " + e.Reason
}

func (e *LoadError) Unwrap() error {
	if e.notFound {
		return ErrNotFound
	}
	return nil
}
