package steamworks

import (
	"bytes"
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// detailsFixture is a SteamUGCDetails_t with every member set, each to a value unlike the others.
var detailsFixture = callbackFixture{sdk: "SteamUGCDetails_t", values: values{
	"m_nPublishedFileId": uint64(0x0A0B0C0D0E0F1011), "m_eResult": int32(1), "m_eFileType": int32(15),
	"m_nCreatorAppID": uint32(480), "m_nConsumerAppID": uint32(481), "m_rgchTitle": "Arena", "m_rgchDescription": "A small map",
	"m_ulSteamIDOwner": ownerID, "m_rtimeCreated": uint32(1700000000), "m_rtimeUpdated": uint32(1700000500),
	"m_rtimeAddedToUserList": uint32(1700000900), "m_eVisibility": int32(3), "m_bBanned": true, "m_bAcceptedForUse": true,
	"m_bTagsTruncated": true, "m_rgchTags": "map,pvp", "m_hFile": uint64(0x2122232425262728), "m_hPreviewFile": uint64(0x3132333435363738),
	"m_pchFileName": "arena.pak", "m_nFileSize": int32(1234), "m_nPreviewFileSize": int32(56), "m_rgchURL": "https://youtu.be/x",
	"m_unVotesUp": uint32(10), "m_unVotesDown": uint32(1), "m_flScore": float32(0.875), "m_unNumChildren": uint32(2),
	"m_ulTotalFilesSize": uint64(0x1_0000_0001),
}}

// detailsItem is what detailsFixture decodes to, before the accessors add the extras.
var detailsItem = steam.UGCItem{Result: steam.ResultOK, FileID: 0x0A0B0C0D0E0F1011, FileType: 15, Title: "Arena",
	Description: "A small map", Owner: ownerID, TimeCreated: 1700000000, TimeUpdated: 1700000500, Visibility: 3, Banned: true,
	VotesUp: 10, VotesDown: 1, Score: 0.875, FileSize: 0x1_0000_0001,
	Details: steam.UGCDetails{CreatorAppID: 480, ConsumerAppID: 481, TimeAddedToUserList: 1700000900, AcceptedForUse: true,
		TagsTruncated: true, FileHandle: 0x2122232425262728, PreviewFileHandle: 0x3132333435363738, FileName: "arena.pak",
		PrimaryFileSize: 1234, PreviewFileSize: 56, URL: "https://youtu.be/x", NumChildren: 2}}

func TestDecodeDetails(t *testing.T) {
	b := detailsFixture.bytes()
	it, ok := decodeDetails(b)
	require.True(t, ok)
	assert.Equal(t, detailsItem, it)
	assert.Len(t, detailsFixture.values, len(ugcDetails.members), "the fixture sets every member")
	_, ok = decodeDetails(b[:ugcDetails.size-1])
	assert.False(t, ok, "one byte short of SteamUGCDetails_t")

	// The char arrays are NUL-bounded, and bounded by their size when Steam fills them.
	title := ugcDetails.members[5]
	require.Equal(t, "m_rgchTitle", title.name)
	copy(b[title.off:], "Ar\x00garbage")
	it, _ = decodeDetails(b)
	assert.Equal(t, "Ar", it.Title)
	copy(b[title.off:], strings.Repeat("t", title.size))
	it, _ = decodeDetails(b)
	assert.Equal(t, strings.Repeat("t", 129), it.Title, "a full title stops at its char[129]")
	assert.Equal(t, "A small map", it.Description, "the next member is not read into the title")
}

// A result is SteamUGCDetails_t plus every accessor of its extras.
func TestUGCQueryItemReadsEveryAccessor(t *testing.T) {
	f := newFake(t)
	acceptAll(f)
	b, _ := started(t, f)
	f.ugc.details = detailsFixture.bytes()
	f.ugc.counts[symGetQueryUGCNumTags] = 2
	f.ugc.counts[symGetQueryUGCNumKeyValueTags] = 1
	f.ugc.counts[symGetQueryUGCNumAdditionalPreviews] = 1
	f.ugc.counts[symGetNumSupportedGameVersions] = 1
	f.ugc.texts[symGetQueryUGCTag] = []string{"map", "pvp"}
	f.ugc.texts[symGetQueryUGCTagDisplayName] = []string{"Map", ""} // no display name: the tag itself
	f.ugc.texts[symGetQueryUGCPreviewURL] = []string{"https://cdn.example/p.png"}
	f.ugc.texts[symGetQueryUGCMetadata] = []string{"v2"}
	f.ugc.texts[symGetQueryUGCKeyValueTag], f.ugc.texts2[symGetQueryUGCKeyValueTag] = []string{"mode"}, []string{"ctf"}
	f.ugc.texts[symGetQueryUGCAdditionalPreview], f.ugc.texts2[symGetQueryUGCAdditionalPreview] = []string{"dQw4w9WgXcQ"}, []string{"clip.webm"}
	f.ugc.texts[symGetSupportedGameVersionData], f.ugc.texts2[symGetSupportedGameVersionData] = []string{"1.0"}, []string{"2.0"}
	f.ugc.preview = 1
	f.ugc.ids = []uint64{11, 12}
	f.ugc.stats = map[int32]uint64{0: 42, 8: 3600}
	f.ugc.descs = []int32{5}
	it, err := b.UGCQueryItem(0x5001, 3)
	require.NoError(t, err)
	want := detailsItem
	want.Tags, want.TagDisplayNames = []string{"map", "pvp"}, []string{"Map", "pvp"}
	want.KeyValues = [][2]string{{"mode", "ctf"}}
	want.Previews = []steam.UGCPreview{{URLOrVideo: "dQw4w9WgXcQ", Filename: "clip.webm", Type: 1}}
	want.GameVersions = []steam.UGCGameVersion{{Min: "1.0", Max: "2.0"}}
	want.PreviewURL, want.Metadata = "https://cdn.example/p.png", "v2"
	want.Children = []uint64{11, 12}
	want.Stats = map[int32]uint64{0: 42, 8: 3600}
	want.ContentDescriptors = []int32{5}
	assert.Equal(t, want, it)
	calls := f.take()
	assert.Equal(t, map[int]int{4: 9772, 8: 9784}[packFor(runtime.GOOS)], ugcDetails.size, "SteamUGCDetails_t at this platform's packing")
	assert.Equal(t, fmt.Sprintf("GetQueryUGCResult(0x5001, 3, buf[%d])", ugcDetails.size+detailsSlack), calls[0], "the struct and room past it")
	assert.Contains(t, calls, "GetQueryUGCChildren(0x5001, 3, ids[2])", "as many children as m_unNumChildren")
	assert.Contains(t, calls, "GetQueryUGCStatistic(0x5001, 3, 12)", "every ItemStatistic is asked for")
	assert.Contains(t, calls, "GetQueryUGCMetadata(0x5001, 3, buf[5001])", "k_cchDeveloperMetadataMax and its NUL")

	// The extras a query did not ask for are false or 0: the item has none.
	f.bools = map[sym]bool{symGetQueryUGCResult: true}
	f.ugc.counts, f.ugc.stats, f.ugc.descs = map[sym]uint32{}, nil, nil
	it, err = b.UGCQueryItem(0x5001, 3)
	require.NoError(t, err)
	assert.Equal(t, detailsItem, it)
}

// Counts and strings a broken library claims are bounded: no loop or buffer follows them past
// the bounds, and every string stops at its buffer's end.
func TestUGCQueryItemBoundsWhatSteamClaims(t *testing.T) {
	f := newFake(t)
	acceptAll(f)
	b, _ := started(t, f)
	details := detailsFixture
	details.values = values{}
	for k, v := range detailsFixture.values {
		details.values[k] = v
	}
	details.values["m_unNumChildren"] = ^uint32(0)
	f.ugc.details = details.bytes()
	f.ugc.counts[symGetQueryUGCNumTags] = ^uint32(0)
	f.ugc.texts[symGetQueryUGCTag] = []string{strings.Repeat("x", 300)}
	f.ugc.descs = make([]int32, 100)
	it, err := b.UGCQueryItem(1, 0)
	require.NoError(t, err)
	assert.Len(t, it.Tags, maxItemEntries)
	assert.Len(t, it.Tags[0], tagSize, "an unterminated tag stops at its buffer")
	assert.Equal(t, "", it.Tags[1], "tags Steam did not write are empty")
	assert.Len(t, it.Children, maxItemEntries)
	assert.Len(t, it.ContentDescriptors, maxDescriptors)
}

// FuzzDecodeDetails feeds arbitrary bytes to the SteamUGCDetails_t decoder, as a broken library
// could fill the buffer: nothing panics; it decodes exactly when the bytes hold the struct; bytes
// past the struct change nothing; every string is NUL-free and within its char array.
//
//	go test -run '^$' -fuzz '^FuzzDecodeDetails$' -fuzztime 30s ./steam/steamworks/
func FuzzDecodeDetails(f *testing.F) {
	b := detailsFixture.bytes()
	f.Add(b)
	f.Add(b[:len(b)-1])
	f.Add(append(bytes.Clone(b), 0xAB))
	f.Add(bytes.Repeat([]byte{'x'}, ugcDetails.size))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, p []byte) {
		it, ok := decodeDetails(p)
		if ok != (len(p) >= ugcDetails.size) {
			t.Fatalf("%d bytes: decoded %v; the struct is %d", len(p), ok, ugcDetails.size)
		}
		if !ok {
			return
		}
		if exact, _ := decodeDetails(bytes.Clone(p[:ugcDetails.size])); !reflect.DeepEqual(it, exact) {
			t.Fatalf("bytes past the struct changed the item: %#v vs %#v", it, exact)
		}
		for s, limit := range map[string]int{it.Title: 129, it.Description: 8000, it.Details.FileName: 260, it.Details.URL: 256} {
			if len(s) > limit || strings.IndexByte(s, 0) >= 0 {
				t.Fatalf("%q is longer than its char[%d] or holds a NUL", s, limit)
			}
		}
	})
}

// FuzzCString: whatever a buffer holds, the string is its bytes up to the first NUL.
func FuzzCString(f *testing.F) {
	f.Add([]byte("tag\x00rest"))
	f.Add([]byte("unterminated"))
	f.Fuzz(func(t *testing.T, buf []byte) {
		s := cString(buf)
		if strings.IndexByte(s, 0) >= 0 || !bytes.HasPrefix(buf, []byte(s)) || (len(s) < len(buf) && buf[len(s)] != 0) {
			t.Fatalf("cString(%q) = %q", buf, s)
		}
	})
}
