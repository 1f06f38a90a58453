package steamworks

import (
	"encoding/binary"
	"fmt"
	"net/netip"
	"strings"

	"github.com/gosteam/godot-steam-server/steam"
)

// fakeNet is the fake library's networking: which interfaces it returns, its answers by symbol,
// the bytes it writes into out buffers (by symbol), and the messages its receive calls hand out.
type fakeNet struct {
	none  map[sym]bool // accessors that return NULL
	has   map[string]bool
	ints  map[sym]int64
	bools map[sym]bool
	out   map[sym][]byte // copied into the call's (first) out buffer
	pair  [2]uint32      // CreateSocketPair's handles
	size  uint32         // IsP2PPacketAvailable's and ReadP2PPacket's size
	peer  uint64         // ReadP2PPacket's remote
	via   uint32         // GetPingToDataCenter's relay
	name  string         // GetConfigValueInfo's name
	ctype int32          // GetConfigValue's and GetConfigValueInfo's type
	scope int32          // GetConfigValueInfo's scope
	// inbox is what the receive calls return, in order; released the native handles released.
	inbox    []steam.Message
	nextMsg  uintptr
	released []uintptr
	// sent is what SendMessages was given (connection, flags, lane, payload), in order.
	sent []steam.OutgoingMessage
}

func (n *fakeNet) answer(s sym) int64 { return n.ints[s] }

// recordNet records a networking call and checks its interface was returned.
func (f *fakeFlat) recordNet(s sym, sh shape, format string, a ...any) {
	f.t.Helper()
	name := symbols[s].name
	for prefix, iface := range map[string]string{gnsock: "sockets", gnmsg: "messages", gnp2p: "p2p", gnutil: "utils"} {
		if strings.HasPrefix(name, prefix) && !f.net.has[iface] {
			f.t.Errorf("%s called without its interface (%s)", name, iface)
		}
	}
	f.record(s, sh, format, a...)
}

func (f *fakeFlat) selfNet(s sym, iface string) bool {
	f.record(s, shapeP, "")
	if f.net.has == nil {
		f.net.has = map[string]bool{}
	}
	f.net.has[iface] = !f.net.none[s]
	return f.net.has[iface]
}

func (f *fakeFlat) selfSockets(s sym) bool  { return f.selfNet(s, "sockets") }
func (f *fakeFlat) selfMessages(s sym) bool { return f.selfNet(s, "messages") }
func (f *fakeFlat) selfP2P(s sym) bool      { return f.selfNet(s, "p2p") }
func (f *fakeFlat) selfNetUtils(s sym) bool { return f.selfNet(s, "utils") }

// selfNetUtilsOf is the fallback accessor: it finds the Utils unless f.net.none names it too.
func (f *fakeFlat) selfNetUtilsOf(s sym, user int32, version string) bool {
	f.record(s, shapePI32S, "%d, %q", user, version)
	f.net.has["utils"] = !f.net.none[s]
	return f.net.has["utils"]
}

// fill copies the symbol's out bytes into buf.
func (f *fakeFlat) fill(s sym, buf []byte) { copy(buf, f.net.out[s]) }

// The identity and address helpers behave as Steam's: a Steam ID identity is type 16 with the ID
// at offset 8; an address is 16 bytes (IPv4 mapped) and the port.
func (f *fakeFlat) vYU64(s sym, identity []byte, id uint64) {
	f.record(s, shapeVYU64, "%#x", id)
	clear(identity)
	binary.LittleEndian.PutUint32(identity, identityTypeSteamID)
	binary.LittleEndian.PutUint32(identity[4:], 8)
	binary.LittleEndian.PutUint64(identity[8:], id)
}

func (f *fakeFlat) u64Y(s sym, identity []byte) uint64 {
	f.record(s, shapeU64Y, "")
	return fakeIdentitySteamID(identity)
}

func fakeIdentitySteamID(identity []byte) uint64 {
	if len(identity) < identitySize || binary.LittleEndian.Uint32(identity) != identityTypeSteamID {
		return 0
	}
	return binary.LittleEndian.Uint64(identity[8:])
}

func (f *fakeFlat) bAS(s sym, addr []byte, text string) bool {
	f.record(s, shapeBAS, "%q", text)
	ap, err := netip.ParseAddrPort(text)
	if err != nil {
		return false
	}
	ip := ap.Addr().As16()
	copy(addr, ip[:])
	binary.LittleEndian.PutUint16(addr[16:], ap.Port())
	return true
}

func (f *fakeFlat) vAPU32B(s sym, addr, out []byte, withPort bool) {
	f.record(s, shapeVAPU32B, "%d, %v", len(out), withPort)
	ip := netip.AddrFrom16([16]byte(addr[:16])).Unmap()
	text := netip.AddrPortFrom(ip, binary.LittleEndian.Uint16(addr[16:])).String()
	out[copy(out[:len(out)-1], text)] = 0
}

func (f *fakeFlat) releaseMessages(s sym, msgs []uintptr) {
	f.record(s, shapeVG, "%v", msgs)
	f.net.released = append(f.net.released, msgs...)
}

func optionsText(opts []steam.ConfigOption) string { return fmt.Sprintf("%v", opts) }

func (f *fakeFlat) u32KPI32P(s sym, addr []byte, opts []steam.ConfigOption) uint32 {
	ip := netip.AddrFrom16([16]byte(addr[:16])).Unmap()
	f.recordNet(s, shapeU32KPI32P, "%v, %s", netip.AddrPortFrom(ip, binary.LittleEndian.Uint16(addr[16:])), optionsText(opts))
	return uint32(f.net.answer(s))
}

func (f *fakeFlat) u32KI32I32P(s sym, port int32, opts []steam.ConfigOption) uint32 {
	f.recordNet(s, shapeU32KI32I32P, "%d, %s", port, optionsText(opts))
	return uint32(f.net.answer(s))
}

func (f *fakeFlat) u32KPI32I32P(s sym, identity []byte, port int32, opts []steam.ConfigOption) uint32 {
	f.recordNet(s, shapeU32KPI32I32P, "%#x, %d, %s", fakeIdentitySteamID(identity), port, optionsText(opts))
	return uint32(f.net.answer(s))
}

func (f *fakeFlat) i32KU32(s sym, h uint32) int32 {
	f.recordNet(s, shapeI32KU32, "%d", h)
	return int32(f.net.answer(s))
}

func (f *fakeFlat) bKU32I32SB(s sym, h uint32, reason int32, debug string, linger bool) bool {
	f.recordNet(s, shapeBKU32I32SB, "%d, %d, %q, %v", h, reason, debug, linger)
	return f.net.bools[s]
}

func (f *fakeFlat) bKU32(s sym, h uint32) bool {
	f.recordNet(s, shapeBKU32, "%d", h)
	return f.net.bools[s]
}

func (f *fakeFlat) bKU32I64(s sym, h uint32, v int64) bool {
	f.recordNet(s, shapeBKU32I64, "%d, %d", h, v)
	return f.net.bools[s]
}

func (f *fakeFlat) i64KU32(s sym, h uint32) int64 {
	f.recordNet(s, shapeI64KU32, "%d", h)
	return f.net.answer(s)
}

func (f *fakeFlat) vKU32S(s sym, h uint32, text string) {
	f.recordNet(s, shapeVKU32S, "%d, %q", h, text)
}

func (f *fakeFlat) bKU32PI32(s sym, h uint32, buf []byte) bool {
	f.recordNet(s, shapeBKU32PI32, "%d, buf[%d]", h, len(buf))
	f.fill(s, buf)
	return f.net.bools[s]
}

func (f *fakeFlat) i32KU32PU32I32PI64(s sym, h uint32, data []byte, flags int32) (int32, int64) {
	f.recordNet(s, shapeI32KU32PU32I32PI64, "%d, %q, %d", h, data, flags)
	return int32(f.net.answer(s)), 77
}

// sendMessages records each allocation and the send; Steam answers each message's number (its
// index + 1), or -LimitExceeded for an empty connection handle.
func (f *fakeFlat) sendMessages(alloc, send sym, msgs []steam.OutgoingMessage, results []int64) {
	for _, m := range msgs {
		f.recordNet(alloc, shapePTI32, "%d", len(m.Data))
	}
	f.recordNet(send, shapeVKI32PP, "%d", len(msgs))
	for i, m := range msgs {
		f.net.sent = append(f.net.sent, steam.OutgoingMessage{Conn: m.Conn, Flags: m.Flags, Lane: m.Lane, Data: append([]byte(nil), m.Data...)})
		results[i] = int64(i + 1)
		if m.Conn == 0 {
			results[i] = -int64(steam.ResultInvalidParam)
		}
	}
}

// receive hands out up to max messages of the inbox, each with a native handle of its own.
func (f *fakeFlat) receive(max int, b *steam.MessageBatch) int {
	n := min(max, len(f.net.inbox))
	for _, m := range f.net.inbox[:n] {
		f.net.nextMsg++
		b.Native = append(b.Native, 0x1000+f.net.nextMsg)
		b.Messages = append(b.Messages, m)
	}
	f.net.inbox = f.net.inbox[n:]
	return n
}

func (f *fakeFlat) i32KU32Msgs(s sym, h uint32, max int, b *steam.MessageBatch) int {
	f.recordNet(s, shapeI32KU32MsgsI32, "%d, %d", h, max)
	if f.net.ints[s] < 0 {
		return int(f.net.ints[s])
	}
	return f.receive(max, b)
}

func (f *fakeFlat) i32MI32Msgs(s sym, channel int32, max int, b *steam.MessageBatch) int {
	f.recordNet(s, shapeI32MI32MsgsI32, "%d, %d", channel, max)
	return f.receive(max, b)
}

func (f *fakeFlat) bKU32P(s sym, h uint32, buf []byte) bool {
	f.recordNet(s, shapeBKU32P, "%d, buf[%d]", h, len(buf))
	f.fill(s, buf)
	return f.net.bools[s]
}

func (f *fakeFlat) i32KU32PI32P(s sym, h uint32, status, lanes []byte, nLanes int32) int32 {
	f.recordNet(s, shapeI32KU32PI32P, "%d, buf[%d], %d, buf[%d]", h, len(status), nLanes, len(lanes))
	f.fill(s, status)
	for i := 0; i+laneStatusSize <= len(lanes); i += laneStatusSize {
		binary.LittleEndian.PutUint32(lanes[i:], uint32(100+i/laneStatusSize)) // m_cbPendingUnreliable
	}
	return int32(f.net.answer(s))
}

func (f *fakeFlat) i32KU32PI32(s sym, h uint32, buf []byte) int32 {
	f.recordNet(s, shapeI32KU32PI32, "%d, buf[%d]", h, len(buf))
	text := f.net.out[s]
	if len(text) >= len(buf) {
		return int32(len(text) + 1) // Steam asks for room for the text and its NUL
	}
	copy(buf, text)
	return int32(f.net.answer(s))
}

func (f *fakeFlat) bKPU32PU32BPP(s sym, loopback bool, id1, id2 []byte) (bool, uint32, uint32) {
	f.recordNet(s, shapeBKPU32PU32BPP, "%v, %v, %v", loopback, id1 == nil, id2 == nil)
	return f.net.bools[s], f.net.pair[0], f.net.pair[1]
}

func (f *fakeFlat) i32KU32I32PP(s sym, h uint32, priorities []int32, weights []uint16) int32 {
	f.recordNet(s, shapeI32KU32I32PP, "%d, %v, %v", h, priorities, weights)
	return int32(f.net.answer(s))
}

func (f *fakeFlat) bKP(s sym, buf []byte) bool {
	f.recordNet(s, shapeBKP, "buf[%d]", len(buf))
	f.fill(s, buf)
	return f.net.bools[s]
}

func (f *fakeFlat) i32K(s sym) int32 { f.recordNet(s, shapeI32K, ""); return int32(f.net.answer(s)) }

func (f *fakeFlat) i32KP(s sym, buf []byte) int32 {
	f.recordNet(s, shapeI32KP, "buf[%d]", len(buf))
	f.fill(s, buf)
	return int32(f.net.answer(s))
}

func (f *fakeFlat) u32K(s sym) uint32 { f.recordNet(s, shapeU32K, ""); return uint32(f.net.answer(s)) }

func (f *fakeFlat) bKU32U32(s sym, a, b uint32) bool {
	f.recordNet(s, shapeBKU32U32, "%d, %d", a, b)
	return f.net.bools[s]
}

func (f *fakeFlat) u16K(s sym) uint16 { f.recordNet(s, shapeU16K, ""); return uint16(f.net.answer(s)) }

func (f *fakeFlat) vKP(s sym, identity []byte) {
	f.recordNet(s, shapeVKP, "%v", fakeIdentityText(identity))
}

// fakeIdentityText is an identity's Steam ID in hex, or NULL.
func fakeIdentityText(identity []byte) string {
	if identity == nil {
		return "NULL"
	}
	return fmt.Sprintf("%#x", fakeIdentitySteamID(identity))
}

func (f *fakeFlat) vK(s sym) { f.recordNet(s, shapeVK, "") }

func (f *fakeFlat) i32MPPU32I32I32(s sym, identity, data []byte, flags, channel int32) int32 {
	f.recordNet(s, shapeI32MPPU32I32I32, "%s, %q, %d, %d", fakeIdentityText(identity), data, flags, channel)
	return int32(f.net.answer(s))
}

func (f *fakeFlat) bMP(s sym, identity []byte) bool {
	f.recordNet(s, shapeBMP, "%s", fakeIdentityText(identity))
	return f.net.bools[s]
}

func (f *fakeFlat) bMPI32(s sym, identity []byte, channel int32) bool {
	f.recordNet(s, shapeBMPI32, "%s, %d", fakeIdentityText(identity), channel)
	return f.net.bools[s]
}

func (f *fakeFlat) i32MPPP(s sym, identity, info, status []byte) int32 {
	f.recordNet(s, shapeI32MPPP, "%s, buf[%d], buf[%d]", fakeIdentityText(identity), len(info), len(status))
	f.fill(s, info)
	return int32(f.net.answer(s))
}

func (f *fakeFlat) bOU64PU32I32I32(s sym, id uint64, data []byte, sendType, channel int32) bool {
	f.recordNet(s, shapeBOU64PU32I32I32, "%#x, %q, %d, %d", id, data, sendType, channel)
	return f.net.bools[s]
}

func (f *fakeFlat) bOPU32I32(s sym, channel int32) (bool, uint32) {
	f.recordNet(s, shapeBOPU32I32, "%d", channel)
	return f.net.bools[s], f.net.size
}

func (f *fakeFlat) bOPU32PU32PU64I32(s sym, buf []byte, channel int32) (bool, uint32, uint64) {
	f.recordNet(s, shapeBOPU32PU32PU64I32, "buf[%d], %d", len(buf), channel)
	f.fill(s, buf)
	return f.net.bools[s], f.net.size, f.net.peer
}

func (f *fakeFlat) bOU64(s sym, id uint64) bool {
	f.recordNet(s, shapeBOU64, "%#x", id)
	return f.net.bools[s]
}

func (f *fakeFlat) bOU64I32(s sym, id uint64, channel int32) bool {
	f.recordNet(s, shapeBOU64I32, "%#x, %d", id, channel)
	return f.net.bools[s]
}

func (f *fakeFlat) bOU64P(s sym, id uint64, buf []byte) bool {
	f.recordNet(s, shapeBOU64P, "%#x, buf[%d]", id, len(buf))
	f.fill(s, buf)
	return f.net.bools[s]
}

func (f *fakeFlat) bOB(s sym, a bool) bool { f.recordNet(s, shapeBOB, "%v", a); return f.net.bools[s] }

func (f *fakeFlat) i64T(s sym) int64 { f.recordNet(s, shapeI64T, ""); return f.net.answer(s) }
func (f *fakeFlat) vT(s sym)         { f.recordNet(s, shapeVT, "") }

func (f *fakeFlat) i32TP(s sym, buf []byte) int32 {
	f.recordNet(s, shapeI32TP, "buf[%d]", len(buf))
	f.fill(s, buf)
	return int32(f.net.answer(s))
}

func (f *fakeFlat) f32TP(s sym, buf []byte) float32 {
	f.recordNet(s, shapeF32TP, "buf[%d]", len(buf))
	f.fill(s, buf)
	return float32(f.net.answer(s))
}

func (f *fakeFlat) i32TPP(s sym, a, b []byte) int32 {
	f.recordNet(s, shapeI32TPP, "buf[%d], buf[%d]", len(a), len(b))
	return int32(f.net.answer(s))
}

func (f *fakeFlat) vTPPI32(s sym, loc, out []byte) {
	f.recordNet(s, shapeVTPPI32, "buf[%d], buf[%d]", len(loc), len(out))
	f.fill(s, out)
}

func (f *fakeFlat) bTSP(s sym, text string, loc []byte) bool {
	f.recordNet(s, shapeBTSP, "%q, buf[%d]", text, len(loc))
	f.fill(s, loc)
	return f.net.bools[s]
}

func (f *fakeFlat) bTF32(s sym, v float32) bool {
	f.recordNet(s, shapeBTF32, "%g", v)
	return f.net.bools[s]
}

func (f *fakeFlat) i32TU32PU32(s sym, pop uint32) (int32, uint32) {
	f.recordNet(s, shapeI32TU32PU32, "%#x", pop)
	return int32(f.net.answer(s)), f.net.via
}

func (f *fakeFlat) i32TU32(s sym, pop uint32) int32 {
	f.recordNet(s, shapeI32TU32, "%#x", pop)
	return int32(f.net.answer(s))
}

func (f *fakeFlat) i32T(s sym) int32 { f.recordNet(s, shapeI32T, ""); return int32(f.net.answer(s)) }

func (f *fakeFlat) i32TPI32(s sym, list []uint32) int32 {
	f.recordNet(s, shapeI32TPI32, "list[%d]", len(list))
	for i := range list {
		list[i] = uint32(0x61610000 + i)
	}
	return int32(f.net.answer(s))
}

func (f *fakeFlat) bTI32I32IptrI32P(s sym, value, scope int32, obj int64, dataType int32, arg []byte) bool {
	f.recordNet(s, shapeBTI32I32IptrI32P, "%d, %d, %d, %d, % x", value, scope, obj, dataType, arg)
	return f.net.bools[s]
}

func (f *fakeFlat) i32TI32I32IptrPI32PPsz(s sym, value, scope int32, obj int64, buf []byte) (int32, int32, int) {
	f.recordNet(s, shapeI32TI32I32IptrPI32PPsz, "%d, %d, %d, buf[%d]", value, scope, obj, len(buf))
	out := f.net.out[s]
	if len(out) > len(buf) {
		return int32(steam.ConfigGetBufferTooSmall), f.net.ctype, len(out)
	}
	copy(buf, out)
	return int32(f.net.answer(s)), f.net.ctype, len(out)
}

func (f *fakeFlat) sTI32PI32PI32(s sym, value int32) (string, int32, int32) {
	f.recordNet(s, shapeSTI32PI32PI32, "%d", value)
	return f.net.name, f.net.ctype, f.net.scope
}
