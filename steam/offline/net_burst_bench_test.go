package offline_test

// Bursts of small unreliable messages, the case batched socket I/O is for: each op, the client
// sends netBurst 64-byte messages with NoNagle in one SendMessages call (a datagram each), the
// server echoes what each poll gave it with one SendMessages call, and the client waits for every
// echo. Beside it, in the same op (so both are measured in the same seconds of a shared machine),
// the same bursts through a bare Go UDP loop of one sendto or recvfrom per datagram. The figure is
// the ratio transport/bare (echoed messages per second each); printed, never asserted:
//
//	go test -run '^$' -bench BenchmarkNetBursts -benchtime 2000x ./steam/offline/

import (
	"net"
	"net/netip"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
)

// netBurst is the messages of one burst: a batch's worth of datagrams each way.
const netBurst = 64

func BenchmarkNetBursts(b *testing.B) {
	server, client := benchPair(b)
	stop := make(chan struct{})
	defer close(stop)
	flags := int32(steam.SendUnreliable | steam.SendNoNagle)
	go func() {
		var batch steam.MessageBatch
		out := make([]steam.OutgoingMessage, 0, netBurst)
		for {
			select {
			case <-stop:
				return
			default:
			}
			n := server.wait(&batch, netBurst, 100*time.Millisecond)
			out = out[:0]
			for _, m := range batch.Messages[:n] {
				out = append(out, steam.OutgoingMessage{Conn: server.h, Data: m.Data, Flags: flags})
			}
			if len(out) > 0 {
				_, _ = server.p.s.SendMessages(out)
			}
		}
	}()
	burst := make([]steam.OutgoingMessage, netBurst)
	payload := make([]byte, 64)
	for i := range burst {
		burst[i] = steam.OutgoingMessage{Conn: client.h, Data: payload, Flags: flags}
	}
	bare := newBareBurst(b)
	var batch steam.MessageBatch
	var netTook, bareTook time.Duration
	netLost, bareLost := 0, 0
	b.ResetTimer()
	for range b.N {
		start := time.Now()
		_, _ = client.p.s.SendMessages(burst)
		for got := 0; got < netBurst; {
			n := client.wait(&batch, netBurst, time.Second)
			if n == 0 {
				netLost += netBurst - got
				break
			}
			got += n
		}
		netTook += time.Since(start)
		start = time.Now()
		bareLost += bare.round(payload)
		bareTook += time.Since(start)
	}
	b.StopTimer()
	netRate := float64(b.N*netBurst-netLost) / netTook.Seconds()
	bareRate := float64(b.N*netBurst-bareLost) / bareTook.Seconds()
	b.ReportMetric(netRate, "net-msgs/s")
	b.ReportMetric(bareRate, "bare-msgs/s")
	b.ReportMetric(netRate/bareRate, "net/bare")
	b.ReportMetric(float64(netLost), "net-lost")
}

// bareBurst is the per-datagram baseline: a client socket and bareEcho's loop.
type bareBurst struct {
	client *net.UDPConn
	to     netip.AddrPort
	buf    []byte
}

func newBareBurst(b *testing.B) *bareBurst {
	client, to := bareEcho(b)
	return &bareBurst{client: client, to: to, buf: make([]byte, 2048)}
}

// round sends a burst and reads its echoes: how many were lost.
func (u *bareBurst) round(payload []byte) (lost int) {
	for range netBurst {
		_, _ = u.client.WriteToUDPAddrPort(payload, u.to)
	}
	_ = u.client.SetReadDeadline(time.Now().Add(time.Second))
	for i := range netBurst {
		if _, _, err := u.client.ReadFromUDPAddrPort(u.buf); err != nil {
			return netBurst - i
		}
	}
	return 0
}
