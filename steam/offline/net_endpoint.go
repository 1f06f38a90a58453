package offline

// An endpoint is one UDP socket of the transport and the goroutine that reads it: a listen
// socket's, an outbound connection's own (each connectByIPAddress/connectP2P gets a socket of its
// own, as Steam's does), or the NetworkingMessages endpoint shared by every session. Datagrams
// are routed by the recipient's connection id and must come from the connection's address; what
// names no connection, does not parse, or is not for this kind of endpoint is dropped and counted.

import (
	"errors"
	"net"
	"net/netip"
	"sync"

	"github.com/gosteam/godot-steam-server/steam"
)

// acceptor is what an endpoint that takes incoming connections answers to: a listen socket, or
// the sessions of NetworkingMessages and P2P.
type acceptor interface {
	// admit checks a connect's target and service before its ticket is looked at.
	admit(m *connectMsg) (ok bool, reason steam.ConnectionEnd, debug string)
	// accepted takes a connection that passed the handshake.
	accepted(c *netConn)
}

// remoteKey names a client's connection attempt: its address and its connection id.
type remoteKey struct {
	addr netip.AddrPort
	id   uint32
}

type netEndpoint struct {
	core     *netCore
	sock     datagramConn
	local    netip.AddrPort
	byID     map[uint32]*netConn
	byRemote map[remoteKey]*netConn // incoming connections, to recognise a repeated connect
	acceptor acceptor               // nil: outbound only
	owned    bool                   // closed when its last connection goes (an outbound one's)
	closed   bool
	out      []byte // scratch for control datagrams, used under the core's lock
	queued   bool   // datagrams wait in sock's queue, to be sent when the core's lock is released
	// wmu guards sock's write queue, which is filled under the core's lock and sent after it.
	wmu sync.Mutex
}

// openEndpoint binds a socket and starts its reader. Called with n.mu held.
func (n *netCore) openEndpoint(addr string, acc acceptor, owned bool) (*netEndpoint, error) {
	sock, err := n.set.socket(addr)
	if err != nil {
		return nil, err
	}
	ep := &netEndpoint{core: n, sock: sock, local: sock.LocalAddr(), byID: map[uint32]*netConn{},
		byRemote: map[remoteKey]*netConn{}, acceptor: acc, owned: owned,
		out: make([]byte, 0, maxDatagram)}
	n.endpoints[ep] = struct{}{}
	n.wg.Add(1)
	go ep.readLoop()
	return ep, nil
}

// closeSocket stops the endpoint; its reader goroutine ends. Safe with or without n.mu.
func (ep *netEndpoint) closeSocket() { _ = ep.sock.Close() }

// release forgets the endpoint once nothing uses it, sending first what it queued (a close
// datagram, often). Called with n.mu held.
func (ep *netEndpoint) release() {
	if ep.closed {
		return
	}
	ep.closed = true
	delete(ep.core.endpoints, ep)
	ep.flushWrites()
	ep.closeSocket()
}

// newConnID picks an unused, non-zero connection id of this endpoint.
func (ep *netEndpoint) newConnID() uint32 {
	for {
		if id := ep.core.rng.Uint32(); id != 0 && ep.byID[id] == nil {
			return id
		}
	}
}

// readLoop reads the socket a batch at a time (up to netBatch datagrams a system call where the
// system batches) and routes the batch's datagrams under one taking of the core's lock, so the
// answers they cause leave together when it is released.
func (ep *netEndpoint) readLoop() {
	n := ep.core
	defer n.wg.Done()
	for {
		batch, err := ep.sock.ReadBatch()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return
			}
			n.mu.Lock()
			gone := ep.closed || n.closed
			n.mu.Unlock()
			if gone {
				return
			}
			continue // e.g. an ICMP error reported on Windows: the next datagram is still good
		}
		n.mu.Lock()
		now := netNow()
		for _, d := range batch {
			if ep.closed || n.closed {
				break
			}
			if d.Truncated { // longer than any datagram of the protocol
				n.traffic.malformed.Add(1)
				continue
			}
			ep.handle(d.Data, netip.AddrPortFrom(d.From.Addr().Unmap(), d.From.Port()), now)
		}
		n.mu.Unlock()
	}
}

// write queues a datagram on the socket (sent just after the core's lock is released, with
// whatever else was written under it), unless FakePacketLoss_Send drops it. Called with n.mu held.
func (ep *netEndpoint) write(b []byte, to netip.AddrPort) {
	if ep.core.fakeLoss(steam.ConfigFakePacketLossSend) {
		return
	}
	if !ep.queued {
		ep.queued = true
		ep.core.mu.dirty = append(ep.core.mu.dirty, ep)
	}
	ep.wmu.Lock()
	_ = ep.sock.Queue(b, to)
	ep.wmu.Unlock()
}

// flushWrites sends now what write queued (an endpoint closing). Called with n.mu held.
func (ep *netEndpoint) flushWrites() {
	if ep.queued {
		ep.queued = false
		ep.sendQueued()
	}
}

// sendQueued sends what the socket's queue holds; with or without n.mu.
func (ep *netEndpoint) sendQueued() {
	ep.wmu.Lock()
	_ = ep.sock.Flush()
	ep.wmu.Unlock()
}

// handle routes one datagram. Called with n.mu held.
func (ep *netEndpoint) handle(d []byte, from netip.AddrPort, now int64) {
	n := ep.core
	if len(d) == 0 || len(d) > maxDatagram {
		n.traffic.malformed.Add(1)
		return
	}
	if n.fakeLoss(steam.ConfigFakePacketLossRecv) {
		return
	}
	switch d[0] {
	case pktData, pktClose, pktChallenge, pktConnectOK:
		if len(d) < 5 {
			n.traffic.malformed.Add(1)
			return
		}
		c := ep.byID[leU32(d[1:])]
		if to := leU32(d[1:]); to == 0 && d[0] == pktClose {
			// A client closing before it learned our id names its own.
			if m, ok := decodeClose(d); ok {
				c = ep.byRemote[remoteKey{from, m.from}]
			}
		}
		if c == nil || c.remote != from {
			n.traffic.malformed.Add(1)
			if d[0] == pktData {
				ep.answerUnknown(d, from)
			}
			return
		}
		if !c.onDatagram(d, now) {
			n.traffic.malformed.Add(1)
		}
	case pktNoConn:
		// It names the connection by the id the peer had for it: find ours by that.
		_, gone, ok := twoIDs(d)
		if c := ep.byPeer(from, gone); ok && len(d) == 9 && c != nil {
			c.onNoConnection()
			return
		}
		n.traffic.malformed.Add(1)
	case pktChallengeReq, pktConnect:
		if ep.acceptor == nil {
			n.traffic.malformed.Add(1)
			return
		}
		if d[0] == pktChallengeReq {
			ep.onChallengeRequest(d, from, now)
		} else {
			ep.onConnect(d, from, now)
		}
	default:
		n.traffic.malformed.Add(1)
	}
}

// byPeer finds the connection with a peer at from whose id there is peerID.
func (ep *netEndpoint) byPeer(from netip.AddrPort, peerID uint32) *netConn {
	for _, c := range ep.byID {
		if c.remote == from && c.remoteID == peerID && peerID != 0 {
			return c
		}
	}
	return nil
}

func leU32(b []byte) uint32 {
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}

// answerUnknown tells a peer sending data for a connection this endpoint no longer has that it is
// gone (Misc_PeerSentNoConnection on their side). The answer is smaller than what it answers, and
// rate limited per source like the handshake.
func (ep *netEndpoint) answerUnknown(d []byte, from netip.AddrPort) {
	if !ep.core.allowSource(from) {
		return
	}
	to := leU32(d[1:])
	ep.out = encodeNoConn(ep.out[:0], 0, to)
	ep.write(ep.out, from)
}

// allowSource applies the per-source handshake rate limit.
func (n *netCore) allowSource(from netip.AddrPort) bool {
	a := from.Addr()
	var key uint32
	if a.Is4() {
		b := a.As4()
		key = uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
	} else {
		b := a.As16()
		key = uint32(sipHash24(1, 2, b[:]))
	}
	if n.limiter.allow(key, n.set.clock()) {
		return true
	}
	n.traffic.rateLimited.Add(1)
	return false
}

// fakeLoss applies FakePacketLoss_Send or _Recv.
func (n *netCore) fakeLoss(v steam.NetConfigValue) bool {
	pct := n.config.globalFloat(v)
	return pct > 0 && n.rng.Float32()*100 < pct
}
