package main

/*
#include "gdext.h"
*/
import "C"

import "github.com/gosteam/godot-steam-server/steam"

// The networking Dictionaries, with GodotSteam Server 4's keys (godotsteam_server.cpp), written
// once for every call and signal that carries them: received messages (receiveMessagesOn*), a
// connection's info (getConnectionInfo, getSessionConnectionInfo, network_connection_status_changed)
// and its real-time status (getConnectionRealTimeStatus, getSessionConnectionInfo). Key keyNet+i is
// netKeyNames[i]; "size", "flags", "result", "success", "status", "ip" and "port" are other
// sections' keys.
var netKeyNames = [...]string{
	// A message.
	"payload", "connection", "identity", "receiver_user_data", "time_received", "message_number", "channel", "sender_user_data",
	// A connection's info.
	"user_data", "listen_socket", "remote_address", "remote_pop", "pop_relay", "connection_state", "end_reason", "end_debug",
	"debug_description", "info_flags",
	// A connection's real-time status, and a lane's.
	"state", "ping", "local_quality", "remote_quality", "packets_out_per_second", "bytes_out_per_second", "packets_in_per_second",
	"bytes_in_per_second", "send_rate", "pending_unreliable", "pending_reliable", "sent_unacknowledged_reliable", "queue_time",
	"response", "connection_status", "lanes_status",
	// createSocketPair's, and the FakeIP and certificate calls'.
	"connection1", "connection2", "identity_type", "ports", "ip_address", "ip_type", "certificate", "error_message", "error",
}

const (
	keyPayload key = keyNet + iota
	keyConnection
	keyIdentity
	keyReceiverUserData
	keyTimeReceived
	keyMessageNumber
	keyChannel
	keySenderUserData
	keyUserData
	keyListenSocket
	keyRemoteAddress
	keyRemotePOP
	keyPOPRelay
	keyConnectionState
	keyEndReason
	keyEndDebug
	keyDebugDescription
	keyInfoFlags
	keyState
	keyPing
	keyLocalQuality
	keyRemoteQuality
	keyPacketsOutPerSecond
	keyBytesOutPerSecond
	keyPacketsInPerSecond
	keyBytesInPerSecond
	keySendRate
	keyPendingUnreliable
	keyPendingReliable
	keySentUnackedReliable
	keyQueueTime
	keyResponse
	keyConnectionStatus
	keyLanesStatus
	keyConnection1
	keyConnection2
	keyIdentityType
	keyPorts
	keyIPAddress
	keyIPType
	keyCertificate
	keyErrorMessage
	keyError
)

var keyResult = ugcKey("result")

// connectionInfoDict is SteamNetConnectionInfo_t with GodotSteam Server 4's keys. remote_address
// is the IP without the port, as GodotSteam writes it (IPv6 whole: its 16-byte buffer cuts it).
func connectionInfoDict(d dict, info steam.ConnectionInfo) {
	d.int(keyIdentity, int64(info.Identity))
	d.int(keyUserData, info.UserData)
	d.int(keyListenSocket, int64(info.ListenSocket))
	d.string(keyRemoteAddress, steam.FormatNetAddress(info.RemoteAddress, false))
	d.int(keyRemotePOP, int64(info.RemotePOP))
	d.int(keyPOPRelay, int64(info.RelayPOP))
	d.int(keyConnectionState, int64(info.State))
	d.int(keyEndReason, int64(info.EndReason))
	d.string(keyEndDebug, info.EndDebug)
	d.string(keyDebugDescription, info.Description)
	d.int(keyInfoFlags, int64(info.Flags))
}

// connectionStatusDict is SteamNetConnectionRealTimeStatus_t with GodotSteam Server 4's keys.
func connectionStatusDict(d dict, st steam.ConnectionStatus) {
	d.int(keyState, int64(st.State))
	d.int(keyPing, int64(st.Ping))
	d.float(keyLocalQuality, float64(st.QualityLocal))
	d.float(keyRemoteQuality, float64(st.QualityRemote))
	d.float(keyPacketsOutPerSecond, float64(st.OutPacketsPerSec))
	d.float(keyBytesOutPerSecond, float64(st.OutBytesPerSec))
	d.float(keyPacketsInPerSecond, float64(st.InPacketsPerSec))
	d.float(keyBytesInPerSecond, float64(st.InBytesPerSec))
	d.int(keySendRate, int64(st.SendRateBytesPerSec))
	d.int(keyPendingUnreliable, int64(st.PendingUnreliable))
	d.int(keyPendingReliable, int64(st.PendingReliable))
	d.int(keySentUnackedReliable, int64(st.SentUnackedReliable))
	d.int(keyQueueTime, st.QueueTime)
}

func laneStatusDict(d dict, l steam.LaneStatus) {
	d.int(keyPendingUnreliable, int64(l.PendingUnreliable))
	d.int(keyPendingReliable, int64(l.PendingReliable))
	d.int(keySentUnackedReliable, int64(l.SentUnackedReliable))
	d.int(keyQueueTime, l.QueueTime)
}

// messageDict is one received SteamNetworkingMessage_t with GodotSteam Server 4's keys; payload
// is a copy of the message's bytes (Data belongs to the batch until it is released).
func messageDict(d dict, m *steam.Message) {
	d.bytes(keyPayload, m.Data)
	d.int(keySize, int64(len(m.Data)))
	d.int(keyConnection, int64(m.Conn))
	d.int(keyIdentity, int64(m.Identity))
	d.int(keyReceiverUserData, m.ConnUserData)
	d.int(keyTimeReceived, m.TimeReceived)
	d.int(keyMessageNumber, m.MessageNumber)
	d.int(keyChannel, int64(m.Channel))
	d.int(keyFlags, int64(m.Flags))
	d.int(keySenderUserData, 0) // m_nUserData is the sender's: never set on a received message
}

// received is the batch every receive call fills: calls come on the main thread, one at a time,
// and messagesRet copies each payload into its PackedByteArray before the call returns, so one
// batch, grown to the traffic's size, serves them all without a Go allocation per message.
var received steam.MessageBatch

// messagesRet returns the batch's messages as an Array of message Dictionaries, then releases it.
var messagesRet = result[*steam.MessageBatch]{kind: kind{typeArray, metaNone, "Array", ""}, encode: func(r *C.sv_ret, b *steam.MessageBatch) {
	if b == nil {
		return
	}
	for i := range b.Messages {
		var child C.sv_ret
		C.sv_ret_append_dict(r, &child)
		messageDict(dict{&child}, &b.Messages[i])
	}
	b.Release()
}}

// receiveInto adapts a receive call of the front to messagesRet: the batch is returned even when
// the call was refused (then it is empty, released by the front).
func receiveInto(f func(s *steam.Server, id, maxMessages int64, b *steam.MessageBatch) (int, error)) func(*steam.Server, int64, int64) (*steam.MessageBatch, error) {
	return func(s *steam.Server, id, maxMessages int64) (*steam.MessageBatch, error) {
		_, err := f(s, id, maxMessages, &received)
		return &received, err
	}
}

// eventDict fills the Dictionary argument of a signal from its event's typed value (signals.Values.Dict).
func eventDict(v any) {
	var d C.sv_ret
	C.sv_emit_dict(&d)
	switch v := v.(type) {
	case steam.ConnectionInfo:
		connectionInfoDict(dict{&d}, v)
	}
}

// signalListened says whether a signal will be emitted at all, before its Dictionary is built.
func signalListened(id int) bool { return C.sv_signal_listened(C.int32_t(id)) != 0 }
