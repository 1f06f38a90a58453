package steamworks

import (
	"encoding/binary"

	"github.com/gosteam/godot-steam-server/steam"
)

// The fake ISteamInventory (see fakeFlat): it records each call as the other methods do and
// answers from fakeInventory, filling the caller's buffers and arrays as Steam would: a NULL buffer
// gets the size needed, a short one is cut (strings without their NUL).

// fakeInventory is what the fake inventory answers.
type fakeInventory struct {
	noInventory  bool // SteamAPI_SteamGameServerInventory_v003 returns NULL
	hasInventory bool
	handle       int32 // the result handle calls write; 0 means they answer false
	status       int32 // GetResultStatus's answer
	items        []steam.ItemDetails
	text         string // GetResultItemProperty's and GetItemDefinitionProperty's value
	serialized   []byte
	defs         []int32 // GetItemDefinitionIDs' and GetEligiblePromoItemDefinitionIDs' answer
	prices       []steam.ItemPrice
	update       uint64 // StartUpdateProperties' handle
	stamp        uint32
	owner        uint64 // CheckResultSteamID is true for this one
}

func (f *fakeFlat) selfInventory(s sym) bool {
	f.record(s, shapeP, "")
	f.inv.hasInventory = !f.inv.noInventory
	return f.inv.hasInventory
}

// made answers a call that makes a result.
func (f *fakeFlat) made() (bool, int32) {
	if f.inv.handle == 0 {
		return false, -1
	}
	return true, f.inv.handle
}

// fill writes src into buf as Steam writes a sized answer: the size needed for a NULL buf.
func fill(buf, src []byte) uint32 {
	if buf == nil {
		return uint32(len(src))
	}
	return uint32(copy(buf, src))
}

// cText is s as Steam writes a string: with its NUL, cut to the buffer.
func cText(s string) []byte { return append([]byte(s), 0) }

func (f *fakeFlat) i32NI32(s sym, h int32) int32 {
	f.record(s, shapeI32NI32, "%d", h)
	return f.inv.status
}

func (f *fakeFlat) u32NI32(s sym, h int32) uint32 {
	f.record(s, shapeU32NI32, "%d", h)
	return f.inv.stamp
}

func (f *fakeFlat) vNI32(s sym, h int32) { f.record(s, shapeVNI32, "%d", h) }

func (f *fakeFlat) bNI32U64(s sym, h int32, id uint64) bool {
	f.record(s, shapeBNI32U64, "%d, %#x", h, id)
	return id == f.inv.owner
}

func (f *fakeFlat) bNI32PPU32(s sym, h int32, buf []byte, size uint32) (bool, uint32) {
	f.record(s, shapeBNI32PPU32, "%d, buf[%d], %d", h, len(buf), size)
	if !f.bools[s] {
		return false, 0
	}
	if s == symSerializeResult {
		return true, fill(buf, f.inv.serialized)
	}
	var raw []byte
	for _, it := range f.inv.items {
		raw = binary.LittleEndian.AppendUint64(raw, it.ItemID)
		raw = binary.LittleEndian.AppendUint32(raw, uint32(it.Definition))
		raw = binary.LittleEndian.AppendUint16(raw, it.Quantity)
		raw = binary.LittleEndian.AppendUint16(raw, it.Flags)
	}
	return true, fill(buf, raw) / 16
}

func (f *fakeFlat) bNI32U32SPPU32(s sym, h int32, index uint32, name string, buf []byte) (bool, uint32) {
	f.record(s, shapeBNI32U32SPPU32, "%d, %d, %q, buf[%d]", h, index, name, len(buf))
	return f.bools[s], fill(buf, cText(f.inv.text))
}

func (f *fakeFlat) bNPI32(s sym) (bool, int32) {
	f.record(s, shapeBNPI32, "")
	return f.made()
}

func (f *fakeFlat) bNPI32I32(s sym, a int32) (bool, int32) {
	f.record(s, shapeBNPI32I32, "%d", a)
	return f.made()
}

func (f *fakeFlat) bNPI32PU32(s sym, arr []byte, n uint32) (bool, int32) {
	f.record(s, shapeBNPI32PU32, "% x, %d", arr, n)
	return f.made()
}

func (f *fakeFlat) bNPI32PU32B(s sym, buf []byte, reserved bool) (bool, int32) {
	f.record(s, shapeBNPI32PU32B, "% x, %v", buf, reserved)
	return f.made()
}

func (f *fakeFlat) bNPI32PPU32(s sym, defs, qty []byte, n uint32) (bool, int32) {
	f.record(s, shapeBNPI32PPU32, "% x, % x, %d", defs, qty, n)
	return f.made()
}

func (f *fakeFlat) bNPI32U64U32(s sym, item uint64, qty uint32) (bool, int32) {
	f.record(s, shapeBNPI32U64U32, "%d, %d", item, qty)
	return f.made()
}

func (f *fakeFlat) bNPI32U64U32U64(s sym, src uint64, qty uint32, dst uint64) (bool, int32) {
	f.record(s, shapeBNPI32U64U32U64, "%d, %d, %#x", src, qty, dst)
	return f.made()
}

func (f *fakeFlat) bNPI32PPU32PPU32(s sym, gen, genQty []byte, genN uint32, destroy, destroyQty []byte, destroyN uint32) (bool, int32) {
	f.record(s, shapeBNPI32PPU32PPU32, "% x, % x, %d, % x, % x, %d", gen, genQty, genN, destroy, destroyQty, destroyN)
	return f.made()
}

func (f *fakeFlat) bNU64PI32(s sym, update uint64) (bool, int32) {
	f.record(s, shapeBNU64PI32, "%d", update)
	return f.made()
}

func (f *fakeFlat) bN(s sym) bool {
	f.record(s, shapeBN, "")
	return f.bools[s]
}

func (f *fakeFlat) defsBuf(s sym, sh shape, buf []byte, n uint32, format string, a ...any) (bool, uint32) {
	f.record(s, sh, format+"buf[%d], %d", append(a, len(buf), n)...)
	if buf == nil {
		return true, uint32(len(f.inv.defs))
	}
	got := min(n, uint32(len(f.inv.defs)))
	for i := range got {
		binary.LittleEndian.PutUint32(buf[4*i:], uint32(f.inv.defs[i]))
	}
	return true, got
}

func (f *fakeFlat) bNPPU32(s sym, buf []byte, n uint32) (bool, uint32) {
	return f.defsBuf(s, shapeBNPPU32, buf, n, "")
}

func (f *fakeFlat) bNU64PPU32(s sym, id uint64, buf []byte, n uint32) (bool, uint32) {
	return f.defsBuf(s, shapeBNU64PPU32, buf, n, "%#x, ", id)
}

func (f *fakeFlat) bNI32SPPU32(s sym, def int32, name string, buf []byte) (bool, uint32) {
	f.record(s, shapeBNI32SPPU32, "%d, %q, buf[%d]", def, name, len(buf))
	return f.bools[s], fill(buf, cText(f.inv.text))
}

func (f *fakeFlat) u64NU64(s sym, id uint64) uint64 {
	f.record(s, shapeU64NU64, "%#x", id)
	return f.nextCall
}

func (f *fakeFlat) u64NPPU32(s sym, defs, qty []byte, n uint32) uint64 {
	f.record(s, shapeU64NPPU32, "% x, % x, %d", defs, qty, n)
	return f.nextCall
}

func (f *fakeFlat) u64N(s sym) uint64 {
	f.record(s, shapeU64N, "")
	if s == symStartUpdateProperties {
		return f.inv.update
	}
	return f.nextCall
}

func (f *fakeFlat) u32N(s sym) uint32 {
	f.record(s, shapeU32N, "")
	return uint32(len(f.inv.prices))
}

func (f *fakeFlat) bNPPPU32(s sym, defs, prices, bases []byte, n uint32) bool {
	f.record(s, shapeBNPPPU32, "buf[%d], buf[%d], buf[%d], %d", len(defs), len(prices), len(bases), n)
	for i, p := range f.inv.prices[:min(int(n), len(f.inv.prices))] {
		binary.LittleEndian.PutUint32(defs[4*i:], uint32(p.Definition))
		binary.LittleEndian.PutUint64(prices[8*i:], p.Price)
		binary.LittleEndian.PutUint64(bases[8*i:], p.BasePrice)
	}
	return f.bools[s]
}

func (f *fakeFlat) bNI32PU64PU64(s sym, def int32) (bool, uint64, uint64) {
	f.record(s, shapeBNI32PU64PU64, "%d", def)
	for _, p := range f.inv.prices {
		if p.Definition == def {
			return true, p.Price, p.BasePrice
		}
	}
	return false, 0, 0
}

func (f *fakeFlat) bNU64U64S(s sym, update, item uint64, name string) bool {
	f.record(s, shapeBNU64U64S, "%d, %d, %q", update, item, name)
	return f.bools[s]
}

func (f *fakeFlat) bNU64U64SS(s sym, update, item uint64, name, v string) bool {
	f.record(s, shapeBNU64U64SS, "%d, %d, %q, %q", update, item, name, v)
	return f.bools[s]
}

func (f *fakeFlat) bNU64U64SB(s sym, update, item uint64, name string, v bool) bool {
	f.record(s, shapeBNU64U64SB, "%d, %d, %q, %v", update, item, name, v)
	return f.bools[s]
}

func (f *fakeFlat) bNU64U64SI64(s sym, update, item uint64, name string, v int64) bool {
	f.record(s, shapeBNU64U64SI64, "%d, %d, %q, %d", update, item, name, v)
	return f.bools[s]
}

func (f *fakeFlat) bNU64U64SF32(s sym, update, item uint64, name string, v float32) bool {
	f.record(s, shapeBNU64U64SF32, "%d, %d, %q, %g", update, item, name, v)
	return f.bools[s]
}
