package offline

// Player connections through the deprecated ISteamGameServer calls GodotSteam Server exposes:
// SendUserConnectAndAuthenticate, CreateUnauthenticatedUserConnection, SendUserDisconnect and
// BUpdateUserData. The backend keeps the list of connected users, which server browsers see through
// A2S_PLAYER (Players).
//
// SendUserConnectAndAuthenticate checks the blob as BeginAuthSession checks a ticket. What
// BeginAuthSession refuses at once (a forged, truncated or unknown-version ticket, another app's, one
// naming another Steam ID, an expired one) makes it return false with no signal, as does a user who is
// already connected. Otherwise it returns true and queues ClientApproved, or ClientDenied with the
// reason below when BeginAuthSession's verdict would not be OK or the data file denies the user:
//
//	verdict AuthTicketInvalidAlreadyUsed  -> DenyLoggedInElseWhere (6)
//	verdict AuthTicketCanceled            -> DenyNotLoggedOn (3)
//	verdict VACBanned                     -> DenyCheater (5)
//	verdict PublisherIssuedBan            -> DenyGeneric (2)
//	verdict NoLicenseOrExpired            -> DenyNoLicense (4)
//	"denied" in the data file             -> the reason given there
//
// An approved user is authenticated for UserHasLicenseForApp until SendUserDisconnect. A denied one is
// not added to the list.

import (
	"time"

	"github.com/gosteam/godot-steam-server/steam"
)

// connection is one user in the list.
type connection struct {
	steam.Player // Duration unused: computed from connected
	ip           uint32
	connected    time.Time
}

// playerList keeps the connected users in connection order.
type playerList struct {
	order []*connection
	byID  map[steam.SteamID]*connection
}

func (l *playerList) reset() {
	l.order = nil
	l.byID = map[steam.SteamID]*connection{}
}

func (l *playerList) add(c *connection) {
	l.order = append(l.order, c)
	l.byID[c.SteamID] = c
}

// remove reports whether the user was in the list.
func (l *playerList) remove(id steam.SteamID) bool {
	if _, ok := l.byID[id]; !ok {
		return false
	}
	delete(l.byID, id)
	for i, c := range l.order {
		if c.SteamID == id {
			l.order = append(l.order[:i], l.order[i+1:]...)
			break
		}
	}
	return true
}

// denyFor maps a failing auth verdict to the client_denied reason (see the file comment).
func denyFor(v steam.AuthSessionResponse) steam.DenyReason {
	switch v {
	case steam.AuthSessionAuthTicketInvalidAlreadyUsed:
		return steam.DenyLoggedInElseWhere
	case steam.AuthSessionAuthTicketCanceled:
		return steam.DenyNotLoggedOn
	case steam.AuthSessionVACBanned:
		return steam.DenyCheater
	case steam.AuthSessionNoLicenseOrExpired:
		return steam.DenyNoLicense
	}
	return steam.DenyGeneric
}

// SendUserConnectAndAuthenticate checks a connecting client's ticket (see the file comment).
func (b *Backend) SendUserConnectAndAuthenticate(ip uint32, blob []byte, steamID steam.SteamID) (bool, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	t, r := b.checkTicket(blob, steamID)
	if r != steam.BeginAuthSessionOK {
		return false, nil
	}
	if _, connected := b.players.byID[steamID]; connected {
		return false, nil
	}
	if len(b.players.order) >= steam.MaxConnectedUsers {
		return false, steam.ErrTooManyUsers
	}
	if v := b.verdict(t, steamID); v != steam.AuthSessionOK {
		b.push(steam.ClientDenied{SteamID: steamID, Reason: denyFor(v)})
		return true, nil
	}
	if reason, denied := b.data.Denied[steamID]; denied {
		b.push(steam.ClientDenied{SteamID: steamID, Reason: reason})
		return true, nil
	}
	b.players.add(&connection{
		Player:    steam.Player{SteamID: steamID, Name: b.data.Users[steamID].Name},
		ip:        ip,
		connected: b.opts.Clock(),
	})
	b.playersChanged()
	b.push(steam.ClientApproved{SteamID: steamID, OwnerID: steamID})
	return true, nil
}

// CreateUnauthenticatedUserConnection adds a bot to the list and returns its new Steam ID: universe 1,
// account type 10 (AnonUser), instance 0, a random non-zero account ID. It fails when
// steam.MaxConnectedUsers users are connected.
func (b *Backend) CreateUnauthenticatedUserConnection() (steam.SteamID, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.players.order) >= steam.MaxConnectedUsers {
		return 0, steam.ErrTooManyUsers
	}
	for {
		id := steam.NewSteamID(steam.UniversePublic, steam.AccountTypeAnonUser, 0, randomAccountID())
		if _, taken := b.players.byID[id]; taken {
			continue
		}
		b.players.add(&connection{Player: steam.Player{SteamID: id, Bot: true}, connected: b.opts.Clock()})
		b.playersChanged()
		return id, nil
	}
}

// SendUserDisconnect removes a user from the list (and ends what SendUserConnectAndAuthenticate
// authenticated). Unknown users are ignored; nothing is queued.
func (b *Backend) SendUserDisconnect(steamID steam.SteamID) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.players.remove(steamID) {
		b.playersChanged()
	}
	b.statsUnloaded(steamID)
	return nil
}

// UpdateUserData sets a connected user's name and score as server browsers show them. It reports
// false for a user who is not connected.
func (b *Backend) UpdateUserData(steamID steam.SteamID, name string, score uint32) (bool, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	c, ok := b.players.byID[steamID]
	if !ok {
		return false, nil
	}
	c.Name, c.Score = name, int32(score)
	b.playersChanged()
	return true, nil
}

// Players lists the connected users in connection order, for A2S_PLAYER. It takes the backend's lock:
// code that already holds it (HandleIncomingPacket's responder) calls playersLocked instead.
func (b *Backend) Players() []steam.Player {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.playersLocked()
}

// playersChanged hands the new list to the query responder, when there is one. Called with b.mu held.
func (b *Backend) playersChanged() {
	if b.a2s != nil {
		b.publishPlayers(b.playersLocked())
	}
}

// playersLocked is Players for a caller holding b.mu.
func (b *Backend) playersLocked() []steam.Player {
	now := b.opts.Clock()
	out := make([]steam.Player, len(b.players.order))
	for i, c := range b.players.order {
		out[i] = c.Player
		if d := now.Sub(c.connected); d > 0 {
			out[i].Duration = d
		}
	}
	return out
}
