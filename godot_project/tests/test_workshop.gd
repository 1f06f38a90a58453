## The Steam Workshop on a dedicated server, offline, as a GodotSteam Server 4 game drives it: a
## catalogue in the offline data file (a folder per item), initWorkshopForGameServer, item queries
## (details, all items with a tag, paged over more than one page, a user's published items, tag
## groups, date ranges), every part of a result, downloadItem until item_installed (suspended and
## resumed too), a map scene loaded from the installed folder, and the player's calls refused.
extends TestSuite

const ROOT := "user://workshop_test"
const PLAYER := 76561197960287930
const MAP_ID := 1001
const ITEMS := 55 # more than one page of NUM_UGC_RESULTS_PER_PAGE (50)
const MAP_SCENE := """[gd_scene format=3]

[node name="WorkshopArena" type="Node3D"]
"""

var installed := []
var downloaded := []
var completed := []


func _write(path: String, text: String) -> void:
	DirAccess.make_dir_recursive_absolute(ProjectSettings.globalize_path(path.get_base_dir()))
	var f := FileAccess.open(path, FileAccess.WRITE)
	f.store_string(text)
	f.close()


## A catalogue of ITEMS items: MAP_ID is a map (tag "map") holding arena.tscn; the others are mods.
func _start() -> bool:
	var items := {}
	for i in ITEMS:
		var id := MAP_ID + i
		var folder := "items/%d" % id
		_write("%s/%s/readme.txt" % [ROOT, folder], "item %d" % id)
		items[str(id)] = {"title": "Item %d" % id, "description": "workshop test item", "tags": ["map"] if id == MAP_ID else ["mod"],
			"time_created": 1700000000 + i, "time_updated": 1700000000 + i, "folder": folder}
	_write("%s/items/%d/arena.tscn" % [ROOT, MAP_ID], MAP_SCENE)
	items[str(MAP_ID)].merge({"title": "Arena", "key_value_tags": {"mode": "ctf"}, "metadata": "v2", "owner": str(PLAYER),
		"children": [str(MAP_ID + 1)], "tag_display_names": {"map": "Carte"}, "content_descriptors": ["frequent_violence_or_gore"],
		"additional_previews": [{"url": "https://example.com/arena2.png", "filename": "arena2.png"}, {"url": "dQw4w9WgXcQ", "type": "youtube_video"}],
		"game_versions": [{"min": "", "max": "1.2"}], "app_dependencies": [1200],
		"statistics": {"num_subscriptions": 42, "num_seconds_played_during_time_period": 3600}}, true)
	items[str(MAP_ID + 1)]["owner"] = str(PLAYER)
	_write(ROOT + "/steam_offline.json", JSON.stringify({"workshop": {"items": items}}))
	OS.set_environment("GOSTEAM_OFFLINE_DATA", ProjectSettings.globalize_path(ROOT + "/steam_offline.json"))
	var init := SteamServer.serverInitEx("127.0.0.1", 27015, 0, SteamServer.SERVER_MODE_AUTHENTICATION, "1.0")
	OS.unset_environment("GOSTEAM_OFFLINE_DATA")
	if not check_eq(init.status, SteamServer.STEAM_API_INIT_RESULT_OK, "serverInitEx with a workshop catalogue: %s" % init.verbal):
		return false
	SteamServer.ugc_query_completed.connect(func(h, r, n, total, cached): completed.append([h, r, n, total, cached]))
	SteamServer.item_downloaded.connect(func(r, id, app): downloaded.append([r, id, app]))
	SteamServer.item_installed.connect(func(app, id): installed.append([app, id]))
	var folder := ProjectSettings.globalize_path(ROOT + "/server")
	return check(SteamServer.initWorkshopForGameServer(480, folder), "initWorkshopForGameServer(480, %s)" % folder)


## Sends a query and waits (run_callbacks) for its ugc_query_completed.
func _complete(handle: int) -> Array:
	completed.clear()
	SteamServer.sendQueryUGCRequest(handle)
	for i in 100:
		SteamServer.run_callbacks()
		if not completed.is_empty():
			return completed[0]
	check(false, "no ugc_query_completed for query %d" % handle)
	return []


## Runs frames (at most about 2.5 s) until an item_installed.
func _until_installed() -> void:
	for i in 500:
		SteamServer.run_callbacks()
		if not installed.is_empty():
			return
		OS.delay_msec(5)


func test_details_query() -> void:
	if not _start():
		return
	var handle := SteamServer.createQueryUGCDetailsRequest([MAP_ID, 999999])
	check(handle != SteamServer.UGC_QUERY_HANDLE_INVALID, "a details query handle")
	check_eq(_complete(handle), [handle, SteamServer.RESULT_OK, 2, 2, false], "ugc_query_completed(handle, result, returned, total, cached)")
	var map := SteamServer.getQueryUGCResult(handle, 0)
	check_eq([map.result, map.file_id, map.title, map.tags], [SteamServer.RESULT_OK, MAP_ID, "Arena", "map"], "the map's details")
	var content := ("item %d" % MAP_ID).length() + MAP_SCENE.length() # readme.txt and arena.tscn
	check_eq([map.file_size, map.total_files_size, map.creator_app_id, map.consumer_app_id, map.num_children, map.accepted_for_use, map.url],
		[content, content, 480, 480, 1, true, ""], "SteamUGCDetails_t's other fields: the folder's size, the app, its one child (not returned)")
	check_eq(SteamServer.getQueryUGCResult(handle, 1).result, SteamServer.RESULT_FILE_NOT_FOUND, "an ID not in the Workshop")
	check_eq(SteamServer.getQueryUGCResult(handle, 2), {}, "past the last result: {}")
	check_eq([SteamServer.getQueryUGCNumTags(handle, 0), SteamServer.getQueryUGCTag(handle, 0, 0)], [1, "map"], "the map's tags")
	check_eq(SteamServer.getQueryUGCMetadata(handle, 0), "", "no metadata without setReturnMetadata")
	check(SteamServer.releaseQueryUGCRequest(handle), "releaseQueryUGCRequest")
	check_eq(SteamServer.getQueryUGCResult(handle, 0), {}, "a released query has no results")


func test_all_items_paged_and_filtered() -> void:
	if not _start():
		return
	var seen := {}
	for page in [1, 2]:
		var h := SteamServer.createQueryAllUGCRequest(SteamServer.UGC_QUERY_RANKED_BY_PUBLICATION_DATE, SteamServer.UGC_MATCHING_UGC_TYPE_ITEMS, 0, 480, page)
		var done := _complete(h)
		check_eq(done.slice(1, 4), [SteamServer.RESULT_OK, 50 if page == 1 else ITEMS - 50, ITEMS], "page %d: result, returned, total" % page)
		for i in done[2] if done.size() > 2 else 0:
			seen[SteamServer.getQueryUGCResult(h, i).file_id] = true
		SteamServer.releaseQueryUGCRequest(h)
	check_eq(seen.size(), ITEMS, "two pages hold every item once")
	var maps := SteamServer.createQueryAllUGCRequest(SteamServer.UGC_QUERY_RANKED_BY_PUBLICATION_DATE, SteamServer.UGC_MATCHING_UGC_TYPE_ITEMS, 0, 480, 1)
	check(SteamServer.addRequiredTag(maps, "map"), "addRequiredTag(map)")
	check_eq(_complete(maps).slice(2, 4), [1, 1], "one item has the tag map")
	check_eq(SteamServer.getQueryUGCResult(maps, 0).file_id, MAP_ID, "the map")


func test_download_and_load_a_map() -> void:
	if not _start():
		return
	check(SteamServer.downloadItem(MAP_ID, true), "downloadItem")
	_until_installed()
	check_eq(downloaded, [[SteamServer.RESULT_OK, MAP_ID, 480]], "item_downloaded(result, file_id, app_id)")
	check_eq(installed, [[480, MAP_ID]], "item_installed(app_id, file_id)")
	var info := SteamServer.getItemInstallInfo(MAP_ID)
	check(info.ret and DirAccess.dir_exists_absolute(info.folder), "getItemInstallInfo: %s" % info)
	check(SteamServer.getItemState(MAP_ID) & SteamServer.ITEM_STATE_INSTALLED, "getItemState has ITEM_STATE_INSTALLED")
	var scene: PackedScene = load(info.folder.path_join("arena.tscn"))
	if check(scene != null, "the map scene loads from the installed folder"):
		var arena := scene.instantiate()
		check_eq(arena.name, &"WorkshopArena", "the map's root node")
		arena.free()
	check_eq(SteamServer.getItemInstallInfo(999999), {"ret": false}, "an item never installed")
	check_eq(SteamServer.getSubscribedItems(), [], "a game server subscribes to nothing")


## A details query of the map asking for every part, completed.
func _map_query() -> int:
	var h := SteamServer.createQueryUGCDetailsRequest([MAP_ID])
	for setter in ["setReturnKeyValueTags", "setReturnChildren", "setReturnAdditionalPreviews", "setReturnMetadata"]:
		check(SteamServer.call(setter, h, true), setter)
	check(SteamServer.setReturnPlaytimeStats(h, 7), "setReturnPlaytimeStats(7)")
	check_eq(_complete(h).slice(1, 4), [SteamServer.RESULT_OK, 1, 1], "the map's query")
	return h


func test_every_part_of_a_result() -> void:
	if not _start():
		return
	var h := _map_query()
	var at := {"success": true, "handle": h, "index": 0}
	check_eq(SteamServer.getQueryUGCKeyValueTag(h, 0, 0), at.merged({"tag": 0, "key": "mode", "value": "ctf"}), "getQueryUGCKeyValueTag")
	check_eq(SteamServer.getQueryUGCNumKeyValueTags(h, 0), 1, "getQueryUGCNumKeyValueTags")
	check_eq(SteamServer.getQueryUGCMetadata(h, 0), "v2", "getQueryUGCMetadata")
	check_eq([SteamServer.getQueryUGCTag(h, 0, 0), SteamServer.getQueryUGCTagDisplayName(h, 0, 0)], ["map", "Carte"], "the tag and its display name")
	check_eq(SteamServer.getQueryUGCChildren(h, 0, 5), at.merged({"children": [MAP_ID + 1]}), "getQueryUGCChildren(5)")
	check_eq(SteamServer.getQueryUGCChildren(h, 0, 0), at.merged({"children": []}), "getQueryUGCChildren(0): none asked for")
	check_eq(SteamServer.getQueryUGCStatistic(h, 0, SteamServer.ITEM_STATISTIC_NUM_SUBSCRIPTIONS), at.merged({"type": 0, "value": 42}), "subscriptions")
	check_eq(SteamServer.getQueryUGCStatistic(h, 0, SteamServer.ITEM_STATISTIC_NUM_SECONDS_PLAYED_DURING_TIME_PERIOD).value, 3600, "playtime (setReturnPlaytimeStats)")
	check_eq(SteamServer.getQueryUGCStatistic(h, 0, SteamServer.ITEM_STATISTIC_NUM_FAVORITES).value, 0, "a statistic the catalogue lacks")
	check_eq(SteamServer.getQueryUGCNumAdditionalPreviews(h, 0), 2, "getQueryUGCNumAdditionalPreviews")
	check_eq(SteamServer.getQueryUGCAdditionalPreview(h, 0, 0), at.merged({"preview": 0, "urlOrVideo": "https://example.com/arena2.png", "filename": "arena2.png",
		"type": SteamServer.ITEM_PREVIEW_TYPE_IMAGE}), "an image preview")
	check_eq(SteamServer.getQueryUGCAdditionalPreview(h, 0, 1).type, SteamServer.ITEM_PREVIEW_TYPE_YOUTUBE_VIDEO, "a video preview")
	check_eq(SteamServer.getQueryUGCContentDescriptors(h, 0, 5), {"result": 1, "handle": h, "index": 0,
		"descriptors": [SteamServer.UGC_CONTENT_DESCRIPTOR_FREQUENT_VIOLENCE_OR_GORE]}, "getQueryUGCContentDescriptors")
	check_eq(SteamServer.getNumSupportedGameVersions(h, 0), 1, "getNumSupportedGameVersions")
	check_eq(SteamServer.getSupportedGameVersionData(h, 0, 0), {"min": "", "max": "1.2", "size": SteamServer.STEAM_BUFFER_SIZE}, "getSupportedGameVersionData")
	var past := errors_of(func(): check_eq(SteamServer.getQueryUGCKeyValueTag(h, 0, 1), {}, "past the last key-value tag: {}"))
	check(past.size() == 1 and past[0].contains("key_value_tag_index is 1; the result has 1 key-value tags"), "the error says why: %s" % [past])
	check_eq(SteamServer.getSupportedGameVersionData(h, 0, 1), {}, "past the last game version")
	check_eq(SteamServer.getQueryUGCAdditionalPreview(h, 0, 2), {}, "past the last preview")
	var plain := SteamServer.createQueryUGCDetailsRequest([MAP_ID])
	_complete(plain)
	check_eq(SteamServer.getQueryUGCNumAdditionalPreviews(plain, 0), 0, "no additional previews without setReturnAdditionalPreviews")
	check_eq(SteamServer.getQueryUGCStatistic(plain, 0, SteamServer.ITEM_STATISTIC_NUM_SECONDS_PLAYED_DURING_TIME_PERIOD).value, 0, "no playtime without setReturnPlaytimeStats")


func test_a_users_items_tag_groups_and_dates() -> void:
	if not _start():
		return
	for account in [PLAYER, SteamServer.getSteamID32(PLAYER)]:
		var h := SteamServer.createQueryUserUGCRequest(account, SteamServer.USER_UGC_LIST_PUBLISHED, SteamServer.UGC_MATCHING_UGC_TYPE_ITEMS,
			SteamServer.USER_UGC_LIST_SORT_ORDER_CREATION_ORDER_ASC, 0, 480, 1)
		check_eq(_complete(h).slice(2, 4), [2, 2], "the player published two items (account_id %d)" % account)
		check_eq([SteamServer.getQueryUGCResult(h, 0).file_id, SteamServer.getQueryUGCResult(h, 1).file_id], [MAP_ID, MAP_ID + 1], "oldest first")
	var favourites := SteamServer.createQueryUserUGCRequest(PLAYER, SteamServer.USER_UGC_LIST_FAVORITED, 0, 0, 0, 480, 1)
	check_eq(_complete(favourites).slice(1, 4), [SteamServer.RESULT_OK, 0, 0], "who favourited what is not in the catalogue")
	var all := func() -> int:
		return SteamServer.createQueryAllUGCRequest(SteamServer.UGC_QUERY_RANKED_BY_PUBLICATION_DATE, 0, 0, 480, 1)
	var grouped: int = all.call()
	check(SteamServer.addRequiredTagGroup(grouped, ["map", "nothing"]), "addRequiredTagGroup([map, nothing])")
	check_eq(_complete(grouped).slice(2, 4), [1, 1], "one tag of the group is enough")
	var both: int = all.call()
	check(SteamServer.addRequiredTagGroup(both, ["map"]) and SteamServer.addRequiredTagGroup(both, ["mod"]), "two groups")
	check_eq(_complete(both).slice(2, 4), [0, 0], "no item has a tag of each group")
	var dated: int = all.call()
	check(SteamServer.setTimeCreatedDateRange(dated, 1700000000, 1700000009), "setTimeCreatedDateRange")
	check(SteamServer.setTimeUpdatedDateRange(dated, 1700000005, 1800000000), "setTimeUpdatedDateRange")
	check_eq(_complete(dated).slice(2, 4), [5, 5], "created in the first ten seconds and updated from the fifth: both ends included")
	var bad: int = all.call()
	var errors := errors_of(func(): check_eq(SteamServer.setTimeCreatedDateRange(bad, 10, 9), false, "a range ending before it starts"))
	check(errors.size() == 1 and errors[0].contains("end (9) is before start (10)"), "the error names end: %s" % [errors])
	check_eq([SteamServer.setLanguage(bad, "english"), SteamServer.setLanguage(bad, "English")], [true, false], "setLanguage takes Steam's language codes")
	check_eq([SteamServer.setCloudFileNameFilter(bad, "map.bin"), SteamServer.setAdminQuery(bad, true)], [true, true], "accepted, changing nothing offline")
	check_eq(_complete(bad).slice(2, 4), [50, ITEMS], "those setters filter nothing offline")


func test_app_dependencies() -> void:
	if not _start():
		return
	var got := []
	SteamServer.get_app_dependencies_result.connect(func(r, id, n, total): got.append([r, id, n, total]))
	SteamServer.getAppDependencies(MAP_ID)
	SteamServer.getAppDependencies(999999)
	SteamServer.run_callbacks()
	check_eq(got, [[SteamServer.RESULT_OK, MAP_ID, 1, 1], [SteamServer.RESULT_FILE_NOT_FOUND, 999999, 0, 0]], "get_app_dependencies_result(result, file_id, app_dependencies, total)")


func test_suspended_download_waits_until_resumed() -> void:
	if not _start():
		return
	var mod := MAP_ID + 2 # an item no other test downloads (a run before this one may have)
	SteamServer.suspendDownloads(true)
	check(SteamServer.downloadItem(mod, false), "downloadItem while suspended")
	for i in 20:
		SteamServer.run_callbacks()
		OS.delay_msec(5)
	check_eq([downloaded, installed], [[], []], "nothing downloaded while suspended")
	var busy := SteamServer.ITEM_STATE_DOWNLOAD_PENDING | SteamServer.ITEM_STATE_DOWNLOADING
	check_eq(SteamServer.getItemState(mod) & busy, SteamServer.ITEM_STATE_DOWNLOAD_PENDING, "the item waits to start")
	SteamServer.suspendDownloads(false)
	_until_installed()
	check_eq(installed, [[480, mod]], "installed once resumed")


func test_player_calls_are_refused_with_their_failure_value() -> void:
	if not _start():
		return
	var calls := [["subscribeItem", [MAP_ID], null], ["setUserItemVote", [MAP_ID, true], null], ["startItemUpdate", [480, MAP_ID], SteamServer.UGC_UPDATE_HANDLE_INVALID],
		["setItemTitle", [1, "Arena 2"], false], ["setItemTags", [1, ["map"]], false], ["getItemUpdateProgress", [1], {}],
		["getUserContentDescriptorPreferences", [5], []], ["showWorkshopEULA", [], false]]
	for c in calls:
		var got := []
		var errors := errors_of(func(): got.append(SteamServer.callv(c[0], c[1])))
		check_eq(got, [c[2]], "%s's failure value" % c[0])
		check(errors.size() == 1 and errors[0] == "SteamServer.%s: %s is a player's call: Steam gives a game server no user account, so it cannot vote, favourite, subscribe, track playtime, answer the Workshop EULA or author Workshop items; do it from the game client" % [c[0], c[0]],
			"%s's refusal: %s" % [c[0], errors])
	check_eq(pump(), [], "a refused call leads to no signal")
