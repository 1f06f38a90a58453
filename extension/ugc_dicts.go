package main

import (
	"strings"

	"github.com/gosteam/godot-steam-server/steam"
)

// The Workshop's Dictionaries, with GodotSteam Server 4's keys (godotsteam_server.cpp).

// ugcKeyNames are their keys that no other Dictionary has (description and size are the state's
// and the ticket's); key keyUGC+i is ugcKeyNames[i].
var ugcKeyNames = [...]string{
	"result", "file_id", "file_type", "creator_app_id", "consumer_app_id", "title",
	"steam_id_owner", "time_created", "time_updated", "time_added_to_user_list", "visibility", "banned",
	"accepted_for_use", "tags_truncated", "tags", "handle_file", "handle_preview_file", "file_name",
	"file_size", "preview_file_size", "url", "votes_up", "votes_down", "score", "num_children",
	"total_files_size", "ret", "downloaded", "total", "folder", "timestamp",
}

// ugcKey is the key named name, among all the keys (TestWorkshopDictionaryKeys checks each name used).
func ugcKey(name string) key {
	for k, n := range keyNames {
		if n == name {
			return key(k)
		}
	}
	panic("no Dictionary key " + name)
}

// queryResultFields are getQueryUGCResult's keys, each with its value in an item; Steam's
// fields the offline catalogue has no value for are 0, "" or false.
var queryResultFields = []struct {
	name string
	of   func(it *steam.UGCItem) any // int64, string, bool or float64
}{
	{"result", func(it *steam.UGCItem) any { return int64(it.Result) }},
	{"file_id", func(it *steam.UGCItem) any { return int64(it.FileID) }},
	{"file_type", func(it *steam.UGCItem) any { return int64(it.FileType) }},
	{"creator_app_id", func(*steam.UGCItem) any { return int64(0) }},
	{"consumer_app_id", func(*steam.UGCItem) any { return int64(0) }},
	{"title", func(it *steam.UGCItem) any { return it.Title }},
	{"description", func(it *steam.UGCItem) any { return it.Description }},
	{"steam_id_owner", func(it *steam.UGCItem) any { return int64(it.Owner) }},
	{"time_created", func(it *steam.UGCItem) any { return int64(it.TimeCreated) }},
	{"time_updated", func(it *steam.UGCItem) any { return int64(it.TimeUpdated) }},
	{"time_added_to_user_list", func(*steam.UGCItem) any { return int64(0) }},
	{"visibility", func(it *steam.UGCItem) any { return int64(it.Visibility) }},
	{"banned", func(it *steam.UGCItem) any { return it.Banned }},
	{"accepted_for_use", func(*steam.UGCItem) any { return true }},
	{"tags_truncated", func(*steam.UGCItem) any { return false }},
	{"tags", func(it *steam.UGCItem) any { return strings.Join(it.Tags, ",") }},
	{"handle_file", func(*steam.UGCItem) any { return int64(0) }},
	{"handle_preview_file", func(*steam.UGCItem) any { return int64(0) }},
	{"file_name", func(*steam.UGCItem) any { return "" }},
	{"file_size", func(it *steam.UGCItem) any { return int64(it.FileSize) }},
	{"preview_file_size", func(*steam.UGCItem) any { return int64(0) }},
	{"url", func(it *steam.UGCItem) any { return it.PreviewURL }},
	{"votes_up", func(it *steam.UGCItem) any { return int64(it.VotesUp) }},
	{"votes_down", func(it *steam.UGCItem) any { return int64(it.VotesDown) }},
	{"score", func(it *steam.UGCItem) any { return float64(it.Score) }},
	{"num_children", func(it *steam.UGCItem) any { return int64(len(it.Children)) }},
	{"total_files_size", func(it *steam.UGCItem) any { return int64(it.FileSize) }},
}

// queryResultDict is getQueryUGCResult's answer, SteamUGCDetails_t as GodotSteam Server 4 returns
// it; {} when the query or index has no result.
func queryResultDict(d dict, it steam.UGCItem) {
	if it.FileID == 0 {
		return
	}
	for _, f := range queryResultFields {
		switch v := f.of(&it).(type) {
		case int64:
			d.int(ugcKey(f.name), v)
		case string:
			d.string(ugcKey(f.name), v)
		case bool:
			d.bool(ugcKey(f.name), v)
		case float64:
			d.float(ugcKey(f.name), v)
		}
	}
}

// downloadInfo is getItemDownloadInfo's {ret, downloaded, total}: ret alone when Steam has none.
type downloadInfo struct {
	ok                bool
	downloaded, total uint64
}

func downloadInfoDict(d dict, v downloadInfo) {
	d.bool(ugcKey("ret"), v.ok)
	if v.ok {
		d.int(ugcKey("downloaded"), int64(v.downloaded))
		d.int(ugcKey("total"), int64(v.total))
	}
}

// installInfo is getItemInstallInfo's {ret, size, folder, timestamp}: ret alone when not installed.
type installInfo struct {
	ok   bool
	info steam.InstallInfo
}

func installInfoDict(d dict, v installInfo) {
	d.bool(ugcKey("ret"), v.ok)
	if v.ok {
		d.int(keySize, int64(v.info.Size))
		d.string(ugcKey("folder"), v.info.Folder)
		d.int(ugcKey("timestamp"), int64(v.info.Timestamp))
	}
}
