package steam

// ISteamNetworkingSockets, part two: sending, receiving, poll groups, and what a connection reports.

import "math"

// SendMessageToConnection sends data with the NETWORKING_SEND_* flags; it returns Steam's result
// and the message's number (its lane's sequence, from 1).
func (s *Server) SendMessageToConnection(conn int64, data []byte, flags int64) (r Result, number int64, err error) {
	h, err := checkHandle("connection_handle", conn)
	if err != nil {
		return ResultInvalidParam, 0, err
	}
	f, err := checkSendFlags(flags)
	if err != nil {
		return ResultInvalidParam, 0, err
	}
	if err := checkMessage(data); err != nil {
		return ResultInvalidParam, 0, err
	}
	err = s.network(func(b NetworkingBackend) { r, number = b.SendMessageToConnection(NetConnection(h), data, f) })
	if err == nil && r == ResultInvalidParam {
		err = errUnknownConnection(h)
	}
	return r, number, err
}

// SendMessages sends several messages, each on its connection and lane: results[i] is the
// message's number, or minus the Result that refused it. The messages are checked first; one bad
// message refuses the whole call.
func (s *Server) SendMessages(msgs []OutgoingMessage) (results []int64, err error) {
	if len(msgs) > MaxReceiveBatch {
		return nil, argErrorf("messages", "holds %d messages: at most %d per call", len(msgs), MaxReceiveBatch)
	}
	for _, m := range msgs {
		if m.Conn == 0 {
			return nil, argErrorf("messages", "names connection 0 (k_HSteamNetConnection_Invalid)")
		}
		if _, err := checkSendFlags(int64(m.Flags)); err != nil {
			return nil, err
		}
		if err := checkMessage(m.Data); err != nil {
			return nil, err
		}
	}
	results = make([]int64, len(msgs))
	err = s.network(func(b NetworkingBackend) { b.SendMessages(msgs, results) })
	return results, err
}

// FlushMessagesOnConnection sends what waits for Nagle's timer now.
func (s *Server) FlushMessagesOnConnection(conn int64) (r Result, err error) {
	h, err := checkHandle("connection_handle", conn)
	if err != nil {
		return ResultInvalidParam, err
	}
	err = s.network(func(b NetworkingBackend) { r = b.FlushMessagesOnConnection(NetConnection(h)) })
	if err == nil && r == ResultInvalidParam {
		err = errUnknownConnection(h)
	}
	return r, err
}

// ReceiveMessagesOnConnection releases batch, then fills it with up to maxMessages messages of the
// connection, in order; it returns how many.
func (s *Server) ReceiveMessagesOnConnection(conn int64, maxMessages int64, batch *MessageBatch) (n int, err error) {
	batch.Release()
	h, err := checkHandle("connection", conn)
	if err != nil {
		return 0, err
	}
	max, err := checkMaxMessages(maxMessages)
	if err != nil {
		return 0, err
	}
	err = s.network(func(b NetworkingBackend) { n = b.ReceiveMessagesOnConnection(NetConnection(h), max, batch) })
	if err == nil && n < 0 {
		return 0, errUnknownConnection(h)
	}
	return n, err
}

// CreatePollGroup makes an empty poll group.
func (s *Server) CreatePollGroup() (g PollGroup, err error) {
	err = s.network(func(b NetworkingBackend) { g = b.CreatePollGroup() })
	return g, err
}

func (s *Server) DestroyPollGroup(group int64) (ok bool, err error) {
	h, err := checkHandle("poll_group", group)
	if err != nil {
		return false, err
	}
	err = s.network(func(b NetworkingBackend) { ok = b.DestroyPollGroup(PollGroup(h)) })
	if err == nil && !ok {
		err = errUnknownPollGroup(h)
	}
	return ok, err
}

// SetConnectionPollGroup moves a connection into a poll group; group 0 takes it out of its group.
func (s *Server) SetConnectionPollGroup(conn, group int64) (ok bool, err error) {
	h, err := checkHandle("connection_handle", conn)
	if err != nil {
		return false, err
	}
	var g uint32
	if group != 0 {
		if g, err = checkHandle("poll_group", group); err != nil {
			return false, err
		}
	}
	err = s.network(func(b NetworkingBackend) { ok = b.SetConnectionPollGroup(NetConnection(h), PollGroup(g)) })
	if err == nil && !ok {
		err = errUnknownConnection(h)
		if g != 0 {
			err = errUnknownConnectionOrGroup(h, g)
		}
	}
	return ok, err
}

func errUnknownConnectionOrGroup(conn, group uint32) error {
	return argErrorf("connection_handle", "%d or poll_group %d is not open here", conn, group)
}

// ReceiveMessagesOnPollGroup is ReceiveMessagesOnConnection over every connection of the group.
func (s *Server) ReceiveMessagesOnPollGroup(group int64, maxMessages int64, batch *MessageBatch) (n int, err error) {
	batch.Release()
	h, err := checkHandle("poll_group", group)
	if err != nil {
		return 0, err
	}
	max, err := checkMaxMessages(maxMessages)
	if err != nil {
		return 0, err
	}
	err = s.network(func(b NetworkingBackend) { n = b.ReceiveMessagesOnPollGroup(PollGroup(h), max, batch) })
	if err == nil && n < 0 {
		return 0, errUnknownPollGroup(h)
	}
	return n, err
}

// GetConnectionInfo is what the connection's status callback reports, now.
func (s *Server) GetConnectionInfo(conn int64) (info ConnectionInfo, err error) {
	h, err := checkHandle("connection_handle", conn)
	if err != nil {
		return info, err
	}
	var ok bool
	err = s.network(func(b NetworkingBackend) { info, ok = b.GetConnectionInfo(NetConnection(h)) })
	if err == nil && !ok {
		err = errUnknownConnection(h)
	}
	return info, err
}

// GetConnectionRealTimeStatus reports the connection's status and that of its first lanes lanes.
func (s *Server) GetConnectionRealTimeStatus(conn int64, lanes int64) (st ConnectionStatus, ls []LaneStatus, r Result, err error) {
	h, err := checkHandle("connection", conn)
	if err != nil {
		return st, nil, ResultInvalidParam, err
	}
	if lanes < 0 || lanes > MaxLanes {
		return st, nil, ResultInvalidParam, argErrorf("lanes", "must be between 0 and %d, got %d", MaxLanes, lanes)
	}
	ls = make([]LaneStatus, lanes)
	err = s.network(func(b NetworkingBackend) { st, r = b.GetConnectionRealTimeStatus(NetConnection(h), ls) })
	switch {
	case err != nil:
	case r == ResultNoConnection:
		err = errUnknownConnection(h)
	case r == ResultInvalidParam:
		err = argErrorf("lanes", "is %d, more than the connection has (configureConnectionLanes)", lanes)
	}
	return st, ls, r, err
}

// GetDetailedConnectionStatus is a text for logs; the int is the flat call's (0, or -1 for an unknown handle).
func (s *Server) GetDetailedConnectionStatus(conn int64) (text string, code int, err error) {
	h, err := checkHandle("connection_handle", conn)
	if err != nil {
		return "", -1, err
	}
	err = s.network(func(b NetworkingBackend) { text, code = b.GetDetailedConnectionStatus(NetConnection(h)) })
	if err == nil && code < 0 {
		err = errUnknownConnection(h)
	}
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
	pr := make([]int32, lanes)
	wt := make([]uint16, lanes)
	for i := range wt {
		wt[i] = 1
	}
	for _, arg := range [2]struct {
		name string
		v    []int64
	}{{"priorities", priorities}, {"weights", weights}} {
		if len(arg.v) != 0 && int64(len(arg.v)) != lanes {
			return ResultInvalidParam, argErrorf(arg.name, "holds %d values for %d lanes (give one per lane, or none)", len(arg.v), lanes)
		}
	}
	for i, p := range priorities {
		if p < math.MinInt32 || p > math.MaxInt32 {
			return ResultInvalidParam, argErrorf("priorities", "[%d] must fit in 32 bits, got %d", i, p)
		}
		pr[i] = int32(p)
	}
	for i, w := range weights {
		if w < 1 || w > math.MaxUint16 {
			return ResultInvalidParam, argErrorf("weights", "[%d] must be between 1 and 65535, got %d", i, w)
		}
		wt[i] = uint16(w)
	}
	err = s.network(func(b NetworkingBackend) { r = b.ConfigureConnectionLanes(NetConnection(h), pr, wt) })
	switch {
	case err != nil:
	case r == ResultNoConnection:
		err = errUnknownConnection(h)
	case r == ResultInvalidParam:
		err = argErrorf("lanes", "is %d: a connection's lanes can only grow", lanes)
	}
	return r, err
}

func (s *Server) SetConnectionUserData(conn int64, data int64) (ok bool, err error) {
	h, err := checkHandle("peer", conn)
	if err != nil {
		return false, err
	}
	err = s.network(func(b NetworkingBackend) { ok = b.SetConnectionUserData(NetConnection(h), data) })
	if err == nil && !ok {
		err = errUnknownConnection(h)
	}
	return ok, err
}

// GetConnectionUserData is -1 for an unknown handle, as with Steam (and an error).
func (s *Server) GetConnectionUserData(conn int64) (data int64, err error) {
	h, err := checkHandle("peer", conn)
	if err != nil {
		return -1, err
	}
	data = -1
	var known bool
	err = s.network(func(b NetworkingBackend) {
		data = b.GetConnectionUserData(NetConnection(h))
		_, known = b.GetConnectionName(NetConnection(h))
	})
	if err == nil && !known {
		err = errUnknownConnection(h)
	}
	return data, err
}

func (s *Server) SetConnectionName(conn int64, name string) error {
	h, err := checkHandle("peer", conn)
	if err != nil {
		return err
	}
	if err := checkLen("name", name, MaxConnectionNameLen); err != nil {
		return err
	}
	var known bool
	err = s.network(func(b NetworkingBackend) {
		if _, known = b.GetConnectionName(NetConnection(h)); known {
			b.SetConnectionName(NetConnection(h), name)
		}
	})
	if err == nil && !known {
		err = errUnknownConnection(h)
	}
	return err
}

func (s *Server) GetConnectionName(conn int64) (name string, err error) {
	h, err := checkHandle("peer", conn)
	if err != nil {
		return "", err
	}
	var ok bool
	err = s.network(func(b NetworkingBackend) { name, ok = b.GetConnectionName(NetConnection(h)) })
	if err == nil && !ok {
		err = errUnknownConnection(h)
	}
	return name, err
}
