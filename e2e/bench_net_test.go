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
var netBenchPairs = [][]string{{"steam-peer", "enet-peer"}, {"steam-sockets", "enet-raw"}}

// netBenchWaits: how a side waits for a message (net_bench.gd's --wait): spin polls again at
// once (then sleeps after 200 empty polls), sleep sleeps 20 µs after each empty poll.
var netBenchWaits = []string{"spin", "sleep"}

var netBenchLine = regexp.MustCompile(`(?m)^netbench: link=(\S+) wait=(\S+) case=(\S+) (.*)$`)

// BenchmarkNetLinks runs bench/net/net_bench.tscn: an echo server and a measuring client on
// 127.0.0.1 over SteamServerMultiplayerPeer and ENetMultiplayerPeer (one put_packet/get_packet
// loop over each), and over the Steam singleton's Networking Sockets calls and raw
// ENetConnection/ENetPacketPeer; for 64-byte unreliable and 1 KiB reliable messages, the round
// trip's p50 and p99 and the messages echoed a second, with each Steam figure's ratio to ENet's,
// with each way of waiting (netBenchWaits).
// Figures only: it fails when a Godot run does, never on a figure.
func BenchmarkNetLinks(b *testing.B) {
	key := randomRealmKey(b)
	for b.Loop() {
		figures := map[string]map[string][]float64{} // link/wait/case -> field -> one value a round
		for round := range netBenchRounds {
			for _, wait := range netBenchWaits {
				for _, link := range slices.Concat(netBenchPairs...) {
					for _, m := range netBenchLine.FindAllStringSubmatch(netBenchRun(b, key, link, wait, round), -1) {
						id := m[1] + "/" + m[2] + "/" + m[3]
						row := figures[id]
						if row == nil {
							row = map[string][]float64{}
							figures[id] = row
						}
						for _, kv := range strings.Fields(m[4]) {
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
func netBenchRun(b *testing.B, key, link, wait string, round int) string {
	port := strconv.Itoa(freeUDPPorts(b, 1)[0])
	env := []string{"GOSTEAM_REALM_KEY=" + key}
	what := fmt.Sprintf("%s-%s-%d", link, wait, round)
	echo := start(b, headless(b, repo.Project(), "echo-"+what, env, "res://bench/net/net_bench.tscn", "--",
		"--echo", "--link", link, "--wait", wait, "--port", port, "--max-seconds", "120"))
	if _, err := echo.WaitForLine(regexp.MustCompile(`(?m)^netbench: echo listening`), time.Minute); err != nil {
		b.Errorf("%s: the echo server did not start: %v\n%s", link, err, lastLines(echo.Output(), 20))
		return ""
	}
	client := headless(b, repo.Project(), "measure-"+what, env, "res://bench/net/net_bench.tscn", "--",
		"--measure", "--link", link, "--wait", wait, "--port", port)
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

// netBenchReport prints one line per link, wait and case (medians of the rounds), then each Steam
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
	fmt.Printf("netbench: %-14s %-5s %-14s %10s %10s %12s %6s\n", "link", "wait", "case", "rtt p50 µs", "rtt p99 µs", "messages/s", "lost")
	for _, wait := range netBenchWaits {
		for _, pair := range netBenchPairs {
			for _, c := range []string{"unreliable-64", "reliable-1024"} {
				for _, link := range pair {
					row := figures[link+"/"+wait+"/"+c]
					if row == nil {
						fmt.Printf("netbench: %-14s %-5s %-14s not measured\n", link, wait, c)
						continue
					}
					fmt.Printf("netbench: %-14s %-5s %-14s %10.0f %10.0f %12.0f %6.0f\n", link, wait, c,
						med(row, "rtt_p50_us"), med(row, "rtt_p99_us"), med(row, "msgs_per_s"), med(row, "lost")+med(row, "ping_lost"))
				}
				steam, enet := figures[pair[0]+"/"+wait+"/"+c], figures[pair[1]+"/"+wait+"/"+c]
				if steam == nil || enet == nil {
					continue
				}
				ratio := func(k string) float64 { return med(steam, k) / max(med(enet, k), 1) }
				fmt.Printf("netbench: %s/%s %s %s: rtt p50 %.2fx, rtt p99 %.2fx, messages/s %.2fx\n", pair[0], pair[1], wait, c,
					ratio("rtt_p50_us"), ratio("rtt_p99_us"), ratio("msgs_per_s"))
			}
		}
	}
}
