package offline

// Two processes opening a NetworkingMessages session to each other at the same moment: each has
// an outbound connection connecting when the other's connect arrives. Their sockets hold every
// datagram back until both have started, so the race is certain, not likely.

import (
	"crypto/rand"
	"sync"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/gosteam/godot-steam-server/steam/internal/udpbatch"
	"github.com/stretchr/testify/require"
)

// gatedConn reads nothing until its gate opens.
type gatedConn struct {
	datagramConn
	gate chan struct{}
}

func (g gatedConn) ReadBatch() ([]udpbatch.Datagram, error) {
	<-g.gate
	return g.datagramConn.ReadBatch()
}

func TestSimultaneousSessionOpenEndsWithOneConnection(t *testing.T) {
	key := make([]byte, RealmKeyLen)
	_, _ = rand.Read(key)
	realm, err := NewRealm(key)
	require.NoError(t, err)
	gate := make(chan struct{})
	var once sync.Once
	openGate := func() { once.Do(func() { close(gate) }) }
	defer openGate()
	mk := func() (*steam.Server, *Backend) {
		b := New(Options{Realm: realm, Data: NewData(), Net: NetOptions{socket: func(addr string) (datagramConn, error) {
			c, err := listenUDP(addr)
			return gatedConn{c, gate}, err
		}}})
		s := steam.NewServer(func() (steam.Backend, error) { return b, nil })
		require.NoError(t, s.Init(steam.InitConfig{IP: 0x7F000001, Mode: steam.ServerModeNoAuthentication, Version: "1", AppID: 480}))
		t.Cleanup(func() { openGate(); _ = s.Shutdown() })
		return s, b
	}
	sa, ba := mk()
	sb, bb := mk()
	ida, _ := sa.SteamID()
	idb, _ := sb.SteamID()
	var batch steam.MessageBatch
	_, _ = sa.ReceiveMessagesOnChannel(0, 1, &batch) // both endpoints up and published
	_, _ = sb.ReceiveMessagesOnChannel(0, 1, &batch)
	for i := range 3 {
		r, err := sa.SendMessageToUser(idb, []byte{'a', byte(i)}, int64(steam.SendReliable), 0)
		require.NoError(t, err)
		require.Equal(t, steam.ResultOK, r)
		r, err = sb.SendMessageToUser(ida, []byte{'b', byte(i)}, int64(steam.SendReliable), 0)
		require.NoError(t, err)
		require.Equal(t, steam.ResultOK, r)
	}
	openGate()

	recv := func(s *steam.Server, want byte) {
		var got [][]byte
		deadline := time.Now().Add(10 * time.Second)
		for len(got) < 3 {
			n, err := s.ReceiveMessagesOnChannel(0, 10, &batch)
			require.NoError(t, err)
			for _, m := range batch.Messages[:n] {
				got = append(got, append([]byte(nil), m.Data...))
			}
			require.False(t, time.Now().After(deadline), "got %d of 3", len(got))
			time.Sleep(time.Millisecond)
		}
		for i, m := range got {
			require.Equal(t, []byte{want, byte(i)}, m, "every message once, in order")
		}
	}
	recv(sa, 'b')
	recv(sb, 'a')
	// The higher Steam ID kept its own connection and ignored the other's connect; the lower one
	// took that and dropped its own. One side holds a parked connection, the other none.
	parked := func(b *Backend) int {
		n := b.netc()
		n.mu.Lock()
		defer n.mu.Unlock()
		count := 0
		for ep := range n.endpoints {
			for _, c := range ep.byID {
				if c.parked {
					count++
				}
			}
		}
		return count
	}
	high, low := ba, bb
	if ida < idb {
		high, low = bb, ba
	}
	require.Equal(t, 1, parked(high), "the higher ID parked the lower one's connect")
	require.Zero(t, parked(low))
	for _, pair := range [][2]steam.SteamID{{ida, idb}, {idb, ida}} {
		s := sa
		if pair[0] == idb {
			s = sb
		}
		st, _, _, err := s.GetSessionConnectionInfo(pair[1])
		require.NoError(t, err)
		require.Equal(t, steam.ConnectionStateConnected, st)
	}
}
