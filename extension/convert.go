package main

/*
#include <stdlib.h>
#include "gdext.h"
*/
import "C"

import (
	"net/netip"
	"unsafe"

	"github.com/gosteam/godot-steam-server/steam"
)

// key names a Dictionary key. Keys are Godot Strings made once at registration, as the
// C++ extension's dictionaries use String keys.
type key int32

const (
	keyID key = iota
	keyBuffer
	keyTicketSize
	keyLength
	keyOut
	keyAddress
	keyPort
	keyIPv4
	keyIPv6
	keyType
	keyData
	keyStatus
	keyVerbal
	keyIP
	keyGamePort
	keyQueryPort
	keyServerMode
	keyVersion
	keyAppID
	keyBackend
	keyInitialized
	keyKeyValues
	keySize
	keyTraffic
	// getUserAchievement's.
	keySteamID
	keyRetrieved
	keyName
	keyAchieved
	// keyFields is the first of the setters' fields' keys (fieldKey), named by their rows in steam.Fields.
	keyFields
	// keyTrafficKinds is the first of the traffic counts' keys, named by steam.TrafficNames.
	keyTrafficKinds = keyFields + key(len(steam.Fields))
	// keyUGC is the first of the Workshop Dictionaries' keys, named by ugcKeyNames (ugc_dicts.go).
	keyUGC = keyTrafficKinds + key(steam.TrafficKinds)
	// keyUtils is the first of the Utils Dictionaries' keys, named by utilsKeyNames (utils.go).
	keyUtils = keyUGC + key(len(ugcKeyNames))
	// keyInventory is the first of the inventory Dictionaries' keys, named by inventoryKeyNames
	// (inventory_dicts.go).
	keyInventory = keyUtils + key(len(utilsKeyNames))
	// keyNet is the first of the networking Dictionaries' keys, named by netKeyNames (net_dicts.go).
	keyNet   = keyInventory + key(len(inventoryKeyNames))
	keyCount = keyNet + key(len(netKeyNames))
)

var keyNames = nameKeys()

func nameKeys() [keyCount]string {
	n := [keyCount]string{
		keyID: "id", keyBuffer: "buffer", keyTicketSize: "ticket_size", keySize: "size",
		keyLength: "length", keyOut: "out", keyAddress: "address", keyPort: "port",
		keyIPv4: "ipv4", keyIPv6: "ipv6", keyType: "type", keyData: "data",
		keyStatus: "status", keyVerbal: "verbal",
		keyIP: "ip", keyGamePort: "game_port", keyQueryPort: "query_port", keyServerMode: "server_mode",
		keyVersion: "version", keyAppID: "app_id", keyBackend: "backend", keyInitialized: "initialized",
		keyKeyValues: "key_values", keyTraffic: "traffic",
		keySteamID: "steam_id", keyRetrieved: "retrieved", keyName: "name", keyAchieved: "achieved",
	}
	for f := range steam.Fields {
		n[fieldKey(steam.Field(f))] = steam.Fields[f].Key
	}
	for kind, name := range steam.TrafficNames {
		n[keyTrafficKinds+key(kind)] = name
	}
	for i, name := range ugcKeyNames {
		n[keyUGC+key(i)] = name
	}
	for i, name := range utilsKeyNames {
		n[keyUtils+key(i)] = name
	}
	for i, name := range inventoryKeyNames {
		n[keyInventory+key(i)] = name
	}
	for i, name := range netKeyNames {
		n[keyNet+key(i)] = name
	}
	return n
}

// dict fills the Dictionary being returned.
type dict struct{ r *C.sv_ret }

func (d dict) int(k key, v int64) { C.sv_dict_set_int(d.r, C.int32_t(k), C.int64_t(v)) }

func (d dict) bool(k key, v bool) { C.sv_dict_set_bool(d.r, C.int32_t(k), C.int32_t(b2i(v))) }

func (d dict) float(k key, v float64) { C.sv_dict_set_float(d.r, C.int32_t(k), C.double(v)) }

func (d dict) bytes(k key, v []byte) {
	var p *C.uint8_t
	if len(v) > 0 {
		p = (*C.uint8_t)(unsafe.Pointer(&v[0]))
	}
	C.sv_dict_set_bytes(d.r, C.int32_t(k), p, C.int64_t(len(v)))
}

func (d dict) string(k key, v string) {
	C.sv_dict_set_string(d.r, C.int32_t(k), cstr(v), C.int64_t(len(v)))
}

// cstr points at a Go string's bytes for the duration of one C call (C copies them).
func cstr(v string) *C.char {
	if v == "" {
		return (*C.char)(unsafe.Pointer(&emptyByte))
	}
	return (*C.char)(unsafe.Pointer(unsafe.StringData(v)))
}

var emptyByte byte

// lookup reads one entry of a Dictionary argument; ok is false when the key is absent.
func lookup[T any](from *C.sv_arg, k key, p param[T]) (v T, ok bool, err error) {
	var a C.sv_arg
	var scratch unsafe.Pointer
	if C.sv_dict_get(from.dict, C.int32_t(k), C.int32_t(p.kind.Type), &a, &scratch) == 0 {
		return v, false, nil
	}
	defer C.sv_free_scratch(scratch)
	v, err = p.decode(&a)
	return v, true, err
}

// Dictionaries returned to GDScript, with the keys of the API page.

// ticketDict carries the byte count under both names: GodotSteam's size and the page's ticket_size.
func ticketDict(d dict, t steam.AuthTicket) {
	d.int(keyID, int64(t.Handle))
	d.bytes(keyBuffer, t.Bytes)
	d.int(keySize, int64(len(t.Bytes)))
	d.int(keyTicketSize, int64(len(t.Bytes)))
}

func publicIPDict(d dict, ip steam.IPAddress) {
	d.int(keyIPv4, int64(ip.IPv4))
	d.int(keyIPv6, 0) // an int cannot hold 16 bytes; Steam game servers report IPv4
	d.int(keyType, int64(ip.Type))
}

// outgoingDict fills {length, out, address, port} in one C call. An empty answer the backend says
// stays empty until another call is one C may give again itself (cacheEmptyPacket).
func outgoingDict(d dict, p steam.OutgoingPacket) {
	var data *C.uint8_t
	if len(p.Data) > 0 {
		data = (*C.uint8_t)(unsafe.Pointer(&p.Data[0]))
	}
	C.sv_dict_set_packet(d.r, data, C.int64_t(len(p.Data)), C.int64_t(p.IP), C.int64_t(p.Port))
	if len(p.Data) == 0 && p.StaysEmpty {
		d.r.cacheable = 1
	}
}

// C fills the packet's keys itself (gdext.c, fill_packet): their numbers must match (a negative or
// non-zero index does not compile).
var (
	_ = [1]struct{}{}[keyLength-C.SV_KEY_LENGTH]
	_ = [1]struct{}{}[keyOut-C.SV_KEY_OUT]
	_ = [1]struct{}{}[keyAddress-C.SV_KEY_ADDRESS]
	_ = [1]struct{}{}[keyPort-C.SV_KEY_PORT]
)

// incomingDict answers handleIncomingPacket: data holds the bytes Steam took, empty when the
// datagram was not for Steam (not a query, or not in GameSocketShare mode).
func incomingDict(d dict, taken []byte) { d.bytes(keyData, taken) }

func initExDict(d dict, r initResult) {
	d.int(keyStatus, int64(r.status))
	d.string(keyVerbal, r.verbal)
}

// stateDict is getServerState's answer: the serverInit arguments, then every setter's field in
// the order of steam.Fields, then the rules, then what remote peers sent that was dropped, refused
// or only challenged (steam.Traffic, since serverInit).
func stateDict(d dict, v serverState) {
	st := v.state
	d.string(keyBackend, v.backend)
	d.bool(keyInitialized, v.initialized)
	d.string(keyIP, formatIPv4(st.Init.IP))
	d.int(keyGamePort, int64(st.Init.GamePort))
	d.int(keyQueryPort, int64(st.Init.QueryPort))
	d.int(keyServerMode, int64(st.Init.Mode))
	d.string(keyVersion, st.Init.Version)
	d.int(keyAppID, int64(st.Init.AppID))
	fieldsDict(d, &st)
	rules := d.child(keyKeyValues)
	for _, kv := range st.KeyValues {
		C.sv_dict_set_text(rules.r, cstr(kv.Key), C.int64_t(len(kv.Key)), cstr(kv.Value), C.int64_t(len(kv.Value)))
	}
	traffic := d.child(keyTraffic)
	for kind, n := range v.traffic {
		traffic.int(keyTrafficKinds+key(kind), int64(n))
	}
}

// child puts an empty Dictionary at k and returns it for filling.
func (d dict) child(k key) dict {
	c := &C.sv_ret{}
	C.sv_dict_new_child(d.r, C.int32_t(k), c)
	return dict{c}
}

// ints puts an Array of ints at k.
func (d dict) ints(k key, v []int64) {
	var list C.sv_ret
	C.sv_dict_new_list(d.r, C.int32_t(k), &list)
	for _, x := range v {
		C.sv_ret_append_int(&list, C.int64_t(x))
	}
}

func formatIPv4(ip uint32) string {
	return netip.AddrFrom4([4]byte{byte(ip >> 24), byte(ip >> 16), byte(ip >> 8), byte(ip)}).String()
}
