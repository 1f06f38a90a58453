package steamworks

import (
	"encoding/binary"
	"errors"

	"github.com/gosteam/godot-steam-server/steam"
)

// The auth, group, compatibility, player connection and packet calls, each with its function.
var (
	symGetAuthSessionTicket          = method("GetAuthSessionTicket", shapeU32PPI32PP)
	symBeginAuthSession              = method("BeginAuthSession", shapeI32PPI32U64)
	symEndAuthSession                = method("EndAuthSession", shapeVPU64)
	symCancelAuthTicket              = method("CancelAuthTicket", shapeVPU32)
	symUserHasLicenseForApp          = method("UserHasLicenseForApp", shapeI32PU64U32)
	symRequestUserGroupStatus        = method("RequestUserGroupStatus", shapeBPU64U64)
	symAssociateWithClan             = method("AssociateWithClan", shapeU64PU64)
	symComputeNewPlayerCompatibility = method("ComputeNewPlayerCompatibility", shapeU64PU64)

	symSendUserConnectAndAuthenticate      = method("SendUserConnectAndAuthenticate_DEPRECATED", shapeBPU32PU32P)
	symCreateUnauthenticatedUserConnection = method("CreateUnauthenticatedUserConnection", shapeU64P)
	symSendUserDisconnect                  = method("SendUserDisconnect_DEPRECATED", shapeVPU64)
	symBUpdateUserData                     = method("BUpdateUserData", shapeBPU64SU32)

	symHandleIncomingPacket  = method("HandleIncomingPacket", shapeBPPI32U32U16)
	symGetNextOutgoingPacket = method("GetNextOutgoingPacket", shapeI32PPI32PP)
)

// GetAuthSessionTicket issues a ticket for any peer (a NULL SteamNetworkingIdentity).
func (b *Backend) GetAuthSessionTicket() (steam.AuthTicket, error) { return b.issueTicket(nil) }

// GetAuthSessionTicketFor issues a ticket only the given peer's Steam ID may verify.
func (b *Backend) GetAuthSessionTicketFor(peer steam.SteamID) (steam.AuthTicket, error) {
	return b.issueTicket(steamIDIdentity(peer))
}

// steamIDIdentity is a SteamNetworkingIdentity (136 bytes) of type k_ESteamNetworkingIdentityType_SteamID
// (16): m_eType, m_cbSize (8), then the ID, little-endian as every platform we build for.
func steamIDIdentity(id steam.SteamID) []byte {
	identity := make([]byte, 136)
	binary.LittleEndian.PutUint32(identity[0:], 16)
	binary.LittleEndian.PutUint32(identity[4:], 8)
	binary.LittleEndian.PutUint64(identity[8:], uint64(id))
	return identity
}

func (b *Backend) issueTicket(identity []byte) (steam.AuthTicket, error) {
	buf := make([]byte, ticketBufferSize)
	handle, n := b.api.u32PPI32PP(symGetAuthSessionTicket, buf, identity)
	if handle == 0 {
		return steam.AuthTicket{}, errors.New("Steam issued no ticket (k_HAuthTicketInvalid)")
	}
	if n > uint32(len(buf)) {
		n = uint32(len(buf))
	}
	return steam.AuthTicket{Handle: handle, Bytes: buf[:n:n]}, nil
}

func (b *Backend) BeginAuthSession(ticket []byte, id steam.SteamID) steam.BeginAuthSessionResult {
	return steam.BeginAuthSessionResult(b.api.i32PPI32U64(symBeginAuthSession, ticket, uint64(id)))
}

func (b *Backend) EndAuthSession(id steam.SteamID) { b.api.vPU64(symEndAuthSession, uint64(id)) }
func (b *Backend) CancelAuthTicket(handle uint32)  { b.api.vPU32(symCancelAuthTicket, handle) }

func (b *Backend) UserHasLicenseForApp(id steam.SteamID, appID uint32) steam.UserHasLicenseResult {
	return steam.UserHasLicenseResult(b.api.i32PU64U32(symUserHasLicenseForApp, uint64(id), appID))
}

func (b *Backend) RequestUserGroupStatus(user, group steam.SteamID) bool {
	return b.api.bPU64U64(symRequestUserGroupStatus, uint64(user), uint64(group))
}

// AssociateWithClan answers later, through the pump. When Steam refuses to start the call
// (k_uAPICallInvalid, e.g. not logged on) associate_clan reports ResultFail at the next frame.
func (b *Backend) AssociateWithClan(clan steam.SteamID) {
	call := b.api.u64PU64(symAssociateWithClan, uint64(clan))
	b.startedCall(call)
	if call == 0 {
		b.events.Push(steam.AssociateClan{Result: steam.ResultFail})
	}
}

// ComputeNewPlayerCompatibility answers later, through the pump; a refused call reports ResultFail.
func (b *Backend) ComputeNewPlayerCompatibility(player steam.SteamID) {
	call := b.api.u64PU64(symComputeNewPlayerCompatibility, uint64(player))
	b.startedCall(call)
	if call == 0 {
		b.events.Push(steam.PlayerCompat{Result: steam.ResultFail, SteamID: player})
		return
	}
	if len(b.pending) < maxPendingCalls {
		b.pending[call] = player
	}
}

// SendUserConnectAndAuthenticate hands Steam a connecting client's auth blob
// (SendUserConnectAndAuthenticate_DEPRECATED); the verdict arrives as client_approved or client_denied.
func (b *Backend) SendUserConnectAndAuthenticate(ip uint32, blob []byte, id steam.SteamID) (bool, error) {
	ok, _ := b.api.bPU32PU32P(symSendUserConnectAndAuthenticate, ip, blob, uint64(id))
	return ok, nil
}

// CreateUnauthenticatedUserConnection makes a Steam ID for a bot.
func (b *Backend) CreateUnauthenticatedUserConnection() (steam.SteamID, error) {
	id := steam.SteamID(b.api.u64P(symCreateUnauthenticatedUserConnection))
	if id == 0 {
		return 0, errors.New("Steam made no Steam ID for the user (is the server logged on?)")
	}
	return id, nil
}

func (b *Backend) SendUserDisconnect(id steam.SteamID) error {
	b.api.vPU64(symSendUserDisconnect, uint64(id))
	return nil
}

// UpdateUserData sets a user's name and score for server browsers; false for an unknown user.
func (b *Backend) UpdateUserData(id steam.SteamID, name string, score uint32) (bool, error) {
	return b.api.bPU64SU32(symBUpdateUserData, uint64(id), name, score), nil
}

func (b *Backend) HandleIncomingPacket(data []byte, ip uint32, port uint16) bool {
	return b.api.bPPI32U32U16(symHandleIncomingPacket, data, ip, port)
}

// NextOutgoingPacket copies Steam's next datagram into buf; 0 when none.
func (b *Backend) NextOutgoingPacket(buf []byte) (int, uint32, uint16) {
	n, ip, port := b.api.i32PPI32PP(symGetNextOutgoingPacket, buf)
	if n <= 0 {
		return 0, 0, 0
	}
	return min(int(n), len(buf)), ip, port
}

// asyncCall remembers a started call (for isAPICallCompleted) and its user, or answers failed at
// once when Steam did not start it (k_uAPICallInvalid), at the next frame.
func (b *Backend) asyncCall(call uint64, user steam.SteamID, failed steam.Event) {
	b.startedCall(call)
	if call == 0 {
		b.events.Push(failed)
		return
	}
	if len(b.pending) < maxPendingCalls {
		b.pending[call] = user
	}
}
