package steam

import (
	"fmt"
	"strings"
)

// Player connections: the deprecated ISteamGameServer calls GodotSteam Server exposes for servers
// that keep Steam's player list (server browsers' player lists) up to date.

// PlayerBackend is the part of Backend behind the player connection calls. An error means the call
// did nothing, and says why.
type PlayerBackend interface {
	SendUserConnectAndAuthenticate(ip uint32, blob []byte, steamID SteamID) (bool, error)
	CreateUnauthenticatedUserConnection() (SteamID, error)
	SendUserDisconnect(steamID SteamID) error
	UpdateUserData(steamID SteamID, name string, score uint32) (bool, error)
}

// SendUserConnectAndAuthenticate checks a connecting client's auth blob (a ticket, as beginAuthSession
// takes) and adds the client to the server's player list. It reports whether the blob passed the
// basic checks; the decision arrives as client_approved or client_denied.
func (s *Server) SendUserConnectAndAuthenticate(ipClient int64, blob []byte, steamID SteamID) (ok bool, err error) {
	if ipClient < 0 || ipClient > 0xFFFFFFFF {
		return false, argErrorf("ip_client", "must be an IPv4 address as a 32-bit number (0 to 4294967295), got %d", ipClient)
	}
	if len(blob) == 0 || len(blob) > MaxTicketLen {
		return false, s.badTicket("auth_blob", len(blob))
	}
	if err := checkUser("steam_id", steamID); err != nil {
		return false, err
	}
	var berr error
	if err := s.do(func(b Backend) { ok, berr = b.SendUserConnectAndAuthenticate(uint32(ipClient), blob, steamID) }); err != nil {
		return false, err
	}
	return ok, berr
}

// CreateUnauthenticatedUserConnection adds a bot to the player list and returns its Steam ID.
func (s *Server) CreateUnauthenticatedUserConnection() (id SteamID, err error) {
	var berr error
	if err := s.do(func(b Backend) { id, berr = b.CreateUnauthenticatedUserConnection() }); err != nil {
		return 0, err
	}
	if berr != nil {
		return 0, berr
	}
	return id, nil
}

// SendUserDisconnect removes a user from the player list.
func (s *Server) SendUserDisconnect(steamID SteamID) error {
	if err := checkUser("steam_id", steamID); err != nil {
		return err
	}
	var berr error
	if err := s.do(func(b Backend) { berr = b.SendUserDisconnect(steamID) }); err != nil {
		return err
	}
	return berr
}

// UpdateUserData sets the name and score server browsers show for a connected user. score is Steam's
// unsigned 32-bit score; negative values down to -2147483648 are taken as the same 32 bits, which is
// how A2S_PLAYER shows them again. It reports false for a user who is not connected.
func (s *Server) UpdateUserData(steamID SteamID, name string, score int64) (ok bool, err error) {
	if err := checkUser("steam_id", steamID); err != nil {
		return false, err
	}
	if err := checkLen("name", name, MaxPlayerNameLen); err != nil {
		return false, err
	}
	if strings.ContainsRune(name, 0) {
		return false, argErrorf("name", "must not contain NUL characters")
	}
	if score < -1<<31 || score > 0xFFFFFFFF {
		return false, argErrorf("score", "must be between -2147483648 and 4294967295 (32 bits), got %d", score)
	}
	var berr error
	if err := s.do(func(b Backend) { ok, berr = b.UpdateUserData(steamID, name, uint32(score)) }); err != nil {
		return false, err
	}
	return ok, berr
}

// ErrTooManyUsers is what a backend reports when its player list is full.
var ErrTooManyUsers = fmt.Errorf("already %d users connected: call sendUserDisconnect first", MaxConnectedUsers)
