package steam

// Limits in bytes Steamworks puts on strings other than the setters' (whose limits are their rows
// in Fields) and on counts. Longer values are refused rather than silently cut, so what a server
// browser shows is what the game set.
const (
	MaxKeyLen          = 127
	MaxValueLen        = 255
	MaxTokenLen        = 1023
	MaxVersionLen      = 63
	MaxKeyValues       = 512
	MaxPlayerCountSane = 65535
)

// InitConfig is what serverInit receives.
type InitConfig struct {
	IP        uint32 // host byte order; 0 = all interfaces
	GamePort  uint16
	QueryPort uint16 // QueryPortShared selects GameSocketShare
	Mode      ServerMode
	Version   string
	AppID     uint32
}

// SharedSocket reports whether queries arrive through handleIncomingPacket.
func (c InitConfig) SharedSocket() bool { return c.QueryPort == QueryPortShared }

// KeyValue is one A2S rule.
type KeyValue struct{ Key, Value string }

// State is everything the game has told the server about itself. The front keeps it for every
// backend so that it can be read back (getServerState) and the offline backend can answer queries.
type State struct {
	Init              InitConfig
	Product           string
	Description       string
	ModDir            string
	Dedicated         bool
	MaxPlayers        int32
	BotPlayers        int32
	ServerName        string
	MapName           string
	PasswordProtected bool
	SpectatorPort     uint16
	SpectatorName     string
	GameTags          string
	GameData          string
	Region            string
	HeartbeatInterval int32
	AdvertiseActive   bool
	KeyValues         []KeyValue // insertion order, as Steam sends rules
}

// Clone returns a copy that shares nothing with s.
func (s *State) Clone() State {
	c := *s
	c.KeyValues = append([]KeyValue(nil), s.KeyValues...)
	return c
}

// SetKeyValueBounded adds or replaces a rule, keeping first-insertion order. A new key beyond max
// rules is refused (false).
func (s *State) SetKeyValueBounded(key, value string, max int) bool {
	for i := range s.KeyValues {
		if s.KeyValues[i].Key == key {
			s.KeyValues[i].Value = value
			return true
		}
	}
	if len(s.KeyValues) >= max {
		return false
	}
	s.KeyValues = append(s.KeyValues, KeyValue{key, value})
	return true
}
