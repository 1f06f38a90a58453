package steamworks

import (
	"net/netip"
	"reflect"
	"testing"

	"github.com/gosteam/godot-steam-server/steam"
)

// The networking callbacks' fixtures, with the structs they nest laid out by their own rows.

func init() {
	callbackFixtures = append(callbackFixtures, netCallbackFixtures...)
}

// identityBytes is a SteamNetworkingIdentity of type typ holding id.
func identityBytes(typ int32, id steam.SteamID) []byte {
	return callbackFixture{sdk: "SteamNetworkingIdentity", values: values{"m_eType": typ, "m_cbSize": int32(8),
		"m_steamID64": id, "m_unionRest": ""}}.bytes()
}

// ipAddrBytes is a SteamNetworkingIPAddr: 16 bytes (IPv4 mapped for a 4-byte address) and a port.
func ipAddrBytes(ap netip.AddrPort) []byte {
	ip := ap.Addr().As16()
	return callbackFixture{sdk: "SteamNetworkingIPAddr", values: values{"m_ipv6": string(ip[:]), "m_port": ap.Port()}}.bytes()
}

// testInfo is the ConnectionInfo infoBytes lays out: every field differs, so a field read at a
// wrong offset cannot match.
var testInfo = steam.ConnectionInfo{Identity: userID, UserData: 0x0102030405060708, ListenSocket: 0x11223344,
	RemoteAddress: netip.MustParseAddrPort("192.0.2.7:27015"), RemotePOP: 0x616d7300, RelayPOP: 0x66726100,
	State: steam.ConnectionStateClosedByPeer, EndReason: steam.ConnectionEndMiscTimeout, EndDebug: "Timed out",
	Description: "#7 P2P steamid:76561197960287930 vport 0", Flags: steam.ConnectionFlagUnencrypted | steam.ConnectionFlagFast}

func infoBytes(info steam.ConnectionInfo) []byte {
	return callbackFixture{sdk: "SteamNetConnectionInfo_t", values: values{
		"m_identityRemote": identityBytes(identityTypeSteamID, info.Identity), "m_nUserData": uint64(info.UserData),
		"m_hListenSocket": uint32(info.ListenSocket), "m_addrRemote": ipAddrBytes(info.RemoteAddress), "m__pad1": uint16(0xEEEE),
		"m_idPOPRemote": info.RemotePOP, "m_idPOPRelay": info.RelayPOP, "m_eState": int32(info.State),
		"m_eEndReason": int32(info.EndReason), "m_szEndDebug": info.EndDebug, "m_szConnectionDescription": info.Description,
		"m_nFlags": info.Flags, "reserved": make([]uint32, 63)}}.bytes()
}

var netCallbackFixtures = []callbackFixture{
	{"SteamNetConnectionStatusChangedCallback_t", values{"m_hConn": uint32(0x0A0B0C0D), "m_info": infoBytes(testInfo),
		"m_eOldState": int32(3)},
		steam.ConnectionStatusChanged{Conn: 0x0A0B0C0D, Info: testInfo, OldState: steam.ConnectionStateConnected}},
	{"SteamNetAuthenticationStatus_t", values{"m_eAvail": int32(100), "m_debugMsg": "OK"},
		steam.NetAuthenticationStatus{Available: steam.AvailabilityCurrent, Debug: "OK"}},
	{"SteamRelayNetworkStatus_t", values{"m_eAvail": int32(-102), "m_bPingMeasurementInProgress": int32(1),
		"m_eAvailNetworkConfig": int32(3), "m_eAvailAnyRelay": int32(-10), "m_debugMsg": "no relays"},
		steam.RelayNetworkStatus{Available: steam.AvailabilityCannotTry, PingMeasurementInProgress: true,
			AvailableNetworkConfig: steam.AvailabilityAttempting, AvailableAnyRelay: steam.AvailabilityRetrying, Debug: "no relays"}},
	{"SteamNetworkingMessagesSessionRequest_t", values{"m_identityRemote": identityBytes(identityTypeSteamID, ownerID)},
		steam.MessagesSessionRequest{Remote: ownerID}},
	{"SteamNetworkingMessagesSessionFailed_t", values{"m_info": infoBytes(testInfo)},
		steam.MessagesSessionFailed{Info: testInfo}},
	{"P2PSessionRequest_t", values{"m_steamIDRemote": userID}, steam.P2PSessionRequest{Remote: userID}},
	{"P2PSessionConnectFail_t", values{"m_steamIDRemote": userID, "m_eP2PSessionError": []byte{3}},
		steam.P2PSessionConnectFail{Remote: userID, Error: steam.P2PSessionErrorDestinationNotLoggedIn}},
}

// An identity that is not a Steam ID (an IP address, 1) reads as Steam ID 0, as GodotSteam's
// getSteamIDFromIdentity answers; an address Steam cleared (::, port 0) is no address; an IPv6
// address stays IPv6.
func TestDecodeIdentityAndAddressKinds(t *testing.T) {
	f := fixture("SteamNetworkingMessagesSessionRequest_t")
	f.values = values{"m_identityRemote": identityBytes(1, userID)}
	if ev, ok := decodeCallback(f.id(), f.bytes()); !ok || ev != (steam.MessagesSessionRequest{}) {
		t.Errorf("an IP identity: got %#v, %v; want Steam ID 0", ev, ok)
	}
	for addr, want := range map[netip.AddrPort]netip.AddrPort{
		netip.AddrPortFrom(netip.IPv6Unspecified(), 0):  {},
		netip.MustParseAddrPort("[2001:db8::5]:27015"):  netip.MustParseAddrPort("[2001:db8::5]:27015"),
		netip.MustParseAddrPort("127.0.0.1:0"):          netip.MustParseAddrPort("127.0.0.1:0"),
		netip.AddrPortFrom(netip.IPv6Unspecified(), 80): netip.AddrPortFrom(netip.IPv6Unspecified(), 80),
	} {
		info := testInfo
		info.RemoteAddress = addr
		got := filled(&connectionInfoRow, infoBytes(info), decodeConnectionInfo)
		if got.RemoteAddress != want {
			t.Errorf("address %v: decoded %v, want %v", addr, got.RemoteAddress, want)
		}
	}
}

// The structs the calls fill decode member by member.
func TestDecodeNetCallStructs(t *testing.T) {
	status := callbackFixture{sdk: "SteamNetConnectionRealTimeStatus_t", values: values{"m_eState": int32(3), "m_nPing": int32(27),
		"m_flConnectionQualityLocal": float32(0.5), "m_flConnectionQualityRemote": float32(-1), "m_flOutPacketsPerSec": float32(10),
		"m_flOutBytesPerSec": float32(11), "m_flInPacketsPerSec": float32(12), "m_flInBytesPerSec": float32(13),
		"m_nSendRateBytesPerSecond": int32(14), "m_cbPendingUnreliable": int32(15), "m_cbPendingReliable": int32(16),
		"m_cbSentUnackedReliable": int32(17), "m_usecQueueTime": uint64(18), "reserved": make([]uint32, 16)}}
	want := steam.ConnectionStatus{State: 3, Ping: 27, QualityLocal: 0.5, QualityRemote: -1, OutPacketsPerSec: 10, OutBytesPerSec: 11,
		InPacketsPerSec: 12, InBytesPerSec: 13, SendRateBytesPerSec: 14, PendingUnreliable: 15, PendingReliable: 16,
		SentUnackedReliable: 17, QueueTime: 18}
	if got := filled(&realTimeStatusRow, status.bytes(), decodeRealTimeStatus); got != want {
		t.Errorf("real-time status %+v, want %+v", got, want)
	}
	lane := callbackFixture{sdk: "SteamNetConnectionRealTimeLaneStatus_t", values: values{"m_cbPendingUnreliable": int32(1),
		"m_cbPendingReliable": int32(2), "m_cbSentUnackedReliable": int32(3), "_reservePad1": int32(99), "m_usecQueueTime": uint64(4),
		"reserved": make([]uint32, 10)}}
	if got := filled(&laneStatusRow, lane.bytes(), decodeLaneStatus); got != (steam.LaneStatus{PendingUnreliable: 1, PendingReliable: 2, SentUnackedReliable: 3, QueueTime: 4}) {
		t.Errorf("lane status %+v", got)
	}
	p2p := callbackFixture{sdk: "P2PSessionState_t", values: values{"m_bConnectionActive": true, "m_bConnecting": false,
		"m_eP2PSessionError": []byte{4}, "m_bUsingRelay": true, "m_nBytesQueuedForSend": int32(100), "m_nPacketsQueuedForSend": int32(2),
		"m_nRemoteIP": uint32(0x7F000001), "m_nRemotePort": uint16(27015)}}
	wantP2P := steam.P2PSessionState{ConnectionActive: true, SessionError: steam.P2PSessionErrorTimeout, UsingRelay: true,
		BytesQueuedForSend: 100, PacketsQueuedForSend: 2, RemoteIP: 0x7F000001, RemotePort: 27015}
	if got := filled(&p2pSessionRow, p2p.bytes(), decodeP2PSessionState); !reflect.DeepEqual(got, wantP2P) {
		t.Errorf("P2P session state %+v, want %+v", got, wantP2P)
	}
	for row, size := range map[*callback]int{&identityRow: identitySize, &ipAddrRow: ipAddrSize, &connectionInfoRow: connectionInfoSize,
		&realTimeStatusRow: realTimeStatusSize, &laneStatusRow: laneStatusSize, &p2pSessionRow: p2pSessionSize,
		callbackByID[idNetAuthenticationStatus]: authStatusSize, callbackByID[idRelayNetworkStatus]: relayStatusSize} {
		if row.size != size {
			t.Errorf("%s is %d bytes; the buffers the calls pass are %d", row.sdk, row.size, size)
		}
	}
}

// The networking callbacks whose layouts differ by packing: SteamNetConnectionInfo_t (8-byte
// aligned at pack 8) nested after a uint32, and a CSteamID then a byte. The NetworkingMessages
// callbacks are pack 1 on both.
func TestNetCallbackSizesByPacking(t *testing.T) {
	for _, pack := range []int{4, 8} {
		sizes := map[string]int{}
		for _, c := range layOut(callbackRows, pack) {
			sizes[c.sdk] = c.size
		}
		want := map[int]map[string]int{
			4: {"SteamNetConnectionStatusChangedCallback_t": 704, "P2PSessionConnectFail_t": 12, "SteamNetworkingMessagesSessionFailed_t": 696},
			8: {"SteamNetConnectionStatusChangedCallback_t": 712, "P2PSessionConnectFail_t": 16, "SteamNetworkingMessagesSessionFailed_t": 696},
		}[pack]
		for sdk, size := range want {
			if sizes[sdk] != size {
				t.Errorf("pack %d: %s is %d bytes, want %d", pack, sdk, sizes[sdk], size)
			}
		}
	}
}
