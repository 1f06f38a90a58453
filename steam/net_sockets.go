package steam

// ISteamNetworkingSockets, part one: listen sockets, connecting, accepting, closing, identity.
// Each method checks its arguments, forwards to the NetworkingBackend, and reports a handle that
// names nothing as an error beside Steam's own answer (0, false or k_EResultInvalidParam), which
// is the safe return.

import "net/netip"

// CreateListenSocketIP listens for connectByIPAddress on address ("" or "0.0.0.0:0": any
// interface, a port the system picks). 0 when the socket could not be made.
func (s *Server) CreateListenSocketIP(address string, opts []ConfigOption) (ListenSocket, error) {
	local, err := ParseNetAddress("ip_reference", address, true, false)
	if err != nil {
		return 0, err
	}
	if err := checkOptions(opts, ConfigScopeListenSocket); err != nil {
		return 0, err
	}
	return netGet(s, 0, func(b NetworkingBackend) ListenSocket { return b.CreateListenSocketIP(local, opts) })
}

// ConnectByIPAddress starts connecting to a listen socket at address ("ip:port").
func (s *Server) ConnectByIPAddress(address string, opts []ConfigOption) (NetConnection, error) {
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
	return netGet(s, 0, func(b NetworkingBackend) NetConnection { return b.ConnectByIPAddress(remote, opts) })
}

// CreateListenSocketP2P listens for connectP2P to this server's identity on a virtual port.
func (s *Server) CreateListenSocketP2P(virtualPort int64, opts []ConfigOption) (ListenSocket, error) {
	return portCall(s, virtualPort, nil, opts, ConfigScopeListenSocket, func(b NetworkingBackend, port int32) ListenSocket {
		return b.CreateListenSocketP2P(port, opts)
	})
}

// ConnectP2P starts connecting to the P2P listen socket of remote on a virtual port.
func (s *Server) ConnectP2P(remote SteamID, virtualPort int64, opts []ConfigOption) (NetConnection, error) {
	return portCall(s, virtualPort, &remote, opts, ConfigScopeConnection, func(b NetworkingBackend, port int32) NetConnection {
		return b.ConnectP2P(remote, port, opts)
	})
}

// ConnectToHostedDedicatedServer starts connecting to a hosted dedicated server's listen socket.
func (s *Server) ConnectToHostedDedicatedServer(remote SteamID, virtualPort int64, opts []ConfigOption) (NetConnection, error) {
	return portCall(s, virtualPort, &remote, opts, ConfigScopeConnection, func(b NetworkingBackend, port int32) NetConnection {
		return b.ConnectToHostedDedicatedServer(remote, port, opts)
	})
}

// CreateHostedDedicatedServerListenSocket listens on the UDP port SDR_LISTEN_PORT names; 0 when it
// names none.
func (s *Server) CreateHostedDedicatedServerListenSocket(virtualPort int64, opts []ConfigOption) (ListenSocket, error) {
	return portCall(s, virtualPort, nil, opts, ConfigScopeListenSocket, func(b NetworkingBackend, port int32) ListenSocket {
		return b.CreateHostedDedicatedServerListenSocket(port, opts)
	})
}

func (s *Server) GetHostedDedicatedServerPort() (uint16, error) {
	return netGet(s, 0, NetworkingBackend.GetHostedDedicatedServerPort)
}

func (s *Server) GetHostedDedicatedServerPOPID() (uint32, error) {
	return netGet(s, 0, NetworkingBackend.GetHostedDedicatedServerPOPID)
}

// AcceptConnection accepts a connection a listen socket reported in ConnectionStatusChanged.
func (s *Server) AcceptConnection(conn int64) (Result, error) {
	return connCall(s, "connection_handle", conn, ResultInvalidParam, func(b NetworkingBackend, c NetConnection) (Result, bool) {
		r := b.AcceptConnection(c)
		return r, r != ResultInvalidParam
	})
}

// CloseConnection closes a connection and frees its handle. reason 0 is App_Generic (1000).
func (s *Server) CloseConnection(conn int64, reason int64, debug string, linger bool) (bool, error) {
	why, err := checkCloseReason(reason)
	if err != nil {
		return false, err
	}
	if err := checkLen("debug_message", debug, MaxCloseDebugLen); err != nil {
		return false, err
	}
	return connCall(s, "peer", conn, false, func(b NetworkingBackend, c NetConnection) (bool, bool) {
		ok := b.CloseConnection(c, why, debug, linger)
		return ok, ok
	})
}

// CloseListenSocket closes a listen socket and every connection accepted on it.
func (s *Server) CloseListenSocket(sock int64) (bool, error) {
	return handleCall(s, "socket", sock, false, errUnknownListenSocket, func(b NetworkingBackend, h uint32) (bool, bool) {
		ok := b.CloseListenSocket(ListenSocket(h))
		return ok, ok
	})
}

// GetListenSocketAddress is the address a listen socket is bound to; withPort false leaves the port out.
func (s *Server) GetListenSocketAddress(sock int64, withPort bool) (string, error) {
	ap, err := handleCall(s, "socket", sock, netip.AddrPort{}, errUnknownListenSocket, func(b NetworkingBackend, h uint32) (netip.AddrPort, bool) {
		return b.GetListenSocketAddress(ListenSocket(h))
	})
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

// ResetIdentity replaces the interface's identity and closes every open connection (see
// docs/networking.md for what it does offline); 0 means none.
func (s *Server) ResetIdentity(id SteamID) error {
	if id != 0 && !id.Valid() {
		return argErrorf("remote_steam_id", "must be 0 or a valid Steam ID, got %d", uint64(id))
	}
	return s.network(func(b NetworkingBackend) { b.ResetIdentity(id) })
}

func (s *Server) InitAuthentication() (NetworkingAvailability, error) {
	return netGet(s, AvailabilityUnknown, NetworkingBackend.InitAuthentication)
}

func (s *Server) GetAuthenticationStatus() (a NetworkingAvailability, debug string, err error) {
	err = s.network(func(b NetworkingBackend) { a, debug = b.GetAuthenticationStatus() })
	return a, debug, err
}

// RunNetworkingCallbacks is ISteamNetworkingSockets::RunCallbacks.
func (s *Server) RunNetworkingCallbacks() error {
	return s.network(NetworkingBackend.RunCallbacks)
}
