package steam

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAuthArguments(t *testing.T) {
	invalidIDs := []SteamID{0, NewSteamID(1, AccountTypeIndividual, 1, 0), NewSteamID(0, AccountTypeIndividual, 1, 5), NewSteamID(1, AccountTypeInvalid, 1, 5)}

	t.Run("CancelAuthTicket", func(t *testing.T) {
		s, fb := startedServer(t)
		for _, h := range []int64{0, -1, math.MinInt64, 1 << 32, math.MaxInt64} {
			requireArgError(t, s.CancelAuthTicket(h), "auth_ticket")
		}
		require.NoError(t, s.CancelAuthTicket(1))
		require.NoError(t, s.CancelAuthTicket(math.MaxUint32))
		assert.Equal(t, []string{"CancelAuthTicket(1)", "CancelAuthTicket(4294967295)"}, fb.Calls()[1:])
	})

	t.Run("UserHasLicenseForApp", func(t *testing.T) {
		s, fb := startedServer(t)
		fb.licenseResult = UserHasLicense
		for _, id := range invalidIDs {
			r, err := s.UserHasLicenseForApp(id, 480)
			requireArgError(t, err, "steam_id")
			assert.Equal(t, UserLicenseNoAuth, r)
		}
		for _, app := range []int64{-1, 1 << 32, math.MinInt64} {
			r, err := s.UserHasLicenseForApp(testPlayer, app)
			requireArgError(t, err, "app_id")
			assert.Equal(t, UserLicenseNoAuth, r)
		}
		for _, app := range []int64{0, math.MaxUint32} {
			r, err := s.UserHasLicenseForApp(testPlayer, app)
			require.NoError(t, err)
			assert.Equal(t, UserHasLicense, r)
		}
		assert.Len(t, fb.Calls(), 3, "Init plus the two accepted calls")
	})

	t.Run("BeginAuthSession", func(t *testing.T) {
		s, fb := startedServer(t)
		fb.beginResult = BeginAuthSessionDuplicateRequest
		for _, ticket := range [][]byte{nil, {}, make([]byte, MaxTicketLen+1)} {
			r, err := s.BeginAuthSession(ticket, testPlayer)
			requireArgError(t, err, "auth_ticket")
			assert.Equal(t, BeginAuthSessionInvalidTicket, r)
		}
		for _, id := range invalidIDs {
			r, err := s.BeginAuthSession([]byte{1}, id)
			requireArgError(t, err, "steam_id")
			assert.Equal(t, BeginAuthSessionInvalidTicket, r)
		}
		r, err := s.BeginAuthSession(make([]byte, MaxTicketLen), testPlayer)
		require.NoError(t, err)
		assert.Equal(t, BeginAuthSessionDuplicateRequest, r, "the backend's answer is passed through")
		assert.Len(t, fb.Calls(), 2)
	})

	t.Run("EndAuthSession and ComputeNewPlayerCompatibility", func(t *testing.T) {
		s, fb := startedServer(t)
		for _, id := range invalidIDs {
			requireArgError(t, s.EndAuthSession(id), "steam_id")
			requireArgError(t, s.ComputeNewPlayerCompatibility(id), "steam_id")
		}
		require.NoError(t, s.EndAuthSession(testPlayer))
		require.NoError(t, s.ComputeNewPlayerCompatibility(testPlayer))
		assert.Len(t, fb.Calls(), 3)
	})

	t.Run("RequestUserGroupStatus", func(t *testing.T) {
		s, fb := startedServer(t)
		for _, id := range invalidIDs {
			ok, err := s.RequestUserGroupStatus(id, testGroup)
			requireArgError(t, err, "steam_id")
			assert.False(t, ok)
		}
		ok, err := s.RequestUserGroupStatus(testPlayer, 0)
		requireArgError(t, err, "group_id")
		assert.False(t, ok)
		ok, err = s.RequestUserGroupStatus(testPlayer, testGroup)
		require.NoError(t, err)
		assert.True(t, ok)
		assert.Len(t, fb.Calls(), 2)
	})

	t.Run("AssociateWithClan", func(t *testing.T) {
		s, fb := startedServer(t)
		requireArgError(t, s.AssociateWithClan(0), "clan_id")
		require.NoError(t, s.AssociateWithClan(testGroup))
		assert.Len(t, fb.Calls(), 2)
	})

	t.Run("GetAuthSessionTicket", func(t *testing.T) {
		s, _ := startedServer(t)
		tk, err := s.GetAuthSessionTicket()
		require.NoError(t, err)
		assert.Equal(t, AuthTicket{Handle: 1, Bytes: []byte{1}}, tk)
	})
}
