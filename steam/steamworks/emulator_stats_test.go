//go:build cgo && linux

package steamworks

import (
	"errors"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
)

// The emulator's game-server stats come from the player's own emulated Steam client, which this
// namespace does not have: a stats request times out after the emulator's 7 s with
// k_EResultTimeout, a store for a user whose stats never came is k_EResultFail, and every read or
// write before that is refused. That still proves the calls (SteamAPI_ISteamGameServerStats_*),
// the call results' layouts (GSStatsReceived_t, GSStatsStored_t: result and Steam ID) and that one
// call gives one event, although the emulator posts each answer both as a call result and as a
// callback.
func TestEmulatorGameServerStats(t *testing.T) {
	withEmulator(t, func(e *emulatorRun) {
		srv := e.server()
		e.logOn(srv, emuConfig, nil)

		if _, err := srv.GetUserStatInt(emuUser, "NumGames"); !errors.Is(err, steam.ErrStatsRefused) {
			t.Errorf("GetUserStatInt before stats came = %v, want Steam's refusal", err)
		}
		if err := srv.SetUserStatInt(emuUser, "NumGames", 1); !errors.Is(err, steam.ErrStatsRefused) {
			t.Errorf("SetUserStatInt before stats came = %v, want Steam's refusal", err)
		}

		if err := srv.RequestUserStats(emuUser); err != nil {
			t.Fatal(err)
		}
		received := waitStats[steam.StatsReceived](e, srv, 12*time.Second)
		t.Logf("GSStatsReceived_t %+v", received)
		if received != (steam.StatsReceived{Result: steam.ResultTimeout, SteamID: emuUser}) {
			t.Errorf("stats received %+v, want the emulator's timeout (16) for Steam ID %d", received, uint64(emuUser))
		}

		if err := srv.StoreUserStats(emuUser); err != nil {
			t.Fatal(err)
		}
		stored := waitStats[steam.StatsStored](e, srv, 5*time.Second)
		t.Logf("GSStatsStored_t %+v", stored)
		if stored != (steam.StatsStored{Result: steam.ResultFail, SteamID: emuUser}) {
			t.Errorf("stats stored %+v, want Fail (no stats for the user) for Steam ID %d", stored, uint64(emuUser))
		}

		for _, ev := range e.quiet(srv, 50) {
			switch ev.(type) {
			case steam.StatsReceived, steam.StatsStored:
				t.Errorf("a second answer to one call: %#v", ev)
			}
		}
		if err := srv.Shutdown(); err != nil {
			t.Fatal(err)
		}
	})
}

// waitStats runs frames until an event of type T comes, for up to limit (the emulator's stats
// request takes 7 s to time out, longer than waitEvent waits).
func waitStats[T steam.Event](e *emulatorRun, srv *steam.Server, limit time.Duration) T {
	e.t.Helper()
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		for i, ev := range e.backlog {
			if v, ok := ev.(T); ok {
				e.backlog = append(e.backlog[:i:i], e.backlog[i+1:]...)
				return v
			}
		}
		srv.RunFrame()
		srv.Events().Drain(func(ev steam.Event) { e.backlog = append(e.backlog, ev) })
		time.Sleep(frameSleep)
	}
	var zero T
	e.t.Fatalf("no %T within %v; other events: %#v", zero, limit, e.backlog)
	return zero
}
