package mpeer

// Poll: what SceneMultiplayer calls every frame. It reads the peer's messages from its poll group,
// then acts on its connections' status changes, which it sees through
// steam.Server.ObserveConnectionStatus: whether or not the game calls run_callbacks, and without
// taking network_connection_status_changed from a game that does.

import (
	"encoding/binary"
	"sync"

	"github.com/gosteam/godot-steam-server/steam"
)

// maxObserved bounds the status changes kept for a peer that is not polled (a game that made a
// peer and never set it as multiplayer_peer): beyond it they are counted and dropped.
const maxObserved = 1 << 16

// statusWatch collects the server's status changes from the backend's goroutines for Poll.
type statusWatch struct {
	mu      sync.Mutex
	events  []steam.ConnectionStatusChanged
	spare   []steam.ConnectionStatusChanged
	dropped uint64
	stopFn  func()
}

func (w *statusWatch) start(s *steam.Server) {
	w.stop()
	w.stopFn = s.ObserveConnectionStatus(func(ev steam.ConnectionStatusChanged) {
		w.mu.Lock()
		if len(w.events) < maxObserved {
			w.events = append(w.events, ev)
		} else {
			w.dropped++
		}
		w.mu.Unlock()
	})
}

// stop ends the observation and forgets what was seen.
func (w *statusWatch) stop() {
	if w.stopFn != nil {
		w.stopFn()
		w.stopFn = nil
	}
	w.mu.Lock()
	clear(w.events)
	w.events = w.events[:0]
	w.mu.Unlock()
}

// take swaps out what was seen since the last take; give it back with done.
func (w *statusWatch) take() []steam.ConnectionStatusChanged {
	w.mu.Lock()
	defer w.mu.Unlock()
	got := w.events
	w.events, w.spare = w.spare[:0], nil
	return got
}

func (w *statusWatch) done(got []steam.ConnectionStatusChanged) {
	clear(got)
	w.mu.Lock()
	w.spare = got[:0]
	w.mu.Unlock()
}

// Poll reads what arrived and handles connections coming and going; afterwards TakeSignal hands
// out the peer_connected and peer_disconnected to emit.
func (p *Peer) Poll() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.role == roleNone {
		return
	}
	if !p.s.Initialized() { // serverShutdown closed every connection, without callbacks
		for _, r := range p.byConn {
			if p.role == roleNone {
				break
			}
			p.lost(r)
		}
		p.reset()
		return
	}
	p.receive()
	events := p.watch.take()
	for i := range events {
		if p.role == roleNone {
			break
		}
		p.statusChanged(&events[i])
	}
	p.watch.done(events)
}

func (p *Peer) statusChanged(ev *steam.ConnectionStatusChanged) {
	r := p.byConn[ev.Conn]
	switch ev.Info.State {
	case steam.ConnectionStateConnecting:
		if r == nil && p.role == roleHost && ev.Info.ListenSocket == p.listen {
			p.admit(ev.Conn, ev.Info.Identity)
		}
	case steam.ConnectionStateClosedByPeer, steam.ConnectionStateProblemDetectedLocally:
		if r != nil {
			p.closeConn(ev.Conn, false) // frees the handle, as Steam asks of the application
			p.lost(r)
		}
	}
}

// admit accepts a new connection to the host (or refuses it), gives it a peer ID and sends the
// hello that tells the client its ID.
func (p *Peer) admit(conn steam.NetConnection, identity steam.SteamID) {
	if p.refusing {
		_, _ = p.s.CloseConnection(int64(conn), 0, "the host refuses new connections", false)
		return
	}
	if r, err := p.s.AcceptConnection(int64(conn)); err != nil || r != steam.ResultOK {
		p.closeConn(conn, false) // it failed meanwhile: its closed status follows, for no known peer
		return
	}
	if ok, err := p.s.SetConnectionPollGroup(int64(conn), int64(p.group)); err != nil || !ok {
		p.closeConn(conn, false)
		return
	}
	r := &remote{id: p.newID(), conn: conn, steamID: identity, lanes: 1}
	var hello [helloSize]byte
	hello[0] = headerHello
	binary.LittleEndian.PutUint32(hello[1:], uint32(r.id))
	if res, _, err := p.s.SendMessageToConnection(int64(conn), hello[:], int64(steam.SendReliable|steam.SendNoNagle)); err != nil || res != steam.ResultOK {
		p.closeConn(conn, false)
		return
	}
	p.byConn[conn], p.byID[r.id] = r, r
	p.emit(true, r.id)
}

// welcomed is a client's reading of the host's hello: its peer ID, and it is connected.
func (p *Peer) welcomed(data []byte) {
	if p.role != roleClient || p.status != StatusConnecting || len(data) != helloSize {
		return
	}
	id := int32(binary.LittleEndian.Uint32(data[1:]))
	if id < 2 {
		return
	}
	p.uniqueID, p.status, p.server.id = id, StatusConnected, ServerID
	if info, err := p.s.GetConnectionInfo(int64(p.server.conn)); err == nil {
		p.server.steamID = info.Identity
	}
	p.emit(true, ServerID)
}
