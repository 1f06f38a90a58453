## HTTP offline, for real: requests go out through the extension's HTTP client to a tiny HTTP
## responder on loopback written here with TCPServer, which this script polls once a frame on the
## main thread. So a request that blocked the main thread could never be answered: each test
## completing proves the main thread ran on while the request was in flight. Signals are checked
## to arrive inside run_callbacks, on the main thread, in order.
extends TestSuite

## How long a test waits for its request, in frames' wall time.
const WAIT_MS := 10000

## A tiny HTTP/1.1 responder: one request per connection, answered by path.
##   /echo    the request as received (request line, headers, body), with a Set-Cookie
##   /stream  three pieces of 100, 200 and 300 bytes, 100 ms apart, with a Content-Length
##   /slow    20 pieces of 50 bytes, 75 ms apart (1.5 s), with a Content-Length
class Responder:
	var server := TCPServer.new()
	var port := 0
	var conns: Array[Dictionary] = []

	func start() -> bool:
		if server.listen(0, "127.0.0.1") != OK:
			return false
		port = server.get_local_port()
		return true

	func stop() -> void:
		for c in conns:
			c.peer.disconnect_from_host()
		conns.clear()
		server.stop()

	func poll() -> void:
		while server.is_connection_available():
			conns.append({"peer": server.take_connection(), "in": PackedByteArray(), "out": [], "next": 0})
		var now := Time.get_ticks_msec()
		for c in conns:
			var peer: StreamPeerTCP = c.peer
			peer.poll()
			if peer.get_status() != StreamPeerTCP.STATUS_CONNECTED:
				continue
			var avail := peer.get_available_bytes()
			if avail > 0:
				c.in.append_array(peer.get_data(avail)[1])
				if c.out.is_empty():
					_answer(c)
			while not c.out.is_empty() and now >= c.next:
				var piece: Array = c.out.pop_front()
				peer.put_data(piece[0])
				c.next = now + piece[1]
		conns = conns.filter(func(c): return c.peer.get_status() == StreamPeerTCP.STATUS_CONNECTED)

	# Queues the response once the whole request (headers, and the body its Content-Length gives) came.
	func _answer(c: Dictionary) -> void:
		var text: String = c.in.get_string_from_utf8()
		var end := text.find("\r\n\r\n")
		if end < 0:
			return
		var head := text.substr(0, end)
		var length := 0
		for line in head.split("\r\n"):
			if line.to_lower().begins_with("content-length:"):
				length = int(line.substr(15).strip_edges())
		if c.in.size() < end + 4 + length:
			return
		var path := head.get_slice(" ", 1).get_slice("?", 0)
		match path:
			"/echo":
				c.out.append([_head(c.in.size(), "Set-Cookie: from_server=1\r\n") + c.in, 0])
			"/stream":
				c.out.append([_head(600), 0])
				for piece in ["a".repeat(100), "b".repeat(200), "c".repeat(300)]:
					c.out.append([piece.to_utf8_buffer(), 100])
			"/slow":
				c.out.append([_head(1000), 0])
				for i in 20:
					c.out.append([("%02d" % i).repeat(25).to_utf8_buffer(), 75])
			_:
				c.out.append([("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").to_utf8_buffer(), 0])

	func _head(length: int, extra: String = "") -> PackedByteArray:
		return ("HTTP/1.1 200 OK\r\nContent-Length: %d\r\nConnection: close\r\n%s\r\n" % [length, extra]).to_utf8_buffer()


var responder := Responder.new()
## Every HTTP signal emitted, as [name, args, inside run_callbacks, on the main thread].
var seen: Array = []
var inside := false
## The longest gap between two frames while waiting, in ms.
var longest_frame_ms := 0.0


func _setup() -> bool:
	if not check(responder.start(), "the loopback responder could not listen"):
		return false
	if not start_server():
		return false
	for name in ["http_request_completed", "http_request_headers_received", "http_request_data_received"]:
		var record := func(...args): seen.append([name, args, inside, OS.get_thread_caller_id() == OS.get_main_thread_id()])
		Steam.connect(name, record)
	return true


func _url(path: String) -> String:
	return "http://127.0.0.1:%d%s" % [responder.port, path]


## Runs frames (the responder, then run_callbacks) until request completes, and returns its signals.
## on_signal is called with each of its signals as it comes, on_frame once a frame.
func _until_completed(request: int, on_signal: Callable = Callable(), on_frame: Callable = Callable()) -> Array:
	var mine: Array = []
	var start := Time.get_ticks_msec()
	var last := Time.get_ticks_usec()
	while Time.get_ticks_msec() - start < WAIT_MS:
		await Engine.get_main_loop().process_frame
		var now := Time.get_ticks_usec()
		longest_frame_ms = maxf(longest_frame_ms, (now - last) / 1000.0)
		last = now
		responder.poll()
		if on_frame.is_valid():
			on_frame.call()
		var before := seen.size()
		inside = true
		Steam.run_callbacks()
		inside = false
		for s in seen.slice(before):
			if s[1][0] != request:
				continue
			mine.append(s)
			if on_signal.is_valid():
				on_signal.call(s)
			if s[0] == "http_request_completed":
				responder.stop()
				return mine
	check(false, "request %d did not complete within %d ms; its signals: %s" % [request, WAIT_MS, mine])
	responder.stop()
	return mine


func _check_delivery(signals: Array) -> void:
	for s in signals:
		check(s[2], "%s was emitted outside run_callbacks" % s[0])
		check(s[3], "%s was emitted off the main thread" % s[0])


func test_get_with_parameters_and_a_cookie() -> void:
	if not _setup():
		return
	var jar := Steam.createCookieContainer(false)
	check(jar != Steam.HTTPCOOKIE_INVALID_HANDLE, "createCookieContainer")
	check(Steam.setHTTPCookie(jar, "127.0.0.1", "/", "session=abc123; Path=/"), "setHTTPCookie")
	var request := Steam.createHTTPRequest(Steam.HTTP_METHOD_GET, _url("/echo"))
	check(request != Steam.HTTPREQUEST_INVALID_HANDLE, "createHTTPRequest")
	check(Steam.setHTTPRequestGetOrPostParameter(request, "map", "de dust"), "a GET parameter")
	check(Steam.setHTTPRequestGetOrPostParameter(request, "players", "16"), "another")
	check(Steam.setHTTPRequestCookieContainer(request, jar), "setHTTPRequestCookieContainer")
	check(Steam.setHTTPRequestHeaderValue(request, "X-Game", "spacewar"), "setHTTPRequestHeaderValue")
	check(Steam.setHTTPRequestContextValue(request, 4242), "setHTTPRequestContextValue")
	check(Steam.setHTTPRequestUserAgentInfo(request, "mygame/1.0"), "setHTTPRequestUserAgentInfo")
	check(Steam.sendHTTPRequest(request), "sendHTTPRequest")
	check_eq(errors_of(func(): check_eq(Steam.setHTTPRequestContextValue(request, 1), false, "a setter after sending")).size(), 1,
		"a setter after sending is refused with an error")

	var signals: Array = await _until_completed(request)
	_check_delivery(signals)
	check_eq(names_of(signals), ["http_request_completed"], "a plain request emits one signal")
	var size := Steam.getHTTPResponseBodySize(request)
	check_eq(signals[-1][1], [request, 4242, true, Steam.HTTP_STATUS_CODE_200_OK, size], "http_request_completed(cookie_handle = the request, context, success, 200, body_size)")
	var echoed := Steam.getHTTPResponseBodyData(request, size).get_string_from_utf8()
	check(echoed.begins_with("GET /echo?map=de+dust&players=16 HTTP/1.1\r\n"), "the parameters went in the query string: %s" % echoed.get_slice("\r\n", 0))
	check(echoed.contains("\r\nCookie: session=abc123\r\n"), "the container's cookie was sent: %s" % echoed)
	check(echoed.contains("\r\nX-Game: spacewar\r\n"), "the header was sent")
	check(echoed.contains("\r\nUser-Agent: Valve/Steam HTTP Client 1.0 (480) mygame/1.0\r\n"), "Steam's user agent with ours appended: %s" % echoed)
	check_eq(Steam.getHTTPResponseHeaderValue(request, "set-cookie", 64).get_string_from_utf8(), "from_server=1", "a response header, by any case")
	check_eq(Steam.getHTTPResponseBodyData(request, size + 100).size(), size, "a larger buffer returns the body, not padded")
	check_eq(errors_of(func(): check_eq(Steam.getHTTPResponseBodyData(request, size - 1), PackedByteArray(), "too small a buffer")).size(), 1,
		"too small a buffer is refused with an error")
	check(Steam.releaseHTTPRequest(request), "releaseHTTPRequest")
	check(Steam.releaseCookieContainer(jar), "releaseCookieContainer")


func test_post_with_a_raw_body() -> void:
	if not _setup():
		return
	var request := Steam.createHTTPRequest(Steam.HTTP_METHOD_POST, _url("/echo"))
	var body := "{\"kills\": 3, \"name\": \"Zoë\"}"
	check(Steam.setHTTPRequestRawPostBody(request, "application/json", body), "setHTTPRequestRawPostBody")
	check(Steam.sendHTTPRequest(request), "sendHTTPRequest")
	var signals: Array = await _until_completed(request)
	_check_delivery(signals)
	check_eq(signals[-1][1].slice(0, 4), [request, 0, true, 200], "http_request_completed")
	var echoed := Steam.getHTTPResponseBodyData(request, Steam.getHTTPResponseBodySize(request)).get_string_from_utf8()
	check(echoed.begins_with("POST /echo HTTP/1.1\r\n"), echoed.get_slice("\r\n", 0))
	check(echoed.contains("\r\nContent-Type: application/json\r\n"), "the content type was sent")
	check(echoed.contains("\r\nContent-Length: %d\r\n" % body.to_utf8_buffer().size()), "the body's UTF-8 bytes, no trailing NUL: %s" % echoed)
	check(echoed.ends_with("\r\n\r\n" + body), "the body was sent as given")


func test_streamed_response() -> void:
	if not _setup():
		return
	var request := Steam.createHTTPRequest(Steam.HTTP_METHOD_GET, _url("/stream"))
	check(Steam.setHTTPRequestContextValue(request, 7), "setHTTPRequestContextValue")
	check(Steam.sendHTTPRequestAndStreamResponse(request), "sendHTTPRequestAndStreamResponse")
	var streamed := PackedByteArray()
	var read_chunk := func(s: Array) -> void:
		if s[0] == "http_request_data_received":
			check_eq(s[1][2], streamed.size(), "each chunk starts where the last ended")
			streamed.append_array(Steam.getHTTPStreamingResponseBodyData(request, s[1][2], s[1][3]))
	var signals: Array = await _until_completed(request, read_chunk)
	_check_delivery(signals)
	var kinds := names_of(signals)
	check_eq(kinds[0], "http_request_headers_received", "the headers come first")
	check_eq(kinds[-1], "http_request_completed", "completion comes last")
	check(kinds.count("http_request_data_received") >= 3, "at least one chunk per piece sent 100 ms apart: %s" % [kinds])
	check_eq(signals[0][1], [request, 7], "http_request_headers_received(request, context)")
	check_eq(streamed.get_string_from_utf8(), "a".repeat(100) + "b".repeat(200) + "c".repeat(300), "the chunks make the body")
	check_eq(signals[-1][1], [request, 7, true, 200, 600], "http_request_completed")


func test_a_slow_request_never_blocks_the_main_thread() -> void:
	if not _setup():
		return
	var request := Steam.createHTTPRequest(Steam.HTTP_METHOD_GET, _url("/slow"))
	var started := Time.get_ticks_msec()
	check(Steam.sendHTTPRequest(request), "sendHTTPRequest")
	check(Time.get_ticks_msec() - started < 50, "sendHTTPRequest returns at once")
	# While the body trickles in (1.5 s) the frames go on: count them and sample the progress.
	var frames := [0]
	var progress: Array[float] = []
	var sample := func() -> void:
		frames[0] += 1
		progress.append(Steam.getHTTPDownloadProgressPct(request))
	longest_frame_ms = 0.0
	var signals: Array = await _until_completed(request, Callable(), sample)
	var took := Time.get_ticks_msec() - started
	_check_delivery(signals)
	check_eq(signals[-1][1], [request, 0, true, 200, 1000], "http_request_completed")
	check(took >= 1400, "the body took its 1.5 s to arrive (%d ms)" % took)
	check(frames[0] > 30, "frames went on while the request was in flight (%d frames in %d ms)" % [frames[0], took])
	check(longest_frame_ms < 100.0, "no frame waited on the request: the longest took %.1f ms" % longest_frame_ms)
	var mid := progress.filter(func(p): return p > 0.0 and p < 100.0)
	check(not mid.is_empty(), "getHTTPDownloadProgressPct rose mid-flight: %s" % [progress.slice(-3)])
	check_eq(Steam.getHTTPDownloadProgressPct(request), 100.0, "and is 100 once complete")
