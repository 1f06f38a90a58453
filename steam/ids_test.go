package steam

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSteamIDFields(t *testing.T) {
	tests := []struct {
		name     string
		universe Universe
		kind     AccountType
		instance uint32
		account  uint32
		want     SteamID
	}{
		{"individual", 1, AccountTypeIndividual, 1, 1234, 0x0110_0001_0000_04D2},
		{"anonymous game server", 1, AccountTypeAnonGameServer, 0, 0xDEADBEEF, 0x0140_0000_DEAD_BEEF},
		{"persistent game server", 1, AccountTypeGameServer, 0, 1, 0x0130_0000_0000_0001},
		{"clan", 1, AccountTypeClan, 0, 103582791, 0x0170_0000_062C_8C47},
		{"every field at its maximum", 0xFF, AccountType(0xF), 0xFFFFF, 0xFFFFFFFF, SteamID(math.MaxUint64)},
		{"zero", 0, AccountTypeInvalid, 0, 0, 0},
		{"instance wider than 20 bits is cut", 1, AccountTypeIndividual, 0x1FFFFF, 5, 0x011F_FFFF_0000_0005},
		{"type wider than 4 bits is cut", 1, AccountType(0x13), 0, 5, 0x0130_0000_0000_0005},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id := NewSteamID(tt.universe, tt.kind, tt.instance, tt.account)
			assert.Equal(t, tt.want, id)
			assert.Equal(t, tt.universe, id.Universe())
			assert.Equal(t, tt.kind&0xF, id.AccountType())
			assert.Equal(t, tt.instance&0xFFFFF, id.Instance())
			assert.Equal(t, tt.account, id.AccountID())
			assert.Equal(t, id, NewSteamID(id.Universe(), id.AccountType(), id.Instance(), id.AccountID()), "round trip")
		})
	}
}

func TestSteamIDValid(t *testing.T) {
	tests := []struct {
		name       string
		id         SteamID
		valid      bool
		individual bool
	}{
		{"zero", 0, false, false},
		{"individual", NewSteamID(1, AccountTypeIndividual, 1, 1234), true, true},
		{"anonymous game server", NewSteamID(1, AccountTypeAnonGameServer, 0, 1), true, false},
		{"persistent game server", NewSteamID(1, AccountTypeGameServer, 0, 1), true, false},
		{"anonymous user, the highest known type", NewSteamID(1, AccountTypeAnonUser, 0, 1), true, false},
		{"clan", NewSteamID(1, AccountTypeClan, 0, 1), true, false},
		{"universe 4 (dev)", NewSteamID(4, AccountTypeIndividual, 1, 1), true, true},
		{"account 0", NewSteamID(1, AccountTypeIndividual, 1, 0), false, false},
		{"universe 0", NewSteamID(0, AccountTypeIndividual, 1, 1), false, false},
		{"universe 5", NewSteamID(5, AccountTypeIndividual, 1, 1), false, false},
		{"type invalid", NewSteamID(1, AccountTypeInvalid, 1, 1), false, false},
		{"type 11 unknown", NewSteamID(1, AccountType(11), 1, 1), false, false},
		{"all bits set", SteamID(math.MaxUint64), false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.valid, tt.id.Valid())
			assert.Equal(t, tt.individual, tt.id.IsIndividual())
		})
	}
}

func TestSteamIDString(t *testing.T) {
	assert.Equal(t, "76561197960266962", NewSteamID(1, AccountTypeIndividual, 1, 1234).String())
	assert.Equal(t, "0", SteamID(0).String())
	assert.Equal(t, "18446744073709551615", SteamID(math.MaxUint64).String(), "printed unsigned")
}
