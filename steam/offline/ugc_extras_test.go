package offline_test

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/gosteam/godot-steam-server/steam/offline"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Two publishers' items with the catalogue's extras: 2001 and 2002 are owner's, 2003 other's.
const (
	owner = steam.SteamID(76561197960287930)
	other = steam.SteamID(76561197960287931)
)

func extrasServer(t *testing.T) *steam.Server {
	t.Helper()
	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "item"), 0o755))
	deps := make([]string, 40)
	for i := range deps {
		deps[i] = fmt.Sprint(5000 + i)
	}
	body := fmt.Sprintf(`{"workshop": {"items": {
		"2001": {"title": "Zeta", "tags": ["map", "pvp"], "owner": "%d", "time_created": 100, "time_updated": 900, "votes_up": 1, "votes_down": 1,
			"tag_display_names": {"map": "Carte"}, "content_descriptors": ["frequent_violence_or_gore", "any_mature_content"],
			"additional_previews": [{"url": "https://example.com/2.png", "filename": "2.png"}, {"url": "dQw4w9WgXcQ", "type": "youtube_video"}],
			"game_versions": [{"min": "", "max": "1.2"}, {"min": "2.0", "max": ""}], "app_dependencies": [%s],
			"statistics": {"num_subscriptions": 7, "num_seconds_played_during_time_period": 60}, "folder": "item"},
		"2002": {"title": "Alpha", "tags": ["mod"], "owner": "%d", "time_created": 200, "time_updated": 300, "votes_up": 5, "folder": "item"},
		"2003": {"title": "Mid", "tags": ["map", "coop"], "owner": "%d", "time_created": 300, "time_updated": 300, "folder": "item"}}}}`,
		owner, strings.Join(deps, ", "), owner, other)
	path := filepath.Join(dir, "steam_offline.json")
	require.NoError(t, os.WriteFile(path, []byte(body), 0o644))
	data, err := offline.ReadDataFile(path)
	require.NoError(t, err)
	s, _ := newServer(t, offline.Options{Data: data}, cfgAuth)
	return s
}

// results sends the query and returns the file IDs of its results, in order.
func results(t *testing.T, s *steam.Server, h uint64) []uint64 {
	t.Helper()
	c := completed(t, s, h)
	ids := []uint64{}
	for i := range c.Returned {
		ids = append(ids, must[steam.UGCItem](t)(s.QueryUGCItem(h, int64(i))).FileID)
	}
	return ids
}

func shape(t *testing.T, s *steam.Server, h uint64, opts ...steam.UGCQueryOption) {
	t.Helper()
	for _, o := range opts {
		require.True(t, must[bool](t)(s.ShapeUGCQuery(h, o)), "option %d", o.Option)
	}
}

func TestWorkshopCatalogueExtras(t *testing.T) {
	s := extrasServer(t)
	h := must[uint64](t)(s.CreateQueryUGCDetailsRequest([]uint64{2001, 2002}))
	shape(t, s, h, steam.UGCQueryOption{Option: steam.UGCReturnAdditionalPreviews, On: true})
	completed(t, s, h)
	it := must[steam.UGCItem](t)(s.QueryUGCItem(h, 0))
	assert.Equal(t, []string{"Carte", "pvp"}, it.TagDisplayNames, "parallel to the tags; a tag without a display name shows its own")
	assert.Equal(t, []int32{2, 5}, it.ContentDescriptors)
	assert.Equal(t, []steam.UGCPreview{{URLOrVideo: "https://example.com/2.png", Filename: "2.png", Type: 0}, {URLOrVideo: "dQw4w9WgXcQ", Type: 1}}, it.Previews)
	assert.Equal(t, []steam.UGCGameVersion{{Min: "", Max: "1.2"}, {Min: "2.0", Max: ""}}, it.GameVersions)
	plain := must[steam.UGCItem](t)(s.QueryUGCItem(h, 1))
	assert.Empty(t, plain.TagDisplayNames, "no display names: the tags' own")
	assert.Empty(t, plain.Previews)

	h2 := must[uint64](t)(s.CreateQueryUGCDetailsRequest([]uint64{2001}))
	completed(t, s, h2)
	assert.Empty(t, must[steam.UGCItem](t)(s.QueryUGCItem(h2, 0)).Previews, "additional previews only with setReturnAdditionalPreviews")
}

func TestWorkshopCatalogueExtrasErrorsNameTheKey(t *testing.T) {
	item := func(extra string) string {
		return `{"workshop": {"items": {"5": {"title": "x", "folder": ".", "tags": ["map"], ` + extra + `}}}}`
	}
	for body, want := range map[string]string{
		item(`"tag_display_names": {"pvp": "PvP"}`):                                 "workshop.items.5.tag_display_names.pvp: not one of the item's tags",
		item(`"tag_display_names": {"map": ""}`):                                    "workshop.items.5.tag_display_names.map must be 1 to 255 bytes",
		item(`"content_descriptors": ["gore"]`):                                     `workshop.items.5.content_descriptors[0]: "gore" is not a UGCContentDescriptorID`,
		item(`"content_descriptors": ["any_mature_content", "any_mature_content"]`): "content_descriptors[1]: \"any_mature_content\" is listed twice",
		item(`"additional_previews": [{"filename": "a.png"}]`):                      "workshop.items.5.additional_previews[0].url must be 1 to 255 bytes",
		item(`"additional_previews": [{"url": "u", "type": "gif"}]`):                `workshop.items.5.additional_previews[0].type: "gif" is not an ItemPreviewType`,
		item(`"additional_previews": [{"url": "u", "size": 1}]`):                    "size",
		item(`"game_versions": [{"min": "` + strings.Repeat("b", 255) + `"}]`):      "workshop.items.5.game_versions[0].min is 255 bytes",
		item(`"app_dependencies": [0]`):                                             "workshop.items.5.app_dependencies[0] must be an app ID",
	} {
		_, err := offline.ParseData([]byte(body))
		if assert.Error(t, err, body) {
			assert.Contains(t, err.Error(), want)
		}
	}
}

func TestWorkshopUserQueryListsWhatTheUserPublished(t *testing.T) {
	s := extrasServer(t)
	user := func(list, order int64) uint64 {
		return must[uint64](t)(s.CreateQueryUserUGCRequest(steam.UGCQueryUser{Account: owner.AccountID(), ListType: list, Order: order, Consumer: 480, Page: 1}))
	}
	assert.Equal(t, []uint64{2002, 2001}, results(t, s, user(0, 0)), "published, newest first")
	assert.Equal(t, []uint64{2002, 2001}, results(t, s, user(0, 2)), "published, by title")
	assert.Equal(t, []uint64{2001, 2002}, results(t, s, user(0, 1)), "published, oldest first")
	assert.Equal(t, []uint64{2002, 2001}, results(t, s, user(0, 5)), "published, best score first")
	tagged := user(0, 0)
	shape(t, s, tagged, steam.UGCQueryOption{Option: steam.UGCRequiredTag, Text: "map"})
	assert.Equal(t, []uint64{2001}, results(t, s, tagged), "the setters filter a user's list too")
	for list := int64(1); list <= 8; list++ {
		h := user(list, 0)
		assert.Equal(t, steam.UGCQueryCompleted{Handle: h, Result: steam.ResultOK}, completed(t, s, h), "list %d: who voted, favourited, subscribed... is not in the catalogue", list)
	}
	for _, q := range []steam.UGCQueryUser{
		{Account: 0, Page: 1}, {Account: 1, ListType: 9, Page: 1}, {Account: 1, Order: 7, Page: 1}, {Account: 1, MatchingType: 13, Page: 1}, {Account: 1},
	} {
		h, err := s.CreateQueryUserUGCRequest(q)
		assert.Error(t, err, "%+v", q)
		assert.Equal(t, steam.UGCQueryHandleInvalid, h)
	}
}

func TestUserAccountIDTakesAnAccountOrASteamID(t *testing.T) {
	for v, want := range map[uint64]uint32{1: 1, 0xFFFFFFFF: 0xFFFFFFFF, uint64(owner): owner.AccountID()} {
		assert.Equal(t, want, must[uint32](t)(steam.UserAccountID(v)), "%d", v)
	}
	for _, v := range []uint64{0, 0x0110000100000000, 90071992547409920 /* a game server's */, ^uint64(0)} {
		_, err := steam.UserAccountID(v)
		assert.ErrorContains(t, err, "account_id", "%d", v)
	}
}

func TestWorkshopTagGroupsAndDateRanges(t *testing.T) {
	s := extrasServer(t)
	all := func(opts ...steam.UGCQueryOption) []uint64 {
		h := must[uint64](t)(s.CreateQueryAllUGCRequest(steam.UGCQueryAll{QueryType: 1, Consumer: 480, Page: 1}))
		shape(t, s, h, opts...)
		return results(t, s, h)
	}
	group := func(tags ...string) steam.UGCQueryOption {
		return steam.UGCQueryOption{Option: steam.UGCRequiredTagGroup, Tags: tags}
	}
	assert.Equal(t, []uint64{2003, 2002}, all(group("coop", "mod")), "one tag of the group is enough")
	assert.Equal(t, []uint64{2003}, all(group("coop", "mod"), group("MAP")), "each group must match (tags match in any case)")
	created := func(from, to uint32) steam.UGCQueryOption {
		return steam.UGCQueryOption{Option: steam.UGCTimeCreatedRange, N: from, M: to}
	}
	assert.Equal(t, []uint64{2002, 2001}, all(created(100, 200)), "both ends included")
	assert.Equal(t, []uint64{2003, 2002}, all(steam.UGCQueryOption{Option: steam.UGCTimeUpdatedRange, N: 300, M: 300}))
	assert.Empty(t, all(created(0, 99)))

	h := must[uint64](t)(s.CreateQueryAllUGCRequest(steam.UGCQueryAll{Page: 1}))
	for _, bad := range []struct {
		opt  steam.UGCQueryOption
		want string
	}{
		{created(5, 4), "end (4) is before start (5)"},
		{group(), "tag_array is empty"},
		{group("map", ""), "tag_array[1] must be 1 to 255 bytes"},
		{steam.UGCQueryOption{Option: steam.UGCLanguage, Text: "English"}, `language must be a Steam API language code`},
		{steam.UGCQueryOption{Option: steam.UGCLanguage}, "language"},
		{steam.UGCQueryOption{Option: steam.UGCCloudFileNameFilter, Text: strings.Repeat("f", 261)}, "match_cloud_filename must be at most 260 bytes"},
	} {
		ok, err := s.ShapeUGCQuery(h, bad.opt)
		assert.False(t, ok)
		assert.ErrorContains(t, err, bad.want)
	}
	// Accepted, changing nothing offline: one language, no cloud file names, no hidden items.
	for _, o := range []steam.UGCQueryOption{{Option: steam.UGCLanguage, Text: "schinese"}, {Option: steam.UGCCloudFileNameFilter, Text: "map.bin"},
		{Option: steam.UGCAdminQuery, On: true}} {
		shape(t, s, h, o)
	}
	assert.Equal(t, []uint64{2002, 2001, 2003}, results(t, s, h), "ranked by vote (votes up), as before those setters")
}

func TestWorkshopPlaytimeStatsOnlyWhenAskedFor(t *testing.T) {
	s := extrasServer(t)
	stats := func(days uint32) map[int32]uint64 {
		h := must[uint64](t)(s.CreateQueryUGCDetailsRequest([]uint64{2001}))
		if days > 0 {
			shape(t, s, h, steam.UGCQueryOption{Option: steam.UGCReturnPlaytimeStats, N: days})
		}
		completed(t, s, h)
		return must[steam.UGCItem](t)(s.QueryUGCItem(h, 0)).Stats
	}
	assert.Equal(t, map[int32]uint64{0: 7}, stats(0), "the period's statistics need setReturnPlaytimeStats")
	assert.Equal(t, map[int32]uint64{0: 7, 11: 60}, stats(7))
	assert.Equal(t, map[int32]uint64{0: 7}, stats(0), "a query never changes the catalogue's statistics")
}

func TestWorkshopAppDependencies(t *testing.T) {
	s := extrasServer(t)
	require.NoError(t, s.GetAppDependencies(2001))
	ev := drain(s)
	require.Len(t, ev, 2, "40 app IDs come in replies of at most 32")
	first, second := ev[0].(steam.AppDependencies), ev[1].(steam.AppDependencies)
	assert.Equal(t, []any{steam.ResultOK, uint64(2001), 32, uint32(40), uint32(5000)}, []any{first.Result, first.FileID, len(first.AppIDs), first.Total, first.AppIDs[0]})
	assert.Equal(t, []uint32{5032, 5033, 5034, 5035, 5036, 5037, 5038, 5039}, second.AppIDs)
	require.NoError(t, s.GetAppDependencies(2002))
	all := drainAll(s)
	require.Len(t, all, 2, "none: one empty reply, after its call's notice")
	notice := all[0].(steam.APICallCompleted)
	size := uint32(148) // sizeof(GetAppDependenciesResult_t) at pack 4, 152 at Windows' pack 8
	if runtime.GOOS == "windows" {
		size = 152
	}
	assert.Equal(t, []any{int32(3416), size}, []any{notice.Callback, notice.Size}, "GetAppDependenciesResult_t")
	assert.Equal(t, steam.AppDependencies{Result: steam.ResultOK, FileID: 2002}, all[1])
	require.NoError(t, s.GetAppDependencies(9))
	assert.Equal(t, []steam.Event{steam.AppDependencies{Result: steam.ResultFileNotFound, FileID: 9}}, drain(s))
	assert.ErrorContains(t, s.GetAppDependencies(0), "published_file_id")
}

// A backend with the Workshop but without getAppDependencies (neither of this project's) has that
// one call refused, and the others work.
func TestAppDependenciesNeedABackendThatReadsThem(t *testing.T) {
	type withoutDeps struct {
		steam.Backend
		steam.UGCBackend
	}
	b := offline.New(offline.Options{Realm: newRealm(t), Data: offline.NewData()})
	s := steam.NewServer(func() (steam.Backend, error) { return withoutDeps{b, b}, nil })
	require.NoError(t, s.Init(cfgAuth))
	assert.ErrorIs(t, s.GetAppDependencies(1), steam.ErrNoAppDependencies)
	assert.NoError(t, s.SuspendDownloads(true))
}
