package offline_test

// The handshake's authentication: a ticket from another realm (forged), an altered one, one for
// another app, a captured handshake replayed from the same address and from another, a stale
// challenge. Each is refused with the end reason the docs give, and the server never reports a
// connection for it.

import (
	"bytes"
	"encoding/binary"
	"net"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/gosteam/godot-steam-server/steam/offline"
	"github.com/stretchr/testify/require"
)

// rawPeer speaks the handshake by hand from a socket of its own.
type rawPeer struct {
	t    *testing.T
	conn *net.UDPConn
	to   *net.UDPAddr
}

func newRawPeer(t *testing.T, to string) *rawPeer {
	c, err := net.ListenUDP("udp4", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	require.NoError(t, err)
	t.Cleanup(func() { c.Close() })
	addr, err := net.ResolveUDPAddr("udp4", to)
	require.NoError(t, err)
	return &rawPeer{t: t, conn: c, to: addr}
}

func (r *rawPeer) send(d []byte) {
	_, err := r.conn.WriteToUDP(d, r.to)
	require.NoError(r.t, err)
}

// answer waits for a datagram of the given kind (0xA2 challenge, 0xA5 close...).
func (r *rawPeer) answer(kind byte) []byte {
	r.t.Helper()
	buf := make([]byte, 2048)
	_ = r.conn.SetReadDeadline(time.Now().Add(3 * time.Second))
	for {
		n, _, err := r.conn.ReadFromUDP(buf)
		require.NoError(r.t, err, "no answer of kind %#x", kind)
		if buf[0] == kind {
			return bytes.Clone(buf[:n])
		}
	}
}

// challenge asks for a cookie for conn id cid.
func (r *rawPeer) challenge(cid uint32) []byte {
	req := make([]byte, 64)
	req[0], req[1] = 0xA1, 1
	binary.LittleEndian.PutUint32(req[2:], cid)
	r.send(req)
	return r.answer(0xA2)[5:21]
}

// closeReason reads a close datagram: its reason and debug text.
func closeReason(d []byte) (steam.ConnectionEnd, string) {
	return steam.ConnectionEnd(binary.LittleEndian.Uint32(d[9:])), string(d[14 : 14+int(d[13])])
}

// withCookie is a captured connect redone for another conn id and cookie.
func withCookie(connect []byte, cid uint32, cookie []byte) []byte {
	d := bytes.Clone(connect)
	binary.LittleEndian.PutUint32(d[2:], cid)
	copy(d[6:22], cookie)
	return d
}

func TestTicketOfAnotherRealmRefused(t *testing.T) {
	server, stranger := newPeer(t, newRealm(t)), newPeer(t, newRealm(t))
	_, cc := dial(t, server, stranger)
	e := waitFor(stranger, stateIs(cc, steam.ConnectionStateClosedByPeer))
	require.Equal(t, steam.ConnectionEndRemoteBadCert, e.Info.EndReason)
	require.Contains(t, e.Info.EndDebug, "does not verify in this realm")
	require.Equal(t, steam.ConnectionStateConnecting, e.OldState)
	server.collect()
	require.Empty(t, server.events, "the server reports nothing of a refused handshake")
}

func TestTicketForAnotherAppRefused(t *testing.T) {
	realm := newRealm(t)
	server := newPeer(t, realm)
	other := newPeer(t, realm, func(o *offline.Options) { o.AppID = 999 })
	require.NoError(t, other.s.Shutdown())
	cfg := netCfg
	cfg.AppID = 999
	require.NoError(t, other.s.Init(cfg))
	_, cc := dial(t, server, other)
	e := waitFor(other, stateIs(cc, steam.ConnectionStateClosedByPeer))
	require.Equal(t, steam.ConnectionEndRemoteBadCert, e.Info.EndReason)
	require.Contains(t, e.Info.EndDebug, "for app 999")
}

func TestReplayedAndAlteredHandshakesRefused(t *testing.T) {
	realm := newRealm(t)
	server := newPeer(t, realm, func(o *offline.Options) { o.Net.ChallengeWindow = 300 * time.Millisecond })
	client := newPeer(t, realm)
	r, sc, cc := connectVia(t, server, client, func(target string) *relay { return newRelay(t, target, 1, 0, 0, 0) })
	connects := r.captured(0xA3)
	require.NotEmpty(t, connects)
	captured := connects[0]
	_, err := client.s.CloseConnection(int64(cc), 0, "", false)
	require.NoError(t, err)
	waitFor(server, stateIs(sc, steam.ConnectionStateClosedByPeer))
	_, err = server.s.CloseConnection(int64(sc), 0, "", false)
	require.NoError(t, err)

	// The captured connect again, from the address it came from, while its challenge is good.
	before := len(r.answers(0xA5))
	r.replay(captured)
	require.Eventually(t, func() bool { return len(r.answers(0xA5)) > before }, 3*time.Second, time.Millisecond)
	reason, debug := closeReason(r.answers(0xA5)[before])
	require.Equal(t, steam.ConnectionEndRemoteBadCert, reason)
	require.Contains(t, debug, "used before")

	// From another address: the challenge is bound to the address it was given to.
	raw := newRawPeer(t, r.target.String())
	raw.send(captured)
	reason, debug = closeReason(raw.answer(0xA5))
	require.Equal(t, steam.ConnectionEndRemoteBadCrypt, reason)
	require.Contains(t, debug, "challenge")

	// With a fresh challenge of its own but the used ticket: refused by the realm's journal.
	raw.send(withCookie(captured, 77, raw.challenge(77)))
	reason, debug = closeReason(raw.answer(0xA5))
	require.Equal(t, steam.ConnectionEndRemoteBadCert, reason)
	require.Contains(t, debug, "used before")

	// An altered ticket (one bit of its MAC), with a fresh challenge.
	altered := withCookie(captured, 78, raw.challenge(78))
	altered[len(altered)-1] ^= 1
	raw.send(altered)
	reason, debug = closeReason(raw.answer(0xA5))
	require.Equal(t, steam.ConnectionEndRemoteBadCert, reason)
	require.Contains(t, debug, "does not verify")

	// The captured connect from its own address after its challenge went stale.
	time.Sleep(700 * time.Millisecond)
	before = len(r.answers(0xA5))
	r.replay(captured)
	require.Eventually(t, func() bool { return len(r.answers(0xA5)) > before }, 3*time.Second, time.Millisecond)
	reason, _ = closeReason(r.answers(0xA5)[before])
	require.Equal(t, steam.ConnectionEndRemoteBadCrypt, reason)

	server.collect()
	for _, e := range server.events {
		if c, ok := e.(steam.ConnectionStatusChanged); ok {
			require.NotEqual(t, steam.ConnectionStateConnecting, c.Info.State, "no new connection was reported: %+v", c)
		}
	}
}
