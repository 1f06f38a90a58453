package offline

import (
	"crypto/rand"
	"encoding/hex"
	"os"
	"runtime"
	"testing"
)

// TestMain keeps every test of the package (both test packages) away from the real user's realm key
// and data file: a backend without Options.Realm or Options.Data loads them from the environment at
// Init, and the default realm key file lives in the user's config folder. Tests that exercise those
// paths set the environment themselves with t.Setenv.
// userConfigEnv is the variable os.UserConfigDir reads: %AppData% on Windows, else XDG_CONFIG_HOME.
func userConfigEnv() string {
	if runtime.GOOS == "windows" {
		return "AppData"
	}
	return "XDG_CONFIG_HOME"
}

// posixModes: the file system keeps Unix permission bits (Windows has none: Go reports 0666/0777).
const posixModes = runtime.GOOS != "windows"

func TestMain(m *testing.M) {
	if os.Getenv("GOSTEAM_NET_CHILD") != "" {
		// The child of TestNetAcrossProcesses shares its parent's realm: keep what it inherited.
		os.Exit(m.Run())
	}
	cfg, err := os.MkdirTemp("", "gosteam-offline-test-")
	if err != nil {
		panic(err)
	}
	key := make([]byte, RealmKeyLen)
	_, _ = rand.Read(key)
	os.Setenv(userConfigEnv(), cfg)
	os.Setenv(EnvRealmKey, hex.EncodeToString(key))
	os.Unsetenv(EnvRealmKeyFile)
	os.Unsetenv(EnvOfflineData)
	code := m.Run()
	os.RemoveAll(cfg)
	os.Exit(code)
}
