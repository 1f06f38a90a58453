//go:build cgo && linux

package steamworks

import (
	"bytes"
	"encoding/binary"
	"slices"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
)

// End-to-end tests of the steamworks backend against gbe_fork's emulator (emulator_helpers_test.go
// runs each in a child process in a loopback-only network namespace). The emulator is laxer than
// Steam in places, said where it matters; the offline backend's tests stay the word on Steam's
// semantics, these prove the plumbing: each call reaches the library with the right arguments, and
// each callback comes back decoded as the real structs lay it out.

const (
	emuGamePort  = 27015
	emuQueryPort = 27016
	emuVersion   = "1.2.3.4"
)

var emuConfig = steam.InitConfig{GamePort: emuGamePort, QueryPort: emuQueryPort,
	Mode: steam.ServerModeAuthenticationAndSecure, Version: emuVersion}

// emuUser is a client's Steam ID (an individual account in the public universe).
var emuUser = steam.NewSteamID(steam.UniversePublic, steam.AccountTypeIndividual, 1, 123456789)

// isGameServerID: Steam gives an anonymous log-on an anonymous game server's ID (account type 4);
// the emulator gives every game server account type 3 (k_EAccountTypeGameServer), so either passes.
func isGameServerID(id steam.SteamID) bool {
	t := id.AccountType()
	return id.Valid() && id.Universe() == steam.UniversePublic && (t == steam.AccountTypeGameServer || t == steam.AccountTypeAnonGameServer)
}

// logOn starts srv with cfg, logs on anonymously and checks callbacks 101 and 115.
func (e *emulatorRun) logOn(srv *steam.Server, cfg steam.InitConfig, before func()) {
	e.t.Helper()
	e.logOnWith(srv, cfg, before, "")
}

// logOnWith is logOn with a game-server account token ("": anonymous); the emulator accepts any.
func (e *emulatorRun) logOnWith(srv *steam.Server, cfg steam.InitConfig, before func(), token string) {
	e.t.Helper()
	if err := srv.Init(cfg); err != nil {
		e.t.Fatalf("Init: %v", err)
	}
	if srv.BackendName() != "steamworks" {
		e.t.Fatalf("backend %q", srv.BackendName())
	}
	if before != nil {
		before()
	}
	e.backlog = nil // a previous run's events are no answer to this log-on
	logOn := srv.LogOnAnonymous
	if token != "" {
		logOn = func() error { return srv.LogOn(token) }
	}
	if err := logOn(); err != nil {
		e.t.Fatal(err)
	}
	waitEvent[steam.ServerConnected](e, srv, nil)
	// Mode 3 (authentication and secure): the emulator answers secure.
	if p := waitEvent[steam.PolicyResponse](e, srv, nil); !p.Secure {
		e.t.Errorf("policy response %+v, want secure", p)
	}
	for _, ev := range e.backlog {
		if _, ok := ev.(steam.ServerConnectFailure); ok {
			e.t.Errorf("connect failure during log-on: %#v", ev)
		}
	}
	if on, err := srv.LoggedOn(); !on || err != nil {
		e.t.Errorf("LoggedOn after 101 = %v, %v", on, err)
	}
}

func TestEmulatorLogOnAndOff(t *testing.T) {
	withEmulator(t, func(e *emulatorRun) {
		srv := e.server()
		if on, _ := srv.LoggedOn(); on {
			t.Fatal("logged on before Init")
		}
		e.logOn(srv, emuConfig, nil)
		if secure, err := srv.Secure(); !secure || err != nil {
			t.Errorf("Secure = %v, %v", secure, err)
		}
		id, err := srv.SteamID()
		if err != nil || !isGameServerID(id) {
			t.Errorf("SteamID = %d (type %d), %v: want a valid game server's", uint64(id), id.AccountType(), err)
		}
		ip, err := srv.PublicIP()
		if err != nil || ip.Type != steam.IPTypeIPv4 || ip.IPv4 != 0x7F000001 {
			t.Errorf("PublicIP = %+v, %v: want IPv4 127.0.0.1 (the namespace's only address)", ip, err)
		}
		if r, err := srv.WasRestartRequested(); r || err != nil {
			t.Errorf("WasRestartRequested = %v, %v", r, err)
		}
		if err := srv.LogOff(); err != nil {
			t.Fatal(err)
		}
		d := waitEvent[steam.ServerDisconnected](e, srv, nil)
		t.Logf("SteamID %d, public IP %+v, disconnected %+v", uint64(id), ip, d)
		if d.Result != steam.ResultOK { // what the emulator sends; the struct's only member, at offset 0
			t.Errorf("103 %+v, want result OK", d)
		}
		if on, _ := srv.LoggedOn(); on {
			t.Error("still logged on after LogOff's 103")
		}
		if err := srv.Shutdown(); err != nil {
			t.Fatal(err)
		}
	})
}

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
		info, err := decodeA2SInfo(reply)
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
		if info.HasSteamID || info.HasKeywords {
			t.Logf("the emulator now sends the Steam ID (%d, server %d) or keywords (%q): check them", info.SteamID, uint64(id), info.Keywords)
		}

		rulesReply, challenge := e.queryChallenged(srv, emuQueryPort, a2sRules)
		if challenge != 0x00112233 {
			t.Errorf("RULES challenge %#x, want the emulator's fixed 0x00112233", challenge)
		}
		rules, err := decodeA2SRules(rulesReply)
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
		players, err := decodeA2SPlayers(playersReply)
		t.Logf("A2S_PLAYER %+v", players)
		if err != nil {
			t.Fatalf("A2S_PLAYER % x: %v", playersReply, err)
		}
		if !slices.ContainsFunc(players, func(p a2sPlayerRow) bool { return p.Name == "Botty" && p.Score == 42 }) {
			t.Errorf("players %+v: want Botty with score 42", players)
		}
		must(srv.SendUserDisconnect(bot))
		must(srv.Shutdown())
	})
}

func TestEmulatorAuthTickets(t *testing.T) {
	withEmulator(t, func(e *emulatorRun) {
		srv := e.server()
		e.logOn(srv, emuConfig, nil)
		ticket, err := srv.GetAuthSessionTicket()
		if err != nil || ticket.Handle == 0 || len(ticket.Bytes) == 0 {
			t.Fatalf("GetAuthSessionTicket = %+v, %v", ticket, err)
		}
		got := waitEvent(e, srv, func(ev steam.GetAuthSessionTicketResponse) bool { return ev.Ticket == ticket.Handle })
		if got.Result != steam.ResultOK {
			t.Errorf("163 %+v, want result OK for ticket %d", got, ticket.Handle)
		}
		t.Logf("ticket %d: %d bytes, 163 %+v", ticket.Handle, len(ticket.Bytes), got)

		// The emulator accepts any ticket of the minimum size: no signature or ownership check, and
		// it does not compare the ticket's Steam ID with the one given (Steam does both).
		if r, err := srv.BeginAuthSession(ticket.Bytes, emuUser); r != steam.BeginAuthSessionOK || err != nil {
			t.Fatalf("BeginAuthSession = %d, %v", r, err)
		}
		// The emulator calls the same ticket a duplicate only within 30 ms of the first (Steam: until
		// EndAuthSession), so this comes at once, before any frame.
		if r, _ := srv.BeginAuthSession(ticket.Bytes, emuUser); r != steam.BeginAuthSessionDuplicateRequest {
			t.Errorf("duplicate BeginAuthSession = %d, want 2", r)
		}
		v := waitEvent[steam.ValidateAuthTicketResponse](e, srv, nil)
		t.Logf("143 %+v", v)
		if v != (steam.ValidateAuthTicketResponse{SteamID: emuUser, Response: steam.AuthSessionResponse(0), OwnerID: emuUser}) {
			t.Errorf("143 %+v, want Steam ID and owner %d, response 0 (OK)", v, uint64(emuUser))
		}
		for _, ev := range e.quiet(srv, 5) {
			if _, ok := ev.(steam.ValidateAuthTicketResponse); ok {
				t.Errorf("a 143 for the duplicate: %#v", ev)
			}
		}
		junkUser := steam.NewSteamID(steam.UniversePublic, steam.AccountTypeIndividual, 1, 987654)
		if r, _ := srv.BeginAuthSession([]byte{1, 2, 3, 4, 5, 6, 7, 8}, junkUser); r != steam.BeginAuthSessionInvalidTicket {
			t.Errorf("8 junk bytes: BeginAuthSession = %d, want 1", r)
		}
		if err := srv.EndAuthSession(emuUser); err != nil {
			t.Error(err)
		}

		// The emulator grants every licence (Steam answers from the user's ticket).
		if r, err := srv.UserHasLicenseForApp(emuUser, 480); r != steam.UserHasLicenseResult(0) || err != nil {
			t.Errorf("UserHasLicenseForApp = %d, %v, want 0 (has licence)", r, err)
		}

		// The deprecated connect path: a second ticket, approved with 201.
		second, err := srv.GetAuthSessionTicket()
		if err != nil {
			t.Fatal(err)
		}
		waitEvent(e, srv, func(ev steam.GetAuthSessionTicketResponse) bool { return ev.Ticket == second.Handle })
		client := steam.NewSteamID(steam.UniversePublic, steam.AccountTypeIndividual, 1, 55555)
		if ok, err := srv.SendUserConnectAndAuthenticate(0x7F000001, second.Bytes, client); !ok || err != nil {
			t.Fatalf("SendUserConnectAndAuthenticate = %v, %v", ok, err)
		}
		// SendUserConnectAndAuthenticate_DEPRECATED's CSteamID* is an out parameter: Steam names the
		// user the ticket is for (here the emulator's own server, which issued it), not the ID the game
		// passed; 201 carries that ID.
		inTicket := steam.SteamID(binary.LittleEndian.Uint64(second.Bytes[12:20]))
		a := waitEvent[steam.ClientApproved](e, srv, nil)
		t.Logf("201 %+v (Steam ID in the ticket %d)", a, uint64(inTicket))
		if a != (steam.ClientApproved{SteamID: inTicket, OwnerID: inTicket}) || !a.SteamID.Valid() {
			t.Errorf("201 %+v, want the ticket's Steam ID %d as user and owner", a, uint64(inTicket))
		}
		if err := srv.CancelAuthTicket(int64(ticket.Handle)); err != nil {
			t.Error(err)
		}
		if err := srv.Shutdown(); err != nil {
			t.Fatal(err)
		}
	})
}

// The emulator refuses AssociateWithClan and ComputeNewPlayerCompatibility with call handle 0
// (k_uAPICallInvalid), as Steam does when it cannot start the call: the game must hear a failure.
func TestEmulatorInvalidCallHandlesReportFailure(t *testing.T) {
	withEmulator(t, func(e *emulatorRun) {
		srv := e.server()
		e.logOn(srv, emuConfig, nil)
		clan := steam.NewSteamID(steam.UniversePublic, steam.AccountTypeClan, 0, 4242)
		if err := srv.AssociateWithClan(clan); err != nil {
			t.Fatal(err)
		}
		if ev := waitEvent[steam.AssociateClan](e, srv, nil); ev.Result != steam.ResultFail {
			t.Errorf("associate_clan %+v, want ResultFail", ev)
		}
		if err := srv.ComputeNewPlayerCompatibility(emuUser); err != nil {
			t.Fatal(err)
		}
		if ev := waitEvent[steam.PlayerCompat](e, srv, nil); ev != (steam.PlayerCompat{Result: steam.ResultFail, SteamID: emuUser}) {
			t.Errorf("player_compat %+v, want ResultFail naming %d", ev, uint64(emuUser))
		}
		// The emulator accepts a group-status request but never answers it (no 208).
		if ok, err := srv.RequestUserGroupStatus(emuUser, clan); !ok || err != nil {
			t.Errorf("RequestUserGroupStatus = %v, %v", ok, err)
		}
		// Exactly one failure each: nothing more comes for them later.
		for _, ev := range e.quiet(srv, 20) {
			switch ev.(type) {
			case steam.AssociateClan, steam.PlayerCompat:
				t.Errorf("a second result: %#v", ev)
			}
		}
		if err := srv.Shutdown(); err != nil {
			t.Fatal(err)
		}
	})
}

// Shutdown then Init again, three times, each logging on with its callbacks.
func TestEmulatorRestart(t *testing.T) {
	withEmulator(t, func(e *emulatorRun) {
		srv := e.server()
		for round := 1; round <= 3; round++ {
			token := "" // rounds 1 and 3 log on anonymously, round 2 with a token
			if round == 2 {
				token = "emulator-accepts-any-token"
			}
			t.Logf("round %d: Init and log on (token %q)", round, token)
			e.logOnWith(srv, emuConfig, nil, token)
			if id, _ := srv.SteamID(); !isGameServerID(id) {
				t.Errorf("round %d: SteamID %d", round, uint64(id))
			}
			if err := srv.SetString(steam.FieldServerName, "round"); err != nil {
				t.Fatal(err)
			}
			if err := srv.Shutdown(); err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
			if srv.Initialized() || running.Load() {
				t.Fatalf("round %d: still running after Shutdown", round)
			}
		}
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
		info, err := decodeA2SInfo(p.Data)
		if err != nil {
			t.Fatalf("reply % x: %v", p.Data, err)
		}
		if info.Name != "Shared Socket" || info.Map != "shared_map" || info.AppID != 480 {
			t.Errorf("A2S_INFO through the game socket: %+v", info)
		}
		// RULES through the game socket too: the challenge, then the rules.
		p = e.sharedQuery(srv, a2sChallengeRequest(a2sRules, 0xFFFFFFFF), 40002)
		challenge, err := decodeA2SChallenge(p.Data)
		if err != nil || challenge != 0x00112233 || p.Port != 40002 {
			t.Fatalf("challenge reply % x to port %d: %v", p.Data, p.Port, err)
		}
		p = e.sharedQuery(srv, a2sChallengeRequest(a2sRules, challenge), 40002)
		rules, err := decodeA2SRules(p.Data)
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
