package steamworks

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"reflect"
	"slices"
	"testing"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/stretchr/testify/assert"
)

func TestMethodsMapToTheFlatAPI(t *testing.T) {
	f := newFake(t)
	b, _ := started(t, f)
	f.bools[symBLoggedOn], f.bools[symBSecure], f.bools[symWasRestartRequested] = true, true, true
	f.bools[symRequestUserGroupStatus], f.bools[symHandleIncomingPacket] = true, true
	f.ints[symBeginAuthSession], f.ints[symUserHasLicenseForApp] = 4, 1
	f.steamID = uint64(userID)
	cases := []struct {
		name string
		call func() any
		want string
		ret  any
	}{
		{"LogOn", func() any { b.LogOn("token"); return nil }, `LogOn("token")`, nil},
		{"LogOnAnonymous", func() any { b.LogOnAnonymous(); return nil }, "LogOnAnonymous()", nil},
		{"LogOff", func() any { b.LogOff(); return nil }, "LogOff()", nil},
		{"LoggedOn", func() any { return b.LoggedOn() }, "BLoggedOn()", true},
		{"Secure", func() any { return b.Secure() }, "BSecure()", true},
		{"SteamID", func() any { return b.SteamID() }, "GetSteamID()", userID},
		{"WasRestartRequested", func() any { return b.WasRestartRequested() }, "WasRestartRequested()", true},
		{"ReleaseCurrentThreadMemory", func() any { b.ReleaseCurrentThreadMemory(); return nil }, "SteamAPI_ReleaseCurrentThreadMemory()", nil},
		{"BeginAuthSession", func() any { return b.BeginAuthSession([]byte{1, 2, 3}, userID) },
			"BeginAuthSession(01 02 03, 0x1100001" + "00a1b2c3)", steam.BeginAuthSessionGameMismatch},
		{"EndAuthSession", func() any { b.EndAuthSession(userID); return nil }, "EndAuthSession(0x110000100a1b2c3)", nil},
		{"CancelAuthTicket", func() any { b.CancelAuthTicket(0xFFFFFFFE); return nil }, "CancelAuthTicket(4294967294)", nil},
		{"UserHasLicenseForApp", func() any { return b.UserHasLicenseForApp(userID, 4000000000) },
			"UserHasLicenseForApp(0x110000100a1b2c3, 4000000000)", steam.UserDoesNotHaveLicense},
		{"RequestUserGroupStatus", func() any { return b.RequestUserGroupStatus(userID, groupID) },
			"RequestUserGroupStatus(0x110000100a1b2c3, 0x170000000123457)", true},
		{"HandleIncomingPacket", func() any { return b.HandleIncomingPacket([]byte{0xFF, 0xFF, 0xFF, 0xFF, 0x54}, 0x7F000001, 65535) },
			"HandleIncomingPacket(ff ff ff ff 54, 0x7f000001, 65535)", true},
	}
	for _, c := range cases {
		ret := c.call()
		if got := f.take(); !slices.Equal(got, []string{c.want}) {
			t.Errorf("%s: calls %q, want %q", c.name, got, c.want)
		}
		if !reflect.DeepEqual(ret, c.ret) {
			t.Errorf("%s: returned %#v, want %#v", c.name, ret, c.ret)
		}
	}
}

func TestPlayerConnections(t *testing.T) {
	f := newFake(t)
	b, _ := started(t, f)
	f.bools[symSendUserConnectAndAuthenticate], f.bools[symBUpdateUserData] = true, true
	if ok, err := b.SendUserConnectAndAuthenticate(0x0A000002, []byte{9, 8}, userID); !ok || err != nil {
		t.Errorf("SendUserConnectAndAuthenticate: %v, %v", ok, err)
	}
	if _, err := b.CreateUnauthenticatedUserConnection(); err == nil {
		t.Error("CreateUnauthenticatedUserConnection: Steam's 0 (no ID) was not an error")
	}
	f.botID = 0x0140000000000009
	if id, err := b.CreateUnauthenticatedUserConnection(); id != 0x0140000000000009 || err != nil {
		t.Errorf("CreateUnauthenticatedUserConnection: %#x, %v", uint64(id), err)
	}
	if err := b.SendUserDisconnect(userID); err != nil {
		t.Errorf("SendUserDisconnect: %v", err)
	}
	if ok, err := b.UpdateUserData(userID, "Gordon", 0xFFFFFFFF); !ok || err != nil {
		t.Errorf("UpdateUserData: %v, %v", ok, err)
	}
	want := []string{
		"SendUserConnectAndAuthenticate_DEPRECATED(0x0a000002, 09 08, 0x110000100a1b2c3)",
		"CreateUnauthenticatedUserConnection()", "CreateUnauthenticatedUserConnection()",
		"SendUserDisconnect_DEPRECATED(0x110000100a1b2c3)",
		`BUpdateUserData(0x110000100a1b2c3, "Gordon", 4294967295)`,
	}
	if got := f.take(); !slices.Equal(got, want) {
		t.Errorf("calls:\n got %q\nwant %q", got, want)
	}
}

func TestGetAuthSessionTicket(t *testing.T) {
	f := newFake(t)
	b, _ := started(t, f)
	f.ticketID, f.ticket = 42, []byte{0x14, 0, 0, 0, 0xAB}
	tk, err := b.GetAuthSessionTicket()
	if err != nil || tk.Handle != 42 || !slices.Equal(tk.Bytes, f.ticket) {
		t.Errorf("got %+v, %v", tk, err)
	}
	if got := f.take(); !slices.Equal(got, []string{"GetAuthSessionTicket(buf[1024], NULL)"}) {
		t.Errorf("calls %q: a 1024-byte buffer and a NULL identity", got)
	}
	f.ticketID = 0
	if tk, err := b.GetAuthSessionTicket(); err == nil || tk.Handle != 0 || tk.Bytes != nil {
		t.Errorf("k_HAuthTicketInvalid: got %+v, %v", tk, err)
	}
}

// A ticket for one peer passes Steam a SteamNetworkingIdentity of type SteamID (16), size 8, the ID.
func TestGetAuthSessionTicketForPeer(t *testing.T) {
	f := newFake(t)
	b, _ := started(t, f)
	f.ticketID, f.ticket = 7, []byte{1, 2, 3}
	const peer = 0x0110000100005678
	tk, err := b.GetAuthSessionTicketFor(peer)
	if err != nil || tk.Handle != 7 || !slices.Equal(tk.Bytes, f.ticket) {
		t.Errorf("got %+v, %v", tk, err)
	}
	identity := make([]byte, 136)
	copy(identity, []byte{16, 0, 0, 0, 8, 0, 0, 0, 0x78, 0x56, 0, 0, 1, 0, 0x10, 0x01})
	want := fmt.Sprintf("GetAuthSessionTicket(buf[1024], % x)", identity)
	if got := f.take(); !slices.Equal(got, []string{want}) {
		t.Errorf("calls %q, want %q", got, want)
	}
}

func TestPublicIP(t *testing.T) {
	f := newFake(t)
	b, _ := started(t, f)
	binary.LittleEndian.PutUint32(f.ip[:], 0xC0A80114) // a host-order uint32 in x86_64 memory
	if got, want := b.PublicIP(), (steam.IPAddress{Type: steam.IPTypeIPv4, IPv4: 0xC0A80114}); got != want {
		t.Errorf("IPv4: got %+v, want %+v", got, want)
	}
	f.ipType = 1
	f.ip = [16]byte{0x20, 0x01, 0x0d, 0xb8, 15: 1}
	if got, want := b.PublicIP(), (steam.IPAddress{Type: steam.IPTypeIPv6, IPv6: f.ip}); got != want {
		t.Errorf("IPv6: got %+v, want %+v", got, want)
	}
}

func TestNextOutgoingPacket(t *testing.T) {
	f := newFake(t)
	b, _ := started(t, f)
	buf := make([]byte, steam.MaxOutgoingPacket)
	if n, ip, port := b.NextOutgoingPacket(buf); n != 0 || ip != 0 || port != 0 {
		t.Errorf("none queued: got %d, %#x, %d", n, ip, port)
	}
	f.outgoing, f.outIP, f.outPort = []byte{0xFF, 0xFF, 0xFF, 0xFF, 0x49}, 0x0A000002, 27005
	n, ip, port := b.NextOutgoingPacket(buf)
	if n != 5 || !slices.Equal(buf[:n], []byte{0xFF, 0xFF, 0xFF, 0xFF, 0x49}) || ip != 0x0A000002 || port != 27005 {
		t.Errorf("got %d (% x), %#x, %d", n, buf[:n], ip, port)
	}
	if got := f.take(); !slices.Equal(got, []string{"GetNextOutgoingPacket(buf[16384])", "GetNextOutgoingPacket(buf[16384])"}) {
		t.Errorf("calls %q", got)
	}
}

// Driving the backend through steam.Server (the front the extension uses) calls every symbol of
// the table: none is resolved for nothing.
func TestEverySymbolIsCalled(t *testing.T) {
	f := newFake(t)
	f.nextCall = 0x77
	f.ticketID = 1
	f.botID = uint64(userID)
	var be *Backend
	srv := steam.NewServer(func() (steam.Backend, error) { be = newBackend(f, ""); return be, nil })
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	httpAnswers(f)
	netAnswers(f)
	f.web.handle, f.web.size = 5, 3
	must(srv.Init(testConfig))
	for _, set := range append([]func() error{
		func() error { return srv.SetString(steam.FieldProduct, "480") }, func() error { return srv.SetString(steam.FieldDescription, "d") },
		func() error { return srv.SetString(steam.FieldModDir, "m") }, func() error { return srv.SetBool(steam.FieldDedicated, true) },
		func() error { return srv.SetInt(steam.FieldMaxPlayers, 8) }, func() error { return srv.SetInt(steam.FieldBotPlayers, 1) },
		func() error { return srv.SetString(steam.FieldServerName, "n") }, func() error { return srv.SetString(steam.FieldMapName, "m") },
		func() error { return srv.SetBool(steam.FieldPasswordProtected, true) }, func() error { return srv.SetInt(steam.FieldSpectatorPort, 1) },
		func() error { return srv.SetString(steam.FieldSpectatorName, "s") }, func() error { return srv.SetString(steam.FieldGameTags, "t") },
		func() error { return srv.SetString(steam.FieldGameData, "g") }, func() error { return srv.SetString(steam.FieldRegion, "r") },
		func() error { return srv.SetBool(steam.FieldAdvertiseActive, true) }, func() error { return srv.SetKeyValue("k", "v") },
		func() error { return srv.SetInt(steam.FieldHeartbeatInterval, 10) },
		srv.LogOnAnonymous, func() error { return srv.LogOn("token") }, srv.LogOff, srv.ReleaseCurrentThreadMemory,
		func() error { _, err := srv.LoggedOn(); return err }, func() error { _, err := srv.Secure(); return err },
		func() error { _, err := srv.SteamID(); return err }, func() error { _, err := srv.PublicIP(); return err },
		func() error { _, err := srv.WasRestartRequested(); return err },
		func() error { _, err := srv.GetAuthSessionTicket(); return err },
		func() error { _, err := srv.BeginAuthSession([]byte{1}, userID); return err },
		func() error { return srv.EndAuthSession(userID) }, func() error { return srv.CancelAuthTicket(1) },
		func() error { _, err := srv.UserHasLicenseForApp(userID, 480); return err },
		func() error { _, err := srv.RequestUserGroupStatus(userID, groupID); return err },
		func() error { return srv.AssociateWithClan(groupID) },
		func() error { return srv.ComputeNewPlayerCompatibility(userID) },
		func() error { _, err := srv.HandleIncomingPacket([]byte{0xFF}, "127.0.0.1", 27015); return err },
		func() error { _, err := srv.NextOutgoingPacket(make([]byte, 1500)); return err },
		func() error { _, err := srv.SendUserConnectAndAuthenticate(0x7F000001, []byte{1}, userID); return err },
		func() error { _, err := srv.CreateUnauthenticatedUserConnection(); return err },
		func() error { return srv.SendUserDisconnect(userID) },
		func() error { _, err := srv.UpdateUserData(userID, "bot", 3); return err },
		func() error { return srv.RequestUserStats(userID) }, func() error { return srv.StoreUserStats(userID) },
		func() error { _, err := srv.GetUserStatInt(userID, "s"); return ignoreRefused(err) },
		func() error { _, err := srv.GetUserStatFloat(userID, "s"); return ignoreRefused(err) },
		func() error { _, err := srv.GetUserAchievement(userID, "a"); return ignoreRefused(err) },
		func() error { return ignoreRefused(srv.SetUserStatInt(userID, "s", 1)) },
		func() error { return ignoreRefused(srv.SetUserStatFloat(userID, "s", 1)) },
		func() error { return ignoreRefused(srv.UpdateUserAvgRateStat(userID, "s", 1, 1)) },
		func() error { return ignoreRefused(srv.SetUserAchievement(userID, "a")) },
		func() error { return ignoreRefused(srv.ClearUserAchievement(userID, "a")) },
	}, httpEveryCall(srv)...) {
		must(set())
	}
	driveWorkshop(t, f, srv, be)
	for _, set := range utilsFrontCalls(f, srv) {
		must(set())
	}
	driveInventory(t, f, srv)
	for _, call := range netEveryCall(srv) {
		must(call())
	}
	f.results[0x77] = make([]byte, 4)
	f.callbacks = []fakeCallback{{idAPICallCompleted, completed(0x77, idAssociateWithClanResult, 4)}}
	srv.RunFrame()
	must(srv.Shutdown())
	for s := range sym(len(symbols)) {
		if !f.used[s] {
			t.Errorf("%s is in the table but never called", symbols[s].name)
		}
	}
}

// Steam's own responder gets the offline one's defaults, unless the game's environment says.
func TestInitSetsQueryDefaultsUnlessSet(t *testing.T) {
	t.Setenv(steam.EnvRequireInfoChallenge, "")
	t.Setenv(steam.EnvRateLimit200ms, "7")
	os.Unsetenv(steam.EnvRequireInfoChallenge)
	started(t, newFake(t))
	assert.Equal(t, "1", os.Getenv(steam.EnvRequireInfoChallenge), "A2S_INFO challenged by default")
	assert.Equal(t, "7", os.Getenv(steam.EnvRateLimit200ms), "the game's own limit is kept")
}

// ignoreRefused passes a Steam refusal (the fake answers false): only the call matters here.
func ignoreRefused(err error) error {
	if errors.Is(err, steam.ErrStatsRefused) {
		return nil
	}
	return err
}
