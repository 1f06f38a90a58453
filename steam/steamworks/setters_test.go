package steamworks

import (
	"slices"
	"testing"

	"github.com/gosteam/godot-steam-server/steam"
)

// Each field reaches Steam through its own setter, with the value the state holds.
func TestApplyCallsEachSetter(t *testing.T) {
	st := &steam.State{
		Product: "480", Description: "Spacewar", ModDir: "spacewar", Dedicated: true, MaxPlayers: 16, BotPlayers: 2,
		ServerName: "My server", MapName: "arena", PasswordProtected: true, SpectatorPort: 27020, SpectatorName: "spec",
		GameTags: "a,b", GameData: "data", Region: "eu", HeartbeatInterval: 30, AdvertiseActive: true,
		KeyValues: []steam.KeyValue{{Key: "mode", Value: "ctf"}, {Key: "round", Value: "3"}},
	}
	cases := []struct {
		field steam.Field
		want  []string
	}{
		{steam.FieldProduct, []string{`SetProduct("480")`}},
		{steam.FieldDescription, []string{`SetGameDescription("Spacewar")`}},
		{steam.FieldModDir, []string{`SetModDir("spacewar")`}},
		{steam.FieldDedicated, []string{`SetDedicatedServer(true)`}},
		{steam.FieldMaxPlayers, []string{`SetMaxPlayerCount(16)`}},
		{steam.FieldBotPlayers, []string{`SetBotPlayerCount(2)`}},
		{steam.FieldServerName, []string{`SetServerName("My server")`}},
		{steam.FieldMapName, []string{`SetMapName("arena")`}},
		{steam.FieldPasswordProtected, []string{`SetPasswordProtected(true)`}},
		{steam.FieldSpectatorPort, []string{`SetSpectatorPort(27020)`}},
		{steam.FieldSpectatorName, []string{`SetSpectatorServerName("spec")`}},
		{steam.FieldGameTags, []string{`SetGameTags("a,b")`}},
		{steam.FieldGameData, []string{`SetGameData("data")`}},
		{steam.FieldRegion, []string{`SetRegion("eu")`}},
		{steam.FieldHeartbeatInterval, nil}, // no setter in SteamGameServer015
		{steam.FieldAdvertiseActive, []string{`SetAdvertiseServerActive(true)`}},
		{steam.FieldKeyValues, []string{`ClearAllKeyValues()`, `SetKeyValue("mode", "ctf")`, `SetKeyValue("round", "3")`}},
	}
	f := newFake(t)
	b, _ := started(t, f)
	for _, c := range cases {
		b.Apply(c.field, st)
		if got := f.take(); !slices.Equal(got, c.want) {
			t.Errorf("Apply(field %d): got %q, want %q", c.field, got, c.want)
		}
	}
	if len(cases) != int(steam.FieldKeyValues)+1 {
		t.Errorf("%d fields covered; steam has %d", len(cases), steam.FieldKeyValues+1)
	}
	st.KeyValues = nil
	b.Apply(steam.FieldKeyValues, st)
	if got := f.take(); !slices.Equal(got, []string{"ClearAllKeyValues()"}) {
		t.Errorf("clearing every rule: %q", got)
	}
}
