package offline

// suspendDownloads offline: SuspendDownloads(true) pauses every download until SuspendDownloads(false),
// as Steam's does. A download waits before it starts copying (its item stays DOWNLOAD_PENDING) and
// between chunks (DOWNLOADING, its bytes frozen); serverShutdown still stops it at once, leaving
// no half-installed item. Downloads asked for while suspended wait too.

import "sync"

// downloadGate is shared by the downloads of one workshop: paused is non-nil while suspended, and
// closed to let them go on.
type downloadGate struct {
	mu     sync.Mutex
	paused chan struct{}
}

func (g *downloadGate) set(suspend bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	switch {
	case suspend && g.paused == nil:
		g.paused = make(chan struct{})
	case !suspend && g.paused != nil:
		close(g.paused)
		g.paused = nil
	}
}

// wait returns once downloads may go on, or errStopped if stop closes first.
func (g *downloadGate) wait(stop <-chan struct{}) error {
	g.mu.Lock()
	paused := g.paused
	g.mu.Unlock()
	if paused == nil {
		return nil
	}
	select {
	case <-paused:
		return nil
	case <-stop:
		return errStopped
	}
}

// pauseGate is the workshop's download gate, made by the first call that needs it (a suspension
// before initWorkshopForGameServer holds for the downloads after it); called with b.mu held.
func (ws *workshopState) pauseGate() *downloadGate {
	if ws.gate == nil {
		ws.gate = &downloadGate{}
	}
	return ws.gate
}

// SuspendDownloads pauses (true) or resumes (false) every download; serverShutdown ends a suspension.
func (b *Backend) SuspendDownloads(suspend bool) {
	b.mu.Lock()
	gate := b.ws.pauseGate()
	b.mu.Unlock()
	gate.set(suspend)
}
