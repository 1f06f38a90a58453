package offline

import "github.com/gosteam/godot-steam-server/steam/internal/a2swire"

// The A2S decoder the tests check replies with (independent of the encoder).
type (
	info      = a2swire.Info
	playerRow = a2swire.PlayerRow
)

var (
	decodeInfo      = a2swire.DecodeInfo
	decodePlayers   = a2swire.DecodePlayers
	decodeRules     = a2swire.DecodeRules
	decodeChallenge = a2swire.DecodeChallenge
	reassemble      = a2swire.Reassemble
)
