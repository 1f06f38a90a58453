package steam

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ev is a distinguishable event for queue tests.
func ev(n int) Event { return AssociateClan{Result: Result(n)} }

func drainAll(q *EventQueue) []Event {
	var got []Event
	q.Drain(func(e Event) { got = append(got, e) })
	return got
}

func TestEventQueueOrder(t *testing.T) {
	q := NewEventQueue(0)
	assert.Empty(t, drainAll(q), "a new queue is empty")
	for round := 0; round < 3; round++ { // buffers are swapped and reused between rounds
		var want []Event
		for i := 0; i < 10+round; i++ {
			q.Push(ev(round*100 + i))
			want = append(want, ev(round*100+i))
		}
		assert.Equal(t, len(want), q.Len())
		assert.Equal(t, want, drainAll(q))
		assert.Zero(t, q.Len())
		assert.Empty(t, drainAll(q))
	}
}

func TestEventQueueDrainReentrancy(t *testing.T) {
	q := NewEventQueue(0)
	q.Push(ev(1))
	q.Push(ev(2))
	var first []Event
	q.Drain(func(e Event) {
		first = append(first, e)
		q.Push(ev(int(e.(AssociateClan).Result) + 10)) // a handler that triggers a callback
	})
	assert.Equal(t, []Event{ev(1), ev(2)}, first, "events pushed during Drain wait for the next one")
	assert.Equal(t, []Event{ev(11), ev(12)}, drainAll(q))
	assert.Empty(t, drainAll(q))
}

// A handler may itself call Drain (run_callbacks from a signal handler): nothing is lost, duplicated
// or reordered.
func TestEventQueueNestedDrain(t *testing.T) {
	q := NewEventQueue(0)
	// Warm the spare buffer so that the nested Drain has memory to reuse.
	for i := 0; i < 8; i++ {
		q.Push(ev(0))
	}
	drainAll(q)

	q.Push(ev(1))
	q.Push(ev(2))
	var got []Event
	var handler func(Event)
	handler = func(e Event) {
		got = append(got, e)
		switch e {
		case ev(1):
			q.Push(ev(3))
			q.Push(ev(4))
			q.Drain(handler) // delivers 3 and 4, which push 5 and 6
		case ev(3):
			q.Push(ev(5))
		case ev(4):
			q.Push(ev(6))
		}
	}
	q.Drain(handler)
	got = append(got, drainAll(q)...)
	assert.Equal(t, []Event{ev(1), ev(3), ev(4), ev(2), ev(5), ev(6)}, got)
}

func TestEventQueueLimit(t *testing.T) {
	q := NewEventQueue(3)
	for i := 0; i < 5; i++ {
		q.Push(ev(i))
	}
	assert.Equal(t, 3, q.Len())
	assert.Equal(t, uint64(2), q.Dropped())
	assert.Equal(t, []Event{ev(0), ev(1), ev(2)}, drainAll(q), "the oldest events are kept")
	q.Push(ev(9))
	assert.Equal(t, []Event{ev(9)}, drainAll(q), "room again after Drain")
	assert.Equal(t, uint64(2), q.Dropped(), "Dropped is cumulative")

	d := NewEventQueue(-1)
	assert.Equal(t, DefaultQueueLimit, d.limit, "a non-positive limit means the default")
}

func TestEventQueueConcurrentProducers(t *testing.T) {
	const producers, each = 4, 500
	q := NewEventQueue(producers * each)
	var wg sync.WaitGroup
	for p := 0; p < producers; p++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < each; i++ {
				q.Push(ClientKick{SteamID: SteamID(p), Reason: DenyReason(i)})
			}
		}()
	}
	next := make([]int, producers)
	check := func(e Event) {
		k := e.(ClientKick)
		p := int(k.SteamID)
		require.Equal(t, next[p], int(k.Reason), "producer %d out of order", p)
		next[p]++
	}
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	for running := true; running; {
		select {
		case <-done:
			running = false
		default:
		}
		q.Drain(check)
	}
	q.Drain(check)
	for p := range next {
		assert.Equal(t, each, next[p])
	}
	assert.Zero(t, q.Dropped())
}

func TestEventQueueClear(t *testing.T) {
	q := NewEventQueue(0)
	q.Push(ServerConnected{})
	q.Clear()
	assert.Equal(t, 0, q.Len())
	q.Push(PolicyResponse{})
	var got []Event
	q.Drain(func(ev Event) { got = append(got, ev) })
	assert.Equal(t, []Event{PolicyResponse{}}, got)
}

func BenchmarkEventQueuePushDrain(b *testing.B) {
	q := NewEventQueue(0)
	for b.Loop() {
		for range 64 {
			q.Push(ServerConnected{})
		}
		q.Drain(func(Event) {})
	}
}

func TestObserversSeeEveryEventAndStop(t *testing.T) {
	q := NewEventQueue(1)
	var seen []Event
	stop := q.Observe(func(ev Event) { seen = append(seen, ev) })
	q.Push(ServerConnected{})
	q.Push(ServerConnected{}) // beyond the queue's limit: dropped there, observed still
	assert.Equal(t, 1, q.Len())
	assert.Len(t, seen, 2)
	stop()
	stop()
	q.Push(ServerConnected{})
	assert.Len(t, seen, 2, "no event after stop")
}

func TestObserveConnectionStatusSeesOnlyStatusChanges(t *testing.T) {
	s := NewServer(nil)
	var got []ConnectionStatusChanged
	stop := s.ObserveConnectionStatus(func(c ConnectionStatusChanged) { got = append(got, c) })
	defer stop()
	s.Events().Push(ServerConnected{})
	s.Events().Push(ConnectionStatusChanged{Conn: 7})
	assert.Equal(t, []ConnectionStatusChanged{{Conn: 7}}, got)
	assert.Equal(t, 2, s.Events().Len(), "run_callbacks still gets both")
}
