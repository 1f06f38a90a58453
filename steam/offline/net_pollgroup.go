package offline

// Poll groups. A message stays in its connection's queue; the group keeps the order messages
// arrived in across its connections, as references (connection, delivery number, membership
// epoch). Reading the group takes, for each reference still good, the head of that connection's
// queue; a reference goes stale when its message was read through the connection instead, or the
// connection left the group (its epoch changed). Stale references are skipped, and swept out when
// they outnumber the live ones, so the order list stays bounded by what the queues hold.

import (
	"sync/atomic"

	"github.com/gosteam/godot-steam-server/steam"
)

type pollRef struct {
	c     *netConn
	seq   uint64
	epoch uint32
}

type netPollGroup struct {
	handle  steam.PollGroup
	order   []pollRef
	h       int
	sweep   int          // length at which to sweep stale references next
	waiting atomic.Int32 // messages its connections' queues hold (net_ready.go)
}

func (g *netPollGroup) add(c *netConn, seq uint64) {
	g.order = append(g.order, pollRef{c, seq, c.pollEpoch})
	if len(g.order)-g.h >= g.sweep {
		g.compact()
	}
}

func (g *netPollGroup) live(r *pollRef) bool {
	c := r.c
	if c.pollGroup != g || c.pollEpoch != r.epoch {
		return false
	}
	head := c.queue.head()
	return head != nil && head.seq <= r.seq
}

func (g *netPollGroup) compact() {
	kept := g.order[:0]
	for i := g.h; i < len(g.order); i++ {
		if g.live(&g.order[i]) {
			kept = append(kept, g.order[i])
		}
	}
	clear(g.order[len(kept):])
	g.order, g.h = kept, 0
	g.sweep = max(1024, 2*len(kept))
}

// setPollGroup moves a connection into g (nil: out of any group), bringing its unread messages
// (and their count).
func (c *netConn) setPollGroup(g *netPollGroup) {
	if c.pollGroup == g {
		return
	}
	if old := c.pollGroup; old != nil {
		old.waiting.Add(-int32(c.queue.len()))
	}
	c.pollEpoch++
	c.pollGroup = g
	c.queue.shared = nil
	if g == nil {
		return
	}
	c.queue.shared = &g.waiting
	g.waiting.Add(int32(c.queue.len()))
	for i := c.queue.h; i < len(c.queue.q); i++ {
		g.add(c, c.queue.q[i].seq)
	}
}

func (b *Backend) CreatePollGroup() steam.PollGroup {
	return inNet(b, func(n *netCore) steam.PollGroup {
		if len(n.pollGroups) >= maxPollGroups {
			return 0
		}
		g := &netPollGroup{handle: steam.PollGroup(nextNetHandle()), sweep: 1024}
		n.pollGroups[g.handle] = g
		n.ready.pollGroups.set(g.handle, &g.waiting)
		return g.handle
	})
}

func (b *Backend) DestroyPollGroup(h steam.PollGroup) bool {
	return inNet(b, func(n *netCore) bool {
		g := n.pollGroups[h]
		for _, c := range n.conns {
			if g != nil && c.pollGroup == g {
				c.setPollGroup(nil)
			}
		}
		delete(n.pollGroups, h)
		n.ready.pollGroups.remove(h)
		return g != nil
	})
}

func (b *Backend) SetConnectionPollGroup(h steam.NetConnection, gh steam.PollGroup) bool {
	return inNet(b, func(n *netCore) bool {
		c, g := n.conns[h], n.pollGroups[gh]
		if c == nil || gh != 0 && g == nil {
			return false
		}
		c.setPollGroup(g)
		return true
	})
}

func (b *Backend) ReceiveMessagesOnPollGroup(gh steam.PollGroup, max int, into *steam.MessageBatch) int {
	if b.netc().ready.pollGroups.empty(gh) {
		return 0
	}
	return inNet(b, func(n *netCore) int {
		if g := n.pollGroups[gh]; g != nil {
			return g.receive(max, into)
		}
		return -1
	})
}

// receive takes up to max messages in arrival order. Payloads go into the batch's arena, which
// grows to the traffic's size and then stays.
func (g *netPollGroup) receive(max int, into *steam.MessageBatch) int {
	got := 0
	for g.h < len(g.order) && got < max {
		r := g.order[g.h]
		g.order[g.h] = pollRef{}
		g.h++
		if !g.live(&r) {
			continue
		}
		c := r.c
		if c.queue.head().seq != r.seq {
			continue // cannot happen: a connection's references come in the order of its messages
		}
		c.queue.take(into, c.handle, c.identity)
		got++
	}
	if g.h == len(g.order) {
		g.order, g.h = g.order[:0], 0
	} else if g.h > 1024 && g.h*2 > len(g.order) {
		g.compact()
	}
	return got
}
