package offline

// FuzzNetDatagram: whatever arrives at a listen socket, for no connection or for a connected one
// (route), is dropped, refused or handled without a panic, and never makes the connection hold
// more than its bounds.

import (
	"crypto/rand"
	"net"
	"net/netip"
	"sync"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/gosteam/godot-steam-server/steam/internal/udpbatch"
)

// sinkConn is a socket that reads nothing and writes into the void.
type sinkConn struct {
	local  netip.AddrPort
	closed chan struct{}
	once   sync.Once
}

func (s *sinkConn) ReadBatch() ([]udpbatch.Datagram, error) {
	<-s.closed
	return nil, net.ErrClosed
}
func (s *sinkConn) Queue([]byte, netip.AddrPort) error { return nil }
func (s *sinkConn) Flush() error                       { return nil }
func (s *sinkConn) LocalAddr() netip.AddrPort          { return s.local }
func (s *sinkConn) Close() error                       { s.once.Do(func() { close(s.closed) }); return nil }

func FuzzNetDatagram(f *testing.F) {
	key := make([]byte, RealmKeyLen)
	_, _ = rand.Read(key)
	realm, _ := NewRealm(key)
	server := steam.NewSteamID(steam.UniversePublic, steam.AccountTypeGameServer, 0, 5)
	n := newNetCore(netSettings{realm: realm, appID: 480, identity: server, clock: time.Now,
		socket: func(addr string) (datagramConn, error) {
			return &sinkConn{local: netip.MustParseAddrPort(addr), closed: make(chan struct{})}, nil
		}}, steam.NewEventQueue(0))
	defer n.close()
	from := netip.MustParseAddrPort("127.0.0.1:5000")
	n.mu.Lock()
	ep := n.listeners[n.listen("127.0.0.1:1", nil, false, false, -1)].ep
	var c *netConn
	connected := func() *netConn {
		if c != nil && c.state == steam.ConnectionStateConnected {
			return c
		}
		if c != nil {
			c.destroy()
		}
		c = n.newConn(ep, from, netNow())
		c.remoteID = 77
		c.start(netNow())
		c.state = steam.ConnectionStateConnected
		return c
	}
	conn := connected()
	// Seeds: a data datagram of each frame kind, and the handshake's datagrams.
	seg := segment{reliable: true, seq: 1, relIndex: 1, msgNum: 1, data: []byte("hi")}
	data := append(conn.link.header(), []byte{}...)
	a := ackFrame{next: 1}
	data = a.encode(data)
	data = seg.encode(data)
	frag := segment{msgNum: 2, fragment: true, total: 3000, offset: 1200, data: make([]byte, 1200)}
	data = frag.encode(data)
	f.Add(append([]byte(nil), data...), true)
	f.Add(encodeChallengeReq(nil, 9), false)
	cm := connectMsg{version: 1, clientConn: 9, ticket: make([]byte, ticketLen)}
	f.Add(cm.encode(nil), false)
	cl := closeMsg{to: conn.localID, from: 77, reason: 1000}
	f.Add(cl.encode(nil), true)
	f.Add(encodeNoConn(nil, 0, 77), false)
	n.mu.Unlock()

	f.Fuzz(func(t *testing.T, d []byte, route bool) {
		n.mu.Lock()
		defer n.mu.Unlock()
		c := connected()
		if route && len(d) >= 5 {
			d[1], d[2], d[3], d[4] = byte(c.localID), byte(c.localID>>8), byte(c.localID>>16), byte(c.localID>>24)
		}
		ep.handle(d, from, netNow())
		if c.link.reasm > c.link.reasmCap() || c.rxBytes > 2<<20 {
			t.Fatalf("bounds exceeded: %d bytes in reassembly, %d queued", c.link.reasm, c.rxBytes)
		}
		c.queue.clear()
	})
}
