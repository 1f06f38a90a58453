package offline_test

// NetworkingMessages sessions by Steam ID and the old P2P calls over them.

import (
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/stretchr/testify/require"
)

func onChannel(p *peer, ch int64) func(*steam.MessageBatch) (int, error) {
	return func(b *steam.MessageBatch) (int, error) { return p.s.ReceiveMessagesOnChannel(ch, 64, b) }
}

func shortInitialTimeout(t *testing.T, ps ...*peer) {
	for _, p := range ps {
		ok, err := p.s.SetGlobalConfigValue(steam.ConfigOption{Value: steam.ConfigTimeoutInitial, Type: steam.ConfigTypeInt32, Int: 500})
		require.NoError(t, err)
		require.True(t, ok)
	}
}

// listening makes p's sessions endpoint (the first NetworkingMessages call does).
func listening(t *testing.T, p *peer) {
	var b steam.MessageBatch
	_, err := p.s.ReceiveMessagesOnChannel(0, 1, &b)
	require.NoError(t, err)
}

func TestSessionRequestAcceptAndChannels(t *testing.T) {
	realm := newRealm(t)
	a, b := newPeer(t, realm), newPeer(t, realm)
	listening(t, b)
	r, err := a.s.SendMessageToUser(b.id(), []byte("hello on 3"), int64(steam.SendReliable), 3)
	require.NoError(t, err)
	require.Equal(t, steam.ResultOK, r)
	req := waitFor(b, func(e steam.MessagesSessionRequest) bool { return true })
	require.Equal(t, a.id(), req.Remote)
	st, _, _, err := a.s.GetSessionConnectionInfo(b.id())
	require.NoError(t, err)
	require.Equal(t, steam.ConnectionStateConnecting, st, "waiting for b to accept")
	var batch steam.MessageBatch
	n, _ := b.s.ReceiveMessagesOnChannel(3, 10, &batch)
	require.Zero(t, n, "nothing arrives before the session is accepted")

	ok, err := b.s.AcceptSessionWithUser(a.id())
	require.NoError(t, err)
	require.True(t, ok)
	m := b.receive(1, onChannel(b, 3))[0]
	require.Equal(t, "hello on 3", string(m.Data))
	require.Equal(t, a.id(), m.Identity)
	require.Equal(t, int32(3), m.Channel)
	require.Zero(t, m.Conn)

	_, err = b.s.SendMessageToUser(a.id(), []byte("reply on 5"), int64(steam.SendUnreliable|steam.SendNoNagle), 5)
	require.NoError(t, err)
	back := a.receive(1, onChannel(a, 5))[0]
	require.Equal(t, "reply on 5", string(back.Data))
	require.Equal(t, b.id(), back.Identity)
	st, info, status, err := a.s.GetSessionConnectionInfo(b.id())
	require.NoError(t, err)
	require.Equal(t, steam.ConnectionStateConnected, st)
	require.Equal(t, b.id(), info.Identity)
	require.Equal(t, steam.ConnectionStateConnected, status.State)

	// b closes: a is not told (as with Steam) but its session is broken.
	ok, err = b.s.CloseSessionWithUser(a.id())
	require.NoError(t, err)
	require.True(t, ok)
	require.Eventually(t, func() bool {
		st, _, _, _ := a.s.GetSessionConnectionInfo(b.id())
		return st == steam.ConnectionStateClosedByPeer
	}, 5*time.Second, time.Millisecond)
	r, _ = a.s.SendMessageToUser(b.id(), []byte("x"), 0, 0)
	require.Equal(t, steam.ResultNoConnection, r, "a broken session refuses until restarted")
	r, _ = a.s.SendMessageToUser(b.id(), []byte("again"), int64(steam.SendReliable|steam.SendAutoRestartBrokenSession), 0)
	require.Equal(t, steam.ResultOK, r)
	waitFor(b, func(e steam.MessagesSessionRequest) bool { return e.Remote == a.id() })
}

func TestSessionsOpenedByBothAtOnce(t *testing.T) {
	realm := newRealm(t)
	a, b := newPeer(t, realm), newPeer(t, realm)
	listening(t, a)
	listening(t, b)
	for range 5 {
		_, err := a.s.SendMessageToUser(b.id(), []byte("from a"), int64(steam.SendReliable), 1)
		require.NoError(t, err)
		_, err = b.s.SendMessageToUser(a.id(), []byte("from b"), int64(steam.SendReliable), 1)
		require.NoError(t, err)
	}
	for _, side := range []struct {
		p, other *peer
		want     string
	}{{a, b, "from b"}, {b, a, "from a"}} {
		got := side.p.receive(5, onChannel(side.p, 1))
		for _, m := range got {
			require.Equal(t, side.want, string(m.Data), "every message arrives once, on the one session left")
			require.Equal(t, side.other.id(), m.Identity)
		}
		st, _, _, err := side.p.s.GetSessionConnectionInfo(side.other.id())
		require.NoError(t, err)
		require.Equal(t, steam.ConnectionStateConnected, st)
	}
	var batch steam.MessageBatch
	time.Sleep(50 * time.Millisecond)
	for _, p := range []*peer{a, b} {
		n, _ := p.s.ReceiveMessagesOnChannel(1, 10, &batch)
		require.Zero(t, n, "nothing came twice")
		p.collect()
		for _, e := range p.events {
			_, failed := e.(steam.MessagesSessionFailed)
			require.False(t, failed, "neither side saw its session fail: %+v", e)
		}
	}
}

func TestSessionToNobodyFails(t *testing.T) {
	realm := newRealm(t)
	a := newPeer(t, realm)
	nobody := steam.NewSteamID(steam.UniversePublic, steam.AccountTypeIndividual, 1, 424242)
	r, err := a.s.SendMessageToUser(nobody, []byte("?"), int64(steam.SendReliable), 0)
	require.NoError(t, err)
	require.Equal(t, steam.ResultOK, r, "sending is asynchronous: the failure comes as a callback")
	f := waitFor(a, func(e steam.MessagesSessionFailed) bool { return true })
	require.Equal(t, nobody, f.Info.Identity)
	require.Equal(t, steam.ConnectionEndMiscP2PRendezvous, f.Info.EndReason)
	require.Equal(t, steam.ConnectionStateProblemDetectedLocally, f.Info.State)
	r, _ = a.s.SendMessageToUser(nobody, []byte("?"), 0, 0)
	require.Equal(t, steam.ResultNoConnection, r)
}

func TestSessionNotAcceptedFails(t *testing.T) {
	realm := newRealm(t)
	a, b := newPeer(t, realm), newPeer(t, realm)
	shortInitialTimeout(t, a, b)
	listening(t, b)
	_, _ = a.s.SendMessageToUser(b.id(), []byte("anyone?"), int64(steam.SendReliable), 0)
	waitFor(b, func(e steam.MessagesSessionRequest) bool { return true })
	f := waitFor(a, func(e steam.MessagesSessionFailed) bool { return true })
	require.Equal(t, b.id(), f.Info.Identity)
	require.Equal(t, steam.ConnectionEndMiscTimeout, f.Info.EndReason)
}

func TestOldP2PCalls(t *testing.T) {
	realm := newRealm(t)
	a, b := newPeer(t, realm), newPeer(t, realm)
	_, err := b.s.GetAvailableP2PPacketSize(0) // b starts listening
	require.NoError(t, err)
	ok, err := a.s.SendP2PPacket(b.id(), []byte("old api"), int64(steam.P2PSendReliable), 2)
	require.NoError(t, err)
	require.True(t, ok)
	req := waitFor(b, func(e steam.P2PSessionRequest) bool { return true })
	require.Equal(t, a.id(), req.Remote)
	ok, _ = b.s.AcceptP2PSessionWithUser(a.id())
	require.True(t, ok)
	var size uint32
	require.Eventually(t, func() bool { size, _ = b.s.GetAvailableP2PPacketSize(2); return size > 0 }, 5*time.Second, time.Millisecond)
	require.Equal(t, uint32(7), size)
	data, remote, ok, err := b.s.ReadP2PPacket(int64(size), 2)
	require.NoError(t, err)
	require.True(t, ok)
	require.Equal(t, "old api", string(data))
	require.Equal(t, a.id(), remote)
	st, ok, _ := a.s.GetP2PSessionState(b.id())
	require.True(t, ok)
	require.True(t, st.ConnectionActive)
	require.Equal(t, uint32(0x7F000001), st.RemoteIP)
	_, err = a.s.SendP2PPacket(b.id(), make([]byte, 1201), int64(steam.P2PSendUnreliable), 0)
	require.ErrorContains(t, err, "at most 1200")

	nobody := steam.NewSteamID(steam.UniversePublic, steam.AccountTypeIndividual, 1, 434343)
	ok, _ = a.s.SendP2PPacket(nobody, []byte("?"), int64(steam.P2PSendReliable), 0)
	require.True(t, ok)
	fail := waitFor(a, func(e steam.P2PSessionConnectFail) bool { return true })
	require.Equal(t, nobody, fail.Remote)
	require.Equal(t, steam.P2PSessionErrorDestinationNotLoggedIn, fail.Error)
	ok, _ = a.s.CloseP2PSessionWithUser(b.id())
	require.True(t, ok)
	_, ok, _ = a.s.GetP2PSessionState(b.id())
	require.False(t, ok)
}
