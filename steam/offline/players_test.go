package offline_test

import (
	"sync"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/gosteam/godot-steam-server/steam/offline"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const clientIP = 0x0A000002 // 10.0.0.2

func connect(t *testing.T, s *steam.Server, blob []byte, id steam.SteamID) bool {
	t.Helper()
	ok, err := s.SendUserConnectAndAuthenticate(clientIP, blob, id)
	require.NoError(t, err)
	return ok
}

func TestSendUserConnectAndAuthenticate(t *testing.T) {
	s, b, clock := serverWithData(t, func(d *offline.Data) {
		d.Users = map[steam.SteamID]offline.User{player: {Name: "Alice", Apps: []uint32{1001}}}
	})

	assert.True(t, connect(t, s, b.IssueTicket(player).Bytes, player))
	assert.Equal(t, []steam.Event{steam.ClientApproved{SteamID: player, OwnerID: player}}, drain(s))
	assert.Equal(t, steam.UserHasLicense, license(t, s, player, 1001), "an approved user is authenticated")
	assert.Equal(t, steam.UserDoesNotHaveLicense, license(t, s, player, 1002))
	clock.Advance(90 * time.Second)
	assert.Equal(t, []steam.Player{{SteamID: player, Name: "Alice", Duration: 90 * time.Second}}, b.Players(),
		"the name comes from the data file until updateUserData")

	assert.False(t, connect(t, s, b.IssueTicket(player).Bytes, player), "already connected")
	assert.Empty(t, drain(s))

	require.NoError(t, s.SendUserDisconnect(player))
	assert.Empty(t, b.Players())
	assert.Equal(t, steam.UserLicenseNoAuth, license(t, s, player, 1001), "disconnected: no longer authenticated")
	require.NoError(t, s.SendUserDisconnect(player), "an unknown user is ignored")
	assert.Empty(t, drain(s), "sendUserDisconnect queues nothing")

	assert.True(t, connect(t, s, b.IssueTicket(player).Bytes, player), "a fresh ticket connects again")
	assert.Equal(t, []steam.Event{steam.ClientApproved{SteamID: player, OwnerID: player}}, drain(s))
}

// Every outcome of SendUserConnectAndAuthenticate: false for what beginAuthSession refuses at once,
// else true with client_approved or client_denied(reason).
func TestSendUserConnectOutcomes(t *testing.T) {
	denies := func(reason steam.DenyReason) []steam.Event {
		return []steam.Event{steam.ClientDenied{SteamID: player, Reason: reason}}
	}
	tests := []struct {
		name   string
		data   func(*offline.Data)
		ticket func(t *testing.T, s *steam.Server, b *offline.Backend, clock *fakeClock) []byte
		ok     bool
		events []steam.Event
	}{
		{"genuine", nil, func(t *testing.T, s *steam.Server, b *offline.Backend, _ *fakeClock) []byte {
			return b.IssueTicket(player).Bytes
		}, true, []steam.Event{steam.ClientApproved{SteamID: player, OwnerID: player}}},
		{"forged", nil, func(t *testing.T, s *steam.Server, b *offline.Backend, _ *fakeClock) []byte {
			tk := b.IssueTicket(player).Bytes
			tk[60] ^= 1
			return tk
		}, false, nil},
		{"truncated", nil, func(t *testing.T, s *steam.Server, b *offline.Backend, _ *fakeClock) []byte {
			return b.IssueTicket(player).Bytes[:40]
		}, false, nil},
		{"another app", nil, func(t *testing.T, s *steam.Server, b *offline.Backend, _ *fakeClock) []byte {
			return b.IssueTicketForApp(player, 730).Bytes
		}, false, nil},
		{"another Steam ID", nil, func(t *testing.T, s *steam.Server, b *offline.Backend, _ *fakeClock) []byte {
			return b.IssueTicket(player2).Bytes
		}, false, nil},
		{"expired", nil, func(t *testing.T, s *steam.Server, b *offline.Backend, clock *fakeClock) []byte {
			tk := b.IssueTicket(player).Bytes
			clock.Advance(2 * time.Hour)
			return tk
		}, false, nil},
		{"replayed", nil, func(t *testing.T, s *steam.Server, b *offline.Backend, _ *fakeClock) []byte {
			tk := b.IssueTicket(player).Bytes
			require.True(t, connect(t, s, tk, player))
			drain(s)
			require.NoError(t, s.SendUserDisconnect(player))
			return tk
		}, true, denies(steam.DenyLoggedInElseWhere)},
		{"replay of a beginAuthSession ticket", nil, func(t *testing.T, s *steam.Server, b *offline.Backend, _ *fakeClock) []byte {
			tk := b.IssueTicket(player).Bytes
			require.Equal(t, steam.BeginAuthSessionOK, begin(t, s, tk, player))
			drain(s)
			return tk
		}, true, denies(steam.DenyLoggedInElseWhere)},
		{"canceled", nil, func(t *testing.T, s *steam.Server, b *offline.Backend, _ *fakeClock) []byte {
			tk := b.IssueTicket(player)
			require.NoError(t, s.CancelAuthTicket(int64(tk.Handle)))
			return tk.Bytes
		}, true, denies(steam.DenyNotLoggedOn)},
		{"VAC banned", func(d *offline.Data) { d.VACBanned = map[steam.SteamID]bool{player: true} },
			func(t *testing.T, s *steam.Server, b *offline.Backend, _ *fakeClock) []byte {
				return b.IssueTicket(player).Bytes
			},
			true, denies(steam.DenyCheater)},
		{"publisher banned", func(d *offline.Data) { d.PublisherBanned = map[steam.SteamID]bool{player: true} },
			func(t *testing.T, s *steam.Server, b *offline.Backend, _ *fakeClock) []byte {
				return b.IssueTicket(player).Bytes
			},
			true, denies(steam.DenyGeneric)},
		{"no licence", func(d *offline.Data) { d.OwnsServerApp = false },
			func(t *testing.T, s *steam.Server, b *offline.Backend, _ *fakeClock) []byte {
				return b.IssueTicket(player).Bytes
			},
			true, denies(steam.DenyNoLicense)},
		{"denied by the data file", func(d *offline.Data) {
			d.Denied = map[steam.SteamID]steam.DenyReason{player: steam.DenyIncompatibleSoftware}
		}, func(t *testing.T, s *steam.Server, b *offline.Backend, _ *fakeClock) []byte {
			return b.IssueTicket(player).Bytes
		},
			true, denies(steam.DenyIncompatibleSoftware)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, b, clock := serverWithData(t, tt.data)
			blob := tt.ticket(t, s, b, clock)
			assert.Equal(t, tt.ok, connect(t, s, blob, player))
			assert.Equal(t, tt.events, drain(s))
			approved := len(tt.events) == 1 && tt.events[0] == steam.Event(steam.ClientApproved{SteamID: player, OwnerID: player})
			if approved {
				assert.Len(t, b.Players(), 1)
				assert.Equal(t, steam.UserHasLicense, license(t, s, player, 480))
			} else {
				assert.Empty(t, b.Players(), "a refused or denied user is not listed")
			}
		})
	}
}

func TestUnauthenticatedUsers(t *testing.T) {
	clock := newFakeClock()
	s, b := newServer(t, offline.Options{Clock: clock.Now}, cfgAuth)
	bot1, err := s.CreateUnauthenticatedUserConnection()
	require.NoError(t, err)
	bot2, err := s.CreateUnauthenticatedUserConnection()
	require.NoError(t, err)
	assert.NotEqual(t, bot1, bot2)
	for _, id := range []steam.SteamID{bot1, bot2} {
		assert.True(t, id.Valid())
		assert.Equal(t, steam.AccountTypeAnonUser, id.AccountType())
		assert.EqualValues(t, steam.UniversePublic, id.Universe())
		assert.Positive(t, int64(id), "fits a Godot int as a positive number")
	}
	assert.Empty(t, drain(s), "no signal")
	assert.Equal(t, steam.UserLicenseNoAuth, license(t, s, bot1, 480), "bots are not authenticated")

	ok, err := s.UpdateUserData(bot1, "Bot Alice", -5)
	require.NoError(t, err)
	assert.True(t, ok)
	clock.Advance(time.Minute)
	assert.Equal(t, []steam.Player{
		{SteamID: bot1, Name: "Bot Alice", Score: -5, Duration: time.Minute, Bot: true},
		{SteamID: bot2, Duration: time.Minute, Bot: true},
	}, b.Players())

	require.NoError(t, s.SendUserDisconnect(bot1))
	assert.Equal(t, []steam.SteamID{bot2}, ids(b.Players()))
	ok, err = s.UpdateUserData(bot1, "gone", 1)
	require.NoError(t, err)
	assert.False(t, ok, "a user who left cannot be updated")
}

func ids(players []steam.Player) []steam.SteamID {
	out := make([]steam.SteamID, len(players))
	for i, p := range players {
		out[i] = p.SteamID
	}
	return out
}

func TestUpdateUserData(t *testing.T) {
	s, b := newServer(t, offline.Options{}, cfgAuth)
	ok, err := s.UpdateUserData(player, "nobody", 1)
	require.NoError(t, err)
	assert.False(t, ok, "not connected")

	require.True(t, connect(t, s, b.IssueTicket(player).Bytes, player))
	require.True(t, connect(t, s, b.IssueTicket(player2).Bytes, player2))
	for _, tt := range []struct {
		score int64
		want  int32
	}{{0, 0}, {42, 42}, {-1, -1}, {4294967295, -1}, {2147483648, -2147483648}, {-2147483648, -2147483648}} {
		ok, err := s.UpdateUserData(player, "Alice", tt.score)
		require.NoError(t, err)
		require.True(t, ok)
		assert.Equal(t, tt.want, b.Players()[0].Score, "score %d is kept as the same 32 bits", tt.score)
	}
	assert.Equal(t, "Alice", b.Players()[0].Name)
	assert.Equal(t, []steam.SteamID{player, player2}, ids(b.Players()), "connection order")
	assert.Empty(t, b.Players()[1].Name)
}

func TestPlayerListBound(t *testing.T) {
	s, b := newServer(t, offline.Options{}, cfgAuth)
	for i := 0; i < steam.MaxConnectedUsers; i++ {
		_, err := s.CreateUnauthenticatedUserConnection()
		require.NoError(t, err)
	}
	_, err := s.CreateUnauthenticatedUserConnection()
	assert.ErrorIs(t, err, steam.ErrTooManyUsers)
	_, err = s.SendUserConnectAndAuthenticate(clientIP, b.IssueTicket(player).Bytes, player)
	assert.ErrorIs(t, err, steam.ErrTooManyUsers)
	assert.Empty(t, drain(s))
	assert.Len(t, b.Players(), steam.MaxConnectedUsers)
}

func TestPlayersClearedAtShutdown(t *testing.T) {
	s, b := newServer(t, offline.Options{}, cfgAuth)
	require.True(t, connect(t, s, b.IssueTicket(player).Bytes, player))
	_, err := s.CreateUnauthenticatedUserConnection()
	require.NoError(t, err)
	require.NoError(t, s.Shutdown())
	assert.Empty(t, b.Players())
	require.NoError(t, s.Init(cfgAuth))
	assert.Empty(t, b.Players())
	assert.Equal(t, steam.UserLicenseNoAuth, license(t, s, player, 480))
}

// Players may be read from another goroutine (the A2S responder, a test) while the game calls the front.
func TestPlayersConcurrentWithFront(t *testing.T) {
	s, b := newServer(t, offline.Options{}, cfgAuth)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 500; i++ {
			_ = b.Players()
		}
	}()
	for i := 0; i < 200; i++ {
		id, err := s.CreateUnauthenticatedUserConnection()
		require.NoError(t, err)
		_, err = s.UpdateUserData(id, "bot", int64(i))
		require.NoError(t, err)
		if i%2 == 0 {
			require.NoError(t, s.SendUserDisconnect(id))
		}
	}
	wg.Wait()
	assert.Len(t, b.Players(), 100)
}
