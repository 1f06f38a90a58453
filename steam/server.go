package steam

import (
	"errors"
	"fmt"
	"net/netip"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// Server is the game server as GDScript sees it. It checks every argument and the order of calls,
// keeps the State the game has set, and forwards to the active Backend. A refused call returns an
// error and changes nothing.
type Server struct {
	mu          sync.Mutex
	newBackend  func() (Backend, error)
	backend     Backend
	initialized bool
	logOnCalled bool
	state       State
	applied     uint32 // bit f: field f was given to the backend since Init (see setValue)
	changes     atomic.Uint64
	events      *EventQueue
	traffic     TrafficCounter // what the front dropped of remote input; the backend may count more
	// backendCalls counts the calls given to the backend since the last IPCCallCount (utils.go).
	backendCalls uint64
}

// NewServer makes a server whose backend is created at each serverInit by newBackend.
func NewServer(newBackend func() (Backend, error)) *Server {
	return &Server{newBackend: newBackend, events: NewEventQueue(0), state: State{HeartbeatInterval: -1}}
}

// Events is the queue run_callbacks drains.
func (s *Server) Events() *EventQueue { return s.events }

// ParseIPv4 turns serverInit's ip argument into a host-order address; "" means all interfaces.
func ParseIPv4(ip string) (uint32, error) {
	if ip == "" {
		return 0, nil
	}
	addr, err := netip.ParseAddr(ip)
	if err != nil || !addr.Is4() {
		return 0, argErrorf("ip", "must be an IPv4 address such as \"0.0.0.0\", got %s", quoteShort(ip))
	}
	b := addr.As4()
	return uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3]), nil
}

// Init starts the game server (serverInit). Calling it again while running is refused.
func (s *Server) Init(cfg InitConfig) error {
	if err := CheckServerMode(int64(cfg.Mode)); err != nil {
		return err
	}
	if len(cfg.Version) > MaxVersionLen {
		return argErrorf("version_number", "is longer than %d bytes", MaxVersionLen)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.initialized {
		return errors.New("the game server is already initialized: call serverShutdown first")
	}
	backend, err := s.newBackend()
	if err != nil {
		return err
	}
	s.state = State{Init: cfg, MaxPlayers: 0, HeartbeatInterval: -1}
	if err := backend.Init(cfg, &s.state, s.events); err != nil {
		return err
	}
	s.backend = backend
	s.initialized = true
	s.traffic.Reset()
	s.logOnCalled = false
	s.applied = 0
	s.backendCalls = 0
	return nil
}

// Shutdown stops the game server; the state is kept for reading until the next Init.
func (s *Server) Shutdown() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.initialized {
		return ErrNotInitialized
	}
	s.backend.Shutdown()
	s.initialized = false
	s.events.Clear()
	return nil
}

// Initialized reports whether serverInit succeeded and serverShutdown was not called since.
func (s *Server) Initialized() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.initialized
}

// BackendName names the active backend, or "" before serverInit.
func (s *Server) BackendName() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.backend == nil {
		return ""
	}
	return s.backend.Name()
}

// RunFrame lets the backend produce this frame's events. Before serverInit it does nothing,
// so a game may call run_callbacks from its first frame.
func (s *Server) RunFrame() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.initialized {
		s.backend.RunFrame()
	}
}

// FrameInterval is how long run_callbacks may go without calling RunFrame while no event is
// queued: 0 means every frame. Before serverInit there is no frame work at all.
func (s *Server) FrameInterval() time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.initialized {
		return time.Second
	}
	if p, ok := s.backend.(FramePacer); ok {
		return p.FrameInterval()
	}
	return 0
}

// ReleaseCurrentThreadMemory frees the backend's per-thread buffers.
func (s *Server) ReleaseCurrentThreadMemory() error {
	return s.do(func(b Backend) { b.ReleaseCurrentThreadMemory() })
}

// State returns a copy of everything the game has set.
func (s *Server) State() State {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state.Clone()
}

// do runs fn with the backend under the lock, or refuses before Init.
func (s *Server) do(fn func(Backend)) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.initialized {
		return ErrNotInitialized
	}
	s.backendCalls++
	fn(s.backend)
	return nil
}

// LogOn logs on with a game-server account token.
func (s *Server) LogOn(token string) error {
	if token == "" {
		return argErrorf("token", "is empty: use logOnAnonymous for an anonymous server")
	}
	if len(token) > MaxTokenLen {
		return argErrorf("token", "is longer than %d bytes", MaxTokenLen)
	}
	return s.do(func(b Backend) { s.logOnCalled = true; b.LogOn(token) })
}

func (s *Server) LogOnAnonymous() error {
	return s.do(func(b Backend) { s.logOnCalled = true; b.LogOnAnonymous() })
}

func (s *Server) LogOff() error {
	return s.do(func(b Backend) { s.logOnCalled = false; b.LogOff() })
}

// LoggedOn, Secure and the other status reads answer false or zero before Init.
func (s *Server) LoggedOn() (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.initialized {
		return false, ErrNotInitialized
	}
	s.backendCalls++
	return s.backend.LoggedOn(), nil
}

func (s *Server) Secure() (v bool, err error) {
	err = s.do(func(b Backend) { v = b.Secure() })
	return
}

func (s *Server) SteamID() (id SteamID, err error) {
	err = s.do(func(b Backend) { id = b.SteamID() })
	return
}

func (s *Server) PublicIP() (ip IPAddress, err error) {
	err = s.do(func(b Backend) { ip = b.PublicIP() })
	return
}

func (s *Server) WasRestartRequested() (v bool, err error) {
	err = s.do(func(b Backend) { v = b.WasRestartRequested() })
	return
}

// settable refuses a setter before Init, and one Steam only reads before log-on after it. Called
// with s.mu held.
func (s *Server) settable(beforeLogOn bool) error {
	if !s.initialized {
		return ErrNotInitialized
	}
	if beforeLogOn && s.logOnCalled {
		return errors.New("can only be set before logOn or logOnAnonymous (Steam ignores it afterwards)")
	}
	return nil
}

// apply gives the backend the current value of field. Called with s.mu held.
func (s *Server) apply(field Field) {
	s.backend.Apply(field, &s.state)
	s.backendCalls++
	s.applied |= 1 << field
	s.changes.Add(1)
}

// SetterChanges counts the values setters stored: a setter call that leaves it unchanged changed
// nothing (it was refused, or repeated the value the backend already had). Any goroutine may read it.
func (s *Server) SetterChanges() uint64 { return s.changes.Load() }

// unchanged reports whether the backend already holds the value the state has for field: it was
// given since Init and the state has not changed since. Called with s.mu held.
func (s *Server) unchanged(field Field, same bool) bool {
	return same && s.applied&(1<<field) != 0
}

// setValue stores v in the field dst points to and tells the backend, unless the backend was given
// exactly v since Init: a game that sets the same values every frame pays for a comparison only.
func setValue[T comparable](s *Server, field Field, beforeLogOn bool, v T, dst func(*State) *T) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.settable(beforeLogOn); err != nil {
		return err
	}
	p := dst(&s.state)
	if s.unchanged(field, *p == v) {
		return nil
	}
	*p = v
	s.apply(field)
	return nil
}

func (s *Server) SetKeyValue(key, value string) error {
	if key == "" {
		return argErrorf("key", "is empty")
	}
	if err := checkLen("key", key, MaxKeyLen); err != nil {
		return err
	}
	if err := checkLen("value", value, MaxValueLen); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.settable(false); err != nil {
		return err
	}
	if s.unchanged(FieldKeyValues, slices.Contains(s.state.KeyValues, KeyValue{key, value})) {
		return nil
	}
	if !s.state.SetKeyValueBounded(key, value, MaxKeyValues) {
		return fmt.Errorf("already %d rules: clearAllKeyValues first", MaxKeyValues)
	}
	s.apply(FieldKeyValues)
	return nil
}

func (s *Server) ClearAllKeyValues() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.settable(false); err != nil {
		return err
	}
	if s.unchanged(FieldKeyValues, len(s.state.KeyValues) == 0) {
		return nil
	}
	s.state.KeyValues = s.state.KeyValues[:0]
	s.apply(FieldKeyValues)
	return nil
}

// AppIDReporter is implemented by a backend that knows its app ID better than the InitConfig it
// was given (the offline backend's default app).
type AppIDReporter interface {
	AppID() uint32
}

// AppID is the app the game server runs as: what the Steamworks library was started with (the
// serverInit environment, or initGameServer's app_id), or the offline backend's app.
func (s *Server) AppID() (id uint32, err error) {
	err = s.do(func(b Backend) {
		id = s.state.Init.AppID
		if r, ok := b.(AppIDReporter); ok {
			id = r.AppID()
		}
	})
	return id, err
}

// Traffic is what remote peers sent since serverInit that was dropped, refused or only challenged:
// the front's counts (handleIncomingPacket, tickets) plus the backend's own (its query responder).
func (s *Server) Traffic() Traffic {
	t := s.traffic.Read()
	s.mu.Lock()
	defer s.mu.Unlock()
	if r, ok := s.backend.(TrafficReporter); ok && s.backend != nil {
		for kind, n := range r.Traffic() {
			t[kind] += n
		}
	}
	return t
}

// badTicket counts a ticket of the wrong size from a client and says so as remote input.
func (s *Server) badTicket(arg string, n int) error {
	s.traffic.Add(TrafficBadTickets, 1)
	return &RemoteInputError{argErrorf(arg, "must hold 1 to %d bytes, got %d", MaxTicketLen, n)}
}
