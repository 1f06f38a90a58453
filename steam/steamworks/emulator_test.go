//go:build cgo && linux

package steamworks

import (
	"encoding/binary"
	"testing"

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
