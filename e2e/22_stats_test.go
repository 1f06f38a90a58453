//go:build e2e

package e2e

import (
	"math/rand/v2"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/e2e/internal/godot"
)

// statsPeer runs tests/stats_peer.tscn in the realm whose config folder is config.
func statsPeer(t *testing.T, config, what string, args ...string) godot.Spec {
	return headless(t, repo.Project(), what, []string{"XDG_CONFIG_HOME=" + config},
		append([]string{"res://tests/stats_peer.tscn", "--"}, args...)...)
}

func statsPlayer() string { return strconv.FormatUint(76561197960265729+uint64(rand.IntN(1<<30)), 10) }

// TestStatsAcrossProcesses: one server process of a realm stores a player's stats, another process
// of the realm reads them back (the realm's stats store on disk).
func TestStatsAcrossProcesses(t *testing.T) {
	config := filepath.Join(t.TempDir(), "config")
	player := statsPlayer()
	runCheck(t, statsPeer(t, config, "stats-store", "store", player, "5"), godot.Expect{Tally: true})
	r := runCheck(t, statsPeer(t, config, "stats-read", "read", player, "5"), godot.Expect{Tally: true})
	mustLog(t, r, `^read 5$`)
}

var storedLine = regexp.MustCompile(`(?m)^stored (\d+)$`)

// TestStatsSurviveKill: a process storing a stat in a loop is killed (SIGKILL) at a random moment;
// another process of the realm must find every value stats_stored confirmed (the last confirmed
// one, or the next if its write was durable but not yet reported).
func TestStatsSurviveKill(t *testing.T) {
	for round := range 3 {
		config := filepath.Join(t.TempDir(), "config")
		player := statsPlayer()
		p := start(t, statsPeer(t, config, "stats-kill-"+strconv.Itoa(round), "store", player, "-1"))
		if _, err := p.WaitForLine(regexp.MustCompile(`(?m)^stored 3$`), 60*time.Second); err != nil {
			t.Fatalf("the storing process made no progress: %v\n%s", err, lastLines(p.Output(), 30))
		}
		time.Sleep(time.Duration(rand.IntN(400)) * time.Millisecond)
		p.Kill()
		p.Wait(10 * time.Second)
		confirmed := 0
		for _, m := range storedLine.FindAllStringSubmatch(p.Output(), -1) {
			n, _ := strconv.Atoi(m[1])
			if n != confirmed+1 {
				t.Fatalf("confirmations out of order: %d after %d", n, confirmed)
			}
			confirmed = n
		}
		r := runCheck(t, statsPeer(t, config, "stats-kill-read-"+strconv.Itoa(round), "read", player, "-1"), godot.Expect{Tally: true})
		m := regexp.MustCompile(`(?m)^read (\d+)$`).FindStringSubmatch(r.Log)
		if m == nil {
			t.Fatalf("the reader printed no value:\n%s", lastLines(r.Log, 20))
		}
		got, _ := strconv.Atoi(m[1])
		if got != confirmed && got != confirmed+1 {
			t.Fatalf("round %d: stats_stored confirmed %d, the store holds %d", round, confirmed, got)
		}
		t.Logf("round %d: killed after %d confirmed stores; the store holds %d", round, confirmed, got)
	}
}
