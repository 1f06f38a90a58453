package signals

import (
	"testing"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// relay_network_status carries its debug text as the String argument, after the four ints.
func TestEncodeRelayNetworkStatus(t *testing.T) {
	got, ok := EncodeValues(steam.RelayNetworkStatus{Available: steam.AvailabilityCannotTry, PingMeasurementInProgress: true,
		AvailableNetworkConfig: steam.AvailabilityCurrent, AvailableAnyRelay: steam.AvailabilityWaiting, Debug: "no relays"})
	require.True(t, ok)
	assert.Equal(t, Values{Args: Args{RelayNetworkStatus, 5, [MaxArgs]int64{-102, 1, 100, 2, 0}}, Text: "no relays"}, got)
	assert.Equal(t, String, Catalogue[RelayNetworkStatus].Params[4].Type)
}
