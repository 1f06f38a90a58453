package mpeer

// Helpers of the peer's tests: game servers of one offline realm on loopback (a host, and clients
// acting as users of the realm), and polling with a deadline.

import (
	"crypto/rand"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/gosteam/godot-steam-server/steam/offline"
	"github.com/stretchr/testify/require"
)

var initCfg = steam.InitConfig{IP: 0x7F000001, Mode: steam.ServerModeNoAuthentication, Version: "1.0", AppID: 480}

func newRealm(t testing.TB) *offline.Realm {
	key := make([]byte, offline.RealmKeyLen)
	_, _ = rand.Read(key)
	r, err := offline.NewRealm(key)
	require.NoError(t, err)
	return r
}

// newServer is an initialized offline game server of realm; a user other than 0 makes it a client
// process acting as that user, as a Godot client does with resetIdentity.
func newServer(t testing.TB, realm *offline.Realm, user uint32) *steam.Server {
	t.Helper()
	b := offline.New(offline.Options{Realm: realm, Data: offline.NewData()})
	s := steam.NewServer(func() (steam.Backend, error) { return b, nil })
	require.NoError(t, s.Init(initCfg))
	t.Cleanup(func() { _ = s.Shutdown() })
	if user != 0 {
		require.NoError(t, s.ResetIdentity(steam.NewSteamID(steam.UniversePublic, steam.AccountTypeIndividual, 1, user)))
	}
	return s
}

// tester is one peer under test with the signals it emitted.
type tester struct {
	t testing.TB
	*Peer
	signals []Signal
}

func newTester(t testing.TB, s *steam.Server) *tester {
	p := &tester{t: t, Peer: New(s)}
	t.Cleanup(p.Close)
	return p
}

func (p *tester) poll() {
	p.Poll()
	for {
		s, ok := p.TakeSignal()
		if !ok {
			return
		}
		p.signals = append(p.signals, s)
	}
}

// hostOn makes a host listening on an ephemeral loopback port and returns its address.
func hostOn(t testing.TB, realm *offline.Realm) (*tester, string) {
	h := newTester(t, newServer(t, realm, 0))
	require.NoError(t, h.CreateHostIP("127.0.0.1:0", nil))
	addr, err := h.s.GetListenSocketAddress(int64(h.listen), true)
	require.NoError(t, err)
	return h, addr
}

// pollUntil polls every peer until cond holds, for at most 10 s.
func pollUntil(t testing.TB, cond func() bool, peers ...*tester) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("condition not met within 10 s")
		}
		for _, p := range peers {
			p.poll()
		}
		time.Sleep(time.Millisecond)
	}
}

// connected makes a host and n clients connected to it.
func connected(t testing.TB, n int) (*tester, []*tester) {
	realm := newRealm(t)
	h, addr := hostOn(t, realm)
	var cs []*tester
	all := []*tester{h}
	for i := range n {
		c := newTester(t, newServer(t, realm, uint32(1000+i)))
		require.NoError(t, c.CreateClientIP(addr, nil))
		cs = append(cs, c)
		all = append(all, c)
	}
	pollUntil(t, func() bool {
		for _, c := range cs {
			if c.ConnectionStatus() != StatusConnected {
				return false
			}
		}
		return len(h.signals) == n
	}, all...)
	return h, cs
}

// packetOf waits for the next packet at p and returns it with what describes it.
func packetOf(t testing.TB, p *tester, others ...*tester) (data []byte, from, channel, mode int32) {
	t.Helper()
	pollUntil(t, func() bool { return p.Next().Available > 0 }, append(others, p)...)
	n := p.Next()
	from, channel, mode = n.Peer, n.Channel, n.Mode
	require.NoError(t, p.GetPacket(func(b []byte) { data = append([]byte(nil), b...) }))
	return data, from, channel, mode
}

func send(t testing.TB, p *tester, mode, channel, target int64, data string) {
	t.Helper()
	require.NoError(t, p.SetTransferMode(mode))
	require.NoError(t, p.SetTransferChannel(channel))
	require.NoError(t, p.SetTargetPeer(target))
	require.NoError(t, p.PutPacket([]byte(data)))
}
