package steam

import "time"

// MaxPlayerNameLen bounds a name given to updateUserData, in bytes (Steam's persona names are at
// most 128 bytes with the terminating NUL).
const MaxPlayerNameLen = 127

// MaxConnectedUsers bounds the player list the offline backend keeps (connected and unauthenticated users).
const MaxConnectedUsers = 65535

// Player is one user on the server as server browsers list them (A2S_PLAYER): a client accepted by
// sendUserConnectAndAuthenticate or a bot made by createUnauthenticatedUserConnection, until
// sendUserDisconnect. Name and Score come from updateUserData.
type Player struct {
	SteamID SteamID
	Name    string
	// Score is updateUserData's unsigned 32-bit score as the same 32 bits; A2S_PLAYER sends it as a
	// signed 32-bit number, so a game's negative scores come back as they were given.
	Score int32
	// Duration is how long the user has been connected.
	Duration time.Duration
	// Bot is true for users made by createUnauthenticatedUserConnection.
	Bot bool
}
