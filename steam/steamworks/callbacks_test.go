package steamworks

import (
	"slices"
	"testing"
)

// Rows hold together without a C compiler: unique IDs and names, members inside the struct and
// apart from each other, an event decoder for every struct but the pump's own.
func TestCallbackRowsAreConsistent(t *testing.T) {
	ids, names := map[int32]bool{}, map[string]bool{}
	for _, c := range callbacks {
		if ids[c.id] || names[c.sdk] {
			t.Errorf("%s (%d) is described twice", c.sdk, c.id)
		}
		ids[c.id], names[c.sdk] = true, true
		if (c.decode == nil) != (c.id == idAPICallCompleted) {
			t.Errorf("%s: only SteamAPICallCompleted_t, which the pump reads, has no decoder", c.sdk)
		}
		end := 0
		for _, m := range c.members {
			if m.off < end || m.size <= 0 || m.off+m.size > c.size {
				t.Errorf("%s.%s at %d (%d bytes) overlaps the previous member or leaves the %d-byte struct", c.sdk, m.name, m.off, m.size, c.size)
			}
			end = m.off + m.size
		}
	}
}

// A decoder reading a member its row does not describe (or at another size) yields no event, not
// bytes from the wrong place.
func TestDecoderReadingAnUndescribedMemberIsDropped(t *testing.T) {
	c := layOut([]callback{{id: 1, sdk: "Test_t", members: []member{i32("m_a"), flag("m_b")}}}, 8)[0]
	for name, misuse := range map[string]func(r *record){
		"unknown name": func(r *record) { r.i32("m_c") },
		"wrong size":   func(r *record) { r.u64("m_a") },
		"not chars":    func(r *record) { r.cstr("m_x") },
	} {
		r, ok := read(&c, make([]byte, 8))
		if !ok {
			t.Fatal("an 8-byte struct was not read")
		}
		misuse(r)
		if !r.bad {
			t.Errorf("%s: the record is not marked bad", name)
		}
	}
	r, _ := read(&c, []byte{1, 0, 0, 0, 1, 0xEE, 0xEE, 0xEE})
	if r.i32("m_a") != 1 || !r.bool("m_b") || r.bad {
		t.Error("described members read wrong")
	}
}

// The packings differ where the SDK's do: a 64-bit member after a 32-bit one is 4-aligned at
// Linux's pack 4 and 8-aligned at Windows' pack 8, and the struct's tail is padded to match.
func TestLayOutFollowsThePacking(t *testing.T) {
	row := []callback{{sdk: "Test_t", members: []member{steamID("a"), i32("b"), steamID("c"), flag("d")}}}
	for pack, want := range map[int][]int{4: {0, 8, 12, 24}, 8: {0, 8, 16, 32}} {
		c := layOut(row, pack)[0]
		got := []int{c.members[0].off, c.members[1].off, c.members[2].off, c.size}
		if !slices.Equal(got, want) {
			t.Errorf("pack %d: offsets and size %v, want %v", pack, got, want)
		}
	}
	if packFor("windows") != 8 || packFor("linux") != 4 {
		t.Error("Windows packs callbacks to 8 bytes, Linux to 4")
	}
}
