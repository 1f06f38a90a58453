## Opens the Steam class in the editor's help and looks for text of our class reference.
## build.sh copies this folder, with the built extension, into a scratch project and runs the
## editor headless on it.
@tool
extends EditorPlugin

const EXPECTED := [
	"The Steamworks game-server API",  # the class brief
	"Starts checking a player's ticket",  # a method description
]


func _enter_tree() -> void:
	_check.call_deferred()


func _check() -> void:
	for i in 120:
		await get_tree().process_frame
	var editor := EditorInterface.get_script_editor()
	editor.goto_help("class_name:Steam")
	for i in 30:
		await get_tree().process_frame
	var texts := []
	_collect(editor, texts)
	var page := "\n".join(texts)
	var missing := EXPECTED.filter(func(t): return not page.contains(t))
	print("help_check: missing from the editor's help: ", missing)
	print("%d passed, %d failed" % [EXPECTED.size() - missing.size(), missing.size()])
	get_tree().quit(0 if missing.is_empty() else 1)


func _collect(node: Node, out: Array) -> void:
	if node is RichTextLabel:
		out.append(node.get_parsed_text())
	for c in node.get_children():
		_collect(c, out)
