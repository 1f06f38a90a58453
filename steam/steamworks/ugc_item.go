package steamworks

import (
	"bytes"
	"fmt"
	"runtime"

	"github.com/gosteam/godot-steam-server/steam"
)

// One result of a completed query: GetQueryUGCResult's SteamUGCDetails_t, then every accessor of
// the item's extras. Steam answers the extras the query did not ask for (setReturn*) with false
// or 0, which leaves them empty. Every count Steam gives is bounded, every string is read from a
// buffer of ours up to its first NUL, so a broken library cannot make the backend read or
// allocate without bound.
var (
	symGetQueryUGCResult                = ugcMethod("GetQueryUGCResult", shapeBWU64U32P)
	symGetQueryUGCNumTags               = ugcMethod("GetQueryUGCNumTags", shapeU32WU64U32)
	symGetQueryUGCTag                   = ugcMethod("GetQueryUGCTag", shapeBWU64U32U32PU32)
	symGetQueryUGCTagDisplayName        = ugcMethod("GetQueryUGCTagDisplayName", shapeBWU64U32U32PU32)
	symGetQueryUGCPreviewURL            = ugcMethod("GetQueryUGCPreviewURL", shapeBWU64U32PU32)
	symGetQueryUGCMetadata              = ugcMethod("GetQueryUGCMetadata", shapeBWU64U32PU32)
	symGetQueryUGCChildren              = ugcMethod("GetQueryUGCChildren", shapeBWU64U32PU32)
	symGetQueryUGCStatistic             = ugcMethod("GetQueryUGCStatistic", shapeBWU64U32I32PU64)
	symGetQueryUGCNumAdditionalPreviews = ugcMethod("GetQueryUGCNumAdditionalPreviews", shapeU32WU64U32)
	symGetQueryUGCAdditionalPreview     = ugcMethod("GetQueryUGCAdditionalPreview", shapeBWU64U32U32PU32PU32PI32)
	symGetQueryUGCNumKeyValueTags       = ugcMethod("GetQueryUGCNumKeyValueTags", shapeU32WU64U32)
	symGetQueryUGCKeyValueTag           = ugcMethod("GetQueryUGCKeyValueTag", shapeBWU64U32U32PU32PU32)
	symGetNumSupportedGameVersions      = ugcMethod("GetNumSupportedGameVersions", shapeU32WU64U32)
	symGetSupportedGameVersionData      = ugcMethod("GetSupportedGameVersionData", shapeBWU64U32U32PPU32)
	symGetQueryUGCContentDescriptors    = ugcMethod("GetQueryUGCContentDescriptors", shapeU32WU64U32PU32)
)

// Buffer sizes and bounds for one item's extras.
const (
	maxItemEntries     = 1000 // tags, key-value tags, previews, children, game versions of one item
	maxDescriptors     = 64   // content descriptors (the SDK defines 5)
	tagSize            = 256  // a tag or its display name (Steam's tags are at most 255 bytes)
	keyValueSize       = 256  // a key-value tag's key, and its value
	urlSize            = 2048 // a preview's URL or video ID, and its original file name
	metadataSize       = 5000 + 1
	gameBranchSize     = 256
	itemStatisticCount = 13 // EItemStatistic: k_EItemStatistic_NumSubscriptions (0) to ..._NumPlaytimeSessionsDuringTimePeriod (12)
	// detailsSlack is room past SteamUGCDetails_t: Steam has grown the struct at its end before
	// (m_ulTotalFilesSize), and a newer library must not write past the buffer.
	detailsSlack = 1024
)

// callStructRows are the structs a call fills rather than a callback, described as the callbacks
// are (callbacks.go) and checked against the compilers by the same layout tests: their id is 0.
var callStructRows = append([]callback{
	{sdk: "SteamUGCDetails_t", members: []member{u64("m_nPublishedFileId"), i32("m_eResult"), i32("m_eFileType"),
		u32("m_nCreatorAppID"), u32("m_nConsumerAppID"), chars("m_rgchTitle", 129), chars("m_rgchDescription", 8000),
		u64("m_ulSteamIDOwner"), u32("m_rtimeCreated"), u32("m_rtimeUpdated"), u32("m_rtimeAddedToUserList"),
		i32("m_eVisibility"), flag("m_bBanned"), flag("m_bAcceptedForUse"), flag("m_bTagsTruncated"), chars("m_rgchTags", 1025),
		u64("m_hFile"), u64("m_hPreviewFile"), chars("m_pchFileName", 260), i32("m_nFileSize"), i32("m_nPreviewFileSize"),
		chars("m_rgchURL", 256), u32("m_unVotesUp"), u32("m_unVotesDown"), f32("m_flScore"), u32("m_unNumChildren"),
		u64("m_ulTotalFilesSize")}},
	// What GetResultItems fills, one per item (inventory_reads.go).
	{sdk: "SteamItemDetails_t", members: []member{u64("m_itemId"), i32("m_iDefinition"), u16("m_unQuantity"), u16("m_unFlags")}},
}, netStructRows...) // the networking's (net_callbacks.go)

// ugcDetails is SteamUGCDetails_t at the platform's packing (the callbacks' packing: the SDK
// declares it inside the same #pragma pack).
var ugcDetails = layOut(callStructRows, packFor(runtime.GOOS))[0]

// cString is buf up to its first NUL: a C string Steam wrote, never read past the buffer.
func cString(buf []byte) string {
	if i := bytes.IndexByte(buf, 0); i >= 0 {
		buf = buf[:i]
	}
	return string(buf)
}

// decodeDetails reads SteamUGCDetails_t; false when p is shorter than the struct. The tags are
// not taken from m_rgchTags (a comma-joined list Steam may truncate) but from GetQueryUGCTag.
func decodeDetails(p []byte) (steam.UGCItem, bool) {
	r, ok := read(&ugcDetails, p)
	if !ok {
		return steam.UGCItem{}, false
	}
	it := steam.UGCItem{
		Result: r.result("m_eResult"), FileID: r.u64("m_nPublishedFileId"), FileType: r.i32("m_eFileType"),
		Title: r.cstr("m_rgchTitle"), Description: r.cstr("m_rgchDescription"), Owner: r.steamID("m_ulSteamIDOwner"),
		TimeCreated: r.u32("m_rtimeCreated"), TimeUpdated: r.u32("m_rtimeUpdated"), Visibility: r.i32("m_eVisibility"),
		Banned: r.bool("m_bBanned"), VotesUp: r.u32("m_unVotesUp"), VotesDown: r.u32("m_unVotesDown"), Score: r.f32("m_flScore"),
		FileSize: r.u64("m_ulTotalFilesSize"),
		Details: steam.UGCDetails{
			CreatorAppID: r.u32("m_nCreatorAppID"), ConsumerAppID: r.u32("m_nConsumerAppID"),
			TimeAddedToUserList: r.u32("m_rtimeAddedToUserList"), AcceptedForUse: r.bool("m_bAcceptedForUse"),
			TagsTruncated: r.bool("m_bTagsTruncated"), FileHandle: r.u64("m_hFile"), PreviewFileHandle: r.u64("m_hPreviewFile"),
			FileName: r.cstr("m_pchFileName"), PrimaryFileSize: r.i32("m_nFileSize"), PreviewFileSize: r.i32("m_nPreviewFileSize"),
			URL: r.cstr("m_rgchURL"), NumChildren: r.u32("m_unNumChildren"),
		},
	}
	return it, !r.bad
}

// UGCQueryItem is result index of a completed query, with every extra Steam returns for it.
func (b *Backend) UGCQueryItem(handle uint64, index uint32) (steam.UGCItem, error) {
	if !b.hasUGC {
		return steam.UGCItem{}, errNoUGCInterface
	}
	buf := make([]byte, ugcDetails.size+detailsSlack)
	if !b.api.bWU64U32P(symGetQueryUGCResult, handle, index, buf) {
		return steam.UGCItem{}, fmt.Errorf("Steam has no result %d for query %d (GetQueryUGCResult false: "+
			"not completed, released, or past its results)", index, handle)
	}
	it, ok := decodeDetails(buf)
	if !ok {
		return steam.UGCItem{}, fmt.Errorf("GetQueryUGCResult(%d, %d) filled an unreadable SteamUGCDetails_t", handle, index)
	}
	b.readTags(&it, handle, index)
	b.readKeyValues(&it, handle, index)
	b.readPreviews(&it, handle, index)
	b.readVersions(&it, handle, index)
	it.PreviewURL = b.itemString(symGetQueryUGCPreviewURL, handle, index, urlSize)
	it.Metadata = b.itemString(symGetQueryUGCMetadata, handle, index, metadataSize)
	if n := min(it.Details.NumChildren, maxItemEntries); n > 0 {
		ids := make([]uint64, n)
		if b.api.bWU64U32IDs(symGetQueryUGCChildren, handle, index, ids) {
			it.Children = ids
		}
	}
	for stat := range int32(itemStatisticCount) {
		if ok, v := b.api.bWU64U32I32PU64(symGetQueryUGCStatistic, handle, index, stat); ok {
			if it.Stats == nil {
				it.Stats = map[int32]uint64{}
			}
			it.Stats[stat] = v
		}
	}
	descriptors := make([]int32, maxDescriptors)
	if n := min(b.api.u32WU64U32PU32(symGetQueryUGCContentDescriptors, handle, index, descriptors), maxDescriptors); n > 0 {
		it.ContentDescriptors = descriptors[:n:n]
	}
	return it, nil
}

// count is a GetQueryUGCNum* answer, bounded.
func (b *Backend) count(s sym, handle uint64, index uint32) uint32 {
	return min(b.api.u32WU64U32(s, handle, index), maxItemEntries)
}

// itemString is a string accessor's answer, "" when Steam has none.
func (b *Backend) itemString(s sym, handle uint64, index uint32, size int) string {
	buf := make([]byte, size)
	if !b.api.bWU64U32PU32(s, handle, index, buf) {
		return ""
	}
	return cString(buf)
}

// readTags fills Tags and, parallel to them, TagDisplayNames (the tag itself where Steam has no
// display name). A tag Steam cannot give is skipped.
func (b *Backend) readTags(it *steam.UGCItem, handle uint64, index uint32) {
	for i := range b.count(symGetQueryUGCNumTags, handle, index) {
		buf := make([]byte, tagSize)
		if !b.api.bWU64U32U32PU32(symGetQueryUGCTag, handle, index, i, buf) {
			continue
		}
		tag, display := cString(buf), ""
		clear(buf)
		if b.api.bWU64U32U32PU32(symGetQueryUGCTagDisplayName, handle, index, i, buf) {
			display = cString(buf)
		}
		if display == "" {
			display = tag
		}
		it.Tags = append(it.Tags, tag)
		it.TagDisplayNames = append(it.TagDisplayNames, display)
	}
}

func (b *Backend) readKeyValues(it *steam.UGCItem, handle uint64, index uint32) {
	for i := range b.count(symGetQueryUGCNumKeyValueTags, handle, index) {
		key, value := make([]byte, keyValueSize), make([]byte, keyValueSize)
		if b.api.bWU64U32U32PU32PU32(symGetQueryUGCKeyValueTag, handle, index, i, key, value) {
			it.KeyValues = append(it.KeyValues, [2]string{cString(key), cString(value)})
		}
	}
}

func (b *Backend) readPreviews(it *steam.UGCItem, handle uint64, index uint32) {
	for i := range b.count(symGetQueryUGCNumAdditionalPreviews, handle, index) {
		url, name := make([]byte, urlSize), make([]byte, urlSize)
		if ok, typ := b.api.bWU64U32U32PU32PU32PI32(symGetQueryUGCAdditionalPreview, handle, index, i, url, name); ok {
			it.Previews = append(it.Previews, steam.UGCPreview{URLOrVideo: cString(url), Filename: cString(name), Type: typ})
		}
	}
}

func (b *Backend) readVersions(it *steam.UGCItem, handle uint64, index uint32) {
	for i := range b.count(symGetNumSupportedGameVersions, handle, index) {
		lo, hi := make([]byte, gameBranchSize), make([]byte, gameBranchSize)
		if b.api.bWU64U32U32PPU32(symGetSupportedGameVersionData, handle, index, i, lo, hi) {
			it.GameVersions = append(it.GameVersions, steam.UGCGameVersion{Min: cString(lo), Max: cString(hi)})
		}
	}
}
