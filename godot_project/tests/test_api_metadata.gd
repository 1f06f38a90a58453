## The Steam and SteamServer singletons' API as ClassDB shows it to GDScript and the editor: every method with its
## argument names, types, enum classes and defaults, and every signal with its arguments, as the
## fixture generated from the Go tables says (api_table.gen.gd: a change to the API shows in its diff).
extends TestSuite

const API := preload("res://tests/api_table.gen.gd")


func _is_variant(info: Dictionary) -> bool:
	return info.type == TYPE_NIL and (info.usage & PROPERTY_USAGE_NIL_IS_VARIANT) != 0


## The enum an int argument or return of class cls belongs to ("" for a plain int), as the editor names it.
func _enum_of(cls: String, info: Dictionary) -> String:
	var class_name_: String = info.class_name
	if class_name_.is_empty():
		return ""
	check(class_name_.begins_with(cls + "."), "enum class %s is not one of %s's" % [class_name_, cls])
	return class_name_.trim_prefix(cls + ".")


func test_singletons_are_registered_and_not_instantiable() -> void:
	for cls in API.CLASSES:
		check(Engine.has_singleton(cls), "Engine.has_singleton(\"%s\") is false: scripts cannot use it" % cls)
		check(ClassDB.class_exists(cls), "ClassDB does not know the class %s" % cls)
		check_eq(ClassDB.can_instantiate(cls), false, "%s.new() would make a second server object: ClassDB.can_instantiate" % cls)
		check_eq(ClassDB.get_parent_class(cls), &"Object", "%s's parent class" % cls)
		check_eq(Engine.get_singleton(cls).get_class(), cls, "the singleton's class name")
	check(Engine.get_singleton("Steam") == Steam, "Engine.get_singleton(\"Steam\") is not the global Steam")
	check(Engine.get_singleton("SteamServer") == SteamServer, "Engine.get_singleton(\"SteamServer\") is not the global SteamServer")
	check(Steam != SteamServer, "Steam and SteamServer are one object")


func test_every_method_matches_the_table() -> void:
	for cls in API.CLASSES:
		var table: Dictionary = API.methods_of(cls)
		var singleton := Engine.get_singleton(cls)
		var seen := {}
		for m in ClassDB.class_get_method_list(cls, true):
			var name: String = m.name
			check(not seen.has(name), "method %s.%s is registered twice" % [cls, name])
			seen[name] = true
			if not table.has(name):
				check(false, "unexpected method %s.%s: the extension registers a method its own table lacks" % [cls, name])
				continue
			var want: Dictionary = table[name]
			var got_args := []
			for a in m.args:
				got_args.append([a.name, a.type, _is_variant(a), _enum_of(cls, a)])
			check_eq(got_args, want.args, "%s.%s arguments [name, type, is Variant, enum]" % [cls, name])
			check_eq(m["return"].type, want["return"], "%s.%s return type" % [cls, name])
			check_eq(_enum_of(cls, m["return"]), want.return_enum, "%s.%s return enum" % [cls, name])
			check_eq(m["return"].usage & PROPERTY_USAGE_NIL_IS_VARIANT, 0, "%s.%s returns a declared type, not Variant" % [cls, name])
			check_eq(m.default_args, want.defaults, "%s.%s default argument values" % [cls, name])
			check_eq(m.flags & (METHOD_FLAG_VARARG | METHOD_FLAG_STATIC | METHOD_FLAG_VIRTUAL), 0, "%s.%s is a plain method (no vararg/static/virtual flag)" % [cls, name])
		for name in table:
			check(seen.has(name), "method %s.%s is missing" % [cls, name])
			check(ClassDB.class_has_method(cls, name, true), "ClassDB.class_has_method(\"%s\", %s) is false" % [cls, name])
			check(singleton.has_method(name), "%s.has_method(%s) is false" % [cls, name])
		check_eq(seen.size(), table.size(), "number of %s methods" % cls)


func test_method_argument_counts_as_godot_reports_them() -> void:
	for cls in API.CLASSES:
		var table: Dictionary = API.methods_of(cls)
		for name in table:
			check_eq(ClassDB.class_get_method_argument_count(cls, name, true), table[name].args.size(), "argument count of %s.%s" % [cls, name])


func test_every_signal_matches_the_table() -> void:
	for cls in API.CLASSES:
		var table: Dictionary = API.signals_of(cls)
		var singleton := Engine.get_singleton(cls)
		var seen := {}
		for s in ClassDB.class_get_signal_list(cls, true):
			var name: String = s.name
			check(not seen.has(name), "signal %s.%s is registered twice" % [cls, name])
			seen[name] = true
			if not table.has(name):
				check(false, "unexpected signal %s.%s: add it to the API table or remove it" % [cls, name])
				continue
			var got_args := []
			for a in s.args:
				got_args.append([a.name, a.type, _enum_of(cls, a)])
				check(not _is_variant(a), "signal %s.%s argument %s is untyped (Variant)" % [cls, name, a.name])
			check_eq(got_args, table[name], "signal %s.%s arguments [name, type, enum]" % [cls, name])
		for name in table:
			check(seen.has(name), "signal %s.%s is missing" % [cls, name])
			check(singleton.has_signal(name), "%s.has_signal(%s) is false" % [cls, name])
		check_eq(seen.size(), table.size(), "number of %s signals" % cls)
