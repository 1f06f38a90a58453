package main

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/gosteam/godot-steam-server/signals"
	"github.com/gosteam/godot-steam-server/steam"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pageMethods is the API page's method list with exact argument names, plus GodotSteam Server's
// entry points that the page relies on. The registered table must contain each exactly.
var pageMethods = map[string][]string{
	"associateWithClan":             {"clan_id"},
	"beginAuthSession":              {"auth_ticket", "steam_id"},
	"cancelServerAuthTicket":        {"auth_ticket"},
	"clearAllKeyValues":             {},
	"computeNewPlayerCompatibility": {"steam_id"},
	"endAuthSession":                {"steam_id"},
	"getAuthSessionTicket":          {"identity_reference"},
	"getServerAuthSessionTicket":    {"identity_reference"},
	"getNextOutgoingPacket":         {},
	"getPublicIP":                   {},
	"getSteamID":                    {},
	"handleIncomingPacket":          {"packet", "ip", "port"},
	"initGameServer":                {"connect_data", "app_id", "version_string"},
	"loggedOn":                      {},
	"logOff":                        {},
	"logOn":                         {"token"},
	"logOnAnonymous":                {},
	"requestUserGroupStatus":        {"steam_id", "group_id"},
	"secure":                        {},
	"setAdvertiseServerActive":      {"active"},
	"setBotPlayerCount":             {"bots"},
	"setDedicatedServer":            {"dedicated"},
	"setGameData":                   {"data"},
	"setGameDescription":            {"description"},
	"setGameTags":                   {"tags"},
	"setHeartbeatInterval":          {"interval"},
	"setKeyValue":                   {"key", "value"},
	"setMapName":                    {"map"},
	"setMaxPlayerCount":             {"players_max"},
	"setModDir":                     {"modDir"},
	"setPasswordProtected":          {"password_protected"},
	"setProduct":                    {"product"},
	"setRegion":                     {"region"},
	"setServerName":                 {"name"},
	"setSpectatorPort":              {"port"},
	"setSpectatorServerName":        {"name"},
	"userHasLicenceForApp":          {"steam_id", "app_id"},
	"userHasLicenseForApp":          {"steam_id", "app_id"},
	"wasRestartRequested":           {},
	// GodotSteam Server 4 entry points.
	"serverInit":                       {"ip", "game_port", "query_port", "server_mode", "version_number"},
	"serverInitEx":                     {"ip", "game_port", "query_port", "server_mode", "version_number"},
	"serverShutdown":                   {},
	"serverReleaseCurrentThreadMemory": {},
	"run_callbacks":                    {},
	"isServerSecure":                   {},
	"getServerSteamID":                 {},
	"cancelAuthTicket":                 {"auth_ticket"},
}

// pageReturns is the page's return type for each method that returns something.
var pageReturns = map[string]string{
	"beginAuthSession": "int", "getAuthSessionTicket": "Dictionary", "getServerAuthSessionTicket": "Dictionary",
	"getNextOutgoingPacket": "Dictionary", "getPublicIP": "Dictionary", "getSteamID": "int",
	"handleIncomingPacket": "Dictionary", "initGameServer": "bool", "loggedOn": "bool",
	"requestUserGroupStatus": "bool", "secure": "bool", "userHasLicenceForApp": "int", "userHasLicenseForApp": "int",
	"wasRestartRequested": "bool", "serverInit": "bool", "serverInitEx": "Dictionary", "isServerSecure": "bool",
	"getServerSteamID": "int",
}

func TestTableCoversThePage(t *testing.T) {
	byName := map[string]method{}
	for _, m := range classMethods(classSteam) {
		require.NotContains(t, byName, m.name, "duplicate method %s", m.name)
		byName[m.name] = m
	}
	for name, args := range pageMethods {
		m, ok := byName[name]
		if !assert.True(t, ok, "missing %s", name) {
			continue
		}
		assert.Equal(t, args, append([]string{}, m.args...), "%s argument names", name)
		want := pageReturns[name]
		if want == "" {
			want = "void"
		}
		assert.Equal(t, want, m.bind.ret.Name, "%s return type", name)
	}
}

func TestRowsAreWellFormed(t *testing.T) {
	camel := regexp.MustCompile(`^[a-z][A-Za-z0-9]*$|^run_callbacks$|^get_godotsteam_version$|^[gs]et_inventory(_update)?_handle$`)
	for _, m := range methods {
		assert.NoError(t, checkMethod(m), m.name)
		assert.Regexp(t, camel, m.name)
		assert.NotEmpty(t, m.doc, "%s needs a description", m.name)
		for _, d := range m.defaults {
			switch d.(type) {
			case string, int64, bool:
			default:
				t.Errorf("%s: default %v has a type the C side cannot build", m.name, d)
			}
		}
	}
	assert.LessOrEqual(t, len(methods), maxMethods, "SV_MAX_METHODS")
	assert.LessOrEqual(t, len(signals.Catalogue), maxSignals, "SV_MAX_SIGNALS")
	assert.LessOrEqual(t, int(keyCount), maxKeys, "SV_MAX_KEYS")
}

func TestDictionaryKeysAreNamedOnce(t *testing.T) {
	seen := map[string]bool{}
	for k, name := range keyNames {
		require.NotEmpty(t, name, "key %d has no name", k)
		require.False(t, seen[name], "key %q twice", name)
		seen[name] = true
	}
}

// apiDocs is the API reference page; its section between the api markers is generated from the
// table. Regenerate it with UPDATE_API_DOCS=1 go test ./extension/.
const apiDocs = "../docs/api.md"

func TestAPIDocsAreCurrent(t *testing.T) {
	const begin, end = "<!-- api:begin -->\n", "<!-- api:end -->"
	page, err := os.ReadFile(apiDocs)
	require.NoError(t, err)
	text := string(page)
	i, j := strings.Index(text, begin), strings.Index(text, end)
	require.True(t, i >= 0 && j > i, "%s needs the api:begin/api:end markers", apiDocs)
	want := text[:i+len(begin)] + apiMarkdown() + text[j:]
	if os.Getenv("UPDATE_API_DOCS") == "1" {
		require.NoError(t, os.WriteFile(apiDocs, []byte(want), 0o644))
		return
	}
	assert.Equal(t, want, text, "the API tables of %s are stale: run UPDATE_API_DOCS=1 go test ./extension/", apiDocs)
}

func TestOnlyArgumentlessScalarReadsAreCached(t *testing.T) {
	for _, m := range methods {
		switch m.cache {
		case cacheScalar:
			assert.Empty(t, m.args, "%s: a cached answer cannot depend on arguments", m.name)
			assert.Contains(t, []int32{typeBool, typeInt}, m.bind.ret.Type, "%s: only scalars are cached", m.name)
		case cacheEmptyPacket:
			assert.Equal(t, "getNextOutgoingPacket", m.name, "C builds only getNextOutgoingPacket's empty answer")
		case cacheSetter:
			if assert.Len(t, m.bind.args, 1, "%s: C compares one argument", m.name) {
				assert.Contains(t, []int32{typeBool, typeInt, typeString}, m.bind.args[0].Type, "%s: C compares bools, ints and Strings", m.name)
			}
			assert.Equal(t, int32(typeVoid), m.bind.ret.Type, "%s: a skipped setter returns nothing", m.name)
			assert.True(t, strings.HasPrefix(m.name, "set"), "%s: only setters, which change nothing when repeated", m.name)
		}
	}
}

func TestEnumTypesNameSteamEnums(t *testing.T) {
	known := map[string]bool{}
	for _, e := range steam.Enums {
		known[e.Name] = true
	}
	for _, m := range methods {
		for i, k := range append(append([]kind{}, m.bind.args...), m.bind.ret) {
			if k.Enum != "" {
				assert.True(t, known[k.Enum], "%s kind %d names unknown enum %s", m.name, i, k.Enum)
				assert.Equal(t, int32(typeInt), k.Type, "%s: enums are ints", m.name)
			}
		}
	}
	for _, s := range signals.Catalogue {
		for _, p := range s.Params {
			if p.Enum != "" {
				assert.True(t, known[p.Enum], "%s.%s names unknown enum %s", s.Name, p.Name, p.Enum)
			}
		}
	}
}

// doc_classes/<Class>.xml is generated from the tables; regenerate with UPDATE_DOCS=1 go test ./extension/.
func TestClassReferenceIsCurrent(t *testing.T) {
	for cls := range classCount {
		path := "doc_classes/" + cls.String() + ".xml"
		want := classXML(cls)
		if os.Getenv("UPDATE_DOCS") == "1" {
			require.NoError(t, os.MkdirAll("doc_classes", 0o755))
			require.NoError(t, os.WriteFile(path, []byte(want), 0o644))
		}
		got, err := os.ReadFile(path)
		require.NoError(t, err)
		assert.Equal(t, want, string(got), "%s is stale: run UPDATE_DOCS=1 go test ./extension/", path)
	}
}

// Every row of steam.Fields has its setter method, and only those are cached setters.
func TestEverySettableFieldHasASetter(t *testing.T) {
	n := 0
	for _, m := range classMethods(classSteam) {
		if m.cache == cacheSetter {
			n++
		}
	}
	assert.Equal(t, len(steam.Fields), n)
}
