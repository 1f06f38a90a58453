package steam

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPlayerConnectionArguments(t *testing.T) {
	invalidIDs := []SteamID{0, NewSteamID(1, AccountTypeIndividual, 1, 0), NewSteamID(0, AccountTypeIndividual, 1, 5)}

	t.Run("SendUserConnectAndAuthenticate", func(t *testing.T) {
		s, fb := startedServer(t)
		fb.connectOK = true
		for _, ip := range []int64{-1, 1 << 32, math.MinInt64, math.MaxInt64} {
			ok, err := s.SendUserConnectAndAuthenticate(ip, []byte{1}, testPlayer)
			requireArgError(t, err, "ip_client")
			assert.False(t, ok)
		}
		for _, blob := range [][]byte{nil, {}, make([]byte, MaxTicketLen+1)} {
			_, err := s.SendUserConnectAndAuthenticate(1, blob, testPlayer)
			requireArgError(t, err, "auth_blob")
		}
		for _, id := range invalidIDs {
			_, err := s.SendUserConnectAndAuthenticate(1, []byte{1}, id)
			requireArgError(t, err, "steam_id")
		}
		ok, err := s.SendUserConnectAndAuthenticate(0xFFFFFFFF, []byte{7}, testPlayer)
		require.NoError(t, err)
		assert.True(t, ok, "the backend's answer is passed through")
		assert.Equal(t, []string{"SendUserConnectAndAuthenticate(0xffffffff,07,76561197960266962)"}, fb.Calls()[1:])
	})

	t.Run("UpdateUserData", func(t *testing.T) {
		s, fb := startedServer(t)
		fb.connectOK = true
		for _, id := range invalidIDs {
			_, err := s.UpdateUserData(id, "n", 0)
			requireArgError(t, err, "steam_id")
		}
		_, err := s.UpdateUserData(testPlayer, strings.Repeat("x", MaxPlayerNameLen+1), 0)
		requireArgError(t, err, "name")
		_, err = s.UpdateUserData(testPlayer, "a\x00b", 0)
		requireArgError(t, err, "name")
		for _, score := range []int64{-1<<31 - 1, 1 << 32, math.MaxInt64, math.MinInt64} {
			_, err := s.UpdateUserData(testPlayer, "n", score)
			requireArgError(t, err, "score")
		}
		for _, score := range []int64{-1 << 31, -1, 0, 1<<32 - 1} {
			ok, err := s.UpdateUserData(testPlayer, strings.Repeat("é", MaxPlayerNameLen/2), score)
			require.NoError(t, err)
			assert.True(t, ok)
		}
		assert.Equal(t, `UpdateUserData(76561197960266962,"",2147483648)`, strings.Replace(fb.Calls()[1], strings.Repeat("é", MaxPlayerNameLen/2), "", 1))
		assert.Len(t, fb.Calls(), 5)
	})

	t.Run("SendUserDisconnect", func(t *testing.T) {
		s, fb := startedServer(t)
		for _, id := range invalidIDs {
			requireArgError(t, s.SendUserDisconnect(id), "steam_id")
		}
		require.NoError(t, s.SendUserDisconnect(testPlayer))
		assert.Len(t, fb.Calls(), 2)
	})

	t.Run("CreateUnauthenticatedUserConnection", func(t *testing.T) {
		s, fb := startedServer(t)
		id, err := s.CreateUnauthenticatedUserConnection()
		require.NoError(t, err)
		assert.Equal(t, NewSteamID(1, AccountTypeAnonUser, 0, 9), id)
		fb.playersErr = ErrTooManyUsers
		id, err = s.CreateUnauthenticatedUserConnection()
		assert.ErrorIs(t, err, ErrTooManyUsers)
		assert.Zero(t, id, "a refused call returns 0")
	})
}

// The offline* scripting calls need a backend that can script events; the fake (like steamworks) cannot.
func TestScriptedCallsNeedAScriptedBackend(t *testing.T) {
	calls := map[string]func(*Server) error{
		"OfflineIssueTicket":         func(s *Server) error { _, err := s.OfflineIssueTicket(testPlayer, 0); return err },
		"OfflineKickClient":          func(s *Server) error { return s.OfflineKickClient(testPlayer, 2) },
		"OfflineDenyClient":          func(s *Server) error { return s.OfflineDenyClient(testPlayer, 2) },
		"OfflineAuthSessionResponse": func(s *Server) error { return s.OfflineAuthSessionResponse(testPlayer, 1) },
		"OfflineConnectFailure":      func(s *Server) error { return s.OfflineConnectFailure(3, true) },
		"OfflineDisconnect":          func(s *Server) error { return s.OfflineDisconnect(3) },
		"OfflinePolicyResponse":      func(s *Server) error { return s.OfflinePolicyResponse(true) },
		"OfflineRequestRestart":      func(s *Server) error { return s.OfflineRequestRestart() },
	}
	for name, call := range calls {
		t.Run(name, func(t *testing.T) {
			s, fb, _ := newTestServer()
			assert.ErrorIs(t, call(s), ErrNotInitialized)
			require.NoError(t, s.Init(testCfg))
			err := call(s)
			require.Error(t, err)
			assert.Contains(t, err.Error(), "only with the offline backend")
			assert.Contains(t, err.Error(), "fake backend")
			assert.False(t, errors.Is(err, ErrNotInitialized))
			assert.Len(t, fb.Calls(), 1, "only Init reached the backend")
			assert.Zero(t, s.Events().Len())
		})
	}
}
