package steamworks

import (
	"fmt"
	"strings"
	"testing"
)

// fakeFlat stands in for libsteam_api.so: it records each call as "Name(args)" (the symbol's name
// without the ISteamGameServer_ prefix), fails the test when a symbol is called through a shape
// other than its row in the table, and follows manual dispatch's rules (FreeLastCallback after each
// callback, GetAPICallResult only while a SteamAPICallCompleted_t is current).
type fakeFlat struct {
	t     *testing.T
	calls []string
	used  map[sym]bool

	initStatus int32
	initMsg    string
	noSelf     bool // SteamAPI_SteamGameServer_v015 returns NULL
	hasSelf    bool
	pipe       int32

	callbacks []fakeCallback    // what GetNextCallback hands out, in order
	current   *fakeCallback     // the callback not yet freed
	results   map[uint64][]byte // async call results by SteamAPICall_t
	failed    map[uint64]bool   // calls whose result reports failure
	nextCall  uint64            // SteamAPICall_t the next async call returns; 0 = refused
	bools     map[sym]bool      // b_p and b_p_u64_u64 answers
	ints      map[sym]int32     // i32 answers
	steamID   uint64            // GetSteamID
	botID     uint64            // CreateUnauthenticatedUserConnection
	ip        [16]byte          // GetPublicIP
	ipType    int32             // GetPublicIP
	ticket    []byte            // GetAuthSessionTicket's bytes
	ticketID  uint32            // GetAuthSessionTicket's handle
	outgoing  []byte            // GetNextOutgoingPacket's datagram
	outIP     uint32            // and its address
	outPort   uint16            // and port
	noStats   bool              // SteamAPI_SteamGameServerStats_v001 returns NULL
	hasStats  bool
	statInt   int32   // GetUserStatInt32's value
	statFloat float32 // GetUserStatFloat's value
	ugc       fakeUGC // the Workshop (fake_ugc_test.go)
	web       fakeHTTP
	inv       fakeInventory // Steam Inventory (fake_inventory_test.go)

	utils fakeUtils // ISteamUtils (fake_utils_test.go)
	net   fakeNet   // the networking interfaces (fake_net_test.go)
}

type fakeCallback struct {
	id    int32
	param []byte
}

func newFake(t *testing.T) *fakeFlat {
	return &fakeFlat{t: t, used: map[sym]bool{}, pipe: 7, results: map[uint64][]byte{}, failed: map[uint64]bool{},
		bools: map[sym]bool{}, ints: map[sym]int32{},
		ugc: fakeUGC{handle: 0x5001, counts: map[sym]uint32{}, texts: map[sym][]string{}, texts2: map[sym][]string{}}}
}

func (f *fakeFlat) record(s sym, sh shape, format string, a ...any) {
	f.t.Helper()
	if got := symbols[s].shape; got != sh {
		f.t.Errorf("%s called as %s, but its row in the table says %s", symbols[s].name, sh, got)
	}
	if strings.HasPrefix(symbols[s].name, gs) && !f.hasSelf {
		f.t.Errorf("%s called without an ISteamGameServer interface", symbols[s].name)
	}
	if strings.HasPrefix(symbols[s].name, gss) && !f.hasStats {
		f.t.Errorf("%s called without an ISteamGameServerStats interface", symbols[s].name)
	}
	if strings.HasPrefix(symbols[s].name, gsu) && !f.ugc.hasUGC {
		f.t.Errorf("%s called without an ISteamUGC interface", symbols[s].name)
	}
	if strings.HasPrefix(symbols[s].name, gsi) && !f.inv.hasInventory {
		f.t.Errorf("%s called without an ISteamInventory interface", symbols[s].name)
	}
	f.used[s] = true
	if strings.HasPrefix(symbols[s].name, ghttp) && !f.web.has {
		f.t.Errorf("%s called without an ISteamHTTP interface", symbols[s].name)
	}
	name := symbols[s].name
	for _, prefix := range []string{gs, gss, gsu, ghttp, gsi, gnsock, gnmsg, gnp2p, gnutil} {
		name = strings.TrimPrefix(name, prefix)
	}
	f.calls = append(f.calls, name+"("+fmt.Sprintf(format, a...)+")")
}

// take returns the calls recorded since the last take.
func (f *fakeFlat) take() []string {
	c := f.calls
	f.calls = nil
	return c
}

func (f *fakeFlat) init(s sym, ip uint32, gamePort, queryPort uint16, mode int32, version, interfaces string) (int32, string) {
	f.record(s, shapeInit, "%#08x, %d, %d, %d, %q, %q", ip, gamePort, queryPort, mode, version, interfaces)
	return f.initStatus, f.initMsg
}

func (f *fakeFlat) self(s sym) bool {
	f.record(s, shapeP, "")
	f.hasSelf = !f.noSelf
	return f.hasSelf
}

func (f *fakeFlat) v(s sym) { f.record(s, shapeV, "") }

func (f *fakeFlat) vI32(s sym, a int32) {
	f.record(s, shapeVI32, "%d", a)
	if s == symDispatchFreeLastCallback {
		if f.current == nil {
			f.t.Error("FreeLastCallback without a current callback")
		}
		f.current = nil
	}
}

func (f *fakeFlat) i32(s sym) int32 {
	f.record(s, shapeI32, "")
	if s == symGameServerGetHSteamPipe {
		return f.pipe
	}
	return f.ints[s]
}

func (f *fakeFlat) nextCallback(s sym, pipe int32) (int32, []byte, bool) {
	f.record(s, shapeBI32Msg, "%d", pipe)
	if f.current != nil {
		f.t.Error("GetNextCallback before FreeLastCallback")
	}
	if len(f.callbacks) == 0 {
		return 0, nil, false
	}
	cb := f.callbacks[0]
	f.callbacks = f.callbacks[1:]
	f.current = &cb
	return cb.id, cb.param, true
}

func (f *fakeFlat) apiCallResult(s sym, pipe int32, call uint64, size int, id int32) ([]byte, bool, bool) {
	f.record(s, shapeBI32U64PI32I32P, "%d, %#x, %d, %d", pipe, call, size, id)
	if f.current == nil || f.current.id != idAPICallCompleted {
		f.t.Error("GetAPICallResult outside a SteamAPICallCompleted_t")
	}
	r, ok := f.results[call]
	if !ok {
		return nil, false, false
	}
	buf := make([]byte, size)
	copy(buf, r)
	return buf, f.failed[call], true
}

func (f *fakeFlat) vP(s sym)                { f.record(s, shapeVP, "") }
func (f *fakeFlat) vPS(s sym, a string)     { f.record(s, shapeVPS, "%q", a) }
func (f *fakeFlat) vPSS(s sym, a, b string) { f.record(s, shapeVPSS, "%q, %q", a, b) }
func (f *fakeFlat) vPB(s sym, a bool)       { f.record(s, shapeVPB, "%v", a) }
func (f *fakeFlat) vPI32(s sym, a int32)    { f.record(s, shapeVPI32, "%d", a) }
func (f *fakeFlat) vPU16(s sym, a uint16)   { f.record(s, shapeVPU16, "%d", a) }
func (f *fakeFlat) vPU32(s sym, a uint32)   { f.record(s, shapeVPU32, "%d", a) }
func (f *fakeFlat) vPU64(s sym, a uint64)   { f.record(s, shapeVPU64, "%#x", a) }

func (f *fakeFlat) bP(s sym) bool {
	f.record(s, shapeBP, "")
	return f.bools[s]
}

func (f *fakeFlat) u64P(s sym) uint64 {
	f.record(s, shapeU64P, "")
	if s == symCreateUnauthenticatedUserConnection {
		return f.botID
	}
	return f.steamID
}

func (f *fakeFlat) u64PU64(s sym, a uint64) uint64 {
	f.record(s, shapeU64PU64, "%#x", a)
	return f.nextCall
}

func (f *fakeFlat) ipP(s sym) (int32, [16]byte) {
	f.record(s, shapeIPP, "")
	return f.ipType, f.ip
}

func (f *fakeFlat) u32PPI32PP(s sym, buf, identity []byte) (uint32, uint32) {
	if len(identity) == 0 {
		f.record(s, shapeU32PPI32PP, "buf[%d], NULL", len(buf))
	} else {
		f.record(s, shapeU32PPI32PP, "buf[%d], % x", len(buf), identity)
	}
	n := copy(buf, f.ticket)
	return f.ticketID, uint32(n)
}

func (f *fakeFlat) i32PPI32U64(s sym, data []byte, a uint64) int32 {
	f.record(s, shapeI32PPI32U64, "% x, %#x", data, a)
	return f.ints[s]
}

func (f *fakeFlat) i32PU64U32(s sym, a uint64, b uint32) int32 {
	f.record(s, shapeI32PU64U32, "%#x, %d", a, b)
	return f.ints[s]
}

func (f *fakeFlat) bPU64U64(s sym, a, b uint64) bool {
	f.record(s, shapeBPU64U64, "%#x, %#x", a, b)
	return f.bools[s]
}

func (f *fakeFlat) bPPI32U32U16(s sym, data []byte, ip uint32, port uint16) bool {
	f.record(s, shapeBPPI32U32U16, "% x, %#08x, %d", data, ip, port)
	return f.bools[s]
}

func (f *fakeFlat) i32PPI32PP(s sym, buf []byte) (int32, uint32, uint16) {
	f.record(s, shapeI32PPI32PP, "buf[%d]", len(buf))
	if f.outgoing == nil {
		return 0, 0, 0
	}
	n := copy(buf, f.outgoing)
	f.outgoing = nil
	return int32(n), f.outIP, f.outPort
}

func (f *fakeFlat) bPU32PU32P(s sym, ip uint32, blob []byte, id uint64) (bool, uint64) {
	f.record(s, shapeBPU32PU32P, "%#08x, % x, %#x", ip, blob, id)
	return f.bools[s], id
}

func (f *fakeFlat) bPU64SU32(s sym, a uint64, b string, c uint32) bool {
	f.record(s, shapeBPU64SU32, "%#x, %q, %d", a, b, c)
	return f.bools[s]
}

func (f *fakeFlat) selfStats(s sym) bool {
	f.record(s, shapeP, "")
	f.hasStats = !f.noStats
	return f.hasStats
}

func (f *fakeFlat) u64QU64(s sym, a uint64) uint64 {
	f.record(s, shapeU64QU64, "%#x", a)
	return f.nextCall
}

func (f *fakeFlat) bQU64S(s sym, a uint64, name string) bool {
	f.record(s, shapeBQU64S, "%#x, %q", a, name)
	return f.bools[s]
}

func (f *fakeFlat) bQU64SPI32(s sym, a uint64, name string) (bool, int32) {
	f.record(s, shapeBQU64SPI32, "%#x, %q", a, name)
	return f.bools[s], f.statInt
}

func (f *fakeFlat) bQU64SPF32(s sym, a uint64, name string) (bool, float32) {
	f.record(s, shapeBQU64SPF32, "%#x, %q", a, name)
	return f.bools[s], f.statFloat
}

func (f *fakeFlat) bQU64SPB(s sym, a uint64, name string) (bool, bool) {
	f.record(s, shapeBQU64SPB, "%#x, %q", a, name)
	return f.bools[s], true
}

func (f *fakeFlat) bQU64SI32(s sym, a uint64, name string, v int32) bool {
	f.record(s, shapeBQU64SI32, "%#x, %q, %d", a, name, v)
	return f.bools[s]
}

func (f *fakeFlat) bQU64SF32(s sym, a uint64, name string, v float32) bool {
	f.record(s, shapeBQU64SF32, "%#x, %q, %g", a, name, v)
	return f.bools[s]
}

func (f *fakeFlat) bQU64SF32F64(s sym, a uint64, name string, v float32, w float64) bool {
	f.record(s, shapeBQU64SF32F64, "%#x, %q, %g, %g", a, name, v, w)
	return f.bools[s]
}
