package offline

// The query port under load, on 127.0.0.1: figures only, nothing here asserts a time. One op is
// one A2S_INFO sent; `./build.sh bench` runs a fixed count:
//
//	go test -run '^$' -bench UDPLoad -benchtime 200000x ./steam/offline/
//
// Each case runs against our responder and against a bare Go UDP loop that answers every datagram
// with the same reply, already encoded: the difference is what the A2S layer costs, the rest is
// what the kernel and Go's net package cost on the machine. Clients and server share its cores.

import (
	"errors"
	"net"
	"net/netip"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/stretchr/testify/require"
)

const (
	loadTimeout  = 200 * time.Millisecond // a closed-loop request unanswered this long is lost
	loadClients  = 16                     // closed loop: one request in flight each
	burstClients = 4                      // pipelined: bursts of burstLen, then the answers read
	burstLen     = 32
)

func BenchmarkUDPLoad(b *testing.B) {
	for _, server := range []struct {
		name  string
		start func(testing.TB) netip.AddrPort
	}{{"responder", responderAddr}, {"echo", echoAddr}} {
		b.Run(server.name+"/closed-loop", func(b *testing.B) { closedLoop(b, server.start(b)) })
		b.Run(server.name+"/pipelined", func(b *testing.B) { pipelined(b, server.start(b)) })
	}
}

// responderAddr starts a server advertising the usual test state, with no rate limit and A2S_INFO
// answered without a challenge: what one INFO reply costs (BenchmarkQueryBursts has the defaults).
func responderAddr(tb testing.TB) netip.AddrPort {
	s, _, addr := udpServer(tb, Options{Queries: QueryOptions{RateLimit200ms: -1, AnswerUnchallengedInfo: true}})
	setUp(tb, s)
	require.NoError(tb, s.SetBool(steam.FieldAdvertiseActive, true))
	return addr
}

// echoAddr starts the baseline: a goroutine answering each datagram with the responder's A2S_INFO
// reply, one read and one write per datagram.
func echoAddr(tb testing.TB) netip.AddrPort {
	return echoServer(tb, func(conn *net.UDPConn, reply []byte) {
		buf := make([]byte, maxRequestLen+1)
		for {
			_, from, err := conn.ReadFromUDPAddrPort(buf)
			if errors.Is(err, net.ErrClosed) {
				return
			} else if err == nil {
				_, _ = conn.WriteToUDPAddrPort(reply, from)
			}
		}
	})
}

// echoServer runs loop, answering with the responder's A2S_INFO reply (fetched once), on a socket
// set up as the query socket is (receive buffer, drop report), until the socket is closed.
func echoServer(tb testing.TB, loop func(conn *net.UDPConn, reply []byte)) netip.AddrPort {
	reply := fetchInfo(tb, responderAddr(tb))
	conn, err := listenQuery(netip.AddrPortFrom(netip.MustParseAddr("127.0.0.1"), 0), DefaultQueryReceiveBuffer)
	require.NoError(tb, err)
	done := make(chan struct{})
	go func() { defer close(done); loop(conn, reply) }()
	tb.Cleanup(func() { _ = conn.Close(); <-done })
	return conn.LocalAddr().(*net.UDPAddr).AddrPort()
}

func fetchInfo(tb testing.TB, addr netip.AddrPort) []byte {
	conn, err := net.DialUDP("udp4", nil, net.UDPAddrFromAddrPort(addr))
	require.NoError(tb, err)
	defer conn.Close()
	_, err = conn.Write(infoReq)
	require.NoError(tb, err)
	require.NoError(tb, conn.SetReadDeadline(time.Now().Add(2*time.Second)))
	buf := make([]byte, 2048)
	n, err := conn.Read(buf)
	require.NoError(tb, err)
	require.Equal(tb, byte(s2aInfo), buf[4])
	return buf[:n]
}

// closedLoop: loadClients clients, each waiting for its answer before the next request, so every
// latency is exact. Reports answers/s, the latency percentiles and the requests lost.
func closedLoop(b *testing.B, addr netip.AddrPort) {
	var (
		next, lost atomic.Int64
		mu         sync.Mutex
		latencies  = make([]time.Duration, 0, b.N)
		wg         sync.WaitGroup
	)
	conns := dialClients(b, addr, loadClients)
	b.ResetTimer()
	for _, conn := range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			buf := make([]byte, 2048)
			mine := make([]time.Duration, 0, b.N/loadClients+1)
			for next.Add(1) <= int64(b.N) {
				t0 := time.Now()
				if ok := askInfo(conn, buf, t0.Add(loadTimeout)); ok {
					mine = append(mine, time.Since(t0))
				} else {
					lost.Add(1)
				}
			}
			mu.Lock()
			latencies = append(latencies, mine...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	b.StopTimer()
	slices.Sort(latencies)
	pct := func(p float64) float64 {
		if len(latencies) == 0 {
			return 0
		}
		return float64(latencies[min(len(latencies)-1, int(p*float64(len(latencies))))].Microseconds())
	}
	b.ReportMetric(float64(len(latencies))/b.Elapsed().Seconds(), "answers/s")
	b.ReportMetric(pct(0.50), "p50-µs")
	b.ReportMetric(pct(0.99), "p99-µs")
	b.ReportMetric(pct(0.999), "p99.9-µs")
	b.ReportMetric(float64(lost.Load()), "lost")
}

// askInfo sends one A2S_INFO and waits for its answer until deadline.
func askInfo(conn *net.UDPConn, buf []byte, deadline time.Time) bool {
	if _, err := conn.Write(infoReq); err != nil {
		return false
	}
	_ = conn.SetReadDeadline(deadline)
	n, err := conn.Read(buf)
	return err == nil && n >= 5 && buf[4] == s2aInfo
}

// pipelined: burstClients clients each send burstLen requests, then read the answers, so the
// server's socket always has work. Reports answers/s and the requests left unanswered.
func pipelined(b *testing.B, addr netip.AddrPort) {
	var sent, answered atomic.Int64
	var wg sync.WaitGroup
	conns := dialClients(b, addr, burstClients)
	b.ResetTimer()
	for _, conn := range conns {
		require.NoError(b, conn.SetReadBuffer(1<<20))
		wg.Add(1)
		go func() {
			defer wg.Done()
			buf := make([]byte, 2048)
			for {
				from := sent.Add(burstLen) - burstLen
				n := min(int64(b.N)-from, burstLen)
				if n <= 0 {
					return
				}
				for range n {
					_, _ = conn.Write(infoReq)
				}
				_ = conn.SetReadDeadline(time.Now().Add(50 * time.Millisecond))
				for range n {
					got, err := conn.Read(buf)
					if err != nil {
						break // the rest were dropped
					}
					if got >= 5 && buf[4] == s2aInfo {
						answered.Add(1)
					}
				}
			}
		}()
	}
	wg.Wait()
	b.StopTimer()
	b.ReportMetric(float64(answered.Load())/b.Elapsed().Seconds(), "answers/s")
	b.ReportMetric(float64(int64(b.N)-answered.Load()), "lost")
}

func dialClients(tb testing.TB, addr netip.AddrPort, n int) []*net.UDPConn {
	conns := make([]*net.UDPConn, n)
	for i := range conns {
		conn, err := net.DialUDP("udp4", nil, net.UDPAddrFromAddrPort(addr))
		require.NoError(tb, err)
		tb.Cleanup(func() { _ = conn.Close() })
		conns[i] = conn
	}
	return conns
}
