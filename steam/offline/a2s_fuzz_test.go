package offline

import (
	"bytes"
	"encoding/binary"
	"testing"
	"time"

	"github.com/gosteam/godot-steam-server/steam"
)

// FuzzA2S feeds arbitrary datagrams to the handler in both challenge modes, over a state whose rules
// need a split reply, and checks what comes back: nothing for a datagram the filter refuses; else
// well-formed replies that decode completely (split fragments reassembled); and, with the INFO
// challenge required, never more bytes than the request to a source that did not send its challenge.
//
//	go test -run '^$' -fuzz FuzzA2S -fuzztime 30s ./steam/offline/
func FuzzA2S(f *testing.F) {
	now := t0
	key := challengeKey
	c := currentChallenge(key, testIP, now)
	for _, seed := range [][]byte{
		infoReq, withChallenge(infoReq, c), withChallenge(infoReq, c^1), playerReq(noChallenge), playerReq(c),
		rulesReq(c), rulesReq(noChallenge), append(rulesReq(c), 0), {0xFF, 0xFF, 0xFF, 0xFF, 'W'},
		{0xFE, 0xFF, 0xFF, 0xFF, 'T'}, {0xFF, 0xFF, 0xFF, 0xFF}, {}, infoReq[:24],
	} {
		f.Add(seed, false)
		f.Add(seed, true)
	}
	st := demoState()
	st.KeyValues = bigRules(120)
	players := []queryPlayer{{name: "Alice", score: -7, connected: t0.Add(-time.Hour)}, {name: "Bot", bot: true}}
	snap := snapshotOf(st, serverID, true, 480, players...)
	handlers := map[bool]*a2sHandler{
		false: handlerAt(&now, nil),
		true:  handlerAt(&now, func(c *queryConfig) { c.requireInfoChallenge = true; c.rateLimit = 1 << 30 }),
	}
	f.Fuzz(func(t *testing.T, req []byte, challenged bool) {
		h := handlers[challenged]
		var out collect
		h.handle(req, testIP, snap, &out)
		if !acceptQuery(req) {
			if len(out.dgrams) != 0 {
				t.Fatalf("answered a datagram the filter refuses: % x", req)
			}
			return
		}
		if len(out.dgrams) == 0 {
			t.Fatalf("no reply to an accepted request % x", req)
		}
		reply, err := reassemble(out.dgrams)
		if err != nil {
			t.Fatalf("reply to % x: %v", req, err)
		}
		switch reply[4] {
		case 'I':
			_, err = decodeInfo(reply)
		case 'D':
			_, err = decodePlayers(reply)
		case 'E':
			_, err = decodeRules(reply)
		case 'A':
			var got uint32
			got, err = decodeChallenge(reply)
			if err == nil && got != c {
				t.Fatalf("challenge %08x, want %08x", got, c)
			}
		default:
			t.Fatalf("reply type %q to % x", reply[4], req)
		}
		if err != nil {
			t.Fatalf("reply to % x does not decode: %v", req, err)
		}
		// A source proves its address by sending its challenge where the request type carries it.
		at := 5
		if req[4] == a2sInfo {
			at = infoRequestLen
		}
		proved := len(req) >= at+4 && validChallenge(key, testIP, now, binary.LittleEndian.Uint32(req[at:]))
		sent := 0
		for _, d := range out.dgrams {
			sent += len(d)
		}
		if (challenged || req[4] != a2sInfo) && !proved {
			if sent > len(req) {
				t.Fatalf("%d bytes sent to an unproven source that sent %d: % x", sent, len(req), req)
			}
			if !bytes.Equal(reply[:5], []byte{0xFF, 0xFF, 0xFF, 0xFF, 'A'}) {
				t.Fatalf("data sent to an unproven source: % x", req)
			}
		}
	})
}

// ---- benchmarks (figures only) --------------------------------------------------------------------

type discard struct{ n int }

func (d *discard) reserve(int) bool { return true }
func (d *discard) send(b []byte)    { d.n += len(b) }

func benchHandler(b *testing.B, require bool, st steam.State, req []byte) {
	now := t0
	h := handlerAt(&now, func(c *queryConfig) { c.requireInfoChallenge = require })
	snap := snapshotOf(st, serverID, false, 480)
	var sink discard
	h.handle(req, testIP, snap, &sink) // warm the snapshot's cache
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		h.handle(req, testIP, snap, &sink)
	}
	b.ReportMetric(float64(sink.n)/float64(b.N+1), "bytes/answer")
}

// BenchmarkA2SInfo: one A2S_INFO answered per op, no challenge (Steamworks' default).
func BenchmarkA2SInfo(b *testing.B) { benchHandler(b, false, demoState(), infoReq) }

// BenchmarkA2SInfoChallenged: A2S_INFO carrying a valid challenge (the SipHash check included).
func BenchmarkA2SInfoChallenged(b *testing.B) {
	benchHandler(b, true, demoState(), withChallenge(infoReq, currentChallenge(challengeKey, testIP, t0)))
}

// BenchmarkA2SChallenge: an unproven A2S_INFO answered with S2C_CHALLENGE.
func BenchmarkA2SChallenge(b *testing.B) { benchHandler(b, true, demoState(), infoReq) }

// BenchmarkA2SRulesSplit: 120 rules, 4 KB in 4 fragments per op.
func BenchmarkA2SRulesSplit(b *testing.B) {
	st := demoState()
	st.KeyValues = bigRules(120)
	benchHandler(b, false, st, rulesReq(currentChallenge(challengeKey, testIP, t0)))
}

// BenchmarkA2SDropGarbage: a datagram the filter refuses.
func BenchmarkA2SDropGarbage(b *testing.B) {
	benchHandler(b, false, demoState(), []byte{0xFF, 0xFF, 0xFF, 0xFF, 'T', 'x', 'x'})
}
