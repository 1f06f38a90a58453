package steam

// ISteamNetworkingSockets, part two: sending, receiving, poll groups, and what a connection reports.

import "math"

// SendMessageToConnection sends data with the NETWORKING_SEND_* flags; it returns Steam's result
// and the message's number (its lane's sequence, from 1).
func (s *Server) SendMessageToConnection(conn int64, data []byte, flags int64) (Result, int64, error) {
	f, err := checkSendFlags(flags)
	if err != nil {
		return ResultInvalidParam, 0, err
	}
	if err := checkMessage(data); err != nil {
		return ResultInvalidParam, 0, err
	}
	var number int64
	r, err := connCall(s, "connection_handle", conn, ResultInvalidParam, func(b NetworkingBackend, c NetConnection) (Result, bool) {
		var r Result
		r, number = b.SendMessageToConnection(c, data, f)
		return r, r != ResultInvalidParam
	})
	return r, number, err
}

// SendMessages sends several messages, each on its connection and lane: results[i] is the
// message's number, or minus the Result that refused it. The messages are checked first; one bad
// message refuses the whole call.
func (s *Server) SendMessages(msgs []OutgoingMessage) (results []int64, err error) {
	if err := checkSendBatch(len(msgs)); err != nil {
		return nil, err
	}
	results = make([]int64, len(msgs))
	if err := s.SendMessagesInto(msgs, results); err != nil {
		return nil, err
	}
	return results, nil
}

// SendMessagesInto is SendMessages writing into results (at least len(msgs) long), which the
// caller keeps: the multiplayer peer sends every packet through it without allocating.
func (s *Server) SendMessagesInto(msgs []OutgoingMessage, results []int64) error {
	if err := checkSendBatch(len(msgs)); err != nil {
		return err
	}
	if len(results) < len(msgs) {
		return argErrorf("results", "holds %d numbers for %d messages", len(results), len(msgs))
	}
	for _, m := range msgs {
		if m.Conn == 0 {
			return argErrorf("messages", "names connection 0 (k_HSteamNetConnection_Invalid)")
		}
		if _, err := checkSendFlags(int64(m.Flags)); err != nil {
			return err
		}
		if err := checkMessage(m.Data); err != nil {
			return err
		}
	}
	results = results[:len(msgs)]
	return s.network(func(b NetworkingBackend) { b.SendMessages(msgs, results) })
}

func checkSendBatch(n int) error {
	if n > MaxReceiveBatch {
		return argErrorf("messages", "holds %d messages: at most %d per call", n, MaxReceiveBatch)
	}
	return nil
}

// FlushMessagesOnConnection sends what waits for Nagle's timer now.
func (s *Server) FlushMessagesOnConnection(conn int64) (Result, error) {
	return connCall(s, "connection_handle", conn, ResultInvalidParam, func(b NetworkingBackend, c NetConnection) (Result, bool) {
		r := b.FlushMessagesOnConnection(c)
		return r, r != ResultInvalidParam
	})
}

// ReceiveMessagesOnConnection releases batch, then fills it with up to maxMessages messages of the
// connection, in order; it returns how many.
func (s *Server) ReceiveMessagesOnConnection(conn int64, maxMessages int64, batch *MessageBatch) (int, error) {
	batch.Release()
	max, err := checkMaxMessages(maxMessages)
	if err != nil {
		return 0, err
	}
	return connCall(s, "connection", conn, 0, func(b NetworkingBackend, c NetConnection) (int, bool) {
		return countKnown(b.ReceiveMessagesOnConnection(c, max, batch))
	})
}

// CreatePollGroup makes an empty poll group.
func (s *Server) CreatePollGroup() (PollGroup, error) {
	return netGet(s, 0, NetworkingBackend.CreatePollGroup)
}

func (s *Server) DestroyPollGroup(group int64) (bool, error) {
	return handleCall(s, "poll_group", group, false, errUnknownPollGroup, func(b NetworkingBackend, h uint32) (bool, bool) {
		ok := b.DestroyPollGroup(PollGroup(h))
		return ok, ok
	})
}

// SetConnectionPollGroup moves a connection into a poll group; group 0 takes it out of its group.
func (s *Server) SetConnectionPollGroup(conn, group int64) (bool, error) {
	var g uint32
	if group != 0 {
		var err error
		if g, err = checkHandle("poll_group", group); err != nil {
			return false, err
		}
	}
	unknown := errUnknownConnection
	if g != 0 {
		unknown = func(h uint32) error { return errUnknownConnectionOrGroup(h, g) }
	}
	return handleCall(s, "connection_handle", conn, false, unknown, func(b NetworkingBackend, h uint32) (bool, bool) {
		ok := b.SetConnectionPollGroup(NetConnection(h), PollGroup(g))
		return ok, ok
	})
}

func errUnknownConnectionOrGroup(conn, group uint32) error {
	return argErrorf("connection_handle", "%d or poll_group %d is not open here", conn, group)
}

// ReceiveMessagesOnPollGroup is ReceiveMessagesOnConnection over every connection of the group.
func (s *Server) ReceiveMessagesOnPollGroup(group int64, maxMessages int64, batch *MessageBatch) (int, error) {
	batch.Release()
	max, err := checkMaxMessages(maxMessages)
	if err != nil {
		return 0, err
	}
	return handleCall(s, "poll_group", group, 0, errUnknownPollGroup, func(b NetworkingBackend, h uint32) (int, bool) {
		return countKnown(b.ReceiveMessagesOnPollGroup(PollGroup(h), max, batch))
	})
}

// GetConnectionInfo is what the connection's status callback reports, now.
func (s *Server) GetConnectionInfo(conn int64) (ConnectionInfo, error) {
	return connCall(s, "connection_handle", conn, ConnectionInfo{}, NetworkingBackend.GetConnectionInfo)
}

// GetConnectionRealTimeStatus reports the connection's status and that of its first lanes lanes.
func (s *Server) GetConnectionRealTimeStatus(conn int64, lanes int64) (st ConnectionStatus, ls []LaneStatus, r Result, err error) {
	h, err := checkHandle("connection_handle", conn)
	if err != nil {
		return st, nil, ResultInvalidParam, err
	}
	if lanes < 0 || lanes > MaxLanes {
		return st, nil, ResultInvalidParam, argErrorf("lanes", "must be between 0 and %d, got %d", MaxLanes, lanes)
	}
	ls = make([]LaneStatus, lanes)
	r = ResultInvalidParam // what a refused call (before serverInit) answers
	err = s.network(func(b NetworkingBackend) { st, r = b.GetConnectionRealTimeStatus(NetConnection(h), ls) })
	return st, ls, r, laneResultError(err, r, h, argErrorf("lanes", "is %d, more than the connection has (configureConnectionLanes)", lanes))
}

// laneResultError turns the lane calls' refusals into errors: invalid is InvalidParam's.
func laneResultError(err error, r Result, h uint32, invalid error) error {
	switch {
	case err != nil:
		return err
	case r == ResultNoConnection:
		return errUnknownConnection(h)
	case r == ResultInvalidParam:
		return invalid
	}
	return nil
}

// GetDetailedConnectionStatus is a text for logs; the int is the flat call's (0, or -1 for an unknown handle).
func (s *Server) GetDetailedConnectionStatus(conn int64) (text string, code int, err error) {
	code = -1
	text, err = connCall(s, "connection_handle", conn, "", func(b NetworkingBackend, c NetConnection) (string, bool) {
		var t string
		t, code = b.GetDetailedConnectionStatus(c)
		return t, code >= 0
	})
	return text, code, err
}

// ConfigureConnectionLanes sets how many lanes a connection sends on, their priorities (lower
// first) and weights (shares among equal priorities, 1 to 65535). Empty priorities or weights mean
// all equal, as Steam's NULL.
func (s *Server) ConfigureConnectionLanes(conn int64, lanes int64, priorities, weights []int64) (r Result, err error) {
	h, err := checkHandle("connection", conn)
	if err != nil {
		return ResultInvalidParam, err
	}
	if lanes < 1 || lanes > MaxLanes {
		return ResultInvalidParam, argErrorf("lanes", "must be between 1 and %d, got %d", MaxLanes, lanes)
	}
	pr, wt, err := laneArgs(lanes, priorities, weights)
	if err != nil {
		return ResultInvalidParam, err
	}
	r = ResultInvalidParam // what a refused call (before serverInit) answers
	err = s.network(func(b NetworkingBackend) { r = b.ConfigureConnectionLanes(NetConnection(h), pr, wt) })
	return r, laneResultError(err, r, h, argErrorf("lanes", "is %d: a connection's lanes can only grow", lanes))
}

func laneArgs(lanes int64, priorities, weights []int64) ([]int32, []uint16, error) {
	for _, arg := range [2]struct {
		name string
		v    []int64
	}{{"priorities", priorities}, {"weights", weights}} {
		if len(arg.v) != 0 && int64(len(arg.v)) != lanes {
			return nil, nil, argErrorf(arg.name, "holds %d values for %d lanes (give one per lane, or none)", len(arg.v), lanes)
		}
	}
	pr, wt := make([]int32, lanes), make([]uint16, lanes)
	for i := range wt {
		wt[i] = 1
	}
	for i, p := range priorities {
		if p < math.MinInt32 || p > math.MaxInt32 {
			return nil, nil, argErrorf("priorities", "[%d] must fit in 32 bits, got %d", i, p)
		}
		pr[i] = int32(p)
	}
	for i, w := range weights {
		if w < 1 || w > math.MaxUint16 {
			return nil, nil, argErrorf("weights", "[%d] must be between 1 and 65535, got %d", i, w)
		}
		wt[i] = uint16(w)
	}
	return pr, wt, nil
}

func (s *Server) SetConnectionUserData(conn int64, data int64) (bool, error) {
	return connCall(s, "peer", conn, false, func(b NetworkingBackend, c NetConnection) (bool, bool) {
		ok := b.SetConnectionUserData(c, data)
		return ok, ok
	})
}

// GetConnectionUserData is -1 for an unknown handle, as with Steam (and an error).
func (s *Server) GetConnectionUserData(conn int64) (int64, error) {
	return connCall(s, "peer", conn, -1, func(b NetworkingBackend, c NetConnection) (int64, bool) {
		_, known := b.GetConnectionName(c)
		return b.GetConnectionUserData(c), known
	})
}

func (s *Server) SetConnectionName(conn int64, name string) error {
	if err := checkLen("name", name, MaxConnectionNameLen); err != nil {
		return err
	}
	_, err := connCall(s, "peer", conn, false, func(b NetworkingBackend, c NetConnection) (bool, bool) {
		_, known := b.GetConnectionName(c)
		if known {
			b.SetConnectionName(c, name)
		}
		return known, known
	})
	return err
}

func (s *Server) GetConnectionName(conn int64) (string, error) {
	return connCall(s, "peer", conn, "", NetworkingBackend.GetConnectionName)
}
