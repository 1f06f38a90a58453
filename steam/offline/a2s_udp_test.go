package offline

import (
	"errors"
	"net"
	"net/netip"
	"runtime"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var loopback = uint32(0x7F000001)

// freeUDPPort is a port nobody on 127.0.0.1 holds right now.
func freeUDPPort(t testing.TB) uint16 {
	t.Helper()
	c, err := net.ListenUDP("udp4", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	require.NoError(t, err)
	defer c.Close()
	return uint16(c.LocalAddr().(*net.UDPAddr).Port)
}

// udpServer starts a front and backend bound to a free loopback query port.
func udpServer(t testing.TB, opts Options) (*steam.Server, *Backend, netip.AddrPort) {
	t.Helper()
	for attempt := 0; ; attempt++ {
		cfg := steam.InitConfig{IP: loopback, GamePort: 7777, QueryPort: freeUDPPort(t), Mode: steam.ServerModeAuthentication, Version: "1.2.3.4", AppID: 480}
		b := New(opts)
		s := steam.NewServer(func() (steam.Backend, error) { return b, nil })
		err := s.Init(cfg)
		if err != nil && attempt < 5 {
			continue // someone took the port in between
		}
		require.NoError(t, err)
		t.Cleanup(func() { _ = s.Shutdown() })
		addr := b.QueryAddr()
		require.Equal(t, netip.AddrPortFrom(netip.MustParseAddr("127.0.0.1"), cfg.QueryPort), addr)
		return s, b, addr
	}
}

type udpClient struct {
	t    *testing.T
	conn *net.UDPConn
}

func dial(t *testing.T, addr netip.AddrPort) *udpClient {
	t.Helper()
	c, err := net.DialUDP("udp4", nil, net.UDPAddrFromAddrPort(addr))
	require.NoError(t, err)
	t.Cleanup(func() { c.Close() })
	return &udpClient{t, c}
}

// ask sends req and reads want datagrams (2 s each at most), then checks that no more arrive within
// quiet.
func (c *udpClient) ask(req []byte, want int, quiet time.Duration) [][]byte {
	c.t.Helper()
	_, err := c.conn.Write(req)
	require.NoError(c.t, err)
	var got [][]byte
	buf := make([]byte, 70000)
	for {
		wait := 2 * time.Second
		if len(got) >= want {
			wait = quiet
		}
		require.NoError(c.t, c.conn.SetReadDeadline(time.Now().Add(wait)))
		n, err := c.conn.Read(buf)
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() {
			require.Len(c.t, got, want, "datagrams in reply to % x", req[:5])
			return got
		}
		require.NoError(c.t, err)
		got = append(got, append([]byte(nil), buf[:n]...))
	}
}

func TestUDPLoopback(t *testing.T) {
	for _, single := range []bool{false, true} {
		name := map[bool]string{false: "split", true: "single datagram"}[single]
		t.Run(name, func(t *testing.T) {
			t.Setenv(EnvRequireInfoChallenge, "1")
			s, b, addr := udpServer(t, Options{Queries: QueryOptions{SingleDatagram: single}})
			setUp(t, s)
			for _, kv := range bigRules(80) {
				require.NoError(t, s.SetKeyValue(kv.Key, kv.Value))
			}
			c := dial(t, addr)
			ok, err := s.HandleIncomingPacket(infoReq, "127.0.0.1", 50000)
			require.NoError(t, err)
			assert.False(t, ok, "with a query port of its own, Steam takes nothing from the game socket")
			c.ask(infoReq, 0, 200*time.Millisecond) // silent until advertised
			require.NoError(t, s.SetBool(steam.FieldAdvertiseActive, true))
			require.NoError(t, s.LogOnAnonymous())

			d := c.ask(infoReq, 1, 50*time.Millisecond)
			ch, err := decodeChallenge(d[0])
			require.NoError(t, err, "challenge required through the environment")
			d = c.ask(withChallenge(infoReq, ch), 1, 50*time.Millisecond)
			got, err := decodeInfo(d[0])
			require.NoError(t, err)
			assert.Equal(t, "Fake Godot Server", got.Name)
			assert.Equal(t, uint16(7777), got.GamePort)
			assert.Equal(t, uint64(b.SteamID()), got.SteamID)

			// 82 rules: 2700 bytes, one datagram or 3 fragments.
			d = c.ask(rulesReq(ch), map[bool]int{false: 3, true: 1}[single], 50*time.Millisecond)
			r, err := reassemble(d)
			require.NoError(t, err)
			rules, err := decodeRules(r)
			require.NoError(t, err)
			assert.Len(t, rules, 82)

			rows, err := decodePlayers(c.ask(playerReq(ch), 1, 50*time.Millisecond)[0])
			require.NoError(t, err)
			assert.Empty(t, rows)

			// Shutdown closes the socket: the port can be bound again at once.
			require.NoError(t, s.Shutdown())
			assert.False(t, b.QueryAddr().IsValid())
			again, err := net.ListenUDP("udp4", net.UDPAddrFromAddrPort(addr))
			require.NoError(t, err, "the query port is free after Shutdown")
			again.Close()
		})
	}
}

// addrInUse is the OS's error for a bound address: EADDRINUSE, or Windows' WSAEADDRINUSE (10048).
var addrInUse = func() error {
	if runtime.GOOS == "windows" {
		return syscall.Errno(10048)
	}
	return syscall.EADDRINUSE
}()

func TestUDPBindFailure(t *testing.T) {
	holder, err := net.ListenUDP("udp4", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	require.NoError(t, err)
	defer holder.Close()
	port := uint16(holder.LocalAddr().(*net.UDPAddr).Port)

	b := New(Options{})
	s := steam.NewServer(func() (steam.Backend, error) { return b, nil })
	cfg := steam.InitConfig{IP: loopback, GamePort: 7777, QueryPort: port, Mode: steam.ServerModeAuthentication}
	err = s.Init(cfg)
	require.Error(t, err)
	var ie *steam.InitError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, steam.InitFailedGeneric, ie.Status)
	assert.Contains(t, err.Error(), "cannot open the query port 127.0.0.1:")
	assert.Contains(t, err.Error(), addrInUse.Error())
	assert.False(t, s.Initialized(), "a failed Init leaves the server uninitialized")
	assert.Nil(t, b.a2s)

	// An address this machine does not have fails the same way.
	cfg.IP, cfg.QueryPort = 0xC0000201, freeUDPPort(t) // 192.0.2.1, TEST-NET-1
	err = s.Init(cfg)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "cannot open the query port 192.0.2.1:")

	// Freed, the same port works.
	holder.Close()
	cfg.IP, cfg.QueryPort = loopback, port
	require.NoError(t, s.Init(cfg))
	require.NoError(t, s.Shutdown())
}

// The responder goroutine reads snapshots while the game changes the state and logs on and off, and
// Shutdown may come while queries arrive: run with -race.
func TestUDPConcurrentWithFront(t *testing.T) {
	s, _, addr := udpServer(t, Options{})
	setUp(t, s)
	require.NoError(t, s.SetBool(steam.FieldAdvertiseActive, true))
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := net.DialUDP("udp4", nil, net.UDPAddrFromAddrPort(addr))
			if err != nil {
				return
			}
			defer c.Close()
			buf := make([]byte, 2048)
			for {
				select {
				case <-stop:
					return
				default:
				}
				_, _ = c.Write(infoReq)
				_ = c.SetReadDeadline(time.Now().Add(50 * time.Millisecond))
				_, _ = c.Read(buf)
			}
		}()
	}
	for i := 0; i < 300; i++ {
		require.NoError(t, s.SetString(steam.FieldMapName, "map"+string(rune('a'+i%26))))
		require.NoError(t, s.SetKeyValue("k", "v"+string(rune('a'+i%26))))
		if i%50 == 0 {
			require.NoError(t, s.LogOnAnonymous())
			require.NoError(t, s.LogOff())
		}
	}
	require.NoError(t, s.Shutdown())
	close(stop)
	wg.Wait()
}

type panicSink struct{}

func (panicSink) reserve(int) bool { panic("sink broke") }
func (panicSink) send([]byte)      {}

// A panic while answering (or sending a batch of replies) on the responder's goroutine is recovered
// and reported once: the game goes on, and the next datagram is answered.
func TestResponderRecoversPanics(t *testing.T) {
	var reports []string
	old := steam.ReportError
	steam.ReportError = func(m string) { reports = append(reports, m) }
	t.Cleanup(func() { steam.ReportError = old })
	r := &a2sResponder{h: newA2SHandler(queryConfig{})}
	r.mirror.st.AdvertiseActive = true
	r.dirty = true
	for i := 0; i < 3; i++ {
		require.NotPanics(t, func() { r.answer(infoReq, testIP, panicSink{}) })
	}
	require.Len(t, reports, 1, "reported once")
	assert.Contains(t, reports[0], "sink broke")
	var out collect
	r.answer(infoReq, testIP, &out)
	assert.Len(t, out.dgrams, 1, "answers again")

	r = &a2sResponder{h: newA2SHandler(queryConfig{})}
	require.NotPanics(t, func() { r.flush(nil) }, "a writer that breaks while sending a batch")
	require.Len(t, reports, 2)
	assert.Contains(t, reports[1], "lost a batch of replies")
}
