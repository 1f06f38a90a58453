// Command extension is the Steam game-server GDExtension, built with -buildmode=c-shared.
package main

/*
#include <stdlib.h>
#include "gdext.h"

// godot-go's initialization-level callbacks (its core package's C): they dispatch to the functions
// registered with InitObject.Register*Initializer and Register*Terminator.
extern void cgo_callfn_GDExtensionBindingInitializeLevel(void *userdata, GDExtensionInitializationLevel level);
extern void cgo_callfn_GDExtensionBindingDeinitializeLevel(void *userdata, GDExtensionInitializationLevel level);
*/
import "C"

import (
	_ "embed"
	"fmt"
	"unsafe"

	"github.com/godot-go/godot-go/pkg/core"
	"github.com/godot-go/godot-go/pkg/ffi"
	"github.com/gosteam/godot-steam-server/steam"
)

// gosteam_init is the entry symbol named in steam.gdextension. godot-go runs the initialization
// levels; our own C layer loads the interface functions it calls on the hot path.
//
// godot-go's InitObject.Init would also load its own table of interface functions and bind every
// builtin and engine class (VariantInitBindings, RegisterEngineClasses, RegisterEngineClassRefs):
// about 9 ms of every start of Godot, and an error printed for each function it looks up under a
// name Godot 4.6 does not have. The extension uses none of it, so only the level dispatch is set
// up: the lowest level with work (SCENE) and godot-go's level callbacks.
//
//export gosteam_init
func gosteam_init(getProcAddress, library, initialization unsafe.Pointer) bool {
	if C.sv_load(C.GDExtensionInterfaceGetProcAddress(getProcAddress), C.GDExtensionClassLibraryPtr(library)) == 0 {
		return false
	}
	init := core.NewInitObject(
		ffi.GDExtensionInterfaceGetProcAddress(getProcAddress),
		ffi.GDExtensionClassLibraryPtr(library),
		(*ffi.GDExtensionInitialization)(initialization),
	)
	init.RegisterSceneInitializer(guarded(registerSteam))
	init.RegisterSceneTerminator(guarded(unregisterSteam))
	init.RegisterEditorInitializer(guarded(loadClassReference))
	levels := (*ffi.GDExtensionInitialization)(initialization)
	levels.SetCallbacks(
		(*[0]byte)(C.cgo_callfn_GDExtensionBindingInitializeLevel),
		(*[0]byte)(C.cgo_callfn_GDExtensionBindingDeinitializeLevel),
	)
	levels.SetInitializationLevel(ffi.GDEXTENSION_INITIALIZATION_SCENE)
	return true
}

// guarded runs an initialization-level callback; a panic there would end Godot while it loads or
// quits, so it is reported instead.
func guarded(fn func()) func() {
	return func() {
		defer func() {
			if p := recover(); p != nil {
				printError(fmt.Sprintf("Steam: internal error while loading or unloading the extension: %v", p), "gosteam_init")
			}
		}()
		fn()
	}
}

// A panic recovered on one of the library's own goroutines (the query responder) is printed as
// Godot's errors are; Godot's error output may be used from any thread.
func init() {
	steam.ReportError = func(message string) { printError(message, "steam") }
}

//go:embed doc_classes/Steam.xml
var classReference string

// loadClassReference shows the Steam class reference in the editor's help (F1, Ctrl+click).
func loadClassReference() {
	xml := C.CString(classReference)
	defer C.free(unsafe.Pointer(xml))
	if C.sv_load_help(xml, C.int64_t(len(classReference))) == 0 {
		printError("Steam: this editor cannot load extension documentation", "loadClassReference")
	}
}

func main() {}
