package steam

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// AppIDFromEnvironment finds the app ID the way the Steamworks library does for a server not
// started by Steam: the SteamAppId (or SteamGameId) environment variable, then steam_appid.txt in
// the working directory. It returns 0 when neither names a valid ID.
func AppIDFromEnvironment() uint32 {
	for _, name := range []string{"SteamAppId", "SteamGameId"} {
		if id, ok := parseAppID(Getenv(name)); ok {
			return id
		}
	}
	if wd, err := os.Getwd(); err == nil {
		if b, err := os.ReadFile(filepath.Join(wd, "steam_appid.txt")); err == nil {
			if id, ok := parseAppID(string(b)); ok {
				return id
			}
		}
	}
	return 0
}

func parseAppID(s string) (uint32, bool) {
	v, err := strconv.ParseUint(strings.TrimSpace(s), 10, 32)
	return uint32(v), err == nil && v != 0
}
