## The demo server's Workshop maps (--workshop-item, --workshop-folder): once serverInit succeeded,
## start() names the folder items install into (initWorkshopForGameServer) and downloads each item.
## When one is installed, its map is loaded as a game would: the item's folder (getItemInstallInfo)
## holds .pck files, made as demo/pack_workshop_map.gd makes one, which are mounted with
## ProjectSettings.load_resource_pack; the map scene they hold at res://workshop/<item id>/map.tscn
## is instantiated as a child of this node. Packs are mounted without replacing files already
## mounted, and each item's files live under its own ID, so an item cannot replace another's map.
## A failure (an unknown item, a failed download, an item without its map) prints one
## `demo: workshop item N ...` line on stderr, and the server runs on.
extends Node

var pending := {} # published file ID -> true until its download is reported


## ids: published file IDs; folder: an absolute filesystem path (Steam's, not a Godot path).
func start(ids: Array, folder: String) -> void:
	if ids.is_empty():
		return
	if not Steam.initWorkshopForGameServer(Steam.getAppID(), folder):
		printerr("demo: the workshop folder %s cannot be used: initWorkshopForGameServer failed" % folder)
		return
	Steam.item_downloaded.connect(_on_item_downloaded)
	Steam.item_installed.connect(_on_item_installed)
	for id: int in ids:
		if Steam.downloadItem(id, true):
			pending[id] = true
			print("demo: workshop item %d: downloading into %s" % [id, folder])
		else:
			printerr("demo: workshop item %d not downloaded: downloadItem refused it" % id)


func _on_item_downloaded(result: int, file_id: int, _app_id: int) -> void:
	if pending.erase(file_id) and result != Steam.RESULT_OK:
		printerr("demo: workshop item %d not downloaded: item_downloaded result %d (%s)" % [file_id, result, _result_name(result)])


func _on_item_installed(_app_id: int, file_id: int) -> void:
	var info: Dictionary = Steam.getItemInstallInfo(file_id)
	if not info.get("ret", false):
		printerr("demo: workshop item %d installed, but getItemInstallInfo does not know it" % file_id)
		return
	var problem := _load_map(file_id, info.folder)
	if problem != "":
		printerr("demo: workshop item %d installed in %s, but %s" % [file_id, info.folder, problem])


## Mounts the item's packs and instantiates its map; returns what went wrong, or "".
func _load_map(id: int, folder: String) -> String:
	var packs := Array(DirAccess.get_files_at(folder)).filter(func(f: String): return f.get_extension() == "pck")
	if packs.is_empty():
		return "it holds no .pck"
	for pack: String in packs:
		if not ProjectSettings.load_resource_pack(folder.path_join(pack), false):
			return "its pack %s cannot be loaded" % pack
	var path := "res://workshop/%d/map.tscn" % id
	if not ResourceLoader.exists(path, "PackedScene"):
		return "its packs (%s) hold no %s" % [", ".join(packs), path]
	var scene := load(path) as PackedScene
	var map := scene.instantiate() if scene != null else null
	if map == null:
		return "its map %s cannot be instantiated" % path
	add_child(map)
	print("demo: workshop item %d installed in %s; map %s loaded (%s, %d nodes)" % [id, folder, path, map.name, _count(map)])
	return ""


func _count(node: Node) -> int:
	var n := 1
	for child in node.get_children():
		n += _count(child)
	return n


## The Result constant's name, e.g. RESULT_FILE_NOT_FOUND.
func _result_name(result: int) -> String:
	for constant in ClassDB.class_get_enum_constants("Steam", "Result"):
		if ClassDB.class_get_integer_constant("Steam", constant) == result:
			return constant
	return "unknown result"
