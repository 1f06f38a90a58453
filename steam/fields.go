package steam

// Field names one piece of State, so a backend can be told exactly what changed.
type Field int

// The one-argument setters' fields, in getServerState's order; each has its row in Fields.
const (
	FieldProduct Field = iota
	FieldDescription
	FieldModDir
	FieldDedicated
	FieldMaxPlayers
	FieldBotPlayers
	FieldServerName
	FieldMapName
	FieldPasswordProtected
	FieldSpectatorPort
	FieldSpectatorName
	FieldGameTags
	FieldGameData
	FieldRegion
	FieldHeartbeatInterval
	FieldAdvertiseActive
	// FieldKeyValues is the rules, which setKeyValue and clearAllKeyValues change: not a
	// one-argument setter, so it has no row in Fields.
	FieldKeyValues
)

// Fields describes every one-argument setter's field, written once: the front's setters check and
// store values by it (SetString, SetBool, SetInt), the steamworks backend finds its Steam call in it,
// and the extension builds getServerState and the setter methods from it.
var Fields = [FieldKeyValues]FieldDef{
	FieldProduct: {
		Method: "setProduct", Doc: "Product identifier (usually the app ID as text)",
		Key: "product", Arg: "product", Steam: "SetProduct", BeforeLogOn: true, MaxLen: 63,
		at: text(func(s *State) *string { return &s.Product })},
	FieldDescription: {
		Method: "setGameDescription", Doc: "The game's full name",
		Key: "description", Arg: "description", Steam: "SetGameDescription", BeforeLogOn: true, MaxLen: 63,
		at: text(func(s *State) *string { return &s.Description })},
	FieldModDir: {
		Method: "setModDir", Doc: "The game's folder name",
		Key: "mod_dir", Arg: "modDir", Steam: "SetModDir", BeforeLogOn: true, MaxLen: 31,
		at: text(func(s *State) *string { return &s.ModDir })},
	FieldDedicated: {
		Method: "setDedicatedServer", Doc: "Dedicated or listen server",
		Key: "dedicated", Arg: "dedicated", Steam: "SetDedicatedServer", BeforeLogOn: true,
		at: flag(func(s *State) *bool { return &s.Dedicated })},
	FieldMaxPlayers: {
		Method: "setMaxPlayerCount", Doc: "Maximum players shown in server browsers",
		Key: "max_players", Arg: "players_max", Steam: "SetMaxPlayerCount", Range: playerCount,
		at: number(func(s *State) *int32 { return &s.MaxPlayers })},
	FieldBotPlayers: {
		Method: "setBotPlayerCount", Doc: "Number of bots reported to server browsers",
		Key: "bot_players", Arg: "bots", Steam: "SetBotPlayerCount", Range: playerCount,
		at: number(func(s *State) *int32 { return &s.BotPlayers })},
	FieldServerName: {
		Method: "setServerName", Doc: "Server name shown in server browsers",
		Key: "server_name", Arg: "name", Steam: "SetServerName", MaxLen: 63,
		at: text(func(s *State) *string { return &s.ServerName })},
	FieldMapName: {
		Method: "setMapName", Doc: "Map name shown in server browsers",
		Key: "map_name", Arg: "map", Steam: "SetMapName", MaxLen: 31,
		at: text(func(s *State) *string { return &s.MapName })},
	FieldPasswordProtected: {
		Method: "setPasswordProtected", Doc: "Whether joining needs a password",
		Key: "password_protected", Arg: "password_protected", Steam: "SetPasswordProtected",
		at: flag(func(s *State) *bool { return &s.PasswordProtected })},
	FieldSpectatorPort: {
		Method: "setSpectatorPort", Doc: "Spectator port; 0 for none",
		Key: "spectator_port", Arg: "port", Steam: "SetSpectatorPort", Range: port,
		at: number(func(s *State) *uint16 { return &s.SpectatorPort })},
	FieldSpectatorName: {
		Method: "setSpectatorServerName", Doc: "Spectator server name",
		Key: "spectator_server_name", Arg: "name", Steam: "SetSpectatorServerName", MaxLen: 63,
		at: text(func(s *State) *string { return &s.SpectatorName })},
	FieldGameTags: {
		Method: "setGameTags", Doc: "Comma separated tags for server browser filters",
		Key: "game_tags", Arg: "tags", Steam: "SetGameTags", MaxLen: 127,
		at: text(func(s *State) *string { return &s.GameTags })},
	FieldGameData: {
		Method: "setGameData", Doc: "Hidden game data for master server filters",
		Key: "game_data", Arg: "data", Steam: "SetGameData", MaxLen: 2047,
		at: text(func(s *State) *string { return &s.GameData })},
	FieldRegion: {
		Method: "setRegion", Doc: "Region identifier; empty means world",
		Key: "region", Arg: "region", Steam: "SetRegion", MaxLen: 31,
		at: text(func(s *State) *string { return &s.Region })},
	// SteamGameServer015 has no heartbeat setter (Steam chooses the interval): the value is only kept.
	FieldHeartbeatInterval: {
		Method: "setHeartbeatInterval", Doc: "Heartbeat interval in seconds; -1 for Steam's default", Kept: "kept; Steam chooses the interval",
		Key: "heartbeat_interval", Arg: "interval", Range: heartbeatInterval,
		at: number(func(s *State) *int32 { return &s.HeartbeatInterval })},
	FieldAdvertiseActive: {
		Method: "setAdvertiseServerActive", Doc: "Whether to advertise the server (heartbeats to the master server; offline: answer queries)",
		Key: "advertise_active", Arg: "active", Steam: "SetAdvertiseServerActive",
		at: flag(func(s *State) *bool { return &s.AdvertiseActive })},
}

// Integer ranges the setters accept.
var (
	playerCount       = IntRange{Min: 0, Max: MaxPlayerCountSane}
	port              = IntRange{Min: 0, Max: 0xFFFF}
	heartbeatInterval = IntRange{Min: -1, Max: 1<<31 - 1, Says: "-1 (default) or a positive number of seconds"}
)
