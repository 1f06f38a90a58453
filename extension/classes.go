package main

// #include "gdext.h"
import "C"

import (
	"fmt"

	"github.com/gosteam/godot-steam-server/signals"
)

// classID numbers the classes as C knows them (sv_register_class).
type classID int32

const (
	// classSteam is the API of the Game Server page users know.
	classSteam classID = iota
	// classSteamServer is GodotSteam Server 4's: its scripts call SteamServer.x(). Both classes
	// act on one game server, and every signal is emitted on both.
	classSteamServer
	classCount
)

var classNames = [classCount]string{classSteam: "Steam", classSteamServer: "SteamServer"}

func (c classID) String() string {
	if c < 0 || c >= classCount {
		return fmt.Sprintf("class %d", int32(c))
	}
	return classNames[c]
}

// Both classes fit C's table.
var _ = [1]struct{}{}[classCount-C.SV_MAX_CLASSES]

// registerSteamSetting is the project setting that keeps this extension from registering Steam at
// all, for a game that also ships GodotSteam's client (whose class is Steam) and cannot choose
// which extension Godot loads first.
const registerSteamSetting = "gosteam/classes/register_steam"

// methods is every method of every class, in class order, as C and goSteamCall index them.
var methods = allMethods()

func allMethods() []method {
	var all []method
	for c, rows := range [classCount][]method{classSteam: steamMethods, classSteamServer: serverMethods()} {
		for _, m := range rows {
			m.class = classID(c)
			all = append(all, m)
		}
	}
	return all
}

// classMethods is one class's methods, in table order.
func classMethods(c classID) []method {
	var rows []method
	for _, m := range methods {
		if m.class == c {
			rows = append(rows, m)
		}
	}
	return rows
}

// classSignal is signal s as class c registers it: SteamServer uses GodotSteam Server 4's
// parameter names where they differ from the page's.
func classSignal(c classID, id signals.ID) signals.Signal {
	s := signals.Catalogue[id]
	names, renamed := signals.GodotSteamServerParams[id]
	if c != classSteamServer || !renamed {
		return s
	}
	params := make([]signals.Param, len(s.Params))
	for i, p := range s.Params {
		p.Name = names[i]
		params[i] = p
	}
	s.Params = params
	return s
}

// enumClass is how ClassDB names one of class c's enums.
func enumClass(c classID, enum string) string {
	if enum == "" {
		return ""
	}
	return c.String() + "." + enum
}

// classesToRegister says which classes this load registers: SteamServer always; Steam unless the
// project setting says not to, or another extension has taken the name (GodotSteam's client,
// loaded first), which is said once.
func classesToRegister() []classID {
	var strs cStrings
	defer strs.free()
	if C.sv_project_setting_bool(strs.add(registerSteamSetting), 1) == 0 {
		return []classID{classSteamServer}
	}
	if C.sv_name_taken(strs.add(classSteam.String())) != 0 {
		printWarning(fmt.Sprintf("Steam: a class or singleton named Steam is registered already (GodotSteam's client?); "+
			"this extension registers SteamServer only. Set the project setting %s to false to say so and hide this warning.",
			registerSteamSetting), "register")
		return []classID{classSteamServer}
	}
	return []classID{classSteam, classSteamServer}
}
