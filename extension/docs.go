package main

import (
	"fmt"
	"strings"

	"github.com/gosteam/godot-steam-server/signals"
)

// typeName is the type as GDScript shows it: the enum's name for enum-typed ints.
func (k kind) typeName() string {
	if k.Enum != "" {
		return k.Enum
	}
	return k.Name
}

// signature renders a method as GDScript would declare it.
func (m method) signature() string {
	args := make([]string, len(m.args))
	firstDefault := len(m.args) - len(m.defaults)
	for i, name := range m.args {
		args[i] = name + ": " + m.bind.args[i].typeName()
		if i >= firstDefault {
			args[i] += " = " + defaultLiteral(m.defaults[i-firstDefault])
		}
	}
	return fmt.Sprintf("%s(%s) -> %s", m.name, strings.Join(args, ", "), m.bind.ret.typeName())
}

func signalSignature(s signals.Signal) string {
	args := make([]string, len(s.Params))
	for i, p := range s.Params {
		t := "int"
		switch {
		case p.Type == signals.Bool:
			t = "bool"
		case p.Type == signals.String:
			t = "String"
		case p.Type == signals.Dictionary:
			t = "Dictionary"
		case p.Type == signals.Array:
			t = "Array"
		case p.Enum != "":
			t = p.Enum
		}
		args[i] = p.Name + ": " + t
	}
	return fmt.Sprintf("%s(%s)", s.Name, strings.Join(args, ", "))
}

// apiMarkdown is docs/api.md's generated section, made from the same tables the extension registers.
func apiMarkdown() string {
	var b strings.Builder
	b.WriteString("| method | what it does | signals | Steamworks | offline backend |\n|---|---|---|---|---|\n")
	for _, m := range classMethods(classSteam) {
		emits := make([]string, len(m.emits))
		for i, id := range m.emits {
			emits[i] = "`" + signals.Catalogue[id].Name + "`"
		}
		steamCall := "ours"
		if m.steam != "" {
			steamCall = "`" + m.steam + "`"
		}
		offline := m.offline
		if offline == "" && m.steam != "" {
			offline = "as Steam"
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s |\n", m.signature(), m.doc, strings.Join(emits, " "), steamCall, offline)
	}
	b.WriteString("\n| signal | when |\n|---|---|\n")
	for _, s := range signals.Catalogue {
		fmt.Fprintf(&b, "| `%s` | %s |\n", signalSignature(s), s.Doc)
	}
	b.WriteString(serverDifferencesMarkdown())
	return b.String()
}

// serverDifferencesMarkdown lists where SteamServer (GodotSteam Server 4's API) and Steam (the
// page's) differ from each other or from GodotSteam Server 4, from the same table SteamServer's
// rows are made from.
func serverDifferencesMarkdown() string {
	steamRows, serverRows := map[string]method{}, map[string]method{}
	for _, m := range classMethods(classSteam) {
		steamRows[m.name] = m
	}
	for _, m := range classMethods(classSteamServer) {
		serverRows[m.name] = m
	}
	var b strings.Builder
	b.WriteString("\n#### SteamServer, Steam and GodotSteam Server 4\n\n")
	b.WriteString("`SteamServer` has every method above, with GodotSteam Server 4's signature where it differs from the page's. These are all the differences:\n\n")
	b.WriteString("| `SteamServer` | `Steam` | what differs |\n|---|---|---|\n")
	for _, d := range serverDifferences {
		fmt.Fprintf(&b, "| `%s` | `%s` | %s |\n", serverRows[d.method].signature(), steamRows[d.method].signature(), d.note)
	}
	for id := range signals.Catalogue {
		params, renamed := signals.GodotSteamServerParams[signals.ID(id)]
		if !renamed {
			continue
		}
		s := signals.Catalogue[id]
		fmt.Fprintf(&b, "| signal `%s` | signal `%s` | GodotSteam Server 4 names the parameters %s. |\n",
			signalSignature(classSignal(classSteamServer, signals.ID(id))), signalSignature(s), "`"+strings.Join(params, "`, `")+"`")
	}
	return b.String()
}
