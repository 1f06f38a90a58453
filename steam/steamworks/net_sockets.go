package steamworks

import (
	"net/netip"

	"github.com/gosteam/godot-steam-server/steam"
)

// ISteamNetworkingSockets (SteamGameServerNetworkingSockets): the listen sockets, connections and
// poll groups, one flat call each. Without the interface every call answers Steam's refusal.
var (
	symCreateListenSocketIP                    = socketsMethod("CreateListenSocketIP", shapeU32KPI32P)
	symConnectByIPAddress                      = socketsMethod("ConnectByIPAddress", shapeU32KPI32P)
	symCreateListenSocketP2P                   = socketsMethod("CreateListenSocketP2P", shapeU32KI32I32P)
	symConnectP2P                              = socketsMethod("ConnectP2P", shapeU32KPI32I32P)
	symAcceptConnection                        = socketsMethod("AcceptConnection", shapeI32KU32)
	symCloseConnection                         = socketsMethod("CloseConnection", shapeBKU32I32SB)
	symCloseListenSocket                       = socketsMethod("CloseListenSocket", shapeBKU32)
	symSetConnectionUserData                   = socketsMethod("SetConnectionUserData", shapeBKU32I64)
	symGetConnectionUserData                   = socketsMethod("GetConnectionUserData", shapeI64KU32)
	symSetConnectionName                       = socketsMethod("SetConnectionName", shapeVKU32S)
	symGetConnectionName                       = socketsMethod("GetConnectionName", shapeBKU32PI32)
	symGetConnectionInfo                       = socketsMethod("GetConnectionInfo", shapeBKU32P)
	symGetConnectionRealTimeStatus             = socketsMethod("GetConnectionRealTimeStatus", shapeI32KU32PI32P)
	symGetDetailedConnectionStatus             = socketsMethod("GetDetailedConnectionStatus", shapeI32KU32PI32)
	symGetListenSocketAddress                  = socketsMethod("GetListenSocketAddress", shapeBKU32P)
	symCreateSocketPair                        = socketsMethod("CreateSocketPair", shapeBKPU32PU32BPP)
	symConfigureConnectionLanes                = socketsMethod("ConfigureConnectionLanes", shapeI32KU32I32PP)
	symGetIdentity                             = socketsMethod("GetIdentity", shapeBKP)
	symInitAuthentication                      = socketsMethod("InitAuthentication", shapeI32K)
	symGetAuthenticationStatus                 = socketsMethod("GetAuthenticationStatus", shapeI32KP)
	symCreatePollGroup                         = socketsMethod("CreatePollGroup", shapeU32K)
	symDestroyPollGroup                        = socketsMethod("DestroyPollGroup", shapeBKU32)
	symSetConnectionPollGroup                  = socketsMethod("SetConnectionPollGroup", shapeBKU32U32)
	symConnectToHostedDedicatedServer          = socketsMethod("ConnectToHostedDedicatedServer", shapeU32KPI32I32P)
	symGetHostedDedicatedServerPort            = socketsMethod("GetHostedDedicatedServerPort", shapeU16K)
	symGetHostedDedicatedServerPOPID           = socketsMethod("GetHostedDedicatedServerPOPID", shapeU32K)
	symCreateHostedDedicatedServerListenSocket = socketsMethod("CreateHostedDedicatedServerListenSocket", shapeU32KI32I32P)
	symResetIdentity                           = socketsMethod("ResetIdentity", shapeVKP)
	symRunNetworkingCallbacks                  = socketsMethod("RunCallbacks", shapeVK)
)

// maxConnectionName bounds GetConnectionName's buffer (the front refuses longer names).
const maxConnectionName = steam.MaxConnectionNameLen + 1

// detailedStatusSize is GetDetailedConnectionStatus's first buffer; a longer text is asked again
// with the size Steam says it needs, at most maxDetailedStatus.
const (
	detailedStatusSize = 2048
	maxDetailedStatus  = 64 * 1024
)

var _ steam.NetworkingBackend = (*Backend)(nil)

func (b *Backend) CreateListenSocketIP(local netip.AddrPort, opts []steam.ConfigOption) steam.ListenSocket {
	addr, ok := b.ipAddr(local)
	if !b.net.sockets || !ok {
		return 0
	}
	return steam.ListenSocket(b.api.u32KPI32P(symCreateListenSocketIP, addr, opts))
}

func (b *Backend) ConnectByIPAddress(remote netip.AddrPort, opts []steam.ConfigOption) steam.NetConnection {
	addr, ok := b.ipAddr(remote)
	if !b.net.sockets || !ok {
		return 0
	}
	return steam.NetConnection(b.api.u32KPI32P(symConnectByIPAddress, addr, opts))
}

func (b *Backend) CreateListenSocketP2P(port int32, opts []steam.ConfigOption) steam.ListenSocket {
	if !b.net.sockets {
		return 0
	}
	return steam.ListenSocket(b.api.u32KI32I32P(symCreateListenSocketP2P, port, opts))
}

func (b *Backend) ConnectP2P(remote steam.SteamID, port int32, opts []steam.ConfigOption) steam.NetConnection {
	if !b.net.sockets {
		return 0
	}
	return steam.NetConnection(b.api.u32KPI32I32P(symConnectP2P, b.identity(remote), port, opts))
}

func (b *Backend) AcceptConnection(c steam.NetConnection) steam.Result {
	if !b.net.sockets {
		return steam.ResultFail
	}
	return steam.Result(b.api.i32KU32(symAcceptConnection, uint32(c)))
}

func (b *Backend) CloseConnection(c steam.NetConnection, reason steam.ConnectionEnd, debug string, linger bool) bool {
	return b.net.sockets && b.api.bKU32I32SB(symCloseConnection, uint32(c), int32(reason), debug, linger)
}

func (b *Backend) CloseListenSocket(s steam.ListenSocket) bool {
	return b.net.sockets && b.api.bKU32(symCloseListenSocket, uint32(s))
}

func (b *Backend) SetConnectionUserData(c steam.NetConnection, data int64) bool {
	return b.net.sockets && b.api.bKU32I64(symSetConnectionUserData, uint32(c), data)
}

func (b *Backend) GetConnectionUserData(c steam.NetConnection) int64 {
	if !b.net.sockets {
		return -1
	}
	return b.api.i64KU32(symGetConnectionUserData, uint32(c))
}

func (b *Backend) SetConnectionName(c steam.NetConnection, name string) {
	if b.net.sockets {
		b.api.vKU32S(symSetConnectionName, uint32(c), name)
	}
}

func (b *Backend) GetConnectionName(c steam.NetConnection) (string, bool) {
	if !b.net.sockets {
		return "", false
	}
	buf := make([]byte, maxConnectionName)
	if !b.api.bKU32PI32(symGetConnectionName, uint32(c), buf) {
		return "", false
	}
	return cString(buf), true
}

func (b *Backend) GetConnectionInfo(c steam.NetConnection) (steam.ConnectionInfo, bool) {
	if !b.net.sockets {
		return steam.ConnectionInfo{}, false
	}
	buf := make([]byte, connectionInfoSize)
	if !b.api.bKU32P(symGetConnectionInfo, uint32(c), buf) {
		return steam.ConnectionInfo{}, false
	}
	return filled(&connectionInfoRow, buf, decodeConnectionInfo), true
}

func (b *Backend) GetConnectionRealTimeStatus(c steam.NetConnection, lanes []steam.LaneStatus) (steam.ConnectionStatus, steam.Result) {
	if !b.net.sockets {
		return steam.ConnectionStatus{}, steam.ResultNoConnection
	}
	status, laneBuf := make([]byte, realTimeStatusSize), make([]byte, laneStatusSize*len(lanes))
	r := steam.Result(b.api.i32KU32PI32P(symGetConnectionRealTimeStatus, uint32(c), status, laneBuf, int32(len(lanes))))
	if r != steam.ResultOK {
		return steam.ConnectionStatus{}, r
	}
	for i := range lanes {
		lanes[i] = filled(&laneStatusRow, laneBuf[i*laneStatusSize:], decodeLaneStatus)
	}
	return filled(&realTimeStatusRow, status, decodeRealTimeStatus), r
}

func (b *Backend) GetDetailedConnectionStatus(c steam.NetConnection) (string, int) {
	if !b.net.sockets {
		return "", -1
	}
	buf := make([]byte, detailedStatusSize)
	n := int(b.api.i32KU32PI32(symGetDetailedConnectionStatus, uint32(c), buf))
	if n > 0 && n <= maxDetailedStatus { // the text needs n bytes: ask again with room for it
		buf = make([]byte, n)
		n = int(b.api.i32KU32PI32(symGetDetailedConnectionStatus, uint32(c), buf))
	}
	if n < 0 {
		return "", n
	}
	return cString(buf), 0
}

func (b *Backend) GetListenSocketAddress(s steam.ListenSocket) (netip.AddrPort, bool) {
	if !b.net.sockets {
		return netip.AddrPort{}, false
	}
	addr := make([]byte, ipAddrSize)
	if !b.api.bKU32P(symGetListenSocketAddress, uint32(s), addr) {
		return netip.AddrPort{}, false
	}
	return b.addrPortOf(addr), true
}

func (b *Backend) CreateSocketPair(loopback bool, id1, id2 steam.SteamID) (steam.NetConnection, steam.NetConnection, bool) {
	if !b.net.sockets {
		return 0, 0, false
	}
	ok, c1, c2 := b.api.bKPU32PU32BPP(symCreateSocketPair, loopback, b.identityOrNil(id1), b.identityOrNil(id2))
	if !ok {
		return 0, 0, false
	}
	return steam.NetConnection(c1), steam.NetConnection(c2), true
}

func (b *Backend) ConfigureConnectionLanes(c steam.NetConnection, priorities []int32, weights []uint16) steam.Result {
	if !b.net.sockets {
		return steam.ResultNoConnection
	}
	return steam.Result(b.api.i32KU32I32PP(symConfigureConnectionLanes, uint32(c), priorities, weights))
}

func (b *Backend) GetIdentity() (steam.SteamID, bool) {
	if !b.net.sockets {
		return 0, false
	}
	id := make([]byte, identitySize)
	if !b.api.bKP(symGetIdentity, id) {
		return 0, false
	}
	return b.steamIDOf(id), true
}

func (b *Backend) InitAuthentication() steam.NetworkingAvailability {
	if !b.net.sockets {
		return steam.AvailabilityCannotTry
	}
	return steam.NetworkingAvailability(b.api.i32K(symInitAuthentication))
}

func (b *Backend) GetAuthenticationStatus() (steam.NetworkingAvailability, string) {
	if !b.net.sockets {
		return steam.AvailabilityCannotTry, ""
	}
	buf := make([]byte, authStatusSize)
	avail := steam.NetworkingAvailability(b.api.i32KP(symGetAuthenticationStatus, buf))
	ev, _ := decodeCallback(idNetAuthenticationStatus, buf) // the callback's struct
	status, _ := ev.(steam.NetAuthenticationStatus)
	return avail, status.Debug
}

func (b *Backend) CreatePollGroup() steam.PollGroup {
	if !b.net.sockets {
		return 0
	}
	return steam.PollGroup(b.api.u32K(symCreatePollGroup))
}

func (b *Backend) DestroyPollGroup(g steam.PollGroup) bool {
	return b.net.sockets && b.api.bKU32(symDestroyPollGroup, uint32(g))
}

func (b *Backend) SetConnectionPollGroup(c steam.NetConnection, g steam.PollGroup) bool {
	return b.net.sockets && b.api.bKU32U32(symSetConnectionPollGroup, uint32(c), uint32(g))
}

func (b *Backend) ConnectToHostedDedicatedServer(remote steam.SteamID, port int32, opts []steam.ConfigOption) steam.NetConnection {
	if !b.net.sockets {
		return 0
	}
	return steam.NetConnection(b.api.u32KPI32I32P(symConnectToHostedDedicatedServer, b.identity(remote), port, opts))
}

func (b *Backend) GetHostedDedicatedServerPort() uint16 {
	if !b.net.sockets {
		return 0
	}
	return b.api.u16K(symGetHostedDedicatedServerPort)
}

func (b *Backend) GetHostedDedicatedServerPOPID() uint32 {
	if !b.net.sockets {
		return 0
	}
	return b.api.u32K(symGetHostedDedicatedServerPOPID)
}

func (b *Backend) CreateHostedDedicatedServerListenSocket(port int32, opts []steam.ConfigOption) steam.ListenSocket {
	if !b.net.sockets {
		return 0
	}
	return steam.ListenSocket(b.api.u32KI32I32P(symCreateHostedDedicatedServerListenSocket, port, opts))
}

func (b *Backend) ResetIdentity(id steam.SteamID) {
	if b.net.sockets {
		b.api.vKP(symResetIdentity, b.identityOrNil(id))
	}
}

// RunCallbacks is ISteamNetworkingSockets::RunCallbacks: the connection callbacks then come through
// the manual dispatch the pump runs, as every other callback.
func (b *Backend) RunCallbacks() {
	if b.net.sockets {
		b.api.vK(symRunNetworkingCallbacks)
	}
}
