package main

import (
	"slices"
	"strings"

	"github.com/gosteam/godot-steam-server/steam"
)

// The one-argument setters and getServerState's fields, from their rows in steam.Fields.

// fieldKey is the Dictionary key of field.
func fieldKey(field steam.Field) key { return keyFields + key(field) }

// fieldsDict puts every setter's field into getServerState's Dictionary, in table order.
func fieldsDict(d dict, st *steam.State) {
	for f := range steam.Fields {
		def, k := &steam.Fields[f], fieldKey(steam.Field(f))
		switch def.Kind() {
		case steam.KindString:
			d.string(k, def.String(st))
		case steam.KindBool:
			d.bool(k, def.Bool(st))
		default:
			d.int(k, def.Int(st))
		}
	}
}

// setters are the one-argument setters' method rows, one per row of steam.Fields, by name:
// their name, argument's name and type, Steam call, checks and doc (with "before log-on only") all
// come from the field's row. C skips a call repeating the value last accepted.
func setters() []method {
	rows := make([]method, len(steam.Fields))
	for f := range steam.Fields {
		def := &steam.Fields[f]
		doc := def.Doc + "."
		if def.BeforeLogOn {
			doc = def.Doc + "; before log-on only."
		}
		rows[f] = method{name: def.Method, cache: cacheSetter, steam: def.Steam, offline: def.Kept, args: names(def.Arg),
			bind: setterBinding(steam.Field(f), def.Kind()), doc: doc, field: def}
	}
	slices.SortFunc(rows, func(a, b method) int { return strings.Compare(a.name, b.name) })
	return rows
}

// setterBinding binds the setter of kind to the argument type GDScript passes for it.
func setterBinding(field steam.Field, kind steam.Kind) binding {
	switch kind {
	case steam.KindString:
		return do1(text, func(s *steam.Server, v string) error { return s.SetString(field, v) })
	case steam.KindBool:
		return do1(boolean, func(s *steam.Server, v bool) error { return s.SetBool(field, v) })
	case steam.KindUint16:
		return do1(uint16Arg, func(s *steam.Server, v int64) error { return s.SetInt(field, v) })
	}
	return do1(int32Arg, func(s *steam.Server, v int64) error { return s.SetInt(field, v) })
}
