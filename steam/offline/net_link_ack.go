package offline

// Acknowledgements on the sending side of a link (see net_link.go): what an ack frees, the RTT
// samples, the congestion window, and finding lost segments, by the acks (fast retransmit) or by
// the clock (retransmission timeout).

// applyAck applies an acknowledgement: frees what it covers, samples the RTT, grows the window and
// detects losses.
func (l *netLink) applyAck(a *ackFrame, now int64) {
	next := widen(l.sndUna, a.next)
	if next < l.sndUna || next > l.sndNxt {
		return // stale or nonsense
	}
	newest, acked := int64(0), 0
	for seq := l.sndUna; seq < next; seq++ {
		if l.ackSeq(seq) {
			newest, acked = seq, acked+1
		}
	}
	cursor := next
	for _, r := range a.ranges[:a.n] {
		start := cursor + int64(r[0])
		end := min(start+int64(r[1]), l.sndNxt)
		for seq := max(start, l.sndUna); seq < end; seq++ {
			if l.ackSeq(seq) {
				newest, acked = max(newest, seq), acked+1
			}
		}
		cursor = end
	}
	if acked > 0 {
		if f := &l.ring[newest&flightMask]; f.sends == 1 {
			l.rttSample(now - f.sentAt - int64(a.delay))
		}
		l.backoff = 1
		if l.cwnd < l.ssthresh {
			l.cwnd += float64(acked)
		} else {
			l.cwnd += float64(acked) / l.cwnd
		}
		l.cwnd = min(l.cwnd, flightWindow)
		l.detectLoss(newest, now)
	}
	for l.sndUna < l.sndNxt && l.ring[l.sndUna&flightMask].acked {
		l.ring[l.sndUna&flightMask] = flight{}
		l.sndUna++
	}
	if l.sndUna == l.sndNxt {
		l.rtoAt = 0
	}
}

// armRTO makes sure a retransmission check is planned for a segment sent now.
func (l *netLink) armRTO(now int64) {
	if t := now + min(l.rto*l.backoff, maxRTO); l.rtoAt == 0 || t < l.rtoAt {
		l.rtoAt = t
	}
}

func (l *netLink) ackSeq(seq int64) bool {
	f := &l.ring[seq&flightMask]
	if f.acked || f.msg == nil {
		return false
	}
	f.acked = true
	l.unacked -= int(f.n)
	l.lanes[f.msg.lane].unackedRel -= int(f.n)
	l.unref(f.msg)
	f.msg = nil
	return true
}

// detectLoss marks as lost the segments sent before newest that would have been acknowledged by
// now had they arrived (as QUIC does): three or more below it, or sent more than 9/8 of an RTT
// ago (at least a millisecond, as datagrams on loopback are reordered by scheduling alone).
func (l *netLink) detectLoss(newest, now int64) {
	newestSent := l.ring[newest&flightMask].sentAt
	late := max(l.srtt*9/8, 1000)
	lost := false
	for seq := l.sndUna; seq < newest; seq++ {
		f := &l.ring[seq&flightMask]
		if f.acked || f.queued || f.msg == nil || f.sentAt > newestSent {
			continue
		}
		if newest-seq < 3 && now-f.sentAt < late {
			continue
		}
		f.queued = true
		l.retx = append(l.retx, seq)
		lost = true
	}
	if lost && newest >= l.recoverTo {
		l.ssthresh = max(l.cwnd/2, minCwnd)
		l.cwnd = l.ssthresh
		l.recoverTo = l.sndNxt
	}
}

// checkRetransmit queues the segments whose timeout passed and returns the next timeout (0: none).
func (l *netLink) checkRetransmit(now int64) int64 {
	if l.rtoAt == 0 || now < l.rtoAt {
		return l.rtoAt
	}
	rto := min(l.rto*l.backoff, maxRTO)
	next, fired := int64(0), false
	for seq := l.sndUna; seq < l.sndNxt; seq++ {
		f := &l.ring[seq&flightMask]
		if f.acked || f.msg == nil || f.queued {
			continue
		}
		if due := f.sentAt + rto; due <= now {
			f.queued = true
			l.retx = append(l.retx, seq)
			fired = true
		} else if next == 0 || due < next {
			next = due
		}
	}
	if fired {
		// A timeout here is more often a lost datagram than a full queue (loopback, LAN): the
		// window is halved, not closed, and once per round trip of losses.
		if l.sndUna >= l.recoverTo {
			l.ssthresh = max(l.cwnd/2, minCwnd)
			l.cwnd = l.ssthresh
			l.recoverTo = l.sndNxt
		}
		l.backoff = min(l.backoff*2, 64)
	}
	l.rtoAt = next
	return next
}

// wake is when the link next has timed work: the service loop is asked for it after each event.
func (l *netLink) wake(now int64) int64 {
	t := max(l.lastRecv, l.pingSentAt) + l.cfg.keepalive
	if l.ackPending {
		t = min(t, l.ackSince+ackDelayMax)
	}
	if l.nagleAt > 0 {
		t = min(t, l.nagleAt)
	}
	if l.rtoAt > 0 {
		t = min(t, l.rtoAt)
	}
	if len(l.retx) > 0 {
		t = now
	}
	return t
}
