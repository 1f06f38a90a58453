package offline

// One item of the Workshop catalogue (data_workshop.go): its details as a query returns them, and
// where its files are. Every error names the key it is about.

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/gosteam/godot-steam-server/steam"
)

type fileWorkshopItem struct {
	Title        string            `json:"title"`
	Description  string            `json:"description"`
	Tags         []string          `json:"tags"`
	KeyValueTags map[string]string `json:"key_value_tags"`
	Metadata     string            `json:"metadata"`
	Owner        jsonID            `json:"owner"`
	TimeCreated  int64             `json:"time_created"`
	TimeUpdated  int64             `json:"time_updated"`
	Children     []jsonID          `json:"children"`
	PreviewURL   string            `json:"preview_url"`
	VotesUp      int64             `json:"votes_up"`
	VotesDown    int64             `json:"votes_down"`
	Statistics   map[string]int64  `json:"statistics"`
	Folder       string            `json:"folder"`
	// The extras a query returns (data_workshop_extras.go).
	TagDisplayNames    map[string]string `json:"tag_display_names"`
	ContentDescriptors []string          `json:"content_descriptors"`
	AdditionalPreviews []filePreview     `json:"additional_previews"`
	GameVersions       []fileGameVersion `json:"game_versions"`
	AppDependencies    []int64           `json:"app_dependencies"`
}

// statisticNames maps "statistics" keys to ItemStatistic values.
var statisticNames = enumKeys("ItemStatistic", "ITEM_STATISTIC_")

// enumKeys names the values of one of steam.UGCEnums as the catalogue's keys do: without the
// prefix, in lower case (ITEM_STATISTIC_NUM_SUBSCRIPTIONS is num_subscriptions).
func enumKeys(enum, prefix string) map[string]int32 {
	m := map[string]int32{}
	for _, e := range steam.UGCEnums {
		if e.Name == enum {
			for _, c := range e.Values {
				m[strings.ToLower(strings.TrimPrefix(c.Name, prefix))] = int32(c.Value)
			}
		}
	}
	return m
}

func parseWorkshopItem(where string, id uint64, f fileWorkshopItem) (*WorkshopItem, error) {
	it := &WorkshopItem{UGCItem: steam.UGCItem{Result: steam.ResultOK, FileID: id, Title: f.Title, Description: f.Description,
		Metadata: f.Metadata, PreviewURL: f.PreviewURL, Stats: map[int32]uint64{}}, Folder: f.Folder}
	limits := []struct {
		key string
		v   string
		max int
	}{{"title", f.Title, 128}, {"description", f.Description, 8000}, {"metadata", f.Metadata, 5000}, {"preview_url", f.PreviewURL, 256}}
	for _, l := range limits {
		if len(l.v) > l.max {
			return nil, fmt.Errorf("%s.%s is %d bytes; Steam keeps at most %d", where, l.key, len(l.v), l.max)
		}
	}
	if f.Title == "" {
		return nil, fmt.Errorf("%s.title is missing", where)
	}
	for i, t := range f.Tags {
		if t == "" || len(t) > 255 || strings.Contains(t, ",") {
			return nil, fmt.Errorf("%s.tags[%d]: %q must be 1 to 255 bytes without a comma", where, i, t)
		}
	}
	it.Tags = append([]string{}, f.Tags...)
	for _, k := range sortedKeys(f.KeyValueTags) {
		if len(k) > 255 || len(f.KeyValueTags[k]) > 255 || k == "" {
			return nil, fmt.Errorf("%s.key_value_tags.%s: keys are 1 to 255 bytes, values at most 255", where, k)
		}
		it.KeyValues = append(it.KeyValues, [2]string{k, f.KeyValueTags[k]})
	}
	if f.Owner != "" {
		owner, err := strconv.ParseUint(string(f.Owner), 10, 64)
		if err != nil {
			return nil, fmt.Errorf("%s.owner: %q is not a Steam ID", where, string(f.Owner))
		}
		it.Owner = steam.SteamID(owner)
	}
	for _, t := range []struct {
		key string
		v   int64
		dst *uint32
	}{{"time_created", f.TimeCreated, &it.TimeCreated}, {"time_updated", f.TimeUpdated, &it.TimeUpdated},
		{"votes_up", f.VotesUp, &it.VotesUp}, {"votes_down", f.VotesDown, &it.VotesDown}} {
		if t.v < 0 || t.v > 0xFFFFFFFF {
			return nil, fmt.Errorf("%s.%s must be from 0 to 4294967295, got %d", where, t.key, t.v)
		}
		*t.dst = uint32(t.v)
	}
	if it.TimeUpdated < it.TimeCreated {
		it.TimeUpdated = it.TimeCreated
	}
	if n := it.VotesUp + it.VotesDown; n > 0 {
		it.Score = float32(it.VotesUp) / float32(n)
	}
	for i, c := range f.Children {
		cid, err := parseFileID(fmt.Sprintf("%s.children[%d]", where, i), string(c))
		if err != nil {
			return nil, err
		}
		it.Children = append(it.Children, cid)
	}
	for _, k := range sortedKeys(f.Statistics) {
		st, ok := statisticNames[k]
		if !ok {
			return nil, fmt.Errorf("%s.statistics.%s is not an ItemStatistic (e.g. num_subscriptions)", where, k)
		}
		if f.Statistics[k] < 0 {
			return nil, fmt.Errorf("%s.statistics.%s must not be negative", where, k)
		}
		it.Stats[st] = uint64(f.Statistics[k])
	}
	if f.Folder == "" {
		return nil, fmt.Errorf("%s.folder is missing: the folder holding the item's files, relative to the data file", where)
	}
	return it, parseItemExtras(where, f, it)
}
