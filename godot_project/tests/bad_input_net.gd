## The bad-input rows of the Networking Sockets calls and the two Networking Messages calls that
## share their Dictionaries (bad_input_base.gd merges them into its table). After each restart no
## socket, connection or poll group is open, so a handle argument is never right: the calls that go
## through with one are refused by the backend with the same safe value (test_net_sockets checks
## the calls that succeed). A handle is ["int", 1, U32, 1] where the backend's answer for an unknown
## handle is not the safe value (RESULT_NO_CONNECTION instead of RESULT_INVALID_PARAM).
extends RefCounted

const MAX_INT := 9223372036854775807
const U32 := 4294967295
const I32_MAX := 2147483647
const VPORT_MAX := 2147483646
const NO_CERTIFICATES := "certificates come from a game coordinator: offline, connections are authenticated with the realm's tickets instead (and no backend offers certificates yet)"


static func rows(player: int) -> Dictionary:
	var handle := ["never", 1]
	var opts := ["opts", {}]
	return {
		"acceptConnection": {"args": [handle], "safe": 8},
		"beginAsyncRequestFakeIP": {"args": [["never", 1]], "safe": false},
		"closeConnection": {"args": [handle, ["int", 0, 2999, 0], ["str", 127, "bye"], ["bool", false]], "safe": false},
		"closeListenSocket": {"args": [handle], "safe": false},
		"configureConnectionLanes": {"args": [["int", 1, U32, 1], ["int", 1, 255, 1], ["qty", 1, 65535, []], ["qty", 1, 65535, []]], "safe": 8},
		# A virtual port and options that go through start a connection to nobody (it fails later).
		"connectP2P": {"args": [["sid", player], ["int", 0, VPORT_MAX, 0], opts], "safe": 0},
		"connectByIPAddress": {"args": [["never", "127.0.0.1:27399"], opts], "safe": 0},
		"connectToHostedDedicatedServer": {"args": [["sid", player], ["int", 0, VPORT_MAX, 0], opts], "safe": 0},
		"createFakeUDPPort": {"args": [["never", 0]], "safe": null},
		"createHostedDedicatedServerListenSocket": {"args": [["int", 0, VPORT_MAX, 0], opts], "safe": 0},
		"createListenSocketIP": {"args": [["addr", "127.0.0.1:0"], opts], "safe": 0},
		"createListenSocketP2P": {"args": [["int", 0, VPORT_MAX, 0], opts], "safe": 0},
		"createListenSocketP2PFakeIP": {"args": [["never", 0], ["never", {}]], "safe": 0},
		"createPollGroup": {"args": [], "safe": 0},
		"createSocketPair": {"args": [["bool", false], ["sid0", 0], ["sid0", 0]], "safe": {"success": false, "connection1": 0, "connection2": 0}},
		"destroyPollGroup": {"args": [handle], "safe": false},
		"flushMessagesOnConnection": {"args": [handle], "safe": 8},
		"getAuthenticationStatus": {"args": [], "safe": 0},
		"getCertificateRequest": {"args": [], "safe": {"certificate": PackedByteArray(), "error_message": NO_CERTIFICATES}},
		"getConnectionInfo": {"args": [handle], "safe": {}},
		"getConnectionName": {"args": [handle], "safe": ""},
		"getConnectionRealTimeStatus": {"args": [["int", 1, U32, 1], ["int", 0, 255, 0], ["bool", true]], "safe": {"response": 8}},
		"getConnectionUserData": {"args": [handle], "safe": -1},
		"getDetailedConnectionStatus": {"args": [handle], "safe": {"success": -1, "status": ""}},
		"getFakeIP": {"args": [["never", 0]], "safe": {"result": 2, "identity_type": 0, "ip": "", "ports": []}},
		"getHostedDedicatedServerPOPId": {"args": [], "safe": 0},
		"getHostedDedicatedServerPort": {"args": [], "safe": 0},
		"getListenSocketAddress": {"args": [handle, ["bool", true]], "safe": ""},
		"getRemoteFakeIPForConnection": {"args": [handle], "safe": {"result": 8, "ip_address": "", "port": 0, "ip_type": 0}},
		"initAuthentication": {"args": [], "safe": 0},
		"receiveMessagesOnConnection": {"args": [handle, ["int", 1, 4096, 16]], "safe": []},
		"receiveMessagesOnPollGroup": {"args": [handle, ["int", 1, 4096, 16]], "safe": []},
		"resetIdentity": {"args": [["sid0", 0]], "safe": null},
		"runNetworkingCallbacks": {"args": [], "safe": null},
		"sendMessageToConnection": {"args": [handle, ["bytes", 0, 524288, PackedByteArray([1])], ["never", 8]], "safe": {"result": 8, "message_number": 0}},
		"setCertificate": {"args": [["never", PackedByteArray([1])]], "safe": {"response": false, "error": NO_CERTIFICATES}},
		"setConnectionPollGroup": {"args": [handle, ["never", 1]], "safe": false},
		"setConnectionName": {"args": [handle, ["str", 127, "name"]], "safe": null},
		"setConnectionUserData": {"args": [handle, ["int", -MAX_INT - 1, MAX_INT, 7]], "safe": false},
		# No test value is a valid Steam ID, so a session is never asked about.
		"getSessionConnectionInfo": {"args": [["never", 0], ["bool", false], ["bool", false]], "safe": {"connection_state": 0}},
		"receiveMessagesOnChannel": {"args": [["int", 0, I32_MAX, 0], ["int", 1, 4096, 16]], "safe": []},
	}
