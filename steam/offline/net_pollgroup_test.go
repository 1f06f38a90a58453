package offline_test

// Poll groups: messages of several connections in arrival order, moving connections between
// groups, reading through the connection instead, and a receive that allocates nothing per message.

import (
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/stretchr/testify/require"
)

func onGroup(p *peer, g steam.PollGroup) func(*steam.MessageBatch) (int, error) {
	return func(b *steam.MessageBatch) (int, error) { return p.s.ReceiveMessagesOnPollGroup(int64(g), 64, b) }
}

func TestPollGroupGathersConnections(t *testing.T) {
	realm := newRealm(t)
	server := newPeer(t, realm)
	a, b := newPeer(t, realm), newPeer(t, realm)
	_, sa, ca := connectPair(t, server, a)
	_, sb, cb := connectPair(t, server, b)
	g, err := server.s.CreatePollGroup()
	require.NoError(t, err)
	require.NotZero(t, g)
	for _, h := range []steam.NetConnection{sa, sb} {
		ok, err := server.s.SetConnectionPollGroup(int64(h), int64(g))
		require.NoError(t, err)
		require.True(t, ok)
	}
	send := func(p *peer, h steam.NetConnection, s string) {
		r, _, err := p.s.SendMessageToConnection(int64(h), []byte(s), int64(steam.SendReliable|steam.SendNoNagle))
		require.NoError(t, err)
		require.Equal(t, steam.ResultOK, r)
		time.Sleep(5 * time.Millisecond) // let it arrive before the next, so the arrival order is known
	}
	send(a, ca, "a1")
	send(b, cb, "b1")
	send(a, ca, "a2")
	send(b, cb, "b2")
	got := server.receive(4, onGroup(server, g))
	var order []string
	for _, m := range got {
		order = append(order, string(m.Data))
		if string(m.Data[:1]) == "a" {
			require.Equal(t, sa, m.Conn)
			require.Equal(t, a.id(), m.Identity)
		} else {
			require.Equal(t, sb, m.Conn)
		}
	}
	require.Equal(t, []string{"a1", "b1", "a2", "b2"}, order)

	// Read through the connection: the group does not hand the same message out again.
	send(a, ca, "a3")
	send(b, cb, "b3")
	viaConn := server.receive(1, onConn(server, sa))
	require.Equal(t, "a3", string(viaConn[0].Data))
	rest := server.receive(1, onGroup(server, g))
	require.Equal(t, "b3", string(rest[0].Data))
	var batch steam.MessageBatch
	n, err := server.s.ReceiveMessagesOnPollGroup(int64(g), 10, &batch)
	require.NoError(t, err)
	require.Zero(t, n)

	// Out of the group: its messages are no longer the group's.
	ok, err := server.s.SetConnectionPollGroup(int64(sb), 0)
	require.NoError(t, err)
	require.True(t, ok)
	send(b, cb, "b4")
	require.Equal(t, "b4", string(server.receive(1, onConn(server, sb))[0].Data))
	n, _ = server.s.ReceiveMessagesOnPollGroup(int64(g), 10, &batch)
	require.Zero(t, n)

	// Messages waiting when a connection joins come along.
	send(b, cb, "b5")
	time.Sleep(20 * time.Millisecond)
	_, _ = server.s.SetConnectionPollGroup(int64(sb), int64(g))
	require.Equal(t, "b5", string(server.receive(1, onGroup(server, g))[0].Data))

	ok, err = server.s.DestroyPollGroup(int64(g))
	require.NoError(t, err)
	require.True(t, ok)
	_, err = server.s.ReceiveMessagesOnPollGroup(int64(g), 10, &batch)
	require.ErrorContains(t, err, "does not exist")
	_, err = server.s.SetConnectionPollGroup(int64(sa), int64(g))
	require.Error(t, err)
}

func TestReceiveAllocatesNothingPerMessage(t *testing.T) {
	realm := newRealm(t)
	server, client := newPeer(t, realm), newPeer(t, realm)
	_, sc, cc := connectPair(t, server, client)
	g, _ := server.s.CreatePollGroup()
	_, _ = server.s.SetConnectionPollGroup(int64(sc), int64(g))
	payload := make([]byte, 64)
	var batch steam.MessageBatch
	fill := func(n int) {
		for range n {
			r, _, _ := client.s.SendMessageToConnection(int64(cc), payload, int64(steam.SendReliable))
			require.Equal(t, steam.ResultOK, r)
		}
		_, _ = client.s.FlushMessagesOnConnection(int64(cc))
		require.Eventually(t, func() bool {
			st, _, _, _ := client.s.GetConnectionRealTimeStatus(int64(cc), 0)
			return st.PendingReliable == 0 && st.SentUnackedReliable == 0
		}, 10*time.Second, time.Millisecond)
	}
	for _, read := range []func() int{
		func() int { n, _ := server.s.ReceiveMessagesOnConnection(int64(sc), 100, &batch); return n },
		func() int { n, _ := server.s.ReceiveMessagesOnPollGroup(int64(g), 100, &batch); return n },
	} {
		fill(100)
		require.Equal(t, 100, read(), "warm-up: the batch grows to 100 messages")
		fill(200) // AllocsPerRun reads once to warm up, then once measured
		var n int
		allocs := testing.AllocsPerRun(1, func() { n = read() })
		require.Equal(t, 100, n)
		require.Zero(t, allocs, "a poll of 100 messages into a grown batch allocates nothing")
	}
}
