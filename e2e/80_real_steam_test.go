//go:build e2e

package e2e

import (
	"regexp"
	"testing"

	"github.com/gosteam/godot-steam-server/e2e/internal/godot"
)

// TestRealSteam: the real libsteam_api.so in Godot (tests/real_steam_check.tscn). Without a Steam
// client its init fails with its own message, which serverInitEx returns and serverInit prints,
// with GOSTEAM_BACKEND=steamworks and with auto (which must not replace the failure with offline);
// with no library anywhere, auto falls back to offline. HOME is a scratch folder, so a Steam client
// installed on this machine (~/.steam/sdk64/steamclient.so) cannot make the init succeed.
func TestRealSteam(t *testing.T) {
	api := steamAPI(t)
	home := "HOME=" + t.TempDir()
	for _, backend := range []string{"steamworks", "auto"} {
		t.Run(backend, func(t *testing.T) {
			r := runCheck(t, headless(t, repo.Project(), "real_steam_check", []string{home, "GOSTEAM_BACKEND=" + backend, "GOSTEAM_STEAM_API=" + api},
				"res://tests/real_steam_check.tscn", "--", "steam-failure"), godot.Expect{Tally: true})
			mustLog(t, r, regexp.QuoteMeta("Steam: steamworks backend, "+api), `Steam\.serverInit: Failed to load module '.*steamclient\.so'`)
		})
	}
	t.Run("auto-without-library", func(t *testing.T) {
		r := runCheck(t, headless(t, repo.Project(), "real_steam_check", []string{home, "GOSTEAM_BACKEND=auto", "GOSTEAM_STEAM_API="},
			"res://tests/real_steam_check.tscn", "--", "offline"), godot.Expect{Tally: true})
		mustLog(t, r, regexp.QuoteMeta("Steam: offline backend (steamworks: libsteam_api.so not found"))
	})
}
