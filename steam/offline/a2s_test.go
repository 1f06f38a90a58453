package offline

import (
	"encoding/binary"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/stretchr/testify/require"
)

// ---- helpers ------------------------------------------------------------------------------------

var (
	infoReq = append([]byte{0xFF, 0xFF, 0xFF, 0xFF, 'T'}, "Source Engine Query\x00"...)
	testIP  = uint32(0xC0000207) // 192.0.2.7
	t0      = time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
)

func withChallenge(req []byte, c uint32) []byte {
	return binary.LittleEndian.AppendUint32(slices.Clone(req), c)
}

func playerReq(c uint32) []byte { return withChallenge([]byte{0xFF, 0xFF, 0xFF, 0xFF, 'U'}, c) }
func rulesReq(c uint32) []byte  { return withChallenge([]byte{0xFF, 0xFF, 0xFF, 0xFF, 'V'}, c) }

type collect struct {
	dgrams [][]byte
	room   int // reserve refuses more than this many datagrams; 0 = unlimited
}

func (c *collect) reserve(n int) bool { return c.room == 0 || n <= c.room }
func (c *collect) send(d []byte)      { c.dgrams = append(c.dgrams, slices.Clone(d)) }

// ask runs one request through h and returns the datagrams sent back.
func ask(h *a2sHandler, req []byte, ip uint32, snap *querySnapshot) [][]byte {
	var c collect
	h.handle(req, ip, snap, &c)
	return c.dgrams
}

// askOne expects exactly one reply datagram, or a split reply, and returns the reassembled reply.
func askOne(t *testing.T, h *a2sHandler, req []byte, ip uint32, snap *querySnapshot) []byte {
	t.Helper()
	d := ask(h, req, ip, snap)
	require.NotEmpty(t, d, "no reply to % x", req[:min(len(req), 16)])
	r, err := reassemble(d)
	require.NoError(t, err)
	return r
}

func fixedClock(at *time.Time) func() time.Time { return func() time.Time { return *at } }

// snapshotOf builds a published snapshot as the backend does.
func snapshotOf(st steam.State, id steam.SteamID, secure bool, appID uint32, players ...queryPlayer) *querySnapshot {
	st.KeyValues = slices.Clone(st.KeyValues)
	return &querySnapshot{st: st, steamID: id, secure: secure, appID: appID, players: players, rules: &lazyReply{}}
}

var serverID = steam.NewSteamID(steam.UniversePublic, steam.AccountTypeAnonGameServer, 0, 0x1234567)

func demoState() steam.State {
	return steam.State{
		Init:            steam.InitConfig{GamePort: 7777, QueryPort: 27016, Mode: steam.ServerModeAuthentication, Version: "1.2.3.4", AppID: 480},
		Product:         "480",
		Description:     "My Godot Game",
		ModDir:          "mygame",
		Dedicated:       true,
		MaxPlayers:      16,
		BotPlayers:      1,
		ServerName:      "Fake Godot Server",
		MapName:         "arena_01",
		GameTags:        "coop,godot,offline",
		AdvertiseActive: true,
		KeyValues:       []steam.KeyValue{{Key: "mp_friendlyfire", Value: "0"}, {Key: "sv_region", Value: "eu"}, {Key: "motd", Value: "Hello, world"}},
	}
}

func handlerAt(now *time.Time, mod func(*queryConfig)) *a2sHandler {
	cfg := queryConfig{clock: fixedClock(now)}
	if mod != nil {
		mod(&cfg)
	}
	return newA2SHandler(cfg)
}

func bigRules(n int) []steam.KeyValue {
	var kv []steam.KeyValue
	for i := 0; i < n; i++ {
		kv = append(kv, steam.KeyValue{Key: fmt.Sprintf("padrule_%03d", i), Value: strings.Repeat("x", 20)})
	}
	return kv
}

func setUp(t testing.TB, s *steam.Server) {
	t.Helper()
	require.NoError(t, s.SetString(steam.FieldModDir, "mygame"))
	require.NoError(t, s.SetString(steam.FieldDescription, "My Godot Game"))
	require.NoError(t, s.SetBool(steam.FieldDedicated, true))
	require.NoError(t, s.SetString(steam.FieldServerName, "Fake Godot Server"))
	require.NoError(t, s.SetString(steam.FieldMapName, "arena_01"))
	require.NoError(t, s.SetInt(steam.FieldMaxPlayers, 16))
	require.NoError(t, s.SetInt(steam.FieldBotPlayers, 1))
	require.NoError(t, s.SetString(steam.FieldGameTags, "coop,godot,offline"))
	require.NoError(t, s.SetKeyValue("mp_friendlyfire", "0"))
	require.NoError(t, s.SetKeyValue("sv_region", "eu"))
}
