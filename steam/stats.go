package steam

// Game Server Stats (ISteamGameServerStats): a server reads and writes the stats and achievements
// of the users playing on it. The front checks what Steam would refuse without asking it (Steam
// IDs, stat names, NaN and infinite floats, ints beyond 32 bits) so both backends see clean input;
// what only the backend knows (the app's schema, whether the user's stats were received) it refuses
// with an error of its own.

import (
	"errors"
	"fmt"
	"math"
	"strings"
)

// MaxStatNameLen is k_cchStatNameMax: the longest stat or achievement API name, in bytes.
const MaxStatNameLen = 128

// ErrStatsRefused is what the steamworks backend reports when Steam returns false: Steam says no
// more than that.
var ErrStatsRefused = errors.New("Steam refused it: an unknown stat or achievement, the wrong stat type, a value outside the stat's range, " +
	"a stat not set by game servers, or stats not received yet for the user (call requestUserStats and wait for stats_received)")

// StatsBackend is the part of Backend behind the Game Server Stats calls. RequestUserStats and
// StoreUserStats answer with StatsReceived and StatsStored events; the others answer at once, an
// error meaning Steam refused the call (nothing changed).
type StatsBackend interface {
	RequestUserStats(user SteamID)
	StoreUserStats(user SteamID)
	GetUserStatInt(user SteamID, name string) (int32, error)
	GetUserStatFloat(user SteamID, name string) (float32, error)
	GetUserAchievement(user SteamID, name string) (bool, error)
	SetUserStatInt(user SteamID, name string, v int32) error
	SetUserStatFloat(user SteamID, name string, v float32) error
	UpdateUserAvgRateStat(user SteamID, name string, count float32, length float64) error
	SetUserAchievement(user SteamID, name string) error
	ClearUserAchievement(user SteamID, name string) error
}

// StatsReceived answers RequestUserStats (GSStatsReceived_t).
type StatsReceived struct {
	Result  Result
	SteamID SteamID
}

// StatsStored answers StoreUserStats (GSStatsStored_t).
type StatsStored struct {
	Result  Result
	SteamID SteamID
}

// StatsUnloaded says a user's stats were dropped (GSStatsUnloaded_t): request them again first.
type StatsUnloaded struct{ SteamID SteamID }

func (StatsReceived) event() {}
func (StatsStored) event()   {}
func (StatsUnloaded) event() {}

// CheckStatName accepts a stat or achievement API name as Steam could know it.
func CheckStatName(arg, name string) error {
	switch {
	case name == "":
		return argErrorf(arg, "is empty: give the stat's or achievement's API name")
	case len(name) > MaxStatNameLen:
		return argErrorf(arg, "is %d bytes long; Steam's API names are at most %d (k_cchStatNameMax)", len(name), MaxStatNameLen)
	case strings.ContainsRune(name, 0):
		return argErrorf(arg, "contains a NUL character")
	}
	return nil
}

// CheckFloat32 accepts a finite value that a 32-bit float holds without becoming infinite.
func CheckFloat32(arg string, v float64) error {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return argErrorf(arg, "must be a finite number, got %v", v)
	}
	if math.Abs(v) > math.MaxFloat32 {
		return argErrorf(arg, "is beyond a 32-bit float's range (±%g), got %g", math.MaxFloat32, v)
	}
	return nil
}

func checkStatArgs(user SteamID, name string) error {
	if err := checkUser("steam_id", user); err != nil {
		return err
	}
	return CheckStatName("name", name)
}

// stats runs fn with the backend's stats calls once the arguments passed the common checks.
func (s *Server) stats(user SteamID, name string, fn func(StatsBackend) error) error {
	if err := checkStatArgs(user, name); err != nil {
		return err
	}
	var berr error
	if err := s.do(func(b Backend) { berr = fn(b) }); err != nil {
		return err
	}
	return berr
}

// RequestUserStats asks for a user's stats; the answer comes as stats_received.
func (s *Server) RequestUserStats(user SteamID) error {
	if err := checkUser("steam_id", user); err != nil {
		return err
	}
	return s.do(func(b Backend) { b.RequestUserStats(user) })
}

// StoreUserStats saves the user's changed stats; the answer comes as stats_stored.
func (s *Server) StoreUserStats(user SteamID) error {
	if err := checkUser("steam_id", user); err != nil {
		return err
	}
	return s.do(func(b Backend) { b.StoreUserStats(user) })
}

func (s *Server) GetUserStatInt(user SteamID, name string) (v int32, err error) {
	err = s.stats(user, name, func(b StatsBackend) (e error) { v, e = b.GetUserStatInt(user, name); return })
	if err != nil {
		v = 0
	}
	return v, err
}

func (s *Server) GetUserStatFloat(user SteamID, name string) (v float32, err error) {
	err = s.stats(user, name, func(b StatsBackend) (e error) { v, e = b.GetUserStatFloat(user, name); return })
	if err != nil {
		v = 0
	}
	return v, err
}

func (s *Server) GetUserAchievement(user SteamID, name string) (achieved bool, err error) {
	err = s.stats(user, name, func(b StatsBackend) (e error) { achieved, e = b.GetUserAchievement(user, name); return })
	return achieved && err == nil, err
}

// SetUserStatInt sets an int stat; v must fit Steam's int32.
func (s *Server) SetUserStatInt(user SteamID, name string, v int64) error {
	if v < math.MinInt32 || v > math.MaxInt32 {
		if err := checkStatArgs(user, name); err != nil {
			return err
		}
		return argErrorf("stat", "must fit a 32-bit signed int (%d to %d), got %d", math.MinInt32, math.MaxInt32, v)
	}
	return s.stats(user, name, func(b StatsBackend) error { return b.SetUserStatInt(user, name, int32(v)) })
}

// SetUserStatFloat sets a float stat; v must be finite and fit a 32-bit float.
func (s *Server) SetUserStatFloat(user SteamID, name string, v float64) error {
	if err := checkStatArgs(user, name); err != nil {
		return err
	}
	if err := CheckFloat32("stat", v); err != nil {
		return err
	}
	return s.stats(user, name, func(b StatsBackend) error { return b.SetUserStatFloat(user, name, float32(v)) })
}

// UpdateUserAvgRateStat adds a session's count and length to an average-rate stat.
func (s *Server) UpdateUserAvgRateStat(user SteamID, name string, count, length float64) error {
	if err := checkStatArgs(user, name); err != nil {
		return err
	}
	if err := CheckFloat32("this_session", count); err != nil {
		return err
	}
	if math.IsNaN(length) || math.IsInf(length, 0) || length <= 0 {
		return argErrorf("session_length", "must be a finite number above 0 (the session's length), got %v", length)
	}
	return s.stats(user, name, func(b StatsBackend) error { return b.UpdateUserAvgRateStat(user, name, float32(count), length) })
}

func (s *Server) SetUserAchievement(user SteamID, name string) error {
	return s.stats(user, name, func(b StatsBackend) error { return b.SetUserAchievement(user, name) })
}

func (s *Server) ClearUserAchievement(user SteamID, name string) error {
	return s.stats(user, name, func(b StatsBackend) error { return b.ClearUserAchievement(user, name) })
}

// StatError is a stats call the backend refused, naming the stat.
type StatError struct {
	Name   string
	Reason string
}

func (e *StatError) Error() string { return fmt.Sprintf("%s: %s", quoteShort(e.Name), e.Reason) }
