package offline

// Counts of waiting messages that an empty poll reads without the core's lock. A game's main
// thread that polls in a tight loop (receiveMessagesOnConnection, OnPollGroup, OnChannel,
// isP2PPacketAvailable, finding nothing over and over) would otherwise take the lock thousands of
// times a millisecond, and the socket's reader goroutine, waiting for it to queue the very message
// the poller waits for, gets it only when sync.Mutex turns to hand-offs after 1 ms of starvation.
// Each queue keeps its length in an atomic count (and adds it to its poll group's, or its channel
// bucket's); a poll whose count is 0 answers 0 at once, and only a poll with something to take
// locks the core. The counts change under the core's lock, with the queues: a message counted is
// there to take.

import (
	"sync"
	"sync/atomic"

	"github.com/gosteam/godot-steam-server/steam"
)

// channelBuckets is how many counts the channels of a service share (channel mod channelBuckets):
// a poll of a channel whose bucket is 0 answers at once; one sharing its bucket with a channel
// holding unread messages takes the lock, and finds nothing, as before.
const channelBuckets = 64

// readyIndex finds the count of a handle (a connection, a poll group) without the core's lock.
// Its own lock is held only to look a handle up or change the map (connections made and closed),
// never while anything else is done.
type readyIndex[H comparable] struct {
	mu sync.RWMutex
	m  map[H]*atomic.Int32
}

// set makes h's count c. Called with the core's lock held.
func (r *readyIndex[H]) set(h H, c *atomic.Int32) {
	r.mu.Lock()
	if r.m == nil {
		r.m = map[H]*atomic.Int32{}
	}
	r.m[h] = c
	r.mu.Unlock()
}

// remove forgets h. Called with the core's lock held.
func (r *readyIndex[H]) remove(h H) {
	r.mu.Lock()
	delete(r.m, h)
	r.mu.Unlock()
}

// empty reports that h names a connection (poll group) with no message waiting: the poll can
// answer 0 without the core's lock. false when something waits or h is unknown here (the locked
// path then answers, as for a closed handle).
func (r *readyIndex[H]) empty(h H) bool {
	r.mu.RLock()
	c := r.m[h]
	r.mu.RUnlock()
	return c != nil && c.Load() == 0
}

// readyCounts are a core's counts.
type readyCounts struct {
	conns      readyIndex[steam.NetConnection]
	pollGroups readyIndex[steam.PollGroup]
	// sessionsOpen: the sessions endpoint exists, so a channel poll need not open it.
	sessionsOpen atomic.Bool
	channels     [serviceP2P + 1][channelBuckets]atomic.Int32
}

func (rc *readyCounts) channel(service byte, channel int32) *atomic.Int32 {
	return &rc.channels[service][uint32(channel)%channelBuckets]
}

// channelEmpty reports that nothing waits on a channel of a service of open sessions.
func (rc *readyCounts) channelEmpty(service byte, channel int32) bool {
	return rc.sessionsOpen.Load() && rc.channel(service, channel).Load() == 0
}
