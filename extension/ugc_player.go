package main

/*
#include "gdext.h"
*/
import "C"

import (
	"strings"

	"github.com/gosteam/godot-steam-server/signals"
	"github.com/gosteam/godot-steam-server/steam"
)

// The player's Workshop calls of GodotSteam Server 4's Ugc section: voting, favourites,
// subscriptions, playtime tracking, the Workshop EULA, content preferences and authoring items
// (createItem, the item update calls, dependencies, deleteItem). Steam gives a game server no
// user account to make them with, so each is refused, whatever its arguments and on either
// backend, with steam.PlayerUGCCall's message and GodotSteam Server 4's failure value.

// playerCall is one refused call: its arguments (their kinds follow from their names; "name=false"
// is an optional bool), its failure value, what it does for a player, and the signal Steam answers a player's call with.
type playerCall struct {
	name, args string
	refuse     func(kinds []kind, name string) binding
	what       string
	reply      signals.ID
}

// noReply marks a call Steam answers with no signal.
const noReply signals.ID = -1

var playerCalls = []playerCall{
	// Authoring: an item, then an update of it (StartItemUpdate's handle), then its submission.
	{"createItem", "app_id file_type", refusedVoid, "Creates a Workshop item with no content yet", signals.ItemCreated},
	{"startItemUpdate", "app_id file_id", refusedHandle, "Starts an update of an item: the handle the setItem* calls take (UGC_UPDATE_HANDLE_INVALID when refused)", noReply},
	{"setItemTitle", "update_handle title", refusedFalse, "Sets the updated item's title", noReply},
	{"setItemDescription", "update_handle description", refusedFalse, "Sets the updated item's description", noReply},
	{"setItemUpdateLanguage", "update_handle language", refusedFalse, "Sets the language of the title and description the update sets", noReply},
	{"setItemMetadata", "update_handle ugc_metadata", refusedFalse, "Sets the updated item's metadata", noReply},
	{"setItemVisibility", "update_handle visibility", refusedFalse, "Sets the updated item's visibility", noReply},
	{"setItemTags", "update_handle tag_array allow_admin_tags=false", refusedFalse, "Sets the updated item's tags", noReply},
	{"setItemContent", "update_handle content_folder", refusedFalse, "Sets the folder the update uploads as the item's content", noReply},
	{"setItemPreview", "update_handle preview_file", refusedFalse, "Sets the updated item's preview image", noReply},
	{"setRequiredGameVersions", "query_handle game_branch_min game_branch_max", refusedFalse,
		"Sets the game branches the uploaded version is for (an item update's setting, though GodotSteam Server 4 names its handle query_handle)", noReply},
	{"addItemKeyValueTag", "query_handle key value", refusedFalse, "Adds a key-value tag to the updated item", noReply},
	{"removeItemKeyValueTags", "update_handle key", refusedFalse, "Removes the updated item's key-value tags of a key", noReply},
	{"addItemPreviewFile", "query_handle preview_file type", refusedFalse, "Adds an additional preview file to the updated item", noReply},
	{"addItemPreviewVideo", "query_handle video_id", refusedFalse, "Adds an additional YouTube preview to the updated item", noReply},
	{"updateItemPreviewFile", "update_handle index preview_file", refusedFalse, "Replaces an additional preview file of the updated item", noReply},
	{"updateItemPreviewVideo", "update_handle index video_id", refusedFalse, "Replaces an additional YouTube preview of the updated item", noReply},
	{"removeItemPreview", "update_handle index", refusedFalse, "Removes an additional preview of the updated item", noReply},
	{"addContentDescriptor", "update_handle descriptor_id", refusedFalse, "Adds a content descriptor to the updated item", noReply},
	{"removeContentDescriptor", "update_handle descriptor_id", refusedFalse, "Removes a content descriptor of the updated item", noReply},
	{"submitItemUpdate", "update_handle change_note", refusedVoid, "Uploads the update", signals.ItemUpdated},
	{"getItemUpdateProgress", "update_handle", refusedDict, "An upload's progress `{status, processed, total}` (`{}` when refused)", noReply},
	{"deleteItem", "published_file_id", refusedVoid, "Deletes an item", signals.ItemDeleted},
	{"addDependency", "published_file_id child_published_file_id", refusedVoid, "Makes an item depend on another (or adds it to a collection)", signals.AddUGCDependencyResult},
	{"removeDependency", "published_file_id child_published_file_id", refusedVoid, "Removes a dependency of an item", signals.RemoveUGCDependencyResult},
	{"addAppDependency", "published_file_id app_id", refusedVoid, "Makes an item depend on an app (usually DLC)", signals.AddAppDependencyResult},
	{"removeAppDependency", "published_file_id app_id", refusedVoid, "Removes an app dependency of an item", signals.RemoveAppDependencyResult},
	// A user's own Workshop: votes, favourites, subscriptions, playtime, the EULA, preferences.
	{"setUserItemVote", "published_file_id vote_up", refusedVoid, "Votes an item up or down", signals.SetUserItemVote},
	{"getUserItemVote", "published_file_id", refusedVoid, "Asks how the user voted on an item", signals.GetItemVoteResult},
	{"addItemToFavorites", "app_id published_file_id", refusedVoid, "Adds an item to the user's favourites", signals.UserFavoriteItemsListChanged},
	{"removeItemFromFavorites", "app_id published_file_id", refusedVoid, "Removes an item from the user's favourites", signals.UserFavoriteItemsListChanged},
	{"subscribeItem", "published_file_id", refusedVoid, "Subscribes the user to an item", signals.SubscribeItem},
	{"unsubscribeItem", "published_file_id", refusedVoid, "Unsubscribes the user from an item", signals.UnsubscribeItem},
	{"startPlaytimeTracking", "published_file_ids", refusedVoid, "Starts counting the user's playtime on the items the Array lists", signals.StartPlaytimeTracking},
	{"stopPlaytimeTracking", "published_file_ids", refusedVoid, "Stops counting the user's playtime on the items the Array lists", signals.StopPlaytimeTracking},
	{"stopPlaytimeTrackingForAllItems", "", refusedVoid, "Stops counting the user's playtime on every item", signals.StopPlaytimeTracking},
	{"getUserContentDescriptorPreferences", "max_entries", refusedArray, "The content descriptors the user chose not to see (`[]` when refused)", noReply},
	{"showWorkshopEULA", "", refusedFalse, "Shows the user the app's Workshop EULA in the overlay", noReply},
	{"getWorkshopEULAStatus", "", refusedVoid, "Asks whether the user accepted the app's Workshop EULA", signals.WorkshopEULAStatus},
}

// playerArgKinds are the kinds of the player calls' arguments, by name, as GodotSteam Server 4 types them.
var playerArgKinds = func() map[string]kind {
	k := map[string]kind{
		"app_id": uint32Arg.kind, "index": uint32Arg.kind, "max_entries": uint32Arg.kind,
		"descriptor_id": enumArg("UGCContentDescriptorID").kind, "type": enumArg("ItemPreviewType").kind,
		"file_type": enumArg("WorkshopFileType").kind, "visibility": enumArg("RemoteStoragePublishedFileVisibility").kind,
		"vote_up": boolean.kind, "allow_admin_tags": boolean.kind, "tag_array": tagList.kind, "published_file_ids": idList.kind,
	}
	for _, name := range []string{"published_file_id", "child_published_file_id", "file_id", "update_handle", "query_handle"} {
		k[name] = handle.kind
	}
	for _, name := range []string{"title", "description", "language", "ugc_metadata", "content_folder", "preview_file", "key", "value",
		"video_id", "change_note", "game_branch_min", "game_branch_max"} {
		k[name] = text.kind
	}
	return k
}()

// refusal binds a refused call returning r's failure value.
func refusal[R any](r result[R]) func(kinds []kind, name string) binding {
	return func(kinds []kind, name string) binding {
		return bind(kinds, r, func(_ *steam.Server, _ []C.sv_arg, out *C.sv_ret) error {
			return finish(r, out, r.fallback, steam.PlayerUGCCall(name))
		})
	}
}

var (
	refusedVoid   = refusal(void)
	refusedFalse  = refusal(boolRet)
	refusedHandle = refusal(handleRet) // UGC_UPDATE_HANDLE_INVALID, the same bits as UGC_QUERY_HANDLE_INVALID
	refusedDict   = refusal(dictRet(func(dict, struct{}) {}))
	refusedArray  = refusal(idListRet)
)

func ugcPlayerMethods() []method {
	rows := make([]method, len(playerCalls))
	for i, c := range playerCalls {
		args := strings.Fields(c.args)
		kinds := make([]kind, len(args))
		var defaults []any
		for j, a := range args {
			a, def, optional := strings.Cut(a, "=")
			k, ok := playerArgKinds[a]
			if !ok || (optional && def != "false") {
				panic("playerCalls: no kind for " + c.name + "'s " + args[j])
			}
			if optional {
				defaults = append(defaults, false)
			}
			args[j], kinds[j] = a, k
		}
		doc := c.what + ". A player's call: a game server is refused (no user account on Steam)."
		if c.reply != noReply {
			doc += " On a game client Steam answers with " + signals.Catalogue[c.reply].Name + "."
		}
		rows[i] = method{name: c.name, args: args, defaults: defaults, steam: "ISteamUGC::" + upperFirst(c.name), bind: c.refuse(kinds, c.name),
			doc: doc, offline: "refused on either backend"}
	}
	return rows
}
