package offline_test

// Helpers of the networking tests: servers of one realm on loopback, waiting for events and
// messages with a deadline.

import (
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/gosteam/godot-steam-server/steam/offline"
	"github.com/stretchr/testify/require"
)

var netCfg = steam.InitConfig{IP: 0x7F000001, GamePort: 27015, QueryPort: 0, Mode: steam.ServerModeAuthentication, Version: "1.0", AppID: 480}

// peer is one Server of a realm and the events it has seen.
type peer struct {
	t      testing.TB
	s      *steam.Server
	b      *offline.Backend
	events []steam.Event
}

func newPeer(t testing.TB, realm *offline.Realm, opts ...func(*offline.Options)) *peer {
	t.Helper()
	o := offline.Options{Realm: realm, Data: offline.NewData()}
	for _, f := range opts {
		f(&o)
	}
	b := offline.New(o)
	s := steam.NewServer(func() (steam.Backend, error) { return b, nil })
	require.NoError(t, s.Init(netCfg))
	t.Cleanup(func() { _ = s.Shutdown() })
	return &peer{t: t, s: s, b: b}
}

func (p *peer) id() steam.SteamID {
	id, err := p.s.SteamID()
	require.NoError(p.t, err)
	return id
}

// collect takes the queued events.
func (p *peer) collect() {
	p.s.Events().Drain(func(e steam.Event) { p.events = append(p.events, e) })
}

// waitFor waits until an event matching pred arrived, removes it and returns it.
func waitFor[E steam.Event](p *peer, pred func(E) bool) E {
	p.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		p.collect()
		for i, e := range p.events {
			if v, ok := e.(E); ok && (pred == nil || pred(v)) {
				p.events = append(p.events[:i], p.events[i+1:]...)
				return v
			}
		}
		if time.Now().After(deadline) {
			var zero E
			p.t.Fatalf("no %T within 15 s; events: %v", zero, p.events)
		}
		time.Sleep(time.Millisecond)
	}
}

func stateIs(h steam.NetConnection, st steam.ConnectionState) func(steam.ConnectionStatusChanged) bool {
	return func(e steam.ConnectionStatusChanged) bool { return e.Conn == h && e.Info.State == st }
}

// receive waits for n messages on a connection (conn) or a poll group (group), in order.
func (p *peer) receive(n int, read func(batch *steam.MessageBatch) (int, error)) []steam.Message {
	p.t.Helper()
	var out []steam.Message
	var batch steam.MessageBatch
	deadline := time.Now().Add(30 * time.Second)
	for len(out) < n {
		got, err := read(&batch)
		require.NoError(p.t, err)
		for _, m := range batch.Messages[:got] {
			m.Data = append([]byte(nil), m.Data...)
			out = append(out, m)
		}
		if got == 0 {
			if time.Now().After(deadline) {
				p.t.Fatalf("%d of %d messages within 30 s", len(out), n)
			}
			time.Sleep(200 * time.Microsecond)
		}
	}
	batch.Release()
	return out
}

func onConn(p *peer, h steam.NetConnection) func(*steam.MessageBatch) (int, error) {
	return func(b *steam.MessageBatch) (int, error) { return p.s.ReceiveMessagesOnConnection(int64(h), 64, b) }
}

// dial makes a new IP listen socket of server and starts connecting client to it.
func dial(t testing.TB, server, client *peer, opts ...steam.ConfigOption) (ls steam.ListenSocket, cc steam.NetConnection) {
	t.Helper()
	ls, err := server.s.CreateListenSocketIP("127.0.0.1:0", opts)
	require.NoError(t, err)
	require.NotZero(t, ls)
	addr, err := server.s.GetListenSocketAddress(int64(ls), true)
	require.NoError(t, err)
	cc, err = client.s.ConnectByIPAddress(addr, opts)
	require.NoError(t, err)
	require.NotZero(t, cc)
	return ls, cc
}

// sendQueued sends until the send buffer takes the message (it answers LimitExceeded while full).
func sendQueued(t testing.TB, p *peer, h steam.NetConnection, data []byte, flags int32) {
	for {
		r, _, err := p.s.SendMessageToConnection(int64(h), data, int64(flags))
		require.NoError(t, err)
		if r == steam.ResultOK {
			return
		}
		require.Equal(t, steam.ResultLimitExceeded, r)
		time.Sleep(time.Millisecond)
	}
}

// connectPair connects client to a new IP listen socket of server and returns both handles,
// Connected on both sides.
func connectPair(t testing.TB, server, client *peer, opts ...steam.ConfigOption) (ls steam.ListenSocket, sc, cc steam.NetConnection) {
	t.Helper()
	ls, cc = dial(t, server, client, opts...)
	incoming := waitFor(server, func(e steam.ConnectionStatusChanged) bool {
		return e.Info.ListenSocket == ls && e.Info.State == steam.ConnectionStateConnecting
	})
	sc = incoming.Conn
	r, err := server.s.AcceptConnection(int64(sc))
	require.NoError(t, err)
	require.Equal(t, steam.ResultOK, r)
	waitFor(client, stateIs(cc, steam.ConnectionStateConnected))
	waitFor(server, stateIs(sc, steam.ConnectionStateConnected))
	return ls, sc, cc
}
