package offline

// createSocketPair: two connections already Connected to each other, with no handshake and no
// callback, as Steam makes them. Through internal buffers (a "pipe": a send is delivered into the
// other side's queue during the call, whole, never lost), or, with loopback, through two UDP
// sockets on 127.0.0.1 and the whole transport. Closing one side is seen by the other as
// ClosedByPeer, as over the network.

import "github.com/gosteam/godot-steam-server/steam"

func (b *Backend) CreateSocketPair(loopback bool, id1, id2 steam.SteamID) (steam.NetConnection, steam.NetConnection, bool) {
	n := b.netc()
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.live+2 > n.set.maxConnections {
		return 0, 0, false
	}
	now := netNow()
	var a, z *netConn
	if loopback {
		var ok bool
		if a, z, ok = n.udpPair(now); !ok {
			return 0, 0, false
		}
	} else {
		a, z = n.pipeEnd(now), n.pipeEnd(now)
		a.pipe, z.pipe = z, a
	}
	// Connection 1 is identity 1 talking to identity 2: its remote is identity 2.
	a.localIdentity, a.identity = id1, id2
	z.localIdentity, z.identity = id2, id1
	for _, c := range [2]*netConn{a, z} {
		c.start(now)
		c.link.peerID = c.remoteID
		c.state = steam.ConnectionStateConnected
		c.register()
	}
	n.schedule(now + a.link.cfg.keepalive) // the loopback pair's keepalives
	return a.handle, z.handle, true
}

// pipeEnd is one side of an internal pair: no endpoint, no link traffic.
func (n *netCore) pipeEnd(now int64) *netConn {
	n.live++
	return &netConn{core: n, cfg: configSet{}, createdAt: now, userData: -1, virtualPort: -1,
		flags: steam.ConnectionFlagUnencrypted | steam.ConnectionFlagLoopbackBuffers | steam.ConnectionFlagFast}
}

// udpPair is a pair over two loopback sockets.
func (n *netCore) udpPair(now int64) (a, z *netConn, ok bool) {
	epA, err := n.openEndpoint("127.0.0.1:0", nil, true)
	if err != nil {
		return nil, nil, false
	}
	epZ, err := n.openEndpoint("127.0.0.1:0", nil, true)
	if err != nil {
		epA.release()
		return nil, nil, false
	}
	a, z = n.newConn(epA, epZ.local, now), n.newConn(epZ, epA.local, now)
	a.remoteID, z.remoteID = z.localID, a.localID
	a.outbound, z.outbound = true, true
	a.hs.phase, z.hs.phase = hsDone, hsDone
	a.virtualPort, z.virtualPort = -1, -1
	return a, z, true
}

// pipeSend delivers into the other side at once.
func (c *netConn) pipeSend(data []byte, reliable bool, lane uint16) (steam.Result, int64) {
	p := c.pipe
	if int(lane) >= len(c.link.lanes) {
		return steam.ResultInvalidParam, 0
	}
	if !p.roomFor(len(data)) {
		return steam.ResultLimitExceeded, 0
	}
	t := &c.link.lanes[lane]
	num := t.nextMsgNum
	t.nextMsgNum++
	p.deliver(&delivery{lane: lane, reliable: reliable, msgNum: num, data: data})
	return steam.ResultOK, num
}
