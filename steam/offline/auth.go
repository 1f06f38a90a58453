package offline

// First cut of offline auth tickets, kept in this file so it can be replaced by the full scheme.
//
// A ticket is authenticated with HMAC-SHA256 under a key drawn once per process, so every offline
// backend in one process (a test that runs a server and "players") accepts the others' tickets, and
// nothing outside the process can forge one. Keys shared between processes (realms) come later.
//
// Layout of version 1 (73 bytes, integers little-endian):
//
//	0   version       1 byte, ticketVersion
//	1   issuer        uint64 Steam ID of whoever will present the ticket
//	9   app ID        uint32
//	13  handle        uint32 HAuthTicket the issuer got
//	17  issued        int64 Unix milliseconds
//	25  nonce         16 random bytes; they identify the ticket (reuse, cancellation)
//	41  MAC           32 bytes, HMAC-SHA256(key, macContext || bytes 0..40)
//
// BeginAuthSession checks, in this order: version byte (InvalidVersion), length and MAC
// (InvalidTicket), app (GameMismatch), issuer == steam_id (InvalidTicket), age (ExpiredTicket),
// an existing session for steam_id (DuplicateRequest). Past those it returns OK and starts a
// session; the verdict comes as ValidateAuthTicketResponse, as with Steam: AuthTicketInvalidAlreadyUsed
// for a ticket this backend has already seen in BeginAuthSession, AuthTicketCanceled for a canceled
// one, else OK. A session that got a failing verdict still exists (no licence, not validated) until
// EndAuthSession, so the game ends it as it would with Steam. OwnerID is always the player's own ID
// (no family sharing offline).
//
// Used and canceled tickets are remembered per backend instance and forgotten at Init, Shutdown, and
// once they are too old to pass the expiry check anyway.

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
)

const (
	ticketVersion = 1
	ticketBodyLen = 41
	ticketLen     = ticketBodyLen + sha256.Size
	macContext    = "gosteam offline auth ticket\x00"
	pruneEvery    = time.Minute
)

type ticketID [16]byte

// processKey is the HMAC key every offline backend of this process shares.
var processKey = sync.OnceValue(func() []byte {
	k := make([]byte, 32)
	_, _ = rand.Read(k) // crypto/rand.Read never fails on supported platforms
	return k
})

// ticket is the content of a version-1 ticket.
type ticket struct {
	issuer steam.SteamID
	appID  uint32
	handle uint32
	issued time.Time
	id     ticketID
}

func ticketMAC(body []byte) []byte {
	m := hmac.New(sha256.New, processKey())
	m.Write([]byte(macContext))
	m.Write(body)
	return m.Sum(nil)
}

func (t ticket) encode() []byte {
	buf := make([]byte, ticketBodyLen, ticketLen)
	buf[0] = ticketVersion
	binary.LittleEndian.PutUint64(buf[1:], uint64(t.issuer))
	binary.LittleEndian.PutUint32(buf[9:], t.appID)
	binary.LittleEndian.PutUint32(buf[13:], t.handle)
	binary.LittleEndian.PutUint64(buf[17:], uint64(t.issued.UnixMilli()))
	copy(buf[25:41], t.id[:])
	return append(buf, ticketMAC(buf)...)
}

// decodeTicket checks the version, length and MAC.
func decodeTicket(b []byte) (ticket, steam.BeginAuthSessionResult) {
	if len(b) == 0 {
		return ticket{}, steam.BeginAuthSessionInvalidTicket
	}
	if b[0] != ticketVersion {
		return ticket{}, steam.BeginAuthSessionInvalidVersion
	}
	if len(b) != ticketLen || !hmac.Equal(b[ticketBodyLen:], ticketMAC(b[:ticketBodyLen])) {
		return ticket{}, steam.BeginAuthSessionInvalidTicket
	}
	t := ticket{
		issuer: steam.SteamID(binary.LittleEndian.Uint64(b[1:])),
		appID:  binary.LittleEndian.Uint32(b[9:]),
		handle: binary.LittleEndian.Uint32(b[13:]),
		issued: time.UnixMilli(int64(binary.LittleEndian.Uint64(b[17:]))),
	}
	copy(t.id[:], b[25:41])
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

// authRegistry is the per-backend auth state.
type authRegistry struct {
	issued    map[uint32]ticket      // tickets this backend issued, by handle, until canceled or old
	canceled  map[ticketID]time.Time // canceled tickets and when they were issued
	used      map[ticketID]time.Time // tickets seen by BeginAuthSession and when they were issued
	sessions  map[steam.SteamID]*session
	lastPrune time.Time
}

func (r *authRegistry) reset() {
	r.issued = map[uint32]ticket{}
	r.canceled = map[ticketID]time.Time{}
	r.used = map[ticketID]time.Time{}
	r.sessions = map[steam.SteamID]*session{}
	r.lastPrune = time.Time{}
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

func (r *authRegistry) issue(issuer steam.SteamID, appID uint32, now time.Time) ticket {
	t := ticket{issuer: issuer, appID: appID, handle: nextHandle(), issued: now}
	_, _ = rand.Read(t.id[:])
	r.issued[t.handle] = t
	return t
}

// prune forgets tickets that can no longer pass the expiry check, at most once per pruneEvery.
// A ticket held by a session stays known so that canceling it still reaches the session.
func (r *authRegistry) prune(now time.Time, lifetime time.Duration) {
	if now.Sub(r.lastPrune) < pruneEvery && !r.lastPrune.After(now) {
		return
	}
	r.lastPrune = now
	held := make(map[ticketID]bool, len(r.sessions))
	for _, s := range r.sessions {
		held[s.ticket] = true
	}
	old := func(issued time.Time) bool { return !now.Before(issued.Add(lifetime)) }
	for h, t := range r.issued {
		if old(t.issued) && !held[t.id] {
			delete(r.issued, h)
		}
	}
	for id, at := range r.canceled {
		if old(at) {
			delete(r.canceled, id)
		}
	}
	for id, at := range r.used {
		if old(at) {
			delete(r.used, id)
		}
	}
}

// GetAuthSessionTicket issues a ticket whose issuer is this server, for a peer to verify, and queues
// GetAuthSessionTicketResponse at once (there is no Steam to wait for).
func (b *Backend) GetAuthSessionTicket() (steam.AuthTicket, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	t := b.auth.issue(b.steamID, b.effectiveAppID(), b.opts.Clock())
	b.push(steam.GetAuthSessionTicketResponse{Ticket: t.handle, Result: steam.ResultOK})
	return steam.AuthTicket{Handle: t.handle, Bytes: t.encode()}, nil
}

// IssueTicket issues a ticket as the player issuer would get from their own Steam client, for this
// server's app, without queueing any event. Tests use it to play the client side. Its handle comes from
// the same counter as GetAuthSessionTicket's, and CancelAuthTicket(handle) cancels it as if the player
// had canceled it.
func (b *Backend) IssueTicket(issuer steam.SteamID) steam.AuthTicket {
	b.mu.Lock()
	defer b.mu.Unlock()
	t := b.auth.issue(issuer, b.effectiveAppID(), b.opts.Clock())
	return steam.AuthTicket{Handle: t.handle, Bytes: t.encode()}
}

func (b *Backend) BeginAuthSession(raw []byte, steamID steam.SteamID) steam.BeginAuthSessionResult {
	b.mu.Lock()
	defer b.mu.Unlock()
	t, r := decodeTicket(raw)
	switch {
	case r != steam.BeginAuthSessionOK:
		return r
	case t.appID != b.effectiveAppID():
		return steam.BeginAuthSessionGameMismatch
	case t.issuer != steamID:
		return steam.BeginAuthSessionInvalidTicket
	case !b.opts.Clock().Before(t.issued.Add(b.opts.TicketLifetime)):
		return steam.BeginAuthSessionExpiredTicket
	}
	if _, dup := b.auth.sessions[steamID]; dup {
		return steam.BeginAuthSessionDuplicateRequest
	}
	s := &session{ticket: t.id, status: sessionFailed}
	b.auth.sessions[steamID] = s
	verdict := steam.AuthSessionOK
	_, used := b.auth.used[t.id]
	_, canceled := b.auth.canceled[t.id]
	switch {
	case used:
		verdict = steam.AuthSessionAuthTicketInvalidAlreadyUsed
	case canceled:
		verdict = steam.AuthSessionAuthTicketCanceled
	default:
		s.status = sessionValidated
	}
	if !used {
		b.auth.used[t.id] = t.issued
	}
	b.push(steam.ValidateAuthTicketResponse{SteamID: steamID, Response: verdict, OwnerID: steamID})
	return steam.BeginAuthSessionOK
}

// EndAuthSession forgets the session; the ticket stays used.
func (b *Backend) EndAuthSession(steamID steam.SteamID) {
	b.mu.Lock()
	defer b.mu.Unlock()
	delete(b.auth.sessions, steamID)
}

// CancelAuthTicket cancels a ticket this backend issued (GetAuthSessionTicket or IssueTicket). A
// validated session holding it gets ValidateAuthTicketResponse{AuthTicketCanceled} and loses its
// licences; a later BeginAuthSession with it is answered AuthTicketCanceled. Unknown handles are ignored.
func (b *Backend) CancelAuthTicket(handle uint32) {
	b.mu.Lock()
	defer b.mu.Unlock()
	t, ok := b.auth.issued[handle]
	if !ok {
		return
	}
	delete(b.auth.issued, handle)
	b.auth.canceled[t.id] = t.issued
	for id, s := range b.auth.sessions {
		if s.ticket == t.id && s.status == sessionValidated {
			s.status = sessionFailed
			b.push(steam.ValidateAuthTicketResponse{SteamID: id, Response: steam.AuthSessionAuthTicketCanceled, OwnerID: id})
		}
	}
}

// UserHasLicenseForApp is NoAuth without a validated session; with one, the user owns the server's app
// and the apps Options.Licenses lists for them.
func (b *Backend) UserHasLicenseForApp(steamID steam.SteamID, appID uint32) steam.UserHasLicenseResult {
	b.mu.Lock()
	defer b.mu.Unlock()
	s, ok := b.auth.sessions[steamID]
	if !ok || s.status != sessionValidated {
		return steam.UserLicenseNoAuth
	}
	if appID == b.effectiveAppID() {
		return steam.UserHasLicense
	}
	for _, a := range b.opts.Licenses[steamID] {
		if a == appID {
			return steam.UserHasLicense
		}
	}
	return steam.UserDoesNotHaveLicense
}
