package offline

import (
	"slices"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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

// sharedAskInfo asks A2S_INFO as a client does against the default challenge: the plain request,
// then again with the challenge it got (nothing comes back to either while the server is silent).
func sharedAskInfo(t *testing.T, s *steam.Server, ip string, port int64) [][]byte {
	t.Helper()
	d := sharedAsk(t, s, infoReq, ip, port)
	if len(d) != 1 || d[0][4] != s2cChallenge {
		return d
	}
	c, err := decodeChallenge(d[0])
	require.NoError(t, err)
	return sharedAsk(t, s, withChallenge(infoReq, c), ip, port)
}

var sharedCfg = steam.InitConfig{GamePort: 7777, QueryPort: steam.QueryPortShared, Mode: steam.ServerModeAuthenticationAndSecure, Version: "1.2.3.4", AppID: 480}

func TestSharedSocketAnswers(t *testing.T) {
	now := t0
	s, b := frontBackend(t, Options{Clock: fixedClock(&now), MaxOutgoingPackets: 8}, sharedCfg)
	setUp(t, s)
	assert.Empty(t, sharedAskInfo(t, s, "192.0.2.7", 50000), "silent until advertised")
	require.NoError(t, s.SetBool(steam.FieldAdvertiseActive, true))

	d := sharedAskInfo(t, s, "192.0.2.7", 50000)
	require.Len(t, d, 1)
	got, err := decodeInfo(d[0])
	require.NoError(t, err)
	assert.Equal(t, "Fake Godot Server", got.Name)
	assert.Equal(t, byte(0), got.VAC, "not logged on: not secure")
	assert.Equal(t, uint64(b.SteamID()), got.SteamID)
	assert.Equal(t, byte('d'), got.ServerType)

	require.NoError(t, s.LogOn("TOKEN"))
	s.RunFrame() // the log-on completes
	got, err = decodeInfo(sharedAskInfo(t, s, "192.0.2.7", 50000)[0])
	require.NoError(t, err)
	assert.Equal(t, byte(1), got.VAC, "logged on in mode 3: secure")
	assert.Equal(t, uint64(b.SteamID()), got.SteamID, "the token's persistent ID")
	assert.Equal(t, steam.AccountTypeGameServer, steam.SteamID(got.SteamID).AccountType())

	require.NoError(t, s.SetString(steam.FieldMapName, "arena_02"))
	require.NoError(t, s.SetBool(steam.FieldPasswordProtected, true))
	got, err = decodeInfo(sharedAskInfo(t, s, "192.0.2.7", 50000)[0])
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
	assert.Empty(t, sharedAskInfo(t, s, "192.0.2.7", 50000), "silent again")
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
	assert.Equal(t, []playerRow{{Index: 0, Name: "Alice", Score: 5, Duration: 100}, {Index: 1, Name: "Bot", Score: 0, Duration: -1}}, rows, "durations keep growing")
	got, err := decodeInfo(sharedAskInfo(t, s, "192.0.2.7", 1)[0])
	require.NoError(t, err)
	assert.Equal(t, byte(2), got.Players)

	require.NoError(t, s.SetString(steam.FieldMapName, "x"))
	got, err = decodeInfo(sharedAskInfo(t, s, "192.0.2.7", 1)[0])
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
		// By default a spoofed source gets nothing larger than its request, and a flood is limited.
		{"defaults", QueryOptions{}, nil, false, true, false, DefaultRateLimit200ms, maxUDPPayload},
		{"options", QueryOptions{SingleDatagram: true, RateLimit200ms: 5}, nil, true, true, true, 5, sharedMaxDatagram},
		{"legacy info by option", QueryOptions{AnswerUnchallengedInfo: true}, map[string]string{EnvRequireInfoChallenge: "1"}, false, false, false, DefaultRateLimit200ms, maxUDPPayload},
		{"environment", QueryOptions{}, map[string]string{EnvRequireInfoChallenge: "1", EnvSingleDatagram: "1", EnvRateLimit200ms: "20"}, false, true, true, 20, maxUDPPayload},
		{"environment 0 opts out", QueryOptions{}, map[string]string{EnvRequireInfoChallenge: "0", EnvRateLimit200ms: "0"}, false, false, false, 0, maxUDPPayload},
		{"environment junk keeps the defaults", QueryOptions{}, map[string]string{EnvRequireInfoChallenge: "no", EnvSingleDatagram: "yes", EnvRateLimit200ms: "-4"}, false, true, false, DefaultRateLimit200ms, maxUDPPayload},
		{"negative limit overrides the environment", QueryOptions{RateLimit200ms: -1}, map[string]string{EnvRateLimit200ms: "20"}, false, true, false, -1, maxUDPPayload},
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

// Every fate of a datagram is counted, none printed: what an operator reads in getServerState.
func TestTrafficCountsEachDatagramsFate(t *testing.T) {
	now := t0
	s, _ := frontBackend(t, Options{Clock: fixedClock(&now), Queries: QueryOptions{RateLimit200ms: 3}}, sharedCfg)
	sharedAsk(t, s, infoReq, "192.0.2.7", 1) // not advertised yet: dropped as inactive
	require.NoError(t, s.SetBool(steam.FieldAdvertiseActive, true))
	require.Len(t, sharedAskInfo(t, s, "192.0.2.7", 1), 1) // a challenge, then the answer
	sharedAsk(t, s, []byte{0xFF, 0xFF, 0xFF, 0xFF, 'Z'}, "192.0.2.7", 1)
	assert.Empty(t, sharedAsk(t, s, infoReq, "192.0.2.7", 1), "the 4th query in 200 ms is over the limit")
	ok, err := s.HandleIncomingPacket([]byte("not steam"), "192.0.2.7", 1)
	require.NoError(t, err)
	assert.False(t, ok)
	got := s.Traffic()
	want := steam.Traffic{}
	want[steam.TrafficInactive], want[steam.TrafficChallenged], want[steam.TrafficAnswered] = 1, 1, 1
	want[steam.TrafficMalformed], want[steam.TrafficRateLimited], want[steam.TrafficNotForSteam] = 1, 1, 1
	assert.Equal(t, want, got)
}
