package steamworks

import (
	"encoding/binary"
	"math"

	"github.com/gosteam/godot-steam-server/steam"
)

// ISteamNetworkingUtils (SteamNetworkingUtils, shared by the client and the game server): the
// clock, the relay network and ping locations, and the configuration values.
var (
	symGetLocalTimestamp                   = netUtilsMethod("GetLocalTimestamp", shapeI64T)
	symInitRelayNetworkAccess              = netUtilsMethod("InitRelayNetworkAccess", shapeVT)
	symGetRelayNetworkStatus               = netUtilsMethod("GetRelayNetworkStatus", shapeI32TP)
	symGetLocalPingLocation                = netUtilsMethod("GetLocalPingLocation", shapeF32TP)
	symEstimatePingTimeBetweenTwoLocations = netUtilsMethod("EstimatePingTimeBetweenTwoLocations", shapeI32TPP)
	symEstimatePingTimeFromLocalHost       = netUtilsMethod("EstimatePingTimeFromLocalHost", shapeI32TP)
	symConvertPingLocationToString         = netUtilsMethod("ConvertPingLocationToString", shapeVTPPI32)
	symParsePingLocationString             = netUtilsMethod("ParsePingLocationString", shapeBTSP)
	symCheckPingDataUpToDate               = netUtilsMethod("CheckPingDataUpToDate", shapeBTF32)
	symGetPingToDataCenter                 = netUtilsMethod("GetPingToDataCenter", shapeI32TU32PU32)
	symGetDirectPingToPOP                  = netUtilsMethod("GetDirectPingToPOP", shapeI32TU32)
	symGetPOPCount                         = netUtilsMethod("GetPOPCount", shapeI32T)
	symGetPOPList                          = netUtilsMethod("GetPOPList", shapeI32TPI32)
	symSetConfigValue                      = netUtilsMethod("SetConfigValue", shapeBTI32I32IptrI32P)
	symGetConfigValue                      = netUtilsMethod("GetConfigValue", shapeI32TI32I32IptrPI32PPsz)
	symGetConfigValueInfo                  = netUtilsMethod("GetConfigValueInfo", shapeSTI32PI32PI32)
)

// pingLocationStringSize is k_cchMaxSteamNetworkingPingLocationString.
const pingLocationStringSize = 1024

// configStringSize is GetConfigValue's first buffer; a longer string value is asked again with
// the size Steam reports, at most maxConfigString.
const (
	configStringSize = 1024
	maxConfigString  = 64 * 1024
)

func (b *Backend) GetLocalTimestamp() int64 {
	if !b.net.utils {
		return 0
	}
	return b.api.i64T(symGetLocalTimestamp)
}

func (b *Backend) InitRelayNetworkAccess() {
	if b.net.utils {
		b.api.vT(symInitRelayNetworkAccess)
	}
}

func (b *Backend) GetRelayNetworkStatus() steam.RelayNetworkStatus {
	if !b.net.utils {
		return steam.RelayNetworkStatus{Available: steam.AvailabilityCannotTry, AvailableNetworkConfig: steam.AvailabilityCannotTry,
			AvailableAnyRelay: steam.AvailabilityCannotTry}
	}
	buf := make([]byte, relayStatusSize)
	avail := steam.NetworkingAvailability(b.api.i32TP(symGetRelayNetworkStatus, buf))
	ev, _ := decodeCallback(idRelayNetworkStatus, buf) // the callback's struct
	status, _ := ev.(steam.RelayNetworkStatus)
	status.Available = avail
	return status
}

func (b *Backend) GetLocalPingLocation(loc *steam.PingLocation) float32 {
	if !b.net.utils {
		return -1
	}
	return b.api.f32TP(symGetLocalPingLocation, loc[:])
}

func (b *Backend) EstimatePingTimeBetweenTwoLocations(a, c *steam.PingLocation) int32 {
	if !b.net.utils {
		return steam.PingFailed
	}
	return b.api.i32TPP(symEstimatePingTimeBetweenTwoLocations, a[:], c[:])
}

func (b *Backend) EstimatePingTimeFromLocalHost(loc *steam.PingLocation) int32 {
	if !b.net.utils {
		return steam.PingFailed
	}
	return b.api.i32TP(symEstimatePingTimeFromLocalHost, loc[:])
}

func (b *Backend) ConvertPingLocationToString(loc *steam.PingLocation) string {
	if !b.net.utils {
		return ""
	}
	out := make([]byte, pingLocationStringSize)
	b.api.vTPPI32(symConvertPingLocationToString, loc[:], out)
	return cString(out)
}

func (b *Backend) ParsePingLocationString(s string, loc *steam.PingLocation) bool {
	return b.net.utils && b.api.bTSP(symParsePingLocationString, s, loc[:])
}

func (b *Backend) CheckPingDataUpToDate(maxAgeSeconds float32) bool {
	return b.net.utils && b.api.bTF32(symCheckPingDataUpToDate, maxAgeSeconds)
}

func (b *Backend) GetPingToDataCenter(pop uint32) (int32, uint32) {
	if !b.net.utils {
		return steam.PingFailed, 0
	}
	return b.api.i32TU32PU32(symGetPingToDataCenter, pop)
}

func (b *Backend) GetDirectPingToPOP(pop uint32) int32 {
	if !b.net.utils {
		return steam.PingFailed
	}
	return b.api.i32TU32(symGetDirectPingToPOP, pop)
}

func (b *Backend) GetPOPCount() int32 {
	if !b.net.utils {
		return 0
	}
	return b.api.i32T(symGetPOPCount)
}

func (b *Backend) GetPOPList(list []uint32) int32 {
	if !b.net.utils {
		return 0
	}
	return b.api.i32TPI32(symGetPOPList, list)
}

// configBytes is what SetConfigValue's pArg points at for opt: the number, or the string itself.
func configBytes(opt steam.ConfigOption) []byte {
	switch opt.Type {
	case steam.ConfigTypeInt32:
		return binary.LittleEndian.AppendUint32(nil, uint32(int32(opt.Int)))
	case steam.ConfigTypeFloat:
		return binary.LittleEndian.AppendUint32(nil, math.Float32bits(opt.Float))
	case steam.ConfigTypeString:
		return append([]byte(opt.String), 0)
	}
	return binary.LittleEndian.AppendUint64(nil, uint64(opt.Int))
}

func (b *Backend) SetConfigValue(opt steam.ConfigOption, scope steam.NetConfigScope, obj int64) bool {
	return b.net.utils && b.api.bTI32I32IptrI32P(symSetConfigValue, int32(opt.Value), int32(scope), obj, int32(opt.Type), configBytes(opt))
}

func (b *Backend) GetConfigValue(v steam.NetConfigValue, scope steam.NetConfigScope, obj int64) (steam.ConfigOption, steam.NetConfigGetResult) {
	if !b.net.utils {
		return steam.ConfigOption{Value: v}, steam.ConfigGetBadValue
	}
	buf := make([]byte, configStringSize)
	r, t, size := b.api.i32TI32I32IptrPI32PPsz(symGetConfigValue, int32(v), int32(scope), obj, buf)
	if steam.NetConfigGetResult(r) == steam.ConfigGetBufferTooSmall && size > len(buf) && size <= maxConfigString {
		buf = make([]byte, size)
		r, t, size = b.api.i32TI32I32IptrPI32PPsz(symGetConfigValue, int32(v), int32(scope), obj, buf)
	}
	res := steam.NetConfigGetResult(r)
	if res != steam.ConfigGetOK && res != steam.ConfigGetOKInherited {
		return steam.ConfigOption{Value: v}, res
	}
	opt := steam.ConfigOption{Value: v, Type: steam.NetConfigDataType(t)}
	switch opt.Type {
	case steam.ConfigTypeInt32:
		opt.Int = int64(int32(binary.LittleEndian.Uint32(buf)))
	case steam.ConfigTypeInt64, steam.ConfigTypePtr:
		opt.Int = int64(binary.LittleEndian.Uint64(buf))
	case steam.ConfigTypeFloat:
		opt.Float = math.Float32frombits(binary.LittleEndian.Uint32(buf))
	case steam.ConfigTypeString:
		opt.String = cString(buf[:min(max(size, 0), len(buf))])
	}
	return opt, res
}

func (b *Backend) GetConfigValueInfo(v steam.NetConfigValue) (string, steam.NetConfigDataType, steam.NetConfigScope, bool) {
	if !b.net.utils {
		return "", 0, 0, false
	}
	name, t, scope := b.api.sTI32PI32PI32(symGetConfigValueInfo, int32(v))
	if name == "" {
		return "", 0, 0, false
	}
	return name, steam.NetConfigDataType(t), steam.NetConfigScope(scope), true
}
