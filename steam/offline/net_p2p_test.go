package offline_test

// Reaching servers by Steam ID: P2P listen sockets, a client acting as a user (resetIdentity),
// hosted dedicated servers on SDR_LISTEN_PORT, and the directory's misses.

import (
	"net"
	"strconv"
	"testing"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/stretchr/testify/require"
)

var netUser = steam.NewSteamID(steam.UniversePublic, steam.AccountTypeIndividual, 1, 1234)

func TestConnectP2PAsAUserOfTheRealm(t *testing.T) {
	realm := newRealm(t)
	server, client := newPeer(t, realm), newPeer(t, realm)
	ls, err := server.s.CreateListenSocketP2P(7, nil)
	require.NoError(t, err)
	require.NotZero(t, ls)
	require.NoError(t, client.s.ResetIdentity(netUser))
	id, ok, err := client.s.GetIdentity()
	require.NoError(t, err)
	require.True(t, ok)
	require.Equal(t, netUser, id)

	cc, err := client.s.ConnectP2P(server.id(), 7, nil)
	require.NoError(t, err)
	incoming := waitFor(server, func(e steam.ConnectionStatusChanged) bool { return e.Info.ListenSocket == ls })
	require.Equal(t, netUser, incoming.Info.Identity, "the server knows the client as the user it acts as")
	require.Contains(t, incoming.Info.Description, "P2P")
	_, err = server.s.AcceptConnection(int64(incoming.Conn))
	require.NoError(t, err)
	up := waitFor(client, stateIs(cc, steam.ConnectionStateConnected))
	require.Equal(t, server.id(), up.Info.Identity)
	got, res, err := server.s.GetConfigValue(int64(steam.ConfigLocalVirtualPort), int64(steam.ConfigScopeListenSocket), int64(ls))
	require.NoError(t, err)
	require.Equal(t, steam.ConfigGetOK, res)
	require.Equal(t, int64(7), got.Int)

	// Another virtual port of the same server: nobody listens there.
	miss, err := client.s.ConnectP2P(server.id(), 8, nil)
	require.NoError(t, err)
	e := waitFor(client, stateIs(miss, steam.ConnectionStateProblemDetectedLocally))
	require.Equal(t, steam.ConnectionEndMiscP2PRendezvous, e.Info.EndReason)

	// The listen socket closed: its entry is gone from the directory.
	_, err = server.s.CloseListenSocket(int64(ls))
	require.NoError(t, err)
	closed := waitFor(client, stateIs(cc, steam.ConnectionStateClosedByPeer))
	require.Equal(t, steam.ConnectionEndAppGeneric, closed.Info.EndReason)
	again, _ := client.s.ConnectP2P(server.id(), 7, nil)
	e = waitFor(client, stateIs(again, steam.ConnectionStateProblemDetectedLocally))
	require.Equal(t, steam.ConnectionEndMiscP2PRendezvous, e.Info.EndReason)
}

func TestP2PListenSocketFollowsTheLogOnID(t *testing.T) {
	realm := newRealm(t)
	server, client := newPeer(t, realm), newPeer(t, realm)
	_, err := server.s.CreateListenSocketP2P(0, nil)
	require.NoError(t, err)
	require.NoError(t, server.s.LogOn("a token"))
	server.s.RunFrame()
	cc, err := client.s.ConnectP2P(server.id(), 0, nil)
	require.NoError(t, err)
	incoming := waitFor(server, func(e steam.ConnectionStatusChanged) bool { return e.Info.State == steam.ConnectionStateConnecting })
	require.Equal(t, client.id(), incoming.Info.Identity)
	_, _ = server.s.AcceptConnection(int64(incoming.Conn))
	up := waitFor(client, stateIs(cc, steam.ConnectionStateConnected))
	require.Equal(t, server.id(), up.Info.Identity, "the socket answers as the persistent ID of the log-on token")
}

func freeUDPPort(t *testing.T) int {
	c, err := net.ListenUDP("udp4", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	require.NoError(t, err)
	defer c.Close()
	return c.LocalAddr().(*net.UDPAddr).Port
}

func TestHostedDedicatedServer(t *testing.T) {
	realm := newRealm(t)
	plain := newPeer(t, realm)
	ls, err := plain.s.CreateHostedDedicatedServerListenSocket(0, nil)
	require.NoError(t, err)
	require.Zero(t, ls, "without SDR_LISTEN_PORT there is no hosted listen socket")
	pop, _ := plain.s.GetHostedDedicatedServerPOPID()
	require.Zero(t, pop)

	port := freeUDPPort(t)
	t.Setenv("SDR_LISTEN_PORT", strconv.Itoa(port))
	server, client := newPeer(t, realm), newPeer(t, realm)
	p, _ := server.s.GetHostedDedicatedServerPort()
	require.Equal(t, uint16(port), p)
	pop, _ = server.s.GetHostedDedicatedServerPOPID()
	require.Equal(t, uint32('d'<<16|'e'<<8|'v'), pop, "k_SteamDatagramPOPID_dev")
	ls, err = server.s.CreateHostedDedicatedServerListenSocket(3, nil)
	require.NoError(t, err)
	require.NotZero(t, ls)
	addr, _ := server.s.GetListenSocketAddress(int64(ls), true)
	require.Equal(t, "127.0.0.1:"+strconv.Itoa(port), addr)
	cc, err := client.s.ConnectToHostedDedicatedServer(server.id(), 3, nil)
	require.NoError(t, err)
	incoming := waitFor(server, func(e steam.ConnectionStatusChanged) bool { return e.Info.ListenSocket == ls })
	_, _ = server.s.AcceptConnection(int64(incoming.Conn))
	waitFor(client, stateIs(cc, steam.ConnectionStateConnected))
	// A P2P connect is not a hosted one.
	miss, _ := client.s.ConnectP2P(server.id(), 3, nil)
	waitFor(client, stateIs(miss, steam.ConnectionStateProblemDetectedLocally))
}
