package steam

// ISteamNetworkingSockets, part one: listen sockets, connecting, accepting, closing. Each method
// checks its arguments, forwards to the NetworkingBackend, and reports a handle that names nothing
// as an error beside Steam's own answer (0, false or k_EResultInvalidParam), which is the safe return.

import "net/netip"

// CreateListenSocketIP listens for connectByIPAddress on address ("" or "0.0.0.0:0": any
// interface, a port the system picks). 0 when the socket could not be made.
func (s *Server) CreateListenSocketIP(address string, opts []ConfigOption) (h ListenSocket, err error) {
	local, err := ParseNetAddress("ip_reference", address, true, false)
	if err != nil {
		return 0, err
	}
	if err := checkOptions(opts, ConfigScopeListenSocket); err != nil {
		return 0, err
	}
	err = s.network(func(b NetworkingBackend) { h = b.CreateListenSocketIP(local, opts) })
	return h, err
}

// ConnectByIPAddress starts connecting to a listen socket at address ("ip:port").
func (s *Server) ConnectByIPAddress(address string, opts []ConfigOption) (c NetConnection, err error) {
	remote, err := ParseNetAddress("ip_address_with_port", address, false, true)
	if err != nil {
		return 0, err
	}
	if remote.Addr().IsUnspecified() {
		return 0, argErrorf("ip_address_with_port", "is the unspecified address %s: name the host to connect to", remote)
	}
	if err := checkOptions(opts, ConfigScopeConnection); err != nil {
		return 0, err
	}
	err = s.network(func(b NetworkingBackend) { c = b.ConnectByIPAddress(remote, opts) })
	return c, err
}

// CreateListenSocketP2P listens for connectP2P to this server's identity on a virtual port.
func (s *Server) CreateListenSocketP2P(virtualPort int64, opts []ConfigOption) (h ListenSocket, err error) {
	port, err := checkVirtualPort("virtual_port", virtualPort)
	if err != nil {
		return 0, err
	}
	if err := checkOptions(opts, ConfigScopeListenSocket); err != nil {
		return 0, err
	}
	err = s.network(func(b NetworkingBackend) { h = b.CreateListenSocketP2P(port, opts) })
	return h, err
}

// ConnectP2P starts connecting to the P2P listen socket of remote on a virtual port.
func (s *Server) ConnectP2P(remote SteamID, virtualPort int64, opts []ConfigOption) (c NetConnection, err error) {
	port, err := checkVirtualPort("virtual_port", virtualPort)
	if err != nil {
		return 0, err
	}
	if err := checkRemote("remote_steam_id", remote); err != nil {
		return 0, err
	}
	if err := checkOptions(opts, ConfigScopeConnection); err != nil {
		return 0, err
	}
	err = s.network(func(b NetworkingBackend) { c = b.ConnectP2P(remote, port, opts) })
	return c, err
}

// ConnectToHostedDedicatedServer starts connecting to a hosted dedicated server's listen socket.
func (s *Server) ConnectToHostedDedicatedServer(remote SteamID, virtualPort int64, opts []ConfigOption) (c NetConnection, err error) {
	port, err := checkVirtualPort("virtual_port", virtualPort)
	if err != nil {
		return 0, err
	}
	if err := checkRemote("remote_steam_id", remote); err != nil {
		return 0, err
	}
	if err := checkOptions(opts, ConfigScopeConnection); err != nil {
		return 0, err
	}
	err = s.network(func(b NetworkingBackend) { c = b.ConnectToHostedDedicatedServer(remote, port, opts) })
	return c, err
}

// CreateHostedDedicatedServerListenSocket listens on the UDP port SDR_LISTEN_PORT names; 0 when it
// names none.
func (s *Server) CreateHostedDedicatedServerListenSocket(virtualPort int64, opts []ConfigOption) (h ListenSocket, err error) {
	port, err := checkVirtualPort("virtual_port", virtualPort)
	if err != nil {
		return 0, err
	}
	if err := checkOptions(opts, ConfigScopeListenSocket); err != nil {
		return 0, err
	}
	err = s.network(func(b NetworkingBackend) { h = b.CreateHostedDedicatedServerListenSocket(port, opts) })
	return h, err
}

func (s *Server) GetHostedDedicatedServerPort() (port uint16, err error) {
	err = s.network(func(b NetworkingBackend) { port = b.GetHostedDedicatedServerPort() })
	return port, err
}

func (s *Server) GetHostedDedicatedServerPOPID() (pop uint32, err error) {
	err = s.network(func(b NetworkingBackend) { pop = b.GetHostedDedicatedServerPOPID() })
	return pop, err
}

// AcceptConnection accepts a connection a listen socket reported in ConnectionStatusChanged.
func (s *Server) AcceptConnection(conn int64) (r Result, err error) {
	h, err := checkHandle("connection_handle", conn)
	if err != nil {
		return ResultInvalidParam, err
	}
	err = s.network(func(b NetworkingBackend) { r = b.AcceptConnection(NetConnection(h)) })
	if err == nil && r == ResultInvalidParam {
		err = errUnknownConnection(h)
	}
	return r, err
}

// CloseConnection closes a connection and frees its handle. reason 0 is App_Generic (1000).
func (s *Server) CloseConnection(conn int64, reason int64, debug string, linger bool) (ok bool, err error) {
	h, err := checkHandle("peer", conn)
	if err != nil {
		return false, err
	}
	why, err := checkCloseReason(reason)
	if err != nil {
		return false, err
	}
	if err := checkLen("debug_message", debug, MaxCloseDebugLen); err != nil {
		return false, err
	}
	err = s.network(func(b NetworkingBackend) { ok = b.CloseConnection(NetConnection(h), why, debug, linger) })
	if err == nil && !ok {
		err = errUnknownConnection(h)
	}
	return ok, err
}

// CloseListenSocket closes a listen socket and every connection accepted on it.
func (s *Server) CloseListenSocket(sock int64) (ok bool, err error) {
	h, err := checkHandle("socket", sock)
	if err != nil {
		return false, err
	}
	err = s.network(func(b NetworkingBackend) { ok = b.CloseListenSocket(ListenSocket(h)) })
	if err == nil && !ok {
		err = errUnknownListenSocket(h)
	}
	return ok, err
}

// GetListenSocketAddress is the address a listen socket is bound to; withPort false leaves the port out.
func (s *Server) GetListenSocketAddress(sock int64, withPort bool) (addr string, err error) {
	h, err := checkHandle("socket", sock)
	if err != nil {
		return "", err
	}
	var ap netip.AddrPort
	var ok bool
	err = s.network(func(b NetworkingBackend) { ap, ok = b.GetListenSocketAddress(ListenSocket(h)) })
	if err == nil && !ok {
		return "", errUnknownListenSocket(h)
	}
	return FormatNetAddress(ap, withPort), err
}

// CreateSocketPair makes two connections talking to each other, already connected. loopback sends
// through 127.0.0.1 instead of internal buffers. An identity of 0 is Steam's generic localhost one.
func (s *Server) CreateSocketPair(loopback bool, id1, id2 SteamID) (c1, c2 NetConnection, ok bool, err error) {
	for i, id := range [2]SteamID{id1, id2} {
		if id != 0 && !id.Valid() {
			return 0, 0, false, argErrorf([2]string{"remote_steam_id1", "remote_steam_id2"}[i], "must be 0 or a valid Steam ID, got %d", uint64(id))
		}
	}
	err = s.network(func(b NetworkingBackend) { c1, c2, ok = b.CreateSocketPair(loopback, id1, id2) })
	return c1, c2, ok, err
}

// GetIdentity is the identity the sockets interface presents to peers.
func (s *Server) GetIdentity() (id SteamID, ok bool, err error) {
	err = s.network(func(b NetworkingBackend) { id, ok = b.GetIdentity() })
	return id, ok, err
}

// ResetIdentity replaces the interface's identity and closes every open connection (see the
// offline backend's docs/networking.md for what it does there); 0 means none.
func (s *Server) ResetIdentity(id SteamID) error {
	if id != 0 && !id.Valid() {
		return argErrorf("remote_steam_id", "must be 0 or a valid Steam ID, got %d", uint64(id))
	}
	return s.network(func(b NetworkingBackend) { b.ResetIdentity(id) })
}

func (s *Server) InitAuthentication() (a NetworkingAvailability, err error) {
	err = s.network(func(b NetworkingBackend) { a = b.InitAuthentication() })
	return a, err
}

func (s *Server) GetAuthenticationStatus() (a NetworkingAvailability, debug string, err error) {
	err = s.network(func(b NetworkingBackend) { a, debug = b.GetAuthenticationStatus() })
	return a, debug, err
}

// RunNetworkingCallbacks is ISteamNetworkingSockets::RunCallbacks.
func (s *Server) RunNetworkingCallbacks() error {
	return s.network(func(b NetworkingBackend) { b.RunCallbacks() })
}
