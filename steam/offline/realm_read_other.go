//go:build !windows

package offline

// transientReadError: elsewhere a linked or renamed file reads, and is replaced, at once.
func transientReadError(error) bool { return false }
