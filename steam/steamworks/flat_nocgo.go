//go:build !cgo || windows

package steamworks

import "runtime"

// Without cgo nothing can call into libsteam_api.so: the package still compiles (the decoder and
// the backend logic are plain Go), and Load reports why it cannot load the library. Windows builds
// take this file too: the decoder reads callbacks at the Linux SDK's offsets (pack 4), and the
// Windows SDK packs them to 8, so the steamworks backend is not offered there yet.

// Library is a loaded libsteam_api.so; a build without cgo never has one.
type Library struct{}

// Path is "" without cgo.
func (*Library) Path() string { return "" }

func (*Library) flat() flat { return nil }

// Load always fails without cgo or on Windows. The error wraps ErrNotFound: for such a build the
// library is as good as absent, so automatic backend selection falls back to offline.
func Load(string) (*Library, error) {
	if runtime.GOOS == "windows" {
		return nil, &LoadError{Reason: "the steamworks backend is not supported on windows yet", notFound: true}
	}
	return nil, &LoadError{Reason: "built without cgo: libsteam_api.so cannot be loaded", notFound: true}
}
