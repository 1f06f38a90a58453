package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gosteam/godot-steam-server/signals"
	"github.com/gosteam/godot-steam-server/steam"
)

// The GDScript suites check the API Godot shows against this fixture, generated from the tables the
// extension registers, so no suite keeps a list of its own. Regenerate with
// UPDATE_FIXTURE=1 go test ./extension/; a change to the API then shows in the fixture's diff.
const fixturePath = "../godot_project/tests/api_table.gen.gd"

func TestGDScriptFixtureIsCurrent(t *testing.T) {
	want := apiFixture()
	if os.Getenv("UPDATE_FIXTURE") == "1" {
		require.NoError(t, os.WriteFile(fixturePath, []byte(want), 0o644))
	}
	got, err := os.ReadFile(fixturePath)
	require.NoError(t, err)
	assert.Equal(t, want, string(got), "the GDScript fixture is stale: run UPDATE_FIXTURE=1 go test ./extension/")
}

// variantTypeConstants are GDScript's names of the Variant types the API uses.
var variantTypeConstants = map[int32]string{
	typeBool: "TYPE_BOOL", typeInt: "TYPE_INT", typeFloat: "TYPE_FLOAT", typeString: "TYPE_STRING",
	typeDictionary: "TYPE_DICTIONARY", typeBytes: "TYPE_PACKED_BYTE_ARRAY", typeArray: "TYPE_ARRAY",
	typeInt32s: "TYPE_PACKED_INT32_ARRAY", typeInt64s: "TYPE_PACKED_INT64_ARRAY",
}

// gdType is a kind's Variant type as GDScript's ClassDB reports it: TYPE_NIL for void and Variant.
func gdType(k kind) string {
	if k.Type == typeVoid || k.Type == typeVariant {
		return "TYPE_NIL"
	}
	name, ok := variantTypeConstants[k.Type]
	if !ok {
		panic(fmt.Sprintf("no GDScript name for Variant type %d", k.Type))
	}
	return name
}

func gdLiteral(v any) string {
	switch v := v.(type) {
	case string:
		return strconv.Quote(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case bool:
		return strconv.FormatBool(v)
	}
	panic(fmt.Sprintf("no GDScript literal for %T", v))
}

func apiFixture() string {
	var b strings.Builder
	b.WriteString("## Generated from extension/methods.go and signals/catalogue.go by\n")
	b.WriteString("## UPDATE_FIXTURE=1 go test ./extension/ (checked stale by go test): do not edit.\n")
	b.WriteString("## The Steam and SteamServer singletons' API as ClassDB must show it; the suites read it instead of lists of their own.\n")
	b.WriteString("extends RefCounted\n\n")
	b.WriteString("## name -> {args: [[name, Variant type, declared as Variant, enum]], return: Variant type,\n")
	b.WriteString("## return_enum, defaults: values of the trailing arguments,\n")
	b.WriteString("## field: for a one-argument set* of the state, {key: getServerState's key, max_len: a String's limit in bytes (0: not a String),\n")
	b.WriteString("## min, max: an int's range, before_log_on: refused once the server logs on}}\n")
	steamRows := fixtureMethodRows(classSteam)
	fixtureTable(&b, "METHODS", steamRows, nil)
	b.WriteString("## SteamServer's methods that differ from Steam's (methods_of merges them in)\n")
	fixtureTable(&b, "SERVER_METHOD_CHANGES", fixtureMethodRows(classSteamServer), steamRows)
	b.WriteString("## name -> [[argument name, Variant type, enum], ...] in order\n")
	steamSignals := fixtureSignalRows(classSteam)
	fixtureTable(&b, "SIGNALS", steamSignals, nil)
	b.WriteString("## SteamServer's signals that differ from Steam's (signals_of merges them in)\n")
	fixtureTable(&b, "SERVER_SIGNAL_CHANGES", fixtureSignalRows(classSteamServer), steamSignals)
	b.WriteString("const CLASSES := [\"Steam\", \"SteamServer\"]\n\n\n")
	b.WriteString("## A class's methods: Steam's, with SteamServer's own rows in their places.\n")
	b.WriteString("static func methods_of(cls: String) -> Dictionary:\n\treturn METHODS if cls == \"Steam\" else METHODS.merged(SERVER_METHOD_CHANGES, true)\n\n\n")
	b.WriteString("static func signals_of(cls: String) -> Dictionary:\n\treturn SIGNALS if cls == \"Steam\" else SIGNALS.merged(SERVER_SIGNAL_CHANGES, true)\n\n\n")
	b.WriteString("## The Utils calls about a player's Steam client, refused on both backends: name -> [the refusal's message, what they return]\n")
	b.WriteString(clientCallsFixture())
	b.WriteString("## enum -> [smallest, largest] of its values\n")
	b.WriteString("const ENUMS := {\n")
	for _, e := range steam.Enums {
		lo, hi := e.Values[0].Value, e.Values[0].Value
		for _, v := range e.Values {
			lo, hi = min(lo, v.Value), max(hi, v.Value)
		}
		fmt.Fprintf(&b, "\t%q: [%d, %d],\n", e.Name, lo, hi)
	}
	b.WriteString("}\n")
	return b.String()
}

// fixtureRow is one entry of a generated table: its name and its GDScript value.
type fixtureRow struct{ name, value string }

// fixtureTable writes const name := {rows}, leaving out the rows base has with the same value.
func fixtureTable(b *strings.Builder, name string, rows, base []fixtureRow) {
	same := map[fixtureRow]bool{}
	for _, r := range base {
		same[r] = true
	}
	fmt.Fprintf(b, "const %s := {\n", name)
	for _, r := range rows {
		if !same[r] {
			fmt.Fprintf(b, "\t%q: %s,\n", r.name, r.value)
		}
	}
	b.WriteString("}\n\n")
}

func fixtureMethodRows(cls classID) []fixtureRow {
	var rows []fixtureRow
	for _, m := range classMethods(cls) {
		args := make([]string, len(m.args))
		for i, name := range m.args {
			k := m.bind.args[i]
			args[i] = fmt.Sprintf("[%q, %s, %t, %q]", name, gdType(k), k.Type == typeVariant, k.Enum)
		}
		defaults := make([]string, len(m.defaults))
		for i, d := range m.defaults {
			defaults[i] = gdLiteral(d)
		}
		rows = append(rows, fixtureRow{m.name, fmt.Sprintf("{\"args\": [%s], \"return\": %s, \"return_enum\": %q, \"defaults\": [%s], \"field\": %s}",
			strings.Join(args, ", "), gdType(m.bind.ret), m.bind.ret.Enum, strings.Join(defaults, ", "), fieldLiteral(m.field))})
	}
	return rows
}

func fixtureSignalRows(cls classID) []fixtureRow {
	var rows []fixtureRow
	for id := range signals.Catalogue {
		s := classSignal(cls, signals.ID(id))
		params := make([]string, len(s.Params))
		for i, p := range s.Params {
			params[i] = fmt.Sprintf("[%q, %s, %q]", p.Name, gdType(kind{Type: int32(p.Type)}), p.Enum)
		}
		rows = append(rows, fixtureRow{s.Name, "[" + strings.Join(params, ", ") + "]"})
	}
	return rows
}

func fieldLiteral(f *steam.FieldDef) string {
	if f == nil {
		return "{}"
	}
	return fmt.Sprintf("{\"key\": %q, \"max_len\": %d, \"min\": %d, \"max\": %d, \"before_log_on\": %t}",
		f.Key, f.MaxLen, f.Range.Min, f.Range.Max, f.BeforeLogOn)
}
