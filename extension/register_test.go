package main

import (
	"testing"

	"github.com/gosteam/godot-steam-server/signals"
	"github.com/stretchr/testify/assert"
)

// Every row of the tables passes C's checks (gdext_register.c): without Godot, the only refusal is
// that the class is not registered.
func TestCAcceptsEveryRow(t *testing.T) {
	for i, m := range methods {
		assert.EqualError(t, registerMethod(i, m), noClass, m.name)
	}
	for cls := range classCount {
		for i := range signals.Catalogue {
			s := classSignal(cls, signals.ID(i))
			assert.EqualError(t, registerSignal(cls, i, s), noClass, "%s.%s", cls, s.Name)
		}
	}
}

func methodNamed(t *testing.T, name string) method {
	for _, m := range methods {
		if m.name == name {
			return m
		}
	}
	t.Fatalf("no method %s", name)
	return method{}
}

// A row C could not honour is refused with the reason, before anything reaches Godot; a table
// grown past a limit is refused row by row, never truncated silently.
func TestCRefusesBadRows(t *testing.T) {
	loggedOn, setMapName, setKeyValue := methodNamed(t, "loggedOn"), methodNamed(t, "setMapName"), methodNamed(t, "setKeyValue")
	twoArgSetter := setKeyValue
	twoArgSetter.cache = cacheSetter
	scalarWithArgs := setMapName
	scalarWithArgs.cache = cacheScalar
	dictDefault := methodNamed(t, "initGameServer")
	dictDefault.defaults = []any{int64(0), int64(0), ""}
	unknownCache := loggedOn
	unknownCache.cache = 99
	tooManyArgs := loggedOn
	tooManyArgs.args = make([]string, 9)
	tooManyArgs.bind.args = make([]kind, 9)
	noName := loggedOn
	noName.name = ""
	noClassRow := loggedOn
	noClassRow.class = classCount
	for _, c := range []struct {
		index  int
		m      method
		reason string
	}{
		{maxMethods, loggedOn, "its index is beyond SV_MAX_METHODS (gdext.h)"},
		{-1, loggedOn, "its index is beyond SV_MAX_METHODS (gdext.h)"},
		{0, twoArgSetter, "a skipped setter must take one bool, int or String and return nothing"},
		{0, scalarWithArgs, "a cached answer must be an argument-less bool or int read"},
		{0, unknownCache, "unknown cache kind"},
		{0, dictDefault, "a default C cannot build (bool, int or String)"},
		{0, tooManyArgs, "more than 8 arguments"},
		{0, noName, "no name"},
		{0, noClassRow, "its class is beyond SV_MAX_CLASSES (gdext.h)"},
	} {
		assert.EqualError(t, registerMethod(c.index, c.m), c.reason, "%s at %d", c.m.name, c.index)
	}

	s := signals.Catalogue[0]
	assert.EqualError(t, registerSignal(classSteam, maxSignals, s), "its index is beyond SV_MAX_SIGNALS (gdext.h)")
	assert.EqualError(t, registerSignal(classCount, 0, s), "its class is beyond SV_MAX_CLASSES (gdext.h)")
	vec := signals.Signal{Name: "vector_signal", Params: []signals.Param{{Name: "where", Type: 5}}}
	assert.EqualError(t, registerSignal(classSteam, 0, vec), "a parameter type the catalogue cannot declare (bool, int, String, Array or Dictionary)")
}
