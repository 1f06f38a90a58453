## The network bench (run by e2e/bench_net_test.go, `./build.sh bench`): an echo server and a
## measuring client, two processes on 127.0.0.1, over one link:
##   enet-peer      ENetMultiplayerPeer, put_packet/get_packet (peer_link.gd)
##   steam-peer     SteamServerMultiplayerPeer, the same loop (peer_link.gd)
##   enet-raw       ENetConnection/ENetPacketPeer (enet_link.gd)
##   steam-sockets  the Steam singleton's Networking Sockets calls (sockets_link.gd)
## Both sides poll in a loop, outside Godot's frames. With `--wait spin` (the default) a side that
## found nothing polls again at once, IDLE_POLLS times, then sleeps IDLE_SLEEP_US between polls (so
## that a waiting side gives its core up instead of spinning through its time slice); with
## `--wait sleep` it sleeps IDLE_SLEEP_US after every poll that found nothing. Figures only:
## nothing passes or fails on them.
##
## Echo: `--echo --link L --port N`: every message goes back to its sender, reliable when its
## byte 0 says so; a 1-byte message (the client's goodbye) or --max-seconds ends it.
## Measure: `--measure --link L --port N [--wait spin|sleep] [--user-steam-id ID] [--pings N]
## [--messages N] [--window N] [--seconds S]`: for 64-byte unreliable then 1 KiB reliable messages, a ping-pong
## of --pings round trips (one in flight; one unanswered in 100 ms counts as lost), then a flood of
## --messages with at most --window in flight for at most --seconds (messages echoed a second).
## One line per case:
##   netbench: link=L wait=W case=C rtt_p50_us=N rtt_p99_us=N pings=N ping_lost=N msgs_per_s=N echoed=N lost=N seconds=F
## A link that cannot start prints `netbench: link=L failed: why` and exits 1.
extends Node

const LINKS := {
	"enet-peer": ["res://bench/net/peer_link.gd", false],
	"steam-peer": ["res://bench/net/peer_link.gd", true],
	"enet-raw": ["res://bench/net/enet_link.gd", null],
	"steam-sockets": ["res://bench/net/sockets_link.gd", null],
}
const CASES := [["unreliable-64", false, 64], ["reliable-1024", true, 1024]]
const WARMUP := 200
const PING_TIMEOUT_US := 100000
## A flood with nothing echoed for this long counts what is in flight as lost.
const STALL_US := 200000
const IDLE_POLLS := 200
const IDLE_SLEEP_US := 20
const CONNECT_US := 10000000

var o := {"link": "", "wait": "spin", "port": 0, "user-steam-id": 76561197960287940, "pings": 2000, "messages": 20000,
	"window": 128, "seconds": 5, "max-seconds": 120}
var link: RefCounted
var idle_polls := IDLE_POLLS


func _ready() -> void:
	var args := OS.get_cmdline_user_args()
	var echo := args.has("--echo")
	for i in range(args.size() - 1):
		var key := args[i].trim_prefix("--")
		if o.has(key):
			o[key] = args[i + 1].to_int() if o[key] is int else args[i + 1]
	if not LINKS.has(o.link):
		return _fail("unknown link (one of %s)" % ", ".join(LINKS.keys()))
	if o.wait != "spin" and o.wait != "sleep":
		return _fail("--wait is spin or sleep, not %s" % o.wait)
	idle_polls = IDLE_POLLS if o.wait == "spin" else 0
	var made: Array = LINKS[o.link]
	var script: GDScript = load(made[0])
	if script == null or not script.can_instantiate():
		return _fail("%s does not load (a method or class it calls missing from this build?)" % made[0])
	link = script.new() if made[1] == null else script.new(made[1])
	var why: String = link.listen(o.port) if echo else link.dial(o.port, o["user-steam-id"])
	if why != "":
		return _fail(why)
	if echo:
		print("netbench: echo listening link=%s wait=%s port=%d" % [o.link, o.wait, o.port])
		_echo()
	else:
		_measure()
	link.close()
	get_tree().quit()


func _echo() -> void:
	var deadline: int = Time.get_ticks_usec() + o["max-seconds"] * 1000000
	var idle := 0
	while Time.get_ticks_usec() < deadline:
		link.poll()
		var got: Array = link.receive()
		idle = _idle(idle, got.is_empty())
		for m in got:
			var data: PackedByteArray = m[0]
			if data.size() == 1:
				print("netbench: echo done")
				return
			link.reply(m[1], data, data[0] == 1)
	print("netbench: echo stopped after %d seconds" % o["max-seconds"])


func _measure() -> void:
	var until := Time.get_ticks_usec() + CONNECT_US
	while not link.connected():
		if Time.get_ticks_usec() > until:
			return _fail("not connected within %d s" % (CONNECT_US / 1000000))
		link.poll()
		OS.delay_usec(500)
	var phase := 0
	for c in CASES:
		phase += 1
		var pings := _ping_pong(c[1], c[2], phase)
		phase += 1
		var flood := _flood(c[1], c[2], phase)
		print("netbench: link=%s wait=%s case=%s rtt_p50_us=%d rtt_p99_us=%d pings=%d ping_lost=%d msgs_per_s=%d echoed=%d lost=%d seconds=%.2f" % [
			o.link, o.wait, c[0], pings.p50, pings.p99, pings.count, pings.lost, flood.rate, flood.echoed, flood.lost, flood.seconds])
	link.send(PackedByteArray([0xFF]), true) # the goodbye
	until = Time.get_ticks_usec() + 200000
	while link.connected() and Time.get_ticks_usec() < until: # until the echo server hung up
		link.poll()
		OS.delay_usec(1000)


## Round trips one at a time; the RTTs' median and 99th percentile in µs.
func _ping_pong(reliable: bool, size: int, phase: int) -> Dictionary:
	var msg := _message(reliable, size, phase)
	var rtts: Array[int] = []
	var lost := 0
	var deadline: int = Time.get_ticks_usec() + o.seconds * 1000000
	for seq in WARMUP + o.pings:
		msg.encode_u32(2, seq)
		var sent := Time.get_ticks_usec()
		if sent > deadline:
			break
		link.send(msg, reliable)
		var rtt := -1
		var idle := 0
		while rtt < 0 and Time.get_ticks_usec() - sent < PING_TIMEOUT_US:
			link.poll()
			var got: Array = link.receive()
			idle = _idle(idle, got.is_empty())
			for m in got:
				if _is(m[0], phase, seq):
					rtt = Time.get_ticks_usec() - sent
		if seq < WARMUP:
			continue
		if rtt < 0:
			lost += 1
		else:
			rtts.append(rtt)
	rtts.sort()
	var at := func(q: float) -> int: return rtts[mini(rtts.size() - 1, int(q * rtts.size()))] if not rtts.is_empty() else -1
	return {"p50": at.call(0.5), "p99": at.call(0.99), "count": rtts.size(), "lost": lost}


## --messages sent with at most --window in flight; the echoes counted.
func _flood(reliable: bool, size: int, phase: int) -> Dictionary:
	var msg := _message(reliable, size, phase)
	var sent := 0
	var echoed := 0
	var lost := 0
	var start := Time.get_ticks_usec()
	var deadline: int = start + o.seconds * 1000000
	var progress := start
	var now := start
	var idle := 0
	while echoed + lost < o.messages and now < deadline:
		while sent < o.messages and sent - echoed - lost < o.window:
			msg.encode_u32(2, sent)
			link.send(msg, reliable)
			sent += 1
		link.poll()
		now = Time.get_ticks_usec()
		var got: Array = link.receive()
		idle = _idle(idle, got.is_empty())
		for m in got:
			if m[0].size() > 1 and m[0][1] == phase:
				echoed += 1
				progress = now
		if now - progress > STALL_US:
			lost = sent - echoed
			progress = now
	var seconds := float(Time.get_ticks_usec() - start) / 1e6
	return {"rate": int(echoed / seconds), "echoed": echoed, "lost": sent - echoed, "seconds": seconds}


## A message of size bytes: [0] 1 when reliable, [1] the phase, [2..5] the sequence number.
func _message(reliable: bool, size: int, phase: int) -> PackedByteArray:
	var msg := PackedByteArray()
	msg.resize(size)
	msg[0] = 1 if reliable else 0
	msg[1] = phase
	return msg


## The count of polls in a row that found nothing; past idle_polls, sleeps a little first.
func _idle(idle: int, nothing: bool) -> int:
	if not nothing:
		return 0
	if idle >= idle_polls:
		OS.delay_usec(IDLE_SLEEP_US)
	return idle + 1


func _is(data: PackedByteArray, phase: int, seq: int) -> bool:
	return data.size() > 5 and data[1] == phase and data.decode_u32(2) == seq


func _fail(why: String) -> void:
	print("netbench: link=%s failed: %s" % [o.link, why])
	if link != null:
		link.close()
	get_tree().quit(1)
