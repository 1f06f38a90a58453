package steamworks

import (
	"bytes"
	"encoding/binary"
	"reflect"
	"testing"

	"github.com/gosteam/godot-steam-server/signals"
	"github.com/gosteam/godot-steam-server/steam"
)

// FuzzDecode feeds arbitrary callback IDs and struct bytes to the callback decoder, as a broken or
// hostile libsteam_api.so could hand them to the pump: nothing may panic; a struct is decoded exactly
// when its ID is one the backend handles and it holds at least its Linux size; only those bytes are
// read (extra bytes change nothing); no array is read past its end; the event becomes its signal;
// and SteamAPICallCompleted_t is read the same way.
//
//	go test -run '^$' -fuzz '^FuzzDecode$' -fuzztime 30s ./steam/steamworks/
func FuzzDecode(f *testing.F) {
	for _, fx := range callbackFixtures {
		b := fx.bytes()
		f.Add(fx.id(), b)
		f.Add(fx.id(), b[:fx.size()-1])
		f.Add(fx.id(), append(b, 0xAB, 0xCD))
	}
	f.Add(int32(idAPICallCompleted), make([]byte, 16))
	f.Add(int32(-1), []byte{})
	f.Add(int32(0), make([]byte, 300))
	f.Fuzz(func(t *testing.T, id int32, param []byte) {
		ev, ok := decodeCallback(id, param)
		c, known := callbackByID[id]
		size := 0
		if known {
			size = c.size
		}
		if want := known && id != idAPICallCompleted && len(param) >= size; ok != want {
			t.Fatalf("callback %d with %d bytes: decoded %v, want %v", id, len(param), ok, want)
		}
		if ok {
			exact, ok2 := decodeCallback(id, bytes.Clone(param[:size]))
			if !ok2 || !reflect.DeepEqual(ev, exact) {
				t.Fatalf("callback %d: bytes past its %d-byte struct changed the event: %#v vs %#v", id, size, ev, exact)
			}
			if _, enc := signals.EncodeValues(ev); !enc {
				t.Fatalf("callback %d decoded to %#v, which has no signal", id, ev)
			}
			if d, isDeny := ev.(steam.ClientDenied); isDeny && (len(d.Text) > 128 || bytes.IndexByte([]byte(d.Text), 0) >= 0) {
				t.Fatalf("deny text %q is longer than its char[128] or holds a NUL", d.Text)
			}
			if d, isDeps := ev.(steam.AppDependencies); isDeps && len(d.AppIDs) > steam.MaxAppDependenciesPerResult {
				t.Fatalf("%d app IDs read from an array of %d", len(d.AppIDs), steam.MaxAppDependenciesPerResult)
			}
		} else if ev != nil {
			t.Fatalf("callback %d: no event expected, got %#v", id, ev)
		}
		done, ok := decodeAPICallCompleted(param)
		if ok != (len(param) >= 16) {
			t.Fatalf("SteamAPICallCompleted_t from %d bytes: decoded %v", len(param), ok)
		}
		if ok && (done.call != binary.LittleEndian.Uint64(param) || done.id != int32(binary.LittleEndian.Uint32(param[8:])) ||
			done.size != binary.LittleEndian.Uint32(param[12:])) {
			t.Fatalf("SteamAPICallCompleted_t % x decoded as %+v", param[:16], done)
		}
	})
}
