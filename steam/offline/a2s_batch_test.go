package offline

// The query socket read and answered in batches (udpbatch): a burst queued behind a busy responder
// is read queryBatch datagrams at a time, and each of them is still filtered, rate-limited and
// counted on its own.

import (
	"net"
	"net/netip"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// flood sends n copies of req from c, as fast as it can.
func flood(t *testing.T, c *net.UDPConn, req []byte, n int) {
	for range n {
		_, err := c.Write(req)
		require.NoError(t, err)
	}
}

// heldClock is an Options.Clock that, once armed, stops the responder on the query it is reading
// the time for, until released: what is sent meanwhile queues in the socket, and is then read in
// batches.
type heldClock struct {
	armed            atomic.Bool
	entered, release chan struct{}
	at               func() time.Time
}

func newHeldClock(at func() time.Time) *heldClock {
	return &heldClock{entered: make(chan struct{}), release: make(chan struct{}), at: at}
}

func (c *heldClock) now() time.Time {
	if c.armed.CompareAndSwap(true, false) {
		close(c.entered)
		<-c.release
	}
	return c.at()
}

// hold sends first from conn and waits until the responder is stopped on it.
func (c *heldClock) hold(t *testing.T, conn *net.UDPConn, first []byte) {
	t.Helper()
	c.armed.Store(true)
	flood(t, conn, first, 1)
	select {
	case <-c.entered:
	case <-time.After(5 * time.Second):
		close(c.release)
		t.Fatal("the responder never read the first query")
	}
}

// batchServer is a query port answering A2S_INFO without a challenge, with the given rate limit, on
// clock, and a client of it whose buffer holds every reply of a burst.
func batchServer(t *testing.T, clock *heldClock, rateLimit int) (*steam.Server, netip.AddrPort) {
	s, _, addr := udpServer(t, Options{Clock: clock.now, Queries: QueryOptions{RateLimit200ms: rateLimit, AnswerUnchallengedInfo: true}})
	setUp(t, s)
	require.NoError(t, s.SetBool(steam.FieldAdvertiseActive, true))
	return s, addr
}

// infoReplies reads what reaches c until nothing has for quiet: the S2A_INFO among it (FF FF FF FF
// 'I'; a split fragment may have an 'I' there too), and the rest.
func infoReplies(t *testing.T, c *net.UDPConn, quiet time.Duration) (infos, other int) {
	t.Helper()
	buf := make([]byte, 2048)
	for {
		require.NoError(t, c.SetReadDeadline(time.Now().Add(quiet)))
		n, err := c.Read(buf)
		if err != nil {
			return infos, other
		}
		if n >= 5 && isQuery(buf[:n]) && buf[4] == s2aInfo {
			infos++
		} else {
			other++
		}
	}
}

// A burst several batches long, queued while the responder is busy, is answered whole: every
// query gets its reply, a split RULES reply every fragment (so a batch's replies fill the writer
// several times over), and the counts say so.
func TestBurstLongerThanBatchAnswered(t *testing.T) {
	clock := newHeldClock(time.Now)
	s, addr := batchServer(t, clock, -1)
	for _, kv := range bigRules(120) {
		require.NoError(t, s.SetKeyValue(kv.Key, kv.Value))
	}
	c := dial(t, addr)
	require.NoError(t, c.conn.SetReadBuffer(4<<20))
	ch, err := decodeChallenge(c.ask(rulesReq(noChallenge), 1, 50*time.Millisecond)[0])
	require.NoError(t, err)
	rules := rulesReq(ch)
	flood(t, c.conn, rules, 1)
	_, fragments := infoReplies(t, c.conn, 100*time.Millisecond)
	require.Greater(t, fragments, 1, "RULES is split")

	const burst = 5*queryBatch + 7 // every third a RULES
	clock.hold(t, c.conn, infoReq)
	wantInfos, wantFragments := 1, 0
	for i := 1; i < burst; i++ {
		if i%3 == 0 {
			flood(t, c.conn, rules, 1)
			wantFragments += fragments
		} else {
			flood(t, c.conn, infoReq, 1)
			wantInfos++
		}
	}
	close(clock.release)

	infos, other := infoReplies(t, c.conn, 500*time.Millisecond)
	assert.Equal(t, wantInfos, infos, "every INFO answered")
	assert.Equal(t, wantFragments, other, "every fragment of every RULES")
	got := s.Traffic()
	assert.Equal(t, uint64(burst+1), got[steam.TrafficAnswered], "the burst and the RULES asked first")
	assert.Zero(t, got[steam.TrafficKernelDrops])
}

// The rate limit counts every datagram of a batch: two sources interleaved in one queued burst
// each get exactly the limit answered within the 200 ms (the clock stands still), and the rest of
// each is counted rate-limited; malformed and oversized datagrams among them are dropped silently
// and counted, without costing their source a place.
func TestBatchRateLimitedPerDatagram(t *testing.T) {
	at := time.Now()
	clock := newHeldClock(func() time.Time { return at })
	const limit = 10
	s, addr := batchServer(t, clock, limit)
	a := dial(t, addr).conn
	b := sourceConn(t, netip.MustParseAddr("127.0.0.2"), addr)

	const perSource = 3 * queryBatch
	clock.hold(t, a, infoReq)
	malformed := 0
	for i := 1; i < perSource; i++ {
		flood(t, a, infoReq, 1)
		flood(t, b, infoReq, 1)
		if i%20 == 0 {
			flood(t, a, make([]byte, maxRequestLen+1), 1) // oversized: read Truncated
			flood(t, b, []byte{0xFF, 0xFF, 0xFF, 0xFF, 'W'}, 1)
			malformed += 2
		}
	}
	flood(t, b, infoReq, 1)
	close(clock.release)

	for name, c := range map[string]*net.UDPConn{"127.0.0.1": a, "127.0.0.2": b} {
		infos, other := infoReplies(t, c, 300*time.Millisecond)
		assert.Equal(t, limit, infos, "source %s: the limit answered", name)
		assert.Zero(t, other, "source %s", name)
	}
	got := s.Traffic()
	assert.Equal(t, uint64(2*limit), got[steam.TrafficAnswered])
	assert.Equal(t, uint64(2*(perSource-limit)), got[steam.TrafficRateLimited])
	assert.Equal(t, uint64(malformed), got[steam.TrafficMalformed])
}

// sourceConn is a client socket on from, connected to server.
func sourceConn(t *testing.T, from netip.Addr, server netip.AddrPort) *net.UDPConn {
	c, err := net.DialUDP("udp4", net.UDPAddrFromAddrPort(netip.AddrPortFrom(from, 0)), net.UDPAddrFromAddrPort(server))
	require.NoError(t, err)
	t.Cleanup(func() { _ = c.Close() })
	require.NoError(t, c.SetReadBuffer(1<<20))
	return c
}
