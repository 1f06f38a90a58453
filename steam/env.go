package steam

import "os"

// Getenv reads an environment variable for the settings the library reads at serverInit (the app ID,
// the offline realm key and data file). The extension replaces it with the C library's getenv: a Go
// library loaded into Godot keeps the environment as it was when it was loaded, so without that,
// OS.set_environment before serverInit would not be seen.
var Getenv = os.Getenv
