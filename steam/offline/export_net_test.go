package offline

// What the external networking tests see of the sockets (net_batch_test.go).

import (
	"net/netip"
	"sync"

	"github.com/gosteam/godot-steam-server/steam"
)

// SocketLog records what a Backend's sockets were given to send: how many datagrams each Flush
// sent together, across every socket the Backend opened.
type SocketLog struct {
	mu      sync.Mutex
	queued  int
	flushes []int
}

// LogSockets makes the sockets of the Backend made with o record into the returned log.
func LogSockets(o *Options) *SocketLog {
	log := &SocketLog{}
	o.Net.socket = func(addr string) (datagramConn, error) {
		c, err := listenUDP(addr)
		if err != nil {
			return nil, err
		}
		return &loggedConn{datagramConn: c, log: log}, nil
	}
	return log
}

// Take returns the sizes of the flushes that sent something since the last Take, and how many
// datagrams are queued and not sent yet.
func (l *SocketLog) Take() (flushes []int, unsent int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	flushes, l.flushes = l.flushes, nil
	return flushes, l.queued
}

type loggedConn struct {
	datagramConn
	log *SocketLog
}

func (c *loggedConn) Queue(b []byte, to netip.AddrPort) error {
	c.log.mu.Lock()
	c.log.queued++
	c.log.mu.Unlock()
	return c.datagramConn.Queue(b, to)
}

func (c *loggedConn) Flush() error {
	c.log.mu.Lock()
	if c.log.queued > 0 {
		c.log.flushes = append(c.log.flushes, c.log.queued)
		c.log.queued = 0
	}
	c.log.mu.Unlock()
	return c.datagramConn.Flush()
}

// HoldNetLock takes the lock of b's networking core, as a socket's reader does while it routes a
// datagram, until release is called.
func HoldNetLock(b *Backend) (release func()) {
	n := b.netc()
	n.mu.Lock()
	return n.mu.Unlock
}

// Waiting is what polls of a connection, a poll group and a NetworkingMessages channel read
// without the networking's lock: whether something waits there (true too for a handle it does not
// know: such a poll takes the lock).
func Waiting(b *Backend, conn steam.NetConnection, group steam.PollGroup, channel int32) [3]bool {
	rc := &b.netc().ready
	return [3]bool{!rc.conns.empty(conn), !rc.pollGroups.empty(group), !rc.channelEmpty(serviceMessages, channel)}
}
