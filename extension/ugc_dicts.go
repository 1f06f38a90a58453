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
	// The result parts' (ugc_results.go).
	"success", "handle", "index", "tag", "key", "value", "children", "preview", "urlOrVideo", "filename",
	"descriptors", "min", "max",
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

// queryResultFields are getQueryUGCResult's keys, each with its value in an item (SteamUGCDetails_t's
// fields beyond the catalogue's are in it.Details: read from Steam, or filled offline by the backend).
var queryResultFields = []struct {
	name string
	of   func(it *steam.UGCItem) any // int64, string, bool or float64
}{
	{"result", func(it *steam.UGCItem) any { return int64(it.Result) }},
	{"file_id", func(it *steam.UGCItem) any { return int64(it.FileID) }},
	{"file_type", func(it *steam.UGCItem) any { return int64(it.FileType) }},
	{"creator_app_id", func(it *steam.UGCItem) any { return int64(it.Details.CreatorAppID) }},
	{"consumer_app_id", func(it *steam.UGCItem) any { return int64(it.Details.ConsumerAppID) }},
	{"title", func(it *steam.UGCItem) any { return it.Title }},
	{"description", func(it *steam.UGCItem) any { return it.Description }},
	{"steam_id_owner", func(it *steam.UGCItem) any { return int64(it.Owner) }},
	{"time_created", func(it *steam.UGCItem) any { return int64(it.TimeCreated) }},
	{"time_updated", func(it *steam.UGCItem) any { return int64(it.TimeUpdated) }},
	{"time_added_to_user_list", func(it *steam.UGCItem) any { return int64(it.Details.TimeAddedToUserList) }},
	{"visibility", func(it *steam.UGCItem) any { return int64(it.Visibility) }},
	{"banned", func(it *steam.UGCItem) any { return it.Banned }},
	{"accepted_for_use", func(it *steam.UGCItem) any { return it.Details.AcceptedForUse }},
	{"tags_truncated", func(it *steam.UGCItem) any { return it.Details.TagsTruncated }},
	{"tags", func(it *steam.UGCItem) any { return strings.Join(it.Tags, ",") }},
	{"handle_file", func(it *steam.UGCItem) any { return int64(it.Details.FileHandle) }},
	{"handle_preview_file", func(it *steam.UGCItem) any { return int64(it.Details.PreviewFileHandle) }},
	{"file_name", func(it *steam.UGCItem) any { return it.Details.FileName }},
	{"file_size", func(it *steam.UGCItem) any { return int64(it.Details.PrimaryFileSize) }},
	{"preview_file_size", func(it *steam.UGCItem) any { return int64(it.Details.PreviewFileSize) }},
	{"url", func(it *steam.UGCItem) any { return it.Details.URL }},
	{"votes_up", func(it *steam.UGCItem) any { return int64(it.VotesUp) }},
	{"votes_down", func(it *steam.UGCItem) any { return int64(it.VotesDown) }},
	{"score", func(it *steam.UGCItem) any { return float64(it.Score) }},
	{"num_children", func(it *steam.UGCItem) any { return int64(it.Details.NumChildren) }},
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

// put writes the keys every result part's Dictionary starts with: {success, handle, index}.
func (r resultRef) put(d dict) {
	d.bool(ugcKey("success"), true)
	d.int(ugcKey("handle"), int64(r.handle))
	d.int(ugcKey("index"), int64(r.index))
}

// keyValueTag is getQueryUGCKeyValueTag's {success, handle, index, tag, key, value}.
type keyValueTag struct {
	resultRef
	tag uint32
	kv  [2]string
}

func keyValueTagDict(d dict, v keyValueTag) {
	if v.ok {
		v.put(d)
		d.int(ugcKey("tag"), int64(v.tag))
		d.string(ugcKey("key"), v.kv[0])
		d.string(ugcKey("value"), v.kv[1])
	}
}

// children is getQueryUGCChildren's {success, handle, index, children}.
type children struct {
	resultRef
	ids []uint64
}

func childrenDict(d dict, v children) {
	if v.ok {
		v.put(d)
		d.ints(ugcKey("children"), asInts(v.ids))
	}
}

// statistic is getQueryUGCStatistic's {success, handle, index, type, value}.
type statistic struct {
	resultRef
	stat  int64
	value uint64
}

func statisticDict(d dict, v statistic) {
	if v.ok {
		v.put(d)
		d.int(keyType, v.stat)
		d.int(ugcKey("value"), int64(v.value))
	}
}

// preview is getQueryUGCAdditionalPreview's {success, handle, index, preview, urlOrVideo, filename, type}.
type preview struct {
	resultRef
	n uint32
	p steam.UGCPreview
}

func previewDict(d dict, v preview) {
	if v.ok {
		v.put(d)
		d.int(ugcKey("preview"), int64(v.n))
		d.string(ugcKey("urlOrVideo"), v.p.URLOrVideo)
		d.string(ugcKey("filename"), v.p.Filename)
		d.int(keyType, int64(v.p.Type))
	}
}

// descriptors is getQueryUGCContentDescriptors' {result, handle, index, descriptors}: result is
// how many it holds (GodotSteam Server 4 counts them there, and has no success key).
type descriptors struct {
	resultRef
	ids []int32
}

func descriptorsDict(d dict, v descriptors) {
	if v.ok {
		d.int(ugcKey("result"), int64(len(v.ids)))
		d.int(ugcKey("handle"), int64(v.handle))
		d.int(ugcKey("index"), int64(v.index))
		d.ints(ugcKey("descriptors"), asInts(v.ids))
	}
}

// gameVersion is getSupportedGameVersionData's {min, max, size}. size is the buffer size the
// branch names are read into (GodotSteam Server 4 passes 0 there, so Steam writes neither name).
type gameVersion struct {
	ok bool
	v  steam.UGCGameVersion
}

func gameVersionDict(d dict, v gameVersion) {
	if v.ok {
		d.string(ugcKey("min"), v.v.Min)
		d.string(ugcKey("max"), v.v.Max)
		d.int(keySize, steamBufferSize)
	}
}

// steamBufferSize is STEAM_BUFFER_SIZE, the buffer each game branch name is read into.
const steamBufferSize = 255

// asInts is a list of IDs as Godot ints (a uint64 keeps its 64 bits).
func asInts[T uint64 | int32](v []T) []int64 {
	out := make([]int64, len(v))
	for i, x := range v {
		out[i] = int64(x)
	}
	return out
}
