package steam

// The shapes of the networking front's methods, once: check the arguments, call the backend under
// the front's lock, and report a handle that names nothing as an error beside the safe value.

// netGet calls fn, which has no argument to check.
func netGet[T any](s *Server, safe T, fn func(NetworkingBackend) T) (T, error) {
	r := safe
	err := s.network(func(b NetworkingBackend) { r = fn(b) })
	return r, err
}

// handleCall checks a handle argument and calls fn with it; fn's known false means the handle
// names nothing, which unknown turns into the error.
func handleCall[T any](s *Server, arg string, v int64, safe T, unknown func(uint32) error, fn func(b NetworkingBackend, h uint32) (T, bool)) (T, error) {
	h, err := checkHandle(arg, v)
	if err != nil {
		return safe, err
	}
	r, known := safe, true
	if err := s.network(func(b NetworkingBackend) { r, known = fn(b, h) }); err != nil {
		return safe, err
	}
	if !known {
		return r, unknown(h)
	}
	return r, nil
}

// connCall is handleCall for a connection handle.
func connCall[T any](s *Server, arg string, v int64, safe T, fn func(b NetworkingBackend, c NetConnection) (T, bool)) (T, error) {
	return handleCall(s, arg, v, safe, errUnknownConnection, func(b NetworkingBackend, h uint32) (T, bool) {
		return fn(b, NetConnection(h))
	})
}

// portCall checks a virtual port, a remote Steam ID (when remote is not nil) and the options of a
// create or connect call at scope, then calls fn.
func portCall[T any](s *Server, virtualPort int64, remote *SteamID, opts []ConfigOption, scope NetConfigScope, fn func(NetworkingBackend, int32) T) (T, error) {
	var zero T
	port, err := checkVirtualPort("virtual_port", virtualPort)
	if err != nil {
		return zero, err
	}
	if remote != nil {
		if err := checkRemote("remote_steam_id", *remote); err != nil {
			return zero, err
		}
	}
	if err := checkOptions(opts, scope); err != nil {
		return zero, err
	}
	return netGet(s, zero, func(b NetworkingBackend) T { return fn(b, port) })
}

// remoteCall checks a remote Steam ID and calls fn.
func remoteCall[T any](s *Server, remote SteamID, safe T, fn func(NetworkingBackend) T) (T, error) {
	if err := checkRemote("remote_steam_id", remote); err != nil {
		return safe, err
	}
	return netGet(s, safe, fn)
}

// countKnown reads a receive call's count: a negative one means the handle names nothing.
func countKnown(n int) (int, bool) { return max(n, 0), n >= 0 }
