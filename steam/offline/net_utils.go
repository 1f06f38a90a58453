package offline

// ISteamNetworkingUtils offline: the clock is real; everything about the relay network answers
// as Steam does on a machine that cannot reach it (no ping data, no points of presence), since
// offline there is none. Configuration values are in net_config.go.

import (
	"strings"

	"github.com/gosteam/godot-steam-server/steam"
)

const offlineRelayDebug = "offline: there is no Steam Datagram Relay network"

// GetLocalTimestamp is the networking clock: microseconds, from 30 days, monotonic.
func (b *Backend) GetLocalTimestamp() int64 { return netNow() }

// InitRelayNetworkAccess reports, once, that the relay network cannot be reached.
func (b *Backend) InitRelayNetworkAccess() {
	n := b.netc()
	n.mu.Lock()
	defer n.mu.Unlock()
	if !n.relayAsked {
		n.relayAsked = true
		n.push(b.GetRelayNetworkStatus())
	}
}

func (b *Backend) GetRelayNetworkStatus() steam.RelayNetworkStatus {
	return steam.RelayNetworkStatus{Available: steam.AvailabilityCannotTry, AvailableNetworkConfig: steam.AvailabilityCannotTry,
		AvailableAnyRelay: steam.AvailabilityCannotTry, Debug: offlineRelayDebug}
}

// GetLocalPingLocation: no data (-1), the location left zeroed.
func (b *Backend) GetLocalPingLocation(loc *steam.PingLocation) float32 {
	*loc = steam.PingLocation{}
	return -1
}

func (b *Backend) EstimatePingTimeBetweenTwoLocations(x, y *steam.PingLocation) int32 {
	return steam.PingFailed
}
func (b *Backend) EstimatePingTimeFromLocalHost(*steam.PingLocation) int32 { return steam.PingFailed }

// ConvertPingLocationToString: a location offline holds nothing to write.
func (b *Backend) ConvertPingLocationToString(*steam.PingLocation) string { return "" }

// ParsePingLocationString understands no location offline; the empty string is the empty location.
func (b *Backend) ParsePingLocationString(s string, loc *steam.PingLocation) bool {
	*loc = steam.PingLocation{}
	return strings.TrimSpace(s) == ""
}

// CheckPingDataUpToDate: there is never ping data to be recent.
func (b *Backend) CheckPingDataUpToDate(float32) bool { return false }

func (b *Backend) GetPingToDataCenter(uint32) (int32, uint32) { return steam.PingFailed, 0 }
func (b *Backend) GetDirectPingToPOP(uint32) int32            { return steam.PingFailed }
func (b *Backend) GetPOPCount() int32                         { return 0 }
func (b *Backend) GetPOPList([]uint32) int32                  { return 0 }
