package steam

// MaxTicketLen bounds ticket bytes accepted from the network (Steam's own are about 240 bytes).
const MaxTicketLen = 4096

// MaxPacketLen is the largest datagram handleIncomingPacket accepts (a UDP payload).
const MaxPacketLen = 65507

// AuthBackend is the part of Backend behind the auth, licence, group and compatibility calls.
type AuthBackend interface {
	GetAuthSessionTicket() (AuthTicket, error)
	BeginAuthSession(ticket []byte, steamID SteamID) BeginAuthSessionResult
	EndAuthSession(steamID SteamID)
	CancelAuthTicket(handle uint32)
	UserHasLicenseForApp(steamID SteamID, appID uint32) UserHasLicenseResult
	RequestUserGroupStatus(user, group SteamID) bool
	AssociateWithClan(clan SteamID)
	ComputeNewPlayerCompatibility(player SteamID)
}

// PacketBackend is the part of Backend behind GameSocketShare's packet calls.
type PacketBackend interface {
	HandleIncomingPacket(data []byte, ip uint32, port uint16) bool
	// NextOutgoingPacket copies the next queued datagram into buf and reports its length, 0 when none.
	NextOutgoingPacket(buf []byte) (n int, ip uint32, port uint16)
}

func checkUser(arg string, id SteamID) error {
	if !id.Valid() {
		return argErrorf(arg, "is not a valid Steam ID: %d", uint64(id))
	}
	return nil
}

// GetAuthSessionTicket issues a ticket for a peer to verify with beginAuthSession.
func (s *Server) GetAuthSessionTicket() (t AuthTicket, err error) {
	var berr error
	if err = s.do(func(b Backend) { t, berr = b.GetAuthSessionTicket() }); err != nil {
		return t, err
	}
	return t, berr
}

// PeerTicketIssuer is implemented by a backend that can bind a ticket to the peer that will verify
// it (Steam's SteamNetworkingIdentity); a ticket from one that cannot is valid for any peer.
type PeerTicketIssuer interface {
	GetAuthSessionTicketFor(peer SteamID) (AuthTicket, error)
}

// GetAuthSessionTicketFor issues a ticket for the peer with this Steam ID to verify; 0 means any peer.
func (s *Server) GetAuthSessionTicketFor(peer SteamID) (t AuthTicket, err error) {
	if peer == 0 {
		return s.GetAuthSessionTicket()
	}
	if !peer.Valid() {
		return t, argErrorf("remote_steam_id", "is not a valid Steam ID (0 for any peer): %d", uint64(peer))
	}
	var berr error
	err = s.do(func(b Backend) {
		if issuer, ok := b.(PeerTicketIssuer); ok {
			t, berr = issuer.GetAuthSessionTicketFor(peer)
		} else {
			t, berr = b.GetAuthSessionTicket()
		}
	})
	if err != nil {
		return t, err
	}
	return t, berr
}

// BeginAuthSession starts checking a peer's ticket; the verdict arrives as validate_auth_ticket_response.
func (s *Server) BeginAuthSession(ticket []byte, steamID SteamID) (r BeginAuthSessionResult, err error) {
	if len(ticket) == 0 || len(ticket) > MaxTicketLen {
		return BeginAuthSessionInvalidTicket, s.badTicket("auth_ticket", len(ticket))
	}
	if err := checkUser("steam_id", steamID); err != nil {
		return BeginAuthSessionInvalidTicket, err
	}
	r = BeginAuthSessionInvalidTicket
	err = s.do(func(b Backend) { r = b.BeginAuthSession(ticket, steamID) })
	return r, err
}

func (s *Server) EndAuthSession(steamID SteamID) error {
	if err := checkUser("steam_id", steamID); err != nil {
		return err
	}
	return s.do(func(b Backend) { b.EndAuthSession(steamID) })
}

func (s *Server) CancelAuthTicket(handle int64) error {
	if handle <= 0 || handle > 0xFFFFFFFF {
		return argErrorf("auth_ticket", "must be a ticket id returned by getAuthSessionTicket, got %d", handle)
	}
	return s.do(func(b Backend) { b.CancelAuthTicket(uint32(handle)) })
}

func (s *Server) UserHasLicenseForApp(steamID SteamID, appID int64) (r UserHasLicenseResult, err error) {
	r = UserLicenseNoAuth
	if err := checkUser("steam_id", steamID); err != nil {
		return r, err
	}
	if err := CheckAppID(appID, ""); err != nil {
		return r, err
	}
	err = s.do(func(b Backend) { r = b.UserHasLicenseForApp(steamID, uint32(appID)) })
	return r, err
}

// checkClan accepts the Steam ID of a group (clan), the only kind Steam answers for.
func checkClan(arg string, id SteamID) error {
	if !id.Valid() || id.AccountType() != AccountTypeClan {
		return argErrorf(arg, "is not a group (clan) Steam ID: %d", uint64(id))
	}
	return nil
}

func (s *Server) RequestUserGroupStatus(user, group SteamID) (ok bool, err error) {
	if err := checkUser("steam_id", user); err != nil {
		return false, err
	}
	if err := checkClan("group_id", group); err != nil {
		return false, err
	}
	err = s.do(func(b Backend) { ok = b.RequestUserGroupStatus(user, group) })
	return ok, err
}

func (s *Server) AssociateWithClan(clan SteamID) error {
	if err := checkClan("clan_id", clan); err != nil {
		return err
	}
	return s.do(func(b Backend) { b.AssociateWithClan(clan) })
}

func (s *Server) ComputeNewPlayerCompatibility(player SteamID) error {
	if err := checkUser("steam_id", player); err != nil {
		return err
	}
	return s.do(func(b Backend) { b.ComputeNewPlayerCompatibility(player) })
}

// HandleIncomingPacket gives Steam a datagram that arrived on the shared game socket. What the
// datagram holds is remote input: an empty or oversized one is dropped and counted, never an error,
// as is one that is not Steam's. The address and port come from the game's socket, so a bad one is.
func (s *Server) HandleIncomingPacket(data []byte, ip string, port int64) (ok bool, err error) {
	addr, err := ParseIPv4(ip)
	if err != nil {
		return false, err
	}
	if port <= 0 || port > 0xFFFF {
		return false, argErrorf("port", "must be between 1 and 65535, got %d", port)
	}
	malformed := len(data) == 0 || len(data) > MaxPacketLen
	err = s.do(func(b Backend) {
		if !malformed {
			ok = b.HandleIncomingPacket(data, addr, uint16(port))
		}
	})
	switch {
	case err != nil:
	case malformed:
		s.traffic.Add(TrafficMalformed, 1)
	case !ok:
		s.traffic.Add(TrafficNotForSteam, 1)
	}
	return ok, err
}

// NextOutgoingPacket returns the next datagram to send in GameSocketShare mode; Data is empty when none.
func (s *Server) NextOutgoingPacket(buf []byte) (p OutgoingPacket, err error) {
	err = s.do(func(b Backend) {
		n, ip, port := b.NextOutgoingPacket(buf)
		p = OutgoingPacket{Data: buf[:n], IP: ip, Port: port}
		if q, ok := b.(CallQueuedOutgoing); ok && n == 0 {
			p.StaysEmpty = q.OutgoingQueuedOnlyByCalls()
		}
	})
	return p, err
}
