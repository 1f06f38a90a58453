package main

/*
#include "gdext.h"
*/
import "C"

import (
	"github.com/gosteam/godot-steam-server/signals"
	"github.com/gosteam/godot-steam-server/steam"
)

// GodotSteam Server 4's Networking Utils section (ISteamNetworkingUtils), on both classes, with its
// names, arguments and Dictionary keys: the local clock, the relay network and ping locations, and
// the configuration values (steam.NetConfigRows). Offline answers: docs/networking.md.

const (
	isnu      = "ISteamNetworkingUtils::"
	noRelay   = "no relay network offline"
	pingNever = "-1 (k_nSteamNetworkingPing_Failed): " + noRelay
)

// pingRet is a ping in ms; a refused call answers NETWORKING_PING_FAILED, as Steam does without data.
var pingRet = withFallback(int32Ret, steam.PingFailed)

var netUtilsMethods = []method{
	{name: "checkPingDataUpToDate", steam: isnu + "CheckPingDataUpToDate", offline: "false: " + noRelay, args: names("max_age_in_seconds"),
		bind: call1(floatArg, boolRet, (*steam.Server).CheckPingDataUpToDate),
		doc:  "Whether the host's ping data is at most that many seconds old; if not, it starts measuring again."},
	{name: "convertPingLocationToString", steam: isnu + "ConvertPingLocationToString", offline: "\"\": " + noRelay, args: names("location"),
		bind: call1(byteArray, stringRet, (*steam.Server).ConvertPingLocationToString),
		doc:  "A ping location (512 bytes, from getLocalPingLocation) as text to send to a peer, which parsePingLocationString reads back."},
	{name: "estimatePingTimeBetweenTwoLocations", steam: isnu + "EstimatePingTimeBetweenTwoLocations", offline: pingNever,
		args: names("location1", "location2"), bind: call2(byteArray, byteArray, pingRet, (*steam.Server).EstimatePingTimeBetweenTwoLocations),
		doc: "The estimated round trip between two ping locations, in ms, through the relays; NETWORKING_PING_FAILED or NETWORKING_PING_UNKNOWN when it cannot tell."},
	{name: "estimatePingTimeFromLocalHost", steam: isnu + "EstimatePingTimeFromLocalHost", offline: pingNever, args: names("location"),
		bind: call1(byteArray, pingRet, (*steam.Server).EstimatePingTimeFromLocalHost),
		doc:  "The estimated round trip from this host to a ping location, in ms; NETWORKING_PING_FAILED or NETWORKING_PING_UNKNOWN when it cannot tell."},
	{name: "getConfigValue", steam: isnu + "GetConfigValue", args: names("config_value", "scope_type", "connection_handle"),
		bind: call3(enumArg("NetworkingConfigValue"), enumArg("NetworkingConfigScope"), uint32Arg, configValueRet, getConfigValue),
		doc: "A configuration value at a scope (connection_handle: the connection or listen socket of those scopes, else ignored): " +
			"`{result, type, value, buffer}`: a NetworkingGetConfigValueResult (OK: set at that scope; OK_INHERITED: from a wider one or the default), the NetworkingConfigDataType, the value (an int, float or String) and its size in bytes; `{}` when refused (an unknown value or scope, a handle that is not open)."},
	{name: "getConfigValueInfo", steam: isnu + "GetConfigValueInfo", args: names("config_value"),
		bind: call1(enumArg("NetworkingConfigValue"), configInfoRet, getConfigValueInfo),
		doc:  "A configuration value's `{type, scope}`: its NetworkingConfigDataType and the most specific NetworkingConfigScope it applies to; `{}` for an unknown value."},
	{name: "getDirectPingToPOP", steam: isnu + "GetDirectPingToPOP", offline: pingNever, args: names("pop_id"),
		bind: call1(uint32Arg, pingRet, (*steam.Server).GetDirectPingToPOP),
		doc:  "The direct ping to a point of presence (a data center's relays), in ms; NETWORKING_PING_FAILED without one."},
	{name: "getLocalPingLocation", steam: isnu + "GetLocalPingLocation", offline: "`{age: -1, location}` with 512 zero bytes: " + noRelay,
		bind: call0(pingLocationRet, getLocalPingLocation),
		doc:  "The host's ping location: `{age, location}`, age in seconds (-1: none measured yet) and location 512 bytes for convertPingLocationToString and the estimates."},
	{name: "getLocalTimestamp", steam: isnu + "GetLocalTimestamp", offline: "µs of the process's monotonic clock, from 30 days",
		bind: call0(timestampRet, (*steam.Server).GetLocalTimestamp),
		doc:  "Steam's monotonic local clock in microseconds (from at least 30 days, never going back); 0 when refused."},
	{name: "getPingToDataCenter", steam: isnu + "GetPingToDataCenter", offline: "`{pop_relay: 0, ping: -1}`: " + noRelay, args: names("pop_id"),
		bind: call1(uint32Arg, dataCenterPingRet, getPingToDataCenter),
		doc:  "The best relayed route's ping to a data center: `{pop_relay, ping}`, the relay's POP ID and ms (NETWORKING_PING_FAILED without a route)."},
	{name: "getPOPCount", steam: isnu + "GetPOPCount", offline: "0: " + noRelay,
		bind: call0(int32Ret, (*steam.Server).GetPOPCount), doc: "How many points of presence the network configuration has."},
	{name: "getPOPList", steam: isnu + "GetPOPList", offline: "[]: " + noRelay,
		bind: call0(popListRet, (*steam.Server).GetPOPList), doc: "The POP IDs of the network configuration (at most 256), an Array of ints."},
	{name: "getRelayNetworkStatus", steam: isnu + "GetRelayNetworkStatus", offline: "NETWORKING_AVAILABILITY_CANNOT_TRY (-102): " + noRelay,
		bind: call0(availabilityRet, relayNetworkStatus),
		doc:  "Whether the relay network can be used now: a NetworkingAvailability (relay_network_status says when it changes)."},
	{name: "initRelayNetworkAccess", emits: []signals.ID{signals.RelayNetworkStatus}, steam: isnu + "InitRelayNetworkAccess",
		offline: "the first call queues relay_network_status with CANNOT_TRY", bind: do0((*steam.Server).InitRelayNetworkAccess),
		doc: "Starts using the relay network now rather than at the first call that needs it. Triggers relay_network_status."},
	{name: "parsePingLocationString", steam: isnu + "ParsePingLocationString", offline: "only \"\" parses: " + noRelay, args: names("string"),
		bind: call1(text, parsedPingLocationRet, parsePingLocationString),
		doc:  "Reads back a convertPingLocationToString text: `{success, ping_location}`, ping_location its 512 bytes (zeros when success is false)."},
	configSetter("setConnectionConfigValueFloat", steam.ConfigTypeFloat, true),
	configSetter("setConnectionConfigValueInt32", steam.ConfigTypeInt32, true),
	configSetter("setConnectionConfigValueString", steam.ConfigTypeString, true),
	configSetter("setGlobalConfigValueFloat", steam.ConfigTypeFloat, false),
	configSetter("setGlobalConfigValueInt32", steam.ConfigTypeInt32, false),
	configSetter("setGlobalConfigValueString", steam.ConfigTypeString, false),
}

// configSetter is one of the six set*ConfigValue* rows: a value of type t, on one connection or
// for everything.
func configSetter(name string, t steam.NetConfigDataType, onConnection bool) method {
	what := map[steam.NetConfigDataType]string{steam.ConfigTypeInt32: "an int32", steam.ConfigTypeFloat: "a float", steam.ConfigTypeString: "a String"}[t]
	m := method{name: name, steam: isnu + upperFirst(name)}
	configArg := enumArg("NetworkingConfigValue")
	set := func(s *steam.Server, conn, config int64, i int64, f float64, str string) (bool, error) {
		opt, err := steam.ConfigOptionOf(config, t, i, f, str)
		if err != nil {
			return false, err
		}
		if onConnection {
			return s.SetConnectionConfigValue(conn, opt)
		}
		return s.SetGlobalConfigValue(opt)
	}
	if onConnection {
		m.args = names("connection", "config", "value")
		m.doc = "Sets a configuration value, " + what + ", on one connection (a connection-scope value). False when refused."
		switch t {
		case steam.ConfigTypeFloat:
			m.bind = call3(uint32Arg, configArg, floatArg, boolRet, func(s *steam.Server, c, k int64, v float64) (bool, error) { return set(s, c, k, 0, v, "") })
		case steam.ConfigTypeInt32:
			m.bind = call3(uint32Arg, configArg, int32Arg, boolRet, func(s *steam.Server, c, k, v int64) (bool, error) { return set(s, c, k, v, 0, "") })
		default:
			m.bind = call3(uint32Arg, configArg, text, boolRet, func(s *steam.Server, c, k int64, v string) (bool, error) { return set(s, c, k, 0, 0, v) })
		}
		return m
	}
	m.args = names("config", "value")
	m.doc = "Sets a configuration value, " + what + ", for everything: the default of every connection that does not set it. False when refused."
	switch t {
	case steam.ConfigTypeFloat:
		m.bind = call2(configArg, floatArg, boolRet, func(s *steam.Server, k int64, v float64) (bool, error) { return set(s, 0, k, 0, v, "") })
	case steam.ConfigTypeInt32:
		m.bind = call2(configArg, int32Arg, boolRet, func(s *steam.Server, k, v int64) (bool, error) { return set(s, 0, k, v, 0, "") })
	default:
		m.bind = call2(configArg, text, boolRet, func(s *steam.Server, k int64, v string) (bool, error) { return set(s, 0, k, 0, 0, v) })
	}
	return m
}

func relayNetworkStatus(s *steam.Server) (steam.NetworkingAvailability, error) {
	st, err := s.GetRelayNetworkStatus()
	if err != nil {
		return steam.AvailabilityUnknown, err
	}
	return st.Available, nil
}

// pingLocation is getLocalPingLocation's and parsePingLocationString's answer.
type pingLocation struct {
	loc steam.PingLocation
	age float32 // getLocalPingLocation's
	ok  bool    // parsePingLocationString's
}

func getLocalPingLocation(s *steam.Server) (pingLocation, error) {
	loc, age, err := s.GetLocalPingLocation()
	return pingLocation{loc: loc, age: age}, err
}

func parsePingLocationString(s *steam.Server, text string) (pingLocation, error) {
	loc, ok, err := s.ParsePingLocationString(text)
	return pingLocation{loc: loc, ok: ok}, err
}

type dataCenterPing struct {
	ping int32
	via  uint32
}

func getPingToDataCenter(s *steam.Server, pop int64) (dataCenterPing, error) {
	ping, via, err := s.GetPingToDataCenter(pop)
	return dataCenterPing{ping, via}, err
}

// configValue is getConfigValue's answer; refused is `{}`.
type configValue struct {
	opt     steam.ConfigOption
	result  steam.NetConfigGetResult
	refused bool
}

func getConfigValue(s *steam.Server, value, scope, obj int64) (configValue, error) {
	opt, r, err := s.GetConfigValue(value, scope, obj)
	return configValue{opt, r, err != nil}, err
}

type configInfo struct {
	t     steam.NetConfigDataType
	scope steam.NetConfigScope
	ok    bool
}

func getConfigValueInfo(s *steam.Server, value int64) (configInfo, error) {
	t, scope, ok, err := s.GetConfigValueInfo(value)
	return configInfo{t, scope, ok}, err
}

var (
	timestampRet = result[int64]{kind: kind{typeInt, metaUint64, "int", ""}, encode: func(r *C.sv_ret, v int64) { r.i = C.int64_t(v) }}
	popListRet   = result[[]uint32]{kind: kind{typeArray, metaNone, "Array", ""}, encode: func(r *C.sv_ret, pops []uint32) {
		for _, p := range pops {
			C.sv_ret_append_int(r, C.int64_t(p))
		}
	}}
	pingLocationRet = dictRet(func(d dict, v pingLocation) {
		d.float(keyAge, float64(v.age))
		d.bytes(keyLocation, v.loc[:])
	})
	parsedPingLocationRet = dictRet(func(d dict, v pingLocation) {
		d.bool(keySuccess, v.ok)
		d.bytes(keyPingLocation, v.loc[:])
	})
	dataCenterPingRet = withFallback(dictRet(func(d dict, v dataCenterPing) {
		d.int(keyPOPRelay, int64(v.via))
		d.int(keyPing, int64(v.ping))
	}), dataCenterPing{ping: steam.PingFailed})
	configValueRet = withFallback(dictRet(encodeConfigValue), configValue{refused: true})
	configInfoRet  = dictRet(func(d dict, v configInfo) {
		if v.ok {
			d.int(keyType, int64(v.t))
			d.int(keyScope, int64(v.scope))
		}
	})
)

// encodeConfigValue writes the value as the type it has, and buffer as the bytes Steam's
// GetConfigValue would fill (a String's with its NUL).
func encodeConfigValue(d dict, v configValue) {
	if v.refused {
		return
	}
	d.int(keyResult, int64(v.result))
	d.int(keyType, int64(v.opt.Type))
	size := 8
	switch v.opt.Type {
	case steam.ConfigTypeInt32:
		d.int(keyValue, v.opt.Int)
		size = 4
	case steam.ConfigTypeFloat:
		d.float(keyValue, float64(v.opt.Float))
		size = 4
	case steam.ConfigTypeString:
		d.string(keyValue, v.opt.String)
		size = len(v.opt.String) + 1
	default: // Int64, and the function pointers, which read as their address
		d.int(keyValue, v.opt.Int)
	}
	d.int(keyBuffer, int64(size))
}

// netUtilsDifferences are the Networking Utils rows of serverDifferences.
var netUtilsDifferences = []serverDifference{
	{method: "getConfigValue",
		note: "`value` is the value (an int, float or String) and `buffer` its size; GodotSteam Server 4 hands Steam the address of a PackedByteArray as the buffer and an unset size, so its `value` and `buffer` hold nothing usable. A refused call (an unknown value or scope, a handle that is not open) gives `{}`, as GodotSteam Server 4 does without Steam."},
	{method: "estimatePingTimeBetweenTwoLocations",
		note: "A location that is not 512 bytes is refused; GodotSteam Server 4 reads 512 bytes from whatever it is given, past the end of a shorter array."},
	{method: "estimatePingTimeFromLocalHost", note: "A location that is not 512 bytes is refused, as for estimatePingTimeBetweenTwoLocations."},
	{method: "convertPingLocationToString",
		note: "A location that is not 512 bytes is refused; GodotSteam Server 4 reads past a shorter array and tells Steam its 513-byte buffer holds 1024."},
	{method: "getPingToDataCenter",
		note: "`pop_relay` is 0 when there is no route; GodotSteam Server 4 returns an unset variable there."},
	{method: "getLocalPingLocation",
		note: "Before serverInit `{age: -1, location}` with 512 zero bytes, as with no measurement; GodotSteam Server 4 gives `{}` without Steam."},
	{method: "setConnectionConfigValueInt32",
		note: "The six set*ConfigValue* calls refuse a value Steam would (unknown, the wrong type, read only, a callback, out of its range, a global-only value on a connection) before calling it; GodotSteam Server 4 hands everything to Steam."},
}
