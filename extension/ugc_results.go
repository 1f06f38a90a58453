package main

import (
	"fmt"

	"github.com/gosteam/godot-steam-server/steam"
)

// Reading a completed query's results: result `index` (0 to 49) of the page, and its parts (tags,
// key-value tags, previews, children, statistics, content descriptors, game versions). A refused
// read prints why and returns GodotSteam Server 4's failure value: "", 0 or {}.

// resultRef names the result a Dictionary is about; its zero value (a refused read) makes {}.
type resultRef struct {
	ok     bool
	handle uint64
	index  uint32
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

// itemRead3 reads result index with a third argument, arg: what to read of it.
func itemRead3[A, R any](name, arg string, p param[A], r result[R], read func(ref resultRef, it *steam.UGCItem, a A) (R, error), doc string) method {
	return method{name: name, args: names("query_handle", "index", arg), steam: "ISteamUGC::" + upperFirst(name), doc: doc,
		bind: call3(handle, uint32Arg, p, r, func(s *steam.Server, h uint64, i int64, a A) (R, error) {
			it, err := s.QueryUGCItem(h, i)
			if err != nil {
				return r.fallback, err
			}
			v, err := read(resultRef{true, h, uint32(i)}, &it, a)
			if err != nil {
				return r.fallback, err
			}
			return v, nil
		})}
}

// itemPart reads part number arg of result index, one of its parts (what names them): a part past
// the result's count of them is refused.
func itemPart[R any](name, arg, what string, r result[R], count func(*steam.UGCItem) int, part func(ref resultRef, it *steam.UGCItem, i int) R, doc string) method {
	return itemRead3(name, arg, uint32Arg, r, func(ref resultRef, it *steam.UGCItem, i int64) (R, error) {
		if n := count(it); i < 0 || i >= int64(n) {
			return r.fallback, argError{2, fmt.Errorf("is %d; the result has %d %s, from index 0", i, n, what)}
		}
		return part(ref, it, int(i)), nil
	}, doc)
}

// firstN is a result's list cut to the count its third argument asks for, as Steam fills a buffer
// of that many entries.
func firstN[E any](list []E, n int64) ([]E, error) {
	if n < 0 || n > 0xFFFFFFFF {
		return nil, argError{2, fmt.Errorf("must be from 0 to 4294967295, got %d", n)}
	}
	return list[:min(int64(len(list)), n)], nil
}

var (
	tagCount     = func(it *steam.UGCItem) int { return len(it.Tags) }
	kvCount      = func(it *steam.UGCItem) int { return len(it.KeyValues) }
	previewCount = func(it *steam.UGCItem) int { return len(it.Previews) }
	versionCount = func(it *steam.UGCItem) int { return len(it.GameVersions) }
)

func count32(count func(*steam.UGCItem) int) func(steam.UGCItem) uint32 {
	return func(it steam.UGCItem) uint32 { return uint32(count(&it)) }
}

var ugcResultMethods = []method{
	{name: "getQueryUGCResult", steam: "ISteamUGC::GetQueryUGCResult", args: names("query_handle", "index"),
		bind: call2(handle, uint32Arg, dictRet(queryResultDict), (*steam.Server).QueryUGCItem),
		doc:  "Result `index` of a completed query: `{result, file_id, file_type, title, description, steam_id_owner, time_created, time_updated, tags, url, votes_up, votes_down, score, num_children, file_size, ...}`; `{}` when there is none."},
	itemRead("getQueryUGCNumTags", uint32Ret, count32(tagCount), "How many tags result `index` has."),
	itemPart("getQueryUGCTag", "tag_index", "tags", stringRet, tagCount,
		func(_ resultRef, it *steam.UGCItem, i int) string { return it.Tags[i] }, "Tag `tag_index` of result `index`."),
	itemPart("getQueryUGCTagDisplayName", "tag_index", "tags", stringRet, tagCount, func(_ resultRef, it *steam.UGCItem, i int) string {
		if i < len(it.TagDisplayNames) {
			return it.TagDisplayNames[i]
		}
		return it.Tags[i]
	}, "The name (usually localized) shown for tag `tag_index` of result `index`: the tag itself when the Workshop gives none."),
	itemRead("getQueryUGCNumKeyValueTags", uint32Ret, count32(kvCount), "How many key-value tags result `index` has (with setReturnKeyValueTags)."),
	itemPart("getQueryUGCKeyValueTag", "key_value_tag_index", "key-value tags (with setReturnKeyValueTags)", dictRet(keyValueTagDict), kvCount,
		func(ref resultRef, it *steam.UGCItem, i int) keyValueTag {
			return keyValueTag{ref, uint32(i), it.KeyValues[i]}
		},
		"Key-value tag `key_value_tag_index` of result `index`: `{success, handle, index, tag, key, value}`; `{}` when there is none."),
	itemRead("getQueryUGCMetadata", stringRet, func(it steam.UGCItem) string { return it.Metadata }, "Result `index`'s metadata (with setReturnMetadata)."),
	itemRead("getQueryUGCPreviewURL", stringRet, func(it steam.UGCItem) string { return it.PreviewURL }, "Result `index`'s preview image URL."),
	itemRead3("getQueryUGCChildren", "child_count", uint32Arg, dictRet(childrenDict), func(ref resultRef, it *steam.UGCItem, n int64) (children, error) {
		ids, err := firstN(it.Children, n)
		return children{ref, ids}, err
	}, "The first `child_count` (at most) of result `index`'s children (with setReturnChildren): `{success, handle, index, children}`, an Array of published file IDs."),
	itemRead3("getQueryUGCStatistic", "stat_type", enumArg("ItemStatistic"), dictRet(statisticDict), func(ref resultRef, it *steam.UGCItem, stat int64) (statistic, error) {
		if err := steam.CheckEnumValue("ItemStatistic", "stat_type", stat); err != nil {
			return statistic{}, err
		}
		return statistic{ref, stat, it.Stats[int32(stat)]}, nil
	}, "An ItemStatistic of result `index` (0 when the Workshop has none): `{success, handle, index, type, value}`."),
	itemRead("getQueryUGCNumAdditionalPreviews", uint32Ret, count32(previewCount), "How many additional previews result `index` has (with setReturnAdditionalPreviews)."),
	itemPart("getQueryUGCAdditionalPreview", "preview_index", "additional previews (with setReturnAdditionalPreviews)", dictRet(previewDict), previewCount,
		func(ref resultRef, it *steam.UGCItem, i int) preview { return preview{ref, uint32(i), it.Previews[i]} },
		"Additional preview `preview_index` of result `index`: `{success, handle, index, preview, urlOrVideo, filename, type}` (an ItemPreviewType; urlOrVideo is a YouTube video ID for ITEM_PREVIEW_TYPE_YOUTUBE_VIDEO)."),
	itemRead3("getQueryUGCContentDescriptors", "max_entries", uint32Arg, dictRet(descriptorsDict), func(ref resultRef, it *steam.UGCItem, n int64) (descriptors, error) {
		ids, err := firstN(it.ContentDescriptors, n)
		return descriptors{ref, ids}, err
	}, "The first `max_entries` (at most) of result `index`'s content descriptors: `{result, handle, index, descriptors}`, result their count and descriptors an Array of UGCContentDescriptorID."),
	itemRead("getNumSupportedGameVersions", uint32Ret, count32(versionCount), "How many game-branch ranges result `index` has versions for."),
	itemPart("getSupportedGameVersionData", "version_index", "game versions", dictRet(gameVersionDict), versionCount,
		func(ref resultRef, it *steam.UGCItem, i int) gameVersion {
			return gameVersion{ref.ok, it.GameVersions[i]}
		},
		"Game-branch range `version_index` of result `index`: `{min, max, size}`; \"\" is open on that end; size is the branch names' buffer, STEAM_BUFFER_SIZE."),
}
