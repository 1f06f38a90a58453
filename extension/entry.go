// Command extension is the Steam game-server GDExtension, built with -buildmode=c-shared.
package main

/*
#include <stdlib.h>
#include "gdext.h"
*/
import "C"

import (
	_ "embed"
	"os"
	"unsafe"

	"github.com/godot-go/godot-go/pkg/core"
	"github.com/godot-go/godot-go/pkg/ffi"
	"github.com/godot-go/godot-go/pkg/log"
)

// gosteam_init is the entry symbol named in steam.gdextension. godot-go runs the initialization
// levels; our own C layer loads the interface functions it calls on the hot path.
//
//export gosteam_init
func gosteam_init(getProcAddress, library, initialization unsafe.Pointer) bool {
	if C.sv_load(C.GDExtensionInterfaceGetProcAddress(getProcAddress), C.GDExtensionClassLibraryPtr(library)) == 0 {
		return false
	}
	// godot-go warns, with a stack trace each, about interface functions it looks up under names
	// Godot does not have; they are unused here. Its LOG_LEVEL variable still overrides this.
	if _, set := os.LookupEnv("LOG_LEVEL"); !set {
		log.SetLevel(log.ErrorLevel)
	}
	init := core.NewInitObject(
		ffi.GDExtensionInterfaceGetProcAddress(getProcAddress),
		ffi.GDExtensionClassLibraryPtr(library),
		(*ffi.GDExtensionInitialization)(initialization),
	)
	init.RegisterSceneInitializer(registerSteam)
	init.RegisterSceneTerminator(unregisterSteam)
	init.RegisterEditorInitializer(loadClassReference)
	return init.Init()
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
