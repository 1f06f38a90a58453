package offline_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/gosteam/godot-steam-server/steam/offline"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The example from docs/offline-backend.md (The offline data file).
const exampleData = `{
  "format": 1,
  "owns_server_app": true,
  "users": {
    "76561197960287930": {"name": "Alice", "apps": [1001, 1002], "groups": {"103582791429521412": "officer", "103582791429521413": "member"}},
    "76561197960287931": {"apps": []}
  },
  "vac_banned": ["76561197960287932"],
  "publisher_banned": [76561197960287933],
  "denied": {"76561197960287934": 5},
  "compat": {"76561197960287935": {"result": 1, "players_dont_like_candidate": 2, "players_candidate_doesnt_like": 1, "clan_players_dont_like_candidate": 3}},
  "associate_clan_result": 1,
  "clans": {"103582791429521414": 15},
  "ip_country": "DE"
}`

var (
	alice    = steam.SteamID(76561197960287930)
	bob      = steam.SteamID(76561197960287931)
	vac      = steam.SteamID(76561197960287932)
	banned   = steam.SteamID(76561197960287933)
	denied   = steam.SteamID(76561197960287934)
	grumpy   = steam.SteamID(76561197960287935)
	officers = steam.SteamID(103582791429521412)
	members  = steam.SteamID(103582791429521413)
	noClan   = steam.SteamID(103582791429521414)
)

func TestParseDataExample(t *testing.T) {
	d, err := offline.ParseData([]byte(exampleData))
	require.NoError(t, err)
	want := &offline.Data{
		OwnsServerApp: true,
		Users: map[steam.SteamID]offline.User{
			alice: {Name: "Alice", Apps: []uint32{1001, 1002}, Groups: map[steam.SteamID]offline.GroupMembership{
				officers: {Member: true, Officer: true}, members: {Member: true}}},
			bob: {},
		},
		VACBanned:           map[steam.SteamID]bool{vac: true},
		PublisherBanned:     map[steam.SteamID]bool{banned: true},
		Denied:              map[steam.SteamID]steam.DenyReason{denied: steam.DenyCheater},
		Compat:              map[steam.SteamID]offline.Compat{grumpy: {Result: steam.ResultOK, PlayersDontLikeCandidate: 2, PlayersCandidateDoesntLike: 1, ClanPlayersDontLikeCandidate: 3}},
		AssociateClanResult: steam.ResultOK,
		Clans:               map[steam.SteamID]steam.Result{noClan: steam.ResultAccessDenied},
		IPCountry:           "DE",
	}
	assert.Equal(t, want, d)
	assert.True(t, d.Owns(alice, 1001, 480))
	assert.True(t, d.Owns(bob, 480, 480), "everyone owns the server's app")
	assert.False(t, d.Owns(bob, 1001, 480))
	assert.Equal(t, steam.ResultAccessDenied, d.ClanResult(noClan))
	assert.Equal(t, steam.ResultOK, d.ClanResult(officers))
}

func TestParseDataDefaults(t *testing.T) {
	for _, text := range []string{`{}`, " {\n} \n", `{"format": 1}`} {
		d, err := offline.ParseData([]byte(text))
		require.NoError(t, err, text)
		assert.Equal(t, offline.NewData(), d, text)
	}
	d, err := offline.ParseData([]byte(`{"owns_server_app": false, "associate_clan_result": 2}`))
	require.NoError(t, err)
	assert.False(t, d.Owns(alice, 480, 480))
	assert.Equal(t, steam.ResultFail, d.ClanResult(officers))
}

func TestParseDataErrors(t *testing.T) {
	tests := []struct {
		name, text string
		errHas     []string
	}{
		{"empty", ``, []string{"empty", "{}"}},
		{"not JSON", "{\n  \"users\": {,}\n}", []string{"line 2, column 13", "invalid JSON"}},
		{"cut short", `{"users": {`, []string{"ends early"}},
		{"two objects", `{} {}`, []string{"more content"}},
		{"not an object", `[]`, []string{"must be an object"}},
		{"unknown key", `{"user": {}}`, []string{`unknown field "user"`}},
		{"unknown user key", `{"users": {"76561197960287930": {"app": [1]}}}`, []string{`unknown field "app"`}},
		{"wrong type", "{\n\"owns_server_app\": 1}", []string{"line 2", "owns_server_app", "true or false"}},
		{"apps not numbers", `{"users": {"76561197960287930": {"apps": ["1001"]}}}`, []string{"users.apps", "whole number"}},
		{"fractional app", `{"users": {"76561197960287930": {"apps": [1.5]}}}`, []string{"whole number"}},
		{"app out of range", `{"users": {"76561197960287930": {"apps": [4294967296]}}}`, []string{"4294967296 is not an app ID"}},
		{"user key not a number", `{"users": {"alice": {}}}`, []string{`users: "alice" is not a Steam ID`}},
		{"user key invalid ID", `{"users": {"5": {}}}`, []string{"users: 5 is not a valid Steam ID"}},
		{"group not a clan", `{"users": {"76561197960287930": {"groups": {"76561197960287931": "member"}}}}`, []string{"groups", "not a group (clan) Steam ID"}},
		{"bad role", `{"users": {"76561197960287930": {"groups": {"103582791429521412": "admin"}}}}`, []string{`"member" or "officer"`, `"admin"`}},
		{"long name", `{"users": {"76561197960287930": {"name": "` + longName + `"}}}`, []string{"name must be at most 127 bytes"}},
		{"banned not an ID", `{"vac_banned": ["x"]}`, []string{`vac_banned: "x" is not a Steam ID`}},
		{"banned a clan", `{"publisher_banned": ["103582791429521412"]}`, []string{"publisher_banned"}},
		{"deny reason out of range", `{"denied": {"76561197960287930": 16}}`, []string{"16 is not a DenyReason"}},
		{"compat result 0", `{"compat": {"76561197960287930": {"result": 0}}}`, []string{"compat.76561197960287930.result", "not an EResult"}},
		{"compat negative count", `{"compat": {"76561197960287930": {"players_dont_like_candidate": -1}}}`, []string{"players_dont_like_candidate must be between 0"}},
		{"clan result", `{"clans": {"103582791429521412": -3}}`, []string{"clans.103582791429521412", "not an EResult"}},
		{"clan key not a clan", `{"clans": {"76561197960287930": 1}}`, []string{"not a group (clan) Steam ID"}},
		{"default clan result", `{"associate_clan_result": 0}`, []string{"associate_clan_result"}},
		{"format 2", `{"format": 2}`, []string{"format is 2", "format 1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := offline.ParseData([]byte(tt.text))
			require.Error(t, err)
			for _, s := range tt.errHas {
				assert.Contains(t, err.Error(), s)
			}
		})
	}
}

var longName = string(func() []byte {
	b := make([]byte, 128)
	for i := range b {
		b[i] = 'x'
	}
	return b
}())

func dataEnv(t *testing.T) {
	t.Helper()
	t.Setenv(offline.EnvOfflineData, "")
	t.Chdir(t.TempDir())
}

func TestLoadData(t *testing.T) {
	t.Run("nothing: defaults", func(t *testing.T) {
		dataEnv(t)
		d, err := offline.LoadData()
		require.NoError(t, err)
		assert.Equal(t, offline.NewData(), d)
	})
	t.Run("steam_offline.json in the working directory", func(t *testing.T) {
		dataEnv(t)
		wd, _ := os.Getwd()
		writeFile(t, filepath.Join(wd, offline.DefaultDataFile), exampleData)
		d, err := offline.LoadData()
		require.NoError(t, err)
		assert.Equal(t, filepath.Join(wd, offline.DefaultDataFile), d.Path)
		assert.True(t, d.VACBanned[vac])
	})
	t.Run("the environment names the file", func(t *testing.T) {
		dataEnv(t)
		path := writeFile(t, filepath.Join(t.TempDir(), "data.json"), `{"vac_banned": ["76561197960287930"]}`)
		t.Setenv(offline.EnvOfflineData, path)
		wd, _ := os.Getwd()
		writeFile(t, filepath.Join(wd, offline.DefaultDataFile), `{}`)
		d, err := offline.LoadData()
		require.NoError(t, err)
		assert.Equal(t, path, d.Path, "the variable wins over the working directory")
		assert.True(t, d.VACBanned[alice])
	})
	t.Run("the named file is missing", func(t *testing.T) {
		dataEnv(t)
		path := filepath.Join(t.TempDir(), "missing.json")
		t.Setenv(offline.EnvOfflineData, path)
		_, err := offline.LoadData()
		assert.ErrorContains(t, err, "offline data file "+path+" does not exist")
	})
	t.Run("the named file is a folder", func(t *testing.T) {
		dataEnv(t)
		dir := t.TempDir()
		t.Setenv(offline.EnvOfflineData, dir)
		_, err := offline.LoadData()
		assert.ErrorContains(t, err, "cannot be read")
	})
	t.Run("malformed", func(t *testing.T) {
		dataEnv(t)
		wd, _ := os.Getwd()
		path := writeFile(t, filepath.Join(wd, offline.DefaultDataFile), "{\n  \"vac_banned\": [\"x\"]\n}")
		_, err := offline.LoadData()
		assert.ErrorContains(t, err, "offline data file "+path+": vac_banned")
	})
}

// serverInit fails, naming the file, when the data file is malformed; it is read again at each serverInit.
func TestInitReadsTheDataFile(t *testing.T) {
	dataEnv(t)
	path := writeFile(t, filepath.Join(t.TempDir(), "data.json"), `{"users": {"76561197960287930": {"apps": [-1]}}}`)
	t.Setenv(offline.EnvOfflineData, path)
	b := offline.New(offline.Options{Realm: newRealm(t)})
	s := steam.NewServer(func() (steam.Backend, error) { return b, nil })
	err := s.Init(cfgAuth)
	require.Error(t, err)
	assert.Contains(t, err.Error(), path)
	assert.Contains(t, err.Error(), "-1 is not an app ID")
	assert.False(t, s.Initialized())

	writeFile(t, path, exampleData)
	require.NoError(t, s.Init(cfgAuth))
	require.Equal(t, steam.BeginAuthSessionOK, begin(t, s, b.IssueTicket(alice).Bytes, alice))
	drain(s)
	assert.Equal(t, steam.UserHasLicense, license(t, s, alice, 1002))

	writeFile(t, path, `{}`)
	require.NoError(t, s.Shutdown())
	require.NoError(t, s.Init(cfgAuth))
	require.Equal(t, steam.BeginAuthSessionOK, begin(t, s, b.IssueTicket(alice).Bytes, alice))
	drain(s)
	assert.Equal(t, steam.UserDoesNotHaveLicense, license(t, s, alice, 1002), "the new file is read at the next serverInit")
}

// What the data file answers, through the front.
func TestDataAnswers(t *testing.T) {
	d, err := offline.ParseData([]byte(exampleData))
	require.NoError(t, err)
	s, b := newServer(t, offline.Options{Data: d}, cfgAuth)

	t.Run("groups", func(t *testing.T) {
		for _, tt := range []struct {
			user, group     steam.SteamID
			member, officer bool
		}{{alice, officers, true, true}, {alice, members, true, false}, {alice, noClan, false, false}, {bob, officers, false, false}} {
			ok, err := s.RequestUserGroupStatus(tt.user, tt.group)
			require.NoError(t, err)
			assert.True(t, ok)
			assert.Equal(t, []steam.Event{steam.ClientGroupStatus{SteamID: tt.user, GroupID: tt.group, Member: tt.member, Officer: tt.officer}}, drain(s))
		}
	})
	t.Run("compat", func(t *testing.T) {
		require.NoError(t, s.ComputeNewPlayerCompatibility(grumpy))
		require.NoError(t, s.ComputeNewPlayerCompatibility(alice))
		assert.Equal(t, []steam.Event{
			steam.PlayerCompat{Result: steam.ResultOK, PlayersDontLikeCandidate: 2, PlayersCandidateDoesntLike: 1, ClanPlayersDontLikeCandidate: 3, SteamID: grumpy},
			steam.PlayerCompat{Result: steam.ResultOK, SteamID: alice},
		}, drain(s))
	})
	t.Run("clans", func(t *testing.T) {
		require.NoError(t, s.AssociateWithClan(officers))
		assert.Equal(t, []steam.Event{steam.AssociateClan{Result: steam.ResultOK}}, drain(s))
		assert.Equal(t, officers, b.Clan())
		require.NoError(t, s.AssociateWithClan(noClan))
		assert.Equal(t, []steam.Event{steam.AssociateClan{Result: steam.ResultAccessDenied}}, drain(s))
		assert.Equal(t, officers, b.Clan(), "a refused association changes nothing")
	})
	t.Run("bans", func(t *testing.T) {
		require.Equal(t, steam.BeginAuthSessionOK, begin(t, s, b.IssueTicket(vac).Bytes, vac))
		require.Equal(t, steam.BeginAuthSessionOK, begin(t, s, b.IssueTicket(banned).Bytes, banned))
		require.Equal(t, steam.BeginAuthSessionOK, begin(t, s, b.IssueTicket(denied).Bytes, denied))
		assert.Equal(t, []steam.Event{
			steam.ValidateAuthTicketResponse{SteamID: vac, Response: steam.AuthSessionVACBanned, OwnerID: vac},
			steam.ValidateAuthTicketResponse{SteamID: banned, Response: steam.AuthSessionPublisherIssuedBan, OwnerID: banned},
			steam.ValidateAuthTicketResponse{SteamID: denied, Response: steam.AuthSessionOK, OwnerID: denied},
		}, drain(s), "\"denied\" applies to sendUserConnectAndAuthenticate only")
	})
}
