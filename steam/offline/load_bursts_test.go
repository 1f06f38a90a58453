package offline

// Bursts against the query port with the default configuration (A2S_INFO challenged, 50 queries
// per 200 ms per source), on 127.0.0.0/8: figures only, nothing here asserts a time. Each op is one
// burst against a fresh server; `./build.sh bench` runs three of each (shares over all three,
// counts per burst, probe percentiles over the probes of all three):
//
//	go test -run '^$' -bench QueryBursts -benchtime 3x ./steam/offline/
//
//   - single-source: one client takes its challenge, then sends 5,000 challenged A2S_INFO as fast
//     as it can. The rate limit answers about 50 of them per 200 ms; the rest must be dropped by
//     the limiter (cheaply, counted rate_limited), not by the kernel (kernel_drops).
//   - sources-200: 200 clients, each its own socket on its own 127.1.x.y address, take their
//     challenge, then send 250 challenged A2S_INFO each (50,000 in all) as fast as 4 goroutines
//     can. Meanwhile a prober starts a fresh source's challenge + INFO exchange (a server browser
//     arriving during the flood) every millisecond, each from a new 127.2.x.y address, until the
//     server has handled the flood; an exchange unanswered within a second is lost. probe-idle is
//     500 of the same exchanges with no flood, the peer to compare to.
//
// Each flood runs with the default receive buffer (DefaultQueryReceiveBuffer) and with the system's
// (ReceiveBuffer -1: 208 KiB on Linux). Clients, prober and server share the machine's cores.

import (
	"fmt"
	"net"
	"net/netip"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/stretchr/testify/require"
)

const (
	burstSingle     = 5000 // queries in the single-source burst
	burstSources    = 200
	burstPerSource  = 250 // 50,000 in all
	burstSenders    = 4   // goroutines sending the multi-source flood
	probeTimeout    = time.Second
	probeInterval   = time.Millisecond // a new exchange starts this often, whether the last ended or not
	probeMax        = 2000             // probes per flood at most
	probeIdleCount  = 500
	burstClientRcvb = 1 << 20 // clients' buffers: what the server answered reaches them
)

func BenchmarkQueryBursts(b *testing.B) {
	for _, env := range []string{EnvRequireInfoChallenge, EnvRateLimit200ms, EnvQueryReceiveBuffer, EnvSingleDatagram} {
		b.Setenv(env, "") // the defaults, whatever the shell says
	}
	buffers := []struct {
		name string
		size int
	}{{"buffer-4MiB", 0}, {"buffer-system", -1}}
	for _, buf := range buffers {
		b.Run("single-source/"+buf.name, func(b *testing.B) { singleSourceBurst(b, buf.size) })
	}
	for _, buf := range buffers {
		b.Run("sources-200/"+buf.name, func(b *testing.B) { multiSourceBurst(b, buf.size) })
	}
	b.Run("probe-idle", func(b *testing.B) {
		var probes probeResults
		for range b.N {
			_, addr := burstServer(b, 0)
			p := probeEvery(addr, nil, probeIdleCount)
			probes.latencies = append(probes.latencies, p.latencies...)
			probes.lost += p.lost
		}
		reportProbes(b, probes)
	})
}

// burstServer starts a server with the default query configuration but for the receive buffer.
func burstServer(b *testing.B, receiveBuffer int) (*steam.Server, netip.AddrPort) {
	s, bk, addr := udpServer(b, Options{Queries: QueryOptions{ReceiveBuffer: receiveBuffer}})
	setUp(b, s)
	require.NoError(b, s.SetBool(steam.FieldAdvertiseActive, true))
	b.Logf("query socket receive buffer: %d bytes (as the system reports it)", bk.QueryReceiveBuffer())
	return s, addr
}

// source is a client socket on addr (port chosen by the system), connected to the server.
func source(b *testing.B, addr netip.Addr, server netip.AddrPort) *net.UDPConn {
	c, err := net.DialUDP("udp4", net.UDPAddrFromAddrPort(netip.AddrPortFrom(addr, 0)), net.UDPAddrFromAddrPort(server))
	if err != nil {
		b.Skipf("cannot bind %s (the system does not route all of 127.0.0.0/8 to loopback): %v", addr, err)
	}
	b.Cleanup(func() { _ = c.Close() })
	return c
}

// loopbackAddr is 127.block.x.y for the i-th source, last byte 1 to 250.
func loopbackAddr(block byte, i int) netip.Addr {
	return netip.AddrFrom4([4]byte{127, block, byte(i / 250), byte(i%250 + 1)})
}

// challenged sends A2S_INFO without a challenge and returns the request with the one it got.
func challenged(c *net.UDPConn, buf []byte) ([]byte, error) {
	if _, err := c.Write(infoReq); err != nil {
		return nil, err
	}
	_ = c.SetReadDeadline(time.Now().Add(probeTimeout))
	n, err := c.Read(buf)
	if err != nil {
		return nil, err
	}
	ch, err := decodeChallenge(buf[:n])
	if err != nil {
		return nil, err
	}
	return withChallenge(infoReq, ch), nil
}

// burstCounts is what one burst did, from the server's counts and the clients' reads.
type burstCounts struct {
	sent        int // challenged A2S_INFO in the burst
	traffic     steam.Traffic
	received    int // S2A_INFO the clients read
	send        time.Duration
	unaccounted int64 // datagrams the server neither handled nor counted as dropped (expected 0)
}

// add sums the counts of several bursts.
func (r *burstCounts) add(o burstCounts) {
	r.sent += o.sent
	for k := range r.traffic {
		r.traffic[k] += o.traffic[k]
	}
	r.received += o.received
	r.send += o.send
	r.unaccounted += o.unaccounted
}

// report gives the shares of all bursts together and the counts per burst (b.N of them).
func (r burstCounts) report(b *testing.B) {
	per := func(x float64) float64 { return x / float64(b.N) }
	b.ReportMetric(100*float64(r.traffic[steam.TrafficAnswered])/float64(r.sent), "answered-%")
	b.ReportMetric(100*float64(r.received)/float64(r.sent), "received-%")
	b.ReportMetric(per(float64(r.traffic[steam.TrafficRateLimited])), "rate-limited")
	b.ReportMetric(per(float64(r.traffic[steam.TrafficKernelDrops])), "kernel-drops")
	b.ReportMetric(per(float64(r.send.Milliseconds())), "send-ms")
	b.ReportMetric(float64(r.unaccounted), "unaccounted")
}

// handled is every datagram the server has a count for.
func handled(t steam.Traffic) (n uint64) {
	for _, k := range []steam.TrafficKind{steam.TrafficAnswered, steam.TrafficChallenged, steam.TrafficRateLimited,
		steam.TrafficInactive, steam.TrafficMalformed, steam.TrafficKernelDrops} {
		n += t[k]
	}
	return n
}

// mark sends a marker (A2S_PLAYER asking for a challenge) from c until it is answered, and returns
// how many it sent. The server reads its socket in order, so once the marker is answered everything
// sent before it was handled; and the marker brings the kernel's drop count, which the system
// reports only with a datagram received after the drops. Sent while the buffer is full, a marker is
// dropped too, then sent again.
func mark(b *testing.B, c *net.UDPConn) int {
	buf := make([]byte, 2048)
	for sent := 1; sent <= 10; sent++ {
		_, _ = c.Write(playerReq(noChallenge))
		_ = c.SetReadDeadline(time.Now().Add(time.Second))
		if n, err := c.Read(buf); err == nil && n >= 5 && buf[4] == s2cChallenge {
			return sent
		}
	}
	b.Fatal("the server never answered the marker")
	return 0
}

// drain reads what the server sent c until nothing more is waiting, counting S2A_INFO.
func drain(c *net.UDPConn, buf []byte) (infos int) {
	for {
		_ = c.SetReadDeadline(time.Now().Add(time.Millisecond))
		n, err := c.Read(buf)
		if err != nil {
			return infos
		}
		if n >= 5 && buf[4] == s2aInfo {
			infos++
		}
	}
}

// floodBurst runs one burst: every conn takes its challenge, then senders goroutines send perSource
// challenged requests from each of their conns in turn. With probe, probeEvery runs from the start
// of the flood until the server has handled it all.
func floodBurst(b *testing.B, s *steam.Server, server netip.AddrPort, conns []*net.UDPConn, perSource, senders int, probe bool) (burstCounts, probeResults) {
	buf := make([]byte, 2048)
	reqs := make([][]byte, len(conns))
	for i, c := range conns {
		require.NoError(b, c.SetReadBuffer(burstClientRcvb))
		req, err := challenged(c, buf)
		require.NoError(b, err, "challenge for source %d", i)
		reqs[i] = req
	}
	before := handled(s.Traffic())
	stop, probed := make(chan struct{}), make(chan struct{})
	var probes probeResults
	if probe {
		go func() { defer close(probed); probes = probeEvery(server, stop, probeMax) }()
	} else {
		close(probed)
	}
	t0 := time.Now()
	var wg sync.WaitGroup
	for g := range senders {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range perSource {
				for i := g; i < len(conns); i += senders {
					_, _ = conns[i].Write(reqs[i])
				}
			}
		}()
	}
	wg.Wait()
	r := burstCounts{sent: perSource * len(conns), send: time.Since(t0)}
	marker := source(b, loopbackAddr(3, 0), server)
	markers := mark(b, marker) // the flood is handled
	close(stop)
	<-probed
	markers += mark(b, marker) // and so is every probe: the final drop count
	for _, c := range conns {
		r.received += drain(c, buf)
	}
	r.traffic = s.Traffic()
	// The markers and what the prober sent are in the counts too.
	r.unaccounted = int64(before+uint64(r.sent+markers+probes.sent)) - int64(handled(r.traffic))
	return r, probes
}

func singleSourceBurst(b *testing.B, receiveBuffer int) {
	var total burstCounts
	for range b.N {
		s, addr := burstServer(b, receiveBuffer)
		conns := []*net.UDPConn{source(b, loopbackAddr(1, 0), addr)}
		r, _ := floodBurst(b, s, addr, conns, burstSingle, 1, false)
		total.add(r)
	}
	total.report(b)
}

// multiSourceBurst pools the probes of its b.N floods: on 2 cores the prober is starved during a
// flood and starts far fewer exchanges than one a millisecond.
func multiSourceBurst(b *testing.B, receiveBuffer int) {
	var (
		total  burstCounts
		probes probeResults
	)
	for range b.N {
		s, addr := burstServer(b, receiveBuffer)
		conns := make([]*net.UDPConn, burstSources)
		for i := range conns {
			conns[i] = source(b, loopbackAddr(1, i), addr)
		}
		r, p := floodBurst(b, s, addr, conns, burstPerSource, burstSenders, true)
		total.add(r)
		probes.latencies = append(probes.latencies, p.latencies...)
		probes.lost += p.lost
	}
	total.report(b)
	reportProbes(b, probes)
}

// probeResults are the exchanges of one prober.
type probeResults struct {
	latencies []time.Duration // of the exchanges answered
	lost      int             // exchanges with a request unanswered within probeTimeout
	sent      int             // datagrams sent
}

// probeEvery starts a fresh-source exchange (challenge, then A2S_INFO with it) every probeInterval,
// each from a new 127.2.x.y address, until stop is closed or max were started, and waits for them.
// Started on a clock rather than one after another, the exchanges sample the whole flood evenly,
// lost ones included.
func probeEvery(server netip.AddrPort, stop <-chan struct{}, max int) probeResults {
	var (
		r    probeResults
		mu   sync.Mutex
		wg   sync.WaitGroup
		tick = time.NewTicker(probeInterval)
	)
	defer tick.Stop()
start:
	for i := 0; i < max; i++ {
		if i > 0 {
			select {
			case <-stop:
				break start
			case <-tick.C:
			}
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			took, sent, err := probeOnce(loopbackAddr(2, i), server)
			mu.Lock()
			defer mu.Unlock()
			r.sent += sent
			if err != nil {
				r.lost++
			} else {
				r.latencies = append(r.latencies, took)
			}
		}()
	}
	wg.Wait()
	return r
}

// probeOnce is one exchange from a new socket on from: the time from the first request to the
// S2A_INFO, and the datagrams sent.
func probeOnce(from netip.Addr, server netip.AddrPort) (took time.Duration, sent int, err error) {
	c, err := net.DialUDP("udp4", net.UDPAddrFromAddrPort(netip.AddrPortFrom(from, 0)), net.UDPAddrFromAddrPort(server))
	if err != nil {
		return 0, 0, err
	}
	defer c.Close()
	buf := make([]byte, 2048)
	t0 := time.Now()
	req, err := challenged(c, buf)
	sent++
	if err != nil {
		return 0, sent, err
	}
	if _, err = c.Write(req); err != nil {
		return 0, sent, err
	}
	sent++
	_ = c.SetReadDeadline(time.Now().Add(probeTimeout))
	n, err := c.Read(buf)
	if err == nil && (n < 5 || buf[4] != s2aInfo) {
		err = fmt.Errorf("reply % x", buf[:min(n, 5)])
	}
	return time.Since(t0), sent, err
}

func reportProbes(b *testing.B, r probeResults) {
	slices.Sort(r.latencies)
	pct := func(p float64) float64 {
		if len(r.latencies) == 0 {
			return 0
		}
		return float64(r.latencies[min(len(r.latencies)-1, int(p*float64(len(r.latencies))))].Microseconds())
	}
	b.ReportMetric(float64(len(r.latencies)+r.lost), "probes") // all runs together
	b.ReportMetric(pct(0.50), "probe-p50-µs")
	b.ReportMetric(pct(0.99), "probe-p99-µs")
	b.ReportMetric(float64(r.lost), "probes-lost")
}
