package offline

// The catalogue's extras of an item, which queries return beside its details:
//
//	"tag_display_names": {"map": "Carte"},
//	"content_descriptors": ["frequent_violence_or_gore"],
//	"additional_previews": [{"url": "https://example.com/2.png", "filename": "2.png", "type": "image"}],
//	"game_versions": [{"min": "", "max": "1.2"}],
//	"app_dependencies": [1200]
//
// tag_display_names keys are tags of the item; content descriptors and preview types are
// UGCContentDescriptorID and ItemPreviewType names without their prefix, in lower case
// (type defaults to image; for youtube_video, url is the video ID). A game version's min or max ""
// is open on that end, as Steam's are. app_dependencies are app IDs (usually DLC).

import (
	"fmt"
	"slices"

	"github.com/gosteam/godot-steam-server/steam"
)

type filePreview struct {
	URL      string `json:"url"`
	Filename string `json:"filename"`
	Type     string `json:"type"`
}

type fileGameVersion struct {
	Min string `json:"min"`
	Max string `json:"max"`
}

var (
	descriptorNames  = enumKeys("UGCContentDescriptorID", "UGC_CONTENT_DESCRIPTOR_")
	previewTypeNames = enumKeys("ItemPreviewType", "ITEM_PREVIEW_TYPE_")
)

// Steam's buffers, as GodotSteam Server 4 reads them: 256 bytes for a preview's URL and file name
// and a tag's display name, STEAM_BUFFER_SIZE (255) for a game branch name, each with its NUL.
const (
	maxPreviewText = 255
	maxBranchName  = 254
)

func parseItemExtras(where string, f fileWorkshopItem, it *WorkshopItem) error {
	for _, step := range []func(string, fileWorkshopItem, *WorkshopItem) error{
		parseTagDisplayNames, parseContentDescriptors, parsePreviews, parseGameVersions, parseAppDependencies,
	} {
		if err := step(where, f, it); err != nil {
			return err
		}
	}
	return nil
}

// parseTagDisplayNames makes TagDisplayNames parallel to Tags; a tag without one shows its own name.
func parseTagDisplayNames(where string, f fileWorkshopItem, it *WorkshopItem) error {
	for _, tag := range sortedKeys(f.TagDisplayNames) {
		name := f.TagDisplayNames[tag]
		switch {
		case !slices.Contains(it.Tags, tag):
			return fmt.Errorf("%s.tag_display_names.%s: not one of the item's tags", where, tag)
		case name == "" || len(name) > maxPreviewText:
			return fmt.Errorf("%s.tag_display_names.%s must be 1 to %d bytes, got %d", where, tag, maxPreviewText, len(name))
		}
	}
	if len(f.TagDisplayNames) == 0 {
		return nil
	}
	for _, tag := range it.Tags {
		name, ok := f.TagDisplayNames[tag]
		if !ok {
			name = tag
		}
		it.TagDisplayNames = append(it.TagDisplayNames, name)
	}
	return nil
}

func parseContentDescriptors(where string, f fileWorkshopItem, it *WorkshopItem) error {
	for i, name := range f.ContentDescriptors {
		d, ok := descriptorNames[name]
		switch {
		case !ok:
			return fmt.Errorf("%s.content_descriptors[%d]: %q is not a UGCContentDescriptorID (e.g. frequent_violence_or_gore)", where, i, name)
		case slices.Contains(it.ContentDescriptors, d):
			return fmt.Errorf("%s.content_descriptors[%d]: %q is listed twice", where, i, name)
		}
		it.ContentDescriptors = append(it.ContentDescriptors, d)
	}
	return nil
}

func parsePreviews(where string, f fileWorkshopItem, it *WorkshopItem) error {
	for i, p := range f.AdditionalPreviews {
		at := fmt.Sprintf("%s.additional_previews[%d]", where, i)
		typeName := p.Type
		if typeName == "" {
			typeName = "image"
		}
		kind, ok := previewTypeNames[typeName]
		switch {
		case p.URL == "" || len(p.URL) > maxPreviewText:
			return fmt.Errorf("%s.url must be 1 to %d bytes (the URL, or the video ID of a youtube_video), got %d", at, maxPreviewText, len(p.URL))
		case len(p.Filename) > maxPreviewText:
			return fmt.Errorf("%s.filename is %d bytes; Steam keeps at most %d", at, len(p.Filename), maxPreviewText)
		case !ok:
			return fmt.Errorf("%s.type: %q is not an ItemPreviewType (e.g. image, youtube_video)", at, p.Type)
		}
		it.Previews = append(it.Previews, steam.UGCPreview{URLOrVideo: p.URL, Filename: p.Filename, Type: kind})
	}
	return nil
}

func parseGameVersions(where string, f fileWorkshopItem, it *WorkshopItem) error {
	for i, v := range f.GameVersions {
		for _, end := range []struct{ key, name string }{{"min", v.Min}, {"max", v.Max}} {
			if len(end.name) > maxBranchName {
				return fmt.Errorf("%s.game_versions[%d].%s is %d bytes; a Steam branch name fits %d", where, i, end.key, len(end.name), maxBranchName)
			}
		}
		it.GameVersions = append(it.GameVersions, steam.UGCGameVersion{Min: v.Min, Max: v.Max})
	}
	return nil
}

func parseAppDependencies(where string, f fileWorkshopItem, it *WorkshopItem) error {
	for i, app := range f.AppDependencies {
		if app <= 0 || app > 0xFFFFFFFF {
			return fmt.Errorf("%s.app_dependencies[%d] must be an app ID from 1 to 4294967295, got %d", where, i, app)
		}
		it.AppDependencies = append(it.AppDependencies, uint32(app))
	}
	return nil
}
