//go:build !cgo

package steamworks

// Without cgo nothing can call into libsteam_api.so: the package still compiles (the decoder and
// the backend logic are plain Go), and Load reports why it cannot load the library.

// Library is a loaded libsteam_api.so; a build without cgo never has one.
type Library struct{}

// Path is "" without cgo.
func (*Library) Path() string { return "" }

func (*Library) flat() flat { return nil }

// Load always fails without cgo. The error wraps ErrNotFound: for such a build the library is as
// good as absent, so automatic backend selection falls back to offline.
func Load(string) (*Library, error) {
	return nil, &LoadError{Reason: "built without cgo: libsteam_api.so cannot be loaded", notFound: true}
}
