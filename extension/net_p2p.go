package main

/*
#include "gdext.h"
*/
import "C"

import (
	"slices"

	"github.com/gosteam/godot-steam-server/signals"
	"github.com/gosteam/godot-steam-server/steam"
)

// GodotSteam Server 4's Networking (the old ISteamNetworking P2P calls) and Networking Messages
// sections, on both classes (the API page has neither), with its names, arguments, defaults and
// Dictionary keys (godotsteam_server.cpp). receiveMessagesOnChannel and getSessionConnectionInfo,
// which return the message and connection Dictionaries, are with the sockets (net_sockets.go).
// A refused call prints why and returns false, 0, RESULT_INVALID_PARAM or `{}`.

// netAPIKeyNames are the keys of the P2P and Utils Dictionaries no other Dictionary has; key
// keyNetAPI+i is netAPIKeyNames[i]. ("data", "type", "buffer", "result", "success", "value", "ping"
// and "pop_relay" are other sections'.)
var netAPIKeyNames = [...]string{
	// getP2PSessionState's.
	"connection_active", "connecting", "session_error", "using_relay", "bytes_queued_for_send", "packets_queued_for_send",
	"remote_ip", "remote_port",
	// readP2PPacket's.
	"remote_steam_id",
	// The Utils': getLocalPingLocation's, parsePingLocationString's, getConfigValueInfo's.
	"age", "location", "ping_location", "scope",
}

const (
	keyConnectionActive key = keyNetAPI + iota
	keyConnecting
	keySessionError
	keyUsingRelay
	keyBytesQueuedForSend
	keyPacketsQueuedForSend
	keyRemoteIP
	keyRemotePort
	keyRemoteSteamID
	keyAge
	keyLocation
	keyPingLocation
	keyScope
)

var keyValue = ugcKey("value")

// isnm (ISteamNetworkingMessages::) is net_sockets.go's.
const (
	isn = "ISteamNetworking::"
	// sessionsOffline is how the offline backend carries both interfaces' sessions (docs/networking.md).
	sessionsOffline = "over the realm's sessions endpoint, one hidden connection per peer"
)

// channel0 is the default of a channel argument.
var channel0 = []any{int64(0)}

var netP2PMethods = slices.Concat(
	sessionCalls("P2P", isn, "p2p_session_request", "packets", (*steam.Server).AcceptP2PSessionWithUser,
		(*steam.Server).CloseP2PChannelWithUser, (*steam.Server).CloseP2PSessionWithUser),
	sessionCalls("", isnm, "network_messages_session_request", "messages", (*steam.Server).AcceptSessionWithUser,
		(*steam.Server).CloseChannelWithUser, (*steam.Server).CloseSessionWithUser),
	[]method{
		{name: "allowP2PPacketRelay", steam: isn + "AllowP2PPacketRelay", offline: "true: there is no relay, connections are direct", args: names("allow"),
			bind: call1(boolean, boolRet, (*steam.Server).AllowP2PPacketRelay),
			doc:  "Whether P2P sessions may fall back to Steam's relays when a direct connection fails."},
		{name: "getP2PSessionState", steam: isn + "GetP2PSessionState", args: names("remote_steam_id"),
			bind: call1(steamID, p2pSessionStateRet, getP2PSessionState),
			doc: "The session with a user: `{connection_active, connecting, session_error, using_relay, bytes_queued_for_send, " +
				"packets_queued_for_send, remote_ip, remote_port}` (remote_ip an int, host order); `{}` when there is none."},
		{name: "getAvailableP2PPacketSize", steam: isn + "IsP2PPacketAvailable", args: names("channel"), defaults: channel0,
			bind: call1(int32Arg, uint32Ret, (*steam.Server).GetAvailableP2PPacketSize),
			doc:  "The size of the next packet waiting on a channel; 0 when none."},
		{name: "readP2PPacket", steam: isn + "ReadP2PPacket", args: names("packet", "channel"), defaults: channel0,
			bind: call2(uint32Arg, int32Arg, p2pPacketRet, readP2PPacket),
			doc:  "Reads the next packet of a channel into `packet` bytes (a longer one is cut): `{data, remote_steam_id}`; `{}` when none is waiting."},
		{name: "sendP2PPacket", emits: []signals.ID{signals.P2PSessionConnectFail}, steam: isn + "SendP2PPacket", offline: sessionsOffline,
			args: names("remote_steam_id", "data", "send_type", "channel"), defaults: channel0,
			bind: call4(steamID, byteArray, enumArg("P2PSend"), int32Arg, boolRet, (*steam.Server).SendP2PPacket),
			doc: "Sends a packet to a user on a channel, opening a session (the user gets p2p_session_request): at most 1200 bytes unreliable, " +
				"524288 reliable. p2p_session_connect_fail says when it cannot reach them."},
		{name: "sendMessageToUser", emits: []signals.ID{signals.MessagesSessionFailed}, steam: isnm + "SendMessageToUser", offline: sessionsOffline,
			args: names("remote_steam_id", "data", "flags", "channel"),
			bind: call4(steamID, byteArray, int32Arg, int32Arg, enumRet("Result", steam.ResultInvalidParam), (*steam.Server).SendMessageToUser),
			doc: "Sends a message (at most 524288 bytes, NETWORKING_SEND_* flags) to a user on a channel, opening a session " +
				"(the user gets network_messages_session_request). A Result: RESULT_OK when queued; network_messages_session_failed says when the user cannot be reached."},
	})

// sessionCalls are the three session calls both interfaces have: accept<infix>SessionWithUser,
// close<infix>ChannelWithUser and close<infix>SessionWithUser, of the Steam interface iface.
func sessionCalls(infix, iface, request, what string, accept func(*steam.Server, steam.SteamID) (bool, error),
	closeChannel func(*steam.Server, steam.SteamID, int64) (bool, error), closeSession func(*steam.Server, steam.SteamID) (bool, error)) []method {
	acceptName, channelName, sessionName := "accept"+infix+"SessionWithUser", "close"+infix+"ChannelWithUser", "close"+infix+"SessionWithUser"
	return []method{
		{name: acceptName, steam: iface + upperFirst(acceptName), args: names("remote_steam_id"), bind: call1(steamID, boolRet, accept),
			doc: "Accepts the session a " + request + " announced, so the user's " + what + " can be read; false when there is none with them."},
		{name: channelName, steam: iface + upperFirst(channelName), args: names("remote_steam_id", "channel"), bind: call2(steamID, int32Arg, boolRet, closeChannel),
			doc: "Closes one channel of the session with a user (its waiting " + what + " are dropped); the session closes with its last channel."},
		{name: sessionName, steam: iface + upperFirst(sessionName), args: names("remote_steam_id"), bind: call1(steamID, boolRet, closeSession),
			doc: "Ends the session with a user and frees it; false when there was none."},
	}
}

// p2pSessionState is getP2PSessionState's answer; ok false is `{}`.
type p2pSessionState struct {
	st steam.P2PSessionState
	ok bool
}

func getP2PSessionState(s *steam.Server, remote steam.SteamID) (p2pSessionState, error) {
	st, ok, err := s.GetP2PSessionState(remote)
	return p2pSessionState{st, ok}, err
}

// p2pPacket is readP2PPacket's answer; ok false is `{}`.
type p2pPacket struct {
	data   []byte
	remote steam.SteamID
	ok     bool
}

func readP2PPacket(s *steam.Server, size, channel int64) (p2pPacket, error) {
	data, remote, ok, err := s.ReadP2PPacket(size, channel)
	return p2pPacket{data, remote, ok}, err
}

var (
	p2pSessionStateRet = dictRet(func(d dict, v p2pSessionState) {
		if !v.ok {
			return
		}
		d.bool(keyConnectionActive, v.st.ConnectionActive)
		d.bool(keyConnecting, v.st.Connecting)
		d.int(keySessionError, int64(v.st.SessionError))
		d.bool(keyUsingRelay, v.st.UsingRelay)
		d.int(keyBytesQueuedForSend, int64(v.st.BytesQueuedForSend))
		d.int(keyPacketsQueuedForSend, int64(v.st.PacketsQueuedForSend))
		d.int(keyRemoteIP, int64(v.st.RemoteIP))
		d.int(keyRemotePort, int64(v.st.RemotePort))
	})
	p2pPacketRet = dictRet(func(d dict, v p2pPacket) {
		if v.ok {
			d.bytes(keyData, v.data)
			d.int(keyRemoteSteamID, int64(v.remote))
		}
	})
)

// netP2PDifferences are the Networking and Networking Messages rows of serverDifferences.
var netP2PDifferences = []serverDifference{
	{method: "readP2PPacket",
		note: "`packet` is checked (0 to 524288 bytes) before a buffer is made; GodotSteam Server 4 makes a buffer of any size it is given."},
	{method: "sendP2PPacket",
		note: "A `send_type` that is no P2PSend, and data over 1200 bytes unreliable or 524288 reliable, are refused; GodotSteam Server 4 hands them to Steam."},
	{method: "sendMessageToUser",
		note: "Returns a Result (RESULT_INVALID_PARAM when refused); flags that are no combination of NETWORKING_SEND_* and data over 524288 bytes are refused. GodotSteam Server 4 returns 0 without Steam."},
}
