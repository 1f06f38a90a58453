package offline

// The stats store keeps every user's stored stats and achievements, per realm and app, so that they
// survive serverShutdown, the process, and are shared by the servers of the realm (as Steam's are
// by every server of the app). A realm loaded from the environment keeps one file per user in a
// folder beside its key (realm.go):
//
//	stats-<fingerprint>/<app id>/<steam id>.json   {"format": 1, "steam_id": "7656...", "app_id": 480,
//	                                                "stats": {"NumGames": 3}, "achievements": {"ACH_WIN_ONE_GAME": 1700000000}}
//	stats-<fingerprint>/<app id>/<steam id>.lock   empty: held (flock, LockFileEx) while a store merges
//
// An achievement's value is when it was unlocked (Unix seconds). A store takes the user's lock,
// reads the file again, applies only what this server changed, and replaces the file atomically:
// a temporary file in the same folder is written and fsynced, renamed over the old one, and the
// folder is fsynced, before stats_stored reports OK. So a crash at any moment leaves the old file or
// the new one, never half of one, and two servers storing different stats of one user both keep
// theirs. A file that cannot be read is never replaced or skipped: serverInit fails naming it.
// A realm made with NewRealm keeps the same files' contents in memory, shared within the process.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
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

type statsStore struct {
	dir string // "" keeps the files' contents in memory
	mu  sync.Mutex
	mem map[string][]byte // path -> content, when dir is ""
}

var statsStores sync.Map // fingerprint + "\x00" + dir -> *statsStore

func sharedStatsStore(fingerprint, dir string) *statsStore {
	s, _ := statsStores.LoadOrStore(fingerprint+"\x00"+dir, &statsStore{dir: dir, mem: map[string][]byte{}})
	return s.(*statsStore)
}

func (s *statsStore) appDir(app uint32) string {
	return filepath.Join(s.dir, strconv.FormatUint(uint64(app), 10))
}

func (s *statsStore) path(app uint32, user steam.SteamID) string {
	return filepath.Join(s.appDir(app), strconv.FormatUint(uint64(user), 10)+".json")
}

// check reads every stored user of app, so that a damaged file stops serverInit instead of being
// found (or, worse, overwritten) later.
func (s *statsStore) check(app uint32) error {
	if s.dir == "" {
		return nil
	}
	entries, err := os.ReadDir(s.appDir(app))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("offline stats store %s cannot be read: %v", s.appDir(app), err)
	}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".json") || strings.HasPrefix(name, ".") {
			continue
		}
		id, err := strconv.ParseUint(strings.TrimSuffix(name, ".json"), 10, 64)
		if err != nil {
			return fmt.Errorf("offline stats store file %s: the name is not <steam id>.json; move it out of %s", filepath.Join(s.appDir(app), name), s.appDir(app))
		}
		if _, err := s.read(app, steam.SteamID(id)); err != nil {
			return err
		}
	}
	return nil
}

// read returns the user's stored stats (empty when none were stored).
func (s *statsStore) read(app uint32, user steam.SteamID) (storedStats, error) {
	p := s.path(app, user)
	var b []byte
	var err error
	if s.dir == "" {
		s.mu.Lock()
		b = s.mem[p]
		s.mu.Unlock()
	} else if b, err = os.ReadFile(p); errors.Is(err, fs.ErrNotExist) {
		b, err = nil, nil
	}
	if err != nil {
		return storedStats{}, fmt.Errorf("offline stats store file %s cannot be read: %v", p, err)
	}
	st, err := decodeStats(b, app, user)
	if err != nil {
		return storedStats{}, fmt.Errorf("offline stats store file %s is damaged (%v); it was left as it is: repair or remove it", p, err)
	}
	return st, nil
}

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
	switch {
	case f.Format != statsFileFormat:
		return st, fmt.Errorf("format is %d, want %d", f.Format, statsFileFormat)
	case f.SteamID != strconv.FormatUint(uint64(user), 10):
		return st, fmt.Errorf("steam_id is %q, the file name says %d", f.SteamID, uint64(user))
	case f.AppID != app:
		return st, fmt.Errorf("app_id is %d, the folder says %d", f.AppID, app)
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
// durable on disk when it returns without error.
func (s *statsStore) store(app uint32, user steam.SteamID, change statsChange) (storedStats, error) {
	if s.dir == "" {
		s.mu.Lock()
		defer s.mu.Unlock()
		st, err := decodeStats(s.mem[s.path(app, user)], app, user)
		if err != nil {
			return st, err
		}
		change.apply(&st)
		s.mem[s.path(app, user)] = encodeStats(st, app, user)
		return st, nil
	}
	dir := s.appDir(app)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return storedStats{}, fmt.Errorf("offline stats store %s cannot be made: %v", dir, err)
	}
	unlock, err := lockFile(strings.TrimSuffix(s.path(app, user), ".json") + ".lock")
	if err != nil {
		return storedStats{}, fmt.Errorf("offline stats store: cannot lock %s: %v", s.path(app, user), err)
	}
	defer unlock()
	st, err := s.read(app, user)
	if err != nil {
		return st, err
	}
	change.apply(&st)
	if err := writeFileAtomic(s.path(app, user), encodeStats(st, app, user)); err != nil {
		return st, fmt.Errorf("offline stats store file %s could not be written: %v", s.path(app, user), err)
	}
	return st, nil
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

// writeFileAtomic replaces path with data so that a crash leaves either the old or the new file:
// temporary file, fsync, rename, fsync of the folder.
func writeFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, ".tmp-"+filepath.Base(path)+"-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err == nil {
		err = syncDir(dir)
	}
	return err
}

// pruneTemp removes temporary files a crashed store left, once they are old enough that no live
// store can still be writing them.
func (s *statsStore) pruneTemp(app uint32, now time.Time) {
	if s.dir == "" {
		return
	}
	entries, _ := os.ReadDir(s.appDir(app))
	for _, e := range entries {
		if info, err := e.Info(); err == nil && strings.HasPrefix(e.Name(), ".tmp-") && now.Sub(info.ModTime()) > 10*time.Minute {
			_ = os.Remove(filepath.Join(s.appDir(app), e.Name()))
		}
	}
}
