package steamworks

import (
	"errors"
	"fmt"

	"github.com/gosteam/godot-steam-server/steam"
)

// EnvBackend names the environment variable that chooses the backend: "steamworks", "offline"
// or "auto" (the default when unset or empty).
const EnvBackend = "GOSTEAM_BACKEND"

// Select makes the backend mode asks for, with a line naming it for the log:
//   - "steamworks": this package's backend; a library that cannot be loaded is an error.
//   - "offline": offline().
//   - "auto" or "": steamworks when the Steamworks library (libsteam_api.so, steam_api64.dll)
//     loads; offline only when no library was found (ErrNotFound). A library that is present but
//     unusable is an error, never replaced by offline.
//
// Select only chooses: a Steam init that fails later (no Steam client, say) is reported by Init.
func Select(mode string, opts Options, offline func() steam.Backend) (steam.Backend, string, error) {
	return choose(mode, func() (steam.Backend, string, error) {
		b, err := New(opts)
		if err != nil {
			return nil, "", err
		}
		return b, b.LibraryPath(), nil
	}, offline)
}

func choose(mode string, load func() (steam.Backend, string, error), offline func() steam.Backend) (steam.Backend, string, error) {
	switch mode {
	case "offline":
		return offline(), "Steam: offline backend (" + EnvBackend + "=offline)", nil
	case "steamworks", "auto", "":
		b, path, err := load()
		switch {
		case err == nil:
			return b, "Steam: steamworks backend, " + path, nil
		case mode != "steamworks" && errors.Is(err, ErrNotFound):
			return offline(), "Steam: offline backend (" + err.Error() + ")", nil
		}
		return nil, "", err
	}
	return nil, "", fmt.Errorf("%s=%q: must be steamworks, offline or auto", EnvBackend, mode)
}
