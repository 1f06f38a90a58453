## Opens the Steam, SteamServer and SteamServerMultiplayerPeer classes in the editor's help and looks for text of our class references.
## build.sh copies this folder, with the built extension, into a scratch project and runs the
## editor headless on it.
@tool
extends EditorPlugin

## class -> texts its page must show
const EXPECTED := {
	"Steam": [
		"The Steamworks game-server API",  # the class brief
		"Starts checking a player's ticket",  # a method description
	],
	"SteamServer": [
		"GodotSteam Server 4's API, for scripts written for it",  # its description
		"and their count, 1 to the bytes given",  # its own beginAuthSession
	],
	"SteamServerMultiplayerPeer": [
		"A MultiplayerPeer over the extension's Steam Networking Sockets",  # the class brief
		"Listens on virtual_port of the server's Steam ID",  # create_host
	],
}


func _enter_tree() -> void:
	_check.call_deferred()


func _check() -> void:
	for i in 120:
		await get_tree().process_frame
	var editor := EditorInterface.get_script_editor()
	var missing := []
	var total := 0
	for cls in EXPECTED:
		editor.goto_help("class_name:" + cls)
		for i in 30:
			await get_tree().process_frame
		var texts := []
		_collect(editor, texts)
		var page := "\n".join(texts)
		for text in EXPECTED[cls]:
			total += 1
			if not page.contains(text):
				missing.append("%s: %s" % [cls, text])
	print("help_check: missing from the editor's help: ", missing)
	print("%d passed, %d failed" % [total - missing.size(), missing.size()])
	get_tree().quit(0 if missing.is_empty() else 1)


func _collect(node: Node, out: Array) -> void:
	if node is RichTextLabel:
		out.append(node.get_parsed_text())
	for c in node.get_children():
		_collect(c, out)
