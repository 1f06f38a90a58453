package offline

// The handshake. A connecting side proves its Steam ID with an auth ticket of the realm, issued
// for this one connection; the listening side checks it as beginAuthSession does and records its
// use in the realm's journal, so a ticket opens one connection, once, anywhere in the realm:
//
//	client                                   server
//	challenge request (64 bytes)   ------->  stateless: nothing is kept
//	                               <-------  challenge: cookie = HMAC(per-process key,
//	                                           time window, client address, client conn id)
//	connect (cookie, identities,   ------->  cookie of this or the last window (5 to 10 s),
//	  target, service, ticket)                 target and service, ticket: MAC under the realm key,
//	                                           app, issuer = claimed identity, expiry, first use
//	                               <-------  connect OK (server conn id, server identity, proof:
//	                                           HMAC(realm key, cookie, both ids, identity))
//
// A repeated connect for a connection that exists is answered again (the client lost the answer);
// a captured connect replayed later finds its cookie stale (Remote_BadCrypt) or, within the window,
// its ticket already used (Remote_BadCert). Refusals travel as close datagrams naming the client's
// conn id, smaller than what they answer; per source address, challenge requests and connects are
// rate limited. The proof lets the client tell a server of its realm from anyone at the address.

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"net/netip"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
)

// netTicketLifetime is how long a connection's ticket is good: it is used at once, and its
// journal entry goes when it expires.
const netTicketLifetime = 2 * time.Minute

// cookie is the challenge for a client connection attempt in a time window.
func (n *netCore) cookie(from netip.AddrPort, clientConn uint32, window int64) (c [cookieLen]byte) {
	m := hmac.New(sha256.New, n.cookieKey[:])
	var b [8 + 16 + 2 + 4]byte
	binary.LittleEndian.PutUint64(b[:], uint64(window))
	a := from.Addr().As16()
	copy(b[8:], a[:])
	binary.LittleEndian.PutUint16(b[24:], from.Port())
	binary.LittleEndian.PutUint32(b[26:], clientConn)
	m.Write(b[:])
	copy(c[:], m.Sum(nil))
	return c
}

func (n *netCore) cookieWindowAt(t time.Time) int64 { return t.UnixNano() / int64(n.set.cookieWindow) }

func (n *netCore) cookieValid(from netip.AddrPort, clientConn uint32, got [cookieLen]byte) bool {
	w := n.cookieWindowAt(n.set.clock())
	a, b := n.cookie(from, clientConn, w), n.cookie(from, clientConn, w-1)
	return hmac.Equal(got[:], a[:]) || hmac.Equal(got[:], b[:])
}

// proof is what a connect OK carries to show the server holds the realm key.
func (n *netCore) proof(cookie [cookieLen]byte, clientConn, serverConn uint32, serverID uint64) (p [proofLen]byte) {
	m := hmac.New(sha256.New, n.set.realm.key)
	m.Write([]byte("gosteam offline connect ok\x00"))
	m.Write(cookie[:])
	var b [16]byte
	binary.LittleEndian.PutUint32(b[:], clientConn)
	binary.LittleEndian.PutUint32(b[4:], serverConn)
	binary.LittleEndian.PutUint64(b[8:], serverID)
	m.Write(b[:])
	copy(p[:], m.Sum(nil))
	return p
}

// issueNetTicket makes the ticket a connect presents for identity.
func (n *netCore) issueNetTicket(identity steam.SteamID) []byte {
	now := n.set.clock()
	t := ticket{issuer: identity, appID: n.set.appID, issued: now, expires: now.Add(netTicketLifetime)}
	_, _ = rand.Read(t.id[:])
	return t.encode(n.set.realm.key)
}

// checkNetTicket runs beginAuthSession's checks on a connect's ticket and records its use. It
// returns "" or why the ticket is refused (reported with Remote_BadCert).
func (n *netCore) checkNetTicket(raw []byte, claimed steam.SteamID) string {
	t, r := decodeTicket(n.set.realm.key, raw)
	switch {
	case r == steam.BeginAuthSessionInvalidVersion:
		return "the connection ticket is not of this format"
	case r != steam.BeginAuthSessionOK:
		return "the connection ticket does not verify in this realm (forged, altered, or another realm's)"
	case t.appID != n.set.appID:
		return fmt.Sprintf("the connection ticket is for app %d, this server runs app %d", t.appID, n.set.appID)
	case t.issuer != claimed:
		return "the connection ticket was issued to another Steam ID"
	case !claimed.Valid():
		return "the connection ticket names no valid Steam ID"
	case !n.set.clock().Before(t.expires):
		return "the connection ticket expired"
	case n.set.realm.journal.use(t.id, t.expires):
		return "the connection ticket was used before (a replayed handshake)"
	}
	return ""
}

// refuse answers a handshake datagram with a close naming the client's conn id.
func (ep *netEndpoint) refuse(to netip.AddrPort, clientConn uint32, reason steam.ConnectionEnd, debug string) {
	ep.core.traffic.refused.Add(1)
	m := closeMsg{to: clientConn, reason: uint32(reason), debug: []byte(debug)}
	ep.out = m.encode(ep.out[:0])
	ep.write(ep.out, to)
}

func (ep *netEndpoint) onChallengeRequest(d []byte, from netip.AddrPort, now int64) {
	n := ep.core
	if len(d) != challengeReqLen {
		n.traffic.malformed.Add(1)
		return
	}
	if !n.allowSource(from) {
		return
	}
	clientConn := leU32(d[2:])
	if d[1] != netProtoVersion {
		ep.refuse(from, clientConn, steam.ConnectionEndRemoteBadProtocol, fmt.Sprintf("protocol version %d, this peer speaks %d", d[1], netProtoVersion))
		return
	}
	c := n.cookie(from, clientConn, n.cookieWindowAt(n.set.clock()))
	ep.out = encodeChallenge(ep.out[:0], clientConn, &c)
	ep.write(ep.out, from)
}

func (ep *netEndpoint) onConnect(d []byte, from netip.AddrPort, now int64) {
	n := ep.core
	m, ok := decodeConnect(d)
	if !ok {
		n.traffic.malformed.Add(1)
		return
	}
	if c := ep.byRemote[remoteKey{from, m.clientConn}]; c != nil {
		c.onRepeatedConnect(now)
		return
	}
	if !n.allowSource(from) {
		return
	}
	switch {
	case m.version != netProtoVersion:
		ep.refuse(from, m.clientConn, steam.ConnectionEndRemoteBadProtocol, fmt.Sprintf("protocol version %d, this peer speaks %d", m.version, netProtoVersion))
		return
	case m.clientConn == 0:
		n.traffic.malformed.Add(1)
		return
	case !n.cookieValid(from, m.clientConn, m.cookie):
		ep.refuse(from, m.clientConn, steam.ConnectionEndRemoteBadCrypt, "stale or forged challenge (a replayed handshake?)")
		return
	}
	if ok, reason, debug := ep.acceptor.admit(&m); !ok {
		ep.refuse(from, m.clientConn, reason, debug)
		return
	}
	if why := n.checkNetTicket(m.ticket, steam.SteamID(m.clientID)); why != "" {
		ep.refuse(from, m.clientConn, steam.ConnectionEndRemoteBadCert, why)
		return
	}
	if n.live >= n.set.maxConnections {
		ep.refuse(from, m.clientConn, steam.ConnectionEndMiscGeneric, "the server has as many connections as it takes")
		return
	}
	c := n.newConn(ep, from, now)
	c.remoteID = m.clientConn
	c.identity = steam.SteamID(m.clientID)
	c.cookie = m.cookie
	c.svc = m.service
	c.virtualPort = m.targetPort
	ep.byRemote[remoteKey{from, m.clientConn}] = c
	ep.acceptor.accepted(c)
}

// sendConnectOK answers the client's connect: the server side of a connection going Connected.
func (c *netConn) sendConnectOK() {
	ep := c.ep
	id := uint64(c.localIdentity)
	ok := connectOK{clientConn: c.remoteID, serverConn: c.localID, serverID: id,
		proof: ep.core.proof(c.cookie, c.remoteID, c.localID, id)}
	ep.out = ok.encode(ep.out[:0])
	ep.write(ep.out, c.remote)
}
