## A bench link over ENet itself: ENetConnection.service and ENetPacketPeer.send/get_packet, no
## MultiplayerPeer (the counterpart of the Steam singleton's Networking Sockets calls). Channel 0
## carries reliable messages, channel 1 unreliable (unsequenced, as ENetMultiplayerPeer sends them).
extends RefCounted

var host := ENetConnection.new()
var server: ENetPacketPeer # the client's connection
var is_connected := false
var inbox := []


func listen(port: int) -> String:
	return _check(host.create_host_bound("127.0.0.1", port, 4, 2), "create_host_bound")


func dial(port: int, _user: int) -> String:
	var why := _check(host.create_host(1, 2), "create_host")
	if why == "":
		server = host.connect_to_host("127.0.0.1", port, 2)
		if server == null:
			why = "connect_to_host failed"
	return why


func connected() -> bool:
	return is_connected


## Sends what was queued and takes what arrived, one ENet event at a time.
func poll() -> void:
	while true:
		var event: Array = host.service(0)
		match event[0]:
			ENetConnection.EVENT_NONE, ENetConnection.EVENT_ERROR:
				return
			ENetConnection.EVENT_CONNECT:
				is_connected = true
			ENetConnection.EVENT_DISCONNECT:
				is_connected = false
			ENetConnection.EVENT_RECEIVE:
				var from: ENetPacketPeer = event[1]
				inbox.append([from.get_packet(), from])


func send(data: PackedByteArray, reliable: bool) -> void:
	reply(server, data, reliable)


func reply(to: ENetPacketPeer, data: PackedByteArray, reliable: bool) -> void:
	if reliable:
		to.send(0, data, ENetPacketPeer.FLAG_RELIABLE)
	else:
		to.send(1, data, ENetPacketPeer.FLAG_UNSEQUENCED)


func receive() -> Array:
	var out := inbox
	inbox = []
	return out


func close() -> void:
	if server != null:
		server.peer_disconnect_now()
	host.flush()
	host.destroy()


func _check(err: Error, what: String) -> String:
	return "" if err == OK else "%s: %s" % [what, error_string(err)]
