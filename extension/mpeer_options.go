package main

/*
#include "gdext.h"
*/
import "C"

import (
	"github.com/gosteam/godot-steam-server/steam"
)

// configOptions reads the options Dictionary of a create call (NetworkingConfigValue -> value)
// as the Networking Sockets calls read theirs (netOptions, net_options.go): the same value types
// and refusals; unknown keys, read-only values and values out of range are refused by the steam
// package's own checks.
func configOptions(a *C.sv_arg) ([]steam.ConfigOption, error) {
	opts, err := netOptions.decode(a)
	if err != nil {
		return nil, &steam.ArgError{Arg: "options", Reason: err.Error()}
	}
	return opts, nil
}
