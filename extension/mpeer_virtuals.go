package main

/*
#include "gdext.h"
*/
import "C"

import (
	"unsafe"

	"github.com/gosteam/godot-steam-server/steam/mpeer"
)

// The virtuals of MultiplayerPeerExtension, by the index C gives (gdext.h's SV_PEER_V_*): the
// method name an error line carries (the MultiplayerPeer method a script calls), and the call on
// the peer with the ints and bools C decoded. C answers the four about the next packet itself,
// from what goPeerNext and goPeerGetPacket told it.
var peerVirtuals = [C.SV_PEER_VIRTUALS]struct {
	name string
	call func(p *mpeer.Peer, a, b int64) (int64, error)
}{
	C.SV_PEER_V_GET_MAX_PACKET_SIZE: {"get_max_packet_size", func(*mpeer.Peer, int64, int64) (int64, error) {
		return mpeer.MaxPacketSize, nil
	}},
	C.SV_PEER_V_SET_TRANSFER_CHANNEL: {"set_transfer_channel", func(p *mpeer.Peer, channel, _ int64) (int64, error) {
		return 0, p.SetTransferChannel(channel)
	}},
	C.SV_PEER_V_GET_TRANSFER_CHANNEL: {"get_transfer_channel", func(p *mpeer.Peer, _, _ int64) (int64, error) {
		return int64(p.TransferChannel()), nil
	}},
	C.SV_PEER_V_SET_TRANSFER_MODE: {"set_transfer_mode", func(p *mpeer.Peer, mode, _ int64) (int64, error) {
		return 0, p.SetTransferMode(mode)
	}},
	C.SV_PEER_V_GET_TRANSFER_MODE: {"get_transfer_mode", func(p *mpeer.Peer, _, _ int64) (int64, error) {
		return int64(p.TransferMode()), nil
	}},
	C.SV_PEER_V_SET_TARGET_PEER: {"set_target_peer", func(p *mpeer.Peer, id, _ int64) (int64, error) {
		return 0, p.SetTargetPeer(id)
	}},
	C.SV_PEER_V_IS_SERVER: {"is_server", func(p *mpeer.Peer, _, _ int64) (int64, error) {
		return b2i(p.IsServer()), nil
	}},
	C.SV_PEER_V_POLL: {"poll", func(p *mpeer.Peer, _, _ int64) (int64, error) {
		p.Poll()
		return 0, nil
	}},
	C.SV_PEER_V_CLOSE: {"close", func(p *mpeer.Peer, _, _ int64) (int64, error) {
		p.Close()
		return 0, nil
	}},
	C.SV_PEER_V_DISCONNECT_PEER: {"disconnect_peer", func(p *mpeer.Peer, id, force int64) (int64, error) {
		return 0, p.DisconnectPeer(id, force != 0)
	}},
	C.SV_PEER_V_GET_UNIQUE_ID: {"get_unique_id", func(p *mpeer.Peer, _, _ int64) (int64, error) {
		return int64(p.UniqueID()), nil
	}},
	C.SV_PEER_V_SET_REFUSE_NEW_CONNECTIONS: {"set_refuse_new_connections", func(p *mpeer.Peer, refuse, _ int64) (int64, error) {
		p.SetRefuseNewConnections(refuse != 0)
		return 0, nil
	}},
	C.SV_PEER_V_IS_REFUSING_NEW_CONNECTIONS: {"is_refusing_new_connections", func(p *mpeer.Peer, _, _ int64) (int64, error) {
		return b2i(p.IsRefusingNewConnections()), nil
	}},
	C.SV_PEER_V_IS_SERVER_RELAY_SUPPORTED: {"is_server_relay_supported", func(p *mpeer.Peer, _, _ int64) (int64, error) {
		return b2i(p.IsServerRelaySupported()), nil
	}},
	C.SV_PEER_V_GET_CONNECTION_STATUS: {"get_connection_status", func(p *mpeer.Peer, _, _ int64) (int64, error) {
		return int64(p.ConnectionStatus()), nil
	}},
}

// goPeerVirtual runs one scalar virtual; a refused call prints why (the setters return nothing,
// so that line is all a script sees).
//
//export goPeerVirtual
func goPeerVirtual(handle C.int64_t, index C.int32_t, a, b C.int64_t) (ret C.int64_t) {
	if index < 0 || index >= C.SV_PEER_VIRTUALS || peerVirtuals[index].call == nil {
		return 0
	}
	v := &peerVirtuals[index]
	defer recoverPeer(v.name, &ret, 0)
	p := peerOf(handle)
	if p == nil {
		return 0
	}
	r, err := v.call(p, int64(a), int64(b))
	if err != nil {
		peerRefusal(v.name, err)
	}
	return C.int64_t(r)
}

// goPeerPutPacket sends size bytes at data (Godot's, for this call only: the peer copies them).
//
//export goPeerPutPacket
func goPeerPutPacket(handle C.int64_t, data *C.uint8_t, size C.int64_t) (ret C.int64_t) {
	defer recoverPeer("put_packet", &ret, int64(mpeer.Failed))
	p := peerOf(handle)
	if p == nil || size < 0 || (data == nil && size > 0) {
		return peerRefusal("put_packet", &mpeer.Error{Code: mpeer.ErrInvalidParameter, Reason: "no packet given"})
	}
	return peerRefusal("put_packet", p.PutPacket(unsafe.Slice((*byte)(unsafe.Pointer(data)), int(size))))
}

// goPeerGetPacket takes the next packet into C's buffer (buf, room bytes) and answers its Error;
// when the packet does not fit it stays queued and the answer is minus the room it needs.
//
//export goPeerGetPacket
func goPeerGetPacket(handle C.int64_t, buf *C.uint8_t, room C.int64_t, size *C.int32_t, next *C.sv_peer_next) (ret C.int64_t) {
	defer recoverPeer("get_packet", &ret, int64(mpeer.Failed))
	p := peerOf(handle)
	if p == nil {
		return C.int64_t(mpeer.Failed)
	}
	defer fillNext(p, next)
	if need := p.NextPacketSize(); need > int(room) {
		return -C.int64_t(need)
	}
	err := p.GetPacket(func(data []byte) {
		copy(unsafe.Slice((*byte)(unsafe.Pointer(buf)), int(room)), data)
		*size = C.int32_t(len(data))
	})
	return peerRefusal("get_packet", err)
}

// goPeerNext tells C what the next packet is (sv_peer_next).
//
//export goPeerNext
func goPeerNext(handle C.int64_t, next *C.sv_peer_next) {
	defer recoverPeer("poll", nil, 0)
	*next = C.sv_peer_next{}
	if p := peerOf(handle); p != nil {
		fillNext(p, next)
	}
}

func fillNext(p *mpeer.Peer, next *C.sv_peer_next) {
	n := p.Next()
	*next = C.sv_peer_next{available: C.int32_t(n.Available), peer: C.int32_t(n.Peer), channel: C.int32_t(n.Channel), mode: C.int32_t(n.Mode)}
}

// goPeerTakeSignal hands C the next signal Poll left for it to emit: 0 when there is none.
//
//export goPeerTakeSignal
func goPeerTakeSignal(handle C.int64_t, connected *C.int32_t, id *C.int64_t) (ret C.int32_t) {
	defer recoverPeer("poll", nil, 0)
	p := peerOf(handle)
	if p == nil {
		return 0
	}
	s, ok := p.TakeSignal()
	if !ok {
		return 0
	}
	*connected, *id = C.int32_t(b2i(s.Connected)), C.int64_t(s.Peer)
	return 1
}

// registerPeerClass registers SteamServerMultiplayerPeer beside the singletons.
func registerPeerClass() {
	var strs cStrings
	defer strs.free()
	if err := refused(C.sv_register_peer_class(strs.add(peerClassName))); err != nil {
		printError(peerClassName+": could not register the class: "+err.Error(), "register")
	}
}
