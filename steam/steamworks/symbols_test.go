package steamworks

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSymbolTable(t *testing.T) {
	// The trampolines are in flat_cgo.go and, by interface, flat_<interface>_cgo.go or <interface>_flat_cgo.go.
	files, err := filepath.Glob("*flat*_cgo.go")
	if err != nil || len(files) < 2 {
		t.Fatalf("the trampolines' files: %v, %v", files, err)
	}
	var src []byte
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		src = append(src, b...)
	}
	seen := map[string]bool{}
	for i, s := range symbols {
		switch {
		case s.name == "" || s.shape == "":
			t.Errorf("row %d is empty", i)
		case seen[s.name]:
			t.Errorf("%s is listed twice", s.name)
		case !strings.Contains(string(src), "static "+cReturn(s.shape)+"sw_"+string(s.shape)+"(void *f"):
			t.Errorf("%s: no C trampoline sw_%s in %v", s.name, s.shape, files)
		}
		seen[s.name] = true
		parts := strings.Split(string(s.shape), "_")
		selfFirst := len(parts) > 1 && parts[1] == "p"
		if strings.HasPrefix(s.name, gs) != selfFirst {
			t.Errorf("%s: shape %s; exactly the ISteamGameServer methods take the interface (p) first", s.name, s.shape)
		}
		if ugcFirst := len(parts) > 1 && parts[1] == "w"; strings.HasPrefix(s.name, gsu) != ugcFirst {
			t.Errorf("%s: shape %s; exactly the ISteamUGC methods take the interface (w) first", s.name, s.shape)
		}
		if invFirst := len(parts) > 1 && parts[1] == "n"; strings.HasPrefix(s.name, gsi) != invFirst {
			t.Errorf("%s: shape %s; exactly the ISteamInventory methods take the interface (n) first", s.name, s.shape)
		}
	}
	if !strings.HasSuffix(interfaceVersions, "\x00\x00") || !strings.Contains(symbols[symGameServerV015].name, "v015") ||
		!strings.HasPrefix(interfaceVersions, "SteamGameServer015\x00") ||
		!strings.HasSuffix(symbols[symGameServerUGCV020].name, "_v020") || !strings.Contains(interfaceVersions, "\x00STEAMUGC_INTERFACE_VERSION020\x00") ||
		!strings.HasSuffix(symbols[symGameServerInventoryV003].name, "_v003") || !strings.Contains(interfaceVersions, "\x00STEAMINVENTORY_INTERFACE_V003\x00") {
		t.Errorf("the interface version list %q and the accessor %s disagree", interfaceVersions, symbols[symGameServerV015].name)
	}
}

// cReturn is the C return type a shape's trampoline declares, as written in flat*_cgo.go.
func cReturn(sh shape) string {
	switch strings.SplitN(string(sh), "_", 2)[0] {
	case "v", "ip":
		return "void "
	case "b":
		return "bool "
	case "i32":
		return "int32_t "
	case "u32":
		return "uint32_t "
	case "u64":
		return "uint64_t "
	case "u8":
		return "uint8_t "
	case "u16":
		return "uint16_t "
	case "i64":
		return "int64_t "
	case "f32":
		return "float "
	case "s":
		return "const char *"
	case "p":
		return "void *"
	}
	return "?"
}
