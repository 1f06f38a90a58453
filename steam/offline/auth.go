package offline

// Offline auth tickets.
//
// A ticket is authenticated with HMAC-SHA256 under the realm key (realm.go), so every process of a
// realm accepts the others' tickets and nothing outside it can forge one. Layout of version 2
// (81 bytes, integers little-endian):
//
//	0   version       1 byte, ticketVersion
//	1   issuer        uint64 Steam ID of whoever will present the ticket
//	9   app ID        uint32
//	13  handle        uint32 HAuthTicket the issuer got (meaningful to the issuing process only)
//	17  issued        int64 Unix milliseconds
//	25  expires       int64 Unix milliseconds
//	33  ticket ID     16 random bytes; they identify the ticket (reuse, cancellation)
//	49  MAC           32 bytes, HMAC-SHA256(key, macContext || bytes 0..48)
//
// BeginAuthSession checks, in this order: version byte (InvalidVersion), length and MAC
// (InvalidTicket), app (GameMismatch), issuer == steam_id (InvalidTicket), expiry (ExpiredTicket),
// an existing session for steam_id (DuplicateRequest). Past those it returns OK and starts a session;
// the verdict comes as ValidateAuthTicketResponse, as with Steam, the first that applies of:
// AuthTicketInvalidAlreadyUsed (the ticket was presented before, in this realm), AuthTicketCanceled,
// VACBanned, PublisherIssuedBan (data file), NoLicenseOrExpired (the user does not own the server's
// app), else OK. A session that got a failing verdict still exists (no licence, not validated) until
// EndAuthSession, so the game ends it as it would with Steam. OwnerID is always the player's own ID
// (no family sharing offline).
//
// Replays and cancellations are kept in the realm's journal (journal.go).

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"sync/atomic"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
)

const (
	ticketVersion = 2
	ticketBodyLen = 49
	ticketLen     = ticketBodyLen + sha256.Size
	macContext    = "gosteam offline auth ticket\x00"
	// pollEvery is how often sessions look for cancellations made by other servers of the realm.
	pollEvery = time.Second
)

type ticketID [16]byte

// ticket is the content of a version-2 ticket.
type ticket struct {
	issuer  steam.SteamID
	appID   uint32
	handle  uint32
	issued  time.Time
	expires time.Time
	id      ticketID
}

func ticketMAC(key, body []byte) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(macContext))
	m.Write(body)
	return m.Sum(nil)
}

func (t ticket) encode(key []byte) []byte {
	buf := make([]byte, ticketBodyLen, ticketLen)
	buf[0] = ticketVersion
	binary.LittleEndian.PutUint64(buf[1:], uint64(t.issuer))
	binary.LittleEndian.PutUint32(buf[9:], t.appID)
	binary.LittleEndian.PutUint32(buf[13:], t.handle)
	binary.LittleEndian.PutUint64(buf[17:], uint64(t.issued.UnixMilli()))
	binary.LittleEndian.PutUint64(buf[25:], uint64(t.expires.UnixMilli()))
	copy(buf[33:49], t.id[:])
	return append(buf, ticketMAC(key, buf)...)
}

// decodeTicket checks the version, length and MAC.
func decodeTicket(key, b []byte) (ticket, steam.BeginAuthSessionResult) {
	if len(b) == 0 {
		return ticket{}, steam.BeginAuthSessionInvalidTicket
	}
	if b[0] != ticketVersion {
		return ticket{}, steam.BeginAuthSessionInvalidVersion
	}
	if len(b) != ticketLen || !hmac.Equal(b[ticketBodyLen:], ticketMAC(key, b[:ticketBodyLen])) {
		return ticket{}, steam.BeginAuthSessionInvalidTicket
	}
	t := ticket{
		issuer:  steam.SteamID(binary.LittleEndian.Uint64(b[1:])),
		appID:   binary.LittleEndian.Uint32(b[9:]),
		handle:  binary.LittleEndian.Uint32(b[13:]),
		issued:  time.UnixMilli(int64(binary.LittleEndian.Uint64(b[17:]))),
		expires: time.UnixMilli(int64(binary.LittleEndian.Uint64(b[25:]))),
	}
	copy(t.id[:], b[33:49])
	return t, steam.BeginAuthSessionOK
}

type sessionStatus int

const (
	sessionValidated sessionStatus = iota
	sessionFailed                  // the verdict was not OK, or the ticket was canceled later
)

type session struct {
	ticket ticketID
	status sessionStatus
}

// authRegistry is the per-backend auth state; used and canceled tickets live in the realm's journal.
type authRegistry struct {
	issued   map[uint32]ticket // tickets this backend issued, by handle, until canceled or old
	sessions map[steam.SteamID]*session
	lastPoll time.Time
}

func (r *authRegistry) reset() {
	r.issued = map[uint32]ticket{}
	r.sessions = map[steam.SteamID]*session{}
	r.lastPoll = time.Time{}
}

// lastHandle is the last ticket handle given out in this process. Steam's handles are per process,
// so a server that is shut down and started again never hands out a handle twice.
var lastHandle atomic.Uint32

func nextHandle() uint32 {
	for {
		if h := lastHandle.Add(1); h != 0 { // 0 is k_HAuthTicketInvalid
			return h
		}
	}
}

func (r *authRegistry) issue(issuer steam.SteamID, appID uint32, now time.Time, lifetime time.Duration) ticket {
	t := ticket{issuer: issuer, appID: appID, handle: nextHandle(), issued: now, expires: now.Add(lifetime)}
	_, _ = rand.Read(t.id[:])
	r.issued[t.handle] = t
	return t
}

// prune forgets issued tickets that can no longer pass the expiry check. A ticket held by one of this
// backend's sessions stays known so that canceling it still reaches the session.
func (r *authRegistry) prune(now time.Time) {
	held := make(map[ticketID]bool, len(r.sessions))
	for _, s := range r.sessions {
		held[s.ticket] = true
	}
	for h, t := range r.issued {
		if !now.Before(t.expires) && !held[t.id] {
			delete(r.issued, h)
		}
	}
}

// GetAuthSessionTicket issues a ticket whose issuer is this server, for a peer to verify, and queues
// GetAuthSessionTicketResponse at once (there is no Steam to wait for).
func (b *Backend) GetAuthSessionTicket() (steam.AuthTicket, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	t := b.auth.issue(b.steamID, b.effectiveAppID(), b.opts.Clock(), b.opts.TicketLifetime)
	b.push(steam.GetAuthSessionTicketResponse{Ticket: t.handle, Result: steam.ResultOK})
	return steam.AuthTicket{Handle: t.handle, Bytes: t.encode(b.realm.key)}, nil
}

// IssueTicket issues a ticket as the player issuer would get from their own Steam client, for this
// server's app, without queueing any event. Tests use it to play the client side. Its handle comes from
// the same counter as GetAuthSessionTicket's, and CancelAuthTicket(handle) cancels it as if the player
// had canceled it. Before Init it returns the zero ticket.
func (b *Backend) IssueTicket(issuer steam.SteamID) steam.AuthTicket {
	return b.IssueTicketForApp(issuer, 0)
}

// IssueTicketForApp is IssueTicket for another app; 0 means the server's app.
func (b *Backend) IssueTicketForApp(issuer steam.SteamID, appID uint32) steam.AuthTicket {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.issueTicket(issuer, appID)
}

func (b *Backend) issueTicket(issuer steam.SteamID, appID uint32) steam.AuthTicket {
	if !b.initialized {
		return steam.AuthTicket{}
	}
	if appID == 0 {
		appID = b.effectiveAppID()
	}
	t := b.auth.issue(issuer, appID, b.opts.Clock(), b.opts.TicketLifetime)
	return steam.AuthTicket{Handle: t.handle, Bytes: t.encode(b.realm.key)}
}

// checkTicket runs the checks BeginAuthSession answers at once (see the file comment), except the
// duplicate session.
func (b *Backend) checkTicket(raw []byte, steamID steam.SteamID) (ticket, steam.BeginAuthSessionResult) {
	t, r := decodeTicket(b.realm.key, raw)
	switch {
	case r != steam.BeginAuthSessionOK:
		return t, r
	case t.appID != b.effectiveAppID():
		return t, steam.BeginAuthSessionGameMismatch
	case t.issuer != steamID:
		return t, steam.BeginAuthSessionInvalidTicket
	case !b.opts.Clock().Before(t.expires):
		return t, steam.BeginAuthSessionExpiredTicket
	}
	return t, steam.BeginAuthSessionOK
}

// verdict records the ticket's use and decides what Steam would report about a ticket that passed
// checkTicket (see the file comment for the order).
func (b *Backend) verdict(t ticket, steamID steam.SteamID) steam.AuthSessionResponse {
	usedBefore := b.realm.journal.use(t.id, t.expires)
	switch {
	case usedBefore:
		return steam.AuthSessionAuthTicketInvalidAlreadyUsed
	case b.realm.journal.isCanceled(t.id):
		return steam.AuthSessionAuthTicketCanceled
	case b.data.VACBanned[steamID]:
		return steam.AuthSessionVACBanned
	case b.data.PublisherBanned[steamID]:
		return steam.AuthSessionPublisherIssuedBan
	case !b.data.Owns(steamID, b.effectiveAppID(), b.effectiveAppID()):
		return steam.AuthSessionNoLicenseOrExpired
	}
	return steam.AuthSessionOK
}

func (b *Backend) BeginAuthSession(raw []byte, steamID steam.SteamID) steam.BeginAuthSessionResult {
	b.mu.Lock()
	defer b.mu.Unlock()
	t, r := b.checkTicket(raw, steamID)
	if r != steam.BeginAuthSessionOK {
		return r
	}
	if _, dup := b.auth.sessions[steamID]; dup {
		return steam.BeginAuthSessionDuplicateRequest
	}
	s := &session{ticket: t.id, status: sessionFailed}
	b.auth.sessions[steamID] = s
	v := b.verdict(t, steamID)
	if v == steam.AuthSessionOK {
		s.status = sessionValidated
	}
	b.push(steam.ValidateAuthTicketResponse{SteamID: steamID, Response: v, OwnerID: steamID})
	return steam.BeginAuthSessionOK
}

// EndAuthSession forgets the session; the ticket stays used.
func (b *Backend) EndAuthSession(steamID steam.SteamID) {
	b.mu.Lock()
	defer b.mu.Unlock()
	delete(b.auth.sessions, steamID)
	b.statsUnloaded(steamID)
}

// CancelAuthTicket cancels a ticket this backend issued (GetAuthSessionTicket or IssueTicket). A
// validated session of this backend holding it gets ValidateAuthTicketResponse{AuthTicketCanceled} at
// once and loses its licences; sessions of other backends of the realm get it at their next RunFrame
// (within pollEvery); a later BeginAuthSession with it is answered AuthTicketCanceled. Unknown handles
// are ignored.
func (b *Backend) CancelAuthTicket(handle uint32) {
	b.mu.Lock()
	defer b.mu.Unlock()
	t, ok := b.auth.issued[handle]
	if !ok {
		return
	}
	delete(b.auth.issued, handle)
	b.realm.journal.cancel(t.id, t.expires, b.opts.Clock())
	b.cancelSessions(func(id ticketID) bool { return id == t.id })
}

// cancelSessions ends the validation of every validated session whose ticket canceled reports.
func (b *Backend) cancelSessions(canceled func(ticketID) bool) {
	for id, s := range b.auth.sessions {
		if s.status == sessionValidated && canceled(s.ticket) {
			s.status = sessionFailed
			b.push(steam.ValidateAuthTicketResponse{SteamID: id, Response: steam.AuthSessionAuthTicketCanceled, OwnerID: id})
		}
	}
}

// authFrame is RunFrame's auth work: pruning, and cancellations made elsewhere in the realm.
func (b *Backend) authFrame(now time.Time) {
	if now.Sub(b.auth.lastPoll) < pollEvery && !b.auth.lastPoll.After(now) {
		return
	}
	b.auth.lastPoll = now
	b.auth.prune(now)
	b.realm.journal.prune(now)
	b.cancelSessions(b.realm.journal.isCanceled)
}

// authenticated reports whether Steam would vouch for the user: a validated auth session, or a
// connection accepted by SendUserConnectAndAuthenticate.
func (b *Backend) authenticated(steamID steam.SteamID) bool {
	if s, ok := b.auth.sessions[steamID]; ok && s.status == sessionValidated {
		return true
	}
	p, ok := b.players.byID[steamID]
	return ok && !p.Bot
}

// UserHasLicenseForApp is NoAuth without authentication; with it, the answer comes from the data
// (by default, everyone owns the server's app and nothing else).
func (b *Backend) UserHasLicenseForApp(steamID steam.SteamID, appID uint32) steam.UserHasLicenseResult {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.authenticated(steamID) {
		return steam.UserLicenseNoAuth
	}
	if b.data.Owns(steamID, appID, b.effectiveAppID()) {
		return steam.UserHasLicense
	}
	return steam.UserDoesNotHaveLicense
}
