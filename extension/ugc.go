package main

/*
#include "gdext.h"
*/
import "C"

import (
	"slices"

	"github.com/gosteam/godot-steam-server/signals"
	"github.com/gosteam/godot-steam-server/steam"
)

// The Steam Workshop (ISteamUGC through SteamGameServerUGC), GodotSteam Server 4's whole Ugc
// section with its names and signatures, on both classes. By concern: making and shaping queries
// (this file), reading their results (ugc_results.go), where items install and their downloads
// (ugc_downloads.go), and the player's calls a game server cannot make (ugc_player.go); the
// Dictionaries are in ugc_dicts.go. Offline they work on the data file's catalogue
// (docs/workshop.md); on Steam they are ISteamUGC's calls on the game server's interface.

var ugcMethods = slices.Concat(ugcQueryMethods, ugcResultMethods, ugcDownloadMethods, ugcPlayerMethods())

// handle is a query handle or published file ID: a uint64 held in a Godot int.
var handle = param[uint64]{kind{typeInt, metaUint64, "int", ""}, func(a *C.sv_arg) (uint64, error) {
	if a.convertible == 0 {
		return 0, wrongType{"int", a._type}
	}
	return uint64(int64(a.i)), nil
}}

var handleRet = result[uint64]{kind: kind{typeInt, metaUint64, "int", ""}, encode: func(r *C.sv_ret, v uint64) { r.i = C.int64_t(int64(v)) },
	fallback: steam.UGCQueryHandleInvalid}

// uint32s are arguments first, first+1... of v as Steam's uint32s (app IDs, a page).
func uint32s(v []int64, first int) ([]uint32, error) {
	out := make([]uint32, len(v)-first)
	for i := range out {
		var err error
		if out[i], err = toUint32(first+i, v[first+i]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// queryAllBinding is createQueryAllUGCRequest's five arguments.
func queryAllBinding() binding {
	ps := []param[int64]{enumArg("UGCQuery"), enumArg("UGCMatchingUGCType"), uint32Arg, uint32Arg, uint32Arg}
	return callInts(ps, handleRet, func(s *steam.Server, v []int64) (uint64, error) {
		u, err := uint32s(v, 2)
		if err != nil {
			return 0, err
		}
		return s.CreateQueryAllUGCRequest(steam.UGCQueryAll{QueryType: v[0], MatchingType: v[1], Creator: u[0], Consumer: u[1], Page: u[2]})
	})
}

// queryUserBinding is createQueryUserUGCRequest's seven arguments; account_id may be a Steam ID.
func queryUserBinding() binding {
	ps := []param[int64]{intParam(metaUint64), enumArg("UserUGCList"), enumArg("UGCMatchingUGCType"), enumArg("UserUGCListSortOrder"),
		uint32Arg, uint32Arg, uint32Arg}
	return callInts(ps, handleRet, func(s *steam.Server, v []int64) (uint64, error) {
		account, err := steam.UserAccountID(uint64(v[0]))
		if err != nil {
			return 0, err
		}
		u, err := uint32s(v, 4)
		if err != nil {
			return 0, err
		}
		return s.CreateQueryUserUGCRequest(steam.UGCQueryUser{Account: account, ListType: v[1], MatchingType: v[2], Order: v[3],
			Creator: u[0], Consumer: u[1], Page: u[2]})
	})
}

// shape is a query setter taking one value after the handle; set puts it into the option.
func shape[V any](name string, args []string, p param[V], set func(*steam.UGCQueryOption, V) error, option steam.UGCOption, offline, doc string) method {
	return method{name: name, args: args, steam: "ISteamUGC::" + upperFirst(name), offline: offline, doc: doc,
		bind: call2(handle, p, boolRet, func(s *steam.Server, h uint64, v V) (bool, error) {
			opt := steam.UGCQueryOption{Option: option}
			if err := set(&opt, v); err != nil {
				return false, err
			}
			return s.ShapeUGCQuery(h, opt)
		})}
}

func setText(o *steam.UGCQueryOption, v string) error   { o.Text = v; return nil }
func setOn(o *steam.UGCQueryOption, v bool) error       { o.On = v; return nil }
func setTags(o *steam.UGCQueryOption, v []string) error { o.Tags = v; return nil }
func setCount(o *steam.UGCQueryOption, v int64) (err error) {
	o.N, err = toUint32(1, v)
	return err
}

// shapeText is a query setter taking one String (a tag, the search text...).
func shapeText(name, arg string, option steam.UGCOption, doc string) method {
	return shape(name, names("query_handle", arg), text, setText, option, "", doc)
}

// shapeFlag is a query setter taking one bool (what results return).
func shapeFlag(name, arg string, option steam.UGCOption, doc string) method {
	return shape(name, names("query_handle", arg), boolean, setOn, option, "", doc)
}

// shapeDates is setTimeCreatedDateRange or setTimeUpdatedDateRange: Unix times, both ends included.
func shapeDates(name string, option steam.UGCOption, doc string) method {
	return method{name: name, args: names("update_handle", "start", "end"), steam: "ISteamUGC::" + upperFirst(name), doc: doc,
		bind: call3(handle, uint32Arg, uint32Arg, boolRet, func(s *steam.Server, h uint64, start, end int64) (bool, error) {
			from, err := toUint32(1, start)
			if err != nil {
				return false, err
			}
			to, err := toUint32(2, end)
			if err != nil {
				return false, err
			}
			return s.ShapeUGCQuery(h, steam.UGCQueryOption{Option: option, N: from, M: to})
		})}
}

func upperFirst(s string) string { return string(s[0]-'a'+'A') + s[1:] }

var ugcQueryMethods = []method{
	{name: "createQueryAllUGCRequest", steam: "ISteamUGC::CreateQueryAllUGCRequest", args: names("query_type", "matching_type", "creator_id", "consumer_id", "page"),
		bind: queryAllBinding(), doc: "A query for every matching item, one page (from 1) of NUM_UGC_RESULTS_PER_PAGE; returns its handle (UGC_QUERY_HANDLE_INVALID when refused)."},
	{name: "createQueryUGCDetailsRequest", steam: "ISteamUGC::CreateQueryUGCDetailsRequest", args: names("published_file_id"),
		bind: call1(idList, handleRet, (*steam.Server).CreateQueryUGCDetailsRequest),
		doc:  "A query for the items whose published file IDs the Array lists (1 to 50); returns its handle."},
	{name: "createQueryUserUGCRequest", steam: "ISteamUGC::CreateQueryUserUGCRequest",
		args:    names("account_id", "list_type", "matching_ugc_type", "sort_order", "creator_id", "consumer_id", "page"),
		offline: "USER_UGC_LIST_PUBLISHED lists the catalogue's items whose `owner` has this account ID; the other lists (voted on, favourited, subscribed, played...) are empty, as the catalogue does not know them",
		bind:    queryUserBinding(),
		doc:     "A query for one page (from 1) of a user's list of items (a UserUGCList: published, voted on, favourited...), sorted by a UserUGCListSortOrder. `account_id` is the account ID (getSteamID32) or the player's Steam ID; returns the handle (UGC_QUERY_HANDLE_INVALID when refused)."},
	shapeText("addRequiredTag", "tag_name", steam.UGCRequiredTag, "Results must have this tag."),
	shape("addRequiredTagGroup", names("query_handle", "tag_array"), tagList, setTags, steam.UGCRequiredTagGroup, "",
		"Results must have at least one of the tags the Array lists (Strings); with several groups, one of each."),
	shapeText("addExcludedTag", "tag_name", steam.UGCExcludedTag, "Results must not have this tag."),
	{name: "addRequiredKeyValueTag", steam: "ISteamUGC::AddRequiredKeyValueTag", args: names("query_handle", "key", "value"),
		bind: call3(handle, text, text, boolRet, func(s *steam.Server, h uint64, k, v string) (bool, error) {
			return s.ShapeUGCQuery(h, steam.UGCQueryOption{Option: steam.UGCRequiredKeyValueTag, Text: k, Text2: v})
		}), doc: "Results must have this key-value tag."},
	shapeText("setSearchText", "search_text", steam.UGCSearchText, "Results must contain this text in their title or description."),
	shapeFlag("setMatchAnyTag", "match_any_tag", steam.UGCMatchAnyTag, "Results need only one of the required tags."),
	shapeDates("setTimeCreatedDateRange", steam.UGCTimeCreatedRange, "Results were created from `start` to `end` (Unix times, both included)."),
	shapeDates("setTimeUpdatedDateRange", steam.UGCTimeUpdatedRange, "Results were last updated from `start` to `end` (Unix times, both included)."),
	shapeFlag("setReturnKeyValueTags", "return_key_value_tags", steam.UGCReturnKeyValueTags, "Results carry their key-value tags."),
	shapeFlag("setReturnMetadata", "return_metadata", steam.UGCReturnMetadata, "Results carry their metadata."),
	shapeFlag("setReturnLongDescription", "return_long_description", steam.UGCReturnLongDescription, "Results carry their whole description."),
	shapeFlag("setReturnChildren", "return_children", steam.UGCReturnChildren, "Results carry their children's IDs."),
	shapeFlag("setReturnTotalOnly", "return_total_only", steam.UGCReturnTotalOnly, "The query counts matches and returns none."),
	shapeFlag("setReturnOnlyIDs", "return_only_ids", steam.UGCReturnOnlyIDs, "Results carry their IDs only."),
	shapeFlag("setReturnAdditionalPreviews", "return_additional_previews", steam.UGCReturnAdditionalPreviews, "Results carry their additional previews."),
	shape("setReturnPlaytimeStats", names("query_handle", "days"), uint32Arg, setCount, steam.UGCReturnPlaytimeStats,
		"the catalogue's values of those two statistics, whatever the days", "Results carry the playtime statistics of the last `days` days (ITEM_STATISTIC_NUM_SECONDS_PLAYED_DURING_TIME_PERIOD, ..._PLAYTIME_SESSIONS_DURING_TIME_PERIOD); 0 leaves them out."),
	shape("setLanguage", names("query_handle", "language"), text, setText, steam.UGCLanguage,
		"accepted on an unsent query; the catalogue has one language, returned whatever this says", "Results' title and description in this language (a Steam API language code: \"english\", \"schinese\"...)."),
	shape("setCloudFileNameFilter", names("update_handle", "match_cloud_filename"), text, setText, steam.UGCCloudFileNameFilter,
		"accepted on an unsent query; the catalogue has no cloud file names, so it changes nothing", "Results of a user's list must have this cloud file name (items uploaded through Remote Storage)."),
	shape("setAdminQuery", names("update_handle", "admin_query"), boolean, setOn, steam.UGCAdminQuery,
		"accepted on an unsent query; the catalogue has no hidden items, so it changes nothing", "Results include hidden items, for accounts with the app's admin rights."),
	shape("setAllowCachedResponse", names("update_handle", "max_age_seconds"), uint32Arg, setCount, steam.UGCAllowCachedResponse,
		"accepted on an unsent query; offline answers are never cached", "Steam may answer from its cache this old."),
	shape("setRankedByTrendDays", names("query_handle", "days"), uint32Arg, setCount, steam.UGCRankedByTrendDays,
		"accepted on an unsent query; changes nothing offline", "The trend window of a ranked-by-trend query."),
	{name: "sendQueryUGCRequest", emits: []signals.ID{signals.UGCQueryCompleted}, steam: "ISteamUGC::SendQueryUGCRequest", args: names("update_handle"),
		bind: do1(handle, (*steam.Server).SendQueryUGCRequest), doc: "Runs the query. Triggers ugc_query_completed."},
	{name: "releaseQueryUGCRequest", steam: "ISteamUGC::ReleaseQueryUGCRequest", args: names("query_handle"),
		bind: call1(handle, boolRet, (*steam.Server).ReleaseQueryUGCRequest), doc: "Frees a query and its results."},
}
