package steam

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFieldRowsAreComplete(t *testing.T) {
	keys := map[string]bool{}
	for f := range Fields {
		d := &Fields[f]
		require.NotNil(t, d.at, "field %d has no row", f)
		assert.NotEmpty(t, d.Key, "field %d", f)
		assert.NotEmpty(t, d.Arg, "field %d", f)
		assert.False(t, keys[d.Key], "key %s twice", d.Key)
		keys[d.Key] = true
		switch d.Kind() {
		case KindString:
			assert.Positive(t, d.MaxLen, "%s needs Steam's limit", d.Key)
			assert.Zero(t, d.Range, "%s: a string has no integer range", d.Key)
		case KindBool:
			assert.Zero(t, d.MaxLen, d.Key)
			assert.Zero(t, d.Range, d.Key)
		case KindInt32:
			assert.True(t, d.Range.Min <= d.Range.Max && d.Range.Min >= math.MinInt32 && d.Range.Max <= math.MaxInt32, "%s: the range must fit int32", d.Key)
		case KindUint16:
			assert.True(t, d.Range.Min <= d.Range.Max && d.Range.Min >= 0 && d.Range.Max <= math.MaxUint16, "%s: the range must fit uint16", d.Key)
		}
	}
}

// Exactly the fields Steam reads only at log-on are refused after it; every other setter still works.
func TestOnlyBeforeLogOnFieldsAreRefusedAfterLogOn(t *testing.T) {
	beforeLogOn := map[Field]bool{FieldProduct: true, FieldDescription: true, FieldModDir: true, FieldDedicated: true}
	s, _ := startedServer(t)
	require.NoError(t, s.LogOnAnonymous())
	for f := range Fields {
		field, d := Field(f), &Fields[f]
		assert.Equal(t, beforeLogOn[field], d.BeforeLogOn, d.Key)
		var err error
		switch d.Kind() {
		case KindString:
			err = s.SetString(field, "x")
		case KindBool:
			err = s.SetBool(field, true)
		default:
			err = s.SetInt(field, 1)
		}
		assert.Equal(t, beforeLogOn[field], err != nil, "%s: %v", d.Key, err)
	}
}

// A setter of the wrong kind, or a field without a row, is refused: nothing panics or changes.
func TestSetterOfTheWrongKind(t *testing.T) {
	s, fb := startedServer(t)
	before := s.State()
	assert.Error(t, s.SetString(FieldDedicated, "yes"))
	assert.Error(t, s.SetBool(FieldMapName, true))
	assert.Error(t, s.SetInt(FieldMapName, 1))
	assert.Error(t, s.SetInt(FieldDedicated, 1))
	for _, f := range []Field{-1, FieldKeyValues, 1000} {
		assert.Error(t, s.SetString(f, "x"))
		assert.Error(t, s.SetBool(f, true))
		assert.Error(t, s.SetInt(f, 1))
	}
	assert.Equal(t, before, s.State())
	assert.Empty(t, fb.applied)
}

func TestFieldReads(t *testing.T) {
	st := &State{MapName: "arena", Dedicated: true, MaxPlayers: 16, SpectatorPort: 27020}
	assert.Equal(t, "arena", Fields[FieldMapName].String(st))
	assert.True(t, Fields[FieldDedicated].Bool(st))
	assert.Equal(t, int64(16), Fields[FieldMaxPlayers].Int(st))
	assert.Equal(t, int64(27020), Fields[FieldSpectatorPort].Int(st))
	assert.Equal(t, KindUint16, Fields[FieldSpectatorPort].Kind())
	assert.Empty(t, Fields[FieldDedicated].String(st), "another kind reads as zero")
	assert.False(t, Fields[FieldMapName].Bool(st))
	assert.Zero(t, Fields[FieldMapName].Int(st))
}

func TestSharedRangeChecks(t *testing.T) {
	for _, v := range []int64{0, 4, -1, math.MaxInt64, 1<<32 + 2} {
		err := CheckServerMode(v)
		require.Error(t, err)
		assert.Contains(t, err.Error(), "server_mode must be 1 (no authentication), 2 (authentication) or 3 (authentication and secure), got ")
	}
	for v := int64(1); v <= 3; v++ {
		assert.NoError(t, CheckServerMode(v))
	}
	assert.EqualError(t, CheckAppID(-1, ""), "app_id must be between 0 and 4294967295, got -1")
	assert.EqualError(t, CheckAppID(1<<32, "the server's app"), "app_id must be between 0 (the server's app) and 4294967295, got 4294967296")
	assert.NoError(t, CheckAppID(0, ""))
	assert.NoError(t, CheckAppID(math.MaxUint32, ""))
}
