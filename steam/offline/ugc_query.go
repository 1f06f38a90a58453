package offline

// Workshop item queries offline, over the data file's catalogue (data_workshop.go). A query is
// shaped by its setters until sendQueryUGCRequest, which answers with ugc_query_completed at the
// next run_callbacks; its results are read until releaseQueryUGCRequest. As with Steam, a details
// query lists its IDs in order, an unknown one with RESULT_FILE_NOT_FOUND; an all-items query and
// a user's list are filtered by the setters (ugc_match.go), sorted and returned page `page` of
// UGCResultsPerPage. Of a user's lists the catalogue knows only who published what: the others
// (voted on, favourited, subscribed, played...) are empty.

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/gosteam/godot-steam-server/steam"
)

// MaxUGCQueries bounds the open query handles: a script that never releases its queries gets a
// refusal, not unbounded memory.
const MaxUGCQueries = 256

// shortDescription is how much of a description Steam returns without setReturnLongDescription.
const shortDescription = 255

// userListPublished is USER_UGC_LIST_PUBLISHED, the one list of a user the catalogue knows.
const userListPublished = 0

type ugcQuery struct {
	spec       steam.UGCQuerySpec
	required   []string
	excluded   []string
	tagGroups  [][]string
	requiredKV [][2]string
	search     string
	matchAny   bool
	created    timeRange
	updated    timeRange
	// playtimeDays is setReturnPlaytimeStats' days: 0 leaves out the statistics of that period.
	playtimeDays uint32
	ret          map[steam.UGCOption]bool
	sent         bool
	done         bool
	results      []steam.UGCItem
	total        uint32
}

// timeRange is a setTime*DateRange filter: from to to, both included, when set.
type timeRange struct {
	set      bool
	from, to uint32
}

func (r timeRange) excludes(t uint32) bool { return r.set && (t < r.from || t > r.to) }

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
	spec.IDs = slices.Clone(spec.IDs)
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
	q.open[q.next] = &ugcQuery{spec: spec, ret: map[steam.UGCOption]bool{}}
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
	case steam.UGCRequiredTagGroup:
		q.tagGroups = append(q.tagGroups, slices.Clone(opt.Tags))
	case steam.UGCTimeCreatedRange:
		q.created = timeRange{true, opt.N, opt.M}
	case steam.UGCTimeUpdatedRange:
		q.updated = timeRange{true, opt.N, opt.M}
	case steam.UGCReturnPlaytimeStats:
		q.playtimeDays = opt.N
	}
	// The others (language, cloud file name, admin, cache age, trend days, game versions) change
	// nothing offline: the catalogue has one language, no cloud file names and no hidden items, and
	// is never cached. (The extension never sends game versions: on Steam they are an update's.)
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
	switch all, user := q.spec.All, q.spec.User; {
	case all != nil:
		items = q.page(q.matching(cat, func(*steam.UGCItem) bool { return true }), queryOrders[all.QueryType], all.Page)
	case user != nil:
		published := func(it *steam.UGCItem) bool {
			return user.ListType == userListPublished && it.Owner.AccountID() == user.Account
		}
		items = q.page(q.matching(cat, published), userListOrders[user.Order], user.Page)
	default:
		for _, id := range q.spec.IDs {
			if it, ok := cat.Items[id]; ok {
				items = append(items, it.UGCItem)
			} else {
				items = append(items, steam.UGCItem{Result: steam.ResultFileNotFound, FileID: id})
			}
		}
		q.total = uint32(len(items))
	}
	if q.ret[steam.UGCReturnTotalOnly] {
		items = nil
	}
	app := b.effectiveAppID()
	for i := range items {
		items[i] = q.shape(withDetails(items[i], app))
	}
	q.results = items
}

// matching is the catalogue's items in file ID order that are in the list and pass the setters.
func (q *ugcQuery) matching(cat *Workshop, inList func(*steam.UGCItem) bool) []steam.UGCItem {
	var items []steam.UGCItem
	for _, id := range sortedIDs(cat.Items) {
		if it := &cat.Items[id].UGCItem; inList(it) && q.matches(it) {
			items = append(items, *it)
		}
	}
	return items
}

// page sorts items, counts them as the query's total and returns page `page` (from 1) of them.
func (q *ugcQuery) page(items []steam.UGCItem, order lessFunc, page uint32) []steam.UGCItem {
	sortItems(items, order)
	q.total = uint32(len(items))
	start := min(int(page-1)*steam.UGCResultsPerPage, len(items))
	return items[start:min(start+steam.UGCResultsPerPage, len(items))]
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
