#!/usr/bin/env bash
# scripts/provision_test_deps.sh WHAT...: fetch or install what the tests use, printing one
# KEY=VALUE line per WHAT on stdout (messages go to stderr):
#   steam-api   GOSTEAM_STEAM_API=  the real libsteam_api.so: npm's steamworks.js@0.4.0 (Valve's
#               redistributable), fetched with `npm pack` into the cache and checked against a
#               pinned SHA-256; it stays in the cache, nothing copies it into the project
#   gamedig     GAMEDIG_DIR=        gamedig (npm ci of godot_project/tests/peers/package-lock.json
#               into the cache)
#   emulator    GOSTEAM_TEST_EMULATOR=  the Steam emulator (gbe_fork's libsteam_api.so): the
#               variable's value, else ../shared/steam-emulator/libsteam_api.so beside the checkout;
#               its runtime packages (row steam-emulator) installed when missing. Every process
#               that loads it must run in a loopback-only network namespace (unshare -n)
#   TOOL        NAME=               any tool with a row in scripts/system_packages.sh (quakestat,
#               patchelf, x86_64-w64-mingw32-gcc, ...): its Debian packages installed when missing
#               (as root); prints its path as QUAKESTAT=, X86_64_W64_MINGW32_GCC=, ...
# build.sh test runs it before the Go tests; the e2e tests run it for what their environment lacks.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
# shellcheck source=scripts/common.sh
source "$ROOT/scripts/common.sh"

STEAM_API_PKG=steamworks.js@0.4.0
STEAM_API_SHA256=0ed3199107e021fa27e19a642148514ca5337563569c48fc094c27f907dd47a7
STEAM_API=$CACHE/steamworks.js-0.4.0/libsteam_api.so
PEERS_SRC=$ROOT/godot_project/tests/peers
PEERS_DIR=$CACHE/peers/gamedig # gamedig 5.3.3

sha_ok() { [[ -f $1 ]] && [[ $(sha256sum "$1" | cut -d' ' -f1) == "$STEAM_API_SHA256" ]]; }

# fetch_steam_api: make sure $STEAM_API is the pinned library, fetching it with npm if needed.
fetch_steam_api() {
  sha_ok "$STEAM_API" && return 0
  need_tools node npm
  take_lock steam-api
  if ! sha_ok "$STEAM_API"; then
    local tmp tgz
    mkdir -p "$(dirname "$STEAM_API")"
    tmp=$(mktemp -d "$CACHE/steam-api.XXXXXX")
    say "fetching $STEAM_API_PKG with npm pack (for libsteam_api.so)"
    (cd "$tmp" && npm pack --silent "$STEAM_API_PKG" >npm-pack.log 2>&1) || {
      cat "$tmp/npm-pack.log" >&2
      rm -rf "$tmp"
      die "npm pack $STEAM_API_PKG failed"
    }
    tgz=$(find "$tmp" -maxdepth 1 -name '*.tgz' -print -quit)
    tar -xzf "$tgz" -C "$tmp" package/dist/linux64/libsteam_api.so || die "$STEAM_API_PKG has no dist/linux64/libsteam_api.so"
    sha_ok "$tmp/package/dist/linux64/libsteam_api.so" ||
      die "$STEAM_API_PKG's libsteam_api.so is not the pinned one (sha256 $STEAM_API_SHA256)"
    mv -f "$tmp/package/dist/linux64/libsteam_api.so" "$STEAM_API"
    rm -rf "$tmp"
  fi
  release_lock steam-api
}

# find_emulator: the Steam emulator's path, with its runtime packages installed.
find_emulator() {
  local lib=${GOSTEAM_TEST_EMULATOR:-$ROOT/../shared/steam-emulator/libsteam_api.so}
  [[ -f $lib ]] || die "the Steam emulator is not at $lib: set GOSTEAM_TEST_EMULATOR to gbe_fork's libsteam_api.so (the project's shared/steam-emulator/ has it, with its source and README)"
  need_tools steam-emulator
  EMULATOR=$(cd "$(dirname "$lib")" && pwd -P)/$(basename "$lib")
}

# install_gamedig: npm ci of the pinned gamedig into $PEERS_DIR when missing or changed.
install_gamedig() {
  need_tools node npm
  take_lock peers
  if ! cmp -s "$PEERS_SRC/package-lock.json" "$PEERS_DIR/package-lock.json" ||
    [[ ! -f $PEERS_DIR/node_modules/gamedig/package.json ]]; then
    say "installing gamedig into $PEERS_DIR (npm ci of $PEERS_SRC/package-lock.json)"
    rm -rf "$PEERS_DIR"
    mkdir -p "$PEERS_DIR"
    cp "$PEERS_SRC/package.json" "$PEERS_SRC/package-lock.json" "$PEERS_DIR/"
    (cd "$PEERS_DIR" && npm ci --no-audit --no-fund --loglevel=error >npm-ci.log 2>&1) || {
      cat "$PEERS_DIR/npm-ci.log" >&2
      rm -f "$PEERS_DIR/package-lock.json" # retry next time
      die "npm ci for gamedig failed"
    }
  fi
  release_lock peers
}

(($#)) || die "usage: $0 steam-api|gamedig|emulator|TOOL..."
for what in "$@"; do
  case $what in
    steam-api) fetch_steam_api; printf 'GOSTEAM_STEAM_API=%s\n' "$STEAM_API" ;;
    gamedig) install_gamedig; printf 'GAMEDIG_DIR=%s\n' "$PEERS_DIR" ;;
    emulator) find_emulator; printf 'GOSTEAM_TEST_EMULATOR=%s\n' "$EMULATOR" ;;
    *)
      need_tools "$what"
      path=$(command -v "$what") || die "$what is installed but not on PATH"
      name=$(basename "$what" | tr 'a-z' 'A-Z' | tr -c 'A-Z0-9\n' '_')
      printf '%s=%s\n' "$name" "$path"
      ;;
  esac
done
