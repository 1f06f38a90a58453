//go:build cgo && linux

package steamworks

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
)

// The Utils calls gbe_fork answers (its steam_utils.cpp), through the game server's ISteamUtils:
// the app, Steam's clock, the country and language of its settings (written here, so a value that
// reached us did not come from a default), the seconds since the library loaded (and 2000 more
// "since the computer was active"), AC power, its IPC counter, a filter that copies the text, no
// images, and an async call's handle, completion and notice.
func TestEmulatorUtils(t *testing.T) {
	withEmulator(t, func(e *emulatorRun) {
		settings := filepath.Join(filepath.Dir(e.lib), "steam_settings")
		if err := os.MkdirAll(settings, 0o755); err != nil {
			t.Fatal(err)
		}
		ini := "[user::general]\nip_country=SE\nlanguage=swedish\n"
		if err := os.WriteFile(filepath.Join(settings, "configs.user.ini"), []byte(ini), 0o644); err != nil {
			t.Fatal(err)
		}
		srv := e.server()
		e.logOn(srv, emuConfig, nil)

		must := func(v any, err error) any {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
			return v
		}
		if got := must(srv.AppID()); got != uint32(480) {
			t.Errorf("AppID = %v, want 480 (SteamAppId)", got)
		}
		now := must(srv.ServerRealTime()).(uint32)
		if d := time.Since(time.Unix(int64(now), 0)); d < -2*time.Second || d > 2*time.Second {
			t.Errorf("ServerRealTime = %d, %v from this machine's clock", now, d)
		}
		if got := must(srv.IPCountry()); got != "SE" {
			t.Errorf("IPCountry = %q, want the settings' SE", got)
		}
		if got := must(srv.SteamUILanguage()); got != "swedish" {
			t.Errorf("SteamUILanguage = %q, want the settings' swedish", got)
		}
		app := must(srv.SecondsSinceAppActive()).(uint32)
		idle := must(srv.SecondsSinceComputerActive()).(uint32)
		if app > uint32(childTimeout/time.Second) || idle != app+2000 {
			t.Errorf("seconds since app active %d, computer active %d: want the time since the library loaded, and 2000 more", app, idle)
		}
		if got := must(srv.CurrentBatteryPower()); got != uint32(255) {
			t.Errorf("CurrentBatteryPower = %v, want 255 (AC)", got)
		}
		first := must(srv.IPCCallCount()).(uint32)
		second := must(srv.IPCCallCount()).(uint32)
		if first == 0 || second != first+123 {
			t.Errorf("IPCCallCount %d then %d: want the emulator's counter, which adds 123 at each call", first, second)
		}
		if ok := must(srv.InitFilterText()); ok != false {
			t.Errorf("InitFilterText = %v, want the emulator's false", ok)
		}
		if got := must(srv.FilterText(int64(steam.TextFilteringContextChat), emuUser, "héllo wörld")); got != "héllo wörld" {
			t.Errorf("FilterText = %q, want the text back (the emulator copies it)", got)
		}
		if _, _, err := srv.ImageSize(1); err == nil {
			t.Error("ImageSize(1) succeeded: the emulator has no images")
		}
		if _, err := srv.ImageRGBA(1); err == nil {
			t.Error("ImageRGBA(1) succeeded")
		}

		// No call yet: Steam is asked about handle 0.
		if st := must(srv.IsAPICallCompleted()); st != (steam.APICallStatus{}) {
			t.Errorf("IsAPICallCompleted before any call = %+v", st)
		}
		// A stats request stays pending in the emulator for 7 s (no player's client answers).
		if err := srv.RequestUserStats(emuUser); err != nil {
			t.Fatal(err)
		}
		if st := must(srv.IsAPICallCompleted()); st != (steam.APICallStatus{}) {
			t.Errorf("IsAPICallCompleted of a pending stats request = %+v, want not completed", st)
		}
		if got := must(srv.APICallFailureReason()); got != steam.APICallFailureNone {
			t.Errorf("APICallFailureReason = %v, want the emulator's none", got)
		}
		done := waitStats[steam.APICallCompleted](e, srv, 12*time.Second)
		t.Logf("SteamAPICallCompleted_t %+v", done)
		if done.Call == 0 || done.Callback != steam.CallbackStatsReceived || done.Size != 12 {
			t.Errorf("call completed %+v, want a handle, GSStatsReceived_t (1800) and its 12 bytes", done)
		}
		received := waitStats[steam.StatsReceived](e, srv, time.Second)
		if received.SteamID != emuUser {
			t.Errorf("the result after the notice: %+v", received)
		}
		if err := srv.Shutdown(); err != nil {
			t.Fatal(err)
		}
	})
}
