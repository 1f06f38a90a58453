//go:build cgo

package steamworks

import (
	"fmt"
	"runtime"
	"slices"
	"testing"

	"github.com/gosteam/godot-steam-server/steam/steamworks/internal/sdklayout"
)

// layoutErrors compares the callback table with a C compiler's layout of the SDK's declarations:
// every row's ID, size and members (their number, offsets and sizes), and a row for every struct.
func layoutErrors(rows []callback, compiled map[string]sdklayout.Struct) []string {
	var errs []string
	described := map[string]bool{}
	for _, r := range rows {
		described[r.sdk] = true
		c, ok := compiled[r.sdk]
		if !ok {
			errs = append(errs, fmt.Sprintf("%s is not compiled by sdklayout", r.sdk))
			continue
		}
		if c.ID != r.id {
			errs = append(errs, fmt.Sprintf("%s: the table says ID %d, the SDK's k_iCallback is %d", r.sdk, r.id, c.ID))
		}
		if c.Size != r.size {
			errs = append(errs, fmt.Sprintf("%s: the table says %d bytes, the compiler %d", r.sdk, r.size, c.Size))
		}
		if len(c.Members) != len(r.members) {
			errs = append(errs, fmt.Sprintf("%s: the table has %d members, the struct %d", r.sdk, len(r.members), len(c.Members)))
		}
		for _, m := range r.members {
			if cm, ok := c.Members[m.name]; !ok || cm.Offset != m.off || cm.Size != m.size {
				errs = append(errs, fmt.Sprintf("%s.%s: the table says offset %d, %d bytes; the compiler %d, %d (%v)",
					r.sdk, m.name, m.off, m.size, cm.Offset, cm.Size, ok))
			}
		}
	}
	for name := range compiled {
		if !described[name] {
			errs = append(errs, name+" is compiled but has no row in the table")
		}
	}
	return errs
}

// laidOutStructs is every struct the backend reads at the platform's packing: the callbacks and the
// structs a call fills (SteamUGCDetails_t, SteamItemDetails_t: id 0).
func laidOutStructs() []callback {
	return append(slices.Clone(callbacks), layOut(callStructRows, packFor(runtime.GOOS))...)
}

// The table's IDs, sizes and offsets are what a C compiler gives the SDK's structs under Linux's
// #pragma pack(4).
func TestCallbackTableMatchesCompiledLayouts(t *testing.T) {
	for _, e := range layoutErrors(laidOutStructs(), sdklayout.Structs()) {
		t.Error(e)
	}
}

// The check fails for any wrong fact in a row: it is not comparing the table with itself.
func TestLayoutCheckCatchesWrongRows(t *testing.T) {
	compiled := sdklayout.Structs()
	mutations := map[string]func(c *callback){
		"id":            func(c *callback) { c.id++ },
		"size":          func(c *callback) { c.size += 4 },
		"offset":        func(c *callback) { c.members[1].off += 4 },
		"member size":   func(c *callback) { c.members[1].size = 8 },
		"member name":   func(c *callback) { c.members[0].name += "x" },
		"member missed": func(c *callback) { c.members = c.members[:len(c.members)-1] },
		"struct name":   func(c *callback) { c.sdk = "ValidateAuthTicketResponse_W" },
	}
	for what, mutate := range mutations {
		rows := laidOutStructs()
		for i := range rows {
			rows[i].members = slices.Clone(rows[i].members)
		}
		i := slices.IndexFunc(rows, func(c callback) bool { return c.sdk == "ValidateAuthTicketResponse_t" })
		mutate(&rows[i])
		if len(layoutErrors(rows, compiled)) == 0 {
			t.Errorf("a wrong %s passes the layout check", what)
		}
	}
}
