package offline

// The Workshop catalogue of an offline data file: the items Steam would serve the app, for the
// server's item queries and downloads (ugc_query.go, ugc_download.go).
//
//	"workshop": {
//	  "max_item_bytes": 104857600,
//	  "items": {
//	    "1001": {"title": "Arena", "description": "A small map", "tags": ["map", "pvp"],
//	             "key_value_tags": {"mode": "ctf"}, "metadata": "v2", "owner": "76561197960287930",
//	             "time_created": 1700000000, "time_updated": 1700000500, "children": ["1002"],
//	             "preview_url": "https://example.com/p.png", "votes_up": 10, "votes_down": 1,
//	             "statistics": {"num_subscriptions": 42}, "folder": "workshop/1001"}
//	  }
//	}
//
// "folder" is the item's content, relative to the data file's folder (or absolute); it must exist
// when serverInit reads the file. "statistics" keys are ItemStatistic's names without the
// ITEM_STATISTIC_ prefix, in lower case. "max_item_bytes" bounds one item's download (default
// DefaultMaxItemBytes): a larger item fails with RESULT_LIMIT_EXCEEDED.

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/gosteam/godot-steam-server/steam"
)

// DefaultMaxItemBytes bounds one item's download when the file does not say.
const DefaultMaxItemBytes = 1 << 30

// WorkshopItem is one catalogue item: its details and where its files are.
type WorkshopItem struct {
	steam.UGCItem
	// Folder holds the item's files (absolute once the data file is read).
	Folder string
}

// Workshop is the catalogue.
type Workshop struct {
	Items        map[uint64]*WorkshopItem
	MaxItemBytes int64
}

type fileWorkshop struct {
	MaxItemBytes *int64                      `json:"max_item_bytes"`
	Items        map[string]fileWorkshopItem `json:"items"`
}

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
}

// statisticNames maps "statistics" keys to ItemStatistic values.
var statisticNames = func() map[string]int32 {
	m := map[string]int32{}
	for _, e := range steam.UGCEnums {
		if e.Name == "ItemStatistic" {
			for _, c := range e.Values {
				m[strings.ToLower(strings.TrimPrefix(c.Name, "ITEM_STATISTIC_"))] = int32(c.Value)
			}
		}
	}
	return m
}()

func parseFileID(where, s string) (uint64, error) {
	id, err := strconv.ParseUint(s, 10, 64)
	if err != nil || id == 0 {
		return 0, fmt.Errorf("%s: %q is not a published file ID (a decimal number above 0)", where, s)
	}
	return id, nil
}

func parseWorkshop(f *fileWorkshop) (*Workshop, error) {
	w := &Workshop{Items: map[uint64]*WorkshopItem{}, MaxItemBytes: DefaultMaxItemBytes}
	if f.MaxItemBytes != nil {
		if *f.MaxItemBytes <= 0 {
			return nil, fmt.Errorf("workshop.max_item_bytes must be above 0, got %d", *f.MaxItemBytes)
		}
		w.MaxItemBytes = *f.MaxItemBytes
	}
	for _, key := range sortedKeys(f.Items) {
		where := "workshop.items." + key
		id, err := parseFileID("workshop.items", key)
		if err != nil {
			return nil, err
		}
		it, err := parseWorkshopItem(where, id, f.Items[key])
		if err != nil {
			return nil, err
		}
		w.Items[id] = it
	}
	for id, it := range w.Items {
		for _, c := range it.Children {
			if _, ok := w.Items[c]; !ok {
				return nil, fmt.Errorf("workshop.items.%d.children: %d is not an item of the catalogue", id, c)
			}
		}
	}
	return w, nil
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
	return it, nil
}

// resolveFolders makes the items' folders absolute against dir and checks each is a folder.
func (w *Workshop) resolveFolders(dir string) error {
	for _, id := range sortedIDs(w.Items) {
		it := w.Items[id]
		if !filepath.IsAbs(it.Folder) {
			it.Folder = filepath.Join(dir, it.Folder)
		}
		st, err := os.Stat(it.Folder)
		switch {
		case err != nil:
			return fmt.Errorf("workshop.items.%d.folder: %s cannot be read: %v", id, it.Folder, err)
		case !st.IsDir():
			return fmt.Errorf("workshop.items.%d.folder: %s is not a folder", id, it.Folder)
		}
	}
	return nil
}

func sortedIDs[V any](m map[uint64]V) []uint64 {
	ids := make([]uint64, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	for i := 1; i < len(ids); i++ {
		for j := i; j > 0 && ids[j] < ids[j-1]; j-- {
			ids[j], ids[j-1] = ids[j-1], ids[j]
		}
	}
	return ids
}
