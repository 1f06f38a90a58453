//go:build cgo && linux

package steamworks

import (
	"bytes"
	"slices"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/gosteam/godot-steam-server/steam/internal/a2swire"
)

// What the backend sets reaches the library: the emulator's own A2S answers show it, on the query
// port and through GameSocketShare.

// Every setter reaches the library: the emulator's own A2S responder shows what the backend set.
func TestEmulatorSettersShowInA2S(t *testing.T) {
	withEmulator(t, func(e *emulatorRun) {
		srv := e.server()
		must := func(err error) {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
		}
		e.logOn(srv, emuConfig, func() { // the fields Steam reads only before log-on
			must(srv.SetString(steam.FieldProduct, "gosteam-product"))
			must(srv.SetString(steam.FieldDescription, "GoSteam Test Game"))
			must(srv.SetString(steam.FieldModDir, "gosteamdir"))
			must(srv.SetBool(steam.FieldDedicated, true))
		})
		must(srv.SetString(steam.FieldServerName, "Emulated Server"))
		must(srv.SetString(steam.FieldMapName, "de_loopback"))
		must(srv.SetInt(steam.FieldMaxPlayers, 24))
		must(srv.SetInt(steam.FieldBotPlayers, 3))
		must(srv.SetBool(steam.FieldPasswordProtected, true))
		must(srv.SetInt(steam.FieldSpectatorPort, 27020))
		must(srv.SetString(steam.FieldSpectatorName, "Spectate Here"))
		must(srv.SetString(steam.FieldGameTags, "alpha,beta"))
		must(srv.SetString(steam.FieldGameData, "hidden-data"))
		must(srv.SetString(steam.FieldRegion, "eu"))
		must(srv.SetBool(steam.FieldAdvertiseActive, true))
		must(srv.SetKeyValue("mode", "ctf"))
		must(srv.SetKeyValue("round", "7"))
		must(srv.SetKeyValue("dropped", "x"))
		must(srv.ClearAllKeyValues())
		must(srv.SetKeyValue("mode", "dm"))
		must(srv.SetKeyValue("score_limit", "30"))
		id, _ := srv.SteamID()

		reply := e.queryUDP(srv, emuQueryPort, a2sInfoRequest)
		info, err := a2swire.DecodeInfo(reply)
		t.Logf("A2S_INFO %+v", info)
		if err != nil {
			t.Fatalf("A2S_INFO % x: %v", reply, err)
		}
		check := func(what string, got, want any) {
			t.Helper()
			if got != want {
				t.Errorf("A2S_INFO %s = %#v, want %#v", what, got, want)
			}
		}
		check("name", info.Name, "Emulated Server")
		check("map", info.Map, "de_loopback")
		check("folder (mod dir)", info.Folder, "gosteamdir")
		check("game (the emulator sends the product, not the description)", info.Game, "gosteam-product")
		check("app id", info.AppID, uint16(480))
		check("max players", info.MaxPlayers, byte(24))
		check("bots", info.Bots, byte(3))
		check("server type (dedicated)", info.ServerType, byte('d'))
		check("visibility (password)", info.Visibility, byte(1))
		// The emulator keeps the version as a number, its digits ("1.2.3.4" is 1234).
		check("version", info.Version, "1234")
		check("game port", info.GamePort, uint16(emuGamePort))
		check("spectator port", info.SpectatorPort, uint16(27020))
		check("spectator name", info.SpectatorName, "Spectate Here")
		check("game id", info.GameID, uint64(480))
		// Not checked: the emulator's A2S_INFO carries neither the Steam ID nor the keywords (game
		// tags), and game data and region appear in no A2S reply, so those setters are only shown
		// to be called without harm. Its VAC byte does not follow BSecure either.
		if info.HasSteamID || info.Keywords != "" {
			t.Logf("the emulator now sends the Steam ID (%d, server %d) or keywords (%q): check them", info.SteamID, uint64(id), info.Keywords)
		}

		rulesReply, challenge := e.queryChallenged(srv, emuQueryPort, a2sRules)
		if challenge != 0x00112233 {
			t.Errorf("RULES challenge %#x, want the emulator's fixed 0x00112233", challenge)
		}
		rules, err := a2swire.DecodeRules(rulesReply)
		t.Logf("A2S_RULES %q", rules)
		if err != nil {
			t.Fatalf("A2S_RULES % x: %v", rulesReply, err)
		}
		want := []steam.KeyValue{{Key: "mode", Value: "dm"}, {Key: "score_limit", Value: "30"}}
		slices.SortFunc(rules, func(a, b steam.KeyValue) int { return bytes.Compare([]byte(a.Key), []byte(b.Key)) })
		if !slices.Equal(rules, want) {
			t.Errorf("rules %q, want %q (ClearAllKeyValues dropped the others)", rules, want)
		}

		// A bot's name and score reach the player list (BUpdateUserData).
		bot, err := srv.CreateUnauthenticatedUserConnection()
		if err != nil || !bot.Valid() {
			t.Fatalf("CreateUnauthenticatedUserConnection = %d, %v", uint64(bot), err)
		}
		if ok, err := srv.UpdateUserData(bot, "Botty", 42); !ok || err != nil {
			t.Fatalf("UpdateUserData = %v, %v", ok, err)
		}
		playersReply, challenge := e.queryChallenged(srv, emuQueryPort, a2sPlayer)
		if challenge != 0x00112233 {
			t.Errorf("PLAYER challenge %#x, want 0x00112233", challenge)
		}
		players, err := a2swire.DecodePlayers(playersReply)
		t.Logf("A2S_PLAYER %+v", players)
		if err != nil {
			t.Fatalf("A2S_PLAYER % x: %v", playersReply, err)
		}
		if !slices.ContainsFunc(players, func(p a2swire.PlayerRow) bool { return p.Name == "Botty" && p.Score == 42 }) {
			t.Errorf("players %+v: want Botty with score 42", players)
		}
		must(srv.SendUserDisconnect(bot))
		must(srv.Shutdown())
	})
}

// GameSocketShare (query port 65535): the game hands Steam the query that arrived on its socket and
// sends Steam's reply.
func TestEmulatorGameSocketShare(t *testing.T) {
	withEmulator(t, func(e *emulatorRun) {
		srv := e.server()
		cfg := emuConfig
		cfg.QueryPort = steam.QueryPortShared
		e.logOn(srv, cfg, nil)
		if err := srv.SetString(steam.FieldServerName, "Shared Socket"); err != nil {
			t.Fatal(err)
		}
		if err := srv.SetString(steam.FieldMapName, "shared_map"); err != nil {
			t.Fatal(err)
		}
		if err := srv.SetKeyValue("shared", "yes"); err != nil {
			t.Fatal(err)
		}
		p := e.sharedQuery(srv, a2sInfoRequest, 40001)
		t.Logf("reply to %#x:%d, %d bytes", p.IP, p.Port, len(p.Data))
		if p.IP != 0x7F000001 || p.Port != 40001 {
			t.Errorf("reply addressed to %#x:%d, want 127.0.0.1:40001 (the query's sender)", p.IP, p.Port)
		}
		info, err := a2swire.DecodeInfo(p.Data)
		if err != nil {
			t.Fatalf("reply % x: %v", p.Data, err)
		}
		if info.Name != "Shared Socket" || info.Map != "shared_map" || info.AppID != 480 {
			t.Errorf("A2S_INFO through the game socket: %+v", info)
		}
		// RULES through the game socket too: the challenge, then the rules.
		p = e.sharedQuery(srv, a2sChallengeRequest(a2sRules, 0xFFFFFFFF), 40002)
		challenge, err := a2swire.DecodeChallenge(p.Data)
		if err != nil || challenge != 0x00112233 || p.Port != 40002 {
			t.Fatalf("challenge reply % x to port %d: %v", p.Data, p.Port, err)
		}
		p = e.sharedQuery(srv, a2sChallengeRequest(a2sRules, challenge), 40002)
		rules, err := a2swire.DecodeRules(p.Data)
		if err != nil || !slices.Equal(rules, []steam.KeyValue{{Key: "shared", Value: "yes"}}) {
			t.Errorf("rules through the game socket: %q, %v", rules, err)
		}
		if err := srv.Shutdown(); err != nil {
			t.Fatal(err)
		}
	})
}

// sharedQuery hands req to Steam as if it came from 127.0.0.1:port on the game socket and returns
// the first datagram Steam gives back, running frames while it waits (bounded).
func (e *emulatorRun) sharedQuery(srv *steam.Server, req []byte, port int64) steam.OutgoingPacket {
	e.t.Helper()
	if ok, err := srv.HandleIncomingPacket(req, "127.0.0.1", port); !ok || err != nil {
		e.t.Fatalf("HandleIncomingPacket(% x) = %v, %v", req[:5], ok, err)
	}
	buf := make([]byte, 2048)
	for i := 0; i < frames; i++ {
		p, err := srv.NextOutgoingPacket(buf)
		if err != nil {
			e.t.Fatal(err)
		}
		if len(p.Data) > 0 {
			p.Data = append([]byte(nil), p.Data...)
			return p
		}
		srv.RunFrame()
		time.Sleep(frameSleep)
	}
	e.t.Fatalf("no outgoing packet for % x within %d frames", req[:5], frames)
	return steam.OutgoingPacket{}
}
