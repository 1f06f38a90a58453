## Run by ./build.sh test with GOSTEAM_INJECT_PANIC=loggedOn and =getPublicIP: the injected Go
## panic must be reported as an error, the call must return its safe value, and Godot must go on.
extends Node


func _ready() -> void:
	var injected := OS.get_environment("GOSTEAM_INJECT_PANIC")
	var ok := injected != "" and Steam.serverInit("127.0.0.1", 27015, 27016, 2, "1.0.0")
	Steam.logOnAnonymous()
	Steam.run_callbacks()
	match injected:
		"loggedOn":
			ok = ok and Steam.loggedOn() == false and Steam.secure() == false
		"getPublicIP":
			var ip: Dictionary = Steam.getPublicIP()
			ok = ok and ip.keys() == ["ipv4", "ipv6", "type"] and ip.ipv4 == 0
		_:
			ok = false
	# The server keeps working after the panic.
	Steam.setMapName("after_panic")
	ok = ok and Steam.getServerState().map_name == "after_panic"
	Steam.serverShutdown()
	print("panic check with %s injected" % injected)
	print("1 passed, 0 failed" if ok else "0 passed, 1 failed")
	get_tree().quit(0 if ok else 1)
