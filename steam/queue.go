package steam

import "sync"

// EventQueue is a FIFO of events that any goroutine may push and the main thread drains.
// Draining swaps two buffers, so a steady stream of events allocates nothing.
type EventQueue struct {
	mu      sync.Mutex
	pending []Event
	spare   []Event
	limit   int
	dropped uint64
	notify  func()
	// observers see every event as it is pushed (see Observe); copied on change, so Push reads it
	// without allocating.
	observers []*observer
}

// OnPush sets a function called (with the queue locked, so it must not use the queue) each time
// an event is queued; the extension uses it to know run_callbacks has work.
func (q *EventQueue) OnPush(fn func()) {
	q.mu.Lock()
	q.notify = fn
	q.mu.Unlock()
}

// DefaultQueueLimit bounds memory if a game stops calling run_callbacks.
const DefaultQueueLimit = 1 << 16

func NewEventQueue(limit int) *EventQueue {
	if limit <= 0 {
		limit = DefaultQueueLimit
	}
	return &EventQueue{limit: limit}
}

// Push hands ev to every observer, then appends it; when the queue is full the event is counted as
// dropped instead (observers still saw it).
func (q *EventQueue) Push(ev Event) {
	q.mu.Lock()
	for _, o := range q.observers {
		o.fn(ev)
	}
	if len(q.pending) >= q.limit {
		q.dropped++
	} else {
		q.pending = append(q.pending, ev)
		if q.notify != nil {
			q.notify()
		}
	}
	q.mu.Unlock()
}

// Drain hands every queued event to fn in order. Events pushed by fn itself wait for the next Drain,
// so a handler that triggers a callback cannot loop forever inside one frame. fn may call Drain itself.
func (q *EventQueue) Drain(fn func(Event)) {
	q.mu.Lock()
	batch := q.pending
	q.pending = q.spare[:0]
	q.spare = nil // pending owns it now; a nested Drain must not hand it out again
	q.mu.Unlock()
	if len(batch) == 0 {
		q.mu.Lock()
		q.spare = batch
		q.mu.Unlock()
		return
	}
	for i, ev := range batch {
		fn(ev)
		batch[i] = nil
	}
	q.mu.Lock()
	q.spare = batch[:0]
	q.mu.Unlock()
}

// Clear drops every waiting event: a server that shut down delivers nothing more, as with Steam.
func (q *EventQueue) Clear() {
	q.mu.Lock()
	clear(q.pending)
	q.pending = q.pending[:0]
	q.mu.Unlock()
}

// Len reports how many events wait.
func (q *EventQueue) Len() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.pending)
}

// Dropped reports how many events were refused because the queue was full.
func (q *EventQueue) Dropped() uint64 {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.dropped
}
