package main

/*
#include "gdext.h"
*/
import "C"

import (
	"fmt"
	"sync"
	"unsafe"

	"github.com/gosteam/godot-steam-server/steam"
	"github.com/gosteam/godot-steam-server/steam/mpeer"
)

// SteamServerMultiplayerPeer's glue: each instance C makes (gdext_peer.c) is a handle to an
// mpeer.Peer over the extension's one server. Every entry recovers a panic (it prints the method's
// name and answers the documented safe value), and prints a refused call as
// "SteamServerMultiplayerPeer.<method>: why" beside the Error it returns.

const peerClassName = "SteamServerMultiplayerPeer"

var peers = struct {
	sync.Mutex
	next int64
	of   map[int64]*mpeer.Peer
}{of: map[int64]*mpeer.Peer{}}

func peerOf(handle C.int64_t) *mpeer.Peer {
	peers.Lock()
	defer peers.Unlock()
	return peers.of[int64(handle)]
}

//export goPeerNew
func goPeerNew() C.int64_t {
	peers.Lock()
	defer peers.Unlock()
	peers.next++
	peers.of[peers.next] = mpeer.New(server)
	return C.int64_t(peers.next)
}

// goPeerFree releases an instance's peer when Godot frees the object: its connections close.
//
//export goPeerFree
func goPeerFree(handle C.int64_t) {
	defer recoverPeer("free", nil, 0)
	peers.Lock()
	p := peers.of[int64(handle)]
	delete(peers.of, int64(handle))
	peers.Unlock()
	if p != nil {
		p.Close()
	}
}

// recoverPeer turns a panic into an error line and the safe answer *ret = safe.
func recoverPeer(method string, ret *C.int64_t, safe int64) {
	if v := recover(); v != nil {
		if ret != nil {
			*ret = C.int64_t(safe)
		}
		printError(fmt.Sprintf("%s.%s: internal error, call ignored: %v", peerClassName, method, v), method)
	}
}

// peerRefusal prints why a call was refused and answers its Error.
func peerRefusal(method string, err error) C.int64_t {
	if err != nil {
		printError(fmt.Sprintf("%s.%s: %v", peerClassName, method, err), method)
	}
	return C.int64_t(mpeer.CodeOf(err))
}

// peerMethods are the class's own methods, by the index C gives (gdext.h's SV_PEER_*).
var peerMethods = [C.SV_PEER_METHODS]struct {
	name string
	args []string
	call func(p *mpeer.Peer, a *peerArgs) (int64, error)
}{
	C.SV_PEER_CREATE_HOST_IP: {"create_host_ip", []string{"address", "options"}, func(p *mpeer.Peer, a *peerArgs) (int64, error) {
		address := a.text(0)
		return a.create(func(opts []steam.ConfigOption) error { return p.CreateHostIP(address, opts) })
	}},
	C.SV_PEER_CREATE_HOST: {"create_host", []string{"virtual_port", "options"}, func(p *mpeer.Peer, a *peerArgs) (int64, error) {
		port := a.int(0)
		return a.create(func(opts []steam.ConfigOption) error { return p.CreateHost(port, opts) })
	}},
	C.SV_PEER_CREATE_CLIENT_IP: {"create_client_ip", []string{"address", "options"}, func(p *mpeer.Peer, a *peerArgs) (int64, error) {
		address := a.text(0)
		return a.create(func(opts []steam.ConfigOption) error { return p.CreateClientIP(address, opts) })
	}},
	C.SV_PEER_CREATE_CLIENT: {"create_client", []string{"server_steam_id", "virtual_port", "options"}, func(p *mpeer.Peer, a *peerArgs) (int64, error) {
		host, port := steam.SteamID(uint64(a.int(0))), a.int(1)
		return a.create(func(opts []steam.ConfigOption) error { return p.CreateClient(host, port, opts) })
	}},
	C.SV_PEER_GET_STEAM_ID_FOR_PEER: {"get_steam_id_for_peer", []string{"peer_id"}, func(p *mpeer.Peer, a *peerArgs) (int64, error) {
		return int64(p.SteamIDForPeer(a.int(0))), a.err
	}},
	C.SV_PEER_GET_PEER_ID_FOR_STEAM_ID: {"get_peer_id_for_steam_id", []string{"steam_id"}, func(p *mpeer.Peer, a *peerArgs) (int64, error) {
		return int64(p.PeerIDForSteamID(steam.SteamID(uint64(a.int(0))))), a.err
	}},
	C.SV_PEER_GET_CONNECTION_FOR_PEER: {"get_connection_for_peer", []string{"peer_id"}, func(p *mpeer.Peer, a *peerArgs) (int64, error) {
		return int64(p.ConnectionForPeer(a.int(0))), a.err
	}},
}

// peerArgs reads one call's arguments; the first wrongly typed one is kept in err (its value reads
// as zero), so a method reads them all and then checks err once.
type peerArgs struct {
	in    []C.sv_arg
	names []string
	err   error
}

func (a *peerArgs) refuse(i int, want string) {
	if a.err == nil {
		a.err = &mpeer.Error{Code: mpeer.ErrInvalidParameter, Reason: a.names[i] + " " + wrongType{want, a.in[i]._type}.Error()}
	}
}

func (a *peerArgs) int(i int) int64 {
	if a.in[i].convertible == 0 || a.in[i]._type != typeInt && a.in[i]._type != typeFloat {
		a.refuse(i, "int")
		return 0
	}
	return int64(a.in[i].i)
}

func (a *peerArgs) text(i int) string {
	if a.in[i].convertible == 0 {
		a.refuse(i, "String")
		return ""
	}
	return C.GoStringN((*C.char)(unsafe.Pointer(a.in[i].data)), C.int(a.in[i].len))
}

// create runs a create call whose last argument is the options Dictionary, once the arguments
// read so far and the options are sound.
func (a *peerArgs) create(call func([]steam.ConfigOption) error) (int64, error) {
	last := len(a.in) - 1
	if a.in[last].convertible == 0 {
		a.refuse(last, "Dictionary")
	}
	if a.err != nil {
		return int64(mpeer.ErrInvalidParameter), a.err
	}
	opts, err := configOptions(&a.in[last])
	if err == nil {
		err = call(opts)
	}
	return int64(mpeer.CodeOf(err)), err
}

//export goPeerCall
func goPeerCall(handle C.int64_t, index C.int32_t, args *C.sv_arg, argc C.int32_t, ret *C.int64_t) {
	m := &peerMethods[index]
	safe := int64(0)
	if index <= C.SV_PEER_CREATE_CLIENT {
		safe = int64(mpeer.Failed)
	}
	defer recoverPeer(m.name, ret, safe)
	p := peerOf(handle)
	if p == nil {
		*ret = C.int64_t(safe)
		return
	}
	v, err := m.call(p, &peerArgs{in: unsafe.Slice(args, int(argc)), names: m.args})
	*ret = C.int64_t(v)
	if err != nil {
		peerRefusal(m.name, err)
	}
}
