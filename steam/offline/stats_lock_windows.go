package offline

import (
	"os"
	"syscall"
	"unsafe"
)

var (
	kernel32       = syscall.NewLazyDLL("kernel32.dll")
	procLockFileEx = kernel32.NewProc("LockFileEx")
)

const lockfileExclusiveLock = 2

// lockFile holds an exclusive LockFileEx lock on path (made if needed) until the returned function
// runs; closing the handle releases it.
func lockFile(path string) (func(), error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	var ol syscall.Overlapped
	r, _, e := procLockFileEx.Call(f.Fd(), lockfileExclusiveLock, 0, 1, 0, uintptr(unsafe.Pointer(&ol)))
	if r == 0 {
		f.Close()
		return nil, e
	}
	return func() { f.Close() }, nil
}

// syncDir: NTFS makes a rename durable with the file's own flush; folders cannot be fsynced.
func syncDir(string) error { return nil }
