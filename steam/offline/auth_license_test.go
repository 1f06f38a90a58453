package offline_test

import (
	"testing"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/gosteam/godot-steam-server/steam/offline"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLicenses(t *testing.T) {
	const dlc, otherDLC = 1001, 1002
	data := offline.NewData()
	data.Users = map[steam.SteamID]offline.User{player: {Apps: []uint32{dlc}}, player2: {Apps: []uint32{otherDLC}}}
	s, b := newServer(t, offline.Options{Data: data}, cfgAuth)
	assert.Equal(t, steam.UserLicenseNoAuth, license(t, s, player, dlc), "no session")

	require.Equal(t, steam.BeginAuthSessionOK, begin(t, s, b.IssueTicket(player).Bytes, player))
	tests := []struct {
		name string
		app  int64
		want steam.UserHasLicenseResult
	}{
		{"the server's app", 480, steam.UserHasLicense},
		{"listed DLC", dlc, steam.UserHasLicense},
		{"someone else's DLC", otherDLC, steam.UserDoesNotHaveLicense},
		{"unlisted app", 730, steam.UserDoesNotHaveLicense},
		{"app 0", 0, steam.UserDoesNotHaveLicense},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, license(t, s, player, tt.app))
		})
	}
	assert.Equal(t, steam.UserLicenseNoAuth, license(t, s, player2, otherDLC), "listed, but not authenticated")
	require.NoError(t, s.EndAuthSession(player))
	assert.Equal(t, steam.UserLicenseNoAuth, license(t, s, player, dlc), "session ended")
}

func TestLicensesWhenNotEveryoneOwnsTheApp(t *testing.T) {
	data := offline.NewData()
	data.OwnsServerApp = false
	data.Users = map[steam.SteamID]offline.User{player: {Apps: []uint32{480, 1001}}}
	s, b := newServer(t, offline.Options{Data: data}, cfgAuth)
	require.Equal(t, steam.BeginAuthSessionOK, begin(t, s, b.IssueTicket(player).Bytes, player))
	require.Equal(t, steam.BeginAuthSessionOK, begin(t, s, b.IssueTicket(player2).Bytes, player2))
	assert.Equal(t, append(validated(player, steam.AuthSessionOK), validated(player2, steam.AuthSessionNoLicenseOrExpired)...), drain(s))
	assert.Equal(t, steam.UserHasLicense, license(t, s, player, 480))
	assert.Equal(t, steam.UserHasLicense, license(t, s, player, 1001))
	assert.Equal(t, steam.UserLicenseNoAuth, license(t, s, player2, 480), "a failed verdict authenticates nothing")
}
