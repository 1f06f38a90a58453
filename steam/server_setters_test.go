package steam

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type stringSetter struct {
	name  string
	arg   string
	max   int
	get   func(State) string
	field Field
}

var stringSetters = []stringSetter{
	{"SetProduct", "product", 63, func(s State) string { return s.Product }, FieldProduct},
	{"SetGameDescription", "description", 63, func(s State) string { return s.Description }, FieldDescription},
	{"SetModDir", "modDir", 31, func(s State) string { return s.ModDir }, FieldModDir},
	{"SetServerName", "name", 63, func(s State) string { return s.ServerName }, FieldServerName},
	{"SetMapName", "map", 31, func(s State) string { return s.MapName }, FieldMapName},
	{"SetSpectatorServerName", "name", 63, func(s State) string { return s.SpectatorName }, FieldSpectatorName},
	{"SetGameTags", "tags", 127, func(s State) string { return s.GameTags }, FieldGameTags},
	{"SetGameData", "data", 2047, func(s State) string { return s.GameData }, FieldGameData},
	{"SetRegion", "region", 31, func(s State) string { return s.Region }, FieldRegion},
}

// set is the setter of the row's field.
func (tt stringSetter) set(s *Server, v string) error { return s.SetString(tt.field, v) }

func TestStringLimits(t *testing.T) {
	for _, tt := range stringSetters {
		t.Run(tt.name, func(t *testing.T) {
			s, fb := startedServer(t)
			atLimit := strings.Repeat("a", tt.max)
			require.NoError(t, tt.set(s, atLimit))
			assert.Equal(t, atLimit, tt.get(s.State()))
			assert.Equal(t, []Field{tt.field}, fb.applied, "the backend is told which field changed")

			before := s.State()
			over := []string{
				strings.Repeat("b", tt.max+1),
				strings.Repeat("b", tt.max-1) + "é", // limits count bytes, not characters
				strings.Repeat("b", 10*tt.max),
			}
			for _, v := range over {
				requireArgError(t, tt.set(s, v), tt.arg)
				assert.Equal(t, before, s.State(), "a refused value changes nothing")
			}
			assert.Len(t, fb.applied, 1, "the backend does not hear of refused values")

			require.NoError(t, tt.set(s, ""), "empty is allowed")
			assert.Empty(t, tt.get(s.State()))
		})
	}
}

func TestLogOnTokenLimits(t *testing.T) {
	s, fb := startedServer(t)
	requireArgError(t, s.LogOn(""), "token")
	requireArgError(t, s.LogOn(strings.Repeat("t", MaxTokenLen+1)), "token")
	require.NoError(t, s.SetString(FieldProduct, "480"), "a refused LogOn does not count as logging on")
	require.NoError(t, s.LogOn(strings.Repeat("t", MaxTokenLen)))
	assert.Contains(t, fb.Calls(), "LogOn("+strings.Repeat("t", MaxTokenLen)+")")
}

func TestSetBeforeLogOnOnly(t *testing.T) {
	beforeLogOn := []struct {
		name string
		set  func(*Server) error
	}{
		{"SetProduct", func(s *Server) error { return s.SetString(FieldProduct, "480") }},
		{"SetGameDescription", func(s *Server) error { return s.SetString(FieldDescription, "Spacewar") }},
		{"SetModDir", func(s *Server) error { return s.SetString(FieldModDir, "spacewar") }},
		{"SetDedicatedServer", func(s *Server) error { return s.SetBool(FieldDedicated, true) }},
	}
	logOns := []struct {
		name  string
		logOn func(*Server) error
	}{
		{"logOn", func(s *Server) error { return s.LogOn("token") }},
		{"logOnAnonymous", (*Server).LogOnAnonymous},
	}
	for _, lo := range logOns {
		for _, tt := range beforeLogOn {
			t.Run(lo.name+"/"+tt.name, func(t *testing.T) {
				s, fb := startedServer(t)
				require.NoError(t, tt.set(s), "accepted before log-on")
				require.NoError(t, lo.logOn(s))
				before := s.State()
				n := len(fb.applied)
				err := tt.set(s)
				require.Error(t, err)
				assert.NotErrorIs(t, err, ErrNotInitialized)
				assert.Equal(t, before, s.State())
				assert.Len(t, fb.applied, n)
				assert.NoError(t, s.SetString(FieldServerName, "other fields still change"))

				require.NoError(t, s.LogOff())
				assert.NoError(t, tt.set(s), "accepted again after logOff, for the next log-on")
				require.NoError(t, lo.logOn(s))
				require.NoError(t, s.Shutdown())
				require.NoError(t, s.Init(testCfg))
				assert.NoError(t, tt.set(s), "accepted again after a new Init")
			})
		}
	}
}

func TestKeyValues(t *testing.T) {
	s, fb := startedServer(t)
	require.NoError(t, s.SetKeyValue("b", "1"))
	require.NoError(t, s.SetKeyValue("a", "2"))
	require.NoError(t, s.SetKeyValue("c", "3"))
	assert.Equal(t, []KeyValue{{"b", "1"}, {"a", "2"}, {"c", "3"}}, s.State().KeyValues, "insertion order, not sorted")

	require.NoError(t, s.SetKeyValue("a", "new"))
	assert.Equal(t, []KeyValue{{"b", "1"}, {"a", "new"}, {"c", "3"}}, s.State().KeyValues, "replacing keeps the position")
	require.NoError(t, s.SetKeyValue("b", ""))
	assert.Equal(t, KeyValue{"b", ""}, s.State().KeyValues[0], "an empty value is kept as a rule")

	st := s.State()
	st.KeyValues[0].Value = "mutated"
	assert.Empty(t, s.State().KeyValues[0].Value, "State returns a copy")

	requireArgError(t, s.SetKeyValue("", "v"), "key")
	requireArgError(t, s.SetKeyValue(strings.Repeat("k", MaxKeyLen+1), "v"), "key")
	requireArgError(t, s.SetKeyValue("k", strings.Repeat("v", MaxValueLen+1)), "value")
	require.NoError(t, s.SetKeyValue(strings.Repeat("k", MaxKeyLen), strings.Repeat("v", MaxValueLen)))
	assert.Len(t, s.State().KeyValues, 4)

	require.NoError(t, s.ClearAllKeyValues())
	assert.Empty(t, s.State().KeyValues)
	require.NoError(t, s.ClearAllKeyValues(), "clearing an empty list is fine")
	require.NoError(t, s.SetKeyValue("z", "1"))
	assert.Equal(t, []KeyValue{{"z", "1"}}, s.State().KeyValues)
	for _, f := range fb.applied {
		assert.Equal(t, FieldKeyValues, f)
	}
}

func TestKeyValuesBound(t *testing.T) {
	s, fb := startedServer(t)
	key := func(i int) string { return "key" + strings.Repeat("x", i%7) + string(rune('A'+i%26)) + strconv.Itoa(i) }
	for i := 0; i < MaxKeyValues; i++ {
		require.NoError(t, s.SetKeyValue(key(i), "v"))
	}
	before := s.State()
	require.Len(t, before.KeyValues, MaxKeyValues)
	applied := len(fb.applied)

	err := s.SetKeyValue("one-too-many", "v")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "clearAllKeyValues")
	assert.Equal(t, before, s.State(), "a refused rule changes nothing")
	assert.Len(t, fb.applied, applied, "the backend does not hear of a refused rule")

	require.NoError(t, s.SetKeyValue(key(100), "replaced"), "replacing a key still works when full")
	kv := s.State().KeyValues
	assert.Len(t, kv, MaxKeyValues)
	assert.Equal(t, KeyValue{key(100), "replaced"}, kv[100])

	require.NoError(t, s.ClearAllKeyValues())
	require.NoError(t, s.SetKeyValue("one-too-many", "v"), "room again after clearing")
}

func TestIntegerRanges(t *testing.T) {
	tests := []struct {
		name  string
		arg   string
		field Field
		get   func(State) int64
		ok    []int64
		bad   []int64
	}{
		{"SetMaxPlayerCount", "players_max", FieldMaxPlayers, func(s State) int64 { return int64(s.MaxPlayers) },
			[]int64{0, 1, 64, MaxPlayerCountSane}, []int64{-1, MaxPlayerCountSane + 1, math.MinInt64, math.MaxInt64, 1 << 32}},
		{"SetBotPlayerCount", "bots", FieldBotPlayers, func(s State) int64 { return int64(s.BotPlayers) },
			[]int64{0, 3, MaxPlayerCountSane}, []int64{-1, MaxPlayerCountSane + 1, math.MinInt64, 1 << 32}},
		{"SetSpectatorPort", "port", FieldSpectatorPort, func(s State) int64 { return int64(s.SpectatorPort) },
			[]int64{0, 1, 27020, 65535}, []int64{-1, 65536, math.MaxInt64, math.MinInt64}},
		{"SetHeartbeatInterval", "interval", FieldHeartbeatInterval, func(s State) int64 { return int64(s.HeartbeatInterval) },
			[]int64{-1, 0, 300, math.MaxInt32}, []int64{-2, math.MaxInt32 + 1, math.MinInt64, math.MaxInt64}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := startedServer(t)
			for _, v := range tt.ok {
				require.NoError(t, s.SetInt(tt.field, v), "%d", v)
				assert.Equal(t, v, tt.get(s.State()))
			}
			before := s.State()
			for _, v := range tt.bad {
				requireArgError(t, s.SetInt(tt.field, v), tt.arg)
				assert.Equal(t, before, s.State(), "%d changed nothing", v)
			}
		})
	}
}

func TestBoolSetters(t *testing.T) {
	s, _ := startedServer(t)
	require.NoError(t, s.SetBool(FieldDedicated, true))
	require.NoError(t, s.SetBool(FieldPasswordProtected, true))
	require.NoError(t, s.SetBool(FieldAdvertiseActive, true))
	st := s.State()
	assert.True(t, st.Dedicated)
	assert.True(t, st.PasswordProtected)
	assert.True(t, st.AdvertiseActive)
	require.NoError(t, s.SetBool(FieldPasswordProtected, false))
	assert.False(t, s.State().PasswordProtected)
}

// A value the backend was already given since Init is not given again: games set the same values
// every frame. The first set after Init always reaches the backend, even when it equals the
// state's zero value, since Steam's own defaults may differ.
func TestUnchangedValuesAreNotResent(t *testing.T) {
	s, fb := startedServer(t)
	sets := []func() error{
		func() error { return s.SetString(FieldMapName, "") },
		func() error { return s.SetString(FieldMapName, "de_dust") },
		func() error { return s.SetInt(FieldMaxPlayers, 0) },
		func() error { return s.SetBool(FieldPasswordProtected, false) },
		func() error { return s.SetInt(FieldSpectatorPort, 27020) },
		func() error { return s.SetInt(FieldHeartbeatInterval, -1) },
		func() error { return s.SetKeyValue("k", "v") },
		func() error { return s.ClearAllKeyValues() },
		func() error { return s.SetString(FieldProduct, "480") },
	}
	for i, set := range sets {
		require.NoError(t, set())
		n := len(fb.applied)
		require.Equal(t, i+1, n, "set %d reaches the backend the first time", i)
		require.NoError(t, set())
		assert.Len(t, fb.applied, n, "set %d again with the same value is not resent", i)
	}
	require.NoError(t, s.SetString(FieldMapName, "other"))
	require.NoError(t, s.SetString(FieldMapName, "de_dust"))
	require.NoError(t, s.SetKeyValue("k", "w"))
	require.NoError(t, s.ClearAllKeyValues())
	assert.Equal(t, []Field{FieldMapName, FieldMapName, FieldKeyValues, FieldKeyValues}, fb.applied[len(sets):], "changes are sent")

	require.NoError(t, s.LogOnAnonymous())
	require.Error(t, s.SetString(FieldProduct, "480"), "refused after log-on even when unchanged")

	require.NoError(t, s.Shutdown())
	require.NoError(t, s.Init(testCfg))
	n := len(fb.applied)
	require.NoError(t, s.SetInt(FieldMaxPlayers, 0))
	require.NoError(t, s.ClearAllKeyValues())
	assert.Equal(t, []Field{FieldMaxPlayers, FieldKeyValues}, fb.applied[n:], "a new Init sends every value again")
	require.NoError(t, s.Shutdown())
	require.ErrorIs(t, s.SetInt(FieldMaxPlayers, 0), ErrNotInitialized, "refused before Init even when unchanged")
}
