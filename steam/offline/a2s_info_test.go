package offline

import (
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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
