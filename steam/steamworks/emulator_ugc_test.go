//go:build cgo && linux

package steamworks

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/gosteam/godot-steam-server/steam"
)

// The Workshop of a game server on gbe_fork. The emulator serves the items of its settings'
// mods.json (files in steam_settings/mods/<id>/) as installed, subscribed items, through the game
// server's ISteamUGC (SteamAPI_SteamGameServerUGC_v020) and its pipe. What it answers, and so what
// this test proves against an implementation nobody here wrote:
//   - CreateQueryUGCDetailsRequest, SendQueryUGCRequest with SteamUGCQueryCompleted_t as a call
//     result (the emulator also posts it as a callback: one event still), GetQueryUGCResult at
//     SteamUGCDetails_t's real layout, GetQueryUGCNumTags / GetQueryUGCTag /
//     GetQueryUGCTagDisplayName (the tag itself), GetQueryUGCPreviewURL, GetNumSupportedGameVersions
//     / GetSupportedGameVersionData (always one range), ReleaseQueryUGCRequest;
//   - every query setter: true on an open query (the emulator stores none but SetAdminQuery and
//     SetRequiredGameVersions, so results do not change), false on an unknown handle;
//   - CreateQueryUserUGCRequest for the server's own account (a subscribed or published list is
//     every item), CreateQueryAllUGCRequestPage (its query always has 0 results; it refuses app IDs
//     other than the running app's);
//   - GetNumSubscribedItems / GetSubscribedItems, GetItemState (SUBSCRIBED | INSTALLED),
//     GetItemInstallInfo (the item's folder, its primary file's size, time_updated),
//     GetItemDownloadInfo (the primary file's size, downloaded and total).
//
// What it does not: BInitWorkshopForGameServer and DownloadItem always answer false (so neither
// DownloadItemResult_t nor ItemInstalled_t ever comes: their layouts are checked only by the
// compilers and the fake), GetAppDependencies starts no call (steam_ugc.cpp returns
// k_uAPICallInvalid for every item, so GetAppDependenciesResult_t never comes either),
// SuspendDownloads does nothing, and GetQueryUGCMetadata,
// GetQueryUGCChildren, GetQueryUGCStatistic, GetQueryUGCNumKeyValueTags / GetQueryUGCKeyValueTag,
// GetQueryUGCNumAdditionalPreviews / GetQueryUGCAdditionalPreview and
// GetQueryUGCContentDescriptors answer false or 0 (empty extras); an unknown ID of a details query
// is left out of the results rather than returned with k_EResultFileNotFound as Steam does.
func TestEmulatorGameServerWorkshop(t *testing.T) {
	withEmulator(t, func(e *emulatorRun) {
		mods := writeWorkshopSettings(t, filepath.Dir(e.lib)) // read when the library starts (srv.Init)
		var be *Backend
		srv := steam.NewServer(func() (steam.Backend, error) {
			b, err := New(Options{LibraryPath: e.lib})
			be = b
			return b, err
		})
		e.logOn(srv, emuConfig, nil)
		server, _ := srv.SteamID()

		if ok, err := srv.InitWorkshopForGameServer(1234, t.TempDir()); ok || err == nil || !strings.Contains(err.Error(), "Steam refused BInitWorkshopForGameServer(1234") {
			t.Errorf("InitWorkshopForGameServer = %v, %v; want the emulator's refusal", ok, err)
		}

		// A details query of both items and an unknown ID, shaped by every setter.
		h, err := srv.CreateQueryUGCDetailsRequest([]uint64{emuModA, emuModB, 999})
		if err != nil {
			t.Fatal(err)
		}
		for opt := steam.UGCRequiredTag; opt <= steam.UGCTimeUpdatedRange; opt++ {
			o := steam.UGCQueryOption{Option: opt, Text: "map", Text2: "2.0", On: true, Tags: []string{"map", "pvp"}, N: 1, M: 2000000000}
			if ok, err := srv.ShapeUGCQuery(h, o); !ok || err != nil {
				t.Errorf("option %d on an open query: %v, %v", opt, ok, err)
			}
		}
		if ok, err := srv.ShapeUGCQuery(h+100, steam.UGCQueryOption{Option: steam.UGCReturnMetadata, On: true}); ok || err == nil {
			t.Errorf("a setter on an unknown handle: %v, %v; want Steam's refusal", ok, err)
		}
		done := e.sendQuery(srv, h)
		if want := (steam.UGCQueryCompleted{Handle: h, Result: steam.ResultOK, Returned: 2, Total: 2}); done != want {
			t.Errorf("SteamUGCQueryCompleted_t %+v, want %+v", done, want)
		}
		for i, want := range []steam.UGCItem{emuItem(mods, emuModA, server), emuItem(mods, emuModB, server)} {
			got, err := srv.QueryUGCItem(h, int64(i))
			if err != nil {
				t.Errorf("result %d: %v", i, err)
				continue
			}
			// The emulator numbers the files' UGC handles itself, from 1 as it loads the settings.
			if f := got.Details; f.FileHandle == 0 || f.PreviewFileHandle == 0 || f.FileHandle == f.PreviewFileHandle {
				t.Errorf("result %d: file handles %d and %d, want two of the emulator's", i, f.FileHandle, f.PreviewFileHandle)
			}
			want.Details.FileHandle, want.Details.PreviewFileHandle = got.Details.FileHandle, got.Details.PreviewFileHandle
			if !reflect.DeepEqual(got, want) {
				t.Errorf("result %d:\n got %#v\nwant %#v", i, got, want)
			}
		}
		if _, err := srv.QueryUGCItem(h, 2); err == nil {
			t.Error("a third result of a query that returned 2")
		}
		if ok, err := srv.ReleaseQueryUGCRequest(h); !ok || err != nil {
			t.Errorf("release: %v, %v", ok, err)
		}
		if ok, err := srv.ReleaseQueryUGCRequest(h); ok || err == nil {
			t.Errorf("a second release: %v, %v; want Steam's refusal", ok, err)
		}

		// The server's own subscribed list is every item; the emulator's all-items query finds none.
		user, err := be.CreateUGCQuery(steam.UGCQuerySpec{User: &steam.UGCQueryUser{Account: server.AccountID(), ListType: 6,
			Creator: 480, Consumer: 480, Page: 1}})
		if err != nil {
			t.Fatal(err)
		}
		if done := e.sendQuery(srv, user); done.Returned != 2 || done.Result != steam.ResultOK {
			t.Errorf("user query: %+v, want both items", done)
		}
		all, err := srv.CreateQueryAllUGCRequest(steam.UGCQueryAll{QueryType: 1, Creator: 480, Consumer: 480, Page: 1})
		if err != nil {
			t.Fatal(err)
		}
		if done := e.sendQuery(srv, all); done != (steam.UGCQueryCompleted{Handle: all, Result: steam.ResultOK}) {
			t.Errorf("all-items query: %+v, want the emulator's empty answer", done)
		}
		if _, err := srv.CreateQueryAllUGCRequest(steam.UGCQueryAll{QueryType: 1, Creator: 7, Consumer: 480, Page: 1}); err == nil ||
			!strings.Contains(err.Error(), "k_UGCQueryHandleInvalid") {
			t.Errorf("an all-items query for another app: %v, want Steam's invalid handle", err)
		}

		// The items as installed.
		if ids, err := srv.SubscribedItems(); err != nil || !reflect.DeepEqual(ids, []uint64{emuModA, emuModB}) {
			t.Errorf("subscribed items %v, %v", ids, err)
		}
		if st, _ := srv.ItemState(emuModA); st != steam.ItemStateSubscribed|steam.ItemStateInstalled {
			t.Errorf("item state %d, want SUBSCRIBED | INSTALLED", st)
		}
		if st, _ := srv.ItemState(999); st != steam.ItemStateNone {
			t.Errorf("unknown item's state %d", st)
		}
		size := uint64(len(emuMapScene))
		info, ok, err := srv.ItemInstallInfo(emuModA)
		if want := (steam.InstallInfo{Size: size, Folder: filepath.Join(mods, "2001"), Timestamp: 1700000500}); !ok || err != nil || info != want {
			t.Errorf("install info %+v, %v, %v; want %+v", info, ok, err, want)
		}
		if d, total, ok, err := srv.ItemDownloadInfo(emuModA); !ok || err != nil || d != size || total != size {
			t.Errorf("download info %d/%d, %v, %v", d, total, ok, err)
		}
		if _, ok, _ := srv.ItemInstallInfo(999); ok {
			t.Error("install info for an unknown item")
		}
		if ok, err := srv.DownloadItem(emuModA, true); ok || err == nil {
			t.Errorf("DownloadItem = %v, %v; want the emulator's refusal", ok, err)
		}
		be.SuspendDownloads(true) // reaches the emulator, which does nothing with it

		// gbe_fork's GetAppDependencies starts no call (k_uAPICallInvalid for every item): an error,
		// no signal, and no call left for isAPICallCompleted to ask about.
		if st, err := srv.IsAPICallCompleted(); st != (steam.APICallStatus{Completed: true}) || err != nil {
			t.Errorf("IsAPICallCompleted after the last query = %+v, %v; want completed", st, err)
		}
		for _, id := range []uint64{emuModA, 999} {
			if err := srv.GetAppDependencies(id); err == nil || err.Error() != fmt.Sprintf("Steam refused GetAppDependencies(%d): k_uAPICallInvalid", id) {
				t.Errorf("GetAppDependencies(%d) = %v; want the emulator's refusal", id, err)
			}
		}
		if st, err := srv.IsAPICallCompleted(); st != (steam.APICallStatus{}) || err != nil {
			t.Errorf("IsAPICallCompleted after a refused GetAppDependencies = %+v, %v; want Steam asked about no call", st, err)
		}

		for _, ev := range e.quiet(srv, 50) {
			switch ev.(type) {
			case steam.UGCQueryCompleted, steam.ItemDownloaded, steam.ItemInstalled, steam.AppDependencies:
				t.Errorf("an event no call asked for: %#v", ev)
			}
		}
		if err := srv.Shutdown(); err != nil {
			t.Fatal(err)
		}
	})
}

// The emulator's two workshop items.
const (
	emuModA     = 2001
	emuModB     = 2002
	emuMapScene = "[gd_scene format=3]\n[node name=\"Arena\" type=\"Node3D\"]\n"
)

// writeWorkshopSettings puts the items in the emulator's settings beside its library: mods.json
// (their details) and steam_settings/mods/<id>/ (their files). It returns the mods folder.
func writeWorkshopSettings(t *testing.T, libDir string) string {
	t.Helper()
	settings := filepath.Join(libDir, "steam_settings")
	mods := filepath.Join(settings, "mods")
	for _, id := range []string{"2001", "2002"} {
		if err := os.MkdirAll(filepath.Join(mods, id), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(mods, "2001", "arena.tscn"), []byte(emuMapScene), 0o644); err != nil {
		t.Fatal(err)
	}
	items := map[string]any{
		"2001": map[string]any{"title": "Arena", "description": "A small map", "tags": "map, pvp", "primary_filename": "arena.tscn",
			"time_created": 1700000000, "time_updated": 1700000500, "time_added": 1700000900, "upvotes": 10, "downvotes": 2, "score": 0.75,
			"preview_url": "https://example.com/arena.png", "workshop_item_url": "https://example.com/item/2001",
			"steam_id_owner": 76561197960287930}, // ignored: the emulator names the server as every item's owner
		"2002": map[string]any{"title": "Dunes", "description": "Sand", "time_created": 1700001000, "time_updated": 1700001000,
			"time_added": 1700001100},
	}
	data, err := json.Marshal(items)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(settings, "mods.json"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	return mods
}

// emuItem is what the emulator answers for an item of writeWorkshopSettings: its mods.json
// fields, the running app's IDs, the server as owner (whatever mods.json says), and the emulator's
// defaults (votes 500/12 and their ratio as score, the Steam community URL). This build keeps
// neither total_files_sizes nor min/max_game_branch of mods.json (settings.cpp addModDetails does
// not copy them): m_ulTotalFilesSize is 0 and the one game-version range empty, for every item.
func emuItem(mods string, id uint64, server steam.SteamID) steam.UGCItem {
	it := steam.UGCItem{Result: steam.ResultOK, FileID: id, Owner: server, GameVersions: []steam.UGCGameVersion{{}},
		Details: steam.UGCDetails{CreatorAppID: 480, ConsumerAppID: 480, AcceptedForUse: true}}
	switch id {
	case emuModA:
		it.Title, it.Description, it.TimeCreated, it.TimeUpdated = "Arena", "A small map", 1700000000, 1700000500
		it.Tags, it.TagDisplayNames = []string{"map", "pvp"}, []string{"map", "pvp"}
		it.VotesUp, it.VotesDown, it.Score = 10, 2, 0.75
		it.PreviewURL = "https://example.com/arena.png"
		it.Details.FileName, it.Details.PrimaryFileSize = "arena.tscn", int32(len(emuMapScene))
		it.Details.URL = "https://example.com/item/2001"
		it.Details.TimeAddedToUserList = 1700000900
	case emuModB:
		it.Title, it.Description, it.TimeCreated, it.TimeUpdated = "Dunes", "Sand", 1700001000, 1700001000
		it.VotesUp, it.VotesDown, it.Score = 500, 12, 500.0/512
		it.Details.TimeAddedToUserList = 1700001100
		it.Details.URL = "https://steamcommunity.com/sharedfiles/filedetails/?id=2002"
	}
	return it
}

// sendQuery sends query h and waits for its SteamUGCQueryCompleted_t.
func (e *emulatorRun) sendQuery(srv *steam.Server, h uint64) steam.UGCQueryCompleted {
	e.t.Helper()
	if err := srv.SendQueryUGCRequest(h); err != nil {
		e.t.Fatal(err)
	}
	return waitEvent(e, srv, func(c steam.UGCQueryCompleted) bool { return c.Handle == h })
}
