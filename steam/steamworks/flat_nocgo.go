//go:build !cgo || (windows && !amd64)

package steamworks

// Without cgo nothing can call into the Steamworks library: the package still compiles (the
// decoder and the backend logic are plain Go), and Load reports why it cannot load the library.
// Windows builds other than x86_64 take this file too: the loader supports steam_api64.dll, the
// x86_64 library, only.

// Library is a loaded Steamworks library; a build without cgo never has one.
type Library struct{}

// Path is "" without cgo.
func (*Library) Path() string { return "" }

func (*Library) flat() flat { return nil }

// Load always fails without cgo. The error wraps ErrNotFound: for such a build the library is as
// good as absent, so automatic backend selection falls back to offline.
func Load(string) (*Library, error) {
	return nil, &LoadError{Reason: "built without cgo (or for a Windows other than x86_64): the Steamworks library cannot be loaded", notFound: true}
}
