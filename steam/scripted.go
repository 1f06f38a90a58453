package steam

import "fmt"

// Scripted is implemented by a backend that lets tests trigger what Steam does on its own: the
// offline backend. The extension's offline* methods reach it; with any other backend they are refused.
type Scripted interface {
	// ScriptIssueTicket issues a ticket as the player's own Steam client would, for appID (0: the
	// server's app), without queueing anything.
	ScriptIssueTicket(steamID SteamID, appID uint32) AuthTicket
	ScriptKickClient(steamID SteamID, reason DenyReason)
	ScriptDenyClient(steamID SteamID, reason DenyReason)
	ScriptAuthSessionResponse(steamID SteamID, response AuthSessionResponse) error
	ScriptConnectFailure(result Result, retrying bool)
	ScriptDisconnect(result Result) error
	ScriptPolicyResponse(secure bool)
	ScriptRestartRequest()
}

// scripted runs fn with the backend's Scripted side, or refuses when the backend has none.
func (s *Server) scripted(fn func(Scripted) error) error {
	var err error
	if derr := s.do(func(b Backend) {
		sc, ok := b.(Scripted)
		if !ok {
			err = fmt.Errorf("scripted Steam events exist only with the offline backend; the %s backend gets them from Steam", b.Name())
			return
		}
		err = fn(sc)
	}); derr != nil {
		return derr
	}
	return err
}

func checkDenyReason(v int64) error {
	if v < int64(DenyInvalid) || v > int64(DenySteamOwnerLeftGuestUser) {
		return argErrorf("reason", "must be a DenyReason (0 to %d), got %d", DenySteamOwnerLeftGuestUser, v)
	}
	return nil
}

func checkResult(v int64) error {
	if v < 1 || v > 1<<31-1 {
		return argErrorf("result", "must be an EResult (1 = OK, 2 = Fail, 3 = NoConnection, ...), got %d", v)
	}
	return nil
}

// OfflineIssueTicket issues a ticket as the player steamID's Steam client would, for appID (0: the
// server's app).
func (s *Server) OfflineIssueTicket(steamID SteamID, appID int64) (t AuthTicket, err error) {
	if err := checkUser("steam_id", steamID); err != nil {
		return t, err
	}
	if err := CheckAppID(appID, "the server's app"); err != nil {
		return t, err
	}
	err = s.scripted(func(sc Scripted) error { t = sc.ScriptIssueTicket(steamID, uint32(appID)); return nil })
	return t, err
}

// OfflineKickClient queues client_kick(steam_id, reason).
func (s *Server) OfflineKickClient(steamID SteamID, reason int64) error {
	if err := checkUser("steam_id", steamID); err != nil {
		return err
	}
	if err := checkDenyReason(reason); err != nil {
		return err
	}
	return s.scripted(func(sc Scripted) error { sc.ScriptKickClient(steamID, DenyReason(reason)); return nil })
}

// OfflineDenyClient queues client_denied(steam_id, reason).
func (s *Server) OfflineDenyClient(steamID SteamID, reason int64) error {
	if err := checkUser("steam_id", steamID); err != nil {
		return err
	}
	if err := checkDenyReason(reason); err != nil {
		return err
	}
	return s.scripted(func(sc Scripted) error { sc.ScriptDenyClient(steamID, DenyReason(reason)); return nil })
}

// OfflineAuthSessionResponse queues validate_auth_ticket_response(steam_id, response, steam_id) for an
// existing auth session.
func (s *Server) OfflineAuthSessionResponse(steamID SteamID, response int64) error {
	if err := checkUser("steam_id", steamID); err != nil {
		return err
	}
	if response < int64(AuthSessionOK) || response > int64(AuthSessionNetworkIdentityFailure) {
		return argErrorf("response", "must be an AuthSessionResponse (0 to %d), got %d", AuthSessionNetworkIdentityFailure, response)
	}
	return s.scripted(func(sc Scripted) error { return sc.ScriptAuthSessionResponse(steamID, AuthSessionResponse(response)) })
}

// OfflineConnectFailure queues server_connect_failure(result, retrying).
func (s *Server) OfflineConnectFailure(result int64, retrying bool) error {
	if err := checkResult(result); err != nil {
		return err
	}
	return s.scripted(func(sc Scripted) error { sc.ScriptConnectFailure(Result(result), retrying); return nil })
}

// OfflineDisconnect queues server_disconnected(result) for a logged-on server.
func (s *Server) OfflineDisconnect(result int64) error {
	if err := checkResult(result); err != nil {
		return err
	}
	return s.scripted(func(sc Scripted) error { return sc.ScriptDisconnect(Result(result)) })
}

// OfflinePolicyResponse queues policy_response(secure).
func (s *Server) OfflinePolicyResponse(secure bool) error {
	return s.scripted(func(sc Scripted) error { sc.ScriptPolicyResponse(secure); return nil })
}

// OfflineRequestRestart makes the next wasRestartRequested answer true.
func (s *Server) OfflineRequestRestart() error {
	return s.scripted(func(sc Scripted) error { sc.ScriptRestartRequest(); return nil })
}
