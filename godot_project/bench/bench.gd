## Prints the cost of hot Steam calls next to a native engine call measured in the same run.
## Figures only: nothing here passes or fails. Run with `./build.sh bench`.
extends Node

const CALLS := 200000


func _ready() -> void:
	Steam.serverInit("127.0.0.1", 27015, 65535, 2, "1.0.0")
	Steam.logOnAnonymous()
	Steam.run_callbacks()
	var native := _measure("Engine.get_frames_drawn()", func():
		for i in CALLS:
			Engine.get_frames_drawn())
	_report("Steam.loggedOn()", native, func():
		for i in CALLS:
			Steam.loggedOn())
	_report("Steam.run_callbacks() (nothing queued)", native, func():
		for i in CALLS:
			Steam.run_callbacks())
	_report("Steam.setMapName(\"de_dust\")", native, func():
		for i in CALLS:
			Steam.setMapName("de_dust"))
	_report("Steam.getNextOutgoingPacket() (empty)", native, func():
		for i in CALLS:
			Steam.getNextOutgoingPacket())
	_report_signals(native)
	Steam.serverShutdown()
	get_tree().quit()


func _measure(label: String, body: Callable) -> float:
	body.call() # warm up
	var start := Time.get_ticks_usec()
	body.call()
	var ns := float(Time.get_ticks_usec() - start) * 1000.0 / CALLS
	print("bench: %-45s %8.1f ns/call" % [label, ns])
	return ns


func _report(label: String, native: float, body: Callable) -> void:
	var ns := _measure(label, body)
	print("bench: %-45s %8.2fx native" % ["", ns / native])


func _report_signals(native: float) -> void:
	var count := 10000
	var received := [0]
	var handler := func(_a, _b): received[0] += 1
	Steam.client_group_status.connect(func(_a, _b, _c, _d): received[0] += 1)
	for i in count:
		Steam.requestUserGroupStatus(76561197960287930, 103582791429521412)
	var start := Time.get_ticks_usec()
	Steam.run_callbacks()
	var ns := float(Time.get_ticks_usec() - start) * 1000.0 / count
	print("bench: %-45s %8.1f ns/signal (%d emitted)" % ["run_callbacks() emitting 10k signals", ns, received[0]])
