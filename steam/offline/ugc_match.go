package offline

// What a query's setters do to its results offline: which items match (tags, tag groups,
// key-value tags, search text, date ranges), their order, and what each result carries.

import (
	"sort"
	"strings"

	"github.com/gosteam/godot-steam-server/steam"
)

// The ItemStatistic values of setReturnPlaytimeStats' period, returned only when it asked for them.
const (
	statSecondsPlayedDuringPeriod    = 11
	statPlaytimeSessionsDuringPeriod = 12
)

func (q *ugcQuery) matches(it *steam.UGCItem) bool {
	has := func(tag string) bool {
		for _, t := range it.Tags {
			if strings.EqualFold(t, tag) {
				return true
			}
		}
		return false
	}
	for _, t := range q.excluded {
		if has(t) {
			return false
		}
	}
	if len(q.required) > 0 {
		any, all := false, true
		for _, t := range q.required {
			if has(t) {
				any = true
			} else {
				all = false
			}
		}
		if (q.matchAny && !any) || (!q.matchAny && !all) {
			return false
		}
	}
	for _, group := range q.tagGroups {
		found := false
		for _, t := range group {
			found = found || has(t)
		}
		if !found {
			return false
		}
	}
	for _, want := range q.requiredKV {
		found := false
		for _, kv := range it.KeyValues {
			found = found || (kv[0] == want[0] && kv[1] == want[1])
		}
		if !found {
			return false
		}
	}
	if q.search != "" && !strings.Contains(strings.ToLower(it.Title+"\n"+it.Description), q.search) {
		return false
	}
	return !q.created.excludes(it.TimeCreated) && !q.updated.excludes(it.TimeUpdated)
}

// lessFunc orders two results; nil keeps file ID order.
type lessFunc func(a, b *steam.UGCItem) bool

var (
	newestFirst  lessFunc = func(a, b *steam.UGCItem) bool { return a.TimeCreated > b.TimeCreated }
	oldestFirst  lessFunc = func(a, b *steam.UGCItem) bool { return a.TimeCreated < b.TimeCreated }
	updatedFirst lessFunc = func(a, b *steam.UGCItem) bool { return a.TimeUpdated > b.TimeUpdated }
	votesUpFirst lessFunc = func(a, b *steam.UGCItem) bool { return a.VotesUp > b.VotesUp }
	scoreFirst   lessFunc = func(a, b *steam.UGCItem) bool { return a.Score > b.Score }
	byTitle      lessFunc = func(a, b *steam.UGCItem) bool { return a.Title < b.Title }
)

// queryOrders sorts an all-items query by its UGCQuery type; the types the catalogue cannot rank
// (trend, playtime, friends...) keep file ID order.
var queryOrders = map[int64]lessFunc{
	0:  votesUpFirst, // UGC_QUERY_RANKED_BY_VOTE
	1:  newestFirst,  // UGC_QUERY_RANKED_BY_PUBLICATION_DATE
	10: votesUpFirst, // UGC_QUERY_RANKED_BY_VOTES_UP
	19: updatedFirst, // UGC_QUERY_RANKED_BY_LAST_UPDATED_DATE
}

// userListOrders sorts a user's list by its UserUGCListSortOrder; subscription date and
// moderation order keep file ID order (a server has no subscriptions, the catalogue no reports).
var userListOrders = map[int64]lessFunc{
	0: newestFirst,  // USER_UGC_LIST_SORT_ORDER_CREATION_ORDER_DESC
	1: oldestFirst,  // USER_UGC_LIST_SORT_ORDER_CREATION_ORDER_ASC
	2: byTitle,      // USER_UGC_LIST_SORT_ORDER_TITLE_ASC
	3: updatedFirst, // USER_UGC_LIST_SORT_ORDER_LAST_UPDATED_DESC
	5: scoreFirst,   // USER_UGC_LIST_SORT_ORDER_VOTE_SCORE_DESC
}

// sortItems orders items by less; ties keep file ID order.
func sortItems(items []steam.UGCItem, less lessFunc) {
	if less != nil {
		sort.SliceStable(items, func(i, j int) bool { return less(&items[i], &items[j]) })
	}
}

// withDetails fills the SteamUGCDetails_t facts the catalogue implies: an item of this app, accepted,
// its whole content one folder (no legacy primary file: m_nFileSize is the content's size, as
// Steam reports for items uploaded with SetItemContent), children counted whether or not returned.
func withDetails(it steam.UGCItem, app uint32) steam.UGCItem {
	if it.Result != steam.ResultOK {
		return it
	}
	it.Details = steam.UGCDetails{CreatorAppID: app, ConsumerAppID: app, AcceptedForUse: true,
		PrimaryFileSize: int32(min(it.FileSize, 1<<31-1)), NumChildren: uint32(len(it.Children))}
	return it
}

// shape drops what the query's setters did not ask for, as Steam leaves those fields empty.
func (q *ugcQuery) shape(it steam.UGCItem) steam.UGCItem {
	if it.Result != steam.ResultOK {
		return it
	}
	if q.ret[steam.UGCReturnOnlyIDs] {
		return steam.UGCItem{Result: it.Result, FileID: it.FileID}
	}
	it.Tags = append([]string{}, it.Tags...)
	if !q.ret[steam.UGCReturnLongDescription] && len(it.Description) > shortDescription {
		it.Description = it.Description[:shortDescription]
	}
	if !q.ret[steam.UGCReturnKeyValueTags] {
		it.KeyValues = nil
	}
	if !q.ret[steam.UGCReturnMetadata] {
		it.Metadata = ""
	}
	if !q.ret[steam.UGCReturnChildren] {
		it.Children = nil
	}
	if !q.ret[steam.UGCReturnAdditionalPreviews] {
		it.Previews = nil
	}
	if q.playtimeDays == 0 {
		it.Stats = withoutPeriodStats(it.Stats)
	}
	return it
}

// withoutPeriodStats is stats without setReturnPlaytimeStats' period statistics: a copy, as the
// catalogue's map is shared by every query.
func withoutPeriodStats(stats map[int32]uint64) map[int32]uint64 {
	out := make(map[int32]uint64, len(stats))
	for k, v := range stats {
		if k != statSecondsPlayedDuringPeriod && k != statPlaytimeSessionsDuringPeriod {
			out[k] = v
		}
	}
	return out
}
