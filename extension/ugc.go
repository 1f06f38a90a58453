package main

/*
#include "gdext.h"
*/
import "C"

import (
	"fmt"

	"github.com/gosteam/godot-steam-server/signals"
	"github.com/gosteam/godot-steam-server/steam"
)

// The server side of the Steam Workshop (ISteamUGC through SteamGameServerUGC), with GodotSteam
// Server 4's names and signatures, on both classes: where items install, item queries, downloads.
// Offline they work on the data file's catalogue (docs/workshop.md); the steamworks backend refuses
// them for now (steam.ErrNoUGC).

// handle is a query handle or published file ID: a uint64 held in a Godot int.
var handle = param[uint64]{kind{typeInt, metaUint64, "int", ""}, func(a *C.sv_arg) (uint64, error) {
	if a.convertible == 0 {
		return 0, wrongType{"int", a._type}
	}
	return uint64(int64(a.i)), nil
}}

var handleRet = result[uint64]{kind: kind{typeInt, metaUint64, "int", ""}, encode: func(r *C.sv_ret, v uint64) { r.i = C.int64_t(int64(v)) },
	fallback: steam.UGCQueryHandleInvalid}

var (
	queryResultRet  = dictRet(queryResultDict)
	downloadInfoRet = dictRet(downloadInfoDict)
	installInfoRet  = dictRet(installInfoDict)
	itemStateRet    = result[steam.ItemState]{kind: kind{typeInt, metaUint32, "int", ""}, encode: func(r *C.sv_ret, v steam.ItemState) { r.i = C.int64_t(v) }}
)

// queryAllBinding is createQueryAllUGCRequest's five arguments.
func queryAllBinding() binding {
	queryType, matching := enumArg("UGCQuery"), enumArg("UGCMatchingUGCType")
	kinds := []kind{queryType.kind, matching.kind, uint32Arg.kind, uint32Arg.kind, uint32Arg.kind}
	return bind(kinds, handleRet, func(s *steam.Server, in []C.sv_arg, out *C.sv_ret) error {
		var q steam.UGCQueryAll
		var creator, consumer, page int64
		var errs [5]error
		q.QueryType, errs[0] = arg(queryType, in, 0)
		q.MatchingType, errs[1] = arg(matching, in, 1)
		creator, errs[2] = arg(uint32Arg, in, 2)
		consumer, errs[3] = arg(uint32Arg, in, 3)
		page, errs[4] = arg(uint32Arg, in, 4)
		for _, err := range errs {
			if err != nil {
				return finish(handleRet, out, handleRet.fallback, err)
			}
		}
		for i, v := range []int64{creator, consumer, page} {
			if v < 0 || v > 0xFFFFFFFF {
				return finish(handleRet, out, handleRet.fallback, argError{2 + i, fmt.Errorf("must be from 0 to 4294967295, got %d", v)})
			}
		}
		q.Creator, q.Consumer, q.Page = uint32(creator), uint32(consumer), uint32(page)
		v, err := s.CreateQueryAllUGCRequest(q)
		return finish(handleRet, out, v, err)
	})
}

// shapeText is a query setter taking one String (a tag, the search text...).
func shapeText(name, arg string, option steam.UGCOption, doc string) method {
	return method{name: name, args: names("query_handle", arg), steam: "ISteamUGC::" + upperFirst(name), doc: doc,
		bind: call2(handle, text, boolRet, func(s *steam.Server, h uint64, v string) (bool, error) {
			return s.ShapeUGCQuery(h, steam.UGCQueryOption{Option: option, Text: v})
		})}
}

// shapeFlag is a query setter taking one bool (what results return).
func shapeFlag(name, arg string, option steam.UGCOption, doc string) method {
	return method{name: name, args: names("query_handle", arg), steam: "ISteamUGC::" + upperFirst(name), doc: doc,
		bind: call2(handle, boolean, boolRet, func(s *steam.Server, h uint64, on bool) (bool, error) {
			return s.ShapeUGCQuery(h, steam.UGCQueryOption{Option: option, On: on})
		})}
}

// shapeCount is a query setter taking one unsigned 32-bit count (seconds, days).
func shapeCount(name string, args []string, option steam.UGCOption, offline, doc string) method {
	return method{name: name, args: args, steam: "ISteamUGC::" + upperFirst(name), offline: offline, doc: doc,
		bind: call2(handle, uint32Arg, boolRet, func(s *steam.Server, h uint64, v int64) (bool, error) {
			if v < 0 || v > 0xFFFFFFFF {
				return false, argError{1, fmt.Errorf("must be from 0 to 4294967295, got %d", v)}
			}
			return s.ShapeUGCQuery(h, steam.UGCQueryOption{Option: option, N: uint32(v)})
		})}
}

// itemRead reads one field of result index of a completed query.
func itemRead[R any](name string, r result[R], field func(steam.UGCItem) R, doc string) method {
	return method{name: name, args: names("query_handle", "index"), steam: "ISteamUGC::" + upperFirst(name), doc: doc,
		bind: call2(handle, uint32Arg, r, func(s *steam.Server, h uint64, i int64) (R, error) {
			it, err := s.QueryUGCItem(h, i)
			if err != nil {
				return r.fallback, err
			}
			return field(it), nil
		})}
}

func upperFirst(s string) string { return string(s[0]-'a'+'A') + s[1:] }

var ugcMethods = []method{
	{name: "initWorkshopForGameServer", steam: "ISteamUGC::BInitWorkshopForGameServer", args: names("workshop_depot_id", "folder"),
		bind: call2(uint32Arg, text, boolRet, (*steam.Server).InitWorkshopForGameServer),
		doc:  "Names the folder (an absolute filesystem path: `ProjectSettings.globalize_path`) Workshop items install into, under `steamapps/workshop/content/<app id>/`."},
	{name: "createQueryAllUGCRequest", steam: "ISteamUGC::CreateQueryAllUGCRequest", args: names("query_type", "matching_type", "creator_id", "consumer_id", "page"),
		bind: queryAllBinding(), doc: "A query for every matching item, one page (from 1) of NUM_UGC_RESULTS_PER_PAGE; returns its handle (UGC_QUERY_HANDLE_INVALID when refused)."},
	{name: "createQueryUGCDetailsRequest", steam: "ISteamUGC::CreateQueryUGCDetailsRequest", args: names("published_file_id"),
		bind: call1(idList, handleRet, (*steam.Server).CreateQueryUGCDetailsRequest),
		doc:  "A query for the items whose published file IDs the Array lists (1 to 50); returns its handle."},
	shapeText("addRequiredTag", "tag_name", steam.UGCRequiredTag, "Results must have this tag."),
	shapeText("addExcludedTag", "tag_name", steam.UGCExcludedTag, "Results must not have this tag."),
	{name: "addRequiredKeyValueTag", steam: "ISteamUGC::AddRequiredKeyValueTag", args: names("query_handle", "key", "value"),
		bind: call3(handle, text, text, boolRet, func(s *steam.Server, h uint64, k, v string) (bool, error) {
			return s.ShapeUGCQuery(h, steam.UGCQueryOption{Option: steam.UGCRequiredKeyValueTag, Text: k, Text2: v})
		}), doc: "Results must have this key-value tag."},
	shapeText("setSearchText", "search_text", steam.UGCSearchText, "Results must contain this text in their title or description."),
	shapeFlag("setMatchAnyTag", "match_any_tag", steam.UGCMatchAnyTag, "Results need only one of the required tags."),
	shapeFlag("setReturnKeyValueTags", "return_key_value_tags", steam.UGCReturnKeyValueTags, "Results carry their key-value tags."),
	shapeFlag("setReturnMetadata", "return_metadata", steam.UGCReturnMetadata, "Results carry their metadata."),
	shapeFlag("setReturnLongDescription", "return_long_description", steam.UGCReturnLongDescription, "Results carry their whole description."),
	shapeFlag("setReturnChildren", "return_children", steam.UGCReturnChildren, "Results carry their children's IDs."),
	shapeFlag("setReturnTotalOnly", "return_total_only", steam.UGCReturnTotalOnly, "The query counts matches and returns none."),
	shapeFlag("setReturnOnlyIDs", "return_only_ids", steam.UGCReturnOnlyIDs, "Results carry their IDs only."),
	shapeFlag("setReturnAdditionalPreviews", "return_additional_previews", steam.UGCReturnAdditionalPreviews, "Results carry their additional previews."),
	shapeCount("setAllowCachedResponse", names("update_handle", "max_age_seconds"), steam.UGCAllowCachedResponse,
		"accepted on an unsent query; offline answers are never cached", "Steam may answer from its cache this old."),
	shapeCount("setRankedByTrendDays", names("query_handle", "days"), steam.UGCRankedByTrendDays,
		"accepted on an unsent query; changes nothing offline", "The trend window of a ranked-by-trend query."),
	{name: "sendQueryUGCRequest", emits: []signals.ID{signals.UGCQueryCompleted}, steam: "ISteamUGC::SendQueryUGCRequest", args: names("update_handle"),
		bind: do1(handle, (*steam.Server).SendQueryUGCRequest), doc: "Runs the query. Triggers ugc_query_completed."},
	{name: "getQueryUGCResult", steam: "ISteamUGC::GetQueryUGCResult", args: names("query_handle", "index"),
		bind: call2(handle, uint32Arg, queryResultRet, (*steam.Server).QueryUGCItem),
		doc:  "Result `index` of a completed query: `{result, file_id, file_type, title, description, steam_id_owner, time_created, time_updated, tags, url, votes_up, votes_down, score, num_children, file_size, ...}`; `{}` when there is none."},
	itemRead("getQueryUGCNumTags", uint32Ret, func(it steam.UGCItem) uint32 { return uint32(len(it.Tags)) }, "How many tags result `index` has."),
	{name: "getQueryUGCTag", steam: "ISteamUGC::GetQueryUGCTag", args: names("query_handle", "index", "tag_index"),
		bind: call3(handle, uint32Arg, uint32Arg, stringRet, func(s *steam.Server, h uint64, i, tag int64) (string, error) {
			it, err := s.QueryUGCItem(h, i)
			if err != nil {
				return "", err
			}
			if tag < 0 || tag >= int64(len(it.Tags)) {
				return "", argError{2, fmt.Errorf("must be from 0 to %d (the result's tags), got %d", len(it.Tags)-1, tag)}
			}
			return it.Tags[tag], nil
		}), doc: "Tag `tag_index` of result `index`."},
	itemRead("getQueryUGCNumKeyValueTags", uint32Ret, func(it steam.UGCItem) uint32 { return uint32(len(it.KeyValues)) }, "How many key-value tags result `index` has (with setReturnKeyValueTags)."),
	itemRead("getQueryUGCMetadata", stringRet, func(it steam.UGCItem) string { return it.Metadata }, "Result `index`'s metadata (with setReturnMetadata)."),
	itemRead("getQueryUGCPreviewURL", stringRet, func(it steam.UGCItem) string { return it.PreviewURL }, "Result `index`'s preview image URL."),
	{name: "releaseQueryUGCRequest", steam: "ISteamUGC::ReleaseQueryUGCRequest", args: names("query_handle"),
		bind: call1(handle, boolRet, (*steam.Server).ReleaseQueryUGCRequest), doc: "Frees a query and its results."},
	{name: "downloadItem", emits: []signals.ID{signals.ItemDownloaded, signals.ItemInstalled}, steam: "ISteamUGC::DownloadItem", args: names("published_file_id", "high_priority"),
		offline: "copies the catalogue's folder, in the background, renamed into place when whole",
		bind:    call2(handle, boolean, boolRet, (*steam.Server).DownloadItem),
		doc:     "Downloads (or updates) an item into the Workshop folder. Triggers item_downloaded, then item_installed."},
	{name: "getItemDownloadInfo", steam: "ISteamUGC::GetItemDownloadInfo", args: names("published_file_id"),
		bind: call1(handle, downloadInfoRet, func(s *steam.Server, id uint64) (downloadInfo, error) {
			d, t, ok, err := s.ItemDownloadInfo(id)
			return downloadInfo{ok, d, t}, err
		}), doc: "A download's progress: `{ret, downloaded, total}` (bytes); `{ret: false}` when none."},
	{name: "getItemInstallInfo", steam: "ISteamUGC::GetItemInstallInfo", args: names("published_file_id"),
		bind: call1(handle, installInfoRet, func(s *steam.Server, id uint64) (installInfo, error) {
			info, ok, err := s.ItemInstallInfo(id)
			return installInfo{ok, info}, err
		}), doc: "An installed item: `{ret, size, folder, timestamp}`; `{ret: false}` when not installed."},
	{name: "getItemState", steam: "ISteamUGC::GetItemState", args: names("published_file_id"),
		bind: call1(handle, itemStateRet, (*steam.Server).ItemState), doc: "The item's ItemState flags (INSTALLED, NEEDS_UPDATE, DOWNLOADING, DOWNLOAD_PENDING)."},
	{name: "getNumSubscribedItems", steam: "ISteamUGC::GetNumSubscribedItems", offline: "0: a game server subscribes to nothing",
		bind: call0(uint32Ret, func(s *steam.Server) (uint32, error) { ids, err := s.SubscribedItems(); return uint32(len(ids)), err }),
		doc:  "How many items the server is subscribed to."},
	{name: "getSubscribedItems", steam: "ISteamUGC::GetSubscribedItems", offline: "empty: a game server subscribes to nothing",
		bind: call0(idListRet, (*steam.Server).SubscribedItems), doc: "The published file IDs the server is subscribed to."},
}
