package steam

import "math"

// The range checks more than one caller makes, each defined once.

// CheckServerMode refuses a server_mode that is not an EServerMode serverInit accepts. It takes the
// int GDScript passed, so a value beyond 32 bits cannot wrap into range.
func CheckServerMode(v int64) error {
	if v < int64(ServerModeNoAuthentication) || v > int64(ServerModeAuthenticationAndSecure) {
		return argErrorf("server_mode", "must be 1 (no authentication), 2 (authentication) or 3 (authentication and secure), got %d", v)
	}
	return nil
}

// ValidAppID reports whether v fits Steam's AppId_t (32 bits; 0 is "none", which callers give a meaning).
func ValidAppID(v int64) bool { return v >= 0 && v <= math.MaxUint32 }

// CheckAppID refuses an app_id argument that is not an AppId_t; zeroMeans, when not "", says what
// 0 stands for in this call.
func CheckAppID(v int64, zeroMeans string) error {
	if ValidAppID(v) {
		return nil
	}
	low := "0"
	if zeroMeans != "" {
		low += " (" + zeroMeans + ")"
	}
	return argErrorf("app_id", "must be between %s and %d, got %d", low, uint32(math.MaxUint32), v)
}
