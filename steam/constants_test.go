package steam

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// constantFacts are values from the Steamworks SDK headers (steamclientpublic.h, isteamgameserver.h,
// steam_api.h) under GodotSteam Server's names: a wrong or renamed constant fails here.
var constantFacts = map[string]int64{
	"ACCOUNT_TYPE_INDIVIDUAL": 1, "ACCOUNT_TYPE_GAME_SERVER": 3, "ACCOUNT_TYPE_ANON_GAME_SERVER": 4, "ACCOUNT_TYPE_CLAN": 7, "ACCOUNT_TYPE_MAX": 11,
	"AUTH_SESSION_RESPONSE_OK": 0, "AUTH_SESSION_RESPONSE_VAC_BANNED": 3, "AUTH_SESSION_RESPONSE_AUTH_TICKET_CANCELED": 6,
	"AUTH_SESSION_RESPONSE_AUTH_TICKET_INVALID_ALREADY_USED": 7, "AUTH_SESSION_RESPONSE_AUTH_TICKET_INVALID": 8,
	"AUTH_SESSION_RESPONSE_PUBLISHER_ISSUED_BAN": 9, "AUTH_SESSION_RESPONSE_AUTH_TICKET_NETWORK_IDENTITY_FAILURE": 10,
	"BEGIN_AUTH_SESSION_RESULT_OK": 0, "BEGIN_AUTH_SESSION_RESULT_INVALID_TICKET": 1, "BEGIN_AUTH_SESSION_RESULT_DUPLICATE_REQUEST": 2,
	"BEGIN_AUTH_SESSION_RESULT_INVALID_VERSION": 3, "BEGIN_AUTH_SESSION_RESULT_GAME_MISMATCH": 4, "BEGIN_AUTH_SESSION_RESULT_EXPIRED_TICKET": 5,
	"DENY_INVALID": 0, "DENY_GENERIC": 2, "DENY_NO_LICENSE": 4, "DENY_CHEATER": 5, "DENY_INCOMPATIBLE_ANTI_CHEAT": 8, "DENY_STEAM_OWNER_LEFT_GUEST_USER": 15,
	"IP_TYPE_IPV4": 0, "IP_TYPE_IPV6": 1,
	"RESULT_NONE": 0, "RESULT_OK": 1, "RESULT_FAIL": 2, "RESULT_NO_CONNECTION": 3, "RESULT_INVALID_PASSWORD": 5, "RESULT_INVALID_PARAM": 8,
	"RESULT_BUSY": 10, "RESULT_TIMEOUT": 16, "RESULT_SERVICE_UNAVAILABLE": 20, "RESULT_NOT_LOGGED_ON": 21, "RESULT_EXPIRED": 27,
	"RESULT_DUPLICATE_REQUEST": 29, "RESULT_LOG_ON_SESSION_REPLACED": 34, "RESULT_CANCELLED": 52, "RESULT_RATE_LIMIT_EXCEEDED": 84,
	"RESULT_GSLT_DENIED": 102, "RESULT_GS_OWNER_DENIED": 103, "RESULT_GSLT_EXPIRED": 106, "RESULT_INVALID_SIGNATURE": 121,
	"RESULT_NOT_SUPPORTED": 128, "RESULT_OFFLINE_APP_CACHE_INVALID": 130,
	"SERVER_MODE_INVALID": 0, "SERVER_MODE_NO_AUTHENTICATION": 1, "SERVER_MODE_AUTHENTICATION": 2, "SERVER_MODE_AUTHENTICATION_AND_SECURE": 3,
	"STEAM_API_INIT_RESULT_OK": 0, "STEAM_API_INIT_RESULT_FAILED_GENERIC": 1, "STEAM_API_INIT_RESULT_NO_STEAM_CLIENT": 2, "STEAM_API_INIT_RESULT_VERSION_MISMATCH": 3,
	"UNIVERSE_PUBLIC": 1, "UNIVERSE_DEV": 4,
	"USER_HAS_LICENSE_RESULT_HAS_LICENSE": 0, "USER_HAS_LICENSE_RESULT_DOES_NOT_HAVE_LICENSE": 1, "USER_HAS_LICENSE_RESULT_NO_AUTH": 2,
	"QUERY_PORT_SHARED": 0xFFFF, "QUERY_PORT_ERROR": 0xFFFE, "QUERY_PORT_NOT_INITIALIZED": 0xFFFF,
	"INVENTORY_RESULT_INVALID": -1, "ITEM_INSTANCE_ID_INVALID": -1, "STEAM_ITEM_NO_TRADE": 1, "STEAM_ITEM_REMOVED": 256, "STEAM_ITEM_CONSUMED": 512,
}

func allConstants() map[string]int64 {
	all := map[string]int64{}
	for _, e := range Enums {
		for _, c := range e.Values {
			all[c.Name] = c.Value
		}
	}
	for _, c := range Constants {
		all[c.Name] = c.Value
	}
	return all
}

func TestConstantsMatchTheSDK(t *testing.T) {
	all := allConstants()
	for name, want := range constantFacts {
		got, ok := all[name]
		if assert.True(t, ok, "missing %s", name) {
			assert.Equal(t, want, got, name)
		}
	}
}

// steamAliases are Steam's own second names of a value: WORKSHOP_FILE_TYPE_FIRST's, and the
// generic end reasons that open their ranges.
var steamAliases = map[string]bool{
	"WORKSHOP_FILE_TYPE_COMMUNITY": true, "CONNECTION_END_APP_GENERIC": true, "CONNECTION_END_APP_EXCEPTION_GENERIC": true,
}

func TestConstantNamesAreUniqueAndGodotStyle(t *testing.T) {
	upper := regexp.MustCompile(`^[A-Z][A-Z0-9_]*$`)
	seen := map[string]bool{}
	count := 0
	for _, e := range Enums {
		assert.Regexp(t, `^[A-Z][A-Za-z0-9]+$`, e.Name)
		values := map[int64]string{}
		for _, c := range e.Values {
			if c.Name != "NETWORKING_CONFIG_P2P_TURN_uSER_LIST" { // GodotSteam's typo, kept
				assert.Regexp(t, upper, c.Name)
			}
			require.False(t, seen[c.Name], "%s defined twice", c.Name)
			seen[c.Name] = true
			if other, dup := values[c.Value]; dup && !steamAliases[c.Name] {
				t.Errorf("%s.%s and %s share value %d", e.Name, c.Name, other, c.Value)
			}
			values[c.Value] = c.Name
			count++
		}
	}
	for _, e := range Enums {
		if e.Name == "Result" {
			assert.Len(t, e.Values, 130, "the whole EResult list: 0-3 and 5-130")
		}
	}
	assert.Greater(t, count, 190)
}
