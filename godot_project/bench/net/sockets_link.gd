## A bench link over the Steam singleton's Networking Sockets calls (createListenSocketIP,
## connectByIPAddress, acceptConnection, sendMessageToConnection, receiveMessagesOnConnection),
## offline. Messages go with Nagle on and each poll() flushes them, as ENet sends what was queued
## when it is serviced (enet_link.gd).
extends RefCounted

const BenchSteam := preload("res://bench/net/bench_steam.gd")

const MAX_MESSAGES := 256

var connections: Array[int] = [] # the server's accepted ones, or the client's one
var is_connected := false


func listen(port: int) -> String:
	var why := BenchSteam.start_server(port)
	if why != "":
		return why
	Steam.network_connection_status_changed.connect(_on_status)
	var socket: int = Steam.createListenSocketIP("127.0.0.1:%d" % port, {})
	return "" if socket != 0 else "createListenSocketIP failed"


func dial(port: int, user: int) -> String:
	var why := BenchSteam.start_client(user)
	if why != "":
		return why
	Steam.network_connection_status_changed.connect(_on_status)
	var connection: int = Steam.connectByIPAddress("127.0.0.1:%d" % port, {})
	if connection == 0:
		return "connectByIPAddress failed"
	connections.append(connection)
	return ""


func _on_status(handle: int, info: Dictionary, _old_state: int) -> void:
	match int(info.connection_state):
		Steam.CONNECTION_STATE_CONNECTING:
			if info.listen_socket != 0 and Steam.acceptConnection(handle) == Steam.RESULT_OK:
				connections.append(handle)
		Steam.CONNECTION_STATE_CONNECTED:
			is_connected = true
		Steam.CONNECTION_STATE_CLOSED_BY_PEER, Steam.CONNECTION_STATE_PROBLEM_DETECTED_LOCALLY:
			Steam.closeConnection(handle, 0, "", false)
			connections.erase(handle)
			is_connected = false


func connected() -> bool:
	return is_connected


func poll() -> void:
	Steam.run_callbacks()
	for c in connections:
		Steam.flushMessagesOnConnection(c)


func send(data: PackedByteArray, reliable: bool) -> void:
	reply(connections[0], data, reliable)


func reply(to: int, data: PackedByteArray, reliable: bool) -> void:
	Steam.sendMessageToConnection(to, data, Steam.NETWORKING_SEND_RELIABLE if reliable else Steam.NETWORKING_SEND_UNRELIABLE)


func receive() -> Array:
	var out := []
	for c in connections:
		for m in Steam.receiveMessagesOnConnection(c, MAX_MESSAGES):
			out.append([m.payload, c])
	return out


func close() -> void:
	for c in connections:
		Steam.closeConnection(c, 0, "", true)
	connections.clear()
	BenchSteam.stop()
