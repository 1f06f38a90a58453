## The Steam Workshop on a dedicated server, offline, as a GodotSteam Server 4 game drives it: a
## catalogue in the offline data file (a folder per item), initWorkshopForGameServer, item queries
## (details, all items with a tag, paged over more than one page), downloadItem until item_installed,
## and a map scene loaded from the installed folder.
extends TestSuite

const ROOT := "user://workshop_test"
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
	items[str(MAP_ID)]["title"] = "Arena"
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


func test_details_query() -> void:
	if not _start():
		return
	var handle := SteamServer.createQueryUGCDetailsRequest([MAP_ID, 999999])
	check(handle != SteamServer.UGC_QUERY_HANDLE_INVALID, "a details query handle")
	check_eq(_complete(handle), [handle, SteamServer.RESULT_OK, 2, 2, false], "ugc_query_completed(handle, result, returned, total, cached)")
	var map := SteamServer.getQueryUGCResult(handle, 0)
	check_eq([map.result, map.file_id, map.title, map.tags], [SteamServer.RESULT_OK, MAP_ID, "Arena", "map"], "the map's details")
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
	for i in 500:
		SteamServer.run_callbacks()
		if not installed.is_empty():
			break
		OS.delay_msec(5)
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
