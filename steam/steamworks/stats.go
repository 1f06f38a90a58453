package steamworks

import (
	"errors"

	"github.com/gosteam/godot-steam-server/steam"
)

// The Game Server Stats calls (ISteamGameServerStats, through SteamGameServerStats001). Steam
// answers false without saying why: every refusal is steam.ErrStatsRefused.
var (
	symGameServerStatsV001 = fn("SteamAPI_SteamGameServerStats_v001", shapeP) // the version also in interfaceVersions

	symRequestUserStats      = statsMethod("RequestUserStats", shapeU64QU64)
	symStoreUserStats        = statsMethod("StoreUserStats", shapeU64QU64)
	symGetUserStatInt32      = statsMethod("GetUserStatInt32", shapeBQU64SPI32)
	symGetUserStatFloat      = statsMethod("GetUserStatFloat", shapeBQU64SPF32)
	symGetUserAchievement    = statsMethod("GetUserAchievement", shapeBQU64SPB)
	symSetUserStatInt32      = statsMethod("SetUserStatInt32", shapeBQU64SI32)
	symSetUserStatFloat      = statsMethod("SetUserStatFloat", shapeBQU64SF32)
	symUpdateUserAvgRateStat = statsMethod("UpdateUserAvgRateStat", shapeBQU64SF32F64)
	symSetUserAchievement    = statsMethod("SetUserAchievement", shapeBQU64S)
	symClearUserAchievement  = statsMethod("ClearUserAchievement", shapeBQU64S)
)

var errNoStats = errors.New("libsteam_api.so returned no SteamGameServerStats001 interface at serverInit")

func refused(ok bool) error {
	if ok {
		return nil
	}
	return steam.ErrStatsRefused
}

// asyncStats starts RequestUserStats or StoreUserStats; the answer comes through the pump. A call
// Steam refuses to start (k_uAPICallInvalid) is answered with ResultFail at the next frame.
func (b *Backend) asyncStats(s sym, user steam.SteamID, failed steam.Event) {
	if !b.hasStats {
		b.startedCall(0)
		b.events.Push(failed)
		return
	}
	b.asyncCall(b.api.u64QU64(s, uint64(user)), user, failed)
}

func (b *Backend) RequestUserStats(user steam.SteamID) {
	b.asyncStats(symRequestUserStats, user, steam.StatsReceived{Result: steam.ResultFail, SteamID: user})
}

func (b *Backend) StoreUserStats(user steam.SteamID) {
	b.asyncStats(symStoreUserStats, user, steam.StatsStored{Result: steam.ResultFail, SteamID: user})
}

func (b *Backend) GetUserStatInt(user steam.SteamID, name string) (int32, error) {
	if !b.hasStats {
		return 0, errNoStats
	}
	ok, v := b.api.bQU64SPI32(symGetUserStatInt32, uint64(user), name)
	return v, refused(ok)
}

func (b *Backend) GetUserStatFloat(user steam.SteamID, name string) (float32, error) {
	if !b.hasStats {
		return 0, errNoStats
	}
	ok, v := b.api.bQU64SPF32(symGetUserStatFloat, uint64(user), name)
	return v, refused(ok)
}

func (b *Backend) GetUserAchievement(user steam.SteamID, name string) (bool, error) {
	if !b.hasStats {
		return false, errNoStats
	}
	ok, v := b.api.bQU64SPB(symGetUserAchievement, uint64(user), name)
	return v, refused(ok)
}

func (b *Backend) SetUserStatInt(user steam.SteamID, name string, v int32) error {
	if !b.hasStats {
		return errNoStats
	}
	return refused(b.api.bQU64SI32(symSetUserStatInt32, uint64(user), name, v))
}

func (b *Backend) SetUserStatFloat(user steam.SteamID, name string, v float32) error {
	if !b.hasStats {
		return errNoStats
	}
	return refused(b.api.bQU64SF32(symSetUserStatFloat, uint64(user), name, v))
}

func (b *Backend) UpdateUserAvgRateStat(user steam.SteamID, name string, count float32, length float64) error {
	if !b.hasStats {
		return errNoStats
	}
	return refused(b.api.bQU64SF32F64(symUpdateUserAvgRateStat, uint64(user), name, count, length))
}

func (b *Backend) SetUserAchievement(user steam.SteamID, name string) error {
	if !b.hasStats {
		return errNoStats
	}
	return refused(b.api.bQU64S(symSetUserAchievement, uint64(user), name))
}

func (b *Backend) ClearUserAchievement(user steam.SteamID, name string) error {
	if !b.hasStats {
		return errNoStats
	}
	return refused(b.api.bQU64S(symClearUserAchievement, uint64(user), name))
}
