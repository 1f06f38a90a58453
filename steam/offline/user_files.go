package offline

// userFiles is a store of one JSON file per user and app, in a folder of the realm (beside its
// key, realm.go), shared by every server of the realm as Steam's servers share a user's data: the
// stats store (stats_store.go) and the inventory store (inventory_store.go) keep their users there.
//
//	<what>-<fingerprint>/<app id>/<steam id>.json   the user's data
//	<what>-<fingerprint>/<app id>/<steam id>.lock   empty: held (flock, LockFileEx) while an update merges
//
// An update takes the user's lock, reads the file again, applies the change to what it read, and
// replaces the file atomically: a temporary file in the same folder is written and fsynced, renamed
// over the old one, and the folder is fsynced, before the update returns. So a crash at any moment
// leaves the old file or the new one, never half of one, and two servers updating one user each
// keep the other's change. A file that cannot be read is never replaced or skipped: serverInit
// fails naming it. A store without a folder keeps the files' contents in memory, shared within the
// process (a realm made with NewRealm).

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
)

type userFiles struct {
	what string // "stats", "inventory": names the store in errors
	dir  string // "" keeps the files' contents in memory
	mu   sync.Mutex
	mem  map[string][]byte // path -> content, when dir is ""
}

var userStores sync.Map // what + fingerprint + dir -> *userFiles

// sharedUserFiles is the store of one realm (fingerprint) and folder, one per process.
func sharedUserFiles(what, fingerprint, dir string) *userFiles {
	f, _ := userStores.LoadOrStore(what+"\x00"+fingerprint+"\x00"+dir, &userFiles{what: what, dir: dir, mem: map[string][]byte{}})
	return f.(*userFiles)
}

func (f *userFiles) appDir(app uint32) string {
	return filepath.Join(f.dir, strconv.FormatUint(uint64(app), 10))
}

func (f *userFiles) path(app uint32, user steam.SteamID) string {
	return filepath.Join(f.appDir(app), strconv.FormatUint(uint64(user), 10)+".json")
}

// damaged is the error of a file whose content cannot be decoded.
func (f *userFiles) damaged(app uint32, user steam.SteamID, err error) error {
	return fmt.Errorf("offline %s store file %s is damaged (%v); it was left as it is: repair or remove it", f.what, f.path(app, user), err)
}

// checkHeader checks the keys every user file starts with against its name and folder.
func checkHeader(format, want int, steamID string, fileApp uint32, app uint32, user steam.SteamID) error {
	switch {
	case format != want:
		return fmt.Errorf("format is %d, want %d", format, want)
	case steamID != strconv.FormatUint(uint64(user), 10):
		return fmt.Errorf("steam_id is %q, the file name says %d", steamID, uint64(user))
	case fileApp != app:
		return fmt.Errorf("app_id is %d, the folder says %d", fileApp, app)
	}
	return nil
}

// load is the user's file, nil when there is none.
func (f *userFiles) load(app uint32, user steam.SteamID) ([]byte, error) {
	p := f.path(app, user)
	if f.dir == "" {
		f.mu.Lock()
		defer f.mu.Unlock()
		return f.mem[p], nil
	}
	var b []byte
	err := settled(func() (err error) { b, err = os.ReadFile(p); return })
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("offline %s store file %s cannot be read: %v", f.what, p, err)
	}
	return b, nil
}

// update replaces the user's file with what change makes of its content (nil when there is none
// yet), under the user's lock; the new content is durable when update returns nil. change
// returning an error or nil content leaves the file as it was.
func (f *userFiles) update(app uint32, user steam.SteamID, change func(old []byte) ([]byte, error)) error {
	p := f.path(app, user)
	if f.dir == "" {
		f.mu.Lock()
		defer f.mu.Unlock()
		b, err := change(f.mem[p])
		if err == nil && b != nil {
			f.mem[p] = b
		}
		return err
	}
	if err := os.MkdirAll(f.appDir(app), 0o700); err != nil {
		return fmt.Errorf("offline %s store %s cannot be made: %v", f.what, f.appDir(app), err)
	}
	unlock, err := lockFile(strings.TrimSuffix(p, ".json") + ".lock")
	if err != nil {
		return fmt.Errorf("offline %s store: cannot lock %s: %v", f.what, p, err)
	}
	defer unlock()
	old, err := f.load(app, user)
	if err != nil {
		return err
	}
	b, err := change(old)
	if err != nil || b == nil {
		return err
	}
	if err := writeFileAtomic(p, b); err != nil {
		return fmt.Errorf("offline %s store file %s could not be written: %v", f.what, p, err)
	}
	return nil
}

// each calls fn for every user of app with a file, so that a damaged file stops serverInit instead
// of being found (or, worse, overwritten) later.
func (f *userFiles) each(app uint32, fn func(user steam.SteamID) error) error {
	if f.dir == "" {
		return nil
	}
	entries, err := os.ReadDir(f.appDir(app))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("offline %s store %s cannot be read: %v", f.what, f.appDir(app), err)
	}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".json") || strings.HasPrefix(name, ".") {
			continue
		}
		id, err := strconv.ParseUint(strings.TrimSuffix(name, ".json"), 10, 64)
		if err != nil {
			return fmt.Errorf("offline %s store file %s: the name is not <steam id>.json; move it out of %s", f.what, filepath.Join(f.appDir(app), name), f.appDir(app))
		}
		if err := fn(steam.SteamID(id)); err != nil {
			return err
		}
	}
	return nil
}

// writeFileAtomic replaces path with data so that a crash leaves either the old or the new file:
// temporary file, fsync, rename, fsync of the folder. beforeRename, for tests, stands for a crash
// between the write and the rename.
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
	if err == nil && beforeRename != nil {
		err = beforeRename(tmp.Name())
	}
	if err == nil {
		err = settled(func() error { return os.Rename(tmp.Name(), path) })
	}
	if err == nil {
		err = syncDir(dir)
	}
	return err
}

var beforeRename func(tmp string) error

// pruneTemp removes temporary files a crashed update left, once they are old enough that no live
// update can still be writing them.
func (f *userFiles) pruneTemp(app uint32, now time.Time) {
	if f.dir == "" {
		return
	}
	entries, _ := os.ReadDir(f.appDir(app))
	for _, e := range entries {
		if info, err := e.Info(); err == nil && strings.HasPrefix(e.Name(), ".tmp-") && now.Sub(info.ModTime()) > 10*time.Minute {
			_ = os.Remove(filepath.Join(f.appDir(app), e.Name()))
		}
	}
}
