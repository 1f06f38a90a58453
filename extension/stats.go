package main

import (
	"github.com/gosteam/godot-steam-server/signals"
	"github.com/gosteam/godot-steam-server/steam"
)

// Game Server Stats: GodotSteam Server 4's section, on both classes (the API page has none, so
// Steam and SteamServer share the rows). A refused call prints why and returns false, 0, 0.0 or
// the empty Dictionary.

const statsOffline = "the offline data file's schema (Spacewar's by default); values kept in the realm's stats store"

var statsMethods = []method{
	{name: "clearUserAchievement", steam: "ISteamGameServerStats::ClearUserAchievement", offline: statsOffline, args: names("steam_id", "name"),
		bind: call2(steamID, text, boolRet, okOf((*steam.Server).ClearUserAchievement)),
		doc:  "Locks an achievement of a user again (for testing); storeUserStats saves it. False if refused."},
	{name: "getUserAchievement", steam: "ISteamGameServerStats::GetUserAchievement", offline: statsOffline, args: names("steam_id", "name"),
		bind: call2(steamID, text, achievementRet, getUserAchievement),
		doc:  "Whether a user has an achievement: `{steam_id, retrieved, name, achieved}` (`retrieved` true), or `{}` when refused, as GodotSteam Server 4 returns it."},
	{name: "getUserStatFloat", steam: "ISteamGameServerStats::GetUserStat", offline: statsOffline, args: names("steam_id", "name"),
		bind: call2(steamID, text, floatRet, (*steam.Server).GetUserStatFloat),
		doc:  "A user's float or average-rate stat; 0.0 if refused (unknown stat, an int stat, stats not received)."},
	{name: "getUserStatInt", steam: "ISteamGameServerStats::GetUserStat", offline: statsOffline, args: names("steam_id", "name"),
		bind: call2(steamID, text, int32Ret, (*steam.Server).GetUserStatInt),
		doc:  "A user's int stat (32-bit signed); 0 if refused (unknown stat, a float stat, stats not received)."},
	{name: "requestUserStats", emits: []signals.ID{signals.StatsReceived}, steam: "ISteamGameServerStats::RequestUserStats",
		offline: "RESULT_OK for a user with an authenticated session, else RESULT_FAIL", args: names("steam_id"),
		bind: do1(steamID, (*steam.Server).RequestUserStats),
		doc:  "Fetches a user's stats and achievements. Triggers stats_received; the other stats calls need its RESULT_OK."},
	{name: "setUserAchievement", steam: "ISteamGameServerStats::SetUserAchievement", offline: statsOffline, args: names("steam_id", "name"),
		bind: call2(steamID, text, boolRet, okOf((*steam.Server).SetUserAchievement)),
		doc:  "Unlocks an achievement for a user; storeUserStats saves it. False if refused."},
	{name: "setUserStatFloat", steam: "ISteamGameServerStats::SetUserStat", offline: statsOffline, args: names("steam_id", "name", "stat"),
		bind: call3(steamID, text, floatArg, boolRet, okOf3((*steam.Server).SetUserStatFloat)),
		doc:  "Sets a user's float stat (finite, 32-bit). False if refused: unknown or not a float stat, outside its min and max, below an increment-only value."},
	{name: "setUserStatInt", steam: "ISteamGameServerStats::SetUserStat", offline: statsOffline, args: names("steam_id", "name", "stat"),
		bind: call3(steamID, text, int64Arg, boolRet, okOf3((*steam.Server).SetUserStatInt)),
		doc:  "Sets a user's int stat (32-bit signed). False if refused: unknown or not an int stat, outside its min and max, below an increment-only value."},
	{name: "storeUserStats", emits: []signals.ID{signals.StatsStored}, steam: "ISteamGameServerStats::StoreUserStats",
		offline: "writes the changes durably to the realm's stats store, then RESULT_OK", args: names("steam_id"),
		bind: do1(steamID, (*steam.Server).StoreUserStats),
		doc:  "Saves a user's changed stats and achievements. Triggers stats_stored."},
	{name: "updateUserAvgRateStat", steam: "ISteamGameServerStats::UpdateUserAvgRateStat", offline: statsOffline,
		args: names("steam_id", "name", "this_session", "session_length"),
		bind: call4(steamID, text, floatArg, doubleArg, boolRet, updateUserAvgRateStat),
		doc:  "Adds a session's count and length (above 0) to a user's average-rate stat. False if refused."},
}

// okOf adapts a stats setter returning only an error to GodotSteam's bool.
func okOf(f func(*steam.Server, steam.SteamID, string) error) func(*steam.Server, steam.SteamID, string) (bool, error) {
	return func(s *steam.Server, id steam.SteamID, name string) (bool, error) {
		err := f(s, id, name)
		return err == nil, err
	}
}

func okOf3[V any](f func(*steam.Server, steam.SteamID, string, V) error) func(*steam.Server, steam.SteamID, string, V) (bool, error) {
	return func(s *steam.Server, id steam.SteamID, name string, v V) (bool, error) {
		err := f(s, id, name, v)
		return err == nil, err
	}
}

func updateUserAvgRateStat(s *steam.Server, id steam.SteamID, name string, count, length float64) (bool, error) {
	err := s.UpdateUserAvgRateStat(id, name, count, length)
	return err == nil, err
}

// achievement is getUserAchievement's answer; ok false gives GodotSteam Server 4's empty Dictionary.
type achievement struct {
	ok       bool
	user     steam.SteamID
	name     string
	achieved bool
}

func getUserAchievement(s *steam.Server, id steam.SteamID, name string) (achievement, error) {
	got, err := s.GetUserAchievement(id, name)
	return achievement{ok: err == nil, user: id, name: name, achieved: got}, err
}

var achievementRet = dictRet(func(d dict, a achievement) {
	if !a.ok {
		return
	}
	d.int(keySteamID, int64(a.user))
	d.bool(keyRetrieved, true)
	d.string(keyName, a.name)
	d.bool(keyAchieved, a.achieved)
})
