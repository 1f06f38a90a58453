package steam

// The Workshop (ISteamUGC) as a dedicated server uses it: BInitWorkshopForGameServer names the
// folder items install into, item details queries tell the server about items, DownloadItem
// installs one. The front checks the arguments; the backend keeps the queries and downloads.
// The player-side calls (voting, favourites, subscriptions, authoring) are refused by
// PlayerUGCCall: Steam gives a game server no user account to do them with.

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
)

// UGCResultsPerPage is kNumUGCResultsPerPage: one page of createQueryAllUGCRequest.
const UGCResultsPerPage = 50

// UGCQueryHandleInvalid is k_UGCQueryHandleInvalid, what a refused createQuery* returns.
const UGCQueryHandleInvalid = ^uint64(0)

// MaxUGCQueryIDs bounds createQueryUGCDetailsRequest's list, as Steam's page does.
const MaxUGCQueryIDs = UGCResultsPerPage

// ItemState is EItemState: flags.
type ItemState uint32

const (
	ItemStateNone            ItemState = 0
	ItemStateSubscribed      ItemState = 1
	ItemStateInstalled       ItemState = 4
	ItemStateNeedsUpdate     ItemState = 8
	ItemStateDownloading     ItemState = 16
	ItemStateDownloadPending ItemState = 32
)

// ResultFileNotFound is k_EResultFileNotFound: an item Steam does not know.
const ResultFileNotFound Result = 9

// UGCPreview is one additional preview of an item.
type UGCPreview struct {
	URLOrVideo, Filename string
	Type                 int32
}

// UGCItem is what Steam knows of one workshop item (SteamUGCDetails_t and the query's extras).
type UGCItem struct {
	Result      Result // ResultOK, or ResultFileNotFound for an unknown id of a details query
	FileID      uint64
	FileType    int32
	Title       string
	Description string
	Owner       SteamID
	TimeCreated uint32
	TimeUpdated uint32
	Visibility  int32
	Banned      bool
	Tags        []string
	// TagDisplayNames is parallel to Tags (GetQueryUGCTagDisplayName); empty means the tags' names.
	TagDisplayNames []string
	KeyValues       [][2]string
	Metadata        string
	Children        []uint64
	PreviewURL      string
	// Stats holds ItemStatistic values by statistic.
	Stats              map[int32]uint64
	VotesUp, VotesDown uint32
	Score              float32
	FileSize           uint64
	ContentDescriptors []int32
	Previews           []UGCPreview
	GameVersions       []UGCGameVersion
	// Details are SteamUGCDetails_t's other fields (ugc_details.go): zero offline.
	Details UGCDetails
}

// UGCQueryAll is createQueryAllUGCRequest's arguments.
type UGCQueryAll struct {
	QueryType, MatchingType int64
	Creator, Consumer       uint32
	Page                    uint32
}

// UGCQueryUser is createQueryUserUGCRequest's arguments: one user's list (published, voted on,
// favourited...) of items.
type UGCQueryUser struct {
	Account                       uint32 // the user's account ID (the low 32 bits of a Steam ID)
	ListType, MatchingType, Order int64  // UserUGCList, UGCMatchingUGCType, UserUGCListSortOrder
	Creator, Consumer             uint32
	Page                          uint32
}

// UGCQuerySpec is what a createQuery*Request asks for: exactly one of IDs (a details query), All
// and User is set.
type UGCQuerySpec struct {
	IDs  []uint64
	All  *UGCQueryAll
	User *UGCQueryUser
}

// UGCGameVersion is one supported game-branch range of an item (GetSupportedGameVersionData).
type UGCGameVersion struct{ Min, Max string }

// UGCOption names one query-shaping setter.
type UGCOption int

const (
	UGCRequiredTag UGCOption = iota
	UGCExcludedTag
	UGCRequiredKeyValueTag
	UGCSearchText
	UGCMatchAnyTag
	UGCReturnKeyValueTags
	UGCReturnMetadata
	UGCReturnLongDescription
	UGCReturnChildren
	UGCReturnTotalOnly
	UGCReturnOnlyIDs
	UGCReturnAdditionalPreviews
	UGCRequiredTagGroup     // Tags: results need at least one of them
	UGCLanguage             // Text
	UGCCloudFileNameFilter  // Text
	UGCAllowCachedResponse  // N: max age in seconds
	UGCRankedByTrendDays    // N: days
	UGCReturnPlaytimeStats  // N: days
	UGCAdminQuery           // On
	UGCRequiredGameVersions // Text: min branch, Text2: max branch
	UGCTimeCreatedRange     // N, M: start and end (Unix time)
	UGCTimeUpdatedRange     // N, M: start and end (Unix time)
)

// UGCQueryOption is one setter call on a query: Text and Text2 for tags, keys and search text,
// On for the boolean ones, Tags for a tag group, N and M for the numeric ones.
type UGCQueryOption struct {
	Option      UGCOption
	Text, Text2 string
	On          bool
	Tags        []string
	N, M        uint32
}

// InstallInfo is GetItemInstallInfo's answer.
type InstallInfo struct {
	Size      uint64
	Folder    string
	Timestamp uint32
}

// UGCQueryCompleted answers SendQueryUGCRequest (SteamUGCQueryCompleted_t).
type UGCQueryCompleted struct {
	Handle          uint64
	Result          Result
	Returned, Total uint32
	Cached          bool
}

// ItemDownloaded answers DownloadItem (DownloadItemResult_t).
type ItemDownloaded struct {
	Result Result
	FileID uint64
	AppID  uint32
}

// ItemInstalled says an item is in its install folder (ItemInstalled_t).
type ItemInstalled struct {
	AppID  uint32
	FileID uint64
}

func (UGCQueryCompleted) event() {}
func (ItemDownloaded) event()    {}
func (ItemInstalled) event()     {}

// UGCBackend is what a backend with the Workshop implements (both do); a backend without it (a
// test's fake) has every Workshop call refused with ErrNoUGC.
type UGCBackend interface {
	InitWorkshop(depot uint32, folder string) error
	// CreateUGCQuery opens a details, all-items or user query (one field of q is set).
	CreateUGCQuery(q UGCQuerySpec) (uint64, error)
	ShapeUGCQuery(handle uint64, opt UGCQueryOption) error
	// SendUGCQuery runs the query; UGCQueryCompleted follows.
	SendUGCQuery(handle uint64) error
	ReleaseUGCQuery(handle uint64) error
	// UGCQueryItem is result index of a completed query, shaped by its setters.
	UGCQueryItem(handle uint64, index uint32) (UGCItem, error)
	DownloadItem(id uint64, highPriority bool) error
	ItemDownloadInfo(id uint64) (downloaded, total uint64, ok bool)
	ItemInstallInfo(id uint64) (InstallInfo, bool)
	ItemState(id uint64) ItemState
	SubscribedItems() []uint64
	// SuspendDownloads pauses (true) or resumes (false) every download.
	SuspendDownloads(suspend bool)
}

// ErrNoUGC is the refusal of a backend without the Workshop calls.
var ErrNoUGC = errors.New("this backend has no Workshop (UGC) calls")

// PlayerUGCCall is the refusal of a player's Workshop call on a game server.
func PlayerUGCCall(name string) error {
	return fmt.Errorf("%s is a player's call: Steam gives a game server no user account, so it cannot vote, favourite, subscribe, "+
		"track playtime, answer the Workshop EULA or author Workshop items; do it from the game client", name)
}

func (s *Server) ugc(fn func(UGCBackend) error) error {
	var berr error
	err := s.do(func(b Backend) {
		u, ok := b.(UGCBackend)
		if !ok {
			berr = ErrNoUGC
			return
		}
		berr = fn(u)
	})
	if err != nil {
		return err
	}
	return berr
}

// CheckWorkshopFolder accepts what BInitWorkshopForGameServer takes: an absolute filesystem path.
// Godot's res:// and user:// are not paths Steam can open: globalize them first.
func CheckWorkshopFolder(folder string) error {
	switch {
	case folder == "":
		return argErrorf("folder", "is empty: give the absolute folder Workshop items install into")
	case strings.HasPrefix(folder, "res://") || strings.HasPrefix(folder, "user://"):
		return argErrorf("folder", "is a Godot path (%s); Steam takes a filesystem path: pass ProjectSettings.globalize_path(folder)", quoteShort(folder))
	case strings.ContainsRune(folder, 0):
		return argErrorf("folder", "contains a NUL character")
	case !filepath.IsAbs(folder):
		return argErrorf("folder", "must be an absolute path, got %s", quoteShort(folder))
	}
	return nil
}

func (s *Server) InitWorkshopForGameServer(depot int64, folder string) (bool, error) {
	if depot <= 0 || depot > 0xFFFFFFFF {
		return false, argErrorf("workshop_depot_id", "must be a depot ID from 1 to 4294967295, got %d", depot)
	}
	if err := CheckWorkshopFolder(folder); err != nil {
		return false, err
	}
	err := s.ugc(func(b UGCBackend) error { return b.InitWorkshop(uint32(depot), folder) })
	return err == nil, err
}

func (s *Server) CreateQueryUGCDetailsRequest(ids []uint64) (uint64, error) {
	if len(ids) == 0 {
		return UGCQueryHandleInvalid, argErrorf("published_file_id", "is empty: list the published file IDs to ask about")
	}
	if len(ids) > MaxUGCQueryIDs {
		return UGCQueryHandleInvalid, argErrorf("published_file_id", "lists %d IDs; one query takes at most %d", len(ids), MaxUGCQueryIDs)
	}
	for i, id := range ids {
		if id == 0 {
			return UGCQueryHandleInvalid, argErrorf("published_file_id", "entry %d is 0, not a published file ID", i)
		}
	}
	return s.createQuery(UGCQuerySpec{IDs: ids})
}

func (s *Server) CreateQueryAllUGCRequest(q UGCQueryAll) (uint64, error) {
	if err := CheckEnumValue("UGCQuery", "query_type", q.QueryType); err != nil {
		return UGCQueryHandleInvalid, err
	}
	if err := CheckEnumValue("UGCMatchingUGCType", "matching_type", q.MatchingType); err != nil {
		return UGCQueryHandleInvalid, err
	}
	if err := checkPage(q.Page); err != nil {
		return UGCQueryHandleInvalid, err
	}
	return s.createQuery(UGCQuerySpec{All: &q})
}

func (s *Server) createQuery(q UGCQuerySpec) (h uint64, err error) {
	err = s.ugc(func(b UGCBackend) (e error) { h, e = b.CreateUGCQuery(q); return })
	if err != nil {
		h = UGCQueryHandleInvalid
	}
	return h, err
}

func (s *Server) SendQueryUGCRequest(handle uint64) error {
	return s.ugc(func(b UGCBackend) error { return b.SendUGCQuery(handle) })
}

func (s *Server) ReleaseQueryUGCRequest(handle uint64) (bool, error) {
	err := s.ugc(func(b UGCBackend) error { return b.ReleaseUGCQuery(handle) })
	return err == nil, err
}

// QueryUGCItem is result index of a completed query.
func (s *Server) QueryUGCItem(handle uint64, index int64) (it UGCItem, err error) {
	if index < 0 || index >= UGCResultsPerPage {
		return it, argErrorf("index", "must be from 0 to %d (a result of the page), got %d", UGCResultsPerPage-1, index)
	}
	err = s.ugc(func(b UGCBackend) (e error) { it, e = b.UGCQueryItem(handle, uint32(index)); return })
	return it, err
}

func checkFileID(id uint64) error {
	if id == 0 {
		return argErrorf("published_file_id", "is 0, not a published file ID")
	}
	return nil
}

func (s *Server) DownloadItem(id uint64, highPriority bool) (bool, error) {
	if err := checkFileID(id); err != nil {
		return false, err
	}
	err := s.ugc(func(b UGCBackend) error { return b.DownloadItem(id, highPriority) })
	return err == nil, err
}

func (s *Server) ItemDownloadInfo(id uint64) (downloaded, total uint64, ok bool, err error) {
	if err = checkFileID(id); err != nil {
		return
	}
	err = s.ugc(func(b UGCBackend) error { downloaded, total, ok = b.ItemDownloadInfo(id); return nil })
	return
}

func (s *Server) ItemInstallInfo(id uint64) (info InstallInfo, ok bool, err error) {
	if err = checkFileID(id); err != nil {
		return
	}
	err = s.ugc(func(b UGCBackend) error { info, ok = b.ItemInstallInfo(id); return nil })
	return
}

func (s *Server) ItemState(id uint64) (st ItemState, err error) {
	if err = checkFileID(id); err != nil {
		return
	}
	err = s.ugc(func(b UGCBackend) error { st = b.ItemState(id); return nil })
	return
}

func (s *Server) SubscribedItems() (ids []uint64, err error) {
	err = s.ugc(func(b UGCBackend) error { ids = b.SubscribedItems(); return nil })
	return ids, err
}
