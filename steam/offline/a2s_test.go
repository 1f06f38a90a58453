package offline

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ---- an independent decoder, written from the protocol notes, not from the encoder ----------------

type wire struct {
	b   []byte
	err error
}

func (w *wire) take(n int) []byte {
	if w.err != nil {
		return make([]byte, n)
	}
	if len(w.b) < n {
		w.err = fmt.Errorf("truncated: need %d bytes, have %d", n, len(w.b))
		return make([]byte, n)
	}
	v := w.b[:n]
	w.b = w.b[n:]
	return v
}
func (w *wire) u8() byte     { return w.take(1)[0] }
func (w *wire) u16() uint16  { return binary.LittleEndian.Uint16(w.take(2)) }
func (w *wire) i32() int32   { return int32(binary.LittleEndian.Uint32(w.take(4))) }
func (w *wire) u32() uint32  { return binary.LittleEndian.Uint32(w.take(4)) }
func (w *wire) u64() uint64  { return binary.LittleEndian.Uint64(w.take(8)) }
func (w *wire) f32() float32 { return math.Float32frombits(w.u32()) }
func (w *wire) str() string {
	if w.err != nil {
		return ""
	}
	i := bytes.IndexByte(w.b, 0)
	if i < 0 {
		w.err = errors.New("unterminated string")
		return ""
	}
	s := string(w.b[:i])
	w.b = w.b[i+1:]
	return s
}

// head reads FF FF FF FF and the type byte.
func (w *wire) head() byte {
	if h := w.u32(); h != 0xFFFFFFFF && w.err == nil {
		w.err = fmt.Errorf("header %08x", h)
	}
	return w.u8()
}

func (w *wire) end() error {
	if w.err == nil && len(w.b) != 0 {
		return fmt.Errorf("%d bytes left over", len(w.b))
	}
	return w.err
}

type info struct {
	Protocol                           byte
	Name, Map, Folder, Game            string
	AppID                              uint16
	Players, MaxPlayers, Bots          byte
	ServerType, Environment            byte
	Visibility, VAC                    byte
	Version                            string
	EDF                                byte
	GamePort                           uint16
	SteamID                            uint64
	SpectatorPort                      uint16
	SpectatorName, Keywords            string
	GameID                             uint64
	HasGamePort, HasSteamID, HasGameID bool
}

func decodeInfo(b []byte) (info, error) {
	w := &wire{b: b}
	var v info
	if t := w.head(); t != 'I' && w.err == nil {
		return v, fmt.Errorf("type %q, want 'I'", t)
	}
	v.Protocol = w.u8()
	v.Name, v.Map, v.Folder, v.Game = w.str(), w.str(), w.str(), w.str()
	v.AppID = w.u16()
	v.Players, v.MaxPlayers, v.Bots = w.u8(), w.u8(), w.u8()
	v.ServerType, v.Environment = w.u8(), w.u8()
	v.Visibility, v.VAC = w.u8(), w.u8()
	v.Version = w.str()
	if w.err == nil && len(w.b) > 0 {
		v.EDF = w.u8()
		if v.EDF&0x80 != 0 {
			v.GamePort, v.HasGamePort = w.u16(), true
		}
		if v.EDF&0x10 != 0 {
			v.SteamID, v.HasSteamID = w.u64(), true
		}
		if v.EDF&0x40 != 0 {
			v.SpectatorPort, v.SpectatorName = w.u16(), w.str()
		}
		if v.EDF&0x20 != 0 {
			v.Keywords = w.str()
		}
		if v.EDF&0x01 != 0 {
			v.GameID, v.HasGameID = w.u64(), true
		}
	}
	return v, w.end()
}

type playerRow struct {
	Index    byte
	Name     string
	Score    int32
	Duration float32
}

func decodePlayers(b []byte) ([]playerRow, error) {
	w := &wire{b: b}
	if t := w.head(); t != 'D' && w.err == nil {
		return nil, fmt.Errorf("type %q, want 'D'", t)
	}
	n := int(w.u8())
	rows := []playerRow{}
	for i := 0; i < n && w.err == nil; i++ {
		rows = append(rows, playerRow{w.u8(), w.str(), w.i32(), w.f32()})
	}
	return rows, w.end()
}

func decodeRules(b []byte) ([]steam.KeyValue, error) {
	w := &wire{b: b}
	if t := w.head(); t != 'E' && w.err == nil {
		return nil, fmt.Errorf("type %q, want 'E'", t)
	}
	n := int(w.u16())
	rules := []steam.KeyValue{}
	for i := 0; i < n && w.err == nil; i++ {
		rules = append(rules, steam.KeyValue{Key: w.str(), Value: w.str()})
	}
	return rules, w.end()
}

// decodeChallenge returns the challenge of an S2C_CHALLENGE, or an error.
func decodeChallenge(b []byte) (uint32, error) {
	w := &wire{b: b}
	if t := w.head(); t != 'A' && w.err == nil {
		return 0, fmt.Errorf("type %q, want 'A'", t)
	}
	c := w.u32()
	return c, w.end()
}

// reassemble checks Source split fragments (in any order) and returns the reply they carry. An
// unsplit datagram is returned as is.
func reassemble(dgrams [][]byte) ([]byte, error) {
	if len(dgrams) == 1 && bytes.HasPrefix(dgrams[0], []byte{0xFF, 0xFF, 0xFF, 0xFF}) {
		return dgrams[0], nil
	}
	var id uint32
	var parts [][]byte
	for i, d := range dgrams {
		w := &wire{b: d}
		if h := w.u32(); h != 0xFFFFFFFE {
			return nil, fmt.Errorf("fragment %d: header %08x", i, h)
		}
		fid, total, num, size := w.u32(), int(w.u8()), int(w.u8()), w.u16()
		if w.err != nil {
			return nil, w.err
		}
		if i == 0 {
			id, parts = fid, make([][]byte, total)
		}
		switch {
		case fid != id:
			return nil, fmt.Errorf("fragment %d: id %d, want %d", i, fid, id)
		case fid&0x80000000 != 0:
			return nil, fmt.Errorf("fragment %d: compressed flag set", i)
		case total != len(parts) || total != len(dgrams):
			return nil, fmt.Errorf("fragment %d: total %d of %d datagrams", i, total, len(dgrams))
		case num >= total || parts[num] != nil:
			return nil, fmt.Errorf("fragment %d: bad or repeated number %d", i, num)
		case size != 1248:
			return nil, fmt.Errorf("fragment %d: size field %d", i, size)
		case len(w.b) > 1248 || (num < total-1 && len(w.b) != 1248):
			return nil, fmt.Errorf("fragment %d: %d payload bytes", i, len(w.b))
		}
		parts[num] = w.b
	}
	return bytes.Join(parts, nil), nil
}

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

// ---- SipHash ------------------------------------------------------------------------------------

func TestSipHashReferenceVectors(t *testing.T) {
	// The reference implementation's vectors: key 00..0f, message 00..n-1.
	k0, k1 := uint64(0x0706050403020100), uint64(0x0F0E0D0C0B0A0908)
	msg := make([]byte, 16)
	for i := range msg {
		msg[i] = byte(i)
	}
	for _, v := range []struct {
		n    int
		want uint64
	}{{0, 0x726fdb47dd0e0e31}, {1, 0x74f839c593dc67fd}, {2, 0x0d6c8009d9a94f5a}, {3, 0x85676696d7fb7e2d},
		{4, 0xcf2794e0277187b7}, {8, 0x93f5f5799a932462}, {15, 0xa129ca6149be45e5}, {16, 0x3f2acc7f57c29bdb}} {
		assert.Equal(t, v.want, sipHash24(k0, k1, msg[:v.n]), "%d bytes", v.n)
	}
}

// ---- A2S_INFO, field by field --------------------------------------------------------------------

func TestInfoFields(t *testing.T) {
	now := t0
	h := handlerAt(&now, nil)
	mk := func(mod func(*steam.State)) steam.State {
		st := demoState()
		if mod != nil {
			mod(&st)
		}
		return st
	}
	bot := queryPlayer{name: "BotCarl", bot: true}
	alice := queryPlayer{name: "Alice", score: 12, connected: t0.Add(-time.Minute)}
	tests := []struct {
		name    string
		snap    *querySnapshot
		want    info
		players []queryPlayer
	}{
		{"steamworks defaults as the demo sets them", snapshotOf(mk(nil), serverID, false, 480, alice, bot), info{
			Protocol: 17, Name: "Fake Godot Server", Map: "arena_01", Folder: "mygame", Game: "My Godot Game",
			AppID: 480, Players: 2, MaxPlayers: 16, Bots: 1, ServerType: 'd', Environment: 'l', Visibility: 0, VAC: 0,
			Version: "1.2.3.4", EDF: 0xB1, GamePort: 7777, SteamID: uint64(serverID), Keywords: "coop,godot,offline",
			GameID: 480, HasGamePort: true, HasSteamID: true, HasGameID: true}, nil},
		{"listen server, password, VAC, spectator, no tags", snapshotOf(mk(func(s *steam.State) {
			s.Dedicated, s.PasswordProtected, s.GameTags = false, true, ""
			s.SpectatorPort, s.SpectatorName = 27020, "Godot TV"
		}), serverID, true, 480), info{
			Protocol: 17, Name: "Fake Godot Server", Map: "arena_01", Folder: "mygame", Game: "My Godot Game",
			AppID: 480, Players: 0, MaxPlayers: 16, Bots: 1, ServerType: 'l', Environment: 'l', Visibility: 1, VAC: 1,
			Version: "1.2.3.4", EDF: 0xD1, GamePort: 7777, SteamID: uint64(serverID), SpectatorPort: 27020,
			SpectatorName: "Godot TV", GameID: 480, HasGamePort: true, HasSteamID: true, HasGameID: true}, nil},
		{"app ID over 16 bits travels in the game ID only", snapshotOf(mk(nil), serverID, false, 1234567), info{
			Protocol: 17, Name: "Fake Godot Server", Map: "arena_01", Folder: "mygame", Game: "My Godot Game",
			AppID: 0, MaxPlayers: 16, Bots: 1, ServerType: 'd', Environment: 'l',
			Version: "1.2.3.4", EDF: 0xB1, GamePort: 7777, SteamID: uint64(serverID), Keywords: "coop,godot,offline",
			GameID: 1234567, HasGamePort: true, HasSteamID: true, HasGameID: true}, nil},
		{"empty strings, counts clamped to a byte, NUL cuts a string", snapshotOf(steam.State{
			Init:       steam.InitConfig{GamePort: 1, Version: ""},
			ServerName: "a\x00b", MaxPlayers: 65535, BotPlayers: 300, AdvertiseActive: true,
		}, 0, false, 65535), info{
			Protocol: 17, Name: "a", AppID: 65535, MaxPlayers: 255, Bots: 255, ServerType: 'l', Environment: 'l',
			EDF: 0x91, GamePort: 1, GameID: 65535, HasGamePort: true, HasSteamID: true, HasGameID: true}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decodeInfo(askOne(t, h, infoReq, testIP, tt.snap))
			require.NoError(t, err)
			want := tt.want
			want.Environment = serverEnvironment
			assert.Equal(t, want, got)
		})
	}
}

func TestInfoPlayerCountCapped(t *testing.T) {
	now := t0
	players := make([]queryPlayer, 300)
	got, err := decodeInfo(askOne(t, handlerAt(&now, nil), infoReq, testIP, snapshotOf(demoState(), serverID, false, 480, players...)))
	require.NoError(t, err)
	assert.Equal(t, byte(255), got.Players)
}

// ---- A2S_PLAYER and A2S_RULES --------------------------------------------------------------------

func TestPlayersReply(t *testing.T) {
	now := t0
	h := handlerAt(&now, nil)
	c := currentChallenge(h.key, testIP, now)
	tests := []struct {
		name    string
		players []queryPlayer
		want    []playerRow
	}{
		{"none", nil, []playerRow{}},
		{"people and a bot", []queryPlayer{
			{name: "Alice", score: 12, connected: t0.Add(-345500 * time.Millisecond)},
			{name: "Bob", score: -3, connected: t0.Add(-60250 * time.Millisecond)},
			{name: "BotCarl", bot: true},
			{name: "Café ☕", score: math.MaxInt32, connected: t0.Add(time.Hour)}, // a clock going back reports 0
		}, []playerRow{{0, "Alice", 12, 345.5}, {1, "Bob", -3, 60.25}, {2, "BotCarl", 0, -1}, {3, "Café ☕", math.MaxInt32, 0}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, err := decodePlayers(askOne(t, h, playerReq(c), testIP, snapshotOf(demoState(), serverID, false, 480, tt.players...)))
			require.NoError(t, err)
			assert.Equal(t, tt.want, rows)
		})
	}
	many := make([]queryPlayer, 300)
	for i := range many {
		many[i] = queryPlayer{name: strings.Repeat("n", 100), connected: t0}
	}
	rows, err := decodePlayers(askOne(t, h, playerReq(c), testIP, snapshotOf(demoState(), serverID, false, 480, many...)))
	require.NoError(t, err, "a long list is split and reassembles")
	require.Len(t, rows, 255, "the count is a byte")
	assert.Equal(t, byte(254), rows[254].Index)
}

func TestRulesReply(t *testing.T) {
	now := t0
	h := handlerAt(&now, nil)
	c := currentChallenge(h.key, testIP, now)
	for _, n := range []int{0, 1, 3, 40, 512} {
		t.Run(fmt.Sprint(n, " rules"), func(t *testing.T) {
			st := demoState()
			st.KeyValues = nil
			for i := 0; i < n; i++ {
				st.KeyValues = append(st.KeyValues, steam.KeyValue{Key: fmt.Sprintf("rule_%03d", i), Value: strings.Repeat("v", i%256)})
			}
			rules, err := decodeRules(askOne(t, h, rulesReq(c), testIP, snapshotOf(st, serverID, false, 480)))
			require.NoError(t, err)
			assert.Equal(t, append([]steam.KeyValue{}, st.KeyValues...), rules)
		})
	}
}

// ---- challenges ---------------------------------------------------------------------------------

func TestChallengeModes(t *testing.T) {
	now := t0
	key := challengeKey
	cur := currentChallenge(key, testIP, now)
	prev := challengeFor(key, testIP, challengeWindowOf(now)-1)
	stale := challengeFor(key, testIP, challengeWindowOf(now)-2)
	other := currentChallenge(key, testIP+1, now) // another address's challenge
	padded := append(withChallenge(infoReq, cur), make([]byte, 1000)...)
	type tc struct {
		name string
		req  []byte
		want byte // reply type; 0 = silence
	}
	common := []tc{
		{"PLAYER asking for a challenge (-1)", playerReq(noChallenge), 'A'},
		{"PLAYER with the challenge", playerReq(cur), 'D'},
		{"PLAYER with last window's challenge", playerReq(prev), 'D'},
		{"PLAYER with a stale challenge", playerReq(stale), 'A'},
		{"PLAYER with another address's challenge", playerReq(other), 'A'},
		{"PLAYER without a challenge", []byte{0xFF, 0xFF, 0xFF, 0xFF, 'U'}, 0},
		{"PLAYER with a short challenge", []byte{0xFF, 0xFF, 0xFF, 0xFF, 'U', 1, 2, 3}, 0},
		{"RULES asking for a challenge (-1)", rulesReq(noChallenge), 'A'},
		{"RULES with the challenge", rulesReq(cur), 'E'},
		{"RULES with a wrong challenge", rulesReq(cur ^ 1), 'A'},
		{"RULES with padding after the challenge", append(rulesReq(cur), 0, 0, 0), 'E'},
	}
	modes := []struct {
		name    string
		require bool
		cases   []tc
	}{
		{"INFO without challenge (Steamworks default)", false, append([]tc{
			{"INFO", infoReq, 'I'},
			{"INFO with a challenge", withChallenge(infoReq, cur), 'I'},
			{"INFO with a wrong challenge is still answered", withChallenge(infoReq, cur^1), 'I'},
			{"INFO with padding", padded, 'I'},
		}, common...)},
		{"INFO requires the 2020 challenge", true, append([]tc{
			{"INFO", infoReq, 'A'},
			{"INFO with the challenge", withChallenge(infoReq, cur), 'I'},
			{"INFO with last window's challenge", withChallenge(infoReq, prev), 'I'},
			{"INFO with a stale challenge", withChallenge(infoReq, stale), 'A'},
			{"INFO with a wrong challenge", withChallenge(infoReq, cur^1), 'A'},
			{"INFO with -1", withChallenge(infoReq, noChallenge), 'A'},
			{"INFO with half a challenge", append(slices.Clone(infoReq), 1, 2), 'A'},
			{"INFO with the challenge and padding", padded, 'I'},
		}, common...)},
	}
	snap := snapshotOf(demoState(), serverID, false, 480)
	for _, m := range modes {
		h := handlerAt(&now, func(c *queryConfig) { c.requireInfoChallenge = m.require })
		for _, c := range m.cases {
			t.Run(m.name+"/"+c.name, func(t *testing.T) {
				d := ask(h, c.req, testIP, snap)
				if c.want == 0 {
					assert.Empty(t, d)
					return
				}
				require.Len(t, d, 1)
				assert.Equal(t, []byte{0xFF, 0xFF, 0xFF, 0xFF, c.want}, d[0][:5])
				if c.want == 'A' {
					got, err := decodeChallenge(d[0])
					require.NoError(t, err)
					assert.Equal(t, cur, got, "S2C_CHALLENGE carries the current challenge")
					if len(c.req) >= 9 {
						sent := binary.LittleEndian.Uint32(c.req[len(c.req)-4:])
						assert.NotEqual(t, sent, got, "a refused challenge is never sent back (gamedig ignores a repeated one)")
					}
					assert.LessOrEqual(t, len(d[0]), len(c.req), "an unproven source gets no more bytes than it sent")
				}
			})
		}
	}
}

func TestChallengeFlowAsClientsDoIt(t *testing.T) {
	// gamedig and qstat: INFO, S2C_CHALLENGE, INFO + challenge, then PLAYER and RULES with that challenge.
	now := t0
	h := handlerAt(&now, func(c *queryConfig) { c.requireInfoChallenge = true })
	snap := snapshotOf(demoState(), serverID, false, 480)
	c, err := decodeChallenge(askOne(t, h, infoReq, testIP, snap))
	require.NoError(t, err)
	_, err = decodeInfo(askOne(t, h, withChallenge(infoReq, c), testIP, snap))
	require.NoError(t, err)
	_, err = decodeRules(askOne(t, h, rulesReq(c), testIP, snap))
	require.NoError(t, err)
	_, err = decodePlayers(askOne(t, h, playerReq(c), testIP, snap))
	require.NoError(t, err)

	// 25 minutes later the challenge is stale; the client is given a new, different one.
	now = now.Add(25 * time.Minute)
	c2, err := decodeChallenge(askOne(t, h, rulesReq(c), testIP, snap))
	require.NoError(t, err)
	assert.NotEqual(t, c, c2)
	_, err = decodeRules(askOne(t, h, rulesReq(c2), testIP, snap))
	require.NoError(t, err)
}

func TestChallengeValues(t *testing.T) {
	seen := map[uint32]bool{}
	for ip := uint32(0); ip < 5000; ip++ {
		c := challengeFor(challengeKey, ip, 1)
		assert.NotEqual(t, uint32(noChallenge), c)
		assert.NotZero(t, c)
		seen[c] = true
	}
	assert.Greater(t, len(seen), 4990, "challenges differ per address")
	assert.NotEqual(t, challengeFor(challengeKey, 1, 1), challengeFor(challengeKey, 1, 2), "and per window")
	assert.NotEqual(t, challengeFor([2]uint64{1, 2}, 1, 1), challengeFor([2]uint64{1, 3}, 1, 1), "and per key")
}

// ---- silence ------------------------------------------------------------------------------------

func TestSilentUntilAdvertised(t *testing.T) {
	now := t0
	h := handlerAt(&now, nil)
	st := demoState()
	st.AdvertiseActive = false
	c := currentChallenge(h.key, testIP, now)
	for _, req := range [][]byte{infoReq, playerReq(noChallenge), rulesReq(c), playerReq(c)} {
		assert.Empty(t, ask(h, req, testIP, snapshotOf(st, serverID, false, 480)))
		assert.Empty(t, ask(h, req, testIP, nil), "no snapshot yet")
	}
}

func TestMalformedDropped(t *testing.T) {
	now := t0
	h := handlerAt(&now, nil)
	snap := snapshotOf(demoState(), serverID, false, 480)
	c := currentChallenge(h.key, testIP, now)
	long := append(rulesReq(c), make([]byte, maxRequestLen)...)
	cases := map[string][]byte{
		"empty":                   {},
		"bare header":             {0xFF, 0xFF, 0xFF, 0xFF},
		"split header":            append([]byte{0xFE, 0xFF, 0xFF, 0xFF}, infoReq[4:]...),
		"wrong header":            append([]byte{0xFF, 0xFF, 0xFF, 0xFE}, infoReq[4:]...),
		"A2A_PING":                {0xFF, 0xFF, 0xFF, 0xFF, 'i'},
		"GETCHALLENGE (legacy)":   {0xFF, 0xFF, 0xFF, 0xFF, 'W'},
		"a reply type":            {0xFF, 0xFF, 0xFF, 0xFF, 'I', 0x11, 0},
		"INFO without magic":      {0xFF, 0xFF, 0xFF, 0xFF, 'T'},
		"INFO, magic cut":         infoReq[:20],
		"INFO, magic without NUL": infoReq[:24],
		"INFO, wrong magic":       append([]byte{0xFF, 0xFF, 0xFF, 0xFF, 'T'}, "Source Engine Querx\x00"...),
		"INFO, lower case":        append([]byte{0xFF, 0xFF, 0xFF, 0xFF, 'T'}, "source engine query\x00"...),
		"over 1400 bytes":         long,
	}
	for name, req := range cases {
		assert.Empty(t, ask(h, req, testIP, snap), name)
	}
	// Filtered datagrams cost no allocation.
	var sink collect
	allocs := testing.AllocsPerRun(200, func() {
		for _, req := range cases {
			h.handle(req, testIP, snap, &sink)
		}
	})
	assert.Zero(t, allocs)
}

// ---- split and single-datagram replies -----------------------------------------------------------

func bigRules(n int) []steam.KeyValue {
	var kv []steam.KeyValue
	for i := 0; i < n; i++ {
		kv = append(kv, steam.KeyValue{Key: fmt.Sprintf("padrule_%03d", i), Value: strings.Repeat("x", 20)})
	}
	return kv
}

func TestSplitAndSingle(t *testing.T) {
	now := t0
	tests := []struct {
		name        string
		rules       int
		single      bool
		maxDatagram int
		datagrams   int
	}{
		{"small reply: one datagram", 3, false, 0, 1},
		{"exactly 1400 bytes is not split", -1, false, 0, 1},
		{"60 rules split in 2", 60, false, 0, 2},
		{"250 rules split in 7", 250, false, 0, 7},
		{"512 long rules split", -512, false, 0, 158},
		{"single: 60 rules in one datagram", 60, true, 0, 1},
		{"single: 250 rules in one datagram", 250, true, 0, 1},
		{"single, over the datagram limit: split", 250, true, sharedMaxDatagram / 4, 7},
		{"single, 512 long rules over 64 KiB: split", -512, true, 0, 158},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := demoState()
			switch {
			case tt.rules == -1: // one rule that makes the reply exactly 1400 bytes
				st.KeyValues = []steam.KeyValue{{Key: "k", Value: strings.Repeat("v", 1400-10)}} // 7 + "k\0" + value + NUL
			case tt.rules < 0:
				for i := 0; i < -tt.rules; i++ {
					st.KeyValues = append(st.KeyValues, steam.KeyValue{Key: fmt.Sprintf("%0127d", i), Value: strings.Repeat("v", 255)})
				}
			default:
				st.KeyValues = bigRules(tt.rules)
			}
			h := handlerAt(&now, func(c *queryConfig) { c.singleDatagram, c.maxDatagram = tt.single, tt.maxDatagram })
			snap := snapshotOf(st, serverID, false, 480)
			d := ask(h, rulesReq(currentChallenge(h.key, testIP, now)), testIP, snap)
			require.Len(t, d, tt.datagrams)
			if tt.rules == -1 {
				require.Len(t, d[0], 1400)
			}
			for _, dg := range d {
				assert.LessOrEqual(t, len(dg), max(h.cfg.maxDatagram, 1260))
			}
			r, err := reassemble(d)
			require.NoError(t, err)
			assert.Equal(t, snap.rulesReply(), r)
			rules, err := decodeRules(r)
			require.NoError(t, err)
			assert.Equal(t, st.KeyValues, rules)
		})
	}
}

func TestSplitIDsDiffer(t *testing.T) {
	now := t0
	h := handlerAt(&now, nil)
	st := demoState()
	st.KeyValues = bigRules(100)
	snap := snapshotOf(st, serverID, false, 480)
	c := currentChallenge(h.key, testIP, now)
	a, b := ask(h, rulesReq(c), testIP, snap), ask(h, rulesReq(c), testIP, snap)
	assert.NotEqual(t, a[0][4:8], b[0][4:8], "each split reply has its own ID")
}

func TestOversizedReplyDropped(t *testing.T) {
	// Over 255 fragments cannot be expressed; the limits keep real replies far below.
	now := t0
	h := handlerAt(&now, nil)
	var c collect
	h.emit(make([]byte, 256*splitPayload), &c)
	assert.Empty(t, c.dgrams)
	h.emit(make([]byte, 255*splitPayload), &c)
	assert.Len(t, c.dgrams, 255)
}

func TestReplyAllOrNothing(t *testing.T) {
	now := t0
	h := handlerAt(&now, nil)
	c := collect{room: 1}
	h.emit(make([]byte, 2000), &c)
	assert.Empty(t, c.dgrams, "a split reply that does not fit is not started")
}

// ---- rate limit ---------------------------------------------------------------------------------

func TestRateLimit(t *testing.T) {
	now := t0
	h := handlerAt(&now, func(c *queryConfig) { c.rateLimit = 3 })
	snap := snapshotOf(demoState(), serverID, false, 480)
	answered := func(ip uint32) int {
		n := 0
		for i := 0; i < 10; i++ {
			n += len(ask(h, infoReq, ip, snap))
		}
		return n
	}
	assert.Equal(t, 3, answered(testIP), "3 in 200 ms")
	now = now.Add(100 * time.Millisecond)
	assert.Equal(t, 0, answered(testIP), "same window")
	assert.Equal(t, 3, answered(testIP+1), "another address has its own count")
	now = now.Add(100 * time.Millisecond)
	assert.Equal(t, 3, answered(testIP), "a new window")
	garbage := []byte{0xFF, 0xFF, 0xFF, 0xFF, 'T'}
	now = now.Add(time.Second)
	for i := 0; i < 3; i++ {
		h.handle(garbage, testIP, snap, &collect{}) // not a query: not counted, dropped before
	}
	assert.Equal(t, 3, answered(testIP))

	off := handlerAt(&now, nil)
	for i := 0; i < 1000; i++ {
		require.Len(t, ask(off, infoReq, testIP, snap), 1, "no limit by default")
	}
}

func TestRateLimiterBoundedMemory(t *testing.T) {
	l := newRateLimiter(1)
	for ip := uint32(0); ip < 100000; ip++ {
		l.allow(ip, t0)
	}
	assert.Len(t, l.slots, rateSlots)
	assert.True(t, l.allow(0xDEADBEEF, t0.Add(time.Second)))
	assert.False(t, l.allow(0xDEADBEEF, t0.Add(time.Second)))
}

// ---- the backend: snapshot, GameSocketShare queue, options and environment -------------------------

// frontBackend runs the real front over one offline backend.
func frontBackend(t *testing.T, opts Options, cfg steam.InitConfig) (*steam.Server, *Backend) {
	t.Helper()
	b := New(opts)
	s := steam.NewServer(func() (steam.Backend, error) { return b, nil })
	require.NoError(t, s.Init(cfg))
	t.Cleanup(func() { _ = s.Shutdown() })
	return s, b
}

// sharedAsk sends req through HandleIncomingPacket and returns what NextOutgoingPacket hands out.
func sharedAsk(t *testing.T, s *steam.Server, req []byte, ip string, port int64) (dgrams [][]byte) {
	t.Helper()
	ok, err := s.HandleIncomingPacket(req, ip, port)
	require.NoError(t, err)
	require.True(t, ok, "a datagram starting with FF FF FF FF is taken")
	buf := make([]byte, sharedMaxDatagram)
	wantIP, err := steam.ParseIPv4(ip)
	require.NoError(t, err)
	for {
		p, err := s.NextOutgoingPacket(buf)
		require.NoError(t, err)
		if len(p.Data) == 0 {
			return dgrams
		}
		assert.Equal(t, wantIP, p.IP)
		assert.Equal(t, uint16(port), p.Port)
		dgrams = append(dgrams, slices.Clone(p.Data))
	}
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

var sharedCfg = steam.InitConfig{GamePort: 7777, QueryPort: steam.QueryPortShared, Mode: steam.ServerModeAuthenticationAndSecure, Version: "1.2.3.4", AppID: 480}

func TestSharedSocketAnswers(t *testing.T) {
	now := t0
	s, b := frontBackend(t, Options{Clock: fixedClock(&now), MaxOutgoingPackets: 8}, sharedCfg)
	setUp(t, s)
	assert.Empty(t, sharedAsk(t, s, infoReq, "192.0.2.7", 50000), "silent until advertised")
	require.NoError(t, s.SetBool(steam.FieldAdvertiseActive, true))

	d := sharedAsk(t, s, infoReq, "192.0.2.7", 50000)
	require.Len(t, d, 1)
	got, err := decodeInfo(d[0])
	require.NoError(t, err)
	assert.Equal(t, "Fake Godot Server", got.Name)
	assert.Equal(t, byte(0), got.VAC, "not logged on: not secure")
	assert.Equal(t, uint64(b.SteamID()), got.SteamID)
	assert.Equal(t, byte('d'), got.ServerType)

	require.NoError(t, s.LogOn("TOKEN"))
	s.RunFrame() // the log-on completes
	got, err = decodeInfo(sharedAsk(t, s, infoReq, "192.0.2.7", 50000)[0])
	require.NoError(t, err)
	assert.Equal(t, byte(1), got.VAC, "logged on in mode 3: secure")
	assert.Equal(t, uint64(b.SteamID()), got.SteamID, "the token's persistent ID")
	assert.Equal(t, steam.AccountTypeGameServer, steam.SteamID(got.SteamID).AccountType())

	require.NoError(t, s.SetString(steam.FieldMapName, "arena_02"))
	require.NoError(t, s.SetBool(steam.FieldPasswordProtected, true))
	got, err = decodeInfo(sharedAsk(t, s, infoReq, "192.0.2.7", 50000)[0])
	require.NoError(t, err)
	assert.Equal(t, "arena_02", got.Map, "setters reach the next reply")
	assert.Equal(t, byte(1), got.Visibility)

	c, err := decodeChallenge(sharedAsk(t, s, rulesReq(noChallenge), "192.0.2.7", 50000)[0])
	require.NoError(t, err)
	rules, err := decodeRules(sharedAsk(t, s, rulesReq(c), "192.0.2.7", 50000)[0])
	require.NoError(t, err)
	assert.Equal(t, []steam.KeyValue{{Key: "mp_friendlyfire", Value: "0"}, {Key: "sv_region", Value: "eu"}}, rules)

	// Rules changed in place by the front must not change what the snapshot holds.
	require.NoError(t, s.SetKeyValue("sv_region", "us"))
	require.NoError(t, s.ClearAllKeyValues())
	require.NoError(t, s.SetKeyValue("a", "b"))
	rules, err = decodeRules(sharedAsk(t, s, rulesReq(c), "192.0.2.7", 50000)[0])
	require.NoError(t, err)
	assert.Equal(t, []steam.KeyValue{{Key: "a", Value: "b"}}, rules)

	// A split reply goes out as its fragments, in order, to the asking address.
	for _, kv := range bigRules(100) {
		require.NoError(t, s.SetKeyValue(kv.Key, kv.Value))
	}
	d = sharedAsk(t, s, rulesReq(c), "192.0.2.7", 50000)
	require.Len(t, d, 3)
	r, err := reassemble(d)
	require.NoError(t, err)
	rules, err = decodeRules(r)
	require.NoError(t, err)
	assert.Len(t, rules, 101)

	// The queue holds 8: a reply that does not fit whole is dropped whole.
	for i := 0; i < 3; i++ {
		_, err := s.HandleIncomingPacket(rulesReq(c), "192.0.2.7", 50000)
		require.NoError(t, err)
	}
	assert.Equal(t, 6, b.out.len(), "two split replies of 3; the third does not fit")
	for n, _, _ := b.NextOutgoingPacket(make([]byte, 2000)); n > 0; n, _, _ = b.NextOutgoingPacket(make([]byte, 2000)) {
	}

	require.NoError(t, s.SetBool(steam.FieldAdvertiseActive, false))
	assert.Empty(t, sharedAsk(t, s, infoReq, "192.0.2.7", 50000), "silent again")
}

func TestPublishPlayers(t *testing.T) {
	now := t0
	s, b := frontBackend(t, Options{Clock: fixedClock(&now)}, sharedCfg)
	require.NoError(t, s.SetBool(steam.FieldAdvertiseActive, true))
	b.mu.Lock()
	b.publishPlayers([]steam.Player{{Name: "Alice", Score: 5, Duration: 90 * time.Second}, {Name: "Bot", Bot: true}})
	b.mu.Unlock()
	now = now.Add(10 * time.Second)
	c, err := decodeChallenge(sharedAsk(t, s, playerReq(noChallenge), "192.0.2.7", 1)[0])
	require.NoError(t, err)
	rows, err := decodePlayers(sharedAsk(t, s, playerReq(c), "192.0.2.7", 1)[0])
	require.NoError(t, err)
	assert.Equal(t, []playerRow{{0, "Alice", 5, 100}, {1, "Bot", 0, -1}}, rows, "durations keep growing")
	got, err := decodeInfo(sharedAsk(t, s, infoReq, "192.0.2.7", 1)[0])
	require.NoError(t, err)
	assert.Equal(t, byte(2), got.Players)

	require.NoError(t, s.SetString(steam.FieldMapName, "x"))
	got, err = decodeInfo(sharedAsk(t, s, infoReq, "192.0.2.7", 1)[0])
	require.NoError(t, err)
	assert.Equal(t, byte(2), got.Players, "a setter keeps the player list")
}

func TestQueryConfigFromOptionsAndEnvironment(t *testing.T) {
	tests := []struct {
		name    string
		opts    QueryOptions
		env     map[string]string
		shared  bool
		require bool
		single  bool
		limit   int
		maxDg   int
	}{
		{"defaults", QueryOptions{}, nil, false, false, false, 0, maxUDPPayload},
		{"options", QueryOptions{RequireInfoChallenge: true, SingleDatagram: true, RateLimit200ms: 5}, nil, true, true, true, 5, sharedMaxDatagram},
		{"environment", QueryOptions{}, map[string]string{EnvRequireInfoChallenge: "1", EnvSingleDatagram: "1", EnvRateLimit200ms: "20"}, false, true, true, 20, maxUDPPayload},
		{"environment 0 and junk", QueryOptions{}, map[string]string{EnvRequireInfoChallenge: "0", EnvSingleDatagram: "yes", EnvRateLimit200ms: "-4"}, false, false, false, 0, maxUDPPayload},
		{"negative limit overrides the environment", QueryOptions{RateLimit200ms: -1}, map[string]string{EnvRateLimit200ms: "20"}, false, false, false, -1, maxUDPPayload},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, k := range []string{EnvRequireInfoChallenge, EnvSingleDatagram, EnvRateLimit200ms} {
				t.Setenv(k, tt.env[k])
			}
			b := New(Options{Queries: tt.opts})
			cfg := steam.InitConfig{QueryPort: 27016}
			if tt.shared {
				cfg.QueryPort = steam.QueryPortShared
			}
			qc := b.queryConfigFor(cfg)
			assert.Equal(t, tt.require, qc.requireInfoChallenge)
			assert.Equal(t, tt.single, qc.singleDatagram)
			assert.Equal(t, tt.limit, qc.rateLimit)
			assert.Equal(t, tt.maxDg, qc.maxDatagram)
			assert.Equal(t, tt.limit > 0, newA2SHandler(qc).limiter != nil)
		})
	}
}

func TestNoQueryPortAnswersNothing(t *testing.T) {
	cfg := sharedCfg
	cfg.QueryPort = 0
	s, b := frontBackend(t, Options{}, cfg)
	require.NoError(t, s.SetBool(steam.FieldAdvertiseActive, true))
	ok, err := s.HandleIncomingPacket(infoReq, "192.0.2.7", 1)
	require.NoError(t, err)
	assert.False(t, ok)
	assert.Nil(t, b.a2s)
	assert.False(t, b.QueryAddr().IsValid())
}
