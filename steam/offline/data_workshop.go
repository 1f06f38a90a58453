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
// DefaultMaxItemBytes): a larger item fails with RESULT_LIMIT_EXCEEDED. An item's display names of
// tags, content descriptors, additional previews, game versions and app dependencies:
// data_workshop_extras.go.

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"github.com/gosteam/godot-steam-server/steam"
)

// DefaultMaxItemBytes bounds one item's download when the file does not say.
const DefaultMaxItemBytes = 1 << 30

// WorkshopItem is one catalogue item: its details and where its files are.
type WorkshopItem struct {
	steam.UGCItem
	// Folder holds the item's files (absolute once the data file is read).
	Folder string
	// AppDependencies are the apps (usually DLC) the item needs: getAppDependencies' answer.
	AppDependencies []uint32
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

// resolveFolders makes the items' folders absolute against dir, checks each is a folder and
// measures its content.
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
		// file_size and total_files_size: the content as the data file found it (a download
		// copies what is there then, and measures again).
		size, err := treeSize(it.Folder)
		if err != nil {
			return fmt.Errorf("workshop.items.%d.folder: %s cannot be read: %v", id, it.Folder, err)
		}
		it.FileSize = uint64(size)
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
