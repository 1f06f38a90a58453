package offline

// Listen sockets: IP (createListenSocketIP), P2P by Steam ID and virtual port
// (createListenSocketP2P, found through the realm's directory), and a hosted dedicated server's
// (createHostedDedicatedServerListenSocket: a P2P-style socket on the UDP port SDR_LISTEN_PORT
// names). Each has a UDP socket of its own; a connection that passes the handshake is reported
// Connecting with the socket's handle and waits for acceptConnection.

import (
	"fmt"
	"net/netip"

	"github.com/gosteam/godot-steam-server/steam"
)

type netListener struct {
	core        *netCore
	handle      steam.ListenSocket
	ep          *netEndpoint
	cfg         configSet
	p2p         bool
	hosted      bool
	virtualPort int32
	entry       dirEntry // P2P and hosted sockets' place in the directory
}

// listen opens a listen socket on addr. Called with n.mu held.
func (n *netCore) listen(addr string, opts []steam.ConfigOption, p2p, hosted bool, port int32) steam.ListenSocket {
	if len(n.listeners) >= maxListenSockets {
		return 0
	}
	l := &netListener{core: n, cfg: configSet{}, p2p: p2p, hosted: hosted, virtualPort: port}
	applyOptions(l.cfg, opts)
	ep, err := n.openEndpoint(addr, l, false)
	if err != nil {
		return 0
	}
	l.ep = ep
	l.handle = steam.ListenSocket(nextNetHandle())
	n.listeners[l.handle] = l
	l.publish()
	return l.handle
}

// publish writes the socket's directory entry under the current identity.
func (l *netListener) publish() {
	if !l.p2p {
		return
	}
	id := l.core.currentIdentity()
	key := p2pKey(id, l.virtualPort)
	if l.hosted {
		key = hostedKey(id, l.virtualPort)
	}
	l.entry.publish(l.core.set.realm.net, key, l.ep.local)
}

func (l *netListener) withdraw() { l.entry.withdraw(l.core.set.realm.net) }

// admit takes connects for this socket only: sockets service, and for P2P its identity and port.
func (l *netListener) admit(m *connectMsg) (bool, steam.ConnectionEnd, string) {
	if m.service != serviceSockets {
		return false, steam.ConnectionEndMiscGeneric, "this is a listen socket, not a NetworkingMessages endpoint"
	}
	id := l.core.currentIdentity()
	if l.p2p && (steam.SteamID(m.targetID) != id || m.targetPort != l.virtualPort) {
		return false, steam.ConnectionEndMiscP2PRendezvous,
			fmt.Sprintf("no listen socket of Steam ID %d on virtual port %d here", m.targetID, m.targetPort)
	}
	if !l.p2p && m.targetID != 0 && steam.SteamID(m.targetID) != id {
		return false, steam.ConnectionEndMiscP2PRendezvous, fmt.Sprintf("this server is not Steam ID %d", m.targetID)
	}
	return true, 0, ""
}

// accepted reports the new connection to the game, which accepts or closes it.
func (l *netListener) accepted(c *netConn) {
	c.listener = l
	c.p2p = l.p2p
	if !l.p2p {
		c.virtualPort = -1
	}
	c.start(netNow())
	c.register()
	c.setState(steam.ConnectionStateConnecting, 0, "")
	c.core.schedule(c.createdAt + c.ms(steam.ConfigTimeoutInitial))
}

// close ends every connection that arrived on the socket, and the socket.
func (l *netListener) close(now int64) {
	l.withdraw()
	for _, c := range l.ep.byID {
		if c.state == steam.ConnectionStateConnected || c.state == steam.ConnectionStateConnecting {
			c.sendClose(steam.ConnectionEndAppGeneric, "the listen socket was closed")
		}
		c.destroy()
	}
	delete(l.core.listeners, l.handle)
	l.ep.release()
}

// localAddr is the address to bind a socket of the server's on: serverInit's IP, port chosen.
func (n *netCore) localAddr(port uint16) string {
	ip := n.set.bindIP
	return netip.AddrPortFrom(netip.AddrFrom4([4]byte{byte(ip >> 24), byte(ip >> 16), byte(ip >> 8), byte(ip)}), port).String()
}

func (b *Backend) CreateListenSocketIP(local netip.AddrPort, opts []steam.ConfigOption) steam.ListenSocket {
	return inNet(b, func(n *netCore) steam.ListenSocket { return n.listen(local.String(), opts, false, false, -1) })
}

func (b *Backend) CreateListenSocketP2P(port int32, opts []steam.ConfigOption) steam.ListenSocket {
	return inNet(b, func(n *netCore) steam.ListenSocket { return n.listen(n.localAddr(0), opts, true, false, port) })
}

// CreateHostedDedicatedServerListenSocket listens on SDR_LISTEN_PORT; 0 when it is not set.
func (b *Backend) CreateHostedDedicatedServerListenSocket(port int32, opts []steam.ConfigOption) steam.ListenSocket {
	return inNet(b, func(n *netCore) steam.ListenSocket {
		if n.set.hostedPort == 0 {
			return 0
		}
		return n.listen(n.localAddr(n.set.hostedPort), opts, true, true, port)
	})
}

func (b *Backend) GetHostedDedicatedServerPort() uint16 { return b.netc().set.hostedPort }

// hostedDevPOP is k_SteamDatagramPOPID_dev ("dev"): the data center outside Valve's.
const hostedDevPOP = 'd'<<16 | 'e'<<8 | 'v'

func (b *Backend) GetHostedDedicatedServerPOPID() uint32 {
	if b.netc().set.hostedPort == 0 {
		return 0
	}
	return hostedDevPOP
}

func (b *Backend) CloseListenSocket(s steam.ListenSocket) bool {
	return inNet(b, func(n *netCore) bool {
		l := n.listeners[s]
		if l != nil {
			l.close(netNow())
		}
		return l != nil
	})
}

func (b *Backend) GetListenSocketAddress(s steam.ListenSocket) (netip.AddrPort, bool) {
	l := inNet(b, func(n *netCore) *netListener { return n.listeners[s] })
	if l == nil {
		return netip.AddrPort{}, false
	}
	return l.ep.local, true
}
