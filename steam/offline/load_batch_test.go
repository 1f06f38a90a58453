package offline

// Batched bursts against the query port on 127.0.0.1: figures only, nothing here asserts a time.
// Each op sends udpBurstQueries A2S_INFO (answered without a challenge, no rate limit: what one
// reply costs) to each of three servers, in udpBurstRounds rounds that take the servers in turn, so
// the ratios compare servers measured in the same seconds on the same machine (which other work
// may share); `./build.sh bench` runs three ops:
//
//	go test -run '^$' -bench UDPBursts -benchtime 3x ./steam/offline/
//
//   - echo: the bare Go loop of BenchmarkUDPLoad, one recvfrom and one sendto per datagram, answering
//     each with the responder's reply, already encoded.
//   - batched-echo: the same with the responder's batches (udpbatch: recvmmsg and sendmmsg of up to
//     queryBatch datagrams), what the kernel allows at best with batching.
//   - responder: our query port, which batches the same way.
//
// The load is the same for all three: udpBurstClients client sockets, each keeping up to
// udpBurstWindow queries in flight, sent in bursts of at least queryBatch and read in batches too
// (one client datagram per system call would cost the clients more than a batched server). The
// servers have the query socket's receive buffer (DefaultQueryReceiveBuffer); clients and servers
// share the machine's cores. Every reply is counted: a query unanswered within loadTimeout is lost.

import (
	"errors"
	"net"
	"net/netip"
	"sync"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/gosteam/godot-steam-server/steam/internal/udpbatch"
	"github.com/stretchr/testify/require"
)

const (
	udpBurstQueries = 60000 // per server per op
	udpBurstRounds  = 10
	udpBurstClients = 4
	udpBurstWindow  = 256 // queries in flight per client
)

func BenchmarkUDPBursts(b *testing.B) {
	s, _, responder := udpServer(b, Options{Queries: QueryOptions{RateLimit200ms: -1, AnswerUnchallengedInfo: true}})
	setUp(b, s)
	require.NoError(b, s.SetBool(steam.FieldAdvertiseActive, true))
	servers := []struct {
		name string
		addr netip.AddrPort
		got  burstRate
	}{{name: "echo", addr: echoAddr(b)}, {name: "batched-echo", addr: batchedEchoAddr(b)}, {name: "responder", addr: responder}}
	before := s.Traffic()
	for range b.N * udpBurstRounds {
		for i := range servers {
			servers[i].got.add(burstLoad(b, servers[i].addr, udpBurstQueries/udpBurstRounds))
		}
	}
	after := s.Traffic()
	rate := func(i int) float64 { return servers[i].got.perSecond() }
	for i := range servers {
		b.ReportMetric(rate(i), servers[i].name+"-answers/s")
		b.ReportMetric(float64(servers[i].got.lost), servers[i].name+"-lost")
	}
	b.ReportMetric(rate(1)/rate(0), "batched-echo/echo")
	b.ReportMetric(rate(2)/rate(0), "responder/echo")
	b.ReportMetric(rate(2)/rate(1), "responder/batched-echo")
	// The responder's own counts: every query it was sent answered, none dropped by the kernel (a
	// reply its client counts lost then came too late, after loadTimeout).
	sent := uint64(b.N * udpBurstQueries)
	b.ReportMetric(float64(int64(sent)-int64(after[steam.TrafficAnswered]-before[steam.TrafficAnswered])), "responder-unanswered")
	b.ReportMetric(float64(after[steam.TrafficKernelDrops]-before[steam.TrafficKernelDrops]), "responder-kernel-drops")
}

// batchedEchoAddr starts the batched baseline: echoAddr's loop, reading and sending as the
// responder does (queryBatch datagrams a call, replies sent after each batch).
func batchedEchoAddr(tb testing.TB) netip.AddrPort {
	return echoServer(tb, func(conn *net.UDPConn, reply []byte) {
		r := udpbatch.NewReader(conn, queryBatch, maxRequestLen)
		w := udpbatch.NewWriter(conn, queryBatch, queryArena)
		for {
			batch, err := r.Read()
			if errors.Is(err, net.ErrClosed) {
				return
			}
			for _, d := range batch {
				_ = w.Write(reply, d.From)
			}
			_ = w.Flush()
		}
	})
}

// burstRate is what the rounds against one server did.
type burstRate struct {
	answered, lost int
	took           time.Duration
}

func (r *burstRate) add(o burstRate) {
	r.answered += o.answered
	r.lost += o.lost
	r.took += o.took
}

func (r burstRate) perSecond() float64 { return float64(r.answered) / r.took.Seconds() }

// burstLoad sends queries A2S_INFO to addr from udpBurstClients sockets, each keeping up
// to udpBurstWindow in flight: whenever a batch's worth (queryBatch) of its window is free it tops
// the window up in one burst (one batched send), and it reads the replies in batches as they come.
func burstLoad(b *testing.B, addr netip.AddrPort, queries int) burstRate {
	var (
		mu  sync.Mutex
		r   burstRate
		wg  sync.WaitGroup
		per = queries / udpBurstClients
	)
	conns := dialClients(b, addr, udpBurstClients)
	t0 := time.Now()
	for _, conn := range conns {
		setReceiveBuffer(conn, 1<<20) // a window of replies
		wg.Add(1)
		go func() {
			defer wg.Done()
			answered := clientBursts(conn, addr, per)
			mu.Lock()
			defer mu.Unlock()
			r.answered += answered
			r.lost += per - answered
		}()
	}
	wg.Wait()
	r.took = time.Since(t0)
	return r
}

// clientBursts is one client of burstLoad: the S2A_INFO replies it got to its n queries.
func clientBursts(conn *net.UDPConn, addr netip.AddrPort, n int) (answered int) {
	rd := udpbatch.NewReader(conn, queryBatch, 2048)
	wr := udpbatch.NewWriter(conn, queryBatch, queryArena)
	sent, inflight := 0, 0
	for sent < n || inflight > 0 {
		if udpBurstWindow-inflight >= queryBatch || inflight == 0 { // a burst: a batch or more
			for ; inflight < udpBurstWindow && sent < n; sent, inflight = sent+1, inflight+1 {
				_ = wr.Write(infoReq, addr)
			}
			_ = wr.Flush()
		}
		_ = conn.SetReadDeadline(time.Now().Add(loadTimeout))
		batch, err := rd.Read()
		if err != nil {
			inflight = 0 // nothing came for loadTimeout: what was in flight is lost
			continue
		}
		for _, d := range batch {
			if len(d.Data) >= 5 && d.Data[4] == s2aInfo && answered < n {
				answered++
				inflight = max(inflight-1, 0) // a late reply to a query already counted lost
			}
		}
	}
	return answered
}
