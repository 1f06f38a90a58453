## Prints the cost of hot Steam calls as ratios to a native engine call measured in the same run.
## Figures only: nothing here passes or fails. Run with `./build.sh bench`.
##
## Each case is a loop of CALLS calls timed ROUNDS times, interleaved with the native loop; the
## figures are the medians. User arguments (after `--`): `--only=TEXT` runs the cases whose label
## contains TEXT (for a profiler), `--calls=N` and `--rounds=N` change the counts.
extends Node

signal native_signal(a: int, b: int, c: bool, d: bool)

const PLAYER := 76561197960287930
const GROUP := 103582791429521412
const SIGNALS := 10000

var calls := 200000
var rounds := 5
var only := ""
var a2s_info := PackedByteArray([0xFF, 0xFF, 0xFF, 0xFF, 0x54]) + "Source Engine Query".to_utf8_buffer() + PackedByteArray([0])


func _ready() -> void:
	for arg in OS.get_cmdline_user_args():
		if arg.begins_with("--only="):
			only = arg.trim_prefix("--only=")
		elif arg.begins_with("--calls="):
			calls = maxi(1, int(arg.trim_prefix("--calls=")))
		elif arg.begins_with("--rounds="):
			rounds = maxi(1, int(arg.trim_prefix("--rounds=")))
	Steam.serverInit("127.0.0.1", 27015, Steam.QUERY_PORT_SHARED, 2, "1.0.0")
	Steam.setMapName("de_dust")
	Steam.setMaxPlayerCount(16)
	Steam.logOnAnonymous()
	Steam.setAdvertiseServerActive(true)
	Steam.run_callbacks()

	var native := func(n: int):
		for i in n:
			Engine.get_frames_drawn()
	var cases := [
		["Steam.loggedOn()", func(n: int):
			for i in n:
				Steam.loggedOn()],
		["Steam.run_callbacks(), nothing queued", func(n: int):
			for i in n:
				Steam.run_callbacks()],
		["Steam.setMapName(\"de_dust\"), unchanged", func(n: int):
			for i in n:
				Steam.setMapName("de_dust")],
		["Steam.setMaxPlayerCount(16), unchanged", func(n: int):
			for i in n:
				Steam.setMaxPlayerCount(16)],
		["Steam.getNextOutgoingPacket(), empty", func(n: int):
			for i in n:
				Steam.getNextOutgoingPacket()],
		["Time.get_date_dict_from_unix_time(0) (native, 4 keys)", func(n: int):
			for i in n:
				Time.get_date_dict_from_unix_time(0)],
		["Steam.getPublicIP() (a Dictionary from Go)", func(n: int):
			for i in n:
				Steam.getPublicIP()],
		["A2S_INFO through GameSocketShare, per query", func(n: int):
			for i in n:
				Steam.handleIncomingPacket(a2s_info, "127.0.0.1", 27005)
				Steam.getNextOutgoingPacket()
				Steam.getNextOutgoingPacket()],
	]
	print("bench: %d calls per loop, median of %d rounds; native = Engine.get_frames_drawn()" % [calls, rounds])
	print("bench: %-50s %10s %10s" % ["call", "ns/call", "vs native"])
	var samples := {}
	var native_samples: Array[float] = []
	for c in cases:
		samples[c[0]] = [] as Array[float]
	var selected := cases.filter(func(c): return only == "" or String(c[0]).contains(only))
	for c in selected:
		c[1].call(mini(calls, 10000)) # warm up
	for r in rounds:
		native_samples.append(_time(native, calls))
		for c in selected:
			samples[c[0]].append(_time(c[1], calls))
	var base := _median(native_samples)
	print("bench: %-50s %10.1f %9.2fx" % ["Engine.get_frames_drawn() (native)", base, 1.0])
	for c in selected:
		var ns := _median(samples[c[0]])
		print("bench: %-50s %10.1f %9.2fx" % [c[0], ns, ns / base])
	if only == "" or "signal".contains(only):
		_report_signals(base)
	Steam.serverShutdown()
	get_tree().quit()


## ns per call of body(n).
func _time(body: Callable, n: int) -> float:
	var start := Time.get_ticks_usec()
	body.call(n)
	return float(Time.get_ticks_usec() - start) * 1000.0 / n


func _median(values: Array[float]) -> float:
	var sorted := values.duplicate()
	sorted.sort()
	return sorted[sorted.size() / 2]


## run_callbacks emitting SIGNALS queued client_group_status signals to a GDScript handler, next to
## the same handler called by a native emit of a script signal with the same four arguments.
func _report_signals(base: float) -> void:
	var received := [0]
	var handler := func(_a, _b, _c, _d): received[0] += 1
	Steam.client_group_status.connect(handler)
	native_signal.connect(handler)
	var steam_ns: Array[float] = []
	var native_ns: Array[float] = []
	for r in rounds:
		for i in SIGNALS:
			Steam.requestUserGroupStatus(PLAYER, GROUP)
		var start := Time.get_ticks_usec()
		Steam.run_callbacks()
		steam_ns.append(float(Time.get_ticks_usec() - start) * 1000.0 / SIGNALS)
		start = Time.get_ticks_usec()
		for i in SIGNALS:
			native_signal.emit(PLAYER, GROUP, false, false)
		native_ns.append(float(Time.get_ticks_usec() - start) * 1000.0 / SIGNALS)
	Steam.client_group_status.disconnect(handler)
	native_signal.disconnect(handler)
	var s := _median(steam_ns)
	var n := _median(native_ns)
	print("bench: %-50s %10.1f %9.2fx" % ["run_callbacks() emitting 10k signals, per signal", s, s / base])
	print("bench: %-50s %10.1f %9.2fx" % ["GDScript signal.emit(), same 4 args, same handler", n, n / base])
	print("bench: signals: Steam's %.2fx a GDScript signal.emit() with the same handler (%d of %d received)" % [s / n, received[0], 2 * SIGNALS * rounds])
