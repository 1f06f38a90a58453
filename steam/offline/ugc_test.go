package offline_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/gosteam/godot-steam-server/steam/offline"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// workshopData writes a data file with n items (item i+1 tagged "map" when even, and "big" for
// item 1000 whose file is bigger than max_item_bytes) and returns its path.
func workshopData(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	var items []string
	for i := 1; i <= n; i++ {
		folder := filepath.Join(dir, "items", fmt.Sprint(i))
		require.NoError(t, os.MkdirAll(filepath.Join(folder, "sub"), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(folder, "map.tscn"), []byte(strings.Repeat("x", 100*1024)), 0o644))
		require.NoError(t, os.WriteFile(filepath.Join(folder, "sub", "readme.txt"), []byte("hello"), 0o644))
		tags := `["mod"]`
		if i%2 == 0 {
			tags = `["map", "pvp"]`
		}
		items = append(items, fmt.Sprintf(`"%d": {"title": "Item %d", "description": "number %d", "tags": %s, "key_value_tags": {"mode": "m%d"},
			"metadata": "meta%d", "time_created": %d, "time_updated": %d, "votes_up": %d, "statistics": {"num_subscriptions": %d}, "folder": "items/%d"}`,
			i, i, i, tags, i%3, i, 1000+i, 2000+i, i, i*10, i))
	}
	big := filepath.Join(dir, "items", "big")
	require.NoError(t, os.MkdirAll(big, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(big, "huge.bin"), make([]byte, 3<<20), 0o644))
	items = append(items, `"1000": {"title": "Big", "tags": ["big"], "folder": "items/big"}`)
	path := filepath.Join(dir, "steam_offline.json")
	body := fmt.Sprintf(`{"workshop": {"max_item_bytes": 2097152, "items": {%s}}}`, strings.Join(items, ",\n"))
	require.NoError(t, os.WriteFile(path, []byte(body), 0o644))
	return path
}

func workshopServer(t *testing.T, n int, opts offline.Options) (*steam.Server, string) {
	t.Helper()
	data, err := offline.ReadDataFile(workshopData(t, n))
	require.NoError(t, err)
	opts.Data = data
	s, _ := newServer(t, opts, cfgAuth)
	folder := t.TempDir()
	require.True(t, must[bool](t)(s.InitWorkshopForGameServer(480, folder)))
	return s, folder
}

func TestWorkshopCatalogueErrorsNameTheKey(t *testing.T) {
	for body, want := range map[string]string{
		`{"workshop": {"items": {"abc": {"title": "x", "folder": "."}}}}`:                          `workshop.items: "abc" is not a published file ID`,
		`{"workshop": {"items": {"5": {"folder": "."}}}}`:                                          "workshop.items.5.title is missing",
		`{"workshop": {"items": {"5": {"title": "x"}}}}`:                                           "workshop.items.5.folder is missing",
		`{"workshop": {"items": {"5": {"title": "x", "folder": ".", "tags": ["a,b"]}}}}`:           "workshop.items.5.tags[0]",
		`{"workshop": {"items": {"5": {"title": "x", "folder": ".", "children": ["6"]}}}}`:         "workshop.items.5.children: 6 is not an item",
		`{"workshop": {"items": {"5": {"title": "x", "folder": ".", "statistics": {"nope": 1}}}}}`: "workshop.items.5.statistics.nope",
		`{"workshop": {"max_item_bytes": 0}}`:                                                      "workshop.max_item_bytes must be above 0",
		`{"workshop": {"items": {"5": {"title": "x", "folder": ".", "colour": 1}}}}`:               "colour",
	} {
		_, err := offline.ParseData([]byte(body))
		if assert.Error(t, err, body) {
			assert.Contains(t, err.Error(), want)
		}
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "d.json")
	require.NoError(t, os.WriteFile(path, []byte(`{"workshop": {"items": {"5": {"title": "x", "folder": "gone"}}}}`), 0o644))
	_, err := offline.ReadDataFile(path)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "workshop.items.5.folder: "+filepath.Join(dir, "gone"))
}

func TestWorkshopFolderIsAFilesystemPath(t *testing.T) {
	s, _ := newServer(t, offline.Options{}, cfgAuth)
	for _, f := range []string{"", "res://maps", "user://workshop", "relative/dir"} {
		ok, err := s.InitWorkshopForGameServer(480, f)
		assert.False(t, ok)
		assert.Error(t, err, f)
	}
	_, err := s.InitWorkshopForGameServer(0, t.TempDir())
	assert.ErrorContains(t, err, "workshop_depot_id")
	s.Shutdown()
	_, err = s.InitWorkshopForGameServer(480, t.TempDir())
	assert.ErrorIs(t, err, steam.ErrNotInitialized)
}

// completed sends the query and returns its ugc_query_completed.
func completed(t *testing.T, s *steam.Server, h uint64) steam.UGCQueryCompleted {
	t.Helper()
	require.NoError(t, s.SendQueryUGCRequest(h))
	ev := drain(s)
	require.Len(t, ev, 1)
	return ev[0].(steam.UGCQueryCompleted)
}

func TestWorkshopDetailsQuery(t *testing.T) {
	s, _ := workshopServer(t, 3, offline.Options{})
	h := must[uint64](t)(s.CreateQueryUGCDetailsRequest([]uint64{2, 77, 1}))
	assert.True(t, must[bool](t)(s.ShapeUGCQuery(h, steam.UGCQueryOption{Option: steam.UGCReturnKeyValueTags, On: true})))
	assert.Equal(t, steam.UGCQueryCompleted{Handle: h, Result: steam.ResultOK, Returned: 3, Total: 3}, completed(t, s, h))
	it := must[steam.UGCItem](t)(s.QueryUGCItem(h, 0))
	assert.Equal(t, "Item 2", it.Title)
	assert.Equal(t, []string{"map", "pvp"}, it.Tags)
	assert.Equal(t, [][2]string{{"mode", "m2"}}, it.KeyValues)
	assert.Empty(t, it.Metadata, "metadata only with setReturnMetadata")
	assert.Equal(t, uint64(20), it.Stats[0])
	missing, err := s.QueryUGCItem(h, 1)
	require.NoError(t, err, "an ID not in the Workshop is a result, as on Steam")
	assert.Equal(t, steam.ResultFileNotFound, missing.Result)
	_, err = s.QueryUGCItem(h, 3)
	assert.Error(t, err)
	_, err = s.ShapeUGCQuery(h, steam.UGCQueryOption{Option: steam.UGCReturnMetadata, On: true})
	assert.Error(t, err, "a sent query cannot be shaped")
	assert.True(t, must[bool](t)(s.ReleaseQueryUGCRequest(h)))
	ok, err := s.ReleaseQueryUGCRequest(h)
	assert.False(t, ok)
	assert.Error(t, err)
	_, err = s.QueryUGCItem(h, 0)
	assert.Error(t, err)
}

func TestWorkshopAllQueryTagsAndPaging(t *testing.T) {
	s, _ := workshopServer(t, 120, offline.Options{})
	all := steam.UGCQueryAll{QueryType: 1, Consumer: 480, Page: 1}
	h := must[uint64](t)(s.CreateQueryAllUGCRequest(all))
	must[bool](t)(s.ShapeUGCQuery(h, steam.UGCQueryOption{Option: steam.UGCRequiredTag, Text: "map"}))
	c := completed(t, s, h)
	assert.Equal(t, uint32(50), c.Returned)
	assert.Equal(t, uint32(60), c.Total)
	first := must[steam.UGCItem](t)(s.QueryUGCItem(h, 0))
	assert.Equal(t, uint64(120), first.FileID, "ranked by publication date, newest first")

	all.Page = 2
	h2 := must[uint64](t)(s.CreateQueryAllUGCRequest(all))
	must[bool](t)(s.ShapeUGCQuery(h2, steam.UGCQueryOption{Option: steam.UGCRequiredTag, Text: "map"}))
	c = completed(t, s, h2)
	assert.Equal(t, uint32(10), c.Returned)
	assert.Equal(t, uint64(20), must[steam.UGCItem](t)(s.QueryUGCItem(h2, 0)).FileID)

	h3 := must[uint64](t)(s.CreateQueryAllUGCRequest(all))
	must[bool](t)(s.ShapeUGCQuery(h3, steam.UGCQueryOption{Option: steam.UGCExcludedTag, Text: "map"}))
	must[bool](t)(s.ShapeUGCQuery(h3, steam.UGCQueryOption{Option: steam.UGCRequiredKeyValueTag, Text: "mode", Text2: "m1"}))
	must[bool](t)(s.ShapeUGCQuery(h3, steam.UGCQueryOption{Option: steam.UGCReturnTotalOnly, On: true}))
	c = completed(t, s, h3)
	assert.Equal(t, uint32(0), c.Returned)
	assert.Equal(t, uint32(20), c.Total, "odd items with mode m1: 1, 7, 13 ... 115")

	h4 := must[uint64](t)(s.CreateQueryAllUGCRequest(steam.UGCQueryAll{Page: 1}))
	must[bool](t)(s.ShapeUGCQuery(h4, steam.UGCQueryOption{Option: steam.UGCSearchText, Text: "NUMBER 11"}))
	c = completed(t, s, h4)
	assert.Equal(t, uint32(11), c.Total, "11 and 110-119")

	_, err := s.CreateQueryAllUGCRequest(steam.UGCQueryAll{Page: 0})
	assert.ErrorContains(t, err, "page")
}

func TestWorkshopQueryHandlesAreBounded(t *testing.T) {
	s, _ := workshopServer(t, 1, offline.Options{})
	for range offline.MaxUGCQueries - 0 {
		must[uint64](t)(s.CreateQueryUGCDetailsRequest([]uint64{1}))
	}
	h, err := s.CreateQueryUGCDetailsRequest([]uint64{1})
	assert.ErrorContains(t, err, "releaseQueryUGCRequest")
	assert.Equal(t, steam.UGCQueryHandleInvalid, h)
}

// waitDownload runs frames until item_downloaded for id, returning every event seen.
func waitDownload(t *testing.T, s *steam.Server, id uint64) []steam.Event {
	t.Helper()
	var got []steam.Event
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		got = append(got, drain(s)...)
		for _, e := range got {
			if d, ok := e.(steam.ItemDownloaded); ok && d.FileID == id {
				return append(got, drain(s)...)
			}
		}
		time.Sleep(2 * time.Millisecond)
	}
	t.Fatalf("no item_downloaded for %d", id)
	return nil
}

func TestWorkshopDownloadInstalls(t *testing.T) {
	s, folder := workshopServer(t, 2, offline.Options{})
	assert.Equal(t, steam.ItemStateNone, must[steam.ItemState](t)(s.ItemState(2)))
	require.True(t, must[bool](t)(s.DownloadItem(2, true)))
	ev := waitDownload(t, s, 2)
	assert.Equal(t, []steam.Event{steam.ItemDownloaded{Result: steam.ResultOK, FileID: 2, AppID: 480}, steam.ItemInstalled{AppID: 480, FileID: 2}}, ev)
	dst := filepath.Join(folder, "steamapps", "workshop", "content", "480", "2")
	info, ok, err := s.ItemInstallInfo(2)
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, steam.InstallInfo{Size: 100*1024 + 5, Folder: dst, Timestamp: 2002}, info)
	b, err := os.ReadFile(filepath.Join(dst, "sub", "readme.txt"))
	require.NoError(t, err)
	assert.Equal(t, "hello", string(b))
	assert.Equal(t, steam.ItemStateInstalled, must[steam.ItemState](t)(s.ItemState(2)))
	done, total, ok, _ := s.ItemDownloadInfo(2)
	assert.Equal(t, []any{uint64(100*1024 + 5), uint64(100*1024 + 5), true}, []any{done, total, ok})
	assert.Empty(t, must[[]uint64](t)(s.SubscribedItems()))
	entries, _ := os.ReadDir(filepath.Dir(dst))
	assert.Len(t, entries, 1, "no temporary folder left")
}

func TestWorkshopDownloadFailuresLeaveNothing(t *testing.T) {
	s, folder := workshopServer(t, 1, offline.Options{})
	_, err := s.DownloadItem(0, false)
	assert.ErrorContains(t, err, "published_file_id")
	for id, want := range map[uint64]steam.Result{555: steam.ResultFileNotFound, 1000: steam.ResultLimitExceeded} {
		require.True(t, must[bool](t)(s.DownloadItem(id, false)))
		assert.Equal(t, []steam.Event{steam.ItemDownloaded{Result: want, FileID: id, AppID: 480}}, waitDownload(t, s, id))
		_, ok, _ := s.ItemInstallInfo(id)
		assert.False(t, ok)
	}
	entries, _ := os.ReadDir(filepath.Join(folder, "steamapps", "workshop", "content", "480"))
	assert.Empty(t, entries)
}

func TestWorkshopDownloadNeedsInit(t *testing.T) {
	s, _ := newServer(t, offline.Options{}, cfgAuth)
	ok, err := s.DownloadItem(1, false)
	assert.False(t, ok)
	assert.ErrorContains(t, err, "initWorkshopForGameServer")
}

func TestWorkshopConcurrentDownloads(t *testing.T) {
	// The downloads wait after their first chunk until every call is made, so each second call
	// finds its item still downloading (once installed, another call would download it again).
	release := make(chan struct{})
	s, _ := workshopServer(t, 8, offline.Options{AfterWorkshopChunk: func() { <-release }})
	for id := uint64(1); id <= 8; id++ {
		require.True(t, must[bool](t)(s.DownloadItem(id, false)))
		require.True(t, must[bool](t)(s.DownloadItem(id, true)), "a second call while downloading is accepted")
	}
	close(release)
	installed := map[uint64]bool{}
	deadline := time.Now().Add(10 * time.Second)
	for len(installed) < 8 && time.Now().Before(deadline) {
		for _, e := range drain(s) {
			if in, ok := e.(steam.ItemInstalled); ok {
				assert.False(t, installed[in.FileID], "one item_installed each")
				installed[in.FileID] = true
			}
		}
		time.Sleep(2 * time.Millisecond)
	}
	assert.Len(t, installed, 8)
}

// heldAfterFirstChunk is a workshop server whose first download stops after its first chunk: hold
// closes then, and the download goes on when release is closed.
func heldAfterFirstChunk(t *testing.T) (s *steam.Server, folder string, hold, release chan struct{}) {
	var once sync.Once
	hold, release = make(chan struct{}), make(chan struct{})
	s, folder = workshopServer(t, 1, offline.Options{AfterWorkshopChunk: func() {
		once.Do(func() { close(hold); <-release })
	}})
	return s, folder, hold, release
}

func TestWorkshopShutdownMidDownloadLeavesNoHalfFolder(t *testing.T) {
	s, folder, hold, release := heldAfterFirstChunk(t)
	require.True(t, must[bool](t)(s.DownloadItem(1, false)))
	<-hold
	assert.Equal(t, steam.ItemStateDownloading, must[steam.ItemState](t)(s.ItemState(1)))
	done, total, ok, _ := s.ItemDownloadInfo(1)
	assert.True(t, ok)
	assert.Equal(t, uint64(64<<10), done)
	assert.Equal(t, uint64(100*1024+5), total)
	go func() { time.Sleep(20 * time.Millisecond); close(release) }()
	s.Shutdown()
	entries, _ := os.ReadDir(filepath.Join(folder, "steamapps", "workshop", "content", "480"))
	assert.Empty(t, entries, "neither the item nor its temporary folder")
	assert.Zero(t, s.Events().Len())
}
