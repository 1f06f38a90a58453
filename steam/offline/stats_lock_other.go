//go:build !(linux || darwin || freebsd || openbsd || netbsd || dragonfly || windows)

package offline

import "os"

// lockFile: no file lock on this system; stores of one user by two processes may then lose one
// of the two servers' changes (each file is still whole).
func lockFile(string) (func(), error) { return func() {}, nil }

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	_ = d.Sync()
	return nil
}
