package steamworks

import "github.com/gosteam/godot-steam-server/steam"

// The one-argument setters' functions come from steam.Fields: each row names its ISteamGameServer
// setter, and the kind the field is kept as fixes the C signature.

// noSym marks a field Steam has no setter for (the heartbeat interval in SteamGameServer015).
const noSym sym = -1

// setterShapes is the C signature of a setter taking a field of each kind.
var setterShapes = map[steam.Kind]shape{
	steam.KindString: shapeVPS,
	steam.KindBool:   shapeVPB,
	steam.KindInt32:  shapeVPI32,
	steam.KindUint16: shapeVPU16,
}

// setterSyms is the symbol of each field's setter, declared from its row.
var setterSyms = setterSymbols()

func setterSymbols() (byField [len(steam.Fields)]sym) {
	for f := range steam.Fields {
		def := &steam.Fields[f]
		byField[f] = noSym
		if def.Steam != "" {
			byField[f] = method(def.Steam, setterShapes[def.Kind()])
		}
	}
	return byField
}

// applySetter gives Steam the value st holds for field, through the field's setter.
func (b *Backend) applySetter(field steam.Field, st *steam.State) {
	if field < 0 || int(field) >= len(setterSyms) || setterSyms[field] == noSym {
		return
	}
	s, def := setterSyms[field], &steam.Fields[field]
	switch def.Kind() {
	case steam.KindString:
		b.api.vPS(s, def.String(st))
	case steam.KindBool:
		b.api.vPB(s, def.Bool(st))
	case steam.KindInt32:
		b.api.vPI32(s, int32(def.Int(st)))
	case steam.KindUint16:
		b.api.vPU16(s, uint16(def.Int(st)))
	}
}
