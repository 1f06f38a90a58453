package udpbatch

import (
	"errors"
	"fmt"
	"net"
	"net/netip"
	"runtime"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// batching: where x/net batches; elsewhere every read returns one datagram.
const batching = runtime.GOOS == "linux"

func batchName(size int) string { return "batch-" + strconv.Itoa(size) }

func listen(t *testing.T, network, ip string) *net.UDPConn {
	t.Helper()
	conn, err := net.ListenUDP(network, &net.UDPAddr{IP: net.ParseIP(ip)})
	require.NoError(t, err)
	t.Cleanup(func() { _ = conn.Close() })
	return conn
}

// dial is a client socket connected to conn, from the same loopback address.
func dial(t *testing.T, conn *net.UDPConn) *net.UDPConn {
	t.Helper()
	to := conn.LocalAddr().(*net.UDPAddr)
	c, err := net.DialUDP(to.Network(), &net.UDPAddr{IP: to.IP}, to)
	require.NoError(t, err)
	t.Cleanup(func() { _ = c.Close() })
	require.NoError(t, c.SetReadBuffer(1<<20))
	return c
}

// endpoint is a socket read and written in batches of size (64-byte datagrams at most), and a
// client of it.
type endpoint struct {
	conn, client *net.UDPConn
	r            *Reader
	w            *Writer
}

func newEndpoint(t *testing.T, network, ip string, size int) endpoint {
	conn := listen(t, network, ip)
	return endpoint{conn, dial(t, conn), NewReader(conn, size, 64), NewWriter(conn, size, 4096)}
}

func addrOf(c *net.UDPConn) netip.AddrPort { return c.LocalAddr().(*net.UDPAddr).AddrPort() }

// send sends n datagrams "0", "1", ... from c and returns n.
func send(t *testing.T, c *net.UDPConn, n int) int {
	t.Helper()
	for i := range n {
		_, err := c.Write([]byte(strconv.Itoa(i)))
		require.NoError(t, err)
	}
	return n
}

// readAll reads n datagrams from r (failing after a second without one), and the size of each
// batch they came in.
func readAll(t *testing.T, conn *net.UDPConn, r *Reader, n int) (got []Datagram, batches []int) {
	t.Helper()
	require.NoError(t, conn.SetReadDeadline(time.Now().Add(time.Second)))
	defer conn.SetReadDeadline(time.Time{})
	for len(got) < n {
		batch, err := r.Read()
		require.NoError(t, err, "after %d of %d datagrams", len(got), n)
		require.NotEmpty(t, batch)
		for _, d := range batch {
			d.Data = append([]byte(nil), d.Data...) // the reader's buffer is reused
			got = append(got, d)
		}
		batches = append(batches, len(batch))
	}
	return got, batches
}

// receive reads n datagrams from a client socket, as strings.
func receive(t *testing.T, c *net.UDPConn, n int) []string {
	t.Helper()
	require.NoError(t, c.SetReadDeadline(time.Now().Add(time.Second)))
	buf := make([]byte, 70000)
	var got []string
	for len(got) < n {
		k, err := c.Read(buf)
		require.NoError(t, err, "after %d of %d datagrams", len(got), n)
		got = append(got, string(buf[:k]))
	}
	return got
}

func numbered(from, n int, prefix string) []string {
	s := make([]string, n)
	for i := range s {
		s[i] = prefix + strconv.Itoa(from+i)
	}
	return s
}

// Datagrams read in order with their sender, and answered through the writer in order, on IPv4
// and IPv6 loopback, batched and one by one.
func TestEchoOverLoopback(t *testing.T) {
	for _, family := range []struct{ network, ip string }{{"udp4", "127.0.0.1"}, {"udp6", "::1"}} {
		for _, size := range []int{1, 8} {
			t.Run(family.network+"/"+batchName(size), func(t *testing.T) {
				e := newEndpoint(t, family.network, family.ip, size)
				conn, c, r, w := e.conn, e.client, e.r, e.w
				const n = 20
				send(t, c, n)
				got, _ := readAll(t, conn, r, n)
				for i, d := range got {
					assert.Equal(t, strconv.Itoa(i), string(d.Data))
					assert.Equal(t, addrOf(c), d.From)
					assert.False(t, d.Truncated)
					require.NoError(t, w.Write(append([]byte("re:"), d.Data...), d.From))
				}
				require.NoError(t, w.Flush())
				assert.Equal(t, numbered(0, n, "re:"), receive(t, c, n))
			})
		}
	}
}

// A read returns what is queued, up to the batch: a few datagrams come back as a partial batch
// at once, a burst longer than the batch in several, nothing lost or reordered.
func TestPartialBatches(t *testing.T) {
	conn := listen(t, "udp4", "127.0.0.1")
	c := dial(t, conn)
	r := NewReader(conn, 8, 64)

	send(t, c, 3)
	got, batches := readAll(t, conn, r, 3)
	assert.Equal(t, []string{"0", "1", "2"}, dataOf(got))
	if batching {
		assert.Equal(t, []int{3}, batches, "three queued datagrams: one partial batch")
	}

	send(t, c, 20)
	got, batches = readAll(t, conn, r, 20)
	assert.Equal(t, numbered(0, 20, ""), dataOf(got))
	for _, b := range batches {
		assert.LessOrEqual(t, b, 8)
	}
	if batching {
		assert.Equal(t, []int{8, 8, 4}, batches)
	} else {
		assert.Len(t, batches, 20, "one datagram per call")
	}
}

func dataOf(ds []Datagram) []string {
	s := make([]string, len(ds))
	for i, d := range ds {
		s[i] = string(d.Data)
	}
	return s
}

// A datagram longer than maxDatagram is cut to it and marked Truncated; its neighbours in the same
// batch are whole.
func TestOversizedDatagramsTruncated(t *testing.T) {
	for _, size := range []int{1, 8} {
		t.Run(batchName(size), func(t *testing.T) {
			conn := listen(t, "udp4", "127.0.0.1")
			c := dial(t, conn)
			r := NewReader(conn, size, 100)
			lengths := []int{100, 101, 1500, 1, 65000, 99}
			for i, n := range lengths {
				d := make([]byte, n)
				d[0] = byte(i)
				_, err := c.Write(d)
				require.NoError(t, err)
			}
			got, _ := readAll(t, conn, r, len(lengths))
			for i, d := range got {
				assert.Equal(t, lengths[i] > 100, d.Truncated, "datagram %d of %d bytes", i, lengths[i])
				assert.Len(t, d.Data, min(lengths[i], 100), "datagram %d", i)
				assert.Equal(t, byte(i), d.Data[0], "in order")
				if runtime.GOOS != "windows" { // Windows gives no sender for a truncated datagram
					assert.Equal(t, addrOf(c), d.From, "datagram %d", i)
				}
			}
		})
	}
}

// The writer sends its batch when the next datagram would overflow it (in count or bytes), sends
// a datagram longer than its arena alone, and keeps each destination's order.
func TestWriterFlushesWhenFull(t *testing.T) {
	conn := listen(t, "udp4", "127.0.0.1")
	a, b := dial(t, conn), dial(t, conn)
	w := NewWriter(conn, 4, 1000)
	var wantA, wantB []string
	for i := range 11 {
		d := fmt.Sprintf("%d:%0300d", i, 0) // three fit the arena
		to, want := a, &wantA
		if i%3 == 2 {
			to, want = b, &wantB
		}
		if i == 7 {
			d = fmt.Sprintf("%d:%02000d", i, 0) // longer than the arena
		}
		require.NoError(t, w.Write([]byte(d), addrOf(to)))
		*want = append(*want, d)
	}
	require.NoError(t, w.Flush())
	require.NoError(t, w.Flush(), "nothing queued: nothing sent")
	assert.Equal(t, wantA, receive(t, a, len(wantA)))
	assert.Equal(t, wantB, receive(t, b, len(wantB)))
}

// Closing the connection ends a Read waiting on it, with net.ErrClosed; Flush reports it too.
func TestClosedConnection(t *testing.T) {
	for _, size := range []int{1, 8} {
		t.Run(batchName(size), func(t *testing.T) {
			e := newEndpoint(t, "udp4", "127.0.0.1", size)
			conn, c, r, w := e.conn, e.client, e.r, e.w
			var wg sync.WaitGroup
			var err error
			wg.Add(1)
			go func() { defer wg.Done(); _, err = r.Read() }()
			time.Sleep(20 * time.Millisecond) // let it block (a Read that had not yet started fails the same way)
			require.NoError(t, conn.Close())
			wg.Wait()
			assert.True(t, errors.Is(err, net.ErrClosed), "%v", err)
			err = w.Write([]byte("x"), addrOf(c))
			if err == nil {
				err = w.Flush()
			}
			assert.True(t, errors.Is(err, net.ErrClosed), "%v", err)
		})
	}
}

// Steady state allocates nothing but what x/net's ReadBatch does: each sender as a *net.UDPAddr.
func TestAllocations(t *testing.T) {
	for _, size := range []int{1, 16} {
		t.Run(batchName(size), func(t *testing.T) {
			e := newEndpoint(t, "udp4", "127.0.0.1", size)
			c, r, w := e.client, e.r, e.w
			to, d, buf := addrOf(c), []byte("reply"), make([]byte, 64)
			perDatagram := 0.0
			if batching && size > 1 {
				perDatagram = 2 // x/net's parseInetAddr: a net.UDPAddr and its IP
			}
			const n = 8
			slack := 0.0 // under the race detector, x/net's pooled buffers now and then made anew
			if raceBuild {
				slack = n
			}
			read := testing.AllocsPerRun(50, func() {
				for range n {
					_, _ = c.Write(d)
				}
				for got := 0; got < n; {
					batch, err := r.Read()
					if err != nil {
						t.Fatal(err)
					}
					got += len(batch)
				}
			})
			assert.LessOrEqual(t, read, perDatagram*n+slack, "allocations of reading %d datagrams", n)
			written := testing.AllocsPerRun(50, func() {
				for range n {
					_ = w.Write(d, to)
				}
				_ = w.Flush()
				for range n {
					_, _ = c.Read(buf)
				}
			})
			assert.LessOrEqual(t, written, slack, "writing allocates nothing (but for slack)")
		})
	}
}
