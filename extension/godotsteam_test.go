package main

import (
	"bufio"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gosteam/godot-steam-server/signals"
)

// gs4Entry is one line of testdata/godotsteam_server_4.txt: a method or signal as GodotSteam
// Server 4's class reference declares it.
type gs4Entry struct {
	signal bool
	name   string
	args   [][3]string // name, type, default ("" for none)
	ret    string
}

var gs4Line = regexp.MustCompile(`^- (signal )?(\w+)\((.*)\)(?: -> (\w+))?$`)

func readGS4(t *testing.T) []gs4Entry {
	f, err := os.Open("testdata/godotsteam_server_4.txt")
	require.NoError(t, err)
	defer f.Close()
	var entries []gs4Entry
	lines := bufio.NewScanner(f)
	for lines.Scan() {
		line := lines.Text()
		if strings.HasPrefix(line, "#") || line == "" {
			continue
		}
		m := gs4Line.FindStringSubmatch(line)
		require.NotNil(t, m, "unreadable line %q", line)
		e := gs4Entry{signal: m[1] != "", name: m[2], ret: m[4]}
		for _, a := range strings.Split(m[3], ", ") {
			if a == "" {
				continue
			}
			name, typ, _ := strings.Cut(a, ": ")
			typ, def, _ := strings.Cut(typ, " = ")
			e.args = append(e.args, [3]string{name, typ, def})
		}
		entries = append(entries, e)
	}
	return entries
}

// sameType: GodotSteam Server 4's type name against ours. Its plain int may be our enum-typed int
// (the same int in GDScript).
func sameType(gs4 string, k kind) bool {
	return gs4 == k.typeName() || (gs4 == "int" && k.Type == typeInt)
}

// Every GodotSteam Server 4 game-server method and signal is on SteamServer with its name, argument
// names, order, defaults and types, except where serverDifferences says why not.
func TestSteamServerHasGodotSteamServer4Signatures(t *testing.T) {
	rows := map[string]method{}
	for _, m := range classMethods(classSteamServer) {
		rows[m.name] = m
	}
	explained := map[string]bool{}
	for _, d := range serverDifferences {
		explained[d.method] = true
	}
	sigs := map[string]signals.Signal{}
	for id := range signals.Catalogue {
		s := classSignal(classSteamServer, signals.ID(id))
		sigs[s.Name] = s
	}
	entries := readGS4(t)
	require.NotEmpty(t, entries)
	for _, e := range entries {
		if e.signal {
			s, ok := sigs[e.name]
			if !assert.True(t, ok, "SteamServer lacks signal %s", e.name) || !assert.Len(t, s.Params, len(e.args), e.name) {
				continue
			}
			for i, a := range e.args {
				assert.Equal(t, a[0], s.Params[i].Name, "signal %s parameter %d", e.name, i)
				want := map[string]signals.Type{"int": signals.Int, "bool": signals.Bool, "String": signals.String, "Dictionary": signals.Dictionary, "Array": signals.Array}[a[1]]
				assert.Equal(t, want, s.Params[i].Type, "signal %s parameter %s type", e.name, a[0])
			}
			continue
		}
		m, ok := rows[e.name]
		if !assert.True(t, ok, "SteamServer lacks %s", e.name) {
			continue
		}
		names := make([]string, len(e.args))
		for i, a := range e.args {
			names[i] = a[0]
		}
		assert.Equal(t, names, append([]string{}, m.args...), "SteamServer.%s argument names", e.name)
		firstDefault := len(m.args) - len(m.defaults)
		for i, a := range e.args {
			if i >= len(m.args) {
				break
			}
			def := ""
			if i >= firstDefault {
				def = defaultLiteral(m.defaults[i-firstDefault])
			}
			assert.Equal(t, a[2], def, "SteamServer.%s default of %s", e.name, a[0])
			if !sameType(a[1], m.bind.args[i]) {
				assert.True(t, explained[e.name], "SteamServer.%s: %s is %s, GodotSteam Server 4's %s, and serverDifferences does not say why",
					e.name, a[0], m.bind.args[i].typeName(), a[1])
			}
		}
		if !sameType(e.ret, m.bind.ret) {
			assert.True(t, explained[e.name], "SteamServer.%s returns %s, GodotSteam Server 4 %s, and serverDifferences does not say why",
				e.name, m.bind.ret.typeName(), e.ret)
		}
	}
}

// Each difference names a method both classes have, and says what differs.
func TestServerDifferencesAreExplained(t *testing.T) {
	for _, d := range serverDifferences {
		assert.NotEmpty(t, d.note, d.method)
		var found [classCount]bool
		for _, m := range methods {
			if m.name == d.method {
				found[m.class] = true
			}
		}
		assert.Equal(t, [classCount]bool{true, true}, found, "%s is on both classes", d.method)
	}
}

// A refusal from the steam package names the argument as the class does.
func TestRefusedArgumentsAreNamedAsTheClassNamesThem(t *testing.T) {
	row := func(cls classID, name string) *method {
		for i := range methods {
			if methods[i].class == cls && methods[i].name == name {
				return &methods[i]
			}
		}
		t.Fatalf("no %s.%s", cls, name)
		return nil
	}
	assert.Equal(t, "modDir", ownArgName(row(classSteam, "setModDir"), "modDir"))
	assert.Equal(t, "mod_directory", ownArgName(row(classSteamServer, "setModDir"), "modDir"))
	assert.Equal(t, "ticket", ownArgName(row(classSteamServer, "beginAuthSession"), "auth_ticket"))
	assert.Equal(t, "steam_id", ownArgName(row(classSteamServer, "beginAuthSession"), "steam_id"))
}
