package offline_test

// Two OS processes of one realm: this test binary runs itself again as a P2P echo server. The two
// share the realm key and its folder (TestMain's, inherited), so the child's listen socket is found
// through the realm's directory on disk, and the parent's ticket is checked by the child.

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/gosteam/godot-steam-server/steam/offline"
	"github.com/stretchr/testify/require"
)

// netChildEnv makes this test binary the echo server (see TestMain).
const netChildEnv = "GOSTEAM_NET_CHILD"

func TestNetAcrossProcesses(t *testing.T) {
	if os.Getenv(netChildEnv) != "" {
		netEchoChild(t)
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestNetAcrossProcesses$", "-test.count=1")
	cmd.Env = append(os.Environ(), netChildEnv+"=1")
	out, err := cmd.StdoutPipe()
	require.NoError(t, err)
	cmd.Stderr = os.Stderr
	require.NoError(t, cmd.Start())
	done := make(chan error, 1)
	t.Cleanup(func() { _ = cmd.Process.Kill() }) // after a failure; a no-op once it ended
	lines := bufio.NewScanner(out)
	var childID steam.SteamID
	for lines.Scan() {
		if id, ok := strings.CutPrefix(lines.Text(), "READY "); ok {
			v, err := strconv.ParseUint(id, 10, 64)
			require.NoError(t, err)
			childID = steam.SteamID(v)
			break
		}
	}
	require.NotZero(t, childID, "the child never said it was ready")
	go func() {
		for lines.Scan() {
		}
		done <- cmd.Wait()
	}()

	realm, err := offline.LoadRealm()
	require.NoError(t, err)
	cfg, _ := os.UserConfigDir()
	entry := filepath.Join(cfg, "gosteam", "net-"+realm.Fingerprint(), fmt.Sprintf("p2p-%d-5", uint64(childID)))
	require.FileExists(t, entry, "the child's listen socket is in the realm's directory")

	parent := newPeer(t, nil, func(o *offline.Options) { o.Realm = nil })
	cc, err := parent.s.ConnectP2P(childID, 5, nil)
	require.NoError(t, err)
	up := waitFor(parent, stateIs(cc, steam.ConnectionStateConnected))
	require.Equal(t, childID, up.Info.Identity)
	rng := rand.New(rand.NewPCG(3, 3))
	var sent [][]byte
	for i := range 200 {
		m := tagged(rng, i, rng.IntN(4000))
		if i%50 == 0 {
			m = tagged(rng, i, 100_000)
		}
		sent = append(sent, m)
		sendQueued(t, parent, cc, m, steam.SendReliable)
	}
	echoed := parent.receive(len(sent), onConn(parent, cc))
	for i, m := range echoed {
		require.True(t, bytes.Equal(sent[i], m.Data), "echo %d", i)
	}
	_, err = parent.s.CloseConnection(int64(cc), 1000, "done", true)
	require.NoError(t, err)
	select {
	case err := <-done:
		require.NoError(t, err, "the child ended well")
	case <-time.After(20 * time.Second):
		t.Fatal("the child did not end")
	}
	require.NoFileExists(t, entry, "the child withdrew its directory entry at shutdown")
}

// netEchoChild is the child: a P2P listen socket on virtual port 5 that sends back every message of
// the one connection it accepts, until that connection is closed.
func netEchoChild(t *testing.T) {
	server := newPeer(t, nil, func(o *offline.Options) { o.Realm = nil })
	_, err := server.s.CreateListenSocketP2P(5, nil)
	require.NoError(t, err)
	fmt.Printf("READY %d\n", uint64(server.id()))
	incoming := waitFor(server, func(e steam.ConnectionStatusChanged) bool { return e.Info.State == steam.ConnectionStateConnecting })
	_, err = server.s.AcceptConnection(int64(incoming.Conn))
	require.NoError(t, err)
	var batch steam.MessageBatch
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		server.collect()
		for _, e := range server.events {
			if c, ok := e.(steam.ConnectionStatusChanged); ok && c.Info.State == steam.ConnectionStateClosedByPeer {
				_, _ = server.s.CloseConnection(int64(incoming.Conn), 0, "", false)
				require.NoError(t, server.s.Shutdown())
				return
			}
		}
		n, err := server.s.ReceiveMessagesOnConnection(int64(incoming.Conn), 64, &batch)
		require.NoError(t, err)
		for _, m := range batch.Messages[:n] {
			sendQueued(t, server, incoming.Conn, m.Data, steam.SendReliable)
		}
		if n == 0 {
			time.Sleep(time.Millisecond)
		}
	}
	t.Fatal("the parent never closed the connection")
}
