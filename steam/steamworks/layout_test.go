//go:build cgo

package steamworks

import (
	"testing"

	"github.com/gosteam/godot-steam-server/steam/steamworks/internal/sdklayout"
)

// The fixtures' offsets and sizes (from the reference) are what a C compiler gives the SDK's
// structs under Linux's #pragma pack(4).
func TestFixturesMatchCompiledLayouts(t *testing.T) {
	structs := sdklayout.Structs()
	check := func(sdk string, size int, fields []field) {
		c, ok := structs[sdk]
		if !ok {
			t.Errorf("%s is not compiled by sdklayout", sdk)
			return
		}
		if c.Size != size {
			t.Errorf("%s: fixture is %d bytes, the compiler says %d", sdk, size, c.Size)
		}
		if len(c.Offsets) != len(fields) {
			t.Errorf("%s: fixture has %d fields, the struct %d", sdk, len(fields), len(c.Offsets))
		}
		for _, f := range fields {
			if off, ok := c.Offsets[f.name]; !ok || off != f.off {
				t.Errorf("%s.%s: fixture offset %d, the compiler says %d (%v)", sdk, f.name, f.off, off, ok)
			}
		}
	}
	for _, f := range callbackFixtures {
		if f.id == idServersConnected {
			continue // an empty C++ struct: not expressible in C
		}
		check(f.sdk, f.size, f.fields)
	}
	check("SteamAPICallCompleted_t", 16, []field{{"m_hAsyncCall", 0, nil}, {"m_iCallback", 8, nil}, {"m_cubParam", 12, nil}})
}
