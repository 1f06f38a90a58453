// Package sdklayout compiles the Steamworks callback structs the backend decodes as the SDK
// declares them for Linux (#pragma pack(push, 4), VALVE_CALLBACK_PACK_SMALL), with their
// k_iCallback IDs (0 for SteamUGCDetails_t, a struct a call fills), and reports what the C compiler makes of them, so tests can check the backend's
// callback table (callbacks.go) against a real compiler. Only tests import it.
//
// The declarations are in sdk_callbacks.h, at a packing its includer picks: the steamworks
// package's MinGW test compiles the same header at Windows' pack 8. Each struct is written once,
// as an X-macro list of its members, which both declares it and lists its members' offsets: the
// compiler sees every member, so a member missing from the backend's table is caught too.
// SteamServersConnected_t and SteamInventoryDefinitionUpdate_t, empty C++ structs (1 byte),
// cannot be written in C: only their IDs are compiled.
package sdklayout

/*
#define SDK_PACK 4
#include "sdk_callbacks.h"

typedef struct { const char *type; int id, size; const char *member; int offset, member_size; } sl_member;
#define MEMBER_ROW(S, T, name, bounds) { #S, S##_k_iCallback, (int)sizeof(S), #name, (int)offsetof(S, name), (int)sizeof(((S *)0)->name) },
#define MEMBER_ROWS(S, id) S##_MEMBERS(MEMBER_ROW, S)
static const sl_member sl_members[] = { SDK_ALL_STRUCTS(MEMBER_ROWS) };
static int sl_count(void) { return (int)(sizeof sl_members / sizeof sl_members[0]); }
static const sl_member *sl_at(int i) { return &sl_members[i]; }

*/
import "C"

// Member is one compiled member: its offset and its size in bytes.
type Member struct{ Offset, Size int }

// Struct is one compiled struct: its k_iCallback, its size and its members by SDK name.
type Struct struct {
	ID      int32
	Size    int
	Members map[string]Member
}

// Structs maps each struct's SDK name to its compiled layout. SteamServersConnected_t and
// SteamInventoryDefinitionUpdate_t are given as C++ lays out an empty struct: 1 byte, no members.
func Structs() map[string]Struct {
	out := map[string]Struct{
		"SteamServersConnected_t":          {ID: int32(C.sdk_servers_connected_id), Size: 1, Members: map[string]Member{}},
		"SteamInventoryDefinitionUpdate_t": {ID: int32(C.sdk_inventory_definition_update_id), Size: 1, Members: map[string]Member{}},
	}
	for i := 0; i < int(C.sl_count()); i++ {
		m := C.sl_at(C.int(i))
		name := C.GoString(m._type)
		s, ok := out[name]
		if !ok {
			s = Struct{ID: int32(m.id), Size: int(m.size), Members: map[string]Member{}}
		}
		s.Members[C.GoString(m.member)] = Member{Offset: int(m.offset), Size: int(m.member_size)}
		out[name] = s
	}
	return out
}
