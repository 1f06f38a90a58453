// Package mpeer is the logic of SteamServerMultiplayerPeer, Godot's MultiplayerPeer over the
// Networking Sockets of a steam.Server, with no Godot in it: the extension's glue (extension/mpeer*.go)
// turns each virtual method of MultiplayerPeerExtension into one call here.
//
// The host listens (a listen socket) and is peer 1; it accepts each connection the transport
// reports Connecting on its socket, gives it a random peer ID and tells the client in the
// connection's first message. Every packet is one Steam message: a one-byte header (the transfer
// mode, or a control message) and the payload; the channel is the message's lane, and the
// unreliable-ordered filter uses the lane's message numbers, so no sequence travels. See
// docs/multiplayer.md.
package mpeer

import (
	"errors"
	"math"
	"math/rand/v2"
	"sync"

	"github.com/gosteam/godot-steam-server/steam"
)

// Godot's values (MultiplayerPeer.TransferMode, MultiplayerPeer.ConnectionStatus).
const (
	TransferUnreliable        = 0
	TransferUnreliableOrdered = 1
	TransferReliable          = 2

	StatusDisconnected = 0
	StatusConnecting   = 1
	StatusConnected    = 2

	// ServerID is the host's peer ID, as in every Godot MultiplayerPeer.
	ServerID = 1
	// MaxChannels is how many transfer channels there are: one lane each (Steam has 255 lanes).
	MaxChannels = steam.MaxLanes
	// MaxPacketSize is the largest packet: Steam's largest message less the header byte.
	MaxPacketSize = steam.MaxMessageSizeSend - headerSize
)

// Code is a Godot Error value.
type Code int

const (
	OK                  Code = 0
	Failed              Code = 1
	ErrUnavailable      Code = 2
	ErrUnconfigured     Code = 3
	ErrCantCreate       Code = 20
	ErrAlreadyInUse     Code = 22
	ErrInvalidParameter Code = 31
)

// Error is a refused call: the Godot Error it returns and why (the glue prints the reason).
type Error struct {
	Code   Code
	Reason string
}

func (e *Error) Error() string { return e.Reason }

func fail(code Code, reason string) *Error { return &Error{code, reason} }

// CodeOf is the Godot Error of err (nil is OK; a steam.Server refusal as frontError maps it).
func CodeOf(err error) Code {
	var e *Error
	switch {
	case err == nil:
		return OK
	case errors.As(err, &e):
		return e.Code
	}
	return frontError(err).Code
}

// Signal is peer_connected (Connected) or peer_disconnected of Peer, for the glue to emit on the
// Godot object once Poll has returned.
type Signal struct {
	Connected bool
	Peer      int32
}

type role uint8

const (
	roleNone role = iota
	roleHost
	roleClient
)

// remote is one connection of the peer: a client (on the host) or the host (on a client).
type remote struct {
	id      int32 // 0 on a client until the host's hello
	conn    steam.NetConnection
	steamID steam.SteamID
	lanes   int     // lanes configured for sending (a connection starts with one)
	newest  []int64 // per lane: the newest message number of an unreliable-ordered packet received
}

// Peer is one SteamServerMultiplayerPeer. Its methods may be called from any thread, one at a
// time (a mutex keeps a misused peer from corrupting its maps); signals are taken with TakeSignal.
type Peer struct {
	mu sync.Mutex
	s  *steam.Server

	role     role
	status   int32
	uniqueID int32
	listen   steam.ListenSocket
	group    steam.PollGroup
	server   *remote // on a client: the connection to the host
	byID     map[int32]*remote
	byConn   map[steam.NetConnection]*remote

	refusing bool
	channel  int32
	mode     int32
	target   int32

	watch    statusWatch
	inbox    inbox
	out      outbox
	signals  []Signal
	signalAt int
}

// New makes a peer over s, not hosting or connected.
func New(s *steam.Server) *Peer {
	return &Peer{s: s, byID: map[int32]*remote{}, byConn: map[steam.NetConnection]*remote{}, mode: TransferReliable}
}

// locked runs fn under the peer's mutex.
func locked[T any](p *Peer, fn func() T) T {
	p.mu.Lock()
	defer p.mu.Unlock()
	return fn()
}

// frontError turns a steam.Server refusal into the Godot Error the API documents.
func frontError(err error) *Error {
	var arg *steam.ArgError
	switch {
	case errors.Is(err, steam.ErrNotInitialized):
		return fail(ErrUnconfigured, "serverInit has not been called (the peer uses the game server's networking)")
	case errors.As(err, &arg):
		return fail(ErrInvalidParameter, arg.Error())
	}
	return fail(ErrCantCreate, err.Error())
}

// begin checks the peer may start hosting or connecting and starts watching status changes, before
// the socket or connection exists so that none of its events is missed.
func (p *Peer) begin() *Error {
	if !p.s.Initialized() {
		return frontError(steam.ErrNotInitialized)
	}
	if p.role != roleNone {
		return fail(ErrAlreadyInUse, "the peer is already hosting or connected: close() it first")
	}
	p.watch.start(p.s)
	return nil
}

// started finishes a create call: on failure it stops watching and answers why.
func (p *Peer) started(err error, handle uint32, what string) error {
	if err == nil && handle == 0 {
		err = fail(ErrCantCreate, "the transport refused to make the "+what)
	}
	if err != nil {
		p.reset()
		var e *Error
		if errors.As(err, &e) {
			return e
		}
		return frontError(err)
	}
	return nil
}

// CreateHostIP listens for clients on address ("127.0.0.1:27600", ":27600", "[::1]:27600").
func (p *Peer) CreateHostIP(address string, opts []steam.ConfigOption) error {
	return locked(p, func() error {
		return p.host(func() (steam.ListenSocket, error) { return p.s.CreateListenSocketIP(address, opts) })
	})
}

// CreateHost listens on a P2P virtual port of the server's Steam ID.
func (p *Peer) CreateHost(virtualPort int64, opts []steam.ConfigOption) error {
	return locked(p, func() error {
		return p.host(func() (steam.ListenSocket, error) { return p.s.CreateListenSocketP2P(virtualPort, opts) })
	})
}

func (p *Peer) host(listen func() (steam.ListenSocket, error)) error {
	if err := p.begin(); err != nil {
		return err
	}
	sock, err := listen()
	if err := p.started(err, uint32(sock), "listen socket"); err != nil {
		return err
	}
	p.role, p.listen = roleHost, sock
	if err := p.started(p.makeGroup(), uint32(p.group), "poll group"); err != nil {
		return err
	}
	p.status, p.uniqueID = StatusConnected, ServerID
	return nil
}

// CreateClientIP connects to a host's address ("127.0.0.1:27600").
func (p *Peer) CreateClientIP(address string, opts []steam.ConfigOption) error {
	return locked(p, func() error {
		return p.client(func() (steam.NetConnection, error) { return p.s.ConnectByIPAddress(address, opts) })
	})
}

// CreateClient connects to the P2P listen socket of a host's Steam ID.
func (p *Peer) CreateClient(host steam.SteamID, virtualPort int64, opts []steam.ConfigOption) error {
	return locked(p, func() error {
		return p.client(func() (steam.NetConnection, error) { return p.s.ConnectP2P(host, virtualPort, opts) })
	})
}

func (p *Peer) client(connect func() (steam.NetConnection, error)) error {
	if err := p.begin(); err != nil {
		return err
	}
	conn, err := connect()
	if err := p.started(err, uint32(conn), "connection"); err != nil {
		return err
	}
	p.role = roleClient
	p.server = &remote{conn: conn, lanes: 1}
	p.byConn[conn] = p.server
	if err := p.started(p.makeGroup(), uint32(p.group), "poll group"); err != nil {
		return err
	}
	if _, err := p.s.SetConnectionPollGroup(int64(conn), int64(p.group)); err != nil {
		return p.started(err, 0, "")
	}
	p.status = StatusConnecting
	return nil
}

func (p *Peer) makeGroup() (err error) {
	p.group, err = p.s.CreatePollGroup()
	return err
}

// Close closes every connection (reason 1000, App_Generic) and the listen socket; the peer can host
// or connect again afterwards. No signal follows. The connections do not linger to flush what is
// queued: closing the listen socket would end them without a word (Steam closes a listen socket's
// connections "ungracefully"), and the peers would only notice at their timeout.
func (p *Peer) Close() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.reset()
	p.signals, p.signalAt = p.signals[:0], 0
}

// reset releases everything the peer holds in the transport and forgets its peers.
func (p *Peer) reset() {
	for conn := range p.byConn {
		p.closeConn(conn, false)
	}
	if p.listen != 0 {
		_, _ = p.s.CloseListenSocket(int64(p.listen))
	}
	if p.group != 0 {
		_, _ = p.s.DestroyPollGroup(int64(p.group))
	}
	p.watch.stop()
	clear(p.byID)
	clear(p.byConn)
	p.role, p.status, p.uniqueID, p.listen, p.group, p.server = roleNone, StatusDisconnected, 0, 0, 0, nil
	p.inbox.clear()
}

func (p *Peer) closeConn(conn steam.NetConnection, linger bool) {
	_, _ = p.s.CloseConnection(int64(conn), 0, "", linger)
}

// newID is a random peer ID from 2 to 2147483647 that no peer has.
func (p *Peer) newID() int32 {
	for {
		id := rand.Int32N(math.MaxInt32-1) + 2
		if p.byID[id] == nil {
			return id
		}
	}
}

// TakeSignal hands the glue the next peer_connected or peer_disconnected to emit.
func (p *Peer) TakeSignal() (Signal, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.signalAt == len(p.signals) {
		p.signals, p.signalAt = p.signals[:0], 0
		return Signal{}, false
	}
	s := p.signals[p.signalAt]
	p.signalAt++
	return s, true
}

func (p *Peer) emit(connected bool, id int32) {
	p.signals = append(p.signals, Signal{connected, id})
}
