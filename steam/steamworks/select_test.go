package steamworks

import (
	"errors"
	"strings"
	"testing"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/gosteam/godot-steam-server/steam/offline"
)

func TestChooseBackend(t *testing.T) {
	real := newBackend(newFake(t), "/opt/game/libsteam_api.so")
	absent := &LoadError{Reason: "libsteam_api.so not found on the system search path", notFound: true}
	broken := &LoadError{Path: "/opt/game/libsteam_api.so", Reason: "wrong ELF class: ELFCLASS32"}
	noSymbol := &LoadError{Path: "/opt/game/libsteam_api.so", Symbol: "SteamAPI_SteamGameServer_v015", Reason: "undefined symbol"}
	cases := []struct {
		mode    string
		loadErr error
		want    string // backend name, or "error"
		note    string // part of the note, or of the error
	}{
		{"", nil, "steamworks", "Steam: steamworks backend, /opt/game/libsteam_api.so"},
		{"auto", nil, "steamworks", "steamworks backend"},
		{"steamworks", nil, "steamworks", "steamworks backend"},
		{"offline", nil, "offline", "Steam: offline backend (GOSTEAM_BACKEND=offline)"},
		{"", absent, "offline", "Steam: offline backend (steamworks: libsteam_api.so not found"},
		{"auto", absent, "offline", "not found"},
		{"steamworks", absent, "error", "not found"},
		{"auto", broken, "error", "wrong ELF class"},
		{"auto", noSymbol, "error", "lacks SteamAPI_SteamGameServer_v015"},
		{"steam", nil, "error", `GOSTEAM_BACKEND="steam": must be steamworks, offline or auto`},
	}
	for _, c := range cases {
		loads := 0
		b, note, err := choose(c.mode, func() (steam.Backend, string, error) {
			loads++
			if c.loadErr != nil {
				return nil, "", c.loadErr
			}
			return real, real.LibraryPath(), nil
		}, func() steam.Backend { return offline.New(offline.Options{}) })
		got := "error"
		if err == nil {
			got = b.Name()
		} else {
			note = err.Error()
		}
		if got != c.want || !strings.Contains(note, c.note) {
			t.Errorf("mode %q, load error %v: got %s %q; want %s %q", c.mode, c.loadErr, got, note, c.want, c.note)
		}
		if c.mode == "offline" && loads != 0 {
			t.Errorf("offline mode loaded libsteam_api.so")
		}
		if err != nil && b != nil {
			t.Errorf("mode %q: a backend came with the error", c.mode)
		}
	}
}

func TestLoadErrorMessages(t *testing.T) {
	for _, c := range []struct {
		err  *LoadError
		want string
	}{
		{&LoadError{Reason: "libsteam_api.so not found on the system search path", notFound: true}, "steamworks: libsteam_api.so not found on the system search path"},
		{&LoadError{Path: "/x/libsteam_api.so", Reason: "file too short"}, "steamworks: cannot load /x/libsteam_api.so: file too short"},
		{&LoadError{Path: "/x/libsteam_api.so", Symbol: "SteamGameServer_Shutdown", Reason: "undefined symbol"}, "steamworks: /x/libsteam_api.so lacks SteamGameServer_Shutdown: undefined symbol"},
	} {
		if got := c.err.Error(); got != c.want {
			t.Errorf("got %q, want %q", got, c.want)
		}
		if errors.Is(c.err, ErrNotFound) != c.err.notFound {
			t.Errorf("%q: errors.Is(ErrNotFound) = %v", c.want, !c.err.notFound)
		}
	}
}
