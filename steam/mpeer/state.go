package mpeer

// What the peer answers about itself and its peers, its settings, and disconnecting one peer.

import (
	"fmt"

	"github.com/gosteam/godot-steam-server/steam"
)

// IsServer is true while hosting.
func (p *Peer) IsServer() bool { return locked(p, func() bool { return p.role == roleHost }) }

// UniqueID is 1 on the host, the ID the host gave on a client (0 until then, and when inactive).
func (p *Peer) UniqueID() int32 { return locked(p, func() int32 { return p.uniqueID }) }

// ConnectionStatus is a MultiplayerPeer.ConnectionStatus.
func (p *Peer) ConnectionStatus() int32 { return locked(p, func() int32 { return p.status }) }

// IsServerRelaySupported is true while hosting or connected: SceneMultiplayer relays between
// clients through the host, which sends to any of its peers.
func (p *Peer) IsServerRelaySupported() bool {
	return locked(p, func() bool { return p.role != roleNone })
}

func (p *Peer) SetRefuseNewConnections(refuse bool) {
	p.mu.Lock()
	p.refusing = refuse
	p.mu.Unlock()
}

func (p *Peer) IsRefusingNewConnections() bool { return locked(p, func() bool { return p.refusing }) }

// SetTransferChannel sets the channel of the next put_packet calls: 0 to MaxChannels-1.
func (p *Peer) SetTransferChannel(channel int64) error {
	if channel < 0 || channel >= MaxChannels {
		return fail(ErrInvalidParameter, fmt.Sprintf("channel must be from 0 to %d (one Steam lane each), got %d", MaxChannels-1, channel))
	}
	p.mu.Lock()
	p.channel = int32(channel)
	p.mu.Unlock()
	return nil
}

func (p *Peer) TransferChannel() int32 { return locked(p, func() int32 { return p.channel }) }

// SetTransferMode sets the mode of the next put_packet calls (a MultiplayerPeer.TransferMode).
func (p *Peer) SetTransferMode(mode int64) error {
	if mode < TransferUnreliable || mode > TransferReliable {
		return fail(ErrInvalidParameter, fmt.Sprintf("mode must be a MultiplayerPeer.TransferMode (0, 1 or 2), got %d", mode))
	}
	p.mu.Lock()
	p.mode = int32(mode)
	p.mu.Unlock()
	return nil
}

func (p *Peer) TransferMode() int32 { return locked(p, func() int32 { return p.mode }) }

// SetTargetPeer sets who the next put_packet calls go to: 0 every peer, a peer's ID, or minus an
// ID for every peer but that one. On a client every packet goes to the host.
func (p *Peer) SetTargetPeer(id int64) error {
	if id < -2147483647 || id > 2147483647 {
		return fail(ErrInvalidParameter, fmt.Sprintf("id must be a peer ID, 0, or minus a peer ID, got %d", id))
	}
	p.mu.Lock()
	p.target = int32(id)
	p.mu.Unlock()
	return nil
}

// peerOf is the remote with peer ID id (the host, on a client).
func (p *Peer) peerOf(id int64) *remote {
	if p.role == roleClient {
		if id == ServerID && p.status == StatusConnected {
			return p.server
		}
		return nil
	}
	if id < 2 || id > 2147483647 {
		return nil
	}
	return p.byID[int32(id)]
}

// SteamIDForPeer is the Steam ID of peer id (this process's own for its own ID), 0 for none.
func (p *Peer) SteamIDForPeer(id int64) steam.SteamID {
	return locked(p, func() steam.SteamID {
		if r := p.peerOf(id); r != nil {
			return r.steamID
		}
		if id != 0 && id == int64(p.uniqueID) {
			own, _, _ := p.s.GetIdentity()
			return own
		}
		return 0
	})
}

// PeerIDForSteamID is the peer ID of a Steam ID (this peer's own for its own), 0 for none.
func (p *Peer) PeerIDForSteamID(id steam.SteamID) int32 {
	return locked(p, func() int32 {
		if id == 0 || p.role == roleNone {
			return 0
		}
		for _, r := range p.byConn {
			if r.steamID == id && r.id != 0 {
				return r.id
			}
		}
		if own, _, _ := p.s.GetIdentity(); own == id && p.uniqueID != 0 {
			return p.uniqueID
		}
		return 0
	})
}

// ConnectionForPeer is the Networking Sockets connection to peer id, 0 for none.
func (p *Peer) ConnectionForPeer(id int64) steam.NetConnection {
	return locked(p, func() steam.NetConnection {
		if r := p.peerOf(id); r != nil {
			return r.conn
		}
		return 0
	})
}

// DisconnectPeer closes the connection to peer id (reason 1000); force drops its unsent data
// instead of flushing it. peer_disconnected(id) follows at the next Poll. On a client, id 1
// disconnects from the host.
func (p *Peer) DisconnectPeer(id int64, force bool) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.role == roleNone {
		return fail(ErrUnconfigured, "the peer is not hosting or connected")
	}
	r := p.peerOf(id)
	if r == nil {
		return fail(ErrInvalidParameter, fmt.Sprintf("peer %d is not connected to this peer", id))
	}
	p.closeConn(r.conn, !force)
	p.lost(r)
	return nil
}

// lost forgets a remote whose connection is gone (closed here already) and says so: the host loses
// one client; a client loses the host, and with it everything.
func (p *Peer) lost(r *remote) {
	delete(p.byConn, r.conn)
	if p.role == roleHost {
		delete(p.byID, r.id)
		p.emit(false, r.id)
		return
	}
	if p.status == StatusConnected {
		p.emit(false, ServerID)
	}
	p.reset()
}
