package offline

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A store that dies between writing the new file and renaming it over the old one (a crash, a full
// disk) leaves the old file whole: the result fails, the error names the file, the next read
// finds the items as they were, and the temporary file is pruned once it is old.
func TestInventoryCrashMidWriteKeepsTheOldFile(t *testing.T) {
	dir := t.TempDir()
	realm := newRealm(testRealm(t).key, "test", dir)
	user := steam.NewSteamID(steam.UniversePublic, steam.AccountTypeIndividual, 1, 99)
	b := started(t, Options{Realm: realm}, steam.InitConfig{Mode: steam.ServerModeAuthentication, AppID: 480})
	b.ScriptInventoryUser(user)
	_, err := b.InventoryGenerateItems([]steam.ItemGrant{{Definition: 100, Quantity: 1}})
	require.NoError(t, err)
	file := realm.inventory.files.path(480, user)
	before, err := os.ReadFile(file)
	require.NoError(t, err)

	var reported []string
	defer func(r func(string)) { steam.ReportError = r }(steam.ReportError)
	steam.ReportError = func(m string) { reported = append(reported, m) }
	var leftover string
	beforeRename = func(tmp string) error {
		leftover = tmp + ".crashed"
		data, _ := os.ReadFile(tmp)
		require.NoError(t, os.WriteFile(leftover, data, 0o600)) // what a killed process leaves
		return errors.New("killed")
	}
	defer func() { beforeRename = nil }()
	h, err := b.InventoryGenerateItems([]steam.ItemGrant{{Definition: 101, Quantity: 1}})
	require.NoError(t, err)
	b.RunFrame()
	assert.Equal(t, steam.ResultFail, b.inv.results[h].status)
	require.Len(t, reported, 1)
	assert.Contains(t, reported[0], file)
	after, _ := os.ReadFile(file)
	assert.Equal(t, before, after, "the old file, whole")
	inv, err := realm.inventory.read(480, user, nil)
	require.NoError(t, err)
	assert.Len(t, inv.items, 1)

	beforeRename = nil
	old := time.Now().Add(-time.Hour)
	require.NoError(t, os.Rename(leftover, filepath.Join(filepath.Dir(file), ".tmp-crashed")))
	require.NoError(t, os.Chtimes(filepath.Join(filepath.Dir(file), ".tmp-crashed"), old, old))
	b.Shutdown()
	require.NoError(t, b.Init(steam.InitConfig{Mode: steam.ServerModeAuthentication, AppID: 480}, &steam.State{}, steam.NewEventQueue(0)))
	entries, _ := os.ReadDir(filepath.Dir(file))
	for _, e := range entries {
		assert.False(t, strings.HasPrefix(e.Name(), ".tmp-"), "serverInit prunes an old temporary file: %s", e.Name())
	}
}
