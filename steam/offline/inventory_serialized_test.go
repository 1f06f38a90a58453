package offline_test

import (
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/gosteam/godot-steam-server/steam/offline"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// clientResult is what invPlayer's client hands a server: its items, serialized, made at now.
func clientResult(t *testing.T, realm *offline.Realm, now time.Time, ids ...int64) []byte {
	t.Helper()
	c, _ := invServer(t, realm, offline.Options{Clock: func() time.Time { return now }})
	h, err := c.InventoryGetAllItems()
	if len(ids) > 0 {
		h, err = c.InventoryGetItemsByID(ids)
	}
	require.NoError(t, err)
	_, err = c.InventorySerializeResult(h)
	assert.ErrorContains(t, err, "still pending", "a pending result cannot be serialized")
	drain(c)
	buf, err := c.InventorySerializeResult(h)
	require.NoError(t, err)
	require.NoError(t, c.Shutdown())
	return buf
}

// checked is the server's view of a serialized result: status, whether it is invPlayer's, items.
func checked(t *testing.T, s *steam.Server, buf []byte) (steam.Result, bool, []steam.ItemDetails) {
	t.Helper()
	h, err := s.InventoryDeserializeResult(buf)
	st, items := done(t, s, h, err)
	mine, err := s.InventoryCheckResultSteamID(h, invPlayer)
	require.NoError(t, err)
	return st, mine, items
}

func TestSerializedResultsAreCheckedWithTheRealmKey(t *testing.T) {
	realm := newRealm(t)
	now := time.Unix(1_800_000_000, 0)
	buf := clientResult(t, realm, now, 2)
	clock := now.Add(time.Minute)
	server, _ := invServer(t, realm, offline.Options{Clock: func() time.Time { return clock }})
	require.NoError(t, server.OfflineInventoryUser(0)) // the server's own account

	st, mine, items := checked(t, server, buf)
	assert.Equal(t, steam.ResultOK, st)
	assert.True(t, mine, "checkResultSteamID(the player)")
	assert.Equal(t, []steam.ItemDetails{{ItemID: 2, Definition: 102, Quantity: 5, Flags: steam.ItemNoTrade}}, items)
	h, _ := server.InventoryDeserializeResult(buf)
	drain(server)
	other, _ := server.InventoryCheckResultSteamID(h, player)
	assert.False(t, other, "another user's result: checkResultSteamID is false")
	stamp, err := server.InventoryResultTimestamp(h)
	require.NoError(t, err)
	assert.Equal(t, uint32(now.Unix()), stamp, "the time the client made it")

	for i := range buf {
		forged := append([]byte(nil), buf...)
		forged[i] ^= 0x20
		st, mine, items := checked(t, server, forged)
		require.Equal(t, steam.ResultFail, st, "byte %d changed", i)
		require.False(t, mine)
		require.Empty(t, items)
	}
	st, mine, _ = checked(t, server, buf[:len(buf)-1])
	assert.Equal(t, steam.ResultFail, st, "cut short")
	assert.False(t, mine)

	clock = now.Add(offline.SerializedResultLifetime + time.Second)
	st, mine, items = checked(t, server, buf)
	assert.Equal(t, steam.ResultExpired, st, "older than an hour: Steam's soft failure")
	assert.True(t, mine)
	assert.Len(t, items, 1, "an expired result's items are still readable")

	stranger, _ := invServer(t, newRealm(t), offline.Options{Clock: func() time.Time { return now }})
	st, _, _ = checked(t, stranger, buf)
	assert.Equal(t, steam.ResultFail, st, "a server of another realm cannot verify it")
}

func TestSerializedResultsCarryProperties(t *testing.T) {
	realm := newRealm(t)
	c, _ := invServer(t, realm, offline.Options{})
	u, _ := c.InventoryStartUpdateProperties()
	_, err := c.InventorySetProperty(u, 1, "level", steam.PropertyValue{Kind: steam.PropertyInt, Int: 7})
	require.NoError(t, err)
	h, err := c.InventorySubmitUpdateProperties(u)
	done(t, c, h, err)
	buf, err := c.InventorySerializeResult(h)
	require.NoError(t, err)

	s, _ := invServer(t, realm, offline.Options{})
	h, err = s.InventoryDeserializeResult(buf)
	done(t, s, h, err)
	v, err := s.InventoryResultItemProperty(h, 0, "dynamic_props")
	require.NoError(t, err)
	assert.Equal(t, `{"level":7}`, v)
}

func TestFailedResultsCannotBeSerialized(t *testing.T) {
	s, _ := invServer(t, newRealm(t), offline.Options{})
	h, err := s.InventoryConsumeItem(999, 1)
	st, _ := done(t, s, h, err)
	require.Equal(t, steam.ResultFail, st)
	_, err = s.InventorySerializeResult(h)
	assert.ErrorContains(t, err, "nothing to serialize")
}
