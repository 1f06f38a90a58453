package main

/*
#include "gdext.h"
*/
import "C"

import (
	"github.com/gosteam/godot-steam-server/signals"
	"github.com/gosteam/godot-steam-server/steam"
)

// Where Workshop items install, downloading them, and what is known of one item without a query.

var itemStateRet = result[steam.ItemState]{kind: kind{typeInt, metaUint32, "int", ""}, encode: func(r *C.sv_ret, v steam.ItemState) { r.i = C.int64_t(v) }}

var ugcDownloadMethods = []method{
	{name: "initWorkshopForGameServer", steam: "ISteamUGC::BInitWorkshopForGameServer", args: names("workshop_depot_id", "folder"),
		bind: call2(uint32Arg, text, boolRet, (*steam.Server).InitWorkshopForGameServer),
		doc:  "Names the folder (an absolute filesystem path: `ProjectSettings.globalize_path`) Workshop items install into, under `steamapps/workshop/content/<app id>/`."},
	{name: "downloadItem", emits: []signals.ID{signals.ItemDownloaded, signals.ItemInstalled}, steam: "ISteamUGC::DownloadItem", args: names("published_file_id", "high_priority"),
		offline: "copies the catalogue's folder, in the background, renamed into place when whole",
		bind:    call2(handle, boolean, boolRet, (*steam.Server).DownloadItem),
		doc:     "Downloads (or updates) an item into the Workshop folder. Triggers item_downloaded, then item_installed."},
	{name: "suspendDownloads", steam: "ISteamUGC::SuspendDownloads", args: names("suspend"),
		offline: "a suspended copy waits before it starts (DOWNLOAD_PENDING) or between 64 KiB chunks (DOWNLOADING); serverShutdown still stops it, and ends the suspension",
		bind:    do1(boolean, (*steam.Server).SuspendDownloads),
		doc:     "Pauses (true) or resumes (false) every Workshop download; downloads asked for meanwhile wait too."},
	{name: "getItemDownloadInfo", steam: "ISteamUGC::GetItemDownloadInfo", args: names("published_file_id"),
		bind: call1(handle, dictRet(downloadInfoDict), func(s *steam.Server, id uint64) (downloadInfo, error) {
			d, t, ok, err := s.ItemDownloadInfo(id)
			return downloadInfo{ok, d, t}, err
		}), doc: "A download's progress: `{ret, downloaded, total}` (bytes); `{ret: false}` when none."},
	{name: "getItemInstallInfo", steam: "ISteamUGC::GetItemInstallInfo", args: names("published_file_id"),
		bind: call1(handle, dictRet(installInfoDict), func(s *steam.Server, id uint64) (installInfo, error) {
			info, ok, err := s.ItemInstallInfo(id)
			return installInfo{ok, info}, err
		}), doc: "An installed item: `{ret, size, folder, timestamp}`; `{ret: false}` when not installed."},
	{name: "getItemState", steam: "ISteamUGC::GetItemState", args: names("published_file_id"),
		bind: call1(handle, itemStateRet, (*steam.Server).ItemState), doc: "The item's ItemState flags (INSTALLED, NEEDS_UPDATE, DOWNLOADING, DOWNLOAD_PENDING)."},
	{name: "getAppDependencies", emits: []signals.ID{signals.GetAppDependenciesResult}, steam: "ISteamUGC::GetAppDependencies", args: names("published_file_id"),
		offline: "the catalogue's `app_dependencies` of the item; RESULT_FILE_NOT_FOUND for an item not in it",
		bind:    do1(handle, (*steam.Server).GetAppDependencies),
		doc:     "Asks which apps (usually DLC) an item needs. Triggers get_app_dependencies_result, once per 32 apps (once for none)."},
	{name: "getNumSubscribedItems", steam: "ISteamUGC::GetNumSubscribedItems", offline: "0: a game server subscribes to nothing",
		bind: call0(uint32Ret, func(s *steam.Server) (uint32, error) { ids, err := s.SubscribedItems(); return uint32(len(ids)), err }),
		doc:  "How many items the server is subscribed to."},
	{name: "getSubscribedItems", steam: "ISteamUGC::GetSubscribedItems", offline: "empty: a game server subscribes to nothing",
		bind: call0(idListRet, (*steam.Server).SubscribedItems), doc: "The published file IDs the server is subscribed to."},
}
