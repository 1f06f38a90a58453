#!/usr/bin/env bash
# build.sh: build, run and test the Steam game-server GDExtension (Go) for Godot 4.6+.
#
# Commands:
#   ./build.sh [build]                build godot_project/bin/libsteam_server.linux.x86_64.so
#                                     and copy steam.gdextension next to it
#   ./build.sh demo [--quit-after N] [-- ARGS...]
#                                     build, then run the project's main scene (the demo server)
#                                     headless; N is passed to Godot's --quit-after (frames);
#                                     ARGS reach the demo as user args (OS.get_cmdline_user_args())
#   ./build.sh test                   gofmt, go vet, go test (-race for steam/ and signals/), the Go
#                                     soaks (TestSoak*), every Go fuzz target for 10 s, go test of
#                                     extension/ and the build tools, then the end-to-end checks
#                                     (go test -tags e2e ./e2e/: the library in real Godot, real
#                                     server browsers, the export, the addon folder, the cross-built
#                                     libraries; see docs/tests.md). Installs what they need first
#                                     (scripts/provision_test_deps.sh, scripts/provision_godot.sh)
#   ./build.sh peers                  only the server-browser check of `test` (TestServerBrowsers)
#   ./build.sh export                 export the demo as a Linux x86_64 dedicated server (presets
#                                     in godot_project/export_presets.cfg; the "+ Steam" one, which
#                                     ships libsteam_api.so, when godot_project/bin/ has it) into
#                                     dist/server-linux-x86_64/, with the release template of the
#                                     Godot in use (Debian's godot-template-release beside Debian's)
#   ./build.sh dist                   build every library (Linux x86_64, and cross-built Windows
#                                     x86_64 and Linux arm64, installing Debian's cross compilers
#                                     as root when missing), then dist/addons/godot_steam_server/
#   ./build.sh bench [--fresh]        print benchmark figures (never fails on them): Go
#                                     benchmarks, the loopback UDP load and burst tests of the query port,
#                                     the Godot bench scene (ratios to a native engine call), the
#                                     Steam network links against ENet's (RTT, messages/s), the
#                                     library's size and the time it adds to Godot's start, cold
#                                     builds (empty GOCACHE) of every target with their peak
#                                     memory; with --fresh, then the fresh-machine check's time
#   ./build.sh fresh                  the fresh-machine check (root): purge the Debian packages
#                                     build.sh installs, then `.ci/run` on a fresh clone of HEAD
#                                     with empty Go, npm and GOSTEAM_CACHE caches; prints its time
#   ./build.sh fuzz [SECONDS]         run every Go fuzz target for SECONDS each (default 60);
#                                     a crasher is saved under the package's testdata/fuzz/ and
#                                     then runs as a regression test in every `go test`
#   ./build.sh godot [ARGS...]        run the provisioned Godot with ARGS (e.g. --version)
#
# Environment:
#   GODOT          Godot 4.6+ binary to use. Otherwise a `godot` on PATH whose --version is
#                  4.6 or newer; otherwise Debian sid's `godot` package and its libraries are
#                  unpacked (not installed) into the cache and run through their own loader
#                  (scripts/provision_godot.sh). Passed to the Go side as GODOT_BIN.
#   GOSTEAM_CACHE  cache folder (default: $HOME/.cache/gosteam)
#   GODOT_TIMEOUT  seconds before a Godot run is killed as hung (default: 600)
#   GOSTEAM_FUZZ_SECONDS  seconds per fuzz target in `test` (default: 10)
#   The extension itself reads GOSTEAM_BACKEND (steamworks, offline, auto) and GOSTEAM_STEAM_API
#   (a libsteam_api.so); the end-to-end checks set both for each run, so the shell's values do
#   not matter.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
if [[ ${GODOT:-} == */* && ${GODOT:-} != /* ]]; then
  export GODOT=$PWD/$GODOT # a relative $GODOT means relative to where build.sh was called from
fi
cd "$ROOT"
# shellcheck source=scripts/common.sh
source scripts/common.sh

PROJECT=godot_project
LOG_DIR=$PROJECT/.godot/gosteam-logs
GODOT_TIMEOUT=${GODOT_TIMEOUT:-600}
export GODOT_TIMEOUT

# steamdev ARGS...: the Go half of these commands (e2e/cmd/steamdev: builds, import, export, dist).
steamdev() { go run ./e2e/cmd/steamdev "$@"; }

# use_godot: GODOT_BIN, the Godot every run uses (scripts/provision_godot.sh), exported for Go.
use_godot() {
  [[ -n ${GODOT_BIN:-} ]] || GODOT_BIN=$(scripts/provision_godot.sh)
  export GODOT_BIN
}

# e2e ARGS...: the end-to-end checks (e2e/), with ARGS for go test (-run ...).
e2e() { go test -tags e2e -count=1 -v -timeout 80m "$@" ./e2e/; }

cmd_demo() {
  local quit_after=
  local -a extra=()
  while (($#)); do
    case $1 in
      --quit-after | --quit-after=*)
        if [[ $1 == *=* ]]; then quit_after=${1#*=}; shift; else quit_after=${2:-}; shift 2 || shift; fi
        [[ $quit_after =~ ^[0-9]+$ ]] || die "--quit-after needs a number"
        ;;
      --) shift; extra=("$@"); break ;;
      *) die "demo: unknown argument '$1' (usage: demo [--quit-after N] [-- ARGS...])" ;;
    esac
  done
  steamdev build
  use_godot
  steamdev import
  local -a args=(--headless --path "$PROJECT")
  [[ -z $quit_after ]] || args+=(--quit-after "$quit_after")
  ((${#extra[@]} == 0)) || args+=(-- "${extra[@]}")
  say "running the demo: godot ${args[*]}"
  local status=0
  if [[ -n $quit_after ]]; then
    mkdir -p "$LOG_DIR"
    timeout --foreground -k 10 "$GODOT_TIMEOUT" "$GODOT_BIN" "${args[@]}" </dev/null 2>&1 | tee "$LOG_DIR/demo.log" || status=${PIPESTATUS[0]}
  else
    "$GODOT_BIN" "${args[@]}" </dev/null || status=$? # a server runs until stopped: no timeout
  fi
  say "demo exited with status $status"
  exit "$status"
}

# fuzz_targets: "PACKAGE TARGET" for every Go fuzz target of the module.
fuzz_targets() {
  grep -rE --include='*_test.go' -o '^func Fuzz[A-Za-z0-9_]+' steam signals extension |
    sed -E 's|^(.*)/[^/]+_test\.go:func (Fuzz.*)$|./\1/ \2|' | sort -u
}

# run_fuzz SECONDS: every fuzz target for SECONDS each, one target per go test (as -fuzz requires).
# A failing input is written to the package's testdata/fuzz/<target>/, from where every later
# `go test` runs it as a regression test: commit it with the fix. Go 1.26's fuzzing coordinator can
# fail a run that found nothing with a bare "context deadline exceeded" as -fuzztime ends
# (golang/go#75804, fixed in Go 1.27): such a run, with no failing input written and no other
# failure, is reported and counted as done.
run_fuzz() {
  local secs=$1 pkg target n=0 log status rest
  FUZZ_LOG=$(mktemp)
  trap 'rm -f "${FUZZ_LOG:-}"' EXIT # also when a failure ends the script
  log=$FUZZ_LOG
  while read -r pkg target; do
    say "go test -run '^\$' -fuzz '^$target\$' -fuzztime ${secs}s $pkg"
    status=0
    go test -run '^$' -fuzz "^$target\$" -fuzztime "${secs}s" "$pkg" </dev/null >"$log" 2>&1 || status=$?
    grep -vE '^fuzz: elapsed: [0-9]+s, (execs|gathering)' "$log" || true
    if ((status != 0)); then
      # Anything but the coordinator's own lines means a real failure.
      rest=$(grep -vE '^fuzz: elapsed: |^--- FAIL: Fuzz[A-Za-z0-9_]+ \([0-9.]+s\)$|^    context deadline exceeded$|^FAIL$|^exit status 1$|^FAIL[[:space:]]' "$log" || true)
      if [[ -n $rest ]] || ! grep -qx '    context deadline exceeded' "$log" || grep -q 'Failing input written to' "$log"; then
        die "$target failed (a failing input is saved under ${pkg}testdata/fuzz/$target/; see above)"
      fi
      say "$target: Go's fuzzing coordinator ended with 'context deadline exceeded' and wrote no failing input (golang/go#75804): nothing found"
    fi
    n=$((n + 1))
  done < <(fuzz_targets)
  ((n > 0)) || die "found no fuzz target"
}

# Benchmarks print figures and never fail on them: Go's, the loopback load test of the query port,
# the Godot bench scene and start-up cost (e2e/bench_test.go), the network links against ENet
# (e2e/bench_net_test.go), then the cold builds.
cmd_bench() {
  local fresh=0
  case ${1:-} in
    "") ;;
    --fresh) fresh=1 ;;
    *) die "bench takes no arguments but --fresh" ;;
  esac
  say "go test -bench . ./steam/... ./signals/... (all but UDPLoad, UDPBursts and QueryBursts)"
  go test -run '^$' -bench . -skip 'UDPLoad|UDPBursts|QueryBursts' -benchmem ./steam/... ./signals/...
  say "go test -bench UDPLoad -benchtime 200000x ./steam/offline/ (the query port on 127.0.0.1, and a bare UDP loop for comparison)"
  go test -run '^$' -bench UDPLoad -benchtime 200000x ./steam/offline/
  say "go test -bench UDPBursts -benchtime 3x ./steam/offline/ (batched bursts: a bare one-datagram-per-call loop, a bare batched loop and the query port, in one run, with their ratios)"
  go test -run '^$' -bench UDPBursts -benchtime 3x ./steam/offline/
  say "go test -bench QueryBursts -benchtime 3x ./steam/offline/ (bursts of 5,000 queries from one source and 50,000 from 200, default query settings, with the 4 MiB and the system's receive buffer)"
  go test -run '^$' -bench QueryBursts -benchtime 3x -timeout 5m ./steam/offline/
  use_godot
  say "go test -tags e2e -bench . ./e2e/ (the Godot bench scene; Godot's start-up with and without the extension; the Steam network links against ENet's)"
  go test -tags e2e -count=1 -run '^$' -bench . -benchtime 1x -timeout 30m ./e2e/
  need_tools x86_64-w64-mingw32-gcc aarch64-linux-gnu-gcc
  steamdev coldbuilds
  [[ $fresh == 0 ]] || scripts/fresh_machine.sh
}

cmd_test() {
  local deps kv unformatted
  # Everything the checks use, installed or fetched up front: the real libsteam_api.so (also for
  # the Go tests of steam/steamworks), the Steam emulator, gamedig, qstat, patchelf, the cross compilers and shellcheck.
  deps=$(scripts/provision_test_deps.sh steam-api emulator gamedig quakestat patchelf x86_64-w64-mingw32-gcc aarch64-linux-gnu-gcc shellcheck)
  while read -r kv; do export "${kv?}"; done <<<"$deps"
  use_godot
  say "gofmt -l; go vet ./... (and the e2e package)"
  unformatted=$(gofmt -l steam signals extension e2e recipe)
  [[ -z $unformatted ]] || die "not gofmt-formatted (run gofmt -w on them): $unformatted"
  go vet ./...
  go vet -tags e2e ./e2e/
  say "shellcheck -S warning build.sh scripts/*.sh recipe/*.sh"
  shellcheck -x -S warning build.sh scripts/*.sh recipe/*.sh
  say "CGO_ENABLED=0 go vet ./steam/... (the steam packages build without cgo)"
  CGO_ENABLED=0 go vet ./steam/...
  say "go test -race ./steam/... ./signals/... (GOSTEAM_STEAM_API=$GOSTEAM_STEAM_API)"
  go test -race ./steam/... ./signals/...
  say "go test -run '^TestSoak' ./steam/offline/ (a million A2S queries and 100,000 auth sessions, heap growth bounded; not built with -race)"
  go test -count=1 -run '^TestSoak' -v ./steam/offline/ | grep -E '(queries|sessions): HeapInuse|^(ok|FAIL|---)'
  run_fuzz "${GOSTEAM_FUZZ_SECONDS:-10}"
  say "go test ./extension/... ./e2e/internal/... ./e2e/cmd/... ./recipe/"
  go test ./extension/... ./e2e/internal/... ./e2e/cmd/... ./recipe/
  say "go test -tags e2e ./e2e/ (the end-to-end checks; Godot logs in $LOG_DIR)"
  e2e
}

main() {
  local cmd=${1:-build}
  (($# == 0)) || shift
  case $cmd in
    build) (($# == 0)) || die "build takes no arguments"; steamdev build ;;
    demo) cmd_demo "$@" ;;
    test) (($# == 0)) || die "test takes no arguments"; cmd_test ;;
    bench) cmd_bench "$@" ;;
    fresh) (($# == 0)) || die "fresh takes no arguments"; exec scripts/fresh_machine.sh ;;
    fuzz)
      (($# <= 1)) || die "fuzz takes at most one argument (seconds per target)"
      [[ ${1:-60} =~ ^[1-9][0-9]*$ ]] || die "fuzz takes a number of seconds per target (default 60)"
      run_fuzz "${1:-60}"
      say "fuzzing found nothing"
      ;;
    peers)
      (($# == 0)) || die "peers takes no arguments"
      use_godot
      e2e -run '^TestServerBrowsers$'
      ;;
    export) (($# == 0)) || die "export takes no arguments"; steamdev build; use_godot; steamdev export ;;
    dist)
      (($# == 0)) || die "dist takes no arguments"
      need_tools x86_64-w64-mingw32-gcc aarch64-linux-gnu-gcc
      steamdev dist
      ;;
    godot) use_godot; exec "$GODOT_BIN" "$@" ;;
    -h | --help | help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}" ;;
    *) die "unknown command '$cmd' (build, demo, test, peers, export, dist, bench, fresh, fuzz, godot, help)" ;;
  esac
}

main "$@"
