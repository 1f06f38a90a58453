//go:build !race

package offline

// Bounded soaks: a million A2S queries and 100,000 auth sessions through one backend, with the Go
// heap measured before and after (each after a GC). They check for leaks, not for speed: the bound
// on growth is generous, and no time is asserted. Not built with -race (ten times slower there);
// `./build.sh test` runs them in a plain `go test -run '^TestSoak'`.

import (
	"encoding/binary"
	"runtime"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/stretchr/testify/require"
)

// soakMaxGrowth is how much HeapInuse may grow over a soak: far below what one retained byte per
// operation would cost (1 MB for a million queries), far above allocator noise.
const soakMaxGrowth = 512 << 10

func heapInuse() uint64 {
	runtime.GC()
	runtime.GC() // the second cycle frees what the first one's finalizers released
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}

func checkGrowth(t *testing.T, what string, before, after uint64, ops int) {
	t.Helper()
	growth := int64(after) - int64(before)
	t.Logf("%s: HeapInuse %d -> %d bytes (%+d) over %d operations", what, before, after, growth, ops)
	require.Less(t, growth, int64(soakMaxGrowth), "%s: the heap grew by %d bytes", what, growth)
}

// TestSoakA2SQueries answers a million queries through GameSocketShare (HandleIncomingPacket, then
// NextOutgoingPacket until empty): INFO, PLAYER and RULES (a split reply) with valid challenges,
// challenge requests, and garbage, from a million different source addresses with the rate limit on
// (its table is fixed), while the game changes the map every 1000 queries (a new snapshot each time).
func TestSoakA2SQueries(t *testing.T) {
	const queries = 1_000_000
	now := t0
	b := started(t, Options{Clock: func() time.Time { return now }, Queries: QueryOptions{RateLimit200ms: 1000}}, shared)
	st := demoState()
	st.Init = shared
	st.KeyValues = bigRules(60)
	st.AdvertiseActive = true
	b.mu.Lock()
	b.state = &st
	b.publishQueries(fieldAll)
	b.publishPlayers([]steam.Player{{Name: "Alice", Score: 3}, {Name: "Bot", Bot: true}})
	b.mu.Unlock()
	buf := make([]byte, steam.MaxOutgoingPacket)
	reqs := make([][]byte, 5)
	round := func(n, from int) (answers int) {
		for i := from; i < from+n; i++ {
			ip := uint32(0x0A000000 + i) // 10.0.0.0/8: a new source each time
			c := currentChallenge(challengeKey, ip, now)
			reqs[0] = infoReq
			reqs[1] = binary.LittleEndian.AppendUint32(append(reqs[1][:0], 0xFF, 0xFF, 0xFF, 0xFF, 'U'), c)
			reqs[2] = binary.LittleEndian.AppendUint32(append(reqs[2][:0], 0xFF, 0xFF, 0xFF, 0xFF, 'V'), c)
			reqs[3] = binary.LittleEndian.AppendUint32(append(reqs[3][:0], 0xFF, 0xFF, 0xFF, 0xFF, 'U'), noChallenge)
			reqs[4] = append(reqs[4][:0], 0xFF, 0xFF, 0xFF, 0xFF, 'W', byte(i))
			require.True(t, b.HandleIncomingPacket(reqs[i%5], ip, uint16(i)))
			for {
				n, _, _ := b.NextOutgoingPacket(buf)
				if n == 0 {
					break
				}
				answers++
			}
			if i%1000 == 0 {
				st.MapName = "map_" + string(rune('a'+i/1000%26))
				b.Apply(steam.FieldMapName, &st)
				now = now.Add(time.Second)
			}
		}
		return answers
	}
	round(100_000, 0) // warm up: pools, the rate limiter's table, the snapshot caches
	before := heapInuse()
	answers := round(queries, 100_000)
	after := heapInuse()
	// INFO 1, PLAYER 1, RULES 2 fragments, challenge 1, garbage 0: 5 datagrams per 5 queries.
	require.Equal(t, queries, answers, "datagrams sent")
	checkGrowth(t, "a million A2S queries", before, after, queries)
}

// TestSoakAuthSessions runs 100,000 auth sessions through the backend: a ticket issued, begun, the
// verdict drained, the licence read, the session ended; the clock moves 100 ms per session, so
// tickets (10 s lifetime here) expire and the per-second frame work prunes the registry and the
// realm's journal of replays, as a long-running server's would.
func TestSoakAuthSessions(t *testing.T) {
	const sessions = 100_000
	now := t0
	events := steam.NewEventQueue(0)
	b := New(Options{Realm: testRealm(t), Data: NewData(), Clock: func() time.Time { return now }, TicketLifetime: 10 * time.Second})
	st := steam.State{Init: shared}
	require.NoError(t, b.Init(shared, &st, events))
	round := func(n, from int) {
		for i := from; i < from+n; i++ {
			id := steam.NewSteamID(steam.UniversePublic, steam.AccountTypeIndividual, 1, uint32(1000+i%5000))
			raw := b.IssueTicket(id).Bytes
			require.Equal(t, steam.BeginAuthSessionOK, b.BeginAuthSession(raw, id))
			got := 0
			events.Drain(func(ev steam.Event) {
				v := ev.(steam.ValidateAuthTicketResponse)
				require.Equal(t, steam.AuthSessionOK, v.Response)
				got++
			})
			require.Equal(t, 1, got)
			require.Equal(t, steam.UserHasLicense, b.UserHasLicenseForApp(id, 480))
			b.EndAuthSession(id)
			now = now.Add(100 * time.Millisecond)
			b.RunFrame()
		}
	}
	round(10_000, 0)
	before := heapInuse()
	round(sessions, 10_000)
	after := heapInuse()
	b.mu.Lock()
	issued, sessionsLeft := len(b.auth.issued), len(b.auth.sessions)
	b.mu.Unlock()
	require.Zero(t, sessionsLeft, "every session was ended")
	require.Less(t, issued, 1000, "expired tickets are forgotten")
	checkGrowth(t, "100,000 auth sessions", before, after, sessions)
}
