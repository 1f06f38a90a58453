package steamworks

import (
	"bytes"
	"encoding/binary"
	"math"
	"slices"

	"github.com/gosteam/godot-steam-server/steam"
)

// callback is one row of callbacks: a Steam callback struct and its decoder.
type callback struct {
	id      int32
	sdk     string   // the SDK's struct name
	size    int      // sizeof at the platform's packing (set by layOut); a shorter struct is skipped
	members []member // every member, in the SDK's order
	// pack, when not 0, is the struct's own #pragma pack, tighter than the callbacks' (the
	// networking identity, address and NetworkingMessages callbacks are pack 1 everywhere).
	pack int
	// decode makes the event from the struct's bytes; nil for a struct the pump reads itself.
	decode func(r *record) steam.Event
}

// member is one member of a callback struct: its SDK name, its size and its C type's natural
// alignment in bytes, and its offset at the platform's packing (set by layOut).
type member struct {
	name             string
	off, size, align int
}

func i32(name string) member     { return member{name: name, size: 4, align: 4} }
func u32(name string) member     { return member{name: name, size: 4, align: 4} }
func u64(name string) member     { return member{name: name, size: 8, align: 8} }
func u16(name string) member     { return member{name: name, size: 2, align: 2} }
func f32(name string) member     { return member{name: name, size: 4, align: 4} } // float
func steamID(name string) member { return member{name: name, size: 8, align: 8} } // CSteamID, a union of uint64
func flag(name string) member    { return member{name: name, size: 1, align: 1} } // bool, or uint8
func chars(name string, n int) member {
	return member{name: name, size: n, align: 1} // char[n], NUL-terminated unless full
}

// nested is a member that is a struct of size bytes whose own alignment is align (its largest
// member's, or 1 for a pack-1 struct); its members are read through record.sub.
func nested(name string, size, align int) member { return member{name: name, size: size, align: align} }

func u32s(name string, n int) member {
	return member{name: name, size: 4 * n, align: 4} // uint32[n]
}

// layOut gives copies of rows the offsets and sizes a C compiler gives their structs under
// #pragma pack(push, pack): each member at the next multiple of min(its alignment, pack), the
// struct's size rounded up to a multiple of the largest such alignment. A struct without members
// is an empty C++ struct: 1 byte.
func layOut(rows []callback, pack int) []callback {
	out := make([]callback, len(rows))
	for i, r := range rows {
		r.members = slices.Clone(r.members)
		end, structAlign, p := 0, 1, pack
		if r.pack > 0 {
			p = min(p, r.pack)
		}
		for j := range r.members {
			m := &r.members[j]
			a := min(m.align, p)
			m.off = roundUp(end, a)
			end = m.off + m.size
			structAlign = max(structAlign, a)
		}
		r.size = max(1, roundUp(end, structAlign))
		out[i] = r
	}
	return out
}

func roundUp(n, align int) int { return (n + align - 1) / align * align }

// callbackByID indexes callbacks for the pump.
var callbackByID = indexCallbacks()

func indexCallbacks() map[int32]*callback {
	m := make(map[int32]*callback, len(callbacks))
	for i := range callbacks {
		m[callbacks[i].id] = &callbacks[i]
	}
	return m
}

// record reads the little-endian members of one callback struct by name, at their offsets.
// A member the row does not describe, of another size or beyond the struct marks the record bad:
// its event is dropped rather than read from the wrong bytes (the tests decode every row).
type record struct {
	p      []byte
	c      *callback
	bad    bool
	parent *record // the record a nested struct's (sub) is read from
}

func (r *record) at(name string, size int) []byte {
	for _, m := range r.c.members {
		if m.name == name && m.size == size && m.off >= 0 && m.off+m.size <= len(r.p) {
			return r.p[m.off : m.off+m.size]
		}
	}
	r.markBad()
	return make([]byte, size)
}

// markBad marks r, and the records it is nested in, bad.
func (r *record) markBad() {
	for b := r; b != nil; b = b.parent {
		b.bad = true
	}
}

func (r *record) i32(name string) int32 { return int32(binary.LittleEndian.Uint32(r.at(name, 4))) }
func (r *record) u32(name string) uint32 {
	return binary.LittleEndian.Uint32(r.at(name, 4))
}
func (r *record) u64(name string) uint64 { return binary.LittleEndian.Uint64(r.at(name, 8)) }
func (r *record) u16(name string) uint16 { return binary.LittleEndian.Uint16(r.at(name, 2)) }
func (r *record) f32(name string) float32 {
	return math.Float32frombits(binary.LittleEndian.Uint32(r.at(name, 4)))
}
func (r *record) steamID(name string) steam.SteamID {
	return steam.SteamID(r.u64(name))
}
func (r *record) bool(name string) bool           { return r.at(name, 1)[0] != 0 }
func (r *record) result(name string) steam.Result { return steam.Result(r.i32(name)) }

// sub is a record of the nested struct member name, laid out as row. A bad read in it marks r bad.
func (r *record) sub(name string, row *callback) *record {
	return &record{p: r.at(name, row.size), c: row, parent: r}
}

// firstU32s reads the first n entries of a uint32 array member, at most the array's; nil for none.
func (r *record) firstU32s(name string, n uint32) []uint32 {
	for _, m := range r.c.members {
		if m.name == name {
			b, count := r.at(name, m.size), min(n, uint32(m.size/4))
			if count == 0 {
				return nil
			}
			out := make([]uint32, count)
			for i := range out {
				out[i] = binary.LittleEndian.Uint32(b[4*i:])
			}
			return out
		}
	}
	r.markBad()
	return nil
}

// cstr reads a NUL-terminated char array member.
func (r *record) cstr(name string) string {
	for _, m := range r.c.members {
		if m.name == name {
			s := r.at(name, m.size)
			if i := bytes.IndexByte(s, 0); i >= 0 {
				s = s[:i]
			}
			return string(s)
		}
	}
	r.markBad()
	return ""
}

// read gives the first size bytes of param to a record of c, or false when param is shorter.
func read(c *callback, param []byte) (*record, bool) {
	if len(param) < c.size {
		return nil, false
	}
	return &record{p: param[:c.size], c: c}, true
}

// decodeCallback turns one callback struct into its event. Unknown IDs, SteamAPICallCompleted_t
// (the pump's) and structs shorter than their size report false: they are skipped.
func decodeCallback(id int32, param []byte) (steam.Event, bool) {
	c, known := callbackByID[id]
	if !known || c.decode == nil {
		return nil, false
	}
	r, ok := read(c, param)
	if !ok {
		return nil, false
	}
	ev := c.decode(r)
	if r.bad {
		return nil, false
	}
	return ev, true
}

// apiCallCompleted is SteamAPICallCompleted_t: an async call finished and its result, a struct of
// size bytes with callback ID id, waits for GetAPICallResult.
type apiCallCompleted struct {
	call uint64
	id   int32
	size uint32
}

func decodeAPICallCompleted(param []byte) (apiCallCompleted, bool) {
	r, ok := read(callbackByID[idAPICallCompleted], param)
	if !ok {
		return apiCallCompleted{}, false
	}
	done := apiCallCompleted{call: r.u64("m_hAsyncCall"), id: r.i32("m_iCallback"), size: r.u32("m_cubParam")}
	return done, !r.bad
}
