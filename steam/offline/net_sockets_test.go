package offline_test

// Networking Sockets between two servers of one realm over loopback: connecting, the states and
// end reasons as Steam reports them, messages both ways, closing.

import (
	"bytes"
	"testing"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/stretchr/testify/require"
)

func TestConnectAcceptExchangeClose(t *testing.T) {
	realm := newRealm(t)
	server, client := newPeer(t, realm), newPeer(t, realm)
	ls, sc, cc := connectPair(t, server, client)

	info, err := server.s.GetConnectionInfo(int64(sc))
	require.NoError(t, err)
	require.Equal(t, client.id(), info.Identity, "the server knows the client by the Steam ID its ticket proved")
	require.Equal(t, ls, info.ListenSocket)
	require.Equal(t, steam.ConnectionStateConnected, info.State)
	cinfo, err := client.s.GetConnectionInfo(int64(cc))
	require.NoError(t, err)
	require.Equal(t, server.id(), cinfo.Identity)
	require.Zero(t, cinfo.ListenSocket)

	for i := range 10 {
		r, num, err := client.s.SendMessageToConnection(int64(cc), []byte{byte(i)}, int64(steam.SendReliable))
		require.NoError(t, err)
		require.Equal(t, steam.ResultOK, r)
		require.Equal(t, int64(i+1), num, "message numbers start at 1")
	}
	got := server.receive(10, onConn(server, sc))
	for i, m := range got {
		require.Equal(t, []byte{byte(i)}, m.Data)
		require.Equal(t, sc, m.Conn)
		require.Equal(t, client.id(), m.Identity)
		require.Equal(t, steam.SendReliable, m.Flags)
		require.Equal(t, int64(i+1), m.MessageNumber)
	}
	r, _, err := server.s.SendMessageToConnection(int64(sc), []byte("pong"), int64(steam.SendUnreliable|steam.SendNoNagle))
	require.NoError(t, err)
	require.Equal(t, steam.ResultOK, r)
	back := client.receive(1, onConn(client, cc))
	require.Equal(t, []byte("pong"), back[0].Data)
	require.Zero(t, back[0].Flags)

	ok, err := client.s.CloseConnection(int64(cc), 1234, "bye now", false)
	require.NoError(t, err)
	require.True(t, ok)
	closed := waitFor(server, stateIs(sc, steam.ConnectionStateClosedByPeer))
	require.Equal(t, steam.ConnectionEnd(1234), closed.Info.EndReason)
	require.Equal(t, "bye now", closed.Info.EndDebug)
	require.Equal(t, steam.ConnectionStateConnected, closed.OldState)
	r, _, err = server.s.SendMessageToConnection(int64(sc), []byte("x"), 0)
	require.NoError(t, err)
	require.Equal(t, steam.ResultNoConnection, r, "a connection the peer closed takes nothing more")
	_, err = client.s.GetConnectionInfo(int64(cc))
	require.Error(t, err, "the closed handle names nothing")
	ok, err = server.s.CloseConnection(int64(sc), 0, "", false)
	require.NoError(t, err)
	require.True(t, ok)
}

func TestLargeReliableMessagesArriveWhole(t *testing.T) {
	realm := newRealm(t)
	server, client := newPeer(t, realm), newPeer(t, realm)
	_, sc, cc := connectPair(t, server, client)
	sizes := []int{0, 1, 1199, 1200, 1201, 65536, steam.MaxMessageSizeSend}
	var sent [][]byte
	for i, n := range sizes {
		m := bytes.Repeat([]byte{byte(i + 1)}, n)
		sent = append(sent, m)
		r, _, err := client.s.SendMessageToConnection(int64(cc), m, int64(steam.SendReliable))
		require.NoError(t, err)
		require.Equal(t, steam.ResultOK, r, "size %d", n)
		got := server.receive(1, onConn(server, sc)) // one at a time: a 512 KiB message fills the send buffer
		require.True(t, bytes.Equal(m, got[0].Data), "size %d", n)
	}
	require.Len(t, sent, len(sizes))
}

func TestSendArgumentsAndLimits(t *testing.T) {
	realm := newRealm(t)
	server, client := newPeer(t, realm), newPeer(t, realm)
	_, _, cc := connectPair(t, server, client)
	_, _, err := client.s.SendMessageToConnection(int64(cc), make([]byte, steam.MaxMessageSizeSend+1), int64(steam.SendReliable))
	require.ErrorContains(t, err, "at most 524288")
	_, _, err = client.s.SendMessageToConnection(int64(cc), nil, 2)
	require.ErrorContains(t, err, "NETWORKING_SEND_")
	_, _, err = client.s.SendMessageToConnection(int64(cc), nil, int64(steam.SendReliable|steam.SendNoDelay))
	require.ErrorContains(t, err, "NO_DELAY")
	r, _, err := client.s.SendMessageToConnection(999999, nil, 0)
	require.ErrorContains(t, err, "not open")
	require.Equal(t, steam.ResultInvalidParam, r)
	_, _, err = client.s.SendMessageToConnection(-1, nil, 0)
	require.ErrorContains(t, err, "handle")
	_, err = client.s.ReceiveMessagesOnConnection(int64(cc), 0, &steam.MessageBatch{})
	require.ErrorContains(t, err, "max_messages")
	_, err = client.s.CloseConnection(int64(cc), 5003, "", false)
	require.ErrorContains(t, err, "application reason", "the library's reasons are not the game's to give")
}

func TestAcceptRules(t *testing.T) {
	realm := newRealm(t)
	server, client := newPeer(t, realm), newPeer(t, realm)
	ls, cc := dial(t, server, client)
	first := waitFor(client, stateIs(cc, steam.ConnectionStateConnecting))
	require.Equal(t, steam.ConnectionStateNone, first.OldState, "a new connection reports None -> Connecting")
	r, err := client.s.AcceptConnection(int64(cc))
	require.NoError(t, err)
	require.Equal(t, steam.ResultInvalidState, r, "the connecting side cannot accept")
	incoming := waitFor(server, func(e steam.ConnectionStatusChanged) bool { return e.Info.ListenSocket == ls })
	require.Equal(t, steam.ConnectionStateConnecting, incoming.Info.State)
	require.Equal(t, client.id(), incoming.Info.Identity)
	r, _, err = server.s.SendMessageToConnection(int64(incoming.Conn), []byte("early"), int64(steam.SendReliable))
	require.NoError(t, err)
	require.Equal(t, steam.ResultInvalidState, r, "nothing is sent before the connection is accepted")
	r, err = server.s.AcceptConnection(int64(incoming.Conn))
	require.NoError(t, err)
	require.Equal(t, steam.ResultOK, r)
	r, err = server.s.AcceptConnection(int64(incoming.Conn))
	require.NoError(t, err)
	require.Equal(t, steam.ResultInvalidState, r, "accepted once")
	waitFor(client, stateIs(cc, steam.ConnectionStateConnected))
}
