package offline_test

// Polls that find nothing answer without the networking's lock (a game's main thread polling in a
// tight loop would otherwise keep the socket readers from queueing what it waits for), and a
// message queued is there for the very next poll.

import (
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/gosteam/godot-steam-server/steam/offline"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pollSet is every receive call of a server: a connection, a poll group, a NetworkingMessages
// channel and an old-API P2P channel.
type pollSet struct {
	p     *peer
	conn  steam.NetConnection
	group steam.PollGroup
}

// empty makes every poll of the set, each expected to find nothing (assert: it runs on a
// goroutine of its own).
func (ps pollSet) empty(t *testing.T) {
	var batch steam.MessageBatch
	s := ps.p.s
	n, err := s.ReceiveMessagesOnConnection(int64(ps.conn), 16, &batch)
	assert.NoError(t, err)
	assert.Zero(t, n, "connection")
	n, err = s.ReceiveMessagesOnPollGroup(int64(ps.group), 16, &batch)
	assert.NoError(t, err)
	assert.Zero(t, n, "poll group")
	n, err = s.ReceiveMessagesOnChannel(0, 16, &batch)
	assert.NoError(t, err)
	assert.Zero(t, n, "channel")
	size, err := s.GetAvailableP2PPacketSize(0)
	assert.NoError(t, err)
	assert.Zero(t, size, "P2P channel")
	_, _, ok, err := s.ReadP2PPacket(64, 0)
	assert.NoError(t, err)
	assert.False(t, ok, "P2P channel")
}

// Indexes of offline.Waiting's answers.
const (
	onConnection = iota
	onPollGroup
	onMessagesChannel
)

// awaitArrival waits for OnMessage's signal: what the polls would have seen as it was called.
func awaitArrival(t *testing.T, arrived chan [3]bool, what string) [3]bool {
	t.Helper()
	select {
	case w := <-arrived:
		return w
	case <-time.After(15 * time.Second):
		t.Fatalf("%s: nothing arrived within 15 s", what)
	}
	return [3]bool{}
}

// emptyWhileLocked polls the set from another goroutine while the networking's lock is held, as a
// socket reader holds it routing a datagram: the polls must answer without waiting for it.
func (ps pollSet) emptyWhileLocked(t *testing.T) {
	t.Helper()
	release := sync.OnceFunc(offline.HoldNetLock(ps.p.b))
	defer release()
	done := make(chan struct{})
	go func() {
		defer close(done)
		ps.empty(t)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		release()
		<-done
		t.Fatal("an empty poll waited for the networking's lock")
	}
}

func TestEmptyPollsDoNotWaitForTheLock(t *testing.T) {
	realm := newRealm(t)
	// OnMessage records what a poll of the connection, the group and channel 0 would see then.
	arrived := make(chan [3]bool, 16)
	var probe atomic.Pointer[func() [3]bool]
	server := newPeer(t, realm, func(o *offline.Options) {
		o.Net.OnMessage = func() {
			var w [3]bool
			if p := probe.Load(); p != nil {
				w = (*p)()
			}
			arrived <- w
		}
	})
	client := newPeer(t, realm)
	_, sc, cc := connectPair(t, server, client)
	_, member, mc := connectPair(t, server, client)
	g, err := server.s.CreatePollGroup()
	require.NoError(t, err)
	ok, err := server.s.SetConnectionPollGroup(int64(member), int64(g))
	require.NoError(t, err)
	require.True(t, ok)
	listening(t, server) // the first channel poll opens the sessions' socket, under the lock
	ps := pollSet{p: server, conn: sc, group: g}
	ps.emptyWhileLocked(t)
	waiting := func() [3]bool { return offline.Waiting(server.b, sc, g, 0) }
	probe.Store(&waiting)

	// A message is counted before OnMessage says it arrived: the next poll, once, gets it.
	flags := int32(steam.SendReliable)
	nextPollGets := func(what string, on int, send func(), poll func(*steam.MessageBatch) (int, error)) {
		t.Helper()
		send()
		require.True(t, awaitArrival(t, arrived, what)[on], "%s: counted when OnMessage was called", what)
		var batch steam.MessageBatch
		n, err := poll(&batch)
		require.NoError(t, err)
		require.Equal(t, 1, n, "%s: the first poll after the arrival", what)
		require.Equal(t, what, string(batch.Messages[0].Data))
	}
	nextPollGets("connection", onConnection, func() { sendQueued(t, client, cc, []byte("connection"), flags) }, onConn(server, sc))
	nextPollGets("poll group", onPollGroup, func() { sendQueued(t, client, mc, []byte("poll group"), flags) }, onGroup(server, g))
	nextPollGets("channel", onMessagesChannel, func() {
		_, err := client.s.SendMessageToUser(server.id(), []byte("channel"), int64(flags), 0)
		require.NoError(t, err)
		waitFor(server, func(steam.MessagesSessionRequest) bool { return true })
		_, err = server.s.AcceptSessionWithUser(client.id())
		require.NoError(t, err)
	}, onChannel(server, 0))
	ps.emptyWhileLocked(t)

	// A message read through its connection leaves its poll group's count; one brought into a
	// group by its connection joining is counted there.
	nextPollGets("read on the member", onPollGroup, func() { sendQueued(t, client, mc, []byte("read on the member"), flags) }, onConn(server, member))
	ps.emptyWhileLocked(t)
	sendQueued(t, client, cc, []byte("joins"), flags)
	require.True(t, awaitArrival(t, arrived, "joins")[onConnection])
	ok, err = server.s.SetConnectionPollGroup(int64(sc), int64(g))
	require.NoError(t, err)
	require.True(t, ok)
	require.Equal(t, "joins", string(server.receive(1, onGroup(server, g))[0].Data))
	ps.emptyWhileLocked(t)
}

// A poller on a thread of its own spinning on a connection or a poll group (a game's main thread
// polling as fast as it can), an echo on the other side: every message comes back, in order.
func TestSpinningPollerGetsEveryMessage(t *testing.T) {
	// A spinner holds a P for good: with one (-cpu 1) the socket readers would run only at the
	// runtime's 10 ms preemptions. A Godot process has one per core, two here at least.
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(max(2, runtime.GOMAXPROCS(0))))
	for _, on := range []string{"connection", "pollgroup"} {
		t.Run(on, func(t *testing.T) {
			flags := int64(steam.SendReliable | steam.SendNoNagle)
			client, poll := pollingPair(t, on, flags)
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			deadline := time.Now().Add(60 * time.Second)
			var batch steam.MessageBatch
			for i := range 300 {
				want := []byte{byte(i), byte(i >> 8)}
				r, _, err := client.p.s.SendMessageToConnection(int64(client.h), want, flags)
				require.NoError(t, err)
				require.Equal(t, steam.ResultOK, r)
				for poll(&batch) == 0 {
					require.True(t, time.Now().Before(deadline), "round %d did not come back within 60 s", i)
				}
				require.Len(t, batch.Messages, 1)
				require.Equal(t, want, batch.Messages[0].Data, "round %d", i)
			}
		})
	}
}
