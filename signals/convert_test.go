package signals

import (
	"regexp"
	"testing"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const player = steam.SteamID(0x0110000100000001)

func TestEncode(t *testing.T) {
	tests := []struct {
		ev   steam.Event
		want Args
	}{
		{steam.AssociateClan{Result: steam.ResultOK}, Args{AssociateClan, 1, [MaxArgs]int64{1}}},
		{steam.ClientApproved{SteamID: player, OwnerID: player + 1}, Args{ClientApproved, 2, [MaxArgs]int64{int64(player), int64(player + 1)}}},
		{steam.ClientDenied{SteamID: player, Reason: steam.DenyCheater, Text: "x"}, Args{ClientDenied, 2, [MaxArgs]int64{int64(player), 5}}},
		{steam.ClientGroupStatus{SteamID: player, GroupID: 7, Member: true}, Args{ClientGroupStatus, 4, [MaxArgs]int64{int64(player), 7, 1, 0}}},
		{steam.ClientKick{SteamID: player, Reason: steam.DenyNoLicense}, Args{ClientKick, 2, [MaxArgs]int64{int64(player), 4}}},
		{steam.PlayerCompat{Result: steam.ResultOK, PlayersDontLikeCandidate: 1, PlayersCandidateDoesntLike: 2, ClanPlayersDontLikeCandidate: 3, SteamID: player},
			Args{PlayerCompat, 5, [MaxArgs]int64{1, 1, 2, 3, int64(player)}}},
		{steam.PolicyResponse{Secure: true}, Args{PolicyResponse, 1, [MaxArgs]int64{1}}},
		{steam.ServerConnectFailure{Result: steam.ResultNoConnection, Retrying: true}, Args{ServerConnectFailure, 2, [MaxArgs]int64{3, 1}}},
		{steam.ServerConnected{}, Args{ServerConnected, 0, [MaxArgs]int64{}}},
		{steam.ServerDisconnected{Result: steam.ResultOK}, Args{ServerDisconnected, 1, [MaxArgs]int64{1}}},
		{steam.ValidateAuthTicketResponse{SteamID: player, Response: steam.AuthSessionAuthTicketCanceled, OwnerID: player},
			Args{ValidateAuthTicketResponse, 3, [MaxArgs]int64{int64(player), 6, int64(player)}}},
		{steam.GetAuthSessionTicketResponse{Ticket: 9, Result: steam.ResultOK}, Args{GetAuthSessionTicketResponse, 2, [MaxArgs]int64{9, 1}}},
		{steam.StatsReceived{Result: steam.ResultFail, SteamID: player}, Args{StatsReceived, 2, [MaxArgs]int64{2, int64(player)}}},
		{steam.StatsStored{Result: steam.ResultOK, SteamID: player}, Args{StatsStored, 2, [MaxArgs]int64{1, int64(player)}}},
		{steam.StatsUnloaded{SteamID: player}, Args{StatsUnloaded, 1, [MaxArgs]int64{int64(player)}}},
		{steam.UGCQueryCompleted{Handle: 3, Result: steam.ResultOK, Returned: 2, Total: 60, Cached: true}, Args{UGCQueryCompleted, 5, [MaxArgs]int64{3, 1, 2, 60, 1}}},
		{steam.ItemDownloaded{Result: steam.ResultFileNotFound, FileID: 1001, AppID: 480}, Args{ItemDownloaded, 3, [MaxArgs]int64{9, 1001, 480}}},
		{steam.ItemInstalled{AppID: 480, FileID: 1001}, Args{ItemInstalled, 2, [MaxArgs]int64{480, 1001}}},
		{steam.HTTPRequestCompleted{Request: 7, Context: 1 << 63, Success: true, Status: 404, BodySize: 12},
			Args{HTTPRequestCompleted, 5, [MaxArgs]int64{7, -1 << 63, 1, 404, 12}}},
		{steam.HTTPRequestDataReceived{Request: 7, Context: 3, Offset: 65536, BytesReceived: 100}, Args{HTTPRequestDataReceived, 4, [MaxArgs]int64{7, 3, 65536, 100}}},
		{steam.HTTPRequestHeadersReceived{Request: 4294967295, Context: 3}, Args{HTTPRequestHeadersReceived, 2, [MaxArgs]int64{4294967295, 3}}},
		{steam.APICallCompleted{Call: 0xFEF9000000000019, Callback: 1800, Size: 12}, Args{SteamAPICallCompleted, 3, [MaxArgs]int64{-0x106FFFFFFFFFFE7, 1800, 12}}},
		{steam.AppDependencies{Result: steam.ResultOK, FileID: 1001, AppIDs: []uint32{480, 481}, Total: 34}, Args{GetAppDependenciesResult, 4, [MaxArgs]int64{1, 1001, 2, 34}}},
		{steam.P2PSessionRequest{Remote: player}, Args{P2PSessionRequest, 1, [MaxArgs]int64{int64(player)}}},
		{steam.P2PSessionConnectFail{Remote: player, Error: steam.P2PSessionErrorTimeout}, Args{P2PSessionConnectFail, 2, [MaxArgs]int64{int64(player), 4}}},
		{steam.MessagesSessionRequest{Remote: player}, Args{MessagesSessionRequest, 1, [MaxArgs]int64{int64(player)}}},
		{steam.MessagesSessionFailed{Info: steam.ConnectionInfo{Identity: player, EndReason: steam.ConnectionEndMiscTimeout, EndDebug: "x"}},
			Args{MessagesSessionFailed, 1, [MaxArgs]int64{5003}}},
	}
	seen := map[ID]bool{}
	for _, tt := range tests {
		t.Run(Catalogue[tt.want.ID].Name, func(t *testing.T) {
			got, ok := Encode(tt.ev)
			require.True(t, ok)
			assert.Equal(t, tt.want, got)
			assert.Len(t, Catalogue[got.ID].Params, got.N, "argument count must match the catalogue")
			seen[got.ID] = true
		})
	}
	// The player-side Workshop and Remote Storage signals and the Utils signals but
	// steam_api_call_completed are declared only (catalogue.go).
	for id := range ItemInstalled + 1 {
		assert.True(t, seen[id], "%s must be produced by some event", Catalogue[id].Name)
	}
	beyond := []ID{GetAppDependenciesResult, HTTPRequestCompleted, HTTPRequestDataReceived, HTTPRequestHeadersReceived, SteamAPICallCompleted,
		P2PSessionRequest, P2PSessionConnectFail, MessagesSessionRequest, MessagesSessionFailed}
	for _, id := range beyond {
		assert.True(t, seen[id], "%s must be produced by an event", Catalogue[id].Name)
	}
	assert.Len(t, seen, int(ItemInstalled)+1+len(beyond), "only those")
}

func TestEncodeUnknownEvent(t *testing.T) {
	_, ok := Encode(nil)
	assert.False(t, ok)
}

func TestSteamIDsKeepAllBits(t *testing.T) {
	id := steam.SteamID(0xFFFFFFFFFFFFFFFF)
	got, _ := Encode(steam.ClientKick{SteamID: id})
	assert.Equal(t, uint64(id), uint64(got.V[0]))
}

func TestCatalogueNames(t *testing.T) {
	snake := regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)*$`) // p2p_session_request
	names := map[string]bool{}
	for _, s := range Catalogue {
		assert.Regexp(t, snake, s.Name)
		assert.False(t, names[s.Name], "duplicate signal %s", s.Name)
		names[s.Name] = true
		assert.LessOrEqual(t, len(s.Params), MaxArgs)
		assert.NotEmpty(t, s.Doc)
		for _, p := range s.Params {
			assert.Regexp(t, snake, p.Name, "%s.%s", s.Name, p.Name)
			assert.Contains(t, []Type{Bool, Int, String, Dictionary, Array}, p.Type)
		}
	}
}

func BenchmarkEncode(b *testing.B) {
	ev := steam.Event(steam.ValidateAuthTicketResponse{SteamID: player, OwnerID: player})
	for b.Loop() {
		if _, ok := Encode(ev); !ok {
			b.Fatal("not encoded")
		}
	}
}
