package offline_test

// Two servers talking through the lossy relay: every reliable message arrives once, whole and in
// order, both ways; each unreliable one arrives at most once and whole.

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/stretchr/testify/require"
)

// connectVia connects client to server's new listen socket through a relay made by mk.
func connectVia(t *testing.T, server, client *peer, mk func(target string) *relay, opts ...steam.ConfigOption) (*relay, steam.NetConnection, steam.NetConnection) {
	t.Helper()
	ls, err := server.s.CreateListenSocketIP("127.0.0.1:0", opts)
	require.NoError(t, err)
	addr, err := server.s.GetListenSocketAddress(int64(ls), true)
	require.NoError(t, err)
	r := mk(addr)
	cc, err := client.s.ConnectByIPAddress(r.addr(), opts)
	require.NoError(t, err)
	incoming := waitFor(server, func(e steam.ConnectionStatusChanged) bool {
		return e.Info.ListenSocket == ls && e.Info.State == steam.ConnectionStateConnecting
	})
	res, err := server.s.AcceptConnection(int64(incoming.Conn))
	require.NoError(t, err)
	require.Equal(t, steam.ResultOK, res)
	waitFor(client, stateIs(cc, steam.ConnectionStateConnected))
	return r, incoming.Conn, cc
}

// tagged is a message whose first 4 bytes number it.
func tagged(rng *rand.Rand, i, size int) []byte {
	b := make([]byte, max(size, 4))
	for j := range b {
		b[j] = byte(rng.IntN(256))
	}
	binary.LittleEndian.PutUint32(b, uint32(i))
	return b
}

func TestReliableAndUnreliableThroughALossyRelay(t *testing.T) {
	for _, seed := range []uint64{1, 2, 3} {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			realm := newRealm(t)
			server, client := newPeer(t, realm), newPeer(t, realm)
			_, sc, cc := connectVia(t, server, client, func(target string) *relay {
				return newRelay(t, target, seed, 0.1, 0.05, 0.15)
			})
			rng := rand.New(rand.NewPCG(seed, 5))
			const reliable, unreliable = 400, 400
			var sentRel, sentUnrel [][]byte
			for i := range reliable + unreliable {
				if i%2 == 0 {
					size := rng.IntN(1500)
					if i%40 == 0 {
						size = 5_000 + rng.IntN(60_000) // fragmented
					}
					m := tagged(rng, len(sentRel), size)
					sentRel = append(sentRel, m)
					sendQueued(t, client, cc, m, steam.SendReliable)
				} else {
					size := 1 + rng.IntN(300)
					if i%9 == 0 {
						size = 2_000 + rng.IntN(5_000)
					}
					m := tagged(rng, len(sentUnrel), size)
					sentUnrel = append(sentUnrel, m)
					r, _, err := client.s.SendMessageToConnection(int64(cc), m, int64(steam.SendUnreliable|steam.SendNoNagle))
					require.NoError(t, err)
					// A full send buffer (reliable data waiting on the lossy path) refuses it, as Steam does.
					require.Contains(t, []steam.Result{steam.ResultOK, steam.ResultLimitExceeded}, r)
				}
			}
			var rel, unrel [][]byte
			var batch steam.MessageBatch
			deadline := time.Now().Add(60 * time.Second)
			for len(rel) < reliable {
				n, err := server.s.ReceiveMessagesOnConnection(int64(sc), 128, &batch)
				require.NoError(t, err)
				for _, m := range batch.Messages[:n] {
					if m.Flags&steam.SendReliable != 0 {
						rel = append(rel, bytes.Clone(m.Data))
						// Echo it back reliably: the other direction goes through the same faults.
						sendQueued(t, server, sc, m.Data, steam.SendReliable)
					} else {
						unrel = append(unrel, bytes.Clone(m.Data))
					}
				}
				if n == 0 {
					require.False(t, time.Now().After(deadline), "%d of %d reliable messages in 60 s", len(rel), reliable)
					time.Sleep(500 * time.Microsecond)
				}
			}
			for i, m := range rel {
				require.True(t, bytes.Equal(sentRel[i], m), "reliable message %d arrives whole, once, in order", i)
			}
			seen := map[uint32]bool{}
			for _, m := range unrel {
				i := binary.LittleEndian.Uint32(m)
				require.False(t, seen[i], "unreliable message %d arrives at most once", i)
				seen[i] = true
				require.True(t, bytes.Equal(sentUnrel[i], m), "unreliable message %d arrives whole", i)
			}
			require.Less(t, len(seen), unreliable, "the relay lost some unreliable messages")
			echoed := client.receive(reliable, onConn(client, cc))
			for i, m := range echoed {
				require.True(t, bytes.Equal(sentRel[i], m.Data), "echo %d arrives whole and in order", i)
			}
			t.Logf("seed %d: %d unreliable of %d arrived", seed, len(seen), unreliable)
		})
	}
}

func TestPeerThatVanishesTimesOut(t *testing.T) {
	realm := newRealm(t)
	server, client := newPeer(t, realm), newPeer(t, realm)
	timeout := steam.ConfigOption{Value: steam.ConfigTimeoutConnected, Type: steam.ConfigTypeInt32, Int: 600}
	r, sc, cc := connectVia(t, server, client, func(target string) *relay { return newRelay(t, target, 9, 0, 0, 0) }, timeout)
	start := time.Now()
	r.dead.Store(true)
	for _, side := range []struct {
		p *peer
		h steam.NetConnection
	}{{client, cc}, {server, sc}} {
		e := waitFor(side.p, stateIs(side.h, steam.ConnectionStateProblemDetectedLocally))
		require.Equal(t, steam.ConnectionEndMiscTimeout, e.Info.EndReason)
		require.Equal(t, steam.ConnectionStateConnected, e.OldState)
	}
	// Not early: the 600 ms count from the last datagram each side heard, a moment before the relay
	// died (and Windows' timers are coarse), so allow that moment.
	require.GreaterOrEqual(t, time.Since(start), 500*time.Millisecond, "the connected timeout (600 ms) is not cut short")
	r2, _, err := client.s.SendMessageToConnection(int64(cc), []byte("x"), 0)
	require.NoError(t, err)
	require.Equal(t, steam.ResultNoConnection, r2)
}

func TestConnectToNobodyTimesOut(t *testing.T) {
	realm := newRealm(t)
	client := newPeer(t, realm)
	r := newRelay(t, "127.0.0.1:9", 1, 0, 0, 0)
	r.dead.Store(true)
	initial := steam.ConfigOption{Value: steam.ConfigTimeoutInitial, Type: steam.ConfigTypeInt32, Int: 400}
	cc, err := client.s.ConnectByIPAddress(r.addr(), []steam.ConfigOption{initial})
	require.NoError(t, err)
	e := waitFor(client, stateIs(cc, steam.ConnectionStateProblemDetectedLocally))
	require.Equal(t, steam.ConnectionEndMiscTimeout, e.Info.EndReason)
	require.Equal(t, steam.ConnectionStateConnecting, e.OldState)
	require.Equal(t, "Timed out attempting to connect", e.Info.EndDebug)
}

func TestIdleConnectionStaysUpWithAShortTimeout(t *testing.T) {
	realm := newRealm(t)
	server, client := newPeer(t, realm), newPeer(t, realm)
	timeout := steam.ConfigOption{Value: steam.ConfigTimeoutConnected, Type: steam.ConfigTypeInt32, Int: 300}
	_, sc, cc := connectPair(t, server, client, timeout)
	time.Sleep(time.Second) // nothing sent: keepalives, a third of the timeout apart, keep it up
	for _, side := range []struct {
		p *peer
		h steam.NetConnection
	}{{client, cc}, {server, sc}} {
		info, err := side.p.s.GetConnectionInfo(int64(side.h))
		require.NoError(t, err)
		require.Equal(t, steam.ConnectionStateConnected, info.State)
	}
}
