## Run by ./build.sh test once per method of panics, with GOSTEAM_INJECT_PANIC=<method>, which makes
## that method panic in Go: the panic must be reported as an error, the call must return its safe
## value (and keep returning it: a fast path must not cache it), and Godot and the server must go on.
extends "check_scene.gd"

const PLAYER := 76561197960287930
var empty_packet := {"length": 0, "out": PackedByteArray(), "address": 0, "port": 0}
var no_ticket := {"id": 0, "buffer": PackedByteArray(), "size": 0, "ticket_size": 0}

## method -> [arguments, safe value]. A scalar status read (C caches its answers), Dictionary returns
## built in Go and in C, a setter, run_callbacks (C's idle path and signal emission), a Variant argument.
var panics := {
	"loggedOn": [[], false],
	"getPublicIP": [[], {"ipv4": 0, "ipv6": 0, "type": 0}],
	"getNextOutgoingPacket": [[], empty_packet],
	"setMapName": [["after_panic_set"], null],
	"run_callbacks": [[], null],
	"offlineIssueTicket": [[PLAYER, 0], no_ticket],
	"beginAuthSession": [[PackedByteArray([2, 0, 0]), PLAYER], 1],
}


func _ready() -> void:
	var injected := OS.get_environment("GOSTEAM_INJECT_PANIC")
	print("panic check with %s injected" % injected)
	if check(panics.has(injected), "GOSTEAM_INJECT_PANIC=%s is not one of %s" % [injected, panics.keys()]) \
			and check(Steam.serverInit("127.0.0.1", 27015, Steam.QUERY_PORT_SHARED, 2, "1.0.0"), "serverInit"):
		Steam.logOnAnonymous()
		var connected := [0]
		Steam.server_connected.connect(func(): connected[0] += 1)
		var row: Array = panics[injected]
		for i in 3:
			var got: Variant = Steam.callv(injected, row[0])
			check(typeof(got) == typeof(row[1]) and got == row[1],
				"call %d of %s returned %s, want its safe value %s" % [i, injected, var_to_str(got), var_to_str(row[1])])
		# The server keeps working after the panics.
		Steam.setServerName("after_panic")
		check(Steam.getServerState().server_name == "after_panic", "setServerName after the panic did not work")
		if injected != "run_callbacks":
			Steam.run_callbacks()
			check(connected[0] == 1, "server_connected was emitted %d times after the panic, want 1" % connected[0])
		# The log-on completes in run_callbacks, so it cannot when that is the call that panics.
		if injected != "loggedOn" and injected != "run_callbacks":
			check(Steam.loggedOn(), "loggedOn() is false after logOnAnonymous and run_callbacks")
		Steam.serverShutdown()
	finish()
