package offline_test

// Figures of the offline transport on loopback (they are printed, never asserted): messages per
// second one way, and round-trip latency (p50, p99) of a ping-pong, for 64-byte unreliable and
// 1 KiB reliable messages; beside them, a bare UDP ping-pong between two sockets as the floor.
// The receivers wait for a message (NetOptions.OnMessage) and then read, as a blocking read
// would, so the figures are the transport's own and not a polling interval's.
//
//	go test -run '^$' -bench 'BenchmarkNet(Throughput|RTT|BareUDP)' -benchtime 20000x ./steam/offline/
//
// (BenchmarkNetBursts, in net_burst_bench_test.go, is run with its own -benchtime.)

import (
	"net"
	"net/netip"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/gosteam/godot-steam-server/steam/offline"
)

type netBenchCase struct {
	name   string
	size   int
	flags  int64
	window int // throughput: messages sent and not yet received at most
}

var netBenchCases = []netBenchCase{
	// At most RecvBufferMessages (1000) wait at the receiver; more would be dropped there.
	{"unreliable64", 64, int64(steam.SendUnreliable), 900},
	{"reliable1K", 1024, int64(steam.SendReliable), 400},
}

// benchPeer is a peer whose arrivals are signalled on a channel, so the benchmark waits for
// messages as a blocking read would instead of spinning.
func benchPeer(b testing.TB, realm *offline.Realm) (*peer, chan struct{}) {
	arrived := make(chan struct{}, 1)
	p := newPeer(b, realm, func(o *offline.Options) {
		o.Net.OnMessage = func() {
			select {
			case arrived <- struct{}{}:
			default:
			}
		}
	})
	return p, arrived
}

type benchSide struct {
	p       *peer
	h       steam.NetConnection
	arrived chan struct{}
}

func benchPair(b testing.TB) (server, client benchSide) {
	realm := newRealm(b)
	server.p, server.arrived = benchPeer(b, realm)
	client.p, client.arrived = benchPeer(b, realm)
	_, server.h, client.h = connectPair(b, server.p, client.p)
	return server, client
}

// wait receives what arrived within timeout into batch: how many messages.
func (s benchSide) wait(batch *steam.MessageBatch, max int64, timeout time.Duration) int {
	for {
		if n, _ := s.p.s.ReceiveMessagesOnConnection(int64(s.h), max, batch); n > 0 {
			return n
		}
		select {
		case <-s.arrived:
		case <-time.After(timeout):
			return 0
		}
	}
}

// BenchmarkNetThroughput: b.N messages one way, the sender keeping at most window of them
// unreceived (more would only be dropped by a receiver that cannot keep up); Nagle on, so small
// messages share datagrams. msgs/s is what the receiver got per second.
func BenchmarkNetThroughput(b *testing.B) {
	for _, c := range netBenchCases {
		b.Run(c.name, func(b *testing.B) {
			server, client := benchPair(b)
			payload := make([]byte, c.size)
			var received atomic.Int64
			var last time.Time // when the last message arrived
			progress := make(chan struct{}, 1)
			done := make(chan struct{})
			go func() {
				defer close(done)
				var batch steam.MessageBatch
				for received.Load() < int64(b.N) {
					n := server.wait(&batch, 256, time.Second)
					if n == 0 {
						return // the rest was lost
					}
					last = time.Now()
					received.Add(int64(n))
					select {
					case progress <- struct{}{}:
					default:
					}
				}
			}()
			b.ResetTimer()
			start := time.Now()
			for i := range b.N {
				for int64(i)-received.Load() > int64(c.window) {
					select {
					case <-progress:
					case <-done:
					}
				}
				for {
					r, _, _ := client.p.s.SendMessageToConnection(int64(client.h), payload, c.flags)
					if r == steam.ResultOK {
						break
					}
					time.Sleep(50 * time.Microsecond) // the send buffer is full
				}
			}
			_, _ = client.p.s.FlushMessagesOnConnection(int64(client.h))
			<-done
			b.StopTimer()
			n := received.Load()
			b.ReportMetric(float64(n)/last.Sub(start).Seconds(), "msgs/s")
			b.ReportMetric(100*float64(int64(b.N)-n)/float64(b.N), "%lost")
		})
	}
}

// BenchmarkNetRTT: b.N ping-pongs with NoNagle; the echo side answers each message at once.
func BenchmarkNetRTT(b *testing.B) {
	for _, c := range netBenchCases {
		b.Run(c.name, func(b *testing.B) {
			server, client := benchPair(b)
			payload := make([]byte, c.size)
			defer close(echoUntil(server, c.flags|int64(steam.SendNoNagle)))
			rtts := make([]time.Duration, 0, b.N)
			lost := 0
			var batch steam.MessageBatch
			b.ResetTimer()
			for range b.N {
				start := time.Now()
				_, _, _ = client.p.s.SendMessageToConnection(int64(client.h), payload, c.flags|int64(steam.SendNoNagle))
				if client.wait(&batch, 16, time.Second) == 0 {
					lost++ // an unreliable ping lost
					continue
				}
				rtts = append(rtts, time.Since(start))
			}
			b.StopTimer()
			reportRTT(b, rtts)
			b.ReportMetric(float64(lost), "lost")
		})
	}
}

// echoUntil answers each message server receives with the same bytes, until the returned channel
// is closed.
func echoUntil(server benchSide, flags int64) chan struct{} {
	stop := make(chan struct{})
	go func() {
		var batch steam.MessageBatch
		for {
			select {
			case <-stop:
				return
			default:
			}
			n := server.wait(&batch, 16, 100*time.Millisecond)
			for _, m := range batch.Messages[:n] {
				_, _, _ = server.p.s.SendMessageToConnection(int64(server.h), m.Data, flags)
			}
		}
	}()
	return stop
}

func reportRTT(b *testing.B, rtts []time.Duration) {
	slices.Sort(rtts)
	b.ReportMetric(float64(rtts[len(rtts)/2].Nanoseconds())/1000, "p50-µs")
	b.ReportMetric(float64(rtts[len(rtts)*99/100].Nanoseconds())/1000, "p99-µs")
}

// BenchmarkNetBareUDP is the floor: a ping-pong between two UDP sockets, blocking reads.
func BenchmarkNetBareUDP(b *testing.B) {
	for _, size := range []int{64, 1024} {
		b.Run(map[int]string{64: "64B", 1024: "1K"}[size], func(b *testing.B) {
			a, to := bareEcho(b)
			payload, buf := make([]byte, size), make([]byte, 2048)
			rtts := make([]time.Duration, 0, b.N)
			b.ResetTimer()
			for range b.N {
				start := time.Now()
				_, _ = a.WriteToUDPAddrPort(payload, to)
				_ = a.SetReadDeadline(start.Add(time.Second))
				_, _, _ = a.ReadFromUDPAddrPort(buf)
				rtts = append(rtts, time.Since(start))
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "msgs/s")
			reportRTT(b, rtts)
		})
	}
}

// bareEcho starts a UDP echo on 127.0.0.1, one recvfrom and one sendto per datagram, and returns a
// client socket and the echo's address; both are closed when b ends.
func bareEcho(b *testing.B) (*net.UDPConn, netip.AddrPort) {
	a, err := net.ListenUDP("udp4", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	if err != nil {
		b.Fatal(err)
	}
	z, err := net.ListenUDP("udp4", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = a.Close(); _ = z.Close() })
	go func() {
		buf := make([]byte, 2048)
		for {
			n, from, err := z.ReadFromUDPAddrPort(buf)
			if err != nil {
				return
			}
			_, _ = z.WriteToUDPAddrPort(buf[:n], from)
		}
	}()
	return a, z.LocalAddr().(*net.UDPAddr).AddrPort()
}
