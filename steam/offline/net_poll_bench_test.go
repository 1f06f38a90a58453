package offline_test

// Round trips when the receiver polls instead of waiting, as a Godot main thread does: it calls a
// receive function over and over (runtime.LockOSThread: one OS thread, as Godot's main thread is),
// with nothing in between ("spin") or with a 20 µs sleep of the thread after each empty poll
// ("sleep20us": nanosleep, as Godot's OS.delay_usec, where the system has it). The
// echo side waits for messages (NetOptions.OnMessage), as in BenchmarkNetRTT. Printed, never
// asserted; run beside BenchmarkNetRTT and the bare UDP ping-pong to compare in the same minutes:
//
//	go test -run '^$' -bench 'BenchmarkNet(PollRTT|RTT|BareUDP)' -benchtime 5000x ./steam/offline/

import (
	"runtime"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
)

// pollReceiver is one way of asking for messages without waiting: how many arrived.
type pollReceiver func(batch *steam.MessageBatch) int

func BenchmarkNetPollRTT(b *testing.B) {
	for _, mode := range []struct {
		name  string
		sleep time.Duration
	}{{"spin", 0}, {"sleep20us", 20 * time.Microsecond}} {
		for _, on := range []string{"connection", "pollgroup"} {
			b.Run(mode.name+"/"+on, func(b *testing.B) {
				flags := int64(steam.SendUnreliable | steam.SendNoNagle)
				client, poll := pollingPair(b, on, flags)
				runtime.LockOSThread()
				defer runtime.UnlockOSThread()
				payload := make([]byte, 64)
				rtts := make([]time.Duration, 0, b.N)
				lost, polls := 0, 0
				var batch steam.MessageBatch
				b.ResetTimer()
				for range b.N {
					start := time.Now()
					_, _, _ = client.p.s.SendMessageToConnection(int64(client.h), payload, flags)
					for {
						polls++
						if poll(&batch) > 0 {
							rtts = append(rtts, time.Since(start))
							break
						}
						if polls%256 == 0 && time.Since(start) > time.Second {
							lost++ // an unreliable ping lost
							break
						}
						if mode.sleep > 0 {
							threadSleep(mode.sleep)
						}
					}
				}
				b.StopTimer()
				reportRTT(b, rtts)
				b.ReportMetric(float64(polls)/float64(b.N), "polls/op")
				b.ReportMetric(float64(lost), "lost")
			})
		}
	}
}

// pollingPair connects a client to a server that echoes what it receives (with flags), and gives
// the client's poll of its connection, directly or through a poll group ("pollgroup").
func pollingPair(tb testing.TB, on string, flags int64) (benchSide, pollReceiver) {
	server, client := benchPair(tb)
	poll := pollOn(tb, client, on)
	stop := echoUntil(server, flags)
	tb.Cleanup(func() { close(stop) })
	return client, poll
}

// pollOn reads the client's connection directly or through a poll group holding it.
func pollOn(b testing.TB, client benchSide, on string) pollReceiver {
	s, h := client.p.s, int64(client.h)
	if on == "connection" {
		return func(batch *steam.MessageBatch) int { n, _ := s.ReceiveMessagesOnConnection(h, 16, batch); return n }
	}
	g, err := s.CreatePollGroup()
	if err != nil || g == 0 {
		b.Fatal("no poll group", err)
	}
	if ok, err := s.SetConnectionPollGroup(h, int64(g)); !ok || err != nil {
		b.Fatal("the connection did not join the poll group", err)
	}
	return func(batch *steam.MessageBatch) int {
		n, _ := s.ReceiveMessagesOnPollGroup(int64(g), 16, batch)
		return n
	}
}
