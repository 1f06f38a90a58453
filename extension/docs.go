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
		case p.Enum != "":
			t = p.Enum
		}
		args[i] = p.Name + ": " + t
	}
	return fmt.Sprintf("%s(%s)", s.Name, strings.Join(args, ", "))
}

// apiMarkdown is the README's API section, generated from the same tables the extension registers.
func apiMarkdown() string {
	var b strings.Builder
	b.WriteString("| method | what it does | signals | Steamworks | offline backend |\n|---|---|---|---|---|\n")
	for _, m := range methods {
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
	return b.String()
}
