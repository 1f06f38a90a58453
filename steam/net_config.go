package steam

// Networking configuration values (ESteamNetworkingConfigValue): one row each, with its type, the
// most specific scope it applies to, its default and the range accepted. Options of the create and
// connect calls, the set*ConfigValue* calls and getConfigValue/getConfigValueInfo are all checked
// against these rows. Offline says what the offline backend does with a value; "" means it is
// stored and read back but changes nothing there.

import (
	"fmt"
	"math"
)

type (
	// NetConfigValue is ESteamNetworkingConfigValue.
	NetConfigValue int32
	// NetConfigScope is ESteamNetworkingConfigScope.
	NetConfigScope int32
	// NetConfigDataType is ESteamNetworkingConfigDataType.
	NetConfigDataType int32
	// NetConfigGetResult is ESteamNetworkingGetConfigValueResult.
	NetConfigGetResult int32
)

const (
	ConfigGetBadValue       NetConfigGetResult = -1
	ConfigGetBadScopeObj    NetConfigGetResult = -2
	ConfigGetBufferTooSmall NetConfigGetResult = -3
	ConfigGetOK             NetConfigGetResult = 1
	ConfigGetOKInherited    NetConfigGetResult = 2

	ConfigScopeGlobal           NetConfigScope = 1
	ConfigScopeSocketsInterface NetConfigScope = 2
	ConfigScopeListenSocket     NetConfigScope = 3
	ConfigScopeConnection       NetConfigScope = 4

	ConfigTypeInt32  NetConfigDataType = 1
	ConfigTypeInt64  NetConfigDataType = 2
	ConfigTypeFloat  NetConfigDataType = 3
	ConfigTypeString NetConfigDataType = 4
	ConfigTypePtr    NetConfigDataType = 5
)

// The values the offline backend acts on (see each row's Offline).
const (
	ConfigFakePacketLossSend       NetConfigValue = 2
	ConfigFakePacketLossRecv       NetConfigValue = 3
	ConfigSendBufferSize           NetConfigValue = 9
	ConfigNagleTime                NetConfigValue = 12
	ConfigTimeoutInitial           NetConfigValue = 24
	ConfigTimeoutConnected         NetConfigValue = 25
	ConfigMTUPacketSize            NetConfigValue = 32
	ConfigMTUDataSize              NetConfigValue = 33
	ConfigLocalVirtualPort         NetConfigValue = 38
	ConfigConnectionUserData       NetConfigValue = 40
	ConfigRecvBufferSize           NetConfigValue = 47
	ConfigRecvBufferMessages       NetConfigValue = 48
	ConfigRecvMaxMessageSize       NetConfigValue = 49
	ConfigRecvMaxSegmentsPerPacket NetConfigValue = 50
)

// ConfigOption is SteamNetworkingConfigValue_t: a value and its data, Int for Int32 and Int64.
type ConfigOption struct {
	Value  NetConfigValue
	Type   NetConfigDataType
	Int    int64
	Float  float32
	String string
}

// NetConfigRow describes one configuration value.
type NetConfigRow struct {
	Value    NetConfigValue
	Name     string // Steam's name without the k_ESteamNetworkingConfig_ prefix
	Type     NetConfigDataType
	Scope    NetConfigScope // ConfigScopeGlobal or ConfigScopeConnection
	Default  ConfigOption
	Min, Max float64 // for Int32, Int64 and Float
	ReadOnly bool
	Offline  string
}

func i32Row(v NetConfigValue, name string, scope NetConfigScope, def, lo, hi int64, offline string) NetConfigRow {
	return NetConfigRow{Value: v, Name: name, Type: ConfigTypeInt32, Scope: scope,
		Default: ConfigOption{Value: v, Type: ConfigTypeInt32, Int: def}, Min: float64(lo), Max: float64(hi), Offline: offline}
}

func f32Row(v NetConfigValue, name string, def, lo, hi float32, offline string) NetConfigRow {
	return NetConfigRow{Value: v, Name: name, Type: ConfigTypeFloat, Scope: ConfigScopeGlobal,
		Default: ConfigOption{Value: v, Type: ConfigTypeFloat, Float: def}, Min: float64(lo), Max: float64(hi), Offline: offline}
}

func strRow(v NetConfigValue, name string, scope NetConfigScope) NetConfigRow {
	return NetConfigRow{Value: v, Name: name, Type: ConfigTypeString, Scope: scope, Default: ConfigOption{Value: v, Type: ConfigTypeString}}
}

func ptrRow(v NetConfigValue, name string, scope NetConfigScope) NetConfigRow {
	return NetConfigRow{Value: v, Name: name, Type: ConfigTypePtr, Scope: scope, Default: ConfigOption{Value: v, Type: ConfigTypePtr}}
}

const (
	cfgConn   = ConfigScopeConnection
	cfgGlobal = ConfigScopeGlobal
	i32Max    = math.MaxInt32
)

// NetConfigRows lists every ESteamNetworkingConfigValue of the SDK.
var NetConfigRows = []NetConfigRow{
	i32Row(ConfigTimeoutInitial, "TimeoutInitial", cfgConn, 10000, 0, i32Max, "ms a connection may take to connect before it fails with 5003 (Misc_Timeout)"),
	i32Row(ConfigTimeoutConnected, "TimeoutConnected", cfgConn, 10000, 0, i32Max, "ms without a datagram from the peer before a connection fails with 5003 (Misc_Timeout)"),
	i32Row(ConfigSendBufferSize, "SendBufferSize", cfgConn, 512*1024, 0, 0x10000000, "bytes waiting to be sent before a send returns 25 (LimitExceeded)"),
	i32Row(ConfigRecvBufferSize, "RecvBufferSize", cfgConn, 1024*1024, 0, 0x10000000, "bytes received and not yet read before datagrams are dropped"),
	i32Row(ConfigRecvBufferMessages, "RecvBufferMessages", cfgConn, 1000, 0, 0x10000000, "messages received and not yet read before datagrams are dropped"),
	i32Row(ConfigRecvMaxMessageSize, "RecvMaxMessageSize", cfgConn, 512*1024, 1024, 0x10000000, "a larger message from the peer closes the connection"),
	i32Row(ConfigRecvMaxSegmentsPerPacket, "RecvMaxSegmentsPerPacket", cfgConn, 256, 1, 0x10000000, "the rest of a datagram holding more segments is ignored"),
	{Value: ConfigConnectionUserData, Name: "ConnectionUserData", Type: ConfigTypeInt64, Scope: cfgConn,
		Default: ConfigOption{Value: ConfigConnectionUserData, Type: ConfigTypeInt64, Int: -1}, Min: math.MinInt64, Max: math.MaxInt64,
		Offline: "the connection's user data"},
	i32Row(10, "SendRateMin", cfgConn, 256*1024, 1024, 0x10000000, ""),
	i32Row(11, "SendRateMax", cfgConn, 256*1024, 1024, 0x10000000, ""),
	i32Row(ConfigNagleTime, "NagleTime", cfgConn, 5000, 0, 20000, "µs a message without NoNagle may wait to share a datagram"),
	i32Row(23, "IP_AllowWithoutAuth", cfgConn, 0, 0, 2, ""),
	i32Row(52, "IPLocalHost_AllowWithoutAuth", cfgConn, 0, 0, 2, ""),
	i32Row(ConfigMTUPacketSize, "MTU_PacketSize", cfgConn, 1300, 576, 1500, "the largest datagram a connection sends (as the connection is made: later changes do not apply)"),
	{Value: ConfigMTUDataSize, Name: "MTU_DataSize", Type: ConfigTypeInt32, Scope: cfgConn, ReadOnly: true,
		Default: ConfigOption{Value: ConfigMTUDataSize, Type: ConfigTypeInt32}, Min: 0, Max: i32Max,
		Offline: "read only: the largest message sent in one datagram"},
	i32Row(34, "Unencrypted", cfgConn, 0, 0, 3, ""),
	i32Row(37, "SymmetricConnect", cfgConn, 0, 0, 1, ""),
	i32Row(ConfigLocalVirtualPort, "LocalVirtualPort", cfgConn, -1, -1, 0x7FFFFFFE, "read back on a P2P listen socket: its virtual port"),
	i32Row(39, "DualWifi_Enable", cfgConn, 0, 0, 2, ""),
	i32Row(46, "EnableDiagnosticsUI", cfgConn, 1, 0, 1, ""),
	f32Row(ConfigFakePacketLossSend, "FakePacketLoss_Send", 0, 0, 100, "percent of datagrams dropped instead of sent"),
	f32Row(ConfigFakePacketLossRecv, "FakePacketLoss_Recv", 0, 0, 100, "percent of received datagrams dropped"),
	i32Row(4, "FakePacketLag_Send", cfgGlobal, 0, 0, 5000, ""),
	i32Row(5, "FakePacketLag_Recv", cfgGlobal, 0, 0, 5000, ""),
	f32Row(6, "FakePacketReorder_Send", 0, 0, 100, ""),
	f32Row(7, "FakePacketReorder_Recv", 0, 0, 100, ""),
	i32Row(8, "FakePacketReorder_Time", cfgGlobal, 15, 0, 5000, ""),
	f32Row(26, "FakePacketDup_Send", 0, 0, 100, ""),
	f32Row(27, "FakePacketDup_Recv", 0, 0, 100, ""),
	i32Row(28, "FakePacketDup_TimeMax", cfgGlobal, 10, 0, 5000, ""),
	i32Row(41, "PacketTraceMaxBytes", cfgGlobal, -1, -1, 0x10000000, ""),
	i32Row(42, "FakeRateLimit_Send_Rate", cfgGlobal, 0, 0, 0x10000000, ""),
	i32Row(43, "FakeRateLimit_Send_Burst", cfgGlobal, 16*1024, 0, 0x10000000, ""),
	i32Row(44, "FakeRateLimit_Recv_Rate", cfgGlobal, 0, 0, 0x10000000, ""),
	i32Row(45, "FakeRateLimit_Recv_Burst", cfgGlobal, 16*1024, 0, 0x10000000, ""),
	i32Row(51, "OutOfOrderCorrectionWindowMicroseconds", cfgConn, 1000, 0, 1000000, ""),
	ptrRow(201, "Callback_ConnectionStatusChanged", cfgConn),
	ptrRow(202, "Callback_AuthStatusChanged", cfgGlobal),
	ptrRow(203, "Callback_RelayNetworkStatusChanged", cfgGlobal),
	ptrRow(204, "Callback_MessagesSessionRequest", cfgGlobal),
	ptrRow(205, "Callback_MessagesSessionFailed", cfgGlobal),
	ptrRow(206, "Callback_CreateConnectionSignaling", cfgGlobal),
	ptrRow(207, "Callback_FakeIPResult", cfgGlobal),
	strRow(103, "P2P_STUN_ServerList", cfgConn),
	i32Row(104, "P2P_Transport_ICE_Enable", cfgConn, 0, 0, i32Max, ""),
	i32Row(105, "P2P_Transport_ICE_Penalty", cfgConn, 0, 0, i32Max, ""),
	i32Row(106, "P2P_Transport_SDR_Penalty", cfgConn, 0, 0, i32Max, ""),
	strRow(107, "P2P_TURN_ServerList", cfgConn),
	strRow(108, "P2P_TURN_UserList", cfgConn),
	strRow(109, "P2P_TURN_PassList", cfgConn),
	i32Row(110, "P2P_Transport_ICE_Implementation", cfgConn, 0, 0, 2, ""),
	i32Row(19, "SDRClient_ConsecutitivePingTimeoutsFailInitial", cfgGlobal, 6, 0, 1000, ""),
	i32Row(20, "SDRClient_ConsecutitivePingTimeoutsFail", cfgGlobal, 10, 0, 1000, ""),
	i32Row(21, "SDRClient_MinPingsBeforePingAccurate", cfgGlobal, 10, 0, 1000, ""),
	i32Row(22, "SDRClient_SingleSocket", cfgGlobal, 0, 0, 1, ""),
	strRow(29, "SDRClient_ForceRelayCluster", cfgGlobal),
	strRow(30, "SDRClient_DevTicket", cfgConn),
	strRow(31, "SDRClient_ForceProxyAddr", cfgGlobal),
	strRow(36, "SDRClient_FakeClusterPing", cfgGlobal),
	i32Row(60, "SDRClient_LimitPingProbesToNearestN", cfgGlobal, 7, 0, i32Max, ""),
	i32Row(13, "LogLevel_AckRTT", cfgConn, 4, 0, 8, ""),
	i32Row(14, "LogLevel_PacketDecode", cfgConn, 4, 0, 8, ""),
	i32Row(15, "LogLevel_Message", cfgConn, 4, 0, 8, ""),
	i32Row(16, "LogLevel_PacketGaps", cfgConn, 4, 0, 8, ""),
	i32Row(17, "LogLevel_P2PRendezvous", cfgConn, 4, 0, 8, ""),
	i32Row(18, "LogLevel_SDRRelayPings", cfgGlobal, 4, 0, 8, ""),
	i32Row(999, "ECN", cfgConn, 0, 0, 2, ""),
}

var netConfigIndex = func() map[NetConfigValue]int {
	m := make(map[NetConfigValue]int, len(NetConfigRows))
	for i, r := range NetConfigRows {
		m[r.Value] = i
	}
	return m
}()

// NetConfigRowOf finds a value's row.
func NetConfigRowOf(v NetConfigValue) (*NetConfigRow, bool) {
	i, ok := netConfigIndex[v]
	if !ok {
		return nil, false
	}
	return &NetConfigRows[i], true
}

// CheckConfigOption refuses an option Steam would refuse or GDScript cannot give: an unknown value,
// the wrong data type, a read-only or function-pointer value, a number out of range. scope is where
// it is being set (a global-only value can only be set globally).
func CheckConfigOption(arg string, opt ConfigOption, scope NetConfigScope) error {
	row, ok := NetConfigRowOf(opt.Value)
	switch {
	case !ok:
		return argErrorf(arg, "names no networking config value: %d", opt.Value)
	case row.Type == ConfigTypePtr:
		return argErrorf(arg, "%s is a callback (function pointer): its events arrive as signals instead", row.Name)
	case row.ReadOnly:
		return argErrorf(arg, "%s is read only", row.Name)
	case row.Scope == ConfigScopeGlobal && scope != ConfigScopeGlobal:
		return argErrorf(arg, "%s can only be set globally (setGlobalConfigValue*)", row.Name)
	}
	typeOK := opt.Type == row.Type || (row.Type == ConfigTypeInt64 && opt.Type == ConfigTypeInt32)
	if !typeOK {
		return argErrorf(arg, "%s takes %s, got %s", row.Name, configTypeName(row.Type), configTypeName(opt.Type))
	}
	var v float64
	switch row.Type {
	case ConfigTypeInt32, ConfigTypeInt64:
		v = float64(opt.Int)
	case ConfigTypeFloat:
		v = float64(opt.Float)
		if math.IsNaN(v) {
			return argErrorf(arg, "%s must be a number, got NaN", row.Name)
		}
	case ConfigTypeString:
		return checkLen(arg, opt.String, 1023)
	}
	if v < row.Min || v > row.Max {
		return argErrorf(arg, "%s must be between %s and %s, got %s", row.Name, fmtNum(row.Min), fmtNum(row.Max), fmtNum(v))
	}
	return nil
}

func configTypeName(t NetConfigDataType) string {
	switch t {
	case ConfigTypeInt32:
		return "an int32"
	case ConfigTypeInt64:
		return "an int64"
	case ConfigTypeFloat:
		return "a float"
	case ConfigTypeString:
		return "a string"
	case ConfigTypePtr:
		return "a function pointer"
	}
	return fmt.Sprintf("data type %d", t)
}

func fmtNum(v float64) string { return fmt.Sprintf("%.10g", v) }
