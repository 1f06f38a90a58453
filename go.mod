module github.com/gosteam/godot-steam-server

go 1.26.0

require (
	github.com/godot-go/godot-go v0.3.22
	github.com/stretchr/testify v1.10.0
	golang.org/x/net v0.62.0
)

require (
	github.com/CannibalVox/cgoalloc v1.2.1 // indirect
	github.com/davecgh/go-spew v1.1.1 // indirect
	github.com/pmezard/go-difflib v1.0.0 // indirect
	go.uber.org/atomic v1.7.0 // indirect
	go.uber.org/multierr v1.6.0 // indirect
	go.uber.org/zap v1.16.0 // indirect
	golang.org/x/exp v0.0.0-20220722155223-a9213eeb770e // indirect
	golang.org/x/sys v0.49.0 // indirect
	golang.org/x/text v0.43.0 // indirect
	gopkg.in/yaml.v3 v3.0.1 // indirect
)
