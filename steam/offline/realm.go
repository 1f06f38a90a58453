package offline

// A realm is the set of offline servers (and test clients) that accept each other's auth tickets:
// every process that signs and checks tickets with the same realm key. The key is 32 random bytes,
// kept as 64 hex digits in a file:
//
//   - GOSTEAM_REALM_KEY (64 hex digits) names the key itself, for machines that cannot share a file;
//   - else GOSTEAM_REALM_KEY_FILE names the key file, which must exist;
//   - else the key file is <user config folder>/gosteam/realm.key (os.UserConfigDir: on Linux
//     $XDG_CONFIG_HOME or ~/.config), made on first use with mode 0600.
//
// Which source was used, and where, is reported in errors and by Realm.Source; the key never is.
//
// Tickets used or canceled in a realm are also recorded on disk, so that every process of the realm
// on machines that share the folder refuses a replayed ticket and sees a cancellation: in a
// "tickets-<fingerprint>" folder next to the key file (for GOSTEAM_REALM_KEY: in the user config
// folder's gosteam folder). A realm made with NewRealm keeps them in memory, shared by the servers of
// one process. Users' stored stats live beside them in "stats-<fingerprint>" (stats_store.go), and
// the networking directory (who listens where) in "net-<fingerprint>" (net_directory.go), and
// their inventories in "inventory-<fingerprint>" (inventory_store.go).

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
)

// Environment variables that choose the realm key.
const (
	EnvRealmKey     = "GOSTEAM_REALM_KEY"
	EnvRealmKeyFile = "GOSTEAM_REALM_KEY_FILE"
)

// RealmKeyLen is the length of a realm key in bytes.
const RealmKeyLen = 32

// DefaultRealmKeyName is the key file's name in <user config folder>/gosteam.
const DefaultRealmKeyName = "realm.key"

// Realm is a realm key and where tickets of the realm are recorded.
type Realm struct {
	key         []byte
	fingerprint string // hex of the first 8 bytes of SHA-256(key): names the journal, never reveals the key
	source      string
	journal     *journal
	stats       *statsStore   // stored stats and achievements (stats_store.go)
	net         *netDirectory // who listens where, for P2P and NetworkingMessages (net_directory.go)
	inventory   *inventoryStore
}

// NewRealm makes a realm from a key of RealmKeyLen bytes. Its used and canceled tickets are kept in
// memory, shared by every offline backend of this process that uses the same key.
func NewRealm(key []byte) (*Realm, error) {
	if len(key) != RealmKeyLen {
		return nil, fmt.Errorf("a realm key must be %d bytes, got %d", RealmKeyLen, len(key))
	}
	return newRealm(key, "a key given in code", ""), nil
}

func newRealm(key []byte, source, journalDir string) *Realm {
	sum := sha256.Sum256(key)
	fp := hex.EncodeToString(sum[:8])
	r := &Realm{key: append([]byte(nil), key...), fingerprint: fp, source: source}
	dir, statsDir, netDir, inventoryDir := "", "", "", ""
	if journalDir != "" {
		dir = filepath.Join(journalDir, "tickets-"+fp)
		statsDir = filepath.Join(journalDir, "stats-"+fp)
		netDir = filepath.Join(journalDir, "net-"+fp)
		inventoryDir = filepath.Join(journalDir, "inventory-"+fp)
	}
	r.journal = sharedJournal(fp, dir)
	r.stats = sharedStatsStore(fp, statsDir)
	r.net = sharedNetDirectory(fp, netDir)
	r.inventory = sharedInventoryStore(fp, inventoryDir)
	return r
}

// Source says where the key came from: "GOSTEAM_REALM_KEY", the key file's path, or "a key given in code".
func (r *Realm) Source() string { return r.source }

// Fingerprint identifies the key without revealing it (16 hex digits).
func (r *Realm) Fingerprint() string { return r.fingerprint }

// LoadRealm finds the realm key as the package comment says, making the default key file on first use.
func LoadRealm() (*Realm, error) {
	if v := steam.Getenv(EnvRealmKey); v != "" {
		key, err := parseKeyHex(v)
		if err != nil {
			return nil, fmt.Errorf("%s %v", EnvRealmKey, err)
		}
		dir := ""
		if cfg, err := userConfigDir(); err == nil {
			dir = filepath.Join(cfg, "gosteam")
		}
		return newRealm(key, EnvRealmKey, dir), nil
	}
	if path := steam.Getenv(EnvRealmKeyFile); path != "" {
		return loadKeyFile(path, false)
	}
	cfg, err := userConfigDir()
	if err != nil {
		return nil, fmt.Errorf("offline realm key: no user config folder to keep it in (%v); set %s (a key file) or %s (64 hex digits)",
			err, EnvRealmKeyFile, EnvRealmKey)
	}
	return loadKeyFile(filepath.Join(cfg, "gosteam", DefaultRealmKeyName), true)
}

// loadKeyFile reads a key file; create makes it (and its folder) when it does not exist yet.
func loadKeyFile(path string, create bool) (*Realm, error) {
	b, err := readKeyFile(path)
	if create && (errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR)) {
		if err := createKeyFile(path); err != nil {
			return nil, fmt.Errorf("offline realm key file %s could not be created: %v; set %s or %s to use another key",
				path, err, EnvRealmKeyFile, EnvRealmKey)
		}
		b, err = readKeyFile(path)
	}
	if err != nil {
		var how string
		switch {
		case errors.Is(err, fs.ErrNotExist):
			how = "does not exist"
		case errors.Is(err, fs.ErrPermission):
			how = "cannot be read (permission denied)"
		default:
			how = "cannot be read: " + err.Error()
		}
		if create {
			how += fmt.Sprintf("; set %s or %s to use another key", EnvRealmKeyFile, EnvRealmKey)
		} else {
			how += fmt.Sprintf(" (named by %s)", EnvRealmKeyFile)
		}
		return nil, fmt.Errorf("offline realm key file %s %s", path, how)
	}
	key, err := parseKeyHex(string(b))
	if err != nil {
		return nil, fmt.Errorf("offline realm key file %s %v", path, err)
	}
	return newRealm(key, path, filepath.Dir(path)), nil
}

// readKeyFile reads the key file, again while the error is one that passes (another server creating
// the key at the same moment, on Windows: settled).
func readKeyFile(path string) ([]byte, error) {
	var b []byte
	err := settled(func() (err error) { b, err = os.ReadFile(path); return })
	return b, err
}

// settled runs op, again for up to about half a second while its error is one that passes
// (transientReadError: on Windows, a file another process is renaming into place or still reading
// refuses to be opened or replaced for a moment).
func settled(op func() error) error {
	err := op()
	for try := 0; err != nil && transientReadError(err) && try < 50; try++ {
		time.Sleep(10 * time.Millisecond)
		err = op()
	}
	return err
}

// parseKeyHex decodes 64 hex digits, ignoring surrounding white space. Errors never quote the text.
func parseKeyHex(s string) ([]byte, error) {
	s = strings.TrimSpace(s)
	if len(s) != 2*RealmKeyLen {
		return nil, fmt.Errorf("must hold %d hex digits (a %d-byte key), found %d characters", 2*RealmKeyLen, RealmKeyLen, len(s))
	}
	key, err := hex.DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("must hold %d hex digits (a %d-byte key); it holds other characters", 2*RealmKeyLen, RealmKeyLen)
	}
	return key, nil
}

// createKeyFile writes a new random key without ever replacing one: two processes starting at once
// both end up reading the file the first of them linked into place.
func createKeyFile(path string) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	key := make([]byte, RealmKeyLen)
	_, _ = rand.Read(key) // crypto/rand.Read never fails on supported platforms
	tmp, err := os.CreateTemp(dir, ".realm-key-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil && runtime.GOOS != "windows" {
		tmp.Close()
		return err
	}
	_, err = tmp.WriteString(hex.EncodeToString(key) + "\n")
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if err := os.Link(tmp.Name(), path); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	return nil
}

// userConfigDir is os.UserConfigDir, reading the environment through steam.Getenv on Unix-like systems.
func userConfigDir() (string, error) {
	switch runtime.GOOS {
	case "windows", "darwin", "ios", "plan9":
		return os.UserConfigDir()
	}
	if dir := steam.Getenv("XDG_CONFIG_HOME"); dir != "" {
		if !filepath.IsAbs(dir) {
			return "", errors.New("$XDG_CONFIG_HOME is a relative path")
		}
		return dir, nil
	}
	home := steam.Getenv("HOME")
	if home == "" {
		return "", errors.New("neither $XDG_CONFIG_HOME nor $HOME is defined")
	}
	return filepath.Join(home, ".config"), nil
}
