package offline

// Game Server Stats offline: the schema comes from the data file (data_stats.go), stored values
// from the realm's stats store (stats_store.go). As with Steam, a server works on the copy of a
// user's stats that requestUserStats fetched: sets change that copy only, storeUserStats saves
// what changed, and the copy is dropped (stats_unloaded) when the user's session ends.
//
//   - RequestUserStats: a user with an authenticated session (a validated beginAuthSession, or a
//     connection accepted by sendUserConnectAndAuthenticate) gets stats_received(RESULT_OK); anyone
//     else RESULT_FAIL, as Steam answers for a user it has no stats for. A damaged stored file gives
//     RESULT_FAIL too, with an error naming it.
//   - Reads and sets are refused (an error, false or 0) for an unknown name, the wrong type (an int
//     call on a float or avgrate stat, a set on an avgrate stat), a user without a session, stats not
//     received yet, a value outside min/max or below the current value of an increment-only stat.
//   - A set that brings a stat to an achievement's threshold unlocks it, as Steam's progress stats do.
//   - UpdateUserAvgRateStat follows Steamworks' AVGRATE: with window W, a session of count c and
//     length l, and the previous rate r: the new rate is c/l when l >= W, else (c + (W-l)*r) / W.
//   - StoreUserStats: stats_stored(RESULT_OK) once the change is durable in the store, RESULT_FAIL
//     when the stats were not received or the store failed (with an error).

import (
	"fmt"
	"math"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
)

// userStats is a server's working copy of one user's stats.
type userStats struct {
	stored  storedStats
	changed statsChange
}

func newChange() statsChange {
	return statsChange{stats: map[string]float64{}, unlock: map[string]int64{}, cleared: map[string]bool{}}
}

func (b *Backend) schema() *StatsSchema { return b.data.StatsSchema() }

func (b *Backend) RequestUserStats(user steam.SteamID) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.authenticated(user) {
		b.push(steam.StatsReceived{Result: steam.ResultFail, SteamID: user})
		return
	}
	st, err := b.realm.stats.read(b.effectiveAppID(), user)
	if err != nil {
		steam.ReportError("requestUserStats: " + err.Error())
		b.push(steam.StatsReceived{Result: steam.ResultFail, SteamID: user})
		return
	}
	b.userStats[user] = &userStats{stored: st, changed: newChange()}
	b.push(steam.StatsReceived{Result: steam.ResultOK, SteamID: user})
}

func (b *Backend) StoreUserStats(user steam.SteamID) {
	b.mu.Lock()
	defer b.mu.Unlock()
	u, ok := b.userStats[user]
	if !ok {
		b.push(steam.StatsStored{Result: steam.ResultFail, SteamID: user})
		return
	}
	st, err := b.realm.stats.store(b.effectiveAppID(), user, u.changed)
	if err != nil {
		steam.ReportError("storeUserStats: " + err.Error())
		b.push(steam.StatsStored{Result: steam.ResultFail, SteamID: user})
		return
	}
	u.stored, u.changed = st, newChange()
	b.push(steam.StatsStored{Result: steam.ResultOK, SteamID: user})
}

// statsUnloaded drops the working copy of a user whose session ended (called with b.mu held).
func (b *Backend) statsUnloaded(user steam.SteamID) {
	if _, ok := b.userStats[user]; ok && !b.authenticated(user) {
		delete(b.userStats, user)
		b.push(steam.StatsUnloaded{SteamID: user})
	}
}

// loaded is the user's working copy, or why there is none. Called with b.mu held.
func (b *Backend) loaded(user steam.SteamID) (*userStats, error) {
	if !b.authenticated(user) {
		return nil, fmt.Errorf("user %d has no authenticated session on this server (beginAuthSession or sendUserConnectAndAuthenticate first)", uint64(user))
	}
	u, ok := b.userStats[user]
	if !ok {
		return nil, fmt.Errorf("the stats of user %d were not received yet: call requestUserStats and wait for stats_received", uint64(user))
	}
	return u, nil
}

// value is a stat's current value in the working copy.
func (u *userStats) value(name string, def StatDef) float64 {
	if v, ok := u.changed.stats[name]; ok {
		return v
	}
	if v, ok := u.stored.Stats[name]; ok {
		return v
	}
	return def.Default
}

func (u *userStats) achieved(name string) bool {
	if _, ok := u.changed.unlock[name]; ok {
		return true
	}
	_, ok := u.stored.Achievements[name]
	return ok && !u.changed.cleared[name]
}

// stat finds a stat of one of the types wanted, for user.
func (b *Backend) stat(user steam.SteamID, name string, types ...StatType) (*userStats, StatDef, error) {
	def, ok := b.schema().Stats[name]
	if !ok {
		return nil, def, &steam.StatError{Name: name, Reason: "is not a stat of the app's schema (the offline data file's \"stats\")"}
	}
	typeOK := false
	for _, t := range types {
		typeOK = typeOK || def.Type == t
	}
	if !typeOK {
		return nil, def, &steam.StatError{Name: name, Reason: fmt.Sprintf("is %s stat; this call is for %s stats", article(def.Type), typeNames(types))}
	}
	u, err := b.loaded(user)
	return u, def, err
}

func article(t StatType) string {
	if t == StatInt || t == StatAvgRate {
		return "an " + t.String()
	}
	return "a " + t.String()
}

func typeNames(types []StatType) string {
	s := ""
	for i, t := range types {
		if i > 0 {
			s += " and "
		}
		s += t.String()
	}
	return s
}

func (b *Backend) GetUserStatInt(user steam.SteamID, name string) (int32, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	u, def, err := b.stat(user, name, StatInt)
	if err != nil {
		return 0, err
	}
	return int32(u.value(name, def)), nil
}

func (b *Backend) GetUserStatFloat(user steam.SteamID, name string) (float32, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	u, def, err := b.stat(user, name, StatFloat, StatAvgRate)
	if err != nil {
		return 0, err
	}
	return float32(u.value(name, def)), nil
}

// set changes a stat as Steam allows it, and unlocks what it reaches. Called with b.mu held.
func (b *Backend) set(u *userStats, name string, def StatDef, v float64) error {
	if v < def.Min || v > def.Max {
		return &steam.StatError{Name: name, Reason: fmt.Sprintf("may only hold %g to %g (its min and max), got %g", def.Min, def.Max, v)}
	}
	if cur := u.value(name, def); def.IncrementOnly && v < cur {
		return &steam.StatError{Name: name, Reason: fmt.Sprintf("is increment-only: %g is below its value %g", v, cur)}
	}
	u.changed.stats[name] = v
	for ach, a := range b.schema().Achievements {
		if a.Stat == name && v >= a.Threshold && !u.achieved(ach) {
			b.unlock(u, ach)
		}
	}
	return nil
}

func (b *Backend) unlock(u *userStats, name string) {
	delete(u.changed.cleared, name)
	if _, ok := u.stored.Achievements[name]; !ok {
		u.changed.unlock[name] = b.opts.Clock().Unix()
	}
}

func (b *Backend) SetUserStatInt(user steam.SteamID, name string, v int32) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	u, def, err := b.stat(user, name, StatInt)
	if err != nil {
		return err
	}
	return b.set(u, name, def, float64(v))
}

func (b *Backend) SetUserStatFloat(user steam.SteamID, name string, v float32) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	u, def, err := b.stat(user, name, StatFloat)
	if err != nil {
		return err
	}
	return b.set(u, name, def, float64(v))
}

// UpdateUserAvgRateStat folds one session into an avgrate stat (see the file comment).
func (b *Backend) UpdateUserAvgRateStat(user steam.SteamID, name string, count float32, length float64) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	u, def, err := b.stat(user, name, StatAvgRate)
	if err != nil {
		return err
	}
	rate := AvgRate(u.value(name, def), float64(count), length, def.Window)
	if math.IsNaN(rate) || math.Abs(rate) > math.MaxFloat32 {
		return &steam.StatError{Name: name, Reason: fmt.Sprintf("would become %g, beyond a 32-bit float", rate)}
	}
	return b.set(u, name, def, float64(float32(rate)))
}

// AvgRate is Steamworks' AVGRATE update: the rate over the last window of session time, where the
// part of the window before this session is assumed to have gone at the old rate.
func AvgRate(old, count, length, window float64) float64 {
	if length >= window {
		return count / length
	}
	return (count + (window-length)*old) / window
}

// achievement finds an achievement of the schema for user.
func (b *Backend) achievement(user steam.SteamID, name string) (*userStats, error) {
	if _, ok := b.schema().Achievements[name]; !ok {
		return nil, &steam.StatError{Name: name, Reason: "is not an achievement of the app's schema (the offline data file's \"achievements\")"}
	}
	return b.loaded(user)
}

func (b *Backend) GetUserAchievement(user steam.SteamID, name string) (bool, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	u, err := b.achievement(user, name)
	if err != nil {
		return false, err
	}
	return u.achieved(name), nil
}

func (b *Backend) SetUserAchievement(user steam.SteamID, name string) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	u, err := b.achievement(user, name)
	if err == nil && !u.achieved(name) {
		b.unlock(u, name)
	}
	return err
}

func (b *Backend) ClearUserAchievement(user steam.SteamID, name string) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	u, err := b.achievement(user, name)
	if err == nil {
		delete(u.changed.unlock, name)
		if _, stored := u.stored.Achievements[name]; stored {
			u.changed.cleared[name] = true
		}
	}
	return err
}

// statsInit checks the store at Init: a damaged file is serverInit's error.
func (b *Backend) statsInit(realm *Realm, app uint32) error {
	b.userStats = map[steam.SteamID]*userStats{}
	realm.stats.pruneTemp(app, time.Now())
	return realm.stats.check(app)
}
