package offline

// The stats store keeps every user's stored stats and achievements, per realm and app, so that they
// survive serverShutdown, the process, and are shared by the servers of the realm (as Steam's are
// by every server of the app): one file per user in the realm's "stats" user files (user_files.go:
// where they live, how an update is made atomic and merged under a lock, what a damaged file does):
//
//	stats-<fingerprint>/<app id>/<steam id>.json   {"format": 1, "steam_id": "7656...", "app_id": 480,
//	                                                "stats": {"NumGames": 3}, "achievements": {"ACH_WIN_ONE_GAME": 1700000000}}
//
// An achievement's value is when it was unlocked (Unix seconds). A store applies only what this
// server changed to the file as it is now, so two servers storing different stats of one user both
// keep theirs.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
)

// statsFileFormat is the only "format" of a user's stats file.
const statsFileFormat = 1

// storedStats is one user's stored stats: values by name, achievements by name with their unlock time.
type storedStats struct {
	Stats        map[string]float64
	Achievements map[string]int64
}

type statsFile struct {
	Format       int                    `json:"format"`
	SteamID      string                 `json:"steam_id"`
	AppID        uint32                 `json:"app_id"`
	Stats        map[string]json.Number `json:"stats"`
	Achievements map[string]int64       `json:"achievements"`
}

// statsChange is what one server changed since it received or stored a user's stats.
type statsChange struct {
	stats   map[string]float64
	unlock  map[string]int64 // unlocked now, with the time
	cleared map[string]bool
}

type statsStore struct{ files *userFiles }

func sharedStatsStore(fingerprint, dir string) *statsStore {
	return &statsStore{sharedUserFiles("stats", fingerprint, dir)}
}

// check reads every stored user of app: a damaged file is serverInit's error.
func (s *statsStore) check(app uint32) error {
	return s.files.each(app, func(user steam.SteamID) error { _, err := s.read(app, user); return err })
}

// read returns the user's stored stats (empty when none were stored).
func (s *statsStore) read(app uint32, user steam.SteamID) (storedStats, error) {
	b, err := s.files.load(app, user)
	if err != nil {
		return storedStats{}, err
	}
	st, err := decodeStats(b, app, user)
	if err != nil {
		return storedStats{}, s.files.damaged(app, user, err)
	}
	return st, nil
}

func (s *statsStore) pruneTemp(app uint32, now time.Time) { s.files.pruneTemp(app, now) }

func decodeStats(b []byte, app uint32, user steam.SteamID) (storedStats, error) {
	st := storedStats{Stats: map[string]float64{}, Achievements: map[string]int64{}}
	if b == nil {
		return st, nil
	}
	var f statsFile
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	dec.UseNumber()
	if err := dec.Decode(&f); err != nil {
		return st, describeJSONError(b, err)
	}
	if dec.More() {
		return st, errors.New("more content after the JSON object")
	}
	if err := checkHeader(f.Format, statsFileFormat, f.SteamID, f.AppID, app, user); err != nil {
		return st, err
	}
	for name, n := range f.Stats {
		v, err := n.Float64()
		if err != nil || math.IsInf(v, 0) || math.Abs(v) > math.MaxFloat32 {
			return st, fmt.Errorf("stats.%s is not a finite 32-bit number: %s", name, n)
		}
		st.Stats[name] = v
	}
	for name, t := range f.Achievements {
		st.Achievements[name] = t
	}
	return st, nil
}

func encodeStats(st storedStats, app uint32, user steam.SteamID) []byte {
	f := statsFile{Format: statsFileFormat, SteamID: strconv.FormatUint(uint64(user), 10), AppID: app,
		Stats: map[string]json.Number{}, Achievements: st.Achievements}
	for name, v := range st.Stats {
		// float32's shortest text reads back as the same float32; an int32 is printed whole.
		f.Stats[name] = json.Number(strconv.FormatFloat(v, 'g', -1, 32))
		if v == math.Trunc(v) && math.Abs(v) <= math.MaxInt32+1 {
			f.Stats[name] = json.Number(strconv.FormatInt(int64(v), 10))
		}
	}
	b, _ := json.MarshalIndent(f, "", "  ") // maps of numbers always marshal
	return append(b, '\n')
}

// store applies change to the user's stored stats under the user's lock and returns the result,
// durable when it returns without error.
func (s *statsStore) store(app uint32, user steam.SteamID, change statsChange) (storedStats, error) {
	var st storedStats
	err := s.files.update(app, user, func(old []byte) ([]byte, error) {
		var err error
		if st, err = decodeStats(old, app, user); err != nil {
			return nil, s.files.damaged(app, user, err)
		}
		change.apply(&st)
		return encodeStats(st, app, user), nil
	})
	return st, err
}

func (c statsChange) apply(st *storedStats) {
	for name, v := range c.stats {
		st.Stats[name] = v
	}
	for name := range c.cleared {
		delete(st.Achievements, name)
	}
	for name, t := range c.unlock {
		if _, ok := st.Achievements[name]; !ok {
			st.Achievements[name] = t
		}
	}
}
