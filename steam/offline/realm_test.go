package offline_test

import (
	"encoding/hex"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/gosteam/godot-steam-server/steam/offline"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	keyA = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"
	keyB = "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100"
)

// realmEnv clears the realm variables and points the user config folder at a fresh directory.
func realmEnv(t *testing.T) (configDir string) {
	t.Helper()
	configDir = t.TempDir()
	t.Setenv(userConfigEnv(), configDir)
	t.Setenv(offline.EnvRealmKey, "")
	t.Setenv(offline.EnvRealmKeyFile, "")
	return configDir
}

// userConfigEnv is the variable os.UserConfigDir reads: %AppData% on Windows, else XDG_CONFIG_HOME.
func userConfigEnv() string {
	if runtime.GOOS == "windows" {
		return "AppData"
	}
	return "XDG_CONFIG_HOME"
}

func writeFile(t *testing.T, path, content string) string {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o700))
	require.NoError(t, os.WriteFile(path, []byte(content), 0o600))
	return path
}

func TestRealmKeyGeneratedOnFirstUse(t *testing.T) {
	cfg := realmEnv(t)
	path := filepath.Join(cfg, "gosteam", "realm.key")
	r1, err := offline.LoadRealm()
	require.NoError(t, err)
	assert.Equal(t, path, r1.Source())

	info, err := os.Stat(path)
	require.NoError(t, err)
	if runtime.GOOS != "windows" { // no Unix permission bits there (Go reports 0666/0777)
		assert.Equal(t, os.FileMode(0o600), info.Mode().Perm(), "the key file is private")
		dir, err := os.Stat(filepath.Dir(path))
		require.NoError(t, err)
		assert.Equal(t, os.FileMode(0o700), dir.Mode().Perm())
	}
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	text := strings.TrimSpace(string(b))
	assert.Len(t, text, 64, "64 hex digits")
	_, err = hex.DecodeString(text)
	require.NoError(t, err)

	r2, err := offline.LoadRealm()
	require.NoError(t, err)
	assert.Equal(t, r1.Fingerprint(), r2.Fingerprint(), "the next load reads the same key")
	leftovers, _ := filepath.Glob(filepath.Join(cfg, "gosteam", ".realm-key-*"))
	assert.Empty(t, leftovers, "no temporary files are left")

	// The same key given as hex is the same realm.
	t.Setenv(offline.EnvRealmKey, text)
	r3, err := offline.LoadRealm()
	require.NoError(t, err)
	assert.Equal(t, r1.Fingerprint(), r3.Fingerprint())
	assert.Equal(t, offline.EnvRealmKey, r3.Source())
}

func TestRealmKeyGeneratedOnceUnderRace(t *testing.T) {
	realmEnv(t)
	const n = 16
	fps := make([]string, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, err := offline.LoadRealm()
			errs[i] = err
			if err == nil {
				fps[i] = r.Fingerprint()
			}
		}()
	}
	wg.Wait()
	for i := range n {
		require.NoError(t, errs[i])
		assert.Equal(t, fps[0], fps[i], "every loader ends up with the first key written")
	}
}

func TestRealmKeySources(t *testing.T) {
	tests := []struct {
		name    string
		setup   func(t *testing.T, dir string)
		source  string // "" when an error is expected; "$dir/..." is relative to the test's folder
		errHas  []string
		errNot  []string // never in the message (key material)
		sameAsA bool
	}{
		{name: "hex in the environment", setup: func(t *testing.T, dir string) { t.Setenv(offline.EnvRealmKey, keyA) },
			source: offline.EnvRealmKey, sameAsA: true},
		{name: "hex with upper case and white space", setup: func(t *testing.T, dir string) {
			t.Setenv(offline.EnvRealmKey, "  "+strings.ToUpper(keyA)+"\n")
		}, source: offline.EnvRealmKey, sameAsA: true},
		{name: "hex wins over a key file", setup: func(t *testing.T, dir string) {
			t.Setenv(offline.EnvRealmKey, keyA)
			t.Setenv(offline.EnvRealmKeyFile, writeFile(t, filepath.Join(dir, "b.key"), keyB))
		}, source: offline.EnvRealmKey, sameAsA: true},
		{name: "key file in the environment", setup: func(t *testing.T, dir string) {
			t.Setenv(offline.EnvRealmKeyFile, writeFile(t, filepath.Join(dir, "a.key"), keyA+"\n"))
		}, source: "$dir/a.key", sameAsA: true},
		{name: "hex too short", setup: func(t *testing.T, dir string) { t.Setenv(offline.EnvRealmKey, keyA[:62]) },
			errHas: []string{offline.EnvRealmKey, "64 hex digits", "found 62 characters"}, errNot: []string{keyA[:62]}},
		{name: "hex with a wrong character", setup: func(t *testing.T, dir string) { t.Setenv(offline.EnvRealmKey, "zz"+keyA[2:]) },
			errHas: []string{offline.EnvRealmKey, "other characters"}, errNot: []string{keyA[2:]}},
		{name: "key file missing", setup: func(t *testing.T, dir string) {
			t.Setenv(offline.EnvRealmKeyFile, filepath.Join(dir, "missing.key"))
		}, errHas: []string{"missing.key", "does not exist", offline.EnvRealmKeyFile}},
		{name: "key file malformed", setup: func(t *testing.T, dir string) {
			t.Setenv(offline.EnvRealmKeyFile, writeFile(t, filepath.Join(dir, "bad.key"), "secret-"+keyB))
		}, errHas: []string{"bad.key", "64 hex digits"}, errNot: []string{keyB, "secret"}},
		{name: "key file of raw bytes", setup: func(t *testing.T, dir string) {
			raw, _ := hex.DecodeString(keyA)
			t.Setenv(offline.EnvRealmKeyFile, writeFile(t, filepath.Join(dir, "raw.key"), string(raw)))
		}, errHas: []string{"raw.key", "64 hex digits", "found 32 characters"}},
		{name: "key file empty", setup: func(t *testing.T, dir string) {
			t.Setenv(offline.EnvRealmKeyFile, writeFile(t, filepath.Join(dir, "empty.key"), ""))
		}, errHas: []string{"empty.key", "found 0 characters"}},
		{name: "key file unreadable (a folder)", setup: func(t *testing.T, dir string) {
			t.Setenv(offline.EnvRealmKeyFile, dir)
		}, errHas: []string{"$dir", "cannot be read"}},
		{name: "default key folder cannot be made", setup: func(t *testing.T, dir string) {
			t.Setenv(userConfigEnv(), writeFile(t, filepath.Join(dir, "not-a-folder"), "x"))
		}, errHas: []string{"not-a-folder", "could not be created", offline.EnvRealmKeyFile, offline.EnvRealmKey}},
		{name: "no config folder at all", setup: func(t *testing.T, dir string) {
			t.Setenv(userConfigEnv(), "")
			t.Setenv("HOME", "")
		}, errHas: []string{"no user config folder", offline.EnvRealmKeyFile}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			realmEnv(t)
			dir := t.TempDir()
			tt.setup(t, dir)
			r, err := offline.LoadRealm()
			if tt.source == "" {
				require.Error(t, err)
				for _, s := range tt.errHas {
					assert.Contains(t, err.Error(), strings.ReplaceAll(s, "$dir", dir))
				}
				for _, s := range tt.errNot {
					assert.NotContains(t, strings.ToLower(err.Error()), strings.ToLower(s), "the message must not reveal the key")
				}
				return
			}
			require.NoError(t, err)
			assert.Equal(t, filepath.FromSlash(strings.ReplaceAll(tt.source, "$dir", dir)), r.Source())
			if tt.sameAsA {
				key, _ := hex.DecodeString(keyA)
				a, err := offline.NewRealm(key)
				require.NoError(t, err)
				assert.Equal(t, a.Fingerprint(), r.Fingerprint())
			}
		})
	}
}

func TestNewRealmChecksLength(t *testing.T) {
	_, err := offline.NewRealm(make([]byte, 31))
	assert.ErrorContains(t, err, "32 bytes")
	r, err := offline.NewRealm(make([]byte, 32))
	require.NoError(t, err)
	assert.Len(t, r.Fingerprint(), 16)
	assert.Equal(t, "a key given in code", r.Source())
}

// serverInit fails with a message naming the key file when the key cannot be loaded.
func TestInitFailsOnBadRealmKey(t *testing.T) {
	realmEnv(t)
	path := writeFile(t, filepath.Join(t.TempDir(), "realm.key"), "not a key")
	t.Setenv(offline.EnvRealmKeyFile, path)
	b := offline.New(offline.Options{Data: offline.NewData()})
	s := steam.NewServer(func() (steam.Backend, error) { return b, nil })
	err := s.Init(cfgAuth)
	require.Error(t, err)
	assert.Contains(t, err.Error(), path)
	assert.False(t, s.Initialized())

	writeFile(t, path, keyA)
	require.NoError(t, s.Init(cfgAuth), "fixed, the next serverInit works")
}

// Two servers loading the same key file accept each other's tickets; another key file is another realm.
func TestRealmsFromKeyFiles(t *testing.T) {
	realmEnv(t)
	dir := t.TempDir()
	pathA := writeFile(t, filepath.Join(dir, "a", "realm.key"), keyA)
	pathB := writeFile(t, filepath.Join(dir, "b", "realm.key"), keyB)
	load := func(path string) *offline.Realm {
		t.Setenv(offline.EnvRealmKeyFile, path)
		r, err := offline.LoadRealm()
		require.NoError(t, err)
		return r
	}
	_, issuer := newServer(t, offline.Options{Realm: load(pathA)}, cfgAuth)
	same, _ := newServer(t, offline.Options{Realm: load(pathA)}, cfgAuth)
	other, _ := newServer(t, offline.Options{Realm: load(pathB)}, cfgAuth)
	tk := issuer.IssueTicket(player)
	assert.Equal(t, steam.BeginAuthSessionInvalidTicket, begin(t, other, tk.Bytes, player))
	assert.Equal(t, steam.BeginAuthSessionOK, begin(t, same, tk.Bytes, player))
	assert.Equal(t, validated(player, steam.AuthSessionOK), drain(same))

	journal, err := filepath.Glob(filepath.Join(dir, "a", "tickets-*", "used-*"))
	require.NoError(t, err)
	assert.Len(t, journal, 1, "the use is recorded beside the key file for the other processes of the realm")
}
