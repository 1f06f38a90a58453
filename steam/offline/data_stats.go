package offline

// The stats schema of an offline data file: what Steamworks' App Admin would define for the app.
//
//	"stats": {
//	  "NumGames":     {"type": "int", "min": 0, "increment_only": true},
//	  "FeetTraveled": {"type": "float", "default": 0},
//	  "AverageSpeed": {"type": "avgrate", "window": 20}
//	},
//	"achievements": {
//	  "ACH_WIN_ONE_GAME": {"stat": "NumWins", "threshold": 1},
//	  "ACH_HEAVY_FIRE":   {}
//	}
//
// A stat has a type ("int": a 32-bit signed int, "float": a 32-bit float, "avgrate": an average
// rate updated with updateUserAvgRateStat over a window of "window" session-length units), and
// optionally "min" and "max" (a set outside is refused, as Steam refuses it), "default" (a new
// user's value, 0 when absent) and "increment_only" (a set below the current value is refused).
// An achievement with a "stat" and a "threshold" unlocks when a set brings that int or float stat
// to the threshold or above; without them only setUserAchievement unlocks it. A file with neither
// key has DefaultStatsSchema, modelled on Spacewar's (app 480).

import (
	"fmt"
	"math"
	"sort"

	"github.com/gosteam/godot-steam-server/steam"
)

// StatType is a stat's type in the schema.
type StatType int

const (
	StatInt StatType = iota + 1
	StatFloat
	StatAvgRate
)

func (t StatType) String() string {
	switch t {
	case StatInt:
		return "int"
	case StatFloat:
		return "float"
	case StatAvgRate:
		return "avgrate"
	}
	return "unknown"
}

// StatDef is one stat of the schema. Values are float64 holding an int32 or a float32 exactly.
type StatDef struct {
	Type          StatType
	Min, Max      float64
	Default       float64
	IncrementOnly bool
	// Window is an avgrate stat's window, in the units of updateUserAvgRateStat's session_length.
	Window float64
}

// AchievementDef is one achievement; Stat "" means only setUserAchievement unlocks it.
type AchievementDef struct {
	Stat      string
	Threshold float64
}

// StatsSchema is the app's stats and achievements.
type StatsSchema struct {
	Stats        map[string]StatDef
	Achievements map[string]AchievementDef
}

// DefaultStatsSchema is the schema without a data file (or one without "stats" and
// "achievements"): Spacewar's stats and achievements, unlocked by the stats that track them.
func DefaultStatsSchema() *StatsSchema {
	i := func(min float64) StatDef { return StatDef{Type: StatInt, Min: min, Max: math.MaxInt32} }
	f := func() StatDef { return StatDef{Type: StatFloat, Min: -math.MaxFloat32, Max: math.MaxFloat32} }
	return &StatsSchema{
		Stats: map[string]StatDef{
			"NumGames": i(0), "NumWins": i(0), "NumLosses": i(0),
			"FeetTraveled": f(), "MaxFeetTraveled": f(),
			"AverageSpeed": {Type: StatAvgRate, Min: -math.MaxFloat32, Max: math.MaxFloat32, Window: 20},
		},
		Achievements: map[string]AchievementDef{
			"ACH_WIN_ONE_GAME":      {Stat: "NumWins", Threshold: 1},
			"ACH_WIN_100_GAMES":     {Stat: "NumWins", Threshold: 100},
			"ACH_TRAVEL_FAR_ACCUM":  {Stat: "FeetTraveled", Threshold: 5280},
			"ACH_TRAVEL_FAR_SINGLE": {Stat: "MaxFeetTraveled", Threshold: 500},
			"ACH_HEAVY_FIRE":        {},
		},
	}
}

type fileStat struct {
	Type          string   `json:"type"`
	Min           *float64 `json:"min"`
	Max           *float64 `json:"max"`
	Default       *float64 `json:"default"`
	IncrementOnly bool     `json:"increment_only"`
	Window        *float64 `json:"window"`
}

type fileAchievement struct {
	Stat      string   `json:"stat"`
	Threshold *float64 `json:"threshold"`
}

// parseStatsSchema checks the file's "stats" and "achievements" (see the file comment).
func parseStatsSchema(stats map[string]fileStat, achievements map[string]fileAchievement) (*StatsSchema, error) {
	s := &StatsSchema{Stats: map[string]StatDef{}, Achievements: map[string]AchievementDef{}}
	for _, name := range sortedKeys(stats) {
		def, err := parseStat("stats."+name, name, stats[name])
		if err != nil {
			return nil, err
		}
		s.Stats[name] = def
	}
	for _, name := range sortedKeys(achievements) {
		where, a := "achievements."+name, achievements[name]
		if err := steam.CheckStatName(where, name); err != nil {
			return nil, err
		}
		switch {
		case a.Stat == "" && a.Threshold != nil:
			return nil, fmt.Errorf("%s has a threshold but no stat to compare it with", where)
		case a.Stat != "" && a.Threshold == nil:
			return nil, fmt.Errorf("%s.threshold is missing: the value of %s that unlocks it", where, a.Stat)
		case a.Stat != "":
			st, ok := s.Stats[a.Stat]
			if !ok {
				return nil, fmt.Errorf("%s.stat: %q is not a stat of \"stats\"", where, a.Stat)
			}
			if st.Type == StatAvgRate {
				return nil, fmt.Errorf("%s.stat: %q is an avgrate stat; only int and float stats unlock achievements", where, a.Stat)
			}
			if err := checkStatValue(where+".threshold", st, *a.Threshold); err != nil {
				return nil, err
			}
			s.Achievements[name] = AchievementDef{Stat: a.Stat, Threshold: *a.Threshold}
		default:
			s.Achievements[name] = AchievementDef{}
		}
	}
	return s, nil
}

func parseStat(where, name string, f fileStat) (StatDef, error) {
	if err := steam.CheckStatName(where, name); err != nil {
		return StatDef{}, err
	}
	var d StatDef
	switch f.Type {
	case "int":
		d = StatDef{Type: StatInt, Min: math.MinInt32, Max: math.MaxInt32}
	case "float", "avgrate":
		d = StatDef{Type: StatFloat, Min: -math.MaxFloat32, Max: math.MaxFloat32}
		if f.Type == "avgrate" {
			d.Type = StatAvgRate
		}
	default:
		return d, fmt.Errorf("%s.type must be \"int\", \"float\" or \"avgrate\", got %q", where, f.Type)
	}
	for _, b := range []struct {
		key string
		v   *float64
		dst *float64
	}{{"min", f.Min, &d.Min}, {"max", f.Max, &d.Max}, {"default", f.Default, &d.Default}} {
		if b.v == nil {
			continue
		}
		if err := checkStatValue(where+"."+b.key, d, *b.v); err != nil {
			return d, err
		}
		*b.dst = *b.v
	}
	if d.Min > d.Max {
		return d, fmt.Errorf("%s: min %g is above max %g", where, d.Min, d.Max)
	}
	if d.Default < d.Min || d.Default > d.Max {
		return d, fmt.Errorf("%s.default %g is outside min %g to max %g", where, d.Default, d.Min, d.Max)
	}
	switch {
	case d.Type == StatAvgRate && f.Window == nil:
		return d, fmt.Errorf("%s.window is missing: an avgrate stat averages over a window (in session_length units)", where)
	case d.Type != StatAvgRate && f.Window != nil:
		return d, fmt.Errorf("%s.window is only for avgrate stats", where)
	case f.Window != nil && (!(*f.Window > 0) || math.IsInf(*f.Window, 0)):
		return d, fmt.Errorf("%s.window must be a finite number above 0, got %g", where, *f.Window)
	case d.Type == StatAvgRate && f.IncrementOnly:
		return d, fmt.Errorf("%s.increment_only is not for avgrate stats", where)
	}
	if f.Window != nil {
		d.Window = *f.Window
	}
	d.IncrementOnly = f.IncrementOnly
	return d, nil
}

// checkStatValue accepts a value the stat's type can hold: a whole int32 for an int stat, a finite
// float32 for the others.
func checkStatValue(where string, d StatDef, v float64) error {
	if d.Type == StatInt {
		if v != math.Trunc(v) || v < math.MinInt32 || v > math.MaxInt32 {
			return fmt.Errorf("%s must be a whole number from %d to %d for an int stat, got %g", where, math.MinInt32, math.MaxInt32, v)
		}
		return nil
	}
	if math.IsNaN(v) || math.Abs(v) > math.MaxFloat32 {
		return fmt.Errorf("%s must be a finite 32-bit float, got %g", where, v)
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
