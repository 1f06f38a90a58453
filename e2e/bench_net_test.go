//go:build e2e

package e2e

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/e2e/internal/godot"
)

// netBenchRounds: each link's echo server and measuring client run this many times, the links
// interleaved, and the medians are printed (one round is a few seconds a link).
const netBenchRounds = 3

// netBenchPairs: each Steam link beside the ENet link it is compared with.
var netBenchPairs = [][2]string{{"steam-peer", "enet-peer"}, {"steam-sockets", "enet-raw"}}

var netBenchLine = regexp.MustCompile(`(?m)^netbench: link=(\S+) case=(\S+) (.*)$`)

// BenchmarkNetLinks runs bench/net/net_bench.tscn: an echo server and a measuring client on
// 127.0.0.1 over SteamServerMultiplayerPeer and ENetMultiplayerPeer (one put_packet/get_packet
// loop over each), and over the Steam singleton's Networking Sockets calls and raw
// ENetConnection/ENetPacketPeer; for 64-byte unreliable and 1 KiB reliable messages, the round
// trip's p50 and p99 and the messages echoed a second, with each Steam figure's ratio to ENet's.
// Figures only: it fails when a Godot run does, never on a figure.
func BenchmarkNetLinks(b *testing.B) {
	key := randomRealmKey(b)
	for b.Loop() {
		figures := map[string]map[string][]float64{} // link/case -> field -> one value a round
		for round := range netBenchRounds {
			for _, pair := range netBenchPairs {
				for _, link := range pair {
					for _, m := range netBenchLine.FindAllStringSubmatch(netBenchRun(b, key, link, round), -1) {
						row := figures[m[1]+"/"+m[2]]
						if row == nil {
							row = map[string][]float64{}
							figures[m[1]+"/"+m[2]] = row
						}
						for _, kv := range strings.Fields(m[3]) {
							k, v, _ := strings.Cut(kv, "=")
							if f, err := strconv.ParseFloat(v, 64); err == nil {
								row[k] = append(row[k], f)
							}
						}
					}
				}
			}
		}
		netBenchReport(figures)
	}
}

// netBenchRun runs one echo server and one measuring client over link and returns the client's log.
func netBenchRun(b *testing.B, key, link string, round int) string {
	port := strconv.Itoa(freeUDPPorts(b, 1)[0])
	env := []string{"GOSTEAM_REALM_KEY=" + key}
	what := fmt.Sprintf("%s-%d", link, round)
	echo := start(b, headless(b, repo.Project(), "echo-"+what, env, "res://bench/net/net_bench.tscn", "--",
		"--echo", "--link", link, "--port", port, "--max-seconds", "120"))
	if _, err := echo.WaitForLine(regexp.MustCompile(`(?m)^netbench: echo listening`), time.Minute); err != nil {
		b.Errorf("%s: the echo server did not start: %v\n%s", link, err, lastLines(echo.Output(), 20))
		return ""
	}
	client := headless(b, repo.Project(), "measure-"+what, env, "res://bench/net/net_bench.tscn", "--",
		"--measure", "--link", link, "--port", port)
	client.Timeout = 3 * time.Minute
	r := godot.Run(client)
	if err := godot.Verdict(r, godot.Expect{NoErrors: true}); err != nil {
		b.Errorf("%s: %v\n%s", link, err, lastLines(r.Log, 20))
	}
	if err := godot.Verdict(echo.Wait(time.Minute), godot.Expect{NoErrors: true}); err != nil {
		b.Errorf("%s: the echo server: %v", link, err)
	}
	return r.Log
}

// netBenchReport prints one line per link and case (medians of the rounds), then each Steam
// link's ratios to its ENet counterpart.
func netBenchReport(figures map[string]map[string][]float64) {
	med := func(row map[string][]float64, k string) float64 {
		v := slices.Clone(row[k])
		if len(v) == 0 {
			return 0
		}
		slices.Sort(v)
		return v[len(v)/2]
	}
	fmt.Printf("netbench: loopback, echo server and measuring client in two Godot processes, median of %d rounds\n", netBenchRounds)
	fmt.Printf("netbench: %-14s %-14s %10s %10s %12s %8s\n", "link", "case", "rtt p50 µs", "rtt p99 µs", "messages/s", "lost")
	for _, pair := range netBenchPairs {
		for _, c := range []string{"unreliable-64", "reliable-1024"} {
			for _, link := range pair {
				row := figures[link+"/"+c]
				if row == nil {
					fmt.Printf("netbench: %-14s %-14s not measured\n", link, c)
					continue
				}
				fmt.Printf("netbench: %-14s %-14s %10.0f %10.0f %12.0f %8.0f\n", link, c,
					med(row, "rtt_p50_us"), med(row, "rtt_p99_us"), med(row, "msgs_per_s"), med(row, "lost")+med(row, "ping_lost"))
			}
			steam, enet := figures[pair[0]+"/"+c], figures[pair[1]+"/"+c]
			if steam == nil || enet == nil {
				continue
			}
			ratio := func(k string) float64 { return med(steam, k) / max(med(enet, k), 1) }
			fmt.Printf("netbench: %s/%s %s: rtt p50 %.2fx, rtt p99 %.2fx, messages/s %.2fx\n", pair[0], pair[1], c,
				ratio("rtt_p50_us"), ratio("rtt_p99_us"), ratio("msgs_per_s"))
		}
	}
}
