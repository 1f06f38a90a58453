package steam

// Observers of the event queue: a part of the extension that must see some callbacks whether or not
// the game calls run_callbacks (the multiplayer peer watching its own connections' status) tees
// them off at Push, and the queue still delivers every event to run_callbacks, as Steam broadcasts
// each callback to every listener.

type observer struct{ fn func(Event) }

// Observe calls fn with every event pushed from now on, on the pushing goroutine (a backend's own,
// or the main thread) with the queue locked: fn must only record what it needs (under a lock of
// its own) and return, never call the Server or the queue. The returned stop ends the observation;
// it may be called more than once.
func (q *EventQueue) Observe(fn func(Event)) (stop func()) {
	o := &observer{fn}
	q.mu.Lock()
	q.observers = append(q.observers[:len(q.observers):len(q.observers)], o)
	q.mu.Unlock()
	return func() {
		q.mu.Lock()
		defer q.mu.Unlock()
		kept := make([]*observer, 0, len(q.observers))
		for _, other := range q.observers {
			if other != o {
				kept = append(kept, other)
			}
		}
		q.observers = kept
	}
}

// ObserveConnectionStatus calls fn with every ConnectionStatusChanged the backend reports, as
// Observe does (same rules for fn). run_callbacks still emits network_connection_status_changed for
// each.
func (s *Server) ObserveConnectionStatus(fn func(ConnectionStatusChanged)) (stop func()) {
	return s.events.Observe(func(ev Event) {
		if c, ok := ev.(ConnectionStatusChanged); ok {
			fn(c)
		}
	})
}
