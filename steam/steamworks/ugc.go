package steamworks

import (
	"errors"
	"fmt"
	"strings"

	"github.com/gosteam/godot-steam-server/steam"
)

// The Workshop (ISteamUGC, the game server's: SteamGameServerUGC). Steam keeps the queries and
// the downloads; a false or invalid answer is an error naming the call Steam refused, since Steam
// says no more. SendQueryUGCRequest answers through the pump (SteamUGCQueryCompleted_t, a call
// result), as GetAppDependencies does (ugc_dependencies.go); DownloadItemResult_t and
// ItemInstalled_t are broadcasts on the server's pipe.
var (
	symGameServerUGCV020 = fn("SteamAPI_SteamGameServerUGC_v020", shapeP) // the version also in interfaceVersions

	symBInitWorkshopForGameServer   = ugcMethod("BInitWorkshopForGameServer", shapeBWU32S)
	symCreateQueryUGCDetailsRequest = ugcMethod("CreateQueryUGCDetailsRequest", shapeU64WPU32)
	symCreateQueryAllUGCRequestPage = ugcMethod("CreateQueryAllUGCRequestPage", shapeU64WI32I32U32U32U32)
	symCreateQueryUserUGCRequest    = ugcMethod("CreateQueryUserUGCRequest", shapeU64WU32I32I32I32U32U32U32)
	symSendQueryUGCRequest          = ugcMethod("SendQueryUGCRequest", shapeU64WU64)
	symReleaseQueryUGCRequest       = ugcMethod("ReleaseQueryUGCRequest", shapeBWU64)
	symDownloadItem                 = ugcMethod("DownloadItem", shapeBWU64B)
	symGetItemDownloadInfo          = ugcMethod("GetItemDownloadInfo", shapeBWU64PU64PU64)
	symGetItemInstallInfo           = ugcMethod("GetItemInstallInfo", shapeBWU64PU64PU32PU32)
	symGetItemState                 = ugcMethod("GetItemState", shapeU32WU64)
	symGetNumSubscribedItems        = ugcMethod("GetNumSubscribedItems", shapeU32W)
	symGetSubscribedItems           = ugcMethod("GetSubscribedItems", shapeU32WPU32)
	symSuspendDownloads             = ugcMethod("SuspendDownloads", shapeVWB)
)

// querySetters is the ISteamUGC setter of each query option; its C shape says which of the
// option's values it takes (ShapeUGCQuery).
var querySetters = map[steam.UGCOption]sym{
	steam.UGCRequiredTag:              ugcMethod("AddRequiredTag", shapeBWU64S),
	steam.UGCExcludedTag:              ugcMethod("AddExcludedTag", shapeBWU64S),
	steam.UGCSearchText:               ugcMethod("SetSearchText", shapeBWU64S),
	steam.UGCLanguage:                 ugcMethod("SetLanguage", shapeBWU64S),
	steam.UGCCloudFileNameFilter:      ugcMethod("SetCloudFileNameFilter", shapeBWU64S),
	steam.UGCRequiredKeyValueTag:      ugcMethod("AddRequiredKeyValueTag", shapeBWU64SS),
	steam.UGCRequiredGameVersions:     ugcMethod("SetRequiredGameVersions", shapeBWU64SS),
	steam.UGCMatchAnyTag:              ugcMethod("SetMatchAnyTag", shapeBWU64B),
	steam.UGCReturnKeyValueTags:       ugcMethod("SetReturnKeyValueTags", shapeBWU64B),
	steam.UGCReturnMetadata:           ugcMethod("SetReturnMetadata", shapeBWU64B),
	steam.UGCReturnLongDescription:    ugcMethod("SetReturnLongDescription", shapeBWU64B),
	steam.UGCReturnChildren:           ugcMethod("SetReturnChildren", shapeBWU64B),
	steam.UGCReturnTotalOnly:          ugcMethod("SetReturnTotalOnly", shapeBWU64B),
	steam.UGCReturnOnlyIDs:            ugcMethod("SetReturnOnlyIDs", shapeBWU64B),
	steam.UGCReturnAdditionalPreviews: ugcMethod("SetReturnAdditionalPreviews", shapeBWU64B),
	steam.UGCAdminQuery:               ugcMethod("SetAdminQuery", shapeBWU64B),
	steam.UGCAllowCachedResponse:      ugcMethod("SetAllowCachedResponse", shapeBWU64U32),
	steam.UGCRankedByTrendDays:        ugcMethod("SetRankedByTrendDays", shapeBWU64U32),
	steam.UGCReturnPlaytimeStats:      ugcMethod("SetReturnPlaytimeStats", shapeBWU64U32),
	steam.UGCTimeCreatedRange:         ugcMethod("SetTimeCreatedDateRange", shapeBWU64U32U32),
	steam.UGCTimeUpdatedRange:         ugcMethod("SetTimeUpdatedDateRange", shapeBWU64U32U32),
	steam.UGCRequiredTagGroup:         ugcMethod("AddRequiredTagGroup", shapeBWU64SA),
}

// maxSubscribedItems bounds GetSubscribedItems' array, whatever count Steam claims.
const maxSubscribedItems = 1 << 16

// installFolderSize is GetItemInstallInfo's folder buffer: PATH_MAX on Linux.
const installFolderSize = 4096

var _ steam.UGCBackend = (*Backend)(nil)

var errNoUGCInterface = errors.New("libsteam_api.so returned no STEAMUGC_INTERFACE_VERSION020 interface (SteamGameServerUGC) at serverInit")

// refusedBy is the error of an ISteamUGC call that answered false (or an invalid handle).
func refusedBy(call string, format string, args ...any) error {
	return fmt.Errorf("Steam refused %s(%s)", call, fmt.Sprintf(format, args...))
}

// ugcName is s's ISteamUGC method name, for errors.
func ugcName(s sym) string { return strings.TrimPrefix(symbols[s].name, gsu) }

// checkCString refuses what C would silently cut at a NUL.
func checkCString(what, s string) error {
	if strings.IndexByte(s, 0) >= 0 {
		return fmt.Errorf("%s %q contains a NUL character, which Steam's C strings cannot hold", what, s)
	}
	return nil
}

func (b *Backend) InitWorkshop(depot uint32, folder string) error {
	if !b.hasUGC {
		return errNoUGCInterface
	}
	if err := checkCString("folder", folder); err != nil {
		return err
	}
	if !b.api.bWU32S(symBInitWorkshopForGameServer, depot, folder) {
		return refusedBy("BInitWorkshopForGameServer", "%d, %q", depot, folder)
	}
	return nil
}

func (b *Backend) CreateUGCQuery(q steam.UGCQuerySpec) (uint64, error) {
	if !b.hasUGC {
		return steam.UGCQueryHandleInvalid, errNoUGCInterface
	}
	var h uint64
	var call string
	switch {
	case q.All == nil && q.User == nil:
		if len(q.IDs) == 0 {
			return steam.UGCQueryHandleInvalid, errors.New("the query names no published file IDs")
		}
		h, call = b.api.u64WPU32(symCreateQueryUGCDetailsRequest, q.IDs), fmt.Sprintf("CreateQueryUGCDetailsRequest(%d IDs)", len(q.IDs))
	case q.All != nil && q.User == nil && len(q.IDs) == 0:
		a := q.All
		h = b.api.u64WI32I32U32U32U32(symCreateQueryAllUGCRequestPage, int32(a.QueryType), int32(a.MatchingType), a.Creator, a.Consumer, a.Page)
		call = fmt.Sprintf("CreateQueryAllUGCRequestPage(%d, %d, %d, %d, %d)", a.QueryType, a.MatchingType, a.Creator, a.Consumer, a.Page)
	case q.User != nil && q.All == nil && len(q.IDs) == 0:
		u := q.User
		h = b.api.u64WU32I32I32I32U32U32U32(symCreateQueryUserUGCRequest, u.Account, int32(u.ListType), int32(u.MatchingType), int32(u.Order),
			u.Creator, u.Consumer, u.Page)
		call = fmt.Sprintf("CreateQueryUserUGCRequest(%d, %d, %d, %d, %d, %d, %d)", u.Account, u.ListType, u.MatchingType, u.Order,
			u.Creator, u.Consumer, u.Page)
	default:
		return steam.UGCQueryHandleInvalid, errors.New("a query is of IDs, of all items or of a user's items: exactly one")
	}
	if h == steam.UGCQueryHandleInvalid {
		return h, fmt.Errorf("Steam refused %s: k_UGCQueryHandleInvalid (are the creator and consumer app IDs this app's?)", call)
	}
	return h, nil
}

// ShapeUGCQuery calls the setter of opt.Option with the values its shape takes; Steam refuses a
// handle it does not know (or one already sent).
func (b *Backend) ShapeUGCQuery(handle uint64, opt steam.UGCQueryOption) error {
	if !b.hasUGC {
		return errNoUGCInterface
	}
	s, known := querySetters[opt.Option]
	if !known {
		return fmt.Errorf("query option %d has no ISteamUGC setter", opt.Option)
	}
	for _, text := range append([]string{opt.Text, opt.Text2}, opt.Tags...) {
		if err := checkCString("the text", text); err != nil {
			return err
		}
	}
	if !b.callSetter(s, handle, opt) {
		return fmt.Errorf("Steam refused %s on query %d (not an open, unsent query handle, or not an option for this query)", ugcName(s), handle)
	}
	return nil
}

// callSetter gives setter s the option's values its C shape takes.
func (b *Backend) callSetter(s sym, handle uint64, opt steam.UGCQueryOption) bool {
	switch sh := symbols[s].shape; sh {
	case shapeBWU64S, shapeBWU64SS: // a text, or two
		if sh == shapeBWU64S {
			return b.api.bWU64S(s, handle, opt.Text)
		}
		return b.api.bWU64SS(s, handle, opt.Text, opt.Text2)
	case shapeBWU64U32, shapeBWU64U32U32: // a number, or two
		if sh == shapeBWU64U32 {
			return b.api.bWU64U32(s, handle, opt.N)
		}
		return b.api.bWU64U32U32(s, handle, opt.N, opt.M)
	case shapeBWU64B:
		return b.api.bWU64B(s, handle, opt.On)
	case shapeBWU64SA:
		return b.api.bWU64SA(s, handle, opt.Tags)
	}
	return false
}

// SendUGCQuery starts the query; its SteamUGCQueryCompleted_t comes through the pump, and a call
// whose result fails is answered with ResultFail for the handle (callCompleted).
func (b *Backend) SendUGCQuery(handle uint64) error {
	call, err := b.startUGCCall(symSendQueryUGCRequest, handle, " (not an open query handle?)")
	if err != nil {
		return err
	}
	if len(b.queries) < maxPendingCalls {
		b.queries[call] = handle
	}
	return nil
}

// startUGCCall starts async call s of one 64-bit argument, which isAPICallCompleted and
// getAPICallFailureReason then ask about. k_uAPICallInvalid is an error naming the call, with why
// Steam may have refused it.
func (b *Backend) startUGCCall(s sym, arg uint64, why string) (uint64, error) {
	if !b.hasUGC {
		return 0, errNoUGCInterface
	}
	call := b.api.u64WU64(s, arg)
	b.startedCall(call)
	if call == 0 {
		return 0, fmt.Errorf("Steam refused %s(%d): k_uAPICallInvalid%s", ugcName(s), arg, why)
	}
	return call, nil
}

func (b *Backend) ReleaseUGCQuery(handle uint64) error {
	if !b.hasUGC {
		return errNoUGCInterface
	}
	if !b.api.bWU64(symReleaseQueryUGCRequest, handle) {
		return refusedBy("ReleaseQueryUGCRequest", "%d", handle)
	}
	return nil
}

// DownloadItem asks Steam for the item; DownloadItemResult_t (item_downloaded) says when it is
// done, ItemInstalled_t (item_installed) when it is in place.
func (b *Backend) DownloadItem(id uint64, highPriority bool) error {
	if !b.hasUGC {
		return errNoUGCInterface
	}
	if !b.api.bWU64B(symDownloadItem, id, highPriority) {
		return refusedBy("DownloadItem", "%d, %v", id, highPriority)
	}
	return nil
}

func (b *Backend) ItemDownloadInfo(id uint64) (downloaded, total uint64, ok bool) {
	if !b.hasUGC {
		return 0, 0, false
	}
	ok, downloaded, total = b.api.bWU64PU64PU64(symGetItemDownloadInfo, id)
	if !ok {
		return 0, 0, false
	}
	return downloaded, total, true
}

// ItemInstallInfo reads the folder into a PATH_MAX buffer; a folder Steam cannot fit is not
// installed as far as the answer goes (Steam returns false).
func (b *Backend) ItemInstallInfo(id uint64) (steam.InstallInfo, bool) {
	if !b.hasUGC {
		return steam.InstallInfo{}, false
	}
	folder := make([]byte, installFolderSize)
	ok, size, stamp := b.api.bWU64PU64PU32PU32(symGetItemInstallInfo, id, folder)
	if !ok {
		return steam.InstallInfo{}, false
	}
	return steam.InstallInfo{Size: size, Folder: cString(folder), Timestamp: stamp}, true
}

func (b *Backend) ItemState(id uint64) steam.ItemState {
	if !b.hasUGC {
		return steam.ItemStateNone
	}
	return steam.ItemState(b.api.u32WU64(symGetItemState, id))
}

// SubscribedItems is what GetSubscribedItems fills, for as many items as GetNumSubscribedItems
// counts (at most maxSubscribedItems).
func (b *Backend) SubscribedItems() []uint64 {
	if !b.hasUGC {
		return nil
	}
	n := min(b.api.u32W(symGetNumSubscribedItems), maxSubscribedItems)
	if n == 0 {
		return nil
	}
	ids := make([]uint64, n)
	got := min(b.api.u32WPU32(symGetSubscribedItems, ids), n)
	return ids[:got:got]
}

func (b *Backend) SuspendDownloads(suspend bool) {
	if b.hasUGC {
		b.api.vWB(symSuspendDownloads, suspend)
	}
}
