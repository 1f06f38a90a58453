package main

/*
#include "gdext.h"
*/
import "C"

import "github.com/gosteam/godot-steam-server/steam"

// The Networking Sockets rows' kinds and calls (net_sockets.go): handles as GodotSteam Server 4's
// uint32s, its result ints, and its Dictionaries filled from steam.Server's answers (net_dicts.go).

func uint32Result[T ~uint32]() result[T] {
	return result[T]{kind: uint32Ret.kind, encode: func(r *C.sv_ret, v T) { r.i = C.int64_t(v) }}
}

var (
	connRet      = uint32Result[steam.NetConnection]()
	listenRet    = uint32Result[steam.ListenSocket]()
	pollGroupRet = uint32Result[steam.PollGroup]()
	uint16Ret    = result[uint16]{kind: kind{typeInt, metaUint16, "int", ""}, encode: func(r *C.sv_ret, v uint16) { r.i = C.int64_t(v) }}
	// netResultRet is an EResult as GodotSteam Server 4's int; RESULT_INVALID_PARAM when refused.
	netResultRet = result[steam.Result]{kind: int32Ret.kind, encode: func(r *C.sv_ret, v steam.Result) { r.i = C.int64_t(v) },
		fallback: steam.ResultInvalidParam}
	userDataRet = result[int64]{kind: kind{typeInt, metaInt64, "int", ""}, encode: func(r *C.sv_ret, v int64) { r.i = C.int64_t(v) }, fallback: -1}
	// availabilityRet is a NetworkingAvailability; NETWORKING_AVAILABILITY_UNKNOWN (0) when refused.
	availabilityRet = enumRet("NetworkingAvailability", steam.AvailabilityUnknown)
	// laneInts is configureConnectionLanes' priorities and weights: an Array of ints.
	laneInts = intList(typeArray, "Array")
)

func authenticationStatus(s *steam.Server) (steam.NetworkingAvailability, error) {
	a, _, err := s.GetAuthenticationStatus()
	return a, err
}

// socketPair is createSocketPair's {success, connection1, connection2}.
type socketPair struct {
	ok     bool
	c1, c2 steam.NetConnection
}

var socketPairRet = dictRet(func(d dict, p socketPair) {
	d.bool(keySuccess, p.ok)
	d.int(keyConnection1, int64(p.c1))
	d.int(keyConnection2, int64(p.c2))
})

func createSocketPair(s *steam.Server, loopback bool, id1, id2 steam.SteamID) (socketPair, error) {
	c1, c2, ok, err := s.CreateSocketPair(loopback, id1, id2)
	return socketPair{ok && err == nil, c1, c2}, err
}

// connectionInfo is a connection's info, or none ({}) when the call was refused.
type connectionInfo struct {
	ok   bool
	info steam.ConnectionInfo
}

var connectionInfoRet = dictRet(func(d dict, v connectionInfo) {
	if v.ok {
		connectionInfoDict(d, v.info)
	}
})

func getConnectionInfo(s *steam.Server, conn int64) (connectionInfo, error) {
	info, err := s.GetConnectionInfo(conn)
	return connectionInfo{err == nil, info}, err
}

// realTime is getConnectionRealTimeStatus's answer.
type realTime struct {
	response  steam.Result
	getStatus bool
	status    steam.ConnectionStatus
	lanes     []steam.LaneStatus
}

var realTimeStatusRet = withFallback(dictRet(func(d dict, v realTime) {
	d.int(keyResponse, int64(v.response))
	if v.response != steam.ResultOK {
		return
	}
	st := d.child(keyConnectionStatus)
	if v.getStatus {
		connectionStatusDict(st, v.status)
	}
	var lanes C.sv_ret
	C.sv_dict_new_list(d.r, C.int32_t(keyLanesStatus), &lanes)
	for _, l := range v.lanes {
		var lane C.sv_ret
		C.sv_ret_append_dict(&lanes, &lane)
		laneStatusDict(dict{&lane}, l)
	}
}), realTime{response: steam.ResultInvalidParam})

func realTimeStatus(s *steam.Server, conn, lanes int64, getStatus bool) (realTime, error) {
	st, ls, r, err := s.GetConnectionRealTimeStatus(conn, lanes)
	return realTime{r, getStatus, st, ls}, err
}

// detailed is getDetailedConnectionStatus's {success, status}.
type detailed struct {
	code int
	text string
}

var detailedStatusRet = withFallback(dictRet(func(d dict, v detailed) {
	d.int(keySuccess, int64(v.code))
	d.string(keyStatus, v.text)
}), detailed{code: -1})

func detailedStatus(s *steam.Server, conn int64) (detailed, error) {
	text, code, err := s.GetDetailedConnectionStatus(conn)
	if err != nil {
		return detailed{code: -1}, err
	}
	return detailed{code, text}, nil
}

// sent is sendMessageToConnection's {result, message_number}.
type sent struct {
	result steam.Result
	number int64
}

var sentRet = withFallback(dictRet(func(d dict, v sent) {
	d.int(keyResult, int64(v.result))
	d.int(keyMessageNumber, v.number)
}), sent{result: steam.ResultInvalidParam})

func sendMessage(s *steam.Server, conn int64, data []byte, flags int64) (sent, error) {
	r, n, err := s.SendMessageToConnection(conn, data, flags)
	if err != nil && r == steam.ResultOK {
		r = steam.ResultInvalidParam
	}
	return sent{r, n}, err
}

// session is getSessionConnectionInfo's answer: the parts asked for, none when refused.
type session struct {
	state                steam.ConnectionState
	withInfo, withStatus bool
	info                 steam.ConnectionInfo
	status               steam.ConnectionStatus
}

var sessionInfoRet = dictRet(func(d dict, v session) {
	d.int(keyConnectionState, int64(v.state))
	if v.withInfo {
		connectionInfoDict(d, v.info)
	}
	if v.withStatus {
		connectionStatusDict(d, v.status)
	}
})

func sessionInfo(s *steam.Server, remote steam.SteamID, getConnection, getStatus bool) (session, error) {
	st, info, status, err := s.GetSessionConnectionInfo(remote)
	if err != nil {
		return session{}, err
	}
	return session{st, getConnection, getStatus, info, status}, nil
}
