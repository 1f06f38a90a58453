package steam

import "fmt"

// SteamID is a 64-bit Steam identifier: account ID in bits 0-31, instance in 32-51,
// account type in 52-55 and universe in 56-63.
type SteamID uint64

// AccountType is the account-type field of a SteamID (EAccountType).
type AccountType uint8

const (
	AccountTypeInvalid        AccountType = 0
	AccountTypeIndividual     AccountType = 1
	AccountTypeMultiseat      AccountType = 2
	AccountTypeGameServer     AccountType = 3
	AccountTypeAnonGameServer AccountType = 4
	AccountTypePending        AccountType = 5
	AccountTypeContentServer  AccountType = 6
	AccountTypeClan           AccountType = 7
	AccountTypeChat           AccountType = 8
	AccountTypeConsoleUser    AccountType = 9
	AccountTypeAnonUser       AccountType = 10
	AccountTypeMax            AccountType = 11
)

// Universe is the universe field of a SteamID (EUniverse).
type Universe uint8

const (
	UniverseInvalid  Universe = 0
	UniversePublic   Universe = 1
	UniverseBeta     Universe = 2
	UniverseInternal Universe = 3
	UniverseDev      Universe = 4
	UniverseMax      Universe = 5
)

// NewSteamID assembles an ID from its fields.
func NewSteamID(universe Universe, kind AccountType, instance uint32, account uint32) SteamID {
	return SteamID(uint64(universe)<<56 | uint64(kind&0xF)<<52 | uint64(instance&0xFFFFF)<<32 | uint64(account))
}

func (id SteamID) AccountID() uint32        { return uint32(id) }
func (id SteamID) Instance() uint32         { return uint32(id>>32) & 0xFFFFF }
func (id SteamID) AccountType() AccountType { return AccountType(id>>52) & 0xF }
func (id SteamID) Universe() Universe       { return Universe(id >> 56) }

// Valid reports whether the ID could name a real account: a known universe and type and a
// non-zero account (anonymous game servers may have account 0 only before log-on, which we never hand out).
func (id SteamID) Valid() bool {
	return id.Universe() >= 1 && id.Universe() <= 4 &&
		id.AccountType() > AccountTypeInvalid && id.AccountType() <= AccountTypeAnonUser &&
		id.AccountID() != 0
}

// IsIndividual reports whether the ID names a player account.
func (id SteamID) IsIndividual() bool {
	return id.Valid() && id.AccountType() == AccountTypeIndividual
}

func (id SteamID) String() string {
	return fmt.Sprintf("%d", uint64(id))
}

// The account tests of Steamworks' CSteamID, as GodotSteam Server exposes them (isAnonAccount...).

// chatInstanceFlagLobby is k_EChatInstanceFlagLobby: the instance bit that makes a chat ID a lobby.
const chatInstanceFlagLobby = (0xFFFFF + 1) >> 2

// Instances of individual accounts (k_unSteamUserDesktopInstance...; web is the largest).
const (
	UserDesktopInstance = 1
	UserConsoleInstance = 2
	UserWebInstance     = 4
)

// AnonAccount is CSteamID::BAnonAccount: an anonymous user or anonymous game server.
func (id SteamID) AnonAccount() bool {
	return id.AccountType() == AccountTypeAnonUser || id.AccountType() == AccountTypeAnonGameServer
}

func (id SteamID) AnonUserAccount() bool    { return id.AccountType() == AccountTypeAnonUser }
func (id SteamID) ChatAccount() bool        { return id.AccountType() == AccountTypeChat }
func (id SteamID) ClanAccount() bool        { return id.AccountType() == AccountTypeClan }
func (id SteamID) ConsoleUserAccount() bool { return id.AccountType() == AccountTypeConsoleUser }

// IndividualAccount is CSteamID::BIndividualAccount: a player, on PC or console.
func (id SteamID) IndividualAccount() bool {
	return id.AccountType() == AccountTypeIndividual || id.AccountType() == AccountTypeConsoleUser
}

// Lobby is CSteamID::IsLobby: a chat ID with the lobby instance flag.
func (id SteamID) Lobby() bool {
	return id.ChatAccount() && id.Instance()&chatInstanceFlagLobby != 0
}

// SteamworksValid is CSteamID::IsValid: a known type and universe, and the account and instance
// rules of individual, clan and game-server IDs (an anonymous game server may have account 0).
func (id SteamID) SteamworksValid() bool {
	t, u := id.AccountType(), id.Universe()
	if t <= AccountTypeInvalid || t >= AccountTypeMax || u <= UniverseInvalid || u >= UniverseMax {
		return false
	}
	switch t {
	case AccountTypeIndividual:
		return id.AccountID() != 0 && id.Instance() <= UserWebInstance
	case AccountTypeClan:
		return id.AccountID() != 0 && id.Instance() == 0
	case AccountTypeGameServer:
		return id.AccountID() != 0
	}
	return true
}
