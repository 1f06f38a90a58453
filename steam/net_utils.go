package steam

// ISteamNetworkingUtils: the local clock, the relay network and ping locations, and the
// configuration values (net_config.go).

import (
	"math"
)

func (s *Server) GetLocalTimestamp() (int64, error) {
	return netGet(s, 0, NetworkingBackend.GetLocalTimestamp)
}

func (s *Server) InitRelayNetworkAccess() error {
	return s.network(func(b NetworkingBackend) { b.InitRelayNetworkAccess() })
}

func (s *Server) GetRelayNetworkStatus() (RelayNetworkStatus, error) {
	return netGet(s, RelayNetworkStatus{}, NetworkingBackend.GetRelayNetworkStatus)
}

// GetLocalPingLocation returns the host's ping location and its age in seconds (-1: none).
func (s *Server) GetLocalPingLocation() (loc PingLocation, age float32, err error) {
	age = -1
	err = s.network(func(b NetworkingBackend) { age = b.GetLocalPingLocation(&loc) })
	return loc, age, err
}

func pingLocationArg(arg string, raw []byte) (*PingLocation, error) {
	if len(raw) != PingLocationSize {
		return nil, argErrorf(arg, "must hold %d bytes (a SteamNetworkPingLocation_t), got %d", PingLocationSize, len(raw))
	}
	var loc PingLocation
	copy(loc[:], raw)
	return &loc, nil
}

func (s *Server) EstimatePingTimeBetweenTwoLocations(a, b []byte) (ms int32, err error) {
	la, err := pingLocationArg("location1", a)
	if err != nil {
		return PingFailed, err
	}
	lb, err := pingLocationArg("location2", b)
	if err != nil {
		return PingFailed, err
	}
	return netGet(s, PingFailed, func(nb NetworkingBackend) int32 { return nb.EstimatePingTimeBetweenTwoLocations(la, lb) })
}

func (s *Server) EstimatePingTimeFromLocalHost(raw []byte) (ms int32, err error) {
	loc, err := pingLocationArg("location", raw)
	if err != nil {
		return PingFailed, err
	}
	return netGet(s, PingFailed, func(b NetworkingBackend) int32 { return b.EstimatePingTimeFromLocalHost(loc) })
}

func (s *Server) ConvertPingLocationToString(raw []byte) (text string, err error) {
	loc, err := pingLocationArg("location", raw)
	if err != nil {
		return "", err
	}
	return netGet(s, "", func(b NetworkingBackend) string { return b.ConvertPingLocationToString(loc) })
}

// MaxPingLocationString is k_cchMaxSteamNetworkingPingLocationString less its NUL.
const MaxPingLocationString = 1023

func (s *Server) ParsePingLocationString(text string) (loc PingLocation, ok bool, err error) {
	if err := checkLen("string", text, MaxPingLocationString); err != nil {
		return loc, false, err
	}
	err = s.network(func(b NetworkingBackend) { ok = b.ParsePingLocationString(text, &loc) })
	return loc, ok, err
}

func (s *Server) CheckPingDataUpToDate(maxAgeSeconds float64) (ok bool, err error) {
	if math.IsNaN(maxAgeSeconds) || maxAgeSeconds < 0 || maxAgeSeconds > math.MaxFloat32 {
		return false, argErrorf("max_age_in_seconds", "must be a number of seconds, 0 or more, got %g", maxAgeSeconds)
	}
	return netGet(s, false, func(b NetworkingBackend) bool { return b.CheckPingDataUpToDate(float32(maxAgeSeconds)) })
}

func checkPOP(v int64) (uint32, error) {
	if v < 0 || v > math.MaxUint32 {
		return 0, argErrorf("pop_id", "must be a SteamNetworkingPOPID (32 bits), got %d", v)
	}
	return uint32(v), nil
}

func (s *Server) GetPingToDataCenter(pop int64) (ping int32, via uint32, err error) {
	id, err := checkPOP(pop)
	if err != nil {
		return PingFailed, 0, err
	}
	ping = PingFailed
	err = s.network(func(b NetworkingBackend) { ping, via = b.GetPingToDataCenter(id) })
	return ping, via, err
}

func (s *Server) GetDirectPingToPOP(pop int64) (ping int32, err error) {
	id, err := checkPOP(pop)
	if err != nil {
		return PingFailed, err
	}
	return netGet(s, PingFailed, func(b NetworkingBackend) int32 { return b.GetDirectPingToPOP(id) })
}

func (s *Server) GetPOPCount() (int32, error) {
	return netGet(s, 0, NetworkingBackend.GetPOPCount)
}

// MaxPOPList is how many POP IDs getPOPList asks for (GodotSteam's 256).
const MaxPOPList = 256

func (s *Server) GetPOPList() (pops []uint32, err error) {
	list := make([]uint32, MaxPOPList)
	var n int32
	err = s.network(func(b NetworkingBackend) { n = b.GetPOPList(list) })
	return list[:max(0, min(int(n), len(list)))], err
}

// SetGlobalConfigValue sets a value for everything (setGlobalConfigValueInt32/Float/String).
func (s *Server) SetGlobalConfigValue(opt ConfigOption) (ok bool, err error) {
	if err := CheckConfigOption("config", opt, ConfigScopeGlobal); err != nil {
		return false, err
	}
	return netGet(s, false, func(b NetworkingBackend) bool { return b.SetConfigValue(opt, ConfigScopeGlobal, 0) })
}

// SetConnectionConfigValue sets a value on one connection (setConnectionConfigValueInt32/Float/String).
func (s *Server) SetConnectionConfigValue(conn int64, opt ConfigOption) (bool, error) {
	if err := CheckConfigOption("config", opt, ConfigScopeConnection); err != nil {
		return false, err
	}
	return connCall(s, "connection", conn, false, func(b NetworkingBackend, c NetConnection) (bool, bool) {
		ok := b.SetConfigValue(opt, ConfigScopeConnection, int64(c))
		return ok, ok
	})
}

func checkScope(v int64) (NetConfigScope, error) {
	if v < int64(ConfigScopeGlobal) || v > int64(ConfigScopeConnection) {
		return 0, argErrorf("scope_type", "must be a NetworkingConfigScope between 1 and 4, got %d", v)
	}
	return NetConfigScope(v), nil
}

func checkConfigValue(v int64) (*NetConfigRow, error) {
	if v < math.MinInt32 || v > math.MaxInt32 {
		return nil, argErrorf("config_value", "names no networking config value: %d", v)
	}
	row, ok := NetConfigRowOf(NetConfigValue(v))
	if !ok {
		return nil, argErrorf("config_value", "names no networking config value: %d", v)
	}
	return row, nil
}

// GetConfigValue reads a value at a scope; obj is the connection or listen socket handle of those
// scopes (ignored for the others).
func (s *Server) GetConfigValue(value, scope, obj int64) (opt ConfigOption, r NetConfigGetResult, err error) {
	row, err := checkConfigValue(value)
	if err != nil {
		return opt, ConfigGetBadValue, err
	}
	sc, err := checkScope(scope)
	if err != nil {
		return opt, ConfigGetBadScopeObj, err
	}
	var h uint32
	if sc == ConfigScopeConnection || sc == ConfigScopeListenSocket {
		if h, err = checkHandle("connection_handle", obj); err != nil {
			return opt, ConfigGetBadScopeObj, err
		}
	}
	err = s.network(func(b NetworkingBackend) { opt, r = b.GetConfigValue(row.Value, sc, int64(h)) })
	if err == nil && r == ConfigGetBadScopeObj {
		err = argErrorf("connection_handle", "%d is not an open handle of that scope", h)
	}
	return opt, r, err
}

// GetConfigValueInfo reports a value's data type and the most specific scope it applies to.
func (s *Server) GetConfigValueInfo(value int64) (t NetConfigDataType, scope NetConfigScope, ok bool, err error) {
	row, err := checkConfigValue(value)
	if err != nil {
		return 0, 0, false, err
	}
	err = s.network(func(b NetworkingBackend) { _, t, scope, ok = b.GetConfigValueInfo(row.Value) })
	return t, scope, ok, err
}

// ConfigOptionOf is the option a set*ConfigValueInt32/Float/String call passes, from GDScript's
// int64 and float64: config must fit ESteamNetworkingConfigValue's 32 bits (a wider int would wrap
// into another value) and an Int32 value 32 bits, a Float one a 32-bit float. The option is then
// checked against its row by SetGlobalConfigValue and SetConnectionConfigValue.
func ConfigOptionOf(config int64, t NetConfigDataType, i int64, f float64, s string) (ConfigOption, error) {
	if config < math.MinInt32 || config > math.MaxInt32 {
		return ConfigOption{}, argErrorf("config", "names no networking config value: %d", config)
	}
	opt := ConfigOption{Value: NetConfigValue(config), Type: t, Int: i, String: s}
	switch t {
	case ConfigTypeInt32:
		if i < math.MinInt32 || i > math.MaxInt32 {
			return opt, argErrorf("value", "must be a 32-bit int, got %d", i)
		}
	case ConfigTypeFloat:
		if err := CheckFloat32("value", f); err != nil {
			return opt, err
		}
		opt.Float = float32(f)
	}
	return opt, nil
}
