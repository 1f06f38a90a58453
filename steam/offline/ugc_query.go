package offline

// Workshop item queries offline, over the data file's catalogue (data_workshop.go). A query is
// shaped by its setters until sendQueryUGCRequest, which answers with ugc_query_completed at the
// next run_callbacks; its results are read until releaseQueryUGCRequest. As with Steam, a details
// query lists its IDs in order, an unknown one with RESULT_FILE_NOT_FOUND; an all-items query
// filters the catalogue by tags, key-value tags and search text, sorts by the query type and
// returns page `page` of UGCResultsPerPage.

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/gosteam/godot-steam-server/steam"
)

// MaxUGCQueries bounds the open query handles: a script that never releases its queries gets a
// refusal, not unbounded memory.
const MaxUGCQueries = 256

// shortDescription is how much of a description Steam returns without setReturnLongDescription.
const shortDescription = 255

type ugcQuery struct {
	ids        []uint64
	all        *steam.UGCQueryAll
	required   []string
	excluded   []string
	requiredKV [][2]string
	search     string
	matchAny   bool
	ret        map[steam.UGCOption]bool
	sent       bool
	done       bool
	results    []steam.UGCItem
	total      uint32
}

type ugcQueries struct {
	next uint64
	open map[uint64]*ugcQuery
}

func (b *Backend) catalogue() *Workshop {
	if b.data == nil || b.data.Workshop == nil {
		return &Workshop{Items: map[uint64]*WorkshopItem{}, MaxItemBytes: DefaultMaxItemBytes}
	}
	return b.data.Workshop
}

func (b *Backend) CreateUGCQuery(spec steam.UGCQuerySpec) (uint64, error) {
	ids, all := spec.IDs, spec.All
	b.mu.Lock()
	defer b.mu.Unlock()
	q := &b.queries
	if len(q.open) >= MaxUGCQueries {
		return steam.UGCQueryHandleInvalid, fmt.Errorf("%d queries are open: release finished ones with releaseQueryUGCRequest", len(q.open))
	}
	if q.open == nil {
		q.open = map[uint64]*ugcQuery{}
	}
	q.next++
	q.open[q.next] = &ugcQuery{ids: append([]uint64{}, ids...), all: all, ret: map[steam.UGCOption]bool{}}
	return q.next, nil
}

func (b *Backend) query(handle uint64) (*ugcQuery, error) {
	q, ok := b.queries.open[handle]
	if !ok {
		return nil, fmt.Errorf("%d is not an open query handle (createQuery*Request, not released)", handle)
	}
	return q, nil
}

var errQuerySent = errors.New("the query was sent already: set it up before sendQueryUGCRequest")

// unsent is the open query handle names, while it has not been sent; called with b.mu held.
func (b *Backend) unsent(handle uint64) (*ugcQuery, error) {
	q, err := b.query(handle)
	if err == nil && q.sent {
		return nil, errQuerySent
	}
	return q, err
}

func (b *Backend) ShapeUGCQuery(handle uint64, opt steam.UGCQueryOption) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	q, err := b.unsent(handle)
	if err != nil {
		return err
	}
	switch opt.Option {
	case steam.UGCRequiredTag:
		q.required = append(q.required, opt.Text)
	case steam.UGCExcludedTag:
		q.excluded = append(q.excluded, opt.Text)
	case steam.UGCRequiredKeyValueTag:
		q.requiredKV = append(q.requiredKV, [2]string{opt.Text, opt.Text2})
	case steam.UGCSearchText:
		q.search = strings.ToLower(opt.Text)
	case steam.UGCMatchAnyTag:
		q.matchAny = opt.On
	case steam.UGCReturnKeyValueTags, steam.UGCReturnMetadata, steam.UGCReturnLongDescription, steam.UGCReturnChildren,
		steam.UGCReturnTotalOnly, steam.UGCReturnOnlyIDs, steam.UGCReturnAdditionalPreviews:
		q.ret[opt.Option] = opt.On
	}
	return nil
}

func (b *Backend) SendUGCQuery(handle uint64) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	q, err := b.unsent(handle)
	if err != nil {
		return err
	}
	q.sent, q.done = true, true
	b.runQuery(q)
	b.push(steam.UGCQueryCompleted{Handle: handle, Result: steam.ResultOK, Returned: uint32(len(q.results)), Total: q.total})
	return nil
}

// runQuery fills q's results from the catalogue.
func (b *Backend) runQuery(q *ugcQuery) {
	cat := b.catalogue()
	var items []steam.UGCItem
	if q.all == nil {
		for _, id := range q.ids {
			if it, ok := cat.Items[id]; ok {
				items = append(items, it.UGCItem)
			} else {
				items = append(items, steam.UGCItem{Result: steam.ResultFileNotFound, FileID: id})
			}
		}
		q.total = uint32(len(items))
	} else {
		for _, id := range sortedIDs(cat.Items) {
			if it := cat.Items[id]; q.matches(&it.UGCItem) {
				items = append(items, it.UGCItem)
			}
		}
		sortItems(items, q.all.QueryType)
		q.total = uint32(len(items))
		start := min(int(q.all.Page-1)*steam.UGCResultsPerPage, len(items))
		items = items[start:min(start+steam.UGCResultsPerPage, len(items))]
	}
	if q.ret[steam.UGCReturnTotalOnly] {
		items = nil
	}
	for i := range items {
		items[i] = q.shape(items[i])
	}
	q.results = items
}

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
	return true
}

// sortItems orders items as the query type ranks them; ties keep file ID order.
func sortItems(items []steam.UGCItem, queryType int64) {
	var less func(a, b *steam.UGCItem) bool
	switch queryType {
	case 1: // UGC_QUERY_RANKED_BY_PUBLICATION_DATE: newest first
		less = func(a, b *steam.UGCItem) bool { return a.TimeCreated > b.TimeCreated }
	case 19: // UGC_QUERY_RANKED_BY_LAST_UPDATED_DATE
		less = func(a, b *steam.UGCItem) bool { return a.TimeUpdated > b.TimeUpdated }
	case 0, 10: // RANKED_BY_VOTE, RANKED_BY_VOTES_UP
		less = func(a, b *steam.UGCItem) bool { return a.VotesUp > b.VotesUp }
	default:
		return
	}
	sort.SliceStable(items, func(i, j int) bool { return less(&items[i], &items[j]) })
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
	return it
}

func (b *Backend) ReleaseUGCQuery(handle uint64) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if _, err := b.query(handle); err != nil {
		return err
	}
	delete(b.queries.open, handle)
	return nil
}

func (b *Backend) UGCQueryItem(handle uint64, index uint32) (steam.UGCItem, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	q, err := b.query(handle)
	if err != nil {
		return steam.UGCItem{}, err
	}
	if !q.done {
		return steam.UGCItem{}, errors.New("the query has no results yet: sendQueryUGCRequest and wait for ugc_query_completed")
	}
	if int(index) >= len(q.results) {
		return steam.UGCItem{}, fmt.Errorf("index %d is past the query's %d results", index, len(q.results))
	}
	// An ID not in the Workshop is a result too, with RESULT_FILE_NOT_FOUND, as Steam gives it.
	return q.results[index], nil
}
