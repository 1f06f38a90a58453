package offline

import (
	"crypto/rand"
	"encoding/binary"
	"math/bits"
	"time"
)

// A2S challenges are stateless, as in Steam since December 2020: the value for a source address is a
// keyed hash (SipHash-2-4 under a random per-process key) of the IPv4 address and a coarse time
// window. Nothing is stored per client, so a flood of spoofed sources costs no memory. The value of
// the current window and of the one before are accepted, so a challenge lives 10 to 20 minutes; a
// client holding an older one is sent the current one, which differs from what it sent (gamedig
// ignores a repeated identical challenge). The same value is good for A2S_INFO, A2S_PLAYER and
// A2S_RULES, because gamedig and qstat reuse the INFO challenge for the other two.

// challengeWindow is how long one challenge value is handed out.
const challengeWindow = 10 * time.Minute

// challengeKey is the per-process secret: a restarted server hands out new challenges.
var challengeKey = func() (k [2]uint64) {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails on supported platforms
	k[0] = binary.LittleEndian.Uint64(b[:8])
	k[1] = binary.LittleEndian.Uint64(b[8:])
	return k
}()

// challengeFor is the challenge of ip in window w (both as on the wire). It is never 0xFFFFFFFF,
// which asks for a challenge, and never 0, which some clients treat as "none".
func challengeFor(key [2]uint64, ip uint32, w int64) uint32 {
	var msg [12]byte
	binary.LittleEndian.PutUint32(msg[:4], ip)
	binary.LittleEndian.PutUint64(msg[4:], uint64(w))
	c := uint32(sipHash24(key[0], key[1], msg[:]))
	switch c {
	case 0xFFFFFFFF:
		return 0xFFFFFFFE
	case 0:
		return 1
	}
	return c
}

func challengeWindowOf(now time.Time) int64 {
	return now.Unix() / int64(challengeWindow/time.Second)
}

// currentChallenge is the challenge to send ip now.
func currentChallenge(key [2]uint64, ip uint32, now time.Time) uint32 {
	return challengeFor(key, ip, challengeWindowOf(now))
}

// validChallenge reports whether got is ip's challenge of this window or the previous one.
func validChallenge(key [2]uint64, ip uint32, now time.Time, got uint32) bool {
	w := challengeWindowOf(now)
	return got == challengeFor(key, ip, w) || got == challengeFor(key, ip, w-1)
}

// sipHash24 is SipHash-2-4 (Aumasson and Bernstein) of msg under the key (k0, k1).
func sipHash24(k0, k1 uint64, msg []byte) uint64 {
	v0 := k0 ^ 0x736f6d6570736575
	v1 := k1 ^ 0x646f72616e646f6d
	v2 := k0 ^ 0x6c7967656e657261
	v3 := k1 ^ 0x7465646279746573
	n := len(msg)
	for len(msg) >= 8 {
		m := binary.LittleEndian.Uint64(msg)
		v3 ^= m
		v0, v1, v2, v3 = sipRound(v0, v1, v2, v3)
		v0, v1, v2, v3 = sipRound(v0, v1, v2, v3)
		v0 ^= m
		msg = msg[8:]
	}
	last := uint64(n) << 56
	for i, c := range msg {
		last |= uint64(c) << (8 * i)
	}
	v3 ^= last
	v0, v1, v2, v3 = sipRound(v0, v1, v2, v3)
	v0, v1, v2, v3 = sipRound(v0, v1, v2, v3)
	v0 ^= last
	v2 ^= 0xff
	v0, v1, v2, v3 = sipRound(v0, v1, v2, v3)
	v0, v1, v2, v3 = sipRound(v0, v1, v2, v3)
	v0, v1, v2, v3 = sipRound(v0, v1, v2, v3)
	v0, v1, v2, v3 = sipRound(v0, v1, v2, v3)
	return v0 ^ v1 ^ v2 ^ v3
}

func sipRound(v0, v1, v2, v3 uint64) (uint64, uint64, uint64, uint64) {
	v0 += v1
	v1 = bits.RotateLeft64(v1, 13)
	v1 ^= v0
	v0 = bits.RotateLeft64(v0, 32)
	v2 += v3
	v3 = bits.RotateLeft64(v3, 16)
	v3 ^= v2
	v0 += v3
	v3 = bits.RotateLeft64(v3, 21)
	v3 ^= v0
	v2 += v1
	v1 = bits.RotateLeft64(v1, 17)
	v1 ^= v2
	v2 = bits.RotateLeft64(v2, 32)
	return v0, v1, v2, v3
}
