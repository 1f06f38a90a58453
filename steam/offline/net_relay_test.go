package offline_test

// A lossy UDP relay on loopback: clients send to its front socket; it forwards each datagram
// toward the target from a socket of its own per client (so the target sees one address per
// client), and the answers back. A seeded RNG decides each datagram's fate: dropped, duplicated,
// delayed (which reorders). It records what passes, so a test can replay a captured datagram.

import (
	"bytes"
	"math/rand/v2"
	"net"
	"net/netip"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

type relay struct {
	t        *testing.T
	front    *net.UDPConn
	target   netip.AddrPort
	mu       sync.Mutex
	rng      *rand.Rand
	drop     float64
	dup      float64
	reorder  float64
	maxDelay time.Duration
	backs    map[netip.AddrPort]*net.UDPConn
	toServer [][]byte    // every client datagram, as sent
	toClient [][]byte    // every server datagram, as received
	dead     atomic.Bool // drop everything (a peer vanishing)
	wg       sync.WaitGroup
	dropped  atomic.Int64
}

func newRelay(t *testing.T, target string, seed uint64, drop, dup, reorder float64) *relay {
	t.Helper()
	front, err := net.ListenUDP("udp4", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	require.NoError(t, err)
	r := &relay{t: t, front: front, target: netip.MustParseAddrPort(target), rng: rand.New(rand.NewPCG(seed, 99)),
		drop: drop, dup: dup, reorder: reorder, maxDelay: 15 * time.Millisecond, backs: map[netip.AddrPort]*net.UDPConn{}}
	r.wg.Add(1)
	go r.fromClients()
	t.Cleanup(r.close)
	return r
}

func (r *relay) addr() string { return r.front.LocalAddr().String() }

func (r *relay) close() {
	r.front.Close()
	r.mu.Lock()
	for _, b := range r.backs {
		b.Close()
	}
	r.mu.Unlock()
	r.wg.Wait()
}

// fate decides what happens to one datagram: how many copies, each after what delay.
func (r *relay) fate() []time.Duration {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.dead.Load() || r.rng.Float64() < r.drop {
		r.dropped.Add(1)
		return nil
	}
	n := 1
	if r.rng.Float64() < r.dup {
		n = 2
	}
	out := make([]time.Duration, n)
	for i := range out {
		if r.rng.Float64() < r.reorder {
			out[i] = time.Duration(r.rng.Int64N(int64(r.maxDelay)))
		}
	}
	return out
}

func (r *relay) forward(send func([]byte), d []byte) {
	for _, delay := range r.fate() {
		if delay == 0 {
			send(d)
			continue
		}
		c := bytes.Clone(d)
		time.AfterFunc(delay, func() { send(c) })
	}
}

func (r *relay) fromClients() {
	defer r.wg.Done()
	buf := make([]byte, 2048)
	for {
		n, from, err := r.front.ReadFromUDPAddrPort(buf)
		if err != nil {
			return
		}
		d := bytes.Clone(buf[:n])
		back := r.backFor(from)
		if back == nil {
			return
		}
		r.mu.Lock()
		r.toServer = append(r.toServer, d)
		r.mu.Unlock()
		r.forward(func(b []byte) { _, _ = back.WriteToUDPAddrPort(b, r.target) }, d)
	}
}

func (r *relay) backFor(client netip.AddrPort) *net.UDPConn {
	r.mu.Lock()
	defer r.mu.Unlock()
	if b := r.backs[client]; b != nil {
		return b
	}
	b, err := net.ListenUDP("udp4", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	if err != nil {
		return nil
	}
	r.backs[client] = b
	r.wg.Add(1)
	go func() {
		defer r.wg.Done()
		buf := make([]byte, 2048)
		for {
			n, _, err := b.ReadFromUDPAddrPort(buf)
			if err != nil {
				return
			}
			d := bytes.Clone(buf[:n])
			r.mu.Lock()
			r.toClient = append(r.toClient, d)
			r.mu.Unlock()
			r.forward(func(x []byte) { _, _ = r.front.WriteToUDPAddrPort(x, client) }, d)
		}
	}()
	return b
}

// captured returns the client datagrams whose first byte is kind.
func (r *relay) captured(kind byte) [][]byte { return r.ofKind(&r.toServer, kind) }

// answers returns the server datagrams whose first byte is kind.
func (r *relay) answers(kind byte) [][]byte { return r.ofKind(&r.toClient, kind) }

func (r *relay) ofKind(list *[][]byte, kind byte) [][]byte {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out [][]byte
	for _, d := range *list {
		if d[0] == kind {
			out = append(out, d)
		}
	}
	return out
}

// replay sends d to the target again from the first client's relay socket, as a captured
// datagram replayed from the same address would be.
func (r *relay) replay(d []byte) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, b := range r.backs {
		_, _ = b.WriteToUDPAddrPort(d, r.target)
		return
	}
}
