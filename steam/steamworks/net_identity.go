package steamworks

import (
	"net/netip"
	"strconv"

	"github.com/gosteam/godot-steam-server/steam"
)

// The networking interfaces' accessors (the game server's, but the Utils, which Steam shares), the
// structs' own flat helpers (identities and addresses are built and read by Steam's code, never by
// a layout of ours, where a call passes them), and what the backend knows of the interfaces.
var (
	symGameServerNetworkingSocketsV012  = fn("SteamAPI_SteamGameServerNetworkingSockets_SteamAPI_v012", shapeP)
	symGameServerNetworkingMessagesV002 = fn("SteamAPI_SteamGameServerNetworkingMessages_SteamAPI_v002", shapeP)
	symGameServerNetworkingV006         = fn("SteamAPI_SteamGameServerNetworking_v006", shapeP)
	symNetworkingUtilsV004              = fn("SteamAPI_SteamNetworkingUtils_SteamAPI_v004", shapeP)
	// The SDK's SteamNetworkingUtils_SteamAPI() falls back to the game server's instance when there
	// is no client's; the flat accessor of some libraries (gbe_fork) does not, so the backend does.
	symFindOrCreateGameServerInterface = fn("SteamInternal_FindOrCreateGameServerInterface", shapePI32S)
	symGameServerGetHSteamUser         = fn("SteamGameServer_GetHSteamUser", shapeI32)

	symIdentitySetSteamID64 = fn("SteamAPI_SteamNetworkingIdentity_SetSteamID64", shapeVYU64)
	symIdentityGetSteamID64 = fn("SteamAPI_SteamNetworkingIdentity_GetSteamID64", shapeU64Y)
	symIPAddrParseString    = fn("SteamAPI_SteamNetworkingIPAddr_ParseString", shapeBAS)
	symIPAddrToString       = fn("SteamAPI_SteamNetworkingIPAddr_ToString", shapeVAPU32B)
	symMessageRelease       = fn("SteamAPI_SteamNetworkingMessage_t_Release", shapeVG)
)

// ipAddrStringSize is SteamNetworkingIPAddr::k_cchMaxString.
const ipAddrStringSize = 48

// netInterfaces records which networking interfaces Steam returned at Init: a call on a missing one
// answers as Steam does for a refused call (0, false, Fail), without calling.
type netInterfaces struct {
	sockets, messages, p2p, utils bool
}

func (b *Backend) initNetworking() {
	b.net = netInterfaces{
		sockets:  b.api.selfSockets(symGameServerNetworkingSocketsV012),
		messages: b.api.selfMessages(symGameServerNetworkingMessagesV002),
		p2p:      b.api.selfP2P(symGameServerNetworkingV006),
		utils:    b.api.selfNetUtils(symNetworkingUtilsV004),
	}
	if !b.net.utils {
		user := b.api.i32(symGameServerGetHSteamUser)
		b.net.utils = b.api.selfNetUtilsOf(symFindOrCreateGameServerInterface, user, networkingUtilsVersion)
	}
}

// networkingUtilsVersion is the Utils' version, as in interfaceVersions.
const networkingUtilsVersion = "SteamNetworkingUtils004"

// identity is a SteamNetworkingIdentity holding id, made by Steam's SetSteamID64.
func (b *Backend) identity(id steam.SteamID) []byte {
	buf := make([]byte, identitySize)
	b.api.vYU64(symIdentitySetSteamID64, buf, uint64(id))
	return buf
}

// identityOrNil is identity(id), or nil (NULL: Steam's default) for 0.
func (b *Backend) identityOrNil(id steam.SteamID) []byte {
	if id == 0 {
		return nil
	}
	return b.identity(id)
}

// steamIDOf reads an identity Steam filled with its GetSteamID64: 0 when it is not a Steam ID.
func (b *Backend) steamIDOf(identity []byte) steam.SteamID {
	return steam.SteamID(b.api.u64Y(symIdentityGetSteamID64, identity))
}

// ipAddr is a SteamNetworkingIPAddr parsed by Steam from ap's text (the front has checked that
// ParseString takes it); false when Steam refuses it.
func (b *Backend) ipAddr(ap netip.AddrPort) ([]byte, bool) {
	buf := make([]byte, ipAddrSize)
	text := ap.String()
	if !ap.Addr().IsValid() {
		text = "[::]:" + strconv.Itoa(int(ap.Port()))
	}
	return buf, b.api.bAS(symIPAddrParseString, buf, text)
}

// addrPortOf reads a SteamNetworkingIPAddr Steam filled, through its ToString.
func (b *Backend) addrPortOf(addr []byte) netip.AddrPort {
	out := make([]byte, ipAddrStringSize)
	b.api.vAPU32B(symIPAddrToString, addr, out, true)
	ap, err := netip.ParseAddrPort(cString(out))
	if err != nil {
		return netip.AddrPort{}
	}
	return netip.AddrPortFrom(ap.Addr().Unmap(), ap.Port())
}
