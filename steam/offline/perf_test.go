package offline

// Figures only: benchmarks of the auth tickets, and a bounded load test of the query port on
// loopback. Nothing here asserts a time. `./build.sh bench` runs them all:
//
//	go test -run '^$' -bench . -benchmem ./steam/offline/
//	GOSTEAM_UDP_LOAD=1 go test -run '^TestUDPLoad$' -v ./steam/offline/

import (
	"errors"
	"net"
	"net/netip"
	"os"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/stretchr/testify/require"
)

var benchPlayer = steam.NewSteamID(steam.UniversePublic, steam.AccountTypeIndividual, 1, 4242)

// BenchmarkTicketIssue: one signed ticket per op (random ID, HMAC-SHA256), as getAuthSessionTicket
// and offlineIssueTicket make them.
func BenchmarkTicketIssue(b *testing.B) {
	be := startedB(b, Options{})
	b.ReportAllocs()
	for b.Loop() {
		be.IssueTicket(benchPlayer)
	}
}

// BenchmarkTicketVerify: the checks beginAuthSession makes before it starts a session: version,
// length, MAC, app, issuer and expiry.
func BenchmarkTicketVerify(b *testing.B) {
	be := startedB(b, Options{})
	raw := be.IssueTicket(benchPlayer).Bytes
	b.ReportAllocs()
	for b.Loop() {
		be.mu.Lock()
		_, r := be.checkTicket(raw, benchPlayer)
		be.mu.Unlock()
		if r != steam.BeginAuthSessionOK {
			b.Fatal(r)
		}
	}
}

// BenchmarkAuthSession: a whole session per op through the backend: a player's ticket issued,
// beginAuthSession (checks, the journal's replay record in memory, the verdict event),
// endAuthSession, and the event drained.
func BenchmarkAuthSession(b *testing.B) {
	events := steam.NewEventQueue(0)
	be := New(Options{Realm: benchRealm(b), Data: NewData()})
	st := steam.State{Init: shared}
	require.NoError(b, be.Init(shared, &st, events))
	b.ReportAllocs()
	for b.Loop() {
		raw := be.IssueTicket(benchPlayer).Bytes
		if r := be.BeginAuthSession(raw, benchPlayer); r != steam.BeginAuthSessionOK {
			b.Fatal(r)
		}
		be.EndAuthSession(benchPlayer)
		events.Drain(func(steam.Event) {})
	}
}

func benchRealm(tb testing.TB) *Realm {
	key := make([]byte, RealmKeyLen)
	for i := range key {
		key[i] = byte(i)
	}
	r, err := NewRealm(key) // in memory: the journal writes no files
	require.NoError(tb, err)
	return r
}

func startedB(tb testing.TB, opts Options) *Backend {
	if opts.Realm == nil {
		opts.Realm = benchRealm(tb)
	}
	if opts.Data == nil {
		opts.Data = NewData()
	}
	b := New(opts)
	st := steam.State{Init: shared}
	require.NoError(tb, b.Init(shared, &st, steam.NewEventQueue(0)))
	return b
}

// TestUDPLoad sends A2S_INFO to the query port of a real server on 127.0.0.1 in two bounded phases
// (loadQueries requests or loadTime each, whichever comes first) and logs what it measured:
//
//   - closed loop: a pool of client goroutines, each with one request in flight, so every answer's
//     latency is exact (answers/s, p50, p99, p99.9, max); a request unanswered within 200 ms is lost;
//   - pipelined: a few clients each send a burst of requests, then read the answers, keeping the
//     responder's socket busy (answers/s only: the server's throughput when it never waits).
//
// The clients share the machine's cores with the server's one responder goroutine. Figures only; run
// by `./build.sh bench`.
func TestUDPLoad(t *testing.T) {
	if os.Getenv("GOSTEAM_UDP_LOAD") == "" {
		t.Skip("a load test: set GOSTEAM_UDP_LOAD=1 (./build.sh bench runs it)")
	}
	const (
		loadQueries = 200_000
		loadTime    = 10 * time.Second
		clients     = 16
	)
	s, _, addr := udpServer(t, Options{Queries: QueryOptions{RateLimit200ms: -1}})
	setUp(t, s)
	require.NoError(t, s.SetAdvertiseServerActive(true))

	var (
		sent, answered, lost atomic.Int64
		mu                   sync.Mutex
		latencies            = make([]time.Duration, 0, loadQueries)
		wg                   sync.WaitGroup
	)
	start := time.Now()
	deadline := start.Add(loadTime)
	for c := 0; c < clients; c++ {
		conn, err := net.DialUDP("udp4", nil, net.UDPAddrFromAddrPort(addr))
		require.NoError(t, err)
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer conn.Close()
			buf := make([]byte, 2048)
			mine := make([]time.Duration, 0, loadQueries/clients+1)
			for sent.Add(1) <= loadQueries {
				t0 := time.Now()
				if t0.After(deadline) {
					break
				}
				if _, err := conn.Write(infoReq); err != nil {
					lost.Add(1)
					continue
				}
				_ = conn.SetReadDeadline(t0.Add(200 * time.Millisecond))
				n, err := conn.Read(buf)
				var ne net.Error
				switch {
				case errors.As(err, &ne) && ne.Timeout():
					lost.Add(1)
				case err != nil || n < 5 || buf[4] != s2aInfo:
					lost.Add(1)
				default:
					mine = append(mine, time.Since(t0))
					answered.Add(1)
				}
			}
			mu.Lock()
			latencies = append(latencies, mine...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	slices.Sort(latencies)
	pct := func(p float64) time.Duration {
		if len(latencies) == 0 {
			return 0
		}
		return latencies[min(len(latencies)-1, int(p*float64(len(latencies))))]
	}
	t.Logf("UDP load, closed loop: %d A2S_INFO answered in %.2f s by one responder goroutine (%d clients, 1 request in flight each, %d lost): %.0f answers/s; latency p50 %v, p99 %v, p99.9 %v, max %v",
		answered.Load(), elapsed.Seconds(), clients, lost.Load(), float64(answered.Load())/elapsed.Seconds(),
		pct(0.50), pct(0.99), pct(0.999), pct(1))

	loadPipelined(t, addr, loadQueries, loadTime)
}

// loadPipelined runs the pipelined phase of TestUDPLoad.
func loadPipelined(t *testing.T, addr netip.AddrPort, queries int64, limit time.Duration) {
	const (
		clients = 4
		burst   = 32
	)
	var sent, answered atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	deadline := start.Add(limit)
	for c := 0; c < clients; c++ {
		conn, err := net.DialUDP("udp4", nil, net.UDPAddrFromAddrPort(addr))
		require.NoError(t, err)
		require.NoError(t, conn.SetReadBuffer(1<<20))
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer conn.Close()
			buf := make([]byte, 2048)
			for time.Now().Before(deadline) && sent.Add(burst) <= queries {
				for i := 0; i < burst; i++ {
					_, _ = conn.Write(infoReq)
				}
				_ = conn.SetReadDeadline(time.Now().Add(50 * time.Millisecond))
				for i := 0; i < burst; i++ {
					if n, err := conn.Read(buf); err != nil {
						break // the rest were dropped
					} else if n >= 5 && buf[4] == s2aInfo {
						answered.Add(1)
					}
				}
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	n := min(sent.Load(), queries)
	t.Logf("UDP load, pipelined: %d of %d A2S_INFO answered in %.2f s (%d clients, bursts of %d): %.0f answers/s",
		answered.Load(), n, elapsed.Seconds(), clients, burst, float64(answered.Load())/elapsed.Seconds())
}
