package offline

import (
	"errors"
	"syscall"
)

// transientReadError: on Windows, a file another process (or goroutine) has just linked or
// renamed into place can refuse a read for a moment while that process still holds or deletes its
// temporary name (ERROR_SHARING_VIOLATION), and a file being read refuses to be replaced
// (ERROR_ACCESS_DENIED from the rename). Trying again shortly after succeeds.
func transientReadError(err error) bool {
	return errors.Is(err, errorSharingViolation) || errors.Is(err, errorAccessDenied)
}

// errorSharingViolation is Windows' ERROR_SHARING_VIOLATION (winerror.h), which package syscall
// does not name.
const errorSharingViolation syscall.Errno = 32

// errorAccessDenied is ERROR_ACCESS_DENIED: what MoveFileEx answers for a file open elsewhere.
const errorAccessDenied syscall.Errno = 5
