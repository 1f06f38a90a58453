package offline_test

import (
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/gosteam/godot-steam-server/steam/offline"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// diskRealm is the realm the environment names, kept in a fresh user config folder.
func diskRealm(t *testing.T) (*offline.Realm, string) {
	t.Helper()
	config := realmEnv(t)
	realm, err := offline.LoadRealm()
	require.NoError(t, err)
	return realm, config
}

func inventoryFile(config string, realm *offline.Realm, user steam.SteamID) string {
	return filepath.Join(config, "gosteam", "inventory-"+realm.Fingerprint(), "480", strconv.FormatUint(uint64(user), 10)+".json")
}

func TestInventoryStoreOnDisk(t *testing.T) {
	realm, config := diskRealm(t)
	s, _ := invServer(t, realm, offline.Options{})
	file := inventoryFile(config, realm, invPlayer)
	held(t, s)
	_, err := os.Stat(file)
	assert.True(t, os.IsNotExist(err), "reading writes nothing: the starting items stay the data file's")

	h, err := s.InventoryGenerateItems([]int64{101}, nil)
	done(t, s, h, err)
	b, err := os.ReadFile(file)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"definition": 101`)
	assert.Contains(t, string(b), `"next_item_id": "4"`)
	require.NoError(t, s.Shutdown())

	// Another server of the realm (another process reads the same file) sees it.
	realm2, err := offline.LoadRealm()
	require.NoError(t, err)
	s2, _ := invServer(t, realm2, offline.Options{})
	assert.Len(t, held(t, s2), 3)
	require.NoError(t, s2.Shutdown())

	// A damaged file stops serverInit, naming it, and is left alone.
	require.NoError(t, os.WriteFile(file, []byte(`{"format": 1, "items": [`), 0o600))
	data, _ := offline.ParseData([]byte(invData))
	s3 := steam.NewServer(func() (steam.Backend, error) { return offline.New(offline.Options{Data: data}), nil })
	err = s3.Init(cfgAuth)
	require.Error(t, err)
	assert.Contains(t, err.Error(), file)
	assert.Contains(t, err.Error(), "offline inventory store file")
	assert.Contains(t, err.Error(), "damaged")
	after, _ := os.ReadFile(file)
	assert.Equal(t, `{"format": 1, "items": [`, string(after))

	for _, bad := range []string{
		`{"format": 2, "steam_id": "` + strconv.FormatUint(uint64(invPlayer), 10) + `", "app_id": 480, "next_item_id": "2", "items": []}`,
		`{"format": 1, "steam_id": "1", "app_id": 480, "next_item_id": "2", "items": []}`,
		`{"format": 1, "steam_id": "` + strconv.FormatUint(uint64(invPlayer), 10) + `", "app_id": 480, "next_item_id": "2", "items": [{"item_id": "5", "definition": 1, "quantity": 1}]}`,
		`{"format": 1, "steam_id": "` + strconv.FormatUint(uint64(invPlayer), 10) + `", "app_id": 480, "next_item_id": "9", "items": [{"item_id": "5", "definition": 1, "quantity": 1, "properties": {"x": {"int": "1", "bool": true}}}]}`,
	} {
		require.NoError(t, os.WriteFile(file, []byte(bad), 0o600))
		err := s3.Init(cfgAuth)
		if assert.Error(t, err, bad) {
			assert.Contains(t, err.Error(), "damaged", bad)
		}
	}
}

func TestInventoryOfAnAnonymousServerIsNotWritten(t *testing.T) {
	realm, config := diskRealm(t)
	s, _ := invServer(t, realm, offline.Options{})
	require.NoError(t, s.OfflineInventoryUser(0))
	h, err := s.InventoryGenerateItems([]int64{100}, nil)
	st, _ := done(t, s, h, err)
	require.Equal(t, steam.ResultOK, st)
	id, _ := s.SteamID()
	require.True(t, id.AnonAccount())
	assert.Len(t, held(t, s), 1, "the server's own (anonymous) account holds it")
	_, err = os.Stat(inventoryFile(config, realm, id))
	assert.True(t, os.IsNotExist(err), "an anonymous account's items stay in memory")

	require.NoError(t, s.LogOn("token"))
	drain(s)
	assert.Empty(t, held(t, s), "logged on with a token: the persistent account's inventory")
}

// Two servers of the realm granting items to one user at the same time keep every grant: each
// update merges under the user's file lock.
func TestInventoryConcurrentServersKeepEveryGrant(t *testing.T) {
	realmEnv(t)
	const servers, grants = 4, 10
	var wg sync.WaitGroup
	for range servers {
		realm, err := offline.LoadRealm()
		require.NoError(t, err)
		s, _ := invServer(t, realm, offline.Options{})
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range grants {
				if _, err := s.InventoryGenerateItems([]int64{102}, nil); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	realm, _ := offline.LoadRealm()
	s, _ := invServer(t, realm, offline.Options{})
	items := held(t, s)
	assert.Len(t, items, 2+servers*grants, "the two starting items and every grant, each with its own ID")
}

func TestInventoryBounds(t *testing.T) {
	s, _ := invServer(t, newRealm(t), offline.Options{})
	batch := make([]int64, steam.MaxInventoryListLen)
	for i := range batch {
		batch[i] = 100
	}
	// 2 starting items, then 15 batches of 256: 3842 stacks; the 16th batch would make 4098.
	for i := 0; i < 15; i++ {
		h, err := s.InventoryGenerateItems(batch, nil)
		st, _ := done(t, s, h, err)
		require.Equal(t, steam.ResultOK, st, "batch %d", i)
		require.NoError(t, s.InventoryDestroyResult(h))
	}
	h, err := s.InventoryGenerateItems(batch, nil)
	st, _ := done(t, s, h, err)
	assert.Equal(t, steam.ResultLimitExceeded, st)
	assert.Len(t, held(t, s), 3842, "a grant beyond the limit changes nothing")
	h, err = s.InventoryGenerateItems([]int64{102}, []int64{65535})
	st, _ = done(t, s, h, err)
	assert.Equal(t, steam.ResultOK, st, "a whole stack still fits")

	s, _ = invServer(t, newRealm(t), offline.Options{})
	for i := 0; i < offline.MaxOpenInventoryResults; i++ {
		_, err := s.InventoryGetItemsByID([]int64{1})
		require.NoError(t, err)
	}
	h, err = s.InventoryGetAllItems()
	assert.ErrorContains(t, err, "inventory results are open")
	assert.Equal(t, steam.InventoryResultInvalid, h)
}

func TestInventoryUpdateBounds(t *testing.T) {
	s, _ := invServer(t, newRealm(t), offline.Options{})
	u, _ := s.InventoryStartUpdateProperties()
	for i := 1; i <= offline.MaxUpdateItems; i++ {
		_, err := s.InventorySetProperty(u, int64(i), "a", steam.PropertyValue{Kind: steam.PropertyBool})
		require.NoError(t, err)
	}
	_, err := s.InventorySetProperty(u, offline.MaxUpdateItems+1, "a", steam.PropertyValue{Kind: steam.PropertyBool})
	assert.ErrorContains(t, err, "as many as Steam takes in one update")

	u, _ = s.InventoryStartUpdateProperties()
	for i := 0; i <= offline.MaxItemProperties; i++ {
		_, err := s.InventorySetProperty(u, 1, "p"+strconv.Itoa(i), steam.PropertyValue{Kind: steam.PropertyInt, Int: int64(i)})
		require.NoError(t, err)
	}
	h, err := s.InventorySubmitUpdateProperties(u)
	st, _ := done(t, s, h, err)
	assert.Equal(t, steam.ResultLimitExceeded, st, "more properties than an item holds")

	for i := 1; i < offline.MaxOpenInventoryUpdates; i++ { // the first update is still open
		_, err := s.InventoryStartUpdateProperties()
		require.NoError(t, err)
	}
	_, err = s.InventoryStartUpdateProperties()
	assert.ErrorContains(t, err, "property updates are open")
}

func TestInventoryResultsOfAnotherAppFail(t *testing.T) {
	realm := newRealm(t)
	buf := clientResult(t, realm, time.Now())
	data, _ := offline.ParseData([]byte(invData))
	cfg := cfgAuth
	cfg.AppID = 1000
	s, _ := newServer(t, offline.Options{Realm: realm, Data: data}, cfg)
	h, err := s.InventoryDeserializeResult(buf)
	st, _ := done(t, s, h, err)
	assert.Equal(t, steam.ResultFail, st, "made for app 480")
}
