package offline

// What a link counts, for getConnectionRealTimeStatus and the detailed status text: datagrams and
// bytes each way, with the rates of the last whole second, and the local connection quality (the
// share of the peer's datagrams that arrived, from the gaps in their packet numbers).

const statsWindow = 1_000_000 // µs

type linkStats struct {
	pktsOut, bytesOut, pktsIn, bytesIn uint64
	retransmits, unreliableDropped     uint64

	winStart                  int64
	winOut, winOutB           uint64
	winIn, winInB             uint64
	rateOut, rateOutB         float32
	rateIn, rateInB           float32
	highPkt                   int64 // the highest packet number heard (widened)
	winFirstPkt, winPktsHeard int64
	quality                   float32
}

func (s *linkStats) roll(now int64) {
	if s.winStart == 0 {
		s.winStart, s.quality = now, 1
		return
	}
	elapsed := now - s.winStart
	if elapsed < statsWindow {
		return
	}
	sec := float32(elapsed) / statsWindow
	s.rateOut, s.rateOutB = float32(s.winOut)/sec, float32(s.winOutB)/sec
	s.rateIn, s.rateInB = float32(s.winIn)/sec, float32(s.winInB)/sec
	if expected := s.highPkt - s.winFirstPkt + 1; s.winPktsHeard > 0 && expected > 0 {
		s.quality = min(float32(s.winPktsHeard)/float32(expected), 1)
	}
	s.winOut, s.winOutB, s.winIn, s.winInB = 0, 0, 0, 0
	s.winFirstPkt, s.winPktsHeard = s.highPkt+1, 0
	s.winStart = now
}

func (s *linkStats) sent(n int, now int64) {
	s.count(n, now, &s.pktsOut, &s.bytesOut, &s.winOut, &s.winOutB)
}
func (s *linkStats) received(n int, now int64) {
	s.count(n, now, &s.pktsIn, &s.bytesIn, &s.winIn, &s.winInB)
}

func (s *linkStats) count(n int, now int64, pkts, bytes, winPkts, winBytes *uint64) {
	s.roll(now)
	*pkts++
	*bytes += uint64(n)
	*winPkts++
	*winBytes += uint64(n)
}

// heardPacket records a data datagram's packet number.
func (s *linkStats) heardPacket(low uint32) {
	n := widen(max(s.highPkt, 1), low)
	if s.winFirstPkt == 0 {
		s.winFirstPkt = n
	}
	s.highPkt = max(s.highPkt, n)
	s.winPktsHeard++
}
