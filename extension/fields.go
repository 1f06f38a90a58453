package main

import "github.com/gosteam/godot-steam-server/steam"

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

// setter is the method row of field's one-argument setter: its argument's name and type, its Steam
// call and its checks come from the field's row, and so does the doc's "before log-on only" (what
// is a sentence without its full stop). C skips a call repeating the value last accepted.
func setter(name string, field steam.Field, what string) method {
	def := &steam.Fields[field]
	doc := what + "."
	if def.BeforeLogOn {
		doc = what + "; before log-on only."
	}
	return method{name: name, cache: cacheSetter, steam: def.Steam, args: names(def.Arg), bind: setterBinding(field, def.Kind()), doc: doc, field: def}
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

// offlineNote adds how the offline backend answers, where that differs from Steam.
func (m method) offlineNote(offline string) method {
	m.offline = offline
	return m
}
