package steamworks

import (
	"slices"
	"strings"
	"testing"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// acceptAll makes the fake Workshop answer true to every ISteamUGC call.
func acceptAll(f *fakeFlat) {
	for s := range sym(len(symbols)) {
		if strings.HasPrefix(symbols[s].name, gsu) {
			f.bools[s] = true
		}
	}
}

// Each Workshop call reaches its ISteamUGC function with the arguments it was given.
func TestWorkshopCallsMapToTheFlatAPI(t *testing.T) {
	f := newFake(t)
	acceptAll(f)
	b, _ := started(t, f)
	require.NoError(t, b.InitWorkshop(1234, "/srv/workshop"))
	h, err := b.CreateUGCQuery(steam.UGCQuerySpec{IDs: []uint64{7, 8}})
	require.NoError(t, err)
	assert.Equal(t, uint64(0x5001), h)
	_, err = b.CreateUGCQuery(steam.UGCQuerySpec{All: &steam.UGCQueryAll{QueryType: 1, MatchingType: -1, Creator: 480, Consumer: 481, Page: 2}})
	require.NoError(t, err)
	_, err = b.CreateUGCQuery(steam.UGCQuerySpec{User: &steam.UGCQueryUser{Account: 42, ListType: 6, MatchingType: 0, Order: 3,
		Creator: 480, Consumer: 480, Page: 1}})
	require.NoError(t, err)
	f.nextCall = 0x99
	require.NoError(t, b.SendUGCQuery(h))
	require.NoError(t, b.ReleaseUGCQuery(h))
	require.NoError(t, b.DownloadItem(7, true))
	b.SuspendDownloads(true)
	assert.Equal(t, []string{
		`BInitWorkshopForGameServer(1234, "/srv/workshop")`,
		"CreateQueryUGCDetailsRequest([7 8], 2)",
		"CreateQueryAllUGCRequestPage(1, -1, 480, 481, 2)",
		"CreateQueryUserUGCRequest(42, 6, 0, 3, 480, 480, 1)",
		"SendQueryUGCRequest(0x5001)",
		"ReleaseQueryUGCRequest(0x5001)",
		"DownloadItem(0x7, true)",
		"SuspendDownloads(true)",
	}, f.take())
}

// Every query option has its setter, called with the values its C shape takes.
func TestEveryQueryOptionHasItsSetter(t *testing.T) {
	f := newFake(t)
	acceptAll(f)
	b, _ := started(t, f)
	want := map[steam.UGCOption]string{
		steam.UGCRequiredTag:              `AddRequiredTag(0x5001, "a")`,
		steam.UGCExcludedTag:              `AddExcludedTag(0x5001, "a")`,
		steam.UGCRequiredKeyValueTag:      `AddRequiredKeyValueTag(0x5001, "a", "b")`,
		steam.UGCSearchText:               `SetSearchText(0x5001, "a")`,
		steam.UGCMatchAnyTag:              `SetMatchAnyTag(0x5001, true)`,
		steam.UGCReturnKeyValueTags:       `SetReturnKeyValueTags(0x5001, true)`,
		steam.UGCReturnMetadata:           `SetReturnMetadata(0x5001, true)`,
		steam.UGCReturnLongDescription:    `SetReturnLongDescription(0x5001, true)`,
		steam.UGCReturnChildren:           `SetReturnChildren(0x5001, true)`,
		steam.UGCReturnTotalOnly:          `SetReturnTotalOnly(0x5001, true)`,
		steam.UGCReturnOnlyIDs:            `SetReturnOnlyIDs(0x5001, true)`,
		steam.UGCReturnAdditionalPreviews: `SetReturnAdditionalPreviews(0x5001, true)`,
		steam.UGCRequiredTagGroup:         `AddRequiredTagGroup(0x5001, ["x" "y"])`,
		steam.UGCLanguage:                 `SetLanguage(0x5001, "a")`,
		steam.UGCCloudFileNameFilter:      `SetCloudFileNameFilter(0x5001, "a")`,
		steam.UGCAllowCachedResponse:      `SetAllowCachedResponse(0x5001, 30)`,
		steam.UGCRankedByTrendDays:        `SetRankedByTrendDays(0x5001, 30)`,
		steam.UGCReturnPlaytimeStats:      `SetReturnPlaytimeStats(0x5001, 30)`,
		steam.UGCAdminQuery:               `SetAdminQuery(0x5001, true)`,
		steam.UGCRequiredGameVersions:     `SetRequiredGameVersions(0x5001, "a", "b")`,
		steam.UGCTimeCreatedRange:         `SetTimeCreatedDateRange(0x5001, 30, 40)`,
		steam.UGCTimeUpdatedRange:         `SetTimeUpdatedDateRange(0x5001, 30, 40)`,
	}
	for opt := steam.UGCRequiredTag; opt <= steam.UGCTimeUpdatedRange; opt++ {
		err := b.ShapeUGCQuery(0x5001, steam.UGCQueryOption{Option: opt, Text: "a", Text2: "b", On: true, Tags: []string{"x", "y"}, N: 30, M: 40})
		require.NoError(t, err, "option %d", opt)
		assert.Equal(t, []string{want[opt]}, f.take(), "option %d", opt)
	}
	assert.Len(t, querySetters, len(want), "a setter for an option the contract does not name")
	assert.Equal(t, [][]string{{"x", "y"}}, f.ugc.groups)
	assert.ErrorContains(t, b.ShapeUGCQuery(0x5001, steam.UGCQueryOption{Option: steam.UGCTimeUpdatedRange + 1}), "no ISteamUGC setter")
}

// Steam's false (or invalid handle) is an error naming the call; nothing is answered later for it.
func TestWorkshopRefusalsAreErrors(t *testing.T) {
	f := newFake(t)
	f.ugc.handle = 0 // k_UGCQueryHandleInvalid
	b, q := started(t, f)
	assert.ErrorContains(t, b.InitWorkshop(1, "/w"), `Steam refused BInitWorkshopForGameServer(1, "/w")`)
	h, err := b.CreateUGCQuery(steam.UGCQuerySpec{All: &steam.UGCQueryAll{Page: 1}})
	assert.Equal(t, steam.UGCQueryHandleInvalid, h)
	assert.ErrorContains(t, err, "Steam refused CreateQueryAllUGCRequestPage(0, 0, 0, 0, 1): k_UGCQueryHandleInvalid")
	assert.ErrorContains(t, b.ShapeUGCQuery(5, steam.UGCQueryOption{Option: steam.UGCReturnMetadata}), "Steam refused SetReturnMetadata on query 5")
	assert.ErrorContains(t, b.SendUGCQuery(5), "Steam refused SendQueryUGCRequest(5): k_uAPICallInvalid")
	assert.ErrorContains(t, b.ReleaseUGCQuery(5), "Steam refused ReleaseQueryUGCRequest(5)")
	assert.ErrorContains(t, b.DownloadItem(9, false), "Steam refused DownloadItem(9, false)")
	assert.ErrorContains(t, b.AppDependencies(9), "Steam refused GetAppDependencies(9): k_uAPICallInvalid")
	assert.Zero(t, b.lastCall, "a refused call leaves no call for isAPICallCompleted")
	_, err = b.UGCQueryItem(5, 0)
	assert.ErrorContains(t, err, "Steam has no result 0 for query 5")
	_, _, ok := b.ItemDownloadInfo(9)
	assert.False(t, ok)
	_, ok = b.ItemInstallInfo(9)
	assert.False(t, ok)
	assert.Empty(t, b.SubscribedItems())
	b.RunFrame()
	assert.Empty(t, allEvents(q), "a refused SendQueryUGCRequest or GetAppDependencies answers with its error, not a later signal")

	// What Steam could not be given is refused before calling it.
	f.take()
	for _, spec := range []steam.UGCQuerySpec{{}, {IDs: []uint64{1}, All: &steam.UGCQueryAll{}},
		{All: &steam.UGCQueryAll{}, User: &steam.UGCQueryUser{}}} {
		_, err := b.CreateUGCQuery(spec)
		assert.Error(t, err, "%+v", spec)
	}
	assert.ErrorContains(t, b.InitWorkshop(1, "/w\x00x"), "NUL")
	assert.ErrorContains(t, b.ShapeUGCQuery(5, steam.UGCQueryOption{Option: steam.UGCRequiredTagGroup, Tags: []string{"a\x00b"}}), "NUL")
	assert.Empty(t, f.take())
}

// Without the game server's ISteamUGC (an older steamclient), every call is refused saying so and
// nothing is called through a NULL interface.
func TestWorkshopWithoutTheInterface(t *testing.T) {
	f := newFake(t)
	f.ugc.noUGC = true
	b, _ := started(t, f)
	_, err := b.CreateUGCQuery(steam.UGCQuerySpec{IDs: []uint64{1}})
	assert.ErrorIs(t, err, errNoUGCInterface)
	assert.ErrorIs(t, b.InitWorkshop(1, "/w"), errNoUGCInterface)
	assert.ErrorIs(t, b.ShapeUGCQuery(1, steam.UGCQueryOption{}), errNoUGCInterface)
	assert.ErrorIs(t, b.SendUGCQuery(1), errNoUGCInterface)
	assert.ErrorIs(t, b.ReleaseUGCQuery(1), errNoUGCInterface)
	assert.ErrorIs(t, b.DownloadItem(1, false), errNoUGCInterface)
	assert.ErrorIs(t, b.AppDependencies(1), errNoUGCInterface)
	_, err = b.UGCQueryItem(1, 0)
	assert.ErrorIs(t, err, errNoUGCInterface)
	assert.Equal(t, steam.ItemStateNone, b.ItemState(1))
	assert.Nil(t, b.SubscribedItems())
	b.SuspendDownloads(true)
	assert.Empty(t, f.take())
}

// The query's answer comes through the pump at SteamUGCQueryCompleted_t's layout, once although
// the emulator also posts it as a callback; a call whose result fails still names its query.
func TestUGCQueryCompletedThroughThePump(t *testing.T) {
	f := newFake(t)
	acceptAll(f)
	b, q := started(t, f)
	done := fixture("SteamUGCQueryCompleted_t")
	f.nextCall = 0x99
	require.NoError(t, b.SendUGCQuery(0x1122334455667788))
	f.results[0x99] = done.bytes()
	f.callbacks = []fakeCallback{{idAPICallCompleted, completed(0x99, idUGCQueryCompleted, uint32(done.size()))},
		{idUGCQueryCompleted, done.bytes()}}
	b.RunFrame()
	assert.Equal(t, []steam.Event{done.want}, events(q))

	f.nextCall = 0x9A
	require.NoError(t, b.SendUGCQuery(0x5001))
	f.failed[0x9A], f.results[0x9A] = true, make([]byte, done.size())
	f.callbacks = []fakeCallback{{idAPICallCompleted, completed(0x9A, idUGCQueryCompleted, uint32(done.size()))}}
	b.RunFrame()
	assert.Equal(t, []steam.Event{steam.UGCQueryCompleted{Handle: 0x5001, Result: steam.ResultFail}}, events(q))
	assert.Empty(t, b.queries, "answered calls are still remembered")
}

// DownloadItemResult_t and ItemInstalled_t are broadcasts: each one that comes is an event, in order.
func TestDownloadCallbacksAreEvents(t *testing.T) {
	f := newFake(t)
	b, q := started(t, f)
	downloaded, installed := fixture("DownloadItemResult_t"), fixture("ItemInstalled_t")
	f.callbacks = []fakeCallback{{downloaded.id(), downloaded.bytes()}, {installed.id(), installed.bytes()},
		{downloaded.id(), downloaded.bytes()[:downloaded.size()-1]}} // short: skipped
	b.RunFrame()
	assert.Equal(t, []steam.Event{downloaded.want, installed.want}, events(q))
}

func TestItemInfo(t *testing.T) {
	f := newFake(t)
	acceptAll(f)
	b, _ := started(t, f)
	f.ugc.numbers, f.ugc.stamp = [2]uint64{300, 1000}, 1700000500
	f.ugc.counts[symGetItemState] = uint32(steam.ItemStateInstalled | steam.ItemStateNeedsUpdate)
	f.ugc.texts[symGetItemInstallInfo] = []string{"/srv/workshop/content/480/7"}
	d, total, ok := b.ItemDownloadInfo(7)
	assert.True(t, ok)
	assert.Equal(t, [2]uint64{300, 1000}, [2]uint64{d, total})
	info, ok := b.ItemInstallInfo(7)
	assert.True(t, ok)
	assert.Equal(t, steam.InstallInfo{Size: 300, Folder: "/srv/workshop/content/480/7", Timestamp: 1700000500}, info)
	assert.Equal(t, steam.ItemStateInstalled|steam.ItemStateNeedsUpdate, b.ItemState(7))
	assert.Equal(t, []string{"GetItemDownloadInfo(0x7)", "GetItemInstallInfo(0x7, buf[4096])", "GetItemState(0x7)"}, f.take())

	// A folder filling the buffer without a NUL stops at the buffer's end.
	f.ugc.texts[symGetItemInstallInfo] = []string{strings.Repeat("x", 5000)}
	info, _ = b.ItemInstallInfo(7)
	assert.Len(t, info.Folder, installFolderSize)
}

// Subscribed items: as many as Steam counts, and never more than it wrote or than the bound.
func TestSubscribedItems(t *testing.T) {
	f := newFake(t)
	b, _ := started(t, f)
	f.ugc.counts[symGetNumSubscribedItems] = 3
	f.ugc.ids = []uint64{11, 12}
	assert.Equal(t, []uint64{11, 12}, b.SubscribedItems(), "Steam wrote 2 of the 3 it counted")
	assert.Equal(t, []string{"GetNumSubscribedItems()", "GetSubscribedItems(out[3])"}, f.take())
	f.ugc.counts[symGetNumSubscribedItems] = ^uint32(0)
	b.SubscribedItems()
	assert.Equal(t, []string{"GetNumSubscribedItems()", "GetSubscribedItems(out[65536])"}, f.take())
	f.ugc.counts[symGetNumSubscribedItems] = 0
	assert.Nil(t, b.SubscribedItems())
	assert.Equal(t, []string{"GetNumSubscribedItems()"}, f.take(), "no array for no items")
}

// driveWorkshop makes every Workshop call once, for TestEverySymbolIsCalled. The user query and
// SuspendDownloads have no steam.Server method yet: they are called on the backend itself.
func driveWorkshop(t *testing.T, f *fakeFlat, srv *steam.Server, be *Backend) {
	t.Helper()
	acceptAll(f)
	f.ugc.details = detailsFixture.bytes()
	for _, s := range []sym{symGetQueryUGCNumTags, symGetQueryUGCNumKeyValueTags, symGetQueryUGCNumAdditionalPreviews,
		symGetNumSupportedGameVersions, symGetNumSubscribedItems} {
		f.ugc.counts[s] = 1
	}
	f.ugc.ids = []uint64{5}
	ok := func(_ any, err error) {
		t.Helper()
		require.NoError(t, err)
	}
	ok(srv.InitWorkshopForGameServer(1, t.TempDir())) // absolute on Windows too
	ok(srv.CreateQueryUGCDetailsRequest([]uint64{1}))
	ok(srv.CreateQueryAllUGCRequest(steam.UGCQueryAll{Page: 1}))
	ok(be.CreateUGCQuery(steam.UGCQuerySpec{User: &steam.UGCQueryUser{Page: 1}}))
	for opt := steam.UGCRequiredTag; opt <= steam.UGCTimeUpdatedRange; opt++ {
		ok(srv.ShapeUGCQuery(0x5001, steam.UGCQueryOption{Option: opt, Text: "t", Tags: []string{"t"}}))
	}
	ok(nil, srv.SendQueryUGCRequest(0x5001))
	ok(srv.QueryUGCItem(0x5001, 0))
	ok(srv.ReleaseQueryUGCRequest(0x5001))
	ok(srv.DownloadItem(1, false))
	ok(nil, srv.GetAppDependencies(1)) // the front does not refuse it: this backend answers it
	ok(srv.ItemState(1))
	ok(srv.SubscribedItems())
	be.SuspendDownloads(false)
	d, _, _, err := srv.ItemDownloadInfo(1)
	ok(d, err)
	_, _, err = srv.ItemInstallInfo(1)
	ok(nil, err)
	if !slices.ContainsFunc(f.calls, func(c string) bool { return strings.HasPrefix(c, "GetQueryUGCChildren(") }) {
		t.Error("the fixture's item has a child: GetQueryUGCChildren must be called")
	}
}
