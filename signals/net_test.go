package signals

import (
	"net/netip"
	"testing"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/stretchr/testify/assert"
)

// The Networking Sockets signals: the connection's Dictionary travels as the typed ConnectionInfo
// (the extension encodes it as getConnectionInfo does), the debug text as Text.
func TestEncodeNetworking(t *testing.T) {
	info := steam.ConnectionInfo{Identity: player, UserData: -1, ListenSocket: 3, RemoteAddress: netip.MustParseAddrPort("127.0.0.1:27300"),
		State: steam.ConnectionStateConnecting, Description: "#5 UDP 127.0.0.1:27300", Flags: steam.ConnectionFlagUnencrypted}
	for _, tt := range []struct {
		ev   steam.Event
		want Values
	}{
		{steam.ConnectionStatusChanged{Conn: 5, Info: info, OldState: steam.ConnectionStateNone},
			Values{Args: Args{NetworkConnectionStatusChanged, 3, [MaxArgs]int64{5, 0, 0}}, Dict: info}},
		{steam.ConnectionStatusChanged{Conn: 4294967295, Info: steam.ConnectionInfo{State: steam.ConnectionStateClosedByPeer}, OldState: steam.ConnectionStateConnected},
			Values{Args: Args{NetworkConnectionStatusChanged, 3, [MaxArgs]int64{4294967295, 0, 3}}, Dict: steam.ConnectionInfo{State: steam.ConnectionStateClosedByPeer}}},
		{steam.NetAuthenticationStatus{Available: steam.AvailabilityCurrent, Debug: "OK"},
			Values{Args: Args{NetworkAuthenticationStatus, 2, [MaxArgs]int64{100}}, Text: "OK"}},
	} {
		checkEncodesValues(t, tt.ev, tt.want)
	}
	assert.Equal(t, Dictionary, Catalogue[NetworkConnectionStatusChanged].Params[1].Type)
}
