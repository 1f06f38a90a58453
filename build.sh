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
#                                     soaks (TestSoak*), every Go fuzz target for 10 s, build,
#                                     then in Godot: the GDScript suite res://tests/test_runner.tscn,
#                                     the panic checks (tests/panic_check.tscn) and the demo server
#                                     for 300 frames; server queries of the demo checked with
#                                     gamedig and qstat (installed on first use: npm ci into the
#                                     cache, apt-get install qstat as root); the real
#                                     libsteam_api.so (fetched with
#                                     `npm pack steamworks.js@0.4.0` into the cache) in Go tests and
#                                     in Godot (tests/real_steam_check.tscn); the cross-built
#                                     libraries' entry symbol; the demo client authenticated by
#                                     the demo server, which SIGTERM stops cleanly; the exported
#                                     server queried by gamedig and qstat; dist/ in a fresh project
#   ./build.sh peers                  only the server-query check of `test`: the demo server
#                                     queried by gamedig and qstat (query_peers_check)
#   ./build.sh export                 export the demo as a Linux x86_64 dedicated server (presets
#                                     in godot_project/export_presets.cfg; the "+ Steam" one, which
#                                     ships libsteam_api.so, when godot_project/bin/ has it) into
#                                     dist/server-linux-x86_64/, with the release template of the
#                                     Godot in use (Debian's godot-template-release beside Debian's)
#   ./build.sh dist                   build every library (Linux x86_64, and cross-built Windows
#                                     x86_64 and Linux arm64, installing Debian's cross compilers
#                                     as root when missing), then dist/addons/godot_steam_server/
#   ./build.sh bench [--fresh]        print benchmark figures (never fails on them): Go
#                                     benchmarks, the loopback UDP load test of the query port,
#                                     the Godot bench scene (ratios to a native engine call), the
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
#                  unpacked (not installed) into the cache and run through their own loader.
#   GOSTEAM_CACHE  cache folder (default: $HOME/.cache/gosteam)
#   GODOT_TIMEOUT  seconds before a Godot run is killed as hung (default: 600)
#   GOSTEAM_FUZZ_SECONDS  seconds per fuzz target in `test` (default: 10)
#   The extension itself reads GOSTEAM_BACKEND (steamworks, offline, auto) and GOSTEAM_STEAM_API
#   (a libsteam_api.so); `test` sets both for each run, so the shell's values do not matter.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
if [[ ${GODOT:-} == */* && ${GODOT:-} != /* ]]; then
  GODOT=$PWD/$GODOT # a relative $GODOT means relative to where build.sh was called from
fi
cd "$ROOT"
# shellcheck source=scripts/system_packages.sh
source scripts/system_packages.sh

PROJECT=godot_project
LIB=$PROJECT/bin/libsteam_server.linux.x86_64.so
GDEXT_SRC=steam.gdextension
GDEXT=$PROJECT/bin/steam.gdextension
TEST_SCENE=res://tests/test_runner.tscn
CACHE=${GOSTEAM_CACHE:-${HOME:?HOME is unset: set GOSTEAM_CACHE}/.cache/gosteam}
GODOT_TIMEOUT=${GODOT_TIMEOUT:-600}
LOG_DIR=$PROJECT/.godot/gosteam-logs
GODOT_BIN=
ESC=$(printf '\033')
# Godot's messages when the extension library is missing or does not load.
EXT_LOAD_FAILURE="Can't open dynamic library|GDExtension dynamic library not found|Error loading extension"

say() { printf '==> %s\n' "$*" >&2; }
die() { printf '==> ERROR: %s\n' "$*" >&2; exit 1; }

# take_lock NAME / release_lock NAME: serialise concurrent build.sh runs that share this
# checkout or the Godot cache (flock on $CACHE/locks/NAME.lock; also released at exit).
declare -A LOCKS=()
take_lock() {
  local fd
  mkdir -p "$CACHE/locks"
  exec {fd}>"$CACHE/locks/$1.lock"
  if ! flock -n "$fd"; then
    say "waiting for another build.sh (lock $1)"
    flock "$fd"
  fi
  LOCKS[$1]=$fd
}
release_lock() {
  local fd=${LOCKS[$1]:-}
  [[ -z $fd ]] || exec {fd}>&-
  unset "LOCKS[$1]"
}
CHECKOUT_ID=$(printf '%s' "$ROOT" | cksum | cut -d' ' -f1)
BUILD_LOCK=build-$CHECKOUT_ID
STAGE=$CACHE/build/$CHECKOUT_ID # go build output before it is installed into $PROJECT/bin

# ---------------------------------------------------------------------------------------------
# Go build
# ---------------------------------------------------------------------------------------------

build() {
  [[ -f $GDEXT_SRC ]] || die "$GDEXT_SRC is missing at the repo root"
  mkdir -p "$PROJECT/bin" "$STAGE"
  say "go build -buildmode=c-shared ./extension -> $LIB"
  # go build relinks every time; build beside the cache and replace the library only when
  # it changed, so its mtime (which triggers a re-import) moves only with its content.
  go build -buildmode=c-shared -ldflags "-s -w" -o "$STAGE/lib.so" ./extension
  rm -f "$STAGE/lib.h" "${LIB%.so}.h"
  install_if_changed "$STAGE/lib.so" "$LIB"
  install_if_changed "$GDEXT_SRC" "$GDEXT"
}

# install_if_changed SRC DST: atomically replace DST with a copy of SRC unless identical.
install_if_changed() {
  cmp -s "$1" "$2" && return 0
  cp "$1" "$2.tmp.$$"
  mv -f "$2.tmp.$$" "$2"
}

# ---------------------------------------------------------------------------------------------
# Godot provisioning: $GODOT, else godot on PATH (>= 4.6), else Debian sid's package unpacked
# into the cache. Sets GODOT_BIN.
# ---------------------------------------------------------------------------------------------

GODOT_SUITE=sid
GODOT_DIR=$CACHE/godot-debian-$GODOT_SUITE
PROVISION_FORMAT=2 # bump when the layout under $GODOT_DIR changes

# godot_version BIN: prints BIN's `--version` line (empty if it does not run).
godot_version() {
  "$1" --version 2>/dev/null </dev/null | sed "s/$ESC\[[0-9;]*m//g" | grep -E '^[0-9]+\.[0-9]+' | head -n1 || true
}

# version_ok VERSION: true for 4.6 or newer.
version_ok() {
  local major minor
  [[ $1 =~ ^([0-9]+)\.([0-9]+) ]] || return 1
  major=${BASH_REMATCH[1]} minor=${BASH_REMATCH[2]}
  ((major > 4 || (major == 4 && minor >= 6)))
}

provision_godot() {
  [[ -z $GODOT_BIN ]] || return 0
  local v path
  if [[ -n ${GODOT:-} ]]; then
    path=$(command -v "$GODOT" || true)
    [[ -n $path ]] || die "GODOT=$GODOT is not an executable"
    v=$(godot_version "$path")
    version_ok "$v" || die "GODOT=$GODOT reports version '${v:-?}'; Godot 4.6 or newer is needed"
    GODOT_BIN=$path
    say "Godot $v ($GODOT_BIN, from \$GODOT)"
    return 0
  fi
  path=$(command -v godot || true)
  if [[ -n $path ]]; then
    v=$(godot_version "$path")
    if version_ok "$v"; then
      GODOT_BIN=$path
      say "Godot $v ($GODOT_BIN, from PATH)"
      return 0
    fi
    say "ignoring $path (version '${v:-?}', need 4.6+)"
  fi
  fetch_debian_godot
  GODOT_BIN=$GODOT_DIR/bin/godot
  v=$(godot_version "$GODOT_BIN")
  if ! version_ok "$v"; then
    say "the cached Godot does not run (version '${v:-?}'); fetching it again"
    rm -f "$GODOT_DIR/.complete"
    fetch_debian_godot # verifies what it unpacks, or dies
    v=$(godot_version "$GODOT_BIN")
  fi
  say "Godot $v ($GODOT_BIN, Debian $GODOT_SUITE package)"
}

# os_codename: this system's release codename (bookworm...), from /etc/os-release.
os_codename() {
  # shellcheck source=/dev/null
  [[ ! -r /etc/os-release ]] || (. /etc/os-release && printf '%s' "${VERSION_CODENAME:-}")
}

# system_debian_source: prints "URI<TAB>SOURCESENTRY" of the system's main Debian archive entry
# (the one for this system's own codename, else any plain suite), as configured for apt.
system_debian_source() {
  local codename
  codename=$(os_codename)
  # shellcheck disable=SC2016 # $(FIELD) are apt's format placeholders
  apt-get indextargets --no-release-info \
    --format '$(TARGET_OF)	$(IDENTIFIER)	$(RELEASE)	$(REPO_URI)	$(SOURCESENTRY)' 2>/dev/null |
    awk -F '\t' -v cn="$codename" '
      $1 == "deb" && $2 == "Packages" {
        if ($3 == cn && !exact) exact = $4 "\t" $5
        if ($3 !~ /[-\/]/ && !plain) plain = $4 "\t" $5
      }
      END { if (exact) print exact; else if (plain) print plain }'
}

# source_keyrings SOURCESENTRY: prints the Signed-By keyring paths of an apt source entry
# ("file:N": stanza N of a deb822 .sources file, or line N of a one-line .list file). An inline
# key block is written to $GODOT_DIR/keys/inline.asc and that path printed instead.
source_keyrings() {
  local file=${1%:*} n=${1##*:}
  [[ -r $file && $n =~ ^[0-9]+$ ]] || return 0
  if [[ $file == *.sources ]]; then
    awk -v want="$n" -v inline="$GODOT_DIR/keys/inline.asc" '
      BEGIN { RS = ""; FS = "\n" }
      {
        nkeep = 0
        for (i = 1; i <= NF; i++) if ($i !~ /^#/) keep[++nkeep] = $i
        if (nkeep == 0) next
        if (++stanza != want) next
        for (i = 1; i <= nkeep; i++) {
          if (tolower(keep[i]) !~ /^signed-by:/) continue
          v = keep[i]; sub(/^[^:]*:[ \t]*/, "", v)
          if (v != "") { gsub(/[ \t,]+/, "\n", v); print v; exit }
          # inline ASCII-armoured key on the continuation lines
          for (j = i + 1; j <= nkeep && keep[j] ~ /^[ \t]/; j++) {
            l = keep[j]; sub(/^[ \t]+/, "", l); if (l == ".") l = ""
            print l > inline
          }
          close(inline); print inline; exit
        }
        exit
      }' "$file"
  else
    sed -n "${n}p" "$file" | grep -oE 'signed-by=[^] ]+' | cut -d= -f2- | tr ',' '\n'
  fi
}

# fetch_debian_godot: unpack Debian $GODOT_SUITE's godot package plus the packages its
# dependencies resolve to (against an empty dpkg status) into $GODOT_DIR/root, and write the
# wrapper $GODOT_DIR/bin/godot that runs it through the unpacked dynamic loader. Nothing is
# installed into the system; apt runs with a private configuration and state under $GODOT_DIR.
fetch_debian_godot() {
  local marker=$GODOT_DIR/.complete
  if [[ -x $GODOT_DIR/bin/godot && -f $marker ]] && grep -qx "format=$PROVISION_FORMAT" "$marker"; then
    return 0
  fi
  take_lock "godot-debian-$GODOT_SUITE"
  if [[ -x $GODOT_DIR/bin/godot && -f $marker ]] && grep -qx "format=$PROVISION_FORMAT" "$marker"; then
    release_lock "godot-debian-$GODOT_SUITE"
    return 0
  fi
  local tool
  for tool in apt-get apt-config dpkg-deb; do
    command -v "$tool" >/dev/null || die "no Godot 4.6+ found and $tool is missing to fetch one; set GODOT=/path/to/godot"
  done
  local start=$SECONDS
  say "fetching Godot from Debian $GODOT_SUITE into $GODOT_DIR (not installed into the system)"
  rm -f "$marker"

  local src uri entry
  src=$(system_debian_source)
  [[ -n $src ]] || die "no Debian archive found in the system's apt sources; set GODOT=/path/to/godot"
  uri=${src%%$'\t'*} entry=${src#*$'\t'}
  say "Debian mirror from $entry: $uri (suite $GODOT_SUITE)"

  local apt=$GODOT_DIR/apt
  mkdir -p "$apt"/{etc/apt.conf.d,etc/preferences.d,etc/sources.list.d,trusted.gpg.d,lists/partial,cache/archives/partial,log} "$GODOT_DIR/keys"
  : >"$apt/status"
  printf 'deb %s %s main\n' "$uri" "$GODOT_SUITE" >"$apt/etc/sources.list"

  # Keys: the entry's Signed-By keyrings, else apt's trusted keyrings.
  local -a keys=()
  local k
  while IFS= read -r k; do
    [[ -n $k && -r $k ]] && keys+=("$k")
  done < <(source_keyrings "$entry")
  if ((${#keys[@]} == 0)); then
    local trusted parts
    trusted=$(apt-config shell T Dir::Etc::trusted/f | sed -n "s/^T='\(.*\)'$/\1/p")
    parts=$(apt-config shell P Dir::Etc::trustedparts/d | sed -n "s/^P='\(.*\)'$/\1/p")
    [[ -n $trusted && -r $trusted ]] && keys+=("$trusted")
    for k in "$parts"/*.gpg "$parts"/*.asc; do
      [[ -r $k ]] && keys+=("$k")
    done
  fi
  ((${#keys[@]})) || die "found no apt keyring to verify Debian $GODOT_SUITE with"
  rm -f "$apt"/trusted.gpg.d/*
  local i=0
  for k in "${keys[@]}"; do
    i=$((i + 1))
    cp "$k" "$apt/trusted.gpg.d/$i-$(basename "$k")"
  done

  # Private configuration: none of the system's apt.conf.d (its hooks act on the system's
  # cache), only its network and Release-validity settings (proxies, Check-Valid-Until...).
  {
    apt-config dump 2>/dev/null |
      grep -E '^Acquire::(Check-Valid-Until|Check-Date|Max-ValidTime|Min-ValidTime|Retries|ForceIPv4|ForceIPv6|http|https|ftp|socks)[: ]' || true
    cat <<EOF
Dir::Etc::main "$apt/etc/apt.conf";
Dir::Etc::parts "$apt/etc/apt.conf.d";
EOF
  } >"$apt/apt.conf"
  local -a aptopt=(
    -o "Dir::State=$apt" -o "Dir::State::lists=$apt/lists" -o "Dir::State::status=$apt/status"
    -o "Dir::Cache=$apt/cache" -o "Dir::Cache::archives=$apt/cache/archives"
    -o "Dir::Cache::pkgcache=" -o "Dir::Cache::srcpkgcache="
    -o "Dir::Etc::sourcelist=$apt/etc/sources.list" -o "Dir::Etc::sourceparts=$apt/etc/sources.list.d"
    -o "Dir::Etc::preferences=$apt/etc/preferences" -o "Dir::Etc::preferencesparts=$apt/etc/preferences.d"
    -o "Dir::Etc::trusted=$apt/trusted.gpg" -o "Dir::Etc::trustedparts=$apt/trusted.gpg.d"
    -o "Dir::Log=$apt/log"
    -o "APT::Architecture=amd64" -o "APT::Architectures::=amd64"
    -o "APT::Install-Recommends=false" -o "APT::Install-Suggests=false"
    -o "APT::Sandbox::User=$(id -un)"
    -o "Acquire::Languages=none" -o "Acquire::GzipIndexes=true"
    -o "Acquire::Retries=${ACQUIRE_RETRIES:-3}"
  )
  [[ $(dpkg --print-architecture 2>/dev/null || echo amd64) == amd64 ]] ||
    die "only x86_64 is supported by the Debian Godot fetch; set GODOT=/path/to/godot"
  papt() { APT_CONFIG="$apt/apt.conf" "$@" "${aptopt[@]}"; }

  # apt_update SUITE: refresh the private index for SUITE; true when it verified and fetched.
  apt_update() {
    local log=$apt/log/update-$1.log
    printf 'deb %s %s main\n' "$uri" "$1" >"$apt/etc/sources.list"
    rm -f "$apt"/lists/*_dists_*
    papt apt-get -q update >"$log" 2>&1 &&
      ! grep -qE '^(E:|W: (GPG error|Failed to fetch|.*not signed))' "$log" &&
      compgen -G "$apt/lists/*_dists_$1_main_binary-amd64_Packages*" >/dev/null
  }
  if ! apt_update "$GODOT_SUITE"; then
    cat "$apt/log/update-$GODOT_SUITE.log" >&2
    grep -qE 'NO_PUBKEY|EXPKEYSIG|REVKEYSIG|BADSIG|GPG error|not signed|signatures (couldn.t|were invalid)' \
      "$apt/log/update-$GODOT_SUITE.log" || die "apt-get update for Debian $GODOT_SUITE failed (see above)"
    # Debian $GODOT_SUITE is signed by keys newer than this system's keyring: take the
    # debian-archive-keyring package from a suite that the current keys do verify (this
    # system's own release, else stable, else testing), then retry with its keys too.
    say "Debian $GODOT_SUITE did not verify with the system keyring; fetching a newer debian-archive-keyring"
    local boot got='' ring ext
    for boot in $(os_codename) stable testing; do
      apt_update "$boot" || continue
      rm -rf "$GODOT_DIR/keys"/*.deb "$GODOT_DIR/keys/x"
      (cd "$GODOT_DIR/keys" && papt apt-get -q download debian-archive-keyring >/dev/null 2>&1) || continue
      dpkg-deb -x "$GODOT_DIR/keys"/debian-archive-keyring_*.deb "$GODOT_DIR/keys/x"
      for ring in "$GODOT_DIR"/keys/x/usr/share/keyrings/debian-archive-keyring.{gpg,pgp,asc}; do
        [[ -f $ring ]] || continue
        ext=gpg # apt reads binary keyrings only under the .gpg name
        [[ $ring != *.asc ]] || ext=asc
        cp -L "$ring" "$apt/trusted.gpg.d/0-debian-archive-keyring-$boot.$ext"
        got=$boot
        break 2
      done
    done
    [[ -n $got ]] || die "could not get a keyring that verifies Debian $GODOT_SUITE; set GODOT=/path/to/godot"
    say "using debian-archive-keyring from Debian $got"
    if ! apt_update "$GODOT_SUITE"; then
      cat "$apt/log/update-$GODOT_SUITE.log" >&2
      die "apt-get update for Debian $GODOT_SUITE failed (see above)"
    fi
  fi

  # Resolve godot's dependency closure against the empty status file, then download it.
  local -a pkgs=()
  local line
  papt apt-get -q install --simulate godot godot-template-release >"$apt/log/resolve.log" 2>&1 || {
    cat "$apt/log/resolve.log" >&2
    die "could not resolve Debian $GODOT_SUITE's godot package"
  }
  # "Inst NAME (VERSION ARCHIVE [ARCH])" -> the file name apt stores: NAME_VERSION_ARCH.deb
  while IFS= read -r line; do
    pkgs+=("$line")
  done < <(sed -nE 's/^Inst ([^ ]+) \(([^ ]+) .*\[([^]]+)\]\).*/\1_\2_\3.deb/p' "$apt/log/resolve.log" | sed 's/:/%3a/g')
  ((${#pkgs[@]})) || die "resolving godot gave no packages (see $apt/log/resolve.log)"
  say "downloading godot and ${#pkgs[@]} packages in its dependency closure"
  papt apt-get -q -y install --download-only godot godot-template-release >"$apt/log/download.log" 2>&1 || {
    cat "$apt/log/download.log" >&2
    die "downloading Debian $GODOT_SUITE's godot failed (rerun to resume)"
  }

  say "unpacking into $GODOT_DIR/root"
  local tmp=$GODOT_DIR/root.tmp deb
  rm -rf "$tmp"
  mkdir -p "$tmp"
  local -a files=()
  for deb in "${pkgs[@]}"; do
    [[ -f $apt/cache/archives/$deb ]] || die "expected $apt/cache/archives/$deb after download"
    files+=("$apt/cache/archives/$deb")
  done
  printf '%s\0' "${files[@]}" | xargs -0 -P "$(nproc 2>/dev/null || echo 2)" -I{} dpkg-deb -x {} "$tmp" ||
    die "unpacking the downloaded packages failed"

  # The loader and the godot binary, wherever this Debian release puts them.
  local ld='' bin='' cand
  for cand in usr/lib64/ld-linux-x86-64.so.2 lib64/ld-linux-x86-64.so.2 usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2; do
    if [[ -e $tmp/$cand ]]; then ld=$cand; break; fi
  done
  [[ -n $ld ]] || die "no ld-linux-x86-64.so.2 in the unpacked packages"
  if [[ -f $tmp/usr/bin/godot && ! -L $tmp/usr/bin/godot ]]; then
    bin=usr/bin/godot
  else # elsewhere (e.g. a symlink into /usr/lib/godot/): the package's own executable
    bin=$(dpkg-deb -c "$apt/cache/archives/$(printf '%s\n' "${pkgs[@]}" | grep '^godot_')" |
      awk '$1 ~ /^-..x/ { p = $6; sub(/^\.?\//, "", p); if (p ~ /\/godot[^\/]*$/ && p !~ /\/share\//) { print p; exit } }')
  fi
  [[ -n $bin && -f $tmp/$bin ]] || die "could not find the godot executable in Debian's godot package"
  # Every folder holding shared libraries, the main multiarch one first; glibc's gconv
  # modules are loaded by path, not searched.
  # shellcheck disable=SC2016 # $root is expanded by the wrapper
  local libpath='$root/usr/lib/x86_64-linux-gnu' dir
  while IFS= read -r dir; do
    [[ $dir == usr/lib/x86_64-linux-gnu ]] && continue
    libpath+=":\$root/$dir"
  done < <(cd "$tmp" && find . \( -name '*.so' -o -name '*.so.*' \) \( -type f -o -type l \) -printf '%h\n' |
    sed 's|^\./||' | grep -vE '(^|/)(share|gconv|etc)(/|$)|^etc$' | sort -u)

  rm -rf "$GODOT_DIR/root"
  mv "$tmp" "$GODOT_DIR/root"
  mkdir -p "$GODOT_DIR/bin"
  cat >"$GODOT_DIR/bin/godot.tmp" <<EOF
#!/bin/sh
# Generated by build.sh: Debian $GODOT_SUITE's godot package, unpacked (not installed) with its
# shared-library dependencies, run through the unpacked dynamic loader.
root=\$(cd "\$(dirname "\$(readlink -f "\$0")")/../root" && pwd -P) || exit 127
exec "\$root/$ld" --argv0 "\$0" --library-path "$libpath" "\$root/$bin" "\$@"
EOF
  chmod +x "$GODOT_DIR/bin/godot.tmp"
  mv "$GODOT_DIR/bin/godot.tmp" "$GODOT_DIR/bin/godot"

  local v
  v=$(godot_version "$GODOT_DIR/bin/godot")
  version_ok "$v" || die "the unpacked Godot reports version '${v:-?}' (need 4.6+); see $GODOT_DIR"
  rm -f "$apt"/cache/archives/*.deb "$GODOT_DIR"/keys/*.deb # the unpacked root is the cache
  printf 'format=%s\nversion=%s\nbinary=/%s\n' "$PROVISION_FORMAT" "$v" "$bin" >"$marker"
  say "Godot $v ready in $((SECONDS - start))s"
  release_lock "godot-debian-$GODOT_SUITE"
}

# ---------------------------------------------------------------------------------------------
# The real Steamworks library, for tests only: npm's steamworks.js ships Valve's redistributable
# libsteam_api.so. It stays in the cache; nothing copies it into the project or a build.
# ---------------------------------------------------------------------------------------------

STEAM_API_PKG=steamworks.js@0.4.0
STEAM_API_SHA256=0ed3199107e021fa27e19a642148514ca5337563569c48fc094c27f907dd47a7
STEAM_API=$CACHE/steamworks.js-0.4.0/libsteam_api.so

# fetch_steam_api: make sure $STEAM_API is the pinned library, fetching it with npm if needed.
fetch_steam_api() {
  sha_ok() { [[ -f $1 ]] && [[ $(sha256sum "$1" | cut -d' ' -f1) == "$STEAM_API_SHA256" ]]; }
  sha_ok "$STEAM_API" && return 0
  command -v npm >/dev/null || die "npm is needed to fetch $STEAM_API_PKG (the real libsteam_api.so the tests use)"
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

# ---------------------------------------------------------------------------------------------
# Running Godot
# ---------------------------------------------------------------------------------------------

# filter_godot_noise: drop the harmless errors the godot-go binding causes at load (and the
# "   at: ..." location line under each); everything else passes through, line-buffered.
filter_godot_noise() {
  awk -v esc="$ESC" '
    {
      plain = $0; gsub(esc "\\[[0-9;]*[A-Za-z]", "", plain)
      if (plain ~ /Attempt to get non-existent interface function/) { skip_at = 1; next }
      if (skip_at && plain ~ /^[ \t]*at: /) { skip_at = 0; next }
      skip_at = 0
      print; fflush()
    }'
}

# run_godot LOG ARGS...: run Godot headless on the project under a timeout, filtered output to
# the console and LOG; sets GODOT_STATUS to Godot's exit status.
GODOT_STATUS=0
run_godot() {
  local log=$1
  shift
  mkdir -p "$(dirname "$log")"
  set +e
  timeout --foreground -k 10 "$GODOT_TIMEOUT" "$GODOT_BIN" --headless --path "$PROJECT" "$@" </dev/null 2>&1 |
    filter_godot_noise | tee "$log"
  local -a st=("${PIPESTATUS[@]}")
  set -e
  GODOT_STATUS=${st[0]}
  ((st[1] == 0 && st[2] == 0)) || die "log filter failed (${st[*]})"
}

# strip_ansi FILE: FILE's text without terminal colour codes or carriage returns.
strip_ansi() { sed -e "s/$ESC\[[0-9;]*[A-Za-z]//g" -e 's/\r$//' "$1"; }

# project_extensions: res:// paths of the project's .gdextension files.
project_extensions() {
  (cd "$PROJECT" && find . -path ./.godot -prune -o -name '*.gdextension' -print) | sed 's|^\./|res://|' | sort
}

# import_project: headless import when the project is new or changed since the last import.
# Godot 4.6 aborts at exit (status 134, its crash report lost) after an import that had to
# hot-load an extension missing from .godot/extension_list.cfg, as on a fresh project; so the
# list is seeded first, and a failed import is still re-run once: the second must succeed.
import_project() {
  local stamp=$PROJECT/.godot/gosteam-import.stamp list=$PROJECT/.godot/extension_list.cfg
  local need='' exts
  exts=$(project_extensions)
  if [[ ! -f $stamp ]]; then
    need="no import yet"
  elif [[ -n $exts && ! -f $list ]]; then
    need="no extension_list.cfg"
  elif [[ -n $(find "$PROJECT" -path "$PROJECT/.godot" -prune -o -type f -newer "$stamp" -print -quit) ]]; then
    need="project files changed"
  fi
  [[ -n $need ]] || return 0
  if [[ -n $exts && ! -f $list ]]; then
    mkdir -p "$PROJECT/.godot"
    printf '%s\n' "$exts" >"$list"
  fi
  local attempt log
  for attempt in 1 2; do
    say "importing $PROJECT ($need; attempt $attempt)"
    log=$LOG_DIR/import-$attempt.log
    run_godot "$log" --import
    if ((GODOT_STATUS == 0)); then
      if strip_ansi "$log" | grep -qE "$EXT_LOAD_FAILURE"; then
        die "import: Godot could not load the extension (see above)"
      fi
      [[ -z $exts || -f $list ]] || die "import exited 0 but wrote no .godot/extension_list.cfg"
      touch "$stamp"
      return 0
    fi
    say "import attempt $attempt exited with status $GODOT_STATUS"
  done
  die "headless import failed twice (last status $GODOT_STATUS; logs in $LOG_DIR)"
}

# run_godot_suite SCENE [ARGS...]: run a GDScript suite scene; fail on a non-zero exit, a
# crash, a script error, leaked objects, an extension that did not load, or a missing final
# "N passed, N failed" line. Reusable for later suites (benchmarks...).
run_godot_suite() {
  local scene=$1
  shift
  [[ $scene == --editor || -f $PROJECT/${scene#res://} ]] || die "suite scene $scene does not exist in $PROJECT"
  local name log
  name=${SUITE_LOG:-$(basename -- "${scene#res://}" .tscn)} # SUITE_LOG: another log name, for parallel runs
  log=$LOG_DIR/$name.log
  say "running $scene (timeout ${GODOT_TIMEOUT}s)"
  run_godot "$log" "$scene" "$@"
  local status=$GODOT_STATUS plain problems=() hits
  plain=$(strip_ansi "$log")
  if ((status == 124)); then
    problems+=("timed out after ${GODOT_TIMEOUT}s")
  elif ((status >= 128)); then
    problems+=("Godot died with status $status (signal $((status - 128)))")
  elif ((status != 0)); then
    problems+=("Godot exited with status $status")
  fi
  local -a checks=(
    'SCRIPT ERROR'
    'Program crashed|handle_crash|Segmentation fault|signal (6|11)([^0-9]|$)'
    'ObjectDB instances leaked at exit'
    "$EXT_LOAD_FAILURE"
  )
  local re
  for re in "${checks[@]}"; do
    hits=$(grep -E -- "$re" <<<"$plain" | head -n 20 || true)
    [[ -z $hits ]] || problems+=("log matches /$re/:"$'\n'"$hits")
  done
  local final
  final=$(grep -E '^([A-Za-z]+: )?[0-9]+ passed, [0-9]+ failed(, [0-9]+ skipped)?$' <<<"$plain" | tail -n 1 || true)
  if [[ ${TALLY:-required} == optional && -z $final ]]; then
    final="exit 0, clean log"
  elif [[ -z $final ]]; then
    problems+=("no final 'N passed, N failed' line")
  elif [[ ! $final =~ (^|[^0-9])0\ failed ]]; then
    problems+=("suite reports failures: $final")
  fi
  if ((${#problems[@]})); then
    local p
    for p in "${problems[@]}"; do say "FAIL $scene: $p"; done
    say "full log: $log"
    return 1
  fi
  say "PASS $scene: $final"
}

# ---------------------------------------------------------------------------------------------
# Other platforms (cross builds), the dedicated-server export, the addon folder, and their checks
# ---------------------------------------------------------------------------------------------

# Cross-built libraries, named as steam.gdextension lists them. Each needs Debian's cross C
# compiler for cgo (installed with apt-get when missing, as root); the first build of a target
# compiles the Go standard library and godot-go's ffi package for it (about a minute), later ones
# are cached.
CROSS_TARGETS=(windows-x86_64 linux-arm64)

# cross_target TARGET: sets X_GOOS X_GOARCH X_CC X_LIB X_OBJDUMP for TARGET (X_CC's packages are
# listed in scripts/system_packages.sh).
cross_target() {
  case $1 in
    windows-x86_64) X_GOOS=windows X_GOARCH=amd64 X_CC=x86_64-w64-mingw32-gcc \
      X_LIB=libsteam_server.windows.x86_64.dll X_OBJDUMP=x86_64-w64-mingw32-objdump ;;
    linux-arm64) X_GOOS=linux X_GOARCH=arm64 X_CC=aarch64-linux-gnu-gcc \
      X_LIB=libsteam_server.linux.arm64.so X_OBJDUMP=aarch64-linux-gnu-objdump ;;
    *) die "unknown cross target $1 (${CROSS_TARGETS[*]})" ;;
  esac
}

# build_cross TARGET: cross-build the extension into $PROJECT/bin/$X_LIB.
build_cross() {
  cross_target "$1"
  need_tools "$X_CC"
  mkdir -p "$PROJECT/bin" "$STAGE"
  local -a xenv=(CGO_ENABLED=1 GOOS="$X_GOOS" GOARCH="$X_GOARCH" CC="$X_CC")
  # Go caches the compiled packages but links again every time, and MinGW's link of the DLL takes
  # about 2 minutes: skip it when no package changed (the build IDs of every dependency, which
  # `go list -export` gives from the cache, compiling what changed).
  local inputs
  inputs=$(env "${xenv[@]}" go list -buildmode=c-shared -export -deps -f '{{.ImportPath}}={{.BuildID}}' ./extension |
    { cat; "$X_CC" --version | head -n 1; } | sha256sum | cut -d' ' -f1)
  rm -f .h # go list -export of a c-shared build writes its cgo header there, nameless
  if [[ -f $PROJECT/bin/$X_LIB && -f $STAGE/$X_LIB && $(cat "$STAGE/$X_LIB.inputs" 2>/dev/null) == "$inputs" ]] &&
    cmp -s "$STAGE/$X_LIB" "$PROJECT/bin/$X_LIB"; then
    say "$PROJECT/bin/$X_LIB is up to date"
    return 0
  fi
  say "${xenv[*]} go build -buildmode=c-shared ./extension -> $PROJECT/bin/$X_LIB"
  local start=$SECONDS
  env "${xenv[@]}" go build -buildmode=c-shared -ldflags "-s -w" -o "$STAGE/$X_LIB" ./extension
  rm -f "$STAGE/${X_LIB%.*}.h"
  printf '%s\n' "$inputs" >"$STAGE/$X_LIB.inputs"
  install_if_changed "$STAGE/$X_LIB" "$PROJECT/bin/$X_LIB"
  say "$X_LIB built in $((SECONDS - start))s"
}

# check_cross_library TARGET: the library is for TARGET's machine, exports the entry symbol
# steam.gdextension names, and needs nothing but the system's own libraries.
check_cross_library() {
  cross_target "$1"
  local lib=$PROJECT/bin/$X_LIB dump entry
  entry=$(sed -n 's/^entry_symbol *= *"\(.*\)"/\1/p' "$GDEXT_SRC")
  [[ -n $entry ]] || die "no entry_symbol in $GDEXT_SRC"
  [[ -f $lib ]] || die "$lib is missing (build_cross $1)"
  case $X_GOOS in
    windows)
      dump=$("$X_OBJDUMP" -p "$lib")
      grep -q '^architecture: i386:x86-64' <<<"$dump" || grep -q 'file format pei-x86-64' <<<"$dump" || die "$X_LIB is not an x86-64 PE file"
      # The export name table of `objdump -p`: "[   N] name" lines after its heading.
      awk '/\[Ordinal\/Name Pointer\] Table/ { t = 1; next } t && NF == 0 { exit } t { print $NF }' <<<"$dump" | grep -qx "$entry" ||
        die "$X_LIB does not export $entry (objdump -p)"
      local dlls
      dlls=$(sed -n 's/^\tDLL Name: //p' <<<"$dump" | sort -u | tr '\n' ' ')
      ! grep -qiE 'libgcc|libwinpthread|libstdc' <<<"$dlls" || die "$X_LIB needs MinGW's runtime DLLs ($dlls)"
      say "PASS $X_LIB: PE x86-64, exports $entry, imports only $dlls"
      ;;
    linux)
      dump=$("$X_OBJDUMP" -p -T "$lib")
      grep -q 'file format elf64-littleaarch64' <<<"$dump" || die "$X_LIB is not an AArch64 ELF file"
      grep -qE "[[:space:]]\.text[[:space:]].*[[:space:]]$entry\$" <<<"$dump" || die "$X_LIB does not export $entry (objdump -T)"
      say "PASS $X_LIB: ELF AArch64, exports $entry, needs $(sed -n 's/^ *NEEDED *//p' <<<"$dump" | tr '\n' ' ')"
      ;;
  esac
}

# The dedicated-server export: one of godot_project/export_presets.cfg's presets, Linux x86_64,
# exported in dedicated-server mode with the release template of the Godot in use. The "+ Steam"
# preset has the custom feature "steamworks", which makes steam.gdextension's [dependencies] ship
# libsteam_api.so (it must then be beside the extension library); the other ships no Steam library.
EXPORT_PRESET="Linux Dedicated Server"
EXPORT_PRESET_STEAM="Linux Dedicated Server + Steam"
EXPORT_DIR=dist/server-linux-x86_64
EXPORT_NAME=godot_steam_server.x86_64
EXPORT_DATA=$CACHE/export-data # XDG_DATA_HOME of export runs: godot/export_templates/<version>/

# export_template: the Linux x86_64 release template for $GODOT_BIN. Beside Debian's Godot, Debian's
# godot-template-release of the same build (unpacked with it; an older cache is fetched again);
# otherwise the one installed for that Godot version in the user's export_templates folder.
export_template() {
  local v=$1
  if [[ $GODOT_BIN == "$GODOT_DIR/bin/godot" ]]; then
    if [[ ! -x $GODOT_DIR/root/usr/bin/godot-template-release ]]; then
      say "the cached Debian Godot has no export template; fetching it again with godot-template-release"
      rm -f "$GODOT_DIR/.complete"
      fetch_debian_godot
    fi
    [[ -x $GODOT_DIR/root/usr/bin/godot-template-release ]] || die "no godot-template-release in $GODOT_DIR/root"
    printf '%s\n' "$GODOT_DIR/root/usr/bin/godot-template-release"
    return 0
  fi
  local t=${XDG_DATA_HOME:-$HOME/.local/share}/godot/export_templates/$v/linux_release.x86_64
  [[ -f $t ]] || die "exporting needs Godot $v's Linux export template at $t (install the export templates, or unset GODOT to use Debian's Godot and template)"
  printf '%s\n' "$t"
}

# export_server PROJECT_DIR OUT_DIR PRESET: export PROJECT_DIR (imported) with PRESET into OUT_DIR
# (absolute; emptied first). Godot copies the extension library and, for $EXPORT_PRESET_STEAM,
# libsteam_api.so (steam.gdextension's [dependencies]).
export_server() {
  local proj=$1 out=$2 preset=$3 v template
  v=$(godot_version "$GODOT_BIN" | cut -d. -f1-4) # 4.6.3.stable: the templates folder's name
  template=$(export_template "$v")
  mkdir -p "$EXPORT_DATA/godot/export_templates/$v"
  ln -sfn "$template" "$EXPORT_DATA/godot/export_templates/$v/linux_release.x86_64"
  rm -rf "$out"
  mkdir -p "$out"
  say "exporting $proj with preset \"$preset\" to $out (template $template)"
  XDG_DATA_HOME=$EXPORT_DATA PROJECT=$proj run_godot "$LOG_DIR/export.log" --export-release "$preset" "$out/$EXPORT_NAME"
  ((GODOT_STATUS == 0)) || die "export failed with status $GODOT_STATUS (log: $LOG_DIR/export.log)"
  ! strip_ansi "$LOG_DIR/export.log" | grep -qE '^(ERROR|SCRIPT ERROR):' || die "the export printed errors (log: $LOG_DIR/export.log)"
  local f
  for f in "$EXPORT_NAME" "${EXPORT_NAME%.*}.pck" "$(basename "$LIB")"; do
    [[ -f $out/$f ]] || die "the export has no $f (log: $LOG_DIR/export.log)"
  done
}

# runnable_export SRC DST: a copy of the export SRC in DST that runs here: DST/run.sh. Debian's
# template is linked against Debian sid's libraries, unpacked in the cache: the copy's ELF
# interpreter is set to the unpacked loader and its RPATH to the unpacked library folders
# (patchelf). Not LD_LIBRARY_PATH: the programs Godot starts (sh) would get sid's libc too.
# libpulse's own RUNPATH hides the RPATH from its dependency libpulsecommon, which the copy
# therefore names itself.
runnable_export() {
  local src=$1 dst=$2
  rm -rf "$dst"
  cp -a "$src" "$dst"
  printf '#!/bin/sh\nexec "$(dirname "$0")/%s" "$@"\n' "$EXPORT_NAME" >"$dst/run.sh"
  chmod +x "$dst/run.sh"
  [[ $GODOT_BIN == "$GODOT_DIR/bin/godot" ]] || return 0
  need_tools patchelf
  local line ld libpath pulse
  # The Godot wrapper's exec line: exec "$root/LOADER" --argv0 "$0" --library-path "PATHS" ...
  line=$(sed -n 's|^exec "\$root/\([^"]*\)" --argv0 "\$0" --library-path "\([^"]*\)" .*|\1\t\2|p' "$GODOT_DIR/bin/godot")
  [[ -n $line ]] || die "cannot read the loader and library path from $GODOT_DIR/bin/godot"
  ld=$GODOT_DIR/root/${line%%$'\t'*}
  libpath=${line#*$'\t'}
  libpath=${libpath//\$root/$GODOT_DIR/root}
  # One change per patchelf run: 0.14 mixes up --set-rpath and --add-needed in a single run.
  patchelf --set-interpreter "$ld" "$dst/$EXPORT_NAME"
  patchelf --force-rpath --set-rpath "$libpath" "$dst/$EXPORT_NAME"
  pulse=$(find "$GODOT_DIR/root" -name 'libpulsecommon-*.so' -print -quit)
  [[ -z $pulse ]] || patchelf --add-needed "$(basename "$pulse")" "$dst/$EXPORT_NAME"
}

# export_check: the demo exported as a dedicated server from a scratch copy of the project holding
# the real libsteam_api.so beside the extension library. The export must contain both libraries;
# run headless with GOSTEAM_BACKEND=auto it must pick that libsteam_api.so (and fail without
# Steam's client, with Steam's message); offline it must answer gamedig and qstat with what it set.
export_check() {
  local scratch plain
  scratch=$(mktemp -d)
  cp -a "$PROJECT" "$scratch/project"
  rm -rf "$scratch/project/.godot/gosteam-logs"
  cp "$STEAM_API" "$scratch/project/bin/libsteam_api.so"
  export_server "$scratch/project" "$scratch/export" "$EXPORT_PRESET_STEAM"
  cmp -s "$STEAM_API" "$scratch/export/libsteam_api.so" || die "the export does not contain libsteam_api.so (steam.gdextension [dependencies])"
  say "PASS export: $(cd "$scratch/export" && ls | tr '\n' ' ')"
  runnable_export "$scratch/export" "$scratch/run"
  local -a p
  read -ra p <<<"$(free_udp_ports 2)"
  mkdir -p "$scratch/home"
  set +e
  HOME=$scratch/home GOSTEAM_BACKEND=auto timeout 120 "$scratch/run/run.sh" -- --ip 127.0.0.1 --port "${p[0]}" --query-port "${p[1]}" \
    </dev/null 2>&1 | filter_godot_noise >"$LOG_DIR/export-steamworks.log"
  set -e
  plain=$(strip_ansi "$LOG_DIR/export-steamworks.log")
  grep -qF "Steam: steamworks backend, $scratch/run/libsteam_api.so" <<<"$plain" ||
    die "the exported server did not load the libsteam_api.so beside it (log: $LOG_DIR/export-steamworks.log)"
  grep -qE "demo: serverInit failed: .*steamclient\.so" <<<"$plain" ||
    die "the exported server's serverInit did not fail with Steam's own message (log: $LOG_DIR/export-steamworks.log)"
  say "PASS export: GOSTEAM_BACKEND=auto loads the libsteam_api.so beside the exported binary"
  PEER_SERVER=("$scratch/run/run.sh")
  local ok=0
  peer_case export "${p[1]}" -- --ip 127.0.0.1 --port "${p[0]}" --query-port "${p[1]}" \
    --backend offline --name "Exported dedicated server" --map export_map --max-players 12 --bots 2 --rules 5 || ok=1
  PEER_SERVER=()
  ((ok == 0)) || die "the exported server: gamedig or qstat disagree with it (log: $LOG_DIR/peers-export.log)"
  grep -q 'display headless, dedicated_server export' <(strip_ansi "$LOG_DIR/peers-export.log") ||
    die "the exported server did not run headless with the dedicated_server feature (log: $LOG_DIR/peers-export.log)"
  rm -rf "$scratch"
  say "PASS export: the exported dedicated server runs headless and answers gamedig and qstat"
}

# demo_auth_check: the demo server and the demo client on loopback: the client sends an offline
# ticket over UDP, the server approves it (beginAuthSession, validate_auth_ticket_response), the
# client reports it; then SIGTERM stops the server cleanly (logOff, serverShutdown, exit 0).
demo_auth_check() {
  local dir raw log pid state='' waited plain status=0
  dir=$(mktemp -d)
  raw=$LOG_DIR/demo-auth-server.raw.log log=$LOG_DIR/demo-auth-server.log
  local -a p
  read -ra p <<<"$(free_udp_ports 2)"
  say "demo auth: server on 127.0.0.1:${p[0]}, client joining with an offline ticket"
  XDG_CONFIG_HOME=$dir/config "$GODOT_BIN" --headless --path "$PROJECT" res://demo/server.tscn -- --ip 127.0.0.1 \
    --port "${p[0]}" --query-port "${p[1]}" --backend offline --max-seconds 120 </dev/null >"$raw" 2>&1 &
  pid=$!
  for ((waited = 0; waited < 600; waited++)); do
    state=$(sed -n 's/^demo: state //p' "$raw" | head -n 1)
    [[ -z $state ]] && kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  [[ -n $state ]] || { kill "$pid" 2>/dev/null || true; cat "$raw" >&2; die "demo auth: the server did not start"; }
  local client_ok=0
  XDG_CONFIG_HOME=$dir/config GODOT_TIMEOUT=60 SUITE_LOG=demo-auth-client run_godot_suite res://demo/client.tscn -- \
    --server 127.0.0.1 --port "${p[0]}" --timeout 20 || client_ok=1
  kill -TERM "$pid" 2>/dev/null || true
  for ((waited = 0; waited < 300; waited++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -0 "$pid" 2>/dev/null && { kill -KILL "$pid"; die "demo auth: the server did not quit within 30 s of SIGTERM"; }
  wait "$pid" || status=$?
  filter_godot_noise <"$raw" >"$log"
  rm -f "$raw"
  rm -rf "$dir"
  plain=$(strip_ansi "$log")
  ((client_ok == 0)) || die "demo auth: the client was not authenticated (logs: $LOG_DIR/demo-auth-client.log, $log)"
  grep -qE '^demo: client [0-9]+ authenticated' <<<"$plain" || die "demo auth: the server did not print the approval (log: $log)"
  ((status == 0)) || die "demo auth: the server exited with status $status after SIGTERM (log: $log)"
  local re
  for re in '^Steam: SIGTERM received' '^demo: quit requested' '^demo: signal server_disconnected' '^demo: server shut down'; do
    grep -qE "$re" <<<"$plain" || die "demo auth: no /$re/ in the server log after SIGTERM (log: $log)"
  done
  ! grep -qE 'SCRIPT ERROR|ERROR:|Program crashed|ObjectDB instances leaked' <<<"$plain" || die "demo auth: errors in the server log ($log)"
  say "PASS demo auth: the client's ticket approved over UDP; SIGTERM shut the server down cleanly"
}

# The addon folder: what a game copies into its project.
DIST_ADDON=dist/addons/godot_steam_server

# make_dist: $DIST_ADDON with steam.gdextension (paths relative to it), every library built in
# $PROJECT/bin (never libsteam_api.so: Valve's, shipped by the game), README.md and LICENSE.
make_dist() {
  local tmp=$DIST_ADDON.tmp lib n=0
  rm -rf "$tmp"
  mkdir -p "$tmp"
  cp "$GDEXT_SRC" README.md LICENSE "$tmp/"
  for lib in "$LIB" "$PROJECT"/bin/libsteam_server.*; do
    [[ -f $lib && ! -f $tmp/$(basename "$lib") ]] || continue
    cp "$lib" "$tmp/"
    n=$((n + 1))
  done
  rm -rf "$DIST_ADDON"
  mv "$tmp" "$DIST_ADDON"
  say "$DIST_ADDON: $(cd "$DIST_ADDON" && ls | tr '\n' ' ')($n libraries)"
}

# dist_check: a fresh Godot project holding only the addon folder imports it and, offline, its
# script calls Steam.serverInit (tests/dist_check.gd, copied in as the main scene's script).
dist_check() {
  local proj
  proj=$(mktemp -d)
  mkdir -p "$proj/addons" "$proj/.godot"
  cp -a "$DIST_ADDON" "$proj/addons/"
  printf 'config_version=5\n\n[application]\nconfig/name="dist check"\nrun/main_scene="res://main.tscn"\n' >"$proj/project.godot"
  printf '[gd_scene load_steps=2 format=3]\n\n[ext_resource type="Script" path="res://main.gd" id="1"]\n\n[node name="Main" type="Node"]\nscript = ExtResource("1")\n' >"$proj/main.tscn"
  cp "$PROJECT/tests/dist_check.gd" "$proj/main.gd"
  cp "$PROJECT/tests/check_scene.gd" "$proj/check_scene.gd"
  # As for our own project: without the list, the first import hot-loads the extension and
  # Godot 4.6 crashes at exit (see import_project).
  printf 'res://addons/godot_steam_server/steam.gdextension\n' >"$proj/.godot/extension_list.cfg"
  PROJECT=$proj run_godot "$LOG_DIR/dist-import.log" --import
  ((GODOT_STATUS == 0)) || die "importing a fresh project with $DIST_ADDON failed (status $GODOT_STATUS)"
  XDG_CONFIG_HOME=$proj/.config GOSTEAM_BACKEND=offline PROJECT=$proj SUITE_LOG=dist-check run_godot_suite res://main.tscn
  rm -rf "$proj"
}

# ---------------------------------------------------------------------------------------------
# Commands
# ---------------------------------------------------------------------------------------------

cmd_build() {
  take_lock "$BUILD_LOCK"
  build
  release_lock "$BUILD_LOCK"
}

cmd_demo() {
  local quit_after=
  local -a extra=()
  while (($#)); do
    case $1 in
      --quit-after)
        [[ ${2:-} =~ ^[0-9]+$ ]] || die "--quit-after needs a number"
        quit_after=$2
        shift 2
        ;;
      --quit-after=*)
        quit_after=${1#*=}
        [[ $quit_after =~ ^[0-9]+$ ]] || die "--quit-after needs a number"
        shift
        ;;
      --)
        shift
        extra=("$@")
        break
        ;;
      *) die "demo: unknown argument '$1' (usage: demo [--quit-after N] [-- ARGS...])" ;;
    esac
  done
  take_lock "$BUILD_LOCK"
  build
  provision_godot
  import_project
  release_lock "$BUILD_LOCK"
  local -a args=()
  [[ -z $quit_after ]] || args+=(--quit-after "$quit_after")
  ((${#extra[@]} == 0)) || args+=(-- "${extra[@]}")
  say "running the demo: godot --headless --path $PROJECT ${args[*]}"
  if [[ -n $quit_after ]]; then
    run_godot "$LOG_DIR/demo.log" "${args[@]}"
  else
    # A server runs until stopped: no timeout, no log file.
    set +e
    "$GODOT_BIN" --headless --path "$PROJECT" "${args[@]}" </dev/null 2>&1 | filter_godot_noise
    GODOT_STATUS=${PIPESTATUS[0]}
    set -e
  fi
  say "demo exited with status $GODOT_STATUS"
  exit "$GODOT_STATUS"
}

# check_class_reference proves extension/doc_classes/Steam.xml is complete and valid (Godot's
# --doctool, which merges it with ClassDB, writes it back unchanged) and that the editor's help
# shows it (an editor plugin opens the Steam page in a scratch project).
check_class_reference() {
  local scratch ref=extension/doc_classes/Steam.xml
  scratch=$(mktemp -d)
  mkdir -p "$scratch/doc/doc_classes"
  cp "$ref" "$scratch/doc/doc_classes/"
  say "checking $ref against Godot's --doctool"
  run_godot "$LOG_DIR/doctool.log" --doctool "$scratch/doc" --gdextension-docs
  ((GODOT_STATUS == 0)) || die "--doctool exited with status $GODOT_STATUS (log: $LOG_DIR/doctool.log)"
  diff -u "$ref" "$scratch/doc/doc_classes/Steam.xml" ||
    die "$ref is not what Godot's doctool writes (regenerate: UPDATE_DOCS=1 go test ./extension/)"

  local proj=$scratch/editor_help
  mkdir -p "$proj/addons/help_check" "$proj/bin" "$proj/.godot"
  cp "$PROJECT/tests/editor_help/project.godot" "$proj/"
  cp "$PROJECT/tests/editor_help/plugin.cfg" "$PROJECT/tests/editor_help/plugin.gd" "$proj/addons/help_check/"
  cp "$LIB" "$GDEXT" "$proj/bin/"
  printf 'res://bin/steam.gdextension\n' >"$proj/.godot/extension_list.cfg"
  PROJECT=$proj run_godot "$LOG_DIR/editor-help-import.log" --import
  ((GODOT_STATUS == 0)) || die "importing the editor-help project failed (status $GODOT_STATUS)"
  PROJECT=$proj run_godot_suite --editor
  rm -rf "$scratch"
}

# ---------------------------------------------------------------------------------------------
# Server queries checked with real server browsers: gamedig (npm, pinned in godot_project/tests/peers/) and
# qstat (Debian's `qstat` package, binary `quakestat`), installed on first use. The demo server
# runs headless in the background on free loopback ports, prints `demo: state {json}` with what
# it set from GDScript, and godot_project/tests/peers/check.mjs asserts that both tools show exactly that.
# ---------------------------------------------------------------------------------------------

PEERS_SRC=godot_project/tests/peers
PEERS_DIR=$CACHE/peers/gamedig # npm ci of $PEERS_SRC/package-lock.json (gamedig 5.3.3)
PEER_SERVER=() # peer_case: the command starting the demo server, when not the project in Godot

# need_tools TOOL...: install the Debian packages of each TOOL's row in scripts/system_packages.sh
# that this machine lacks (root only).
need_tools() {
  local tool missing
  take_lock apt
  mapfile -t missing < <(for tool in "$@"; do missing_packages "$tool"; done)
  if ((${#missing[@]} > 0)); then
    ((EUID == 0)) || die "$* need Debian packages and installing them needs root: run as root, or run: sudo apt-get install -y --no-install-recommends ${missing[*]}"
    command -v apt-get >/dev/null || die "$* need ${missing[*]} and there is no apt-get to install them"
    say "installing ${missing[*]} with apt-get (for $*)"
    mkdir -p "$LOG_DIR"
    local log=$LOG_DIR/apt-install.log
    if ! apt_get install -y --no-install-recommends "${missing[@]}" >"$log" 2>&1; then
      apt_get update >>"$log" 2>&1 || true
      apt_get install -y --no-install-recommends "${missing[@]}" >>"$log" 2>&1 || {
        cat "$log" >&2
        release_lock apt
        die "apt-get install ${missing[*]} failed"
      }
    fi
  fi
  release_lock apt
}

# ensure_node: node and npm (Debian's nodejs and npm when missing).
ensure_node() { need_tools node npm; }

# provision_peers: node and npm, quakestat, and gamedig (npm ci into $PEERS_DIR) when missing.
provision_peers() {
  need_tools node npm quakestat
  command -v quakestat >/dev/null || die "qstat is installed but quakestat is not on PATH"
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

# free_udp_ports N: N distinct UDP ports free on 127.0.0.1 right now.
free_udp_ports() {
  node -e '
    const dgram = require("dgram"), n = Number(process.argv[1]), socks = []
    for (let i = 0; i < n; i++) {
      const s = dgram.createSocket("udp4")
      s.bind(0, "127.0.0.1", () => {
        socks.push(s)
        if (socks.length === n) {
          console.log(socks.map(x => x.address().port).join(" "))
          socks.forEach(x => x.close())
        }
      })
    }' "$1"
}

# peer_case NAME QUERY_PORT ENV... -- DEMO_ARGS...: run the demo in the background with ENV and
# DEMO_ARGS, query it on QUERY_PORT with check.mjs, stop it through its stop file and check its log.
# Returns 1 on a problem.
peer_case() {
  local name=$1 qport=$2
  shift 2
  local -a envs=() args=()
  while (($#)) && [[ $1 != -- ]]; do
    envs+=("$1")
    shift
  done
  shift
  args=("$@")
  local raw=$LOG_DIR/peers-$name.raw.log log=$LOG_DIR/peers-$name.log stop=$LOG_DIR/peers-$name.stop
  rm -f "$stop" "$raw"
  say "peers: $name (${envs[*]:-no environment}; demo ${args[*]})"
  local -a server=("$GODOT_BIN" --headless --path "$PROJECT" res://demo/server.tscn)
  ((${#PEER_SERVER[@]} == 0)) || server=("${PEER_SERVER[@]}") # another way to start it: the export
  env GOSTEAM_BACKEND=offline "${envs[@]}" "${server[@]}" -- \
    "${args[@]}" --stop-file "$ROOT/$stop" --max-seconds 120 </dev/null >"$raw" 2>&1 &
  local pid=$! state="" waited=0
  while ((waited < 600)); do
    state=$(sed -n 's/^demo: state //p' "$raw" | head -n 1)
    [[ -z $state ]] && kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
    waited=$((waited + 1))
  done
  local ok=0
  if [[ -z $state ]]; then
    say "FAIL peers $name: the demo printed no 'demo: state' line"
    ok=1
  elif ! GAMEDIG_DIR=$PEERS_DIR QUAKESTAT=$(command -v quakestat) node "$PEERS_SRC/check.mjs" "$state" 127.0.0.1 "$qport"; then
    say "FAIL peers $name: gamedig or qstat did not show what the demo set"
    ok=1
  fi
  touch "$stop"
  for ((waited = 0; waited < 300; waited++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    say "FAIL peers $name: the demo did not stop within 30 s of its stop file"
    ok=1
  fi
  local status=0
  wait "$pid" || status=$?
  rm -f "$stop"
  filter_godot_noise <"$raw" >"$log"
  rm -f "$raw"
  local plain hits re
  plain=$(strip_ansi "$log")
  ((status == 0)) || { say "FAIL peers $name: the demo exited with status $status"; ok=1; }
  for re in 'SCRIPT ERROR|ERROR:' 'Program crashed|handle_crash|Segmentation fault' 'ObjectDB instances leaked at exit' "$EXT_LOAD_FAILURE"; do
    hits=$(grep -E -- "$re" <<<"$plain" | head -n 10 || true)
    [[ -z $hits ]] || { say "FAIL peers $name: log matches /$re/:"$'\n'"$hits"; ok=1; }
  done
  grep -q '^demo: server shut down' <<<"$plain" || { say "FAIL peers $name: no clean shutdown in the log"; ok=1; }
  ((ok == 0)) || say "demo log: $log"
  return $ok
}

# query_peers_check: the demo answers gamedig and qstat in both query-port modes, with and without
# the A2S_INFO challenge, split and single-datagram replies; rules enough to need a split reply.
query_peers_check() {
  provision_peers
  mkdir -p "$LOG_DIR"
  local -a p
  read -ra p <<<"$(free_udp_ports 4)"
  ((${#p[@]} == 4)) || die "could not find free UDP ports on 127.0.0.1"
  local failed=0
  peer_case query-port "${p[1]}" STEAM_GAMESERVER_A2S_INFO_REQUIRE_CHALLENGE=1 -- --ip 127.0.0.1 --port "${p[0]}" \
    --query-port "${p[1]}" --mode 3 --name "Peer check: query port" --map arena_01 --max-players 24 \
    --bots 3 --rules 80 --password --tags "coop,godot,offline" || failed=1
  peer_case shared "${p[2]}" -- --ip 127.0.0.1 --port "${p[2]}" --shared --mode 2 --name "Peer check: GameSocketShare" \
    --map dm_shared --max-players 8 --rules 100 || failed=1
  peer_case shared-single "${p[3]}" STEAM_GAMESERVER_A2S_INFO_REQUIRE_CHALLENGE=1 GOSTEAM_A2S_SINGLE_DATAGRAM=1 -- \
    --ip 127.0.0.1 --port "${p[3]}" --shared --mode 3 --bots 1 --rules 120 --tags ctf || failed=1
  ((failed == 0)) || die "server queries: real server browsers disagree with the demo (logs in $LOG_DIR)"
  say "PASS server queries: gamedig and qstat show what the demo set"
}

# Benchmarks print figures and never fail on them: Go's, the loopback load test of the query port,
# the Godot scene's ratios to a native engine call measured in the same run, then the library's
# size and start-up cost.
cmd_bench() {
  local fresh=0
  case ${1:-} in
    "") ;;
    --fresh) fresh=1 ;;
    *) die "bench takes no arguments but --fresh" ;;
  esac
  say "go test -bench . ./steam/... ./signals/... (all but UDPLoad)"
  go test -run '^$' -bench . -skip UDPLoad -benchmem ./steam/... ./signals/...
  say "go test -bench UDPLoad -benchtime 200000x ./steam/offline/ (the query port on 127.0.0.1, and a bare UDP loop for comparison)"
  go test -run '^$' -bench UDPLoad -benchtime 200000x ./steam/offline/
  take_lock "$BUILD_LOCK"
  build
  provision_godot
  import_project
  release_lock "$BUILD_LOCK"
  TALLY=optional run_godot_suite res://bench/bench.tscn
  bench_startup 20
  bench_cold_builds
  [[ $fresh == 0 ]] || scripts/fresh_machine.sh
}

# bench_cold_builds: the library built from an empty Go build cache (the module cache is kept: that
# is a download, not a build), for this machine and each cross target: the wall time, and the peak
# resident memory of the largest process of the build (/usr/bin/time -v). Figures only.
bench_cold_builds() {
  need_tools /usr/bin/time
  local t dir wall rss
  for t in native "${CROSS_TARGETS[@]}"; do
    local -a xenv=()
    if [[ $t != native ]]; then
      cross_target "$t"
      need_tools "$X_CC"
      xenv=(CGO_ENABLED=1 GOOS="$X_GOOS" GOARCH="$X_GOARCH" CC="$X_CC")
    fi
    dir=$(mktemp -d)
    env "${xenv[@]}" GOCACHE="$dir/go-build" /usr/bin/time -v -o "$dir/time" \
      go build -buildmode=c-shared -ldflags "-s -w" -o "$dir/lib" ./extension || die "cold build ($t) failed"
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$dir/time" |
      awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.0f", s }')
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$dir/time")
    say "cold build ($t, empty GOCACHE, $(nproc) cores): ${wall} s, peak memory of its largest process $((rss / 1024)) MB, library $(stat -c %s "$dir/lib") bytes"
    rm -rf "$dir"
  done
}

# bench_startup RUNS: the library's size, and the time it adds to Godot's start: RUNS headless runs
# of a scratch project whose main scene quits at once, alternately without and with the extension
# (its main scene then also touches Steam); the medians of the wall-clock time and of the CPU time
# (user + system, less sensitive to other work on the machine) of each. Figures only.
bench_startup() {
  local runs=$1 dir p i times
  say "library: $LIB, $(stat -c %s "$LIB") bytes (stripped)"
  dir=$(mktemp -d)
  for p in without with; do
    mkdir -p "$dir/$p/.godot"
    printf 'config_version=5\n[application]\nconfig/name="start-up %s"\nrun/main_scene="res://main.tscn"\n' "$p" >"$dir/$p/project.godot"
    printf '[gd_scene load_steps=2 format=3]\n[ext_resource type="Script" path="res://main.gd" id="1"]\n[node name="Main" type="Node"]\nscript = ExtResource("1")\n' >"$dir/$p/main.tscn"
    printf 'extends Node\nfunc _ready() -> void:\n\tget_tree().quit()\n' >"$dir/$p/main.gd"
  done
  printf 'extends Node\nfunc _ready() -> void:\n\tSteam.run_callbacks()\n\tget_tree().quit()\n' >"$dir/with/main.gd"
  mkdir -p "$dir/with/bin"
  cp "$LIB" "$GDEXT" "$dir/with/bin/"
  printf 'res://bin/steam.gdextension\n' >"$dir/with/.godot/extension_list.cfg"
  for p in without with; do
    timeout 120 "$GODOT_BIN" --headless --path "$dir/$p" --import >/dev/null 2>&1 </dev/null || die "start-up bench: importing the $p project failed"
    timeout 60 "$GODOT_BIN" --headless --path "$dir/$p" >/dev/null 2>&1 </dev/null || die "start-up bench: the $p project did not start and quit" # also warms the page cache
  done
  local TIMEFORMAT='%R %U %S'
  for ((i = 0; i < runs; i++)); do
    for p in without with; do
      { time timeout 60 "$GODOT_BIN" --headless --path "$dir/$p" >/dev/null 2>&1 </dev/null; } 2>>"$dir/$p.times" ||
        die "start-up bench: Godot failed ($p)"
    done
  done
  median() { sort -n | sed -n "$(((runs + 1) / 2))p"; }
  times=$(for p in without with; do
    printf '%s %s %s\n' "$p" "$(awk '{ print $1 * 1000 }' "$dir/$p.times" | median)" \
      "$(awk '{ print ($2 + $3) * 1000 }' "$dir/$p.times" | median)"
  done)
  rm -rf "$dir"
  say "$(awk -v n="$runs" '{ w[$1] = $2; c[$1] = $3 } END {
    printf "start-up: Godot headless start to quit, median of %d runs: %d ms wall / %d ms CPU without the extension, %d / %d ms with it (%+d ms wall, %+d ms CPU)",
      n, w["without"], c["without"], w["with"], c["with"], w["with"] - w["without"], c["with"] - c["without"] }' <<<"$times")"
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
  log=$(mktemp)
  while read -r pkg target; do
    say "go test -run '^\$' -fuzz '^$target\$' -fuzztime ${secs}s $pkg"
    status=0
    go test -run '^$' -fuzz "^$target\$" -fuzztime "${secs}s" "$pkg" </dev/null >"$log" 2>&1 || status=$?
    grep -vE '^fuzz: elapsed: [0-9]+s, (execs|gathering)' "$log" || true
    if ((status != 0)); then
      # Anything but the coordinator's own lines means a real failure.
      rest=$(grep -vE '^fuzz: elapsed: |^--- FAIL: Fuzz[A-Za-z0-9_]+ \([0-9.]+s\)$|^    context deadline exceeded$|^FAIL$|^exit status 1$|^FAIL[[:space:]]' "$log" || true)
      if [[ -n $rest ]] || ! grep -qx '    context deadline exceeded' "$log" || grep -q 'Failing input written to' "$log"; then
        rm -f "$log"
        die "$target failed (a failing input is saved under ${pkg}testdata/fuzz/$target/; see above)"
      fi
      say "$target: Go's fuzzing coordinator ended with 'context deadline exceeded' and wrote no failing input (golang/go#75804): nothing found"
    fi
    n=$((n + 1))
  done < <(fuzz_targets)
  rm -f "$log"
  ((n > 0)) || die "found no fuzz target"
}

cmd_fuzz() {
  local secs=${1:-60}
  [[ $secs =~ ^[1-9][0-9]*$ ]] || die "fuzz takes a number of seconds per target (default 60)"
  run_fuzz "$secs"
  say "fuzzing found nothing"
}

# check_real_steam: the real libsteam_api.so in Godot. Without a Steam client its init fails with
# its own message, which serverInitEx returns and serverInit prints, with GOSTEAM_BACKEND=steamworks
# and with auto (which must not replace the failure with offline); with no library anywhere, auto
# falls back to offline. HOME is a scratch folder, so a Steam client installed on this machine
# (~/.steam/sdk64/steamclient.so) cannot make the init succeed.
check_real_steam() {
  local home mode plain scene=res://tests/real_steam_check.tscn
  home=$(mktemp -d)
  for mode in steamworks auto; do
    HOME=$home GOSTEAM_BACKEND=$mode GOSTEAM_STEAM_API=$STEAM_API run_godot_suite "$scene" -- steam-failure
    plain=$(strip_ansi "$LOG_DIR/real_steam_check.log")
    grep -qF "Steam: steamworks backend, $STEAM_API" <<<"$plain" ||
      die "GOSTEAM_BACKEND=$mode: the log does not say the steamworks backend was chosen"
    grep -qE "Steam\.serverInit: Failed to load module '.*steamclient\.so'" <<<"$plain" ||
      die "GOSTEAM_BACKEND=$mode: serverInit did not print the library's error"
  done
  HOME=$home GOSTEAM_BACKEND=auto GOSTEAM_STEAM_API= run_godot_suite "$scene" -- offline
  grep -qF "Steam: offline backend (steamworks: libsteam_api.so not found" <(strip_ansi "$LOG_DIR/real_steam_check.log") ||
    die "GOSTEAM_BACKEND=auto without a library: the log does not say offline was chosen for that reason"
  rm -rf "$home"
}

# realm_peers_check: two Godot processes of one offline realm exchange auth tickets over loopback
# UDP (tests/realm_peer.gd): the server accepts a ticket and refuses its replay, the client sees in
# its own process that the server used the ticket, and the server sees the client's cancellation.
# Both make the realm key at once in a scratch XDG_CONFIG_HOME (the default key location), so they
# also race for it. Each peer gives up after 60 s.
realm_peers_check() {
  local dir role status=0
  local -a pids=()
  dir=$(mktemp -d)
  mkdir -p "$dir/config"
  for role in server client; do
    (
      unset GOSTEAM_REALM_KEY GOSTEAM_REALM_KEY_FILE
      export XDG_CONFIG_HOME=$dir/config
      SUITE_LOG=realm-$role run_godot_suite res://tests/realm_peer.tscn -- "$role" "$dir"
    ) &
    pids+=($!)
  done
  local pid
  for pid in "${pids[@]}"; do
    wait "$pid" || status=1
  done
  rm -rf "$dir"
  ((status == 0)) || die "realm peers: tickets between two processes of a realm (logs in $LOG_DIR/realm-*.log)"
  say "PASS realm peers: a ticket accepted once across two processes, its replay and cancellation seen by both"
}

# cmd_peers: only the server-browser check of `test` (build, then query_peers_check).
cmd_peers() {
  take_lock "$BUILD_LOCK"
  build
  provision_godot
  import_project
  query_peers_check
}

# cmd_export: the demo exported as a Linux x86_64 dedicated server into $EXPORT_DIR.
cmd_export() {
  take_lock "$BUILD_LOCK"
  build
  provision_godot
  import_project
  release_lock "$BUILD_LOCK"
  if [[ -f $PROJECT/bin/libsteam_api.so ]]; then
    export_server "$ROOT/$PROJECT" "$ROOT/$EXPORT_DIR" "$EXPORT_PRESET_STEAM"
  else
    export_server "$ROOT/$PROJECT" "$ROOT/$EXPORT_DIR" "$EXPORT_PRESET"
    say "note: no $PROJECT/bin/libsteam_api.so, so none in the export: it runs offline until Valve's is put beside $EXPORT_NAME"
  fi
  say "exported: $EXPORT_DIR/ ($(cd "$EXPORT_DIR" && ls | tr '\n' ' '))"
  [[ $GODOT_BIN != "$GODOT_DIR/bin/godot" ]] ||
    say "note: Debian's template needs Debian sid's libraries (glibc 2.43...); see README, Shipping a dedicated server"
}

# cmd_dist: every library (this machine's and the cross targets'), then the addon folder $DIST_ADDON.
cmd_dist() {
  take_lock "$BUILD_LOCK"
  build
  local t
  for t in "${CROSS_TARGETS[@]}"; do
    build_cross "$t"
    check_cross_library "$t"
  done
  release_lock "$BUILD_LOCK"
  make_dist
}

cmd_test() {
  ensure_node # npm fetches the test peers and libraries below
  fetch_steam_api
  say "gofmt -l steam signals extension; go vet ./..."
  local unformatted
  unformatted=$(gofmt -l steam signals extension)
  [[ -z $unformatted ]] || die "not gofmt-formatted (run gofmt -w on them): $unformatted"
  go vet ./...
  say "CGO_ENABLED=0 go vet ./steam/... (the steam packages build without cgo)"
  CGO_ENABLED=0 go vet ./steam/...
  say "go test -race ./steam/... ./signals/... (GOSTEAM_STEAM_API=$STEAM_API)"
  GOSTEAM_STEAM_API=$STEAM_API go test -race ./steam/... ./signals/...
  say "go test -run '^TestSoak' ./steam/offline/ (a million A2S queries and 100,000 auth sessions, heap growth bounded; not built with -race)"
  go test -count=1 -run '^TestSoak' -v ./steam/offline/ | grep -E '(queries|sessions): HeapInuse|^(ok|FAIL|---)'
  run_fuzz "${GOSTEAM_FUZZ_SECONDS:-10}"
  say "go test ./extension/..."
  go test ./extension/...
  take_lock "$BUILD_LOCK"
  build
  local t
  for t in "${CROSS_TARGETS[@]}"; do
    build_cross "$t"
  done
  provision_godot
  import_project
  for t in "${CROSS_TARGETS[@]}"; do
    check_cross_library "$t"
  done
  # The offline suites run offline whatever the shell says; check_real_steam sets its own.
  export GOSTEAM_BACKEND=offline
  unset GOSTEAM_STEAM_API
  run_godot_suite "$TEST_SCENE"
  realm_peers_check
  # A Go panic in a bound method must be reported and survived, through the real Godot boundary:
  # one method of each kind of call (tests/panic_check.gd, panics).
  local method
  for method in loggedOn getPublicIP getNextOutgoingPacket setMapName run_callbacks offlineIssueTicket beginAuthSession; do
    SUITE_LOG=panic_check-$method GOSTEAM_INJECT_PANIC=$method run_godot_suite res://tests/panic_check.tscn
    grep -q "Steam\.$method: internal error, call ignored: fault injected by GOSTEAM_INJECT_PANIC" <(strip_ansi "$LOG_DIR/panic_check-$method.log") ||
      die "GOSTEAM_INJECT_PANIC=$method: the panic was not reported as Steam.$method's error"
  done
  # ... and while the extension registers its class: Godot goes on without Steam.
  SUITE_LOG=panic_check-load GOSTEAM_INJECT_PANIC=load run_godot_suite res://tests/load_panic_check.tscn
  grep -q "Steam: internal error while loading or unloading the extension: fault injected by GOSTEAM_INJECT_PANIC=load" <(strip_ansi "$LOG_DIR/panic_check-load.log") ||
    die "GOSTEAM_INJECT_PANIC=load: the panic while registering was not reported"
  # The demo server logs on offline and shuts down cleanly; it also keeps lambdas connected to
  # every Steam signal until exit, which once crashed Godot's shutdown.
  TALLY=optional run_godot_suite res://demo/server.tscn --quit-after 300
  demo_auth_check
  query_peers_check
  export_check
  make_dist
  dist_check
  check_class_reference
  check_real_steam
  say "all tests passed"
}

main() {
  local cmd=${1:-build}
  (($# == 0)) || shift
  case $cmd in
    build) (($# == 0)) || die "build takes no arguments"; cmd_build ;;
    demo) cmd_demo "$@" ;;
    test) (($# == 0)) || die "test takes no arguments"; cmd_test ;;
    bench) cmd_bench "$@" ;;
    fresh) (($# == 0)) || die "fresh takes no arguments"; exec scripts/fresh_machine.sh ;;
    fuzz) (($# <= 1)) || die "fuzz takes at most one argument (seconds per target)"; cmd_fuzz "$@" ;;
    peers) (($# == 0)) || die "peers takes no arguments"; cmd_peers ;;
    export) (($# == 0)) || die "export takes no arguments"; cmd_export ;;
    dist) (($# == 0)) || die "dist takes no arguments"; cmd_dist ;;
    godot)
      provision_godot
      exec "$GODOT_BIN" "$@"
      ;;
    -h | --help | help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}" ;;
    *) die "unknown command '$cmd' (build, demo, test, peers, export, dist, bench, fresh, fuzz, godot, help)" ;;
  esac
}

main "$@"
