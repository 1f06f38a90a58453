package offline

// Configuration values offline: each scope keeps the values set on it, and a connection's
// effective value is the first set of: the connection, its listen socket, the sockets interface,
// the global scope, else the row's default (steam.NetConfigRows). Which values change what the
// transport does is the rows' Offline column; the others are kept and read back.

import "github.com/gosteam/godot-steam-server/steam"

type configSet map[steam.NetConfigValue]steam.ConfigOption

// netConfigStore is the global and interface scopes of one server.
type netConfigStore struct {
	global, iface configSet
}

func (s *netConfigStore) init() { s.global, s.iface = configSet{}, configSet{} }

func (s *netConfigStore) globalFloat(v steam.NetConfigValue) float32 {
	if o, ok := s.global[v]; ok {
		return o.Float
	}
	return 0
}

// configChain is where a connection (or listen socket) looks a value up, most specific first.
type configChain [3]configSet

func (n *netCore) chainFor(c *netConn) configChain {
	var ch configChain
	if c != nil {
		ch[0] = c.cfg
		if c.listener != nil {
			ch[1] = c.listener.cfg
		}
	}
	ch[2] = n.config.iface
	return ch
}

// lookup returns the effective value and whether it was set on the first set of the chain.
func (n *netCore) lookup(ch configChain, v steam.NetConfigValue) (steam.ConfigOption, bool) {
	for i, set := range ch {
		if o, ok := set[v]; ok {
			return o, i == 0
		}
	}
	if o, ok := n.config.global[v]; ok {
		return o, false
	}
	row, _ := steam.NetConfigRowOf(v)
	return row.Default, false
}

func (n *netCore) configInt(c *netConn, v steam.NetConfigValue) int64 {
	o, _ := n.lookup(n.chainFor(c), v)
	return o.Int
}

// linkConfigFor is what a connection's link is given.
func (n *netCore) linkConfigFor(c *netConn) linkConfig {
	return linkConfig{
		mtu:            int(n.configInt(c, steam.ConfigMTUPacketSize)),
		nagle:          n.configInt(c, steam.ConfigNagleTime),
		sendBuffer:     int(n.configInt(c, steam.ConfigSendBufferSize)),
		recvMaxMessage: int(n.configInt(c, steam.ConfigRecvMaxMessageSize)),
		maxSegments:    int(n.configInt(c, steam.ConfigRecvMaxSegmentsPerPacket)),
		channels:       c.svc != serviceSockets,
		keepalive:      min(keepaliveIdle, max(n.configInt(c, steam.ConfigTimeoutConnected)*1000/3, 10_000)),
	}
}

// applyOptions stores a create or connect call's options on set (the front checked them).
func applyOptions(set configSet, opts []steam.ConfigOption) {
	for _, o := range opts {
		if o.Type == steam.ConfigTypeInt32 {
			if row, _ := steam.NetConfigRowOf(o.Value); row.Type == steam.ConfigTypeInt64 {
				o.Type = steam.ConfigTypeInt64
			}
		}
		set[o.Value] = o
	}
}

// SetConfigValue sets a value at a scope; obj names the connection or listen socket.
func (b *Backend) SetConfigValue(opt steam.ConfigOption, scope steam.NetConfigScope, obj int64) bool {
	n := b.netc()
	n.mu.Lock()
	defer n.mu.Unlock()
	set := n.configScope(scope, obj)
	if set == nil {
		return false
	}
	applyOptions(set, []steam.ConfigOption{opt})
	if scope == steam.ConfigScopeConnection {
		c := n.conns[steam.NetConnection(obj)]
		c.configChanged(opt.Value)
	}
	return true
}

// configScope is the set a scope and handle name, nil when the handle names nothing.
func (n *netCore) configScope(scope steam.NetConfigScope, obj int64) configSet {
	switch scope {
	case steam.ConfigScopeGlobal:
		return n.config.global
	case steam.ConfigScopeSocketsInterface:
		return n.config.iface
	case steam.ConfigScopeListenSocket:
		if l := n.listeners[steam.ListenSocket(obj)]; l != nil {
			return l.cfg
		}
	case steam.ConfigScopeConnection:
		if c := n.conns[steam.NetConnection(obj)]; c != nil {
			return c.cfg
		}
	}
	return nil
}

// GetConfigValue reads a value at a scope: OK when set there, OKInherited when it comes from a
// wider scope or the default.
func (b *Backend) GetConfigValue(v steam.NetConfigValue, scope steam.NetConfigScope, obj int64) (steam.ConfigOption, steam.NetConfigGetResult) {
	n := b.netc()
	n.mu.Lock()
	defer n.mu.Unlock()
	row, ok := steam.NetConfigRowOf(v)
	if !ok {
		return steam.ConfigOption{}, steam.ConfigGetBadValue
	}
	if row.Scope == steam.ConfigScopeGlobal && scope != steam.ConfigScopeGlobal {
		return steam.ConfigOption{}, steam.ConfigGetBadValue
	}
	var ch configChain
	switch scope {
	case steam.ConfigScopeGlobal:
		if o, ok := n.config.global[v]; ok {
			return o, steam.ConfigGetOK
		}
		return row.Default, steam.ConfigGetOKInherited
	case steam.ConfigScopeSocketsInterface:
		ch = configChain{n.config.iface}
	case steam.ConfigScopeListenSocket:
		l := n.listeners[steam.ListenSocket(obj)]
		if l == nil {
			return steam.ConfigOption{}, steam.ConfigGetBadScopeObj
		}
		if v == steam.ConfigLocalVirtualPort && l.p2p {
			return steam.ConfigOption{Value: v, Type: steam.ConfigTypeInt32, Int: int64(l.virtualPort)}, steam.ConfigGetOK
		}
		ch = configChain{l.cfg, n.config.iface}
	case steam.ConfigScopeConnection:
		c := n.conns[steam.NetConnection(obj)]
		if c == nil {
			return steam.ConfigOption{}, steam.ConfigGetBadScopeObj
		}
		if v == steam.ConfigMTUDataSize {
			return steam.ConfigOption{Value: v, Type: steam.ConfigTypeInt32, Int: int64(c.link.fragMax())}, steam.ConfigGetOK
		}
		if v == steam.ConfigConnectionUserData {
			return steam.ConfigOption{Value: v, Type: steam.ConfigTypeInt64, Int: c.userData}, steam.ConfigGetOK
		}
		ch = n.chainFor(c)
	}
	o, here := n.lookup(ch, v)
	if here {
		return o, steam.ConfigGetOK
	}
	return o, steam.ConfigGetOKInherited
}

// GetConfigValueInfo answers from the rows.
func (b *Backend) GetConfigValueInfo(v steam.NetConfigValue) (string, steam.NetConfigDataType, steam.NetConfigScope, bool) {
	row, ok := steam.NetConfigRowOf(v)
	if !ok {
		return "", 0, 0, false
	}
	return row.Name, row.Type, row.Scope, true
}
