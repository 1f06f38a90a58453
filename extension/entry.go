// Command extension is the Steam game-server GDExtension, built with -buildmode=c-shared.
package main

/*
#include <stdlib.h>
#include "gdext.h"

// The initialization-level callbacks Godot calls (exported from Go below).
extern void gosteam_initialize_level(void *userdata, GDExtensionInitializationLevel level);
extern void gosteam_deinitialize_level(void *userdata, GDExtensionInitializationLevel level);
*/
import "C"

import (
	_ "embed"
	"fmt"
	"unsafe"

	"github.com/godot-go/godot-go/pkg/ffi"
	"github.com/gosteam/godot-steam-server/steam"
)

// gosteam_init is the entry symbol named in steam.gdextension. Our C layer loads the interface
// functions it calls; godot-go's ffi gives the initialization struct's layout. The level callbacks
// are ours: godot-go's core would bind every builtin and engine class (about 580,000 generated
// lines to compile, 9 ms of every start of Godot) for an extension that uses none of them.
//
//export gosteam_init
func gosteam_init(getProcAddress, library, initialization unsafe.Pointer) bool {
	if C.sv_load(C.GDExtensionInterfaceGetProcAddress(getProcAddress), C.GDExtensionClassLibraryPtr(library)) == 0 {
		return false
	}
	levels := (*ffi.GDExtensionInitialization)(initialization)
	levels.SetCallbacks((*[0]byte)(C.gosteam_initialize_level), (*[0]byte)(C.gosteam_deinitialize_level))
	// SCENE is the lowest level with work: Godot calls both callbacks for it and every level above.
	levels.SetInitializationLevel(ffi.GDEXTENSION_INITIALIZATION_SCENE)
	return true
}

// levelWork is what runs when Godot enters (init) or leaves (deinit) an initialization level.
var levelWork = map[C.GDExtensionInitializationLevel]struct{ init, deinit func() }{
	C.GDEXTENSION_INITIALIZATION_SCENE:  {init: registerSteam, deinit: unregisterSteam},
	C.GDEXTENSION_INITIALIZATION_EDITOR: {init: loadClassReference},
}

//export gosteam_initialize_level
func gosteam_initialize_level(_ unsafe.Pointer, level C.GDExtensionInitializationLevel) {
	guarded(levelWork[level].init)
}

//export gosteam_deinitialize_level
func gosteam_deinitialize_level(_ unsafe.Pointer, level C.GDExtensionInitializationLevel) {
	guarded(levelWork[level].deinit)
}

// guarded runs an initialization-level callback; a panic there would end Godot while it loads or
// quits, so it is reported instead.
func guarded(fn func()) {
	if fn == nil {
		return
	}
	defer func() {
		if p := recover(); p != nil {
			printError(fmt.Sprintf("Steam: internal error while loading or unloading the extension: %v", p), "gosteam_init")
		}
	}()
	fn()
}

// A panic recovered on one of the library's own goroutines (the query responder) is printed as
// Godot's errors are; Godot's error output may be used from any thread.
func init() {
	steam.ReportError = func(message string) { printError(message, "steam") }
}

//go:embed doc_classes/Steam.xml
var steamReference string

//go:embed doc_classes/SteamServer.xml
var steamServerReference string

var classReferences = [classCount]string{classSteam: steamReference, classSteamServer: steamServerReference}

// peerReference is SteamServerMultiplayerPeer's, written by hand (the class is not made from the
// tables); TestClassReference checks that Godot's doctool writes it back unchanged.
//
//go:embed doc_classes/SteamServerMultiplayerPeer.xml
var peerReference string

// loadClassReference shows the registered classes' references in the editor's help (F1,
// Ctrl+click): SteamServerMultiplayerPeer's, and not Steam's when another extension owns that class.
func loadClassReference() {
	refs := []string{peerReference}
	for _, cls := range registeredClasses {
		refs = append(refs, classReferences[cls])
	}
	for _, ref := range refs {
		xml := C.CString(ref)
		ok := C.sv_load_help(xml, C.int64_t(len(ref)))
		C.free(unsafe.Pointer(xml))
		if ok == 0 {
			printError("Steam: this editor cannot load extension documentation", "loadClassReference")
			return
		}
	}
}

func main() {}
