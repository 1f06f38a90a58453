## The Steam singleton's API as ClassDB shows it to GDScript and the editor: every method with its
## argument names, types, enum classes and defaults, and every signal with its arguments, as the
## fixture generated from the Go tables says (api_table.gen.gd: a change to the API shows in its diff).
extends TestSuite

const API := preload("res://tests/api_table.gen.gd")


func _is_variant(info: Dictionary) -> bool:
	return info.type == TYPE_NIL and (info.usage & PROPERTY_USAGE_NIL_IS_VARIANT) != 0


## The Steam enum an int argument or return belongs to ("" for a plain int), as the editor names it.
func _enum_of(info: Dictionary) -> String:
	var class_name_: String = info.class_name
	if class_name_.is_empty():
		return ""
	check(class_name_.begins_with("Steam."), "enum class %s is not one of Steam's" % class_name_)
	return class_name_.trim_prefix("Steam.")


func test_singleton_is_registered_and_not_instantiable() -> void:
	check(Engine.has_singleton("Steam"), "Engine.has_singleton(\"Steam\") is false: scripts cannot use Steam")
	check(ClassDB.class_exists("Steam"), "ClassDB does not know the class Steam")
	check_eq(ClassDB.can_instantiate("Steam"), false, "Steam.new() would make a second server object: ClassDB.can_instantiate")
	check_eq(ClassDB.get_parent_class("Steam"), &"Object", "Steam's parent class")
	check_eq(Steam.get_class(), "Steam", "the singleton's class name")
	check(Engine.get_singleton("Steam") == Steam, "Engine.get_singleton(\"Steam\") is not the global Steam")


func test_every_method_matches_the_table() -> void:
	var seen := {}
	for m in ClassDB.class_get_method_list("Steam", true):
		var name: String = m.name
		check(not seen.has(name), "method %s is registered twice" % name)
		seen[name] = true
		if not API.METHODS.has(name):
			check(false, "unexpected method Steam.%s: the extension registers a method its own table lacks" % name)
			continue
		var want: Dictionary = API.METHODS[name]
		var got_args := []
		for a in m.args:
			got_args.append([a.name, a.type, _is_variant(a), _enum_of(a)])
		check_eq(got_args, want.args, "Steam.%s arguments [name, type, is Variant, enum]" % name)
		check_eq(m["return"].type, want["return"], "Steam.%s return type" % name)
		check_eq(_enum_of(m["return"]), want.return_enum, "Steam.%s return enum" % name)
		check_eq(m["return"].usage & PROPERTY_USAGE_NIL_IS_VARIANT, 0, "Steam.%s returns a declared type, not Variant" % name)
		check_eq(m.default_args, want.defaults, "Steam.%s default argument values" % name)
		check_eq(m.flags & (METHOD_FLAG_VARARG | METHOD_FLAG_STATIC | METHOD_FLAG_VIRTUAL), 0, "Steam.%s is a plain method (no vararg/static/virtual flag)" % name)
	for name in API.METHODS:
		check(seen.has(name), "method Steam.%s is missing" % name)
		check(ClassDB.class_has_method("Steam", name, true), "ClassDB.class_has_method(\"Steam\", %s) is false" % name)
		check(Steam.has_method(name), "Steam.has_method(%s) is false" % name)
	check_eq(seen.size(), API.METHODS.size(), "number of Steam methods")


func test_method_argument_counts_as_godot_reports_them() -> void:
	for name in API.METHODS:
		var want: Dictionary = API.METHODS[name]
		check_eq(ClassDB.class_get_method_argument_count("Steam", name, true), want.args.size(), "argument count of Steam.%s" % name)


func test_every_signal_matches_the_table() -> void:
	var seen := {}
	for s in ClassDB.class_get_signal_list("Steam", true):
		var name: String = s.name
		check(not seen.has(name), "signal %s is registered twice" % name)
		seen[name] = true
		if not API.SIGNALS.has(name):
			check(false, "unexpected signal %s: add it to the API table or remove it" % name)
			continue
		var got_args := []
		for a in s.args:
			got_args.append([a.name, a.type, _enum_of(a)])
			check(not _is_variant(a), "signal %s argument %s is untyped (Variant)" % [name, a.name])
		check_eq(got_args, API.SIGNALS[name], "signal %s arguments [name, type, enum]" % name)
	for name in API.SIGNALS:
		check(seen.has(name), "signal %s is missing" % name)
		check(Steam.has_signal(name), "Steam.has_signal(%s) is false" % name)
	check_eq(seen.size(), API.SIGNALS.size(), "number of Steam signals")

