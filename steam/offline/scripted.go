package offline

// Scripted events (steam.Scripted): what Steam does on its own, triggered by a game's tests through
// the extension's offline* methods. Each queues exactly the event Steam would deliver.

import (
	"errors"

	"github.com/gosteam/godot-steam-server/steam"
)

var _ steam.Scripted = (*Backend)(nil)

// ScriptIssueTicket issues a ticket as the player's Steam client would (see IssueTicketForApp).
func (b *Backend) ScriptIssueTicket(steamID steam.SteamID, appID uint32) steam.AuthTicket {
	return b.IssueTicketForApp(steamID, appID)
}

// ScriptKickClient queues ClientKick: Steam asks the server to kick the user. The user stays in the
// player list until the game calls SendUserDisconnect, as with Steam.
func (b *Backend) ScriptKickClient(steamID steam.SteamID, reason steam.DenyReason) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.push(steam.ClientKick{SteamID: steamID, Reason: reason})
}

// ScriptDenyClient queues ClientDenied, as when Steam denies a user after approving them.
func (b *Backend) ScriptDenyClient(steamID steam.SteamID, reason steam.DenyReason) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.push(steam.ClientDenied{SteamID: steamID, Reason: reason})
}

// ScriptAuthSessionResponse queues ValidateAuthTicketResponse for an existing auth session, as when
// Steam reports later that the user left Steam or was banned. A response other than OK ends the
// session's validation (no licences); OK validates it.
func (b *Backend) ScriptAuthSessionResponse(steamID steam.SteamID, response steam.AuthSessionResponse) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	s, ok := b.auth.sessions[steamID]
	if !ok {
		return errors.New("steam_id has no auth session: call beginAuthSession first")
	}
	s.status = sessionFailed
	if response == steam.AuthSessionOK {
		s.status = sessionValidated
	}
	b.push(steam.ValidateAuthTicketResponse{SteamID: steamID, Response: response, OwnerID: steamID})
	return nil
}

// ScriptConnectFailure queues ServerConnectFailure; a log-on still connecting fails, and a logged-on
// server is logged off by it (no ServerDisconnected: script that first with ScriptDisconnect for the
// full sequence). logOn or logOnAnonymous log on again.
func (b *Backend) ScriptConnectFailure(result steam.Result, retrying bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.loggedOn, b.connecting = false, false
	b.publishQueries(fieldIdentity)
	b.push(steam.ServerConnectFailure{Result: result, Retrying: retrying})
}

// ScriptDisconnect queues ServerDisconnected and logs the server off, as when Steam drops the
// connection. It is refused when the server is not logged on.
func (b *Backend) ScriptDisconnect(result steam.Result) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.loggedOn {
		return errors.New("the server is not logged on: call logOn or logOnAnonymous first")
	}
	b.loggedOn = false
	b.publishQueries(fieldIdentity)
	b.push(steam.ServerDisconnected{Result: result})
	return nil
}

// ScriptPolicyResponse queues PolicyResponse; while logged on, Secure reports secure until the next
// log-on.
func (b *Backend) ScriptPolicyResponse(secure bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.policySecure = secure
	b.publishQueries(fieldIdentity)
	b.push(steam.PolicyResponse{Secure: secure})
}

// ScriptRestartRequest makes the next WasRestartRequested report true.
func (b *Backend) ScriptRestartRequest() { b.RequestRestart() }
