package offline

import (
	"errors"
	"syscall"
)

// transientReadError: on Windows, a key file another process (or goroutine) has just linked into
// place can refuse a read for a moment while that process still holds or deletes its temporary
// name (ERROR_SHARING_VIOLATION). Reading again shortly after succeeds.
func transientReadError(err error) bool {
	return errors.Is(err, errorSharingViolation)
}

// errorSharingViolation is Windows' ERROR_SHARING_VIOLATION (winerror.h), which package syscall
// does not name.
const errorSharingViolation syscall.Errno = 32
