## Makes a Workshop map item for the demo server (demo/workshop_maps.gd loads it), as a map author
## would before uploading it: a .pck holding a small generated map scene at
## res://workshop/<item id>/map.tscn (each item's files under its own ID, so items cannot overwrite
## one another). The e2e test TestDemoWorkshopMap builds its item with it, so no binary is committed.
##   godot --headless --path godot_project --script res://demo/pack_workshop_map.gd -- --id 1001 --out /tmp/items/1001/map.pck
## Options after `--`: --id N (the published file ID), --out PATH (the .pck; its folder is made),
## --name TEXT (the map's root node, default WorkshopArena). Exit status 0 when the pack is written.
extends SceneTree

const SPAWN_POINTS := 4


func _init() -> void:
	var options := {"id": "", "out": "", "name": "WorkshopArena"}
	var args := OS.get_cmdline_user_args()
	for i in range(0, args.size() - 1, 2):
		var key := args[i].trim_prefix("--")
		if options.has(key):
			options[key] = args[i + 1]
	if not options.id.is_valid_int() or int(options.id) <= 0 or options.out == "":
		printerr("pack_workshop_map: usage: -- --id PUBLISHED_FILE_ID --out PATH.pck [--name TEXT]")
		quit(2)
		return
	quit(0 if _pack(int(options.id), options.out, options.name) else 1)


## The map: a Node3D root with spawn points, saved as a text scene beside the pack, packed, removed.
func _pack(id: int, out: String, map_name: String) -> bool:
	var folder := out.get_base_dir()
	DirAccess.make_dir_recursive_absolute(folder)
	var root := Node3D.new()
	root.name = map_name
	for i in SPAWN_POINTS:
		var spawn := Marker3D.new()
		spawn.name = "Spawn%d" % (i + 1)
		spawn.position = Vector3(8 * cos(TAU * i / SPAWN_POINTS), 0, 8 * sin(TAU * i / SPAWN_POINTS))
		root.add_child(spawn)
		spawn.owner = root # packed with the scene
	var scene := PackedScene.new()
	var packed := scene.pack(root)
	root.free()
	var source := folder.path_join(".map_%d.tscn" % id)
	if packed != OK or ResourceSaver.save(scene, source) != OK:
		printerr("pack_workshop_map: cannot write the map scene ", source)
		return false
	var target := "res://workshop/%d/map.tscn" % id
	var pck := PCKPacker.new()
	var ok := pck.pck_start(out) == OK and pck.add_file(target, source) == OK and pck.flush() == OK
	DirAccess.remove_absolute(source)
	if not ok:
		printerr("pack_workshop_map: cannot write ", out)
		return false
	print("pack_workshop_map: %s holds %s (%s, %d spawn points)" % [out, target, map_name, SPAWN_POINTS])
	return true
