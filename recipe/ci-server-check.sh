#!/usr/bin/env bash
# ci-server-check.sh: run a Godot game's dedicated-server scene headless in CI, on the offline
# backend of the Steam game-server extension (addons/godot_steam_server), and fail the job unless
# it ran clean. Copy this file into your game's repository (e.g. as ci/ci-server-check.sh); it
# depends on nothing else of the extension's repository. See docs/testing-in-ci.md there.
#
# What it does, in order:
#   1. Godot: $GODOT if set (an existing Godot 4.6+ binary), else the official Linux x86_64 build
#      of Godot $GODOT_VERSION, downloaded once into $GODOT_CACHE and checked against the release's
#      SHA512-SUMS.txt (or against $GODOT_SHA512).
#   2. The addon: when --addon / $GOSTEAM_ADDON is given (a folder, or the URL or path of a .zip or
#      .tar.gz holding the folder), it replaces <project>/addons/godot_steam_server; otherwise the
#      project's own copy is used.
#   3. The import: `godot --headless --import`, as a fresh checkout needs. The extension is listed in
#      .godot/extension_list.cfg first: Godot 4.6 aborts after an import that had to hot-load an
#      extension it did not know yet, so a failed import is also tried once more.
#   4. A probe: Godot starts with the project and must have the extension's SteamServer singleton.
#   5. The run: `godot --headless --path <project> [<scene>] -- <args>` with GOSTEAM_BACKEND=offline,
#      the realm key and offline data file given, under `timeout` (and --quit-after when given).
#      The scene must quit by itself: get_tree().quit(0) when it is happy, quit(1) when not. A run
#      that prints a SCRIPT ERROR is stopped two seconds later rather than left to time out.
#   6. The verdict: FAIL on a non-zero exit status, a timeout, a crash, a `SCRIPT ERROR`, an
#      `ERROR:` line or leaked objects not matched by an --allow-error pattern, or an extension
#      that did not load. It prints one line, `ci-server-check: PASS ...` or
#      `ci-server-check: FAIL: <reasons>`, and exits 0 or 1 (2 for a usage or set-up error).
#
# Usage: ci-server-check.sh [options] [-- scene arguments...]
#   --project DIR        the Godot project (holding project.godot)      [$SERVER_CHECK_PROJECT, .]
#   --scene RES          the scene to run, e.g. res://ci/server_check.tscn
#                                                  [$SERVER_CHECK_SCENE, the project's main scene]
#   --addon PATH|URL     the addon folder, or an archive holding it                 [$GOSTEAM_ADDON]
#   --addon-sha256 HEX   the archive's SHA-256, checked when given           [$GOSTEAM_ADDON_SHA256]
#   --timeout SECONDS    wall-clock limit of the run (then it is killed)  [$SERVER_CHECK_TIMEOUT, 300]
#   --quit-after N       also pass Godot's --quit-after N (main-loop iterations)
#                                                                      [$SERVER_CHECK_QUIT_AFTER]
#   --allow-error ERE    an `ERROR:` or leak line matching this extended regex is not a failure;
#                        repeatable              [$SERVER_CHECK_ALLOW_ERRORS: one pattern per line]
#   --log-dir DIR        where the logs go     [$SERVER_CHECK_LOG_DIR, <project>/.godot/ci-server-check]
#   Everything after `--` reaches the scene (OS.get_cmdline_user_args()).
#
# Environment:
#   GODOT                 a Godot 4.6+ binary to use instead of downloading one
#   GODOT_VERSION         the official release to download (default 4.6.3)
#   GODOT_CACHE           where downloads are kept (default ${XDG_CACHE_HOME:-~/.cache}/godot-ci):
#                         cache this folder in CI
#   GODOT_DOWNLOAD_BASE   where releases are downloaded from (default
#                         https://github.com/godotengine/godot-builds/releases/download); the file
#                         is <base>/<version>-stable/Godot_v<version>-stable_linux.x86_64.zip
#   GODOT_SHA512          the zip's SHA-512, to pin it instead of trusting the release's sums file
#   GOSTEAM_REALM_KEY     the offline realm key (64 hex digits); or
#   GOSTEAM_REALM_KEY_FILE  a file holding it. Neither: a fresh key in a scratch config folder.
#   GOSTEAM_OFFLINE_DATA  the offline data file (JSON) the server reads; else the project's
#                         steam_offline.json if it has one, else the extension's defaults
#   Relative paths are taken from the folder the script is run from. The runs get a scratch
#   XDG_CONFIG_HOME, so the replay journal and any default key start empty every time; set
#   SERVER_CHECK_KEEP_CONFIG=1 to keep the caller's.
#
# Networking: the scene should bind 127.0.0.1 only (game port, query port): CI runners share
# hosts, and nothing outside the job needs to reach the server.
set -euo pipefail

me=ci-server-check
say() { printf '%s: %s\n' "$me" "$*" >&2; }
die() { # a usage or set-up error: not a verdict on the game
  printf '%s: FAIL: %s\n' "$me" "$*"
  exit 2
}

# ---- Parameters -------------------------------------------------------------------------------
project=${SERVER_CHECK_PROJECT:-.}
scene=${SERVER_CHECK_SCENE:-}
addon=${GOSTEAM_ADDON:-}
addon_sha256=${GOSTEAM_ADDON_SHA256:-}
run_timeout=${SERVER_CHECK_TIMEOUT:-300}
quit_after=${SERVER_CHECK_QUIT_AFTER:-}
log_dir=${SERVER_CHECK_LOG_DIR:-}
allow=()
if [[ -n ${SERVER_CHECK_ALLOW_ERRORS:-} ]]; then
  while IFS= read -r line; do
    [[ -z $line ]] || allow+=("$line")
  done <<<"$SERVER_CHECK_ALLOW_ERRORS"
fi
scene_args=()
while (($#)); do
  case $1 in
    --project | --scene | --addon | --addon-sha256 | --timeout | --quit-after | --allow-error | --log-dir)
      (($# >= 2)) || die "$1 needs a value"
      case $1 in
        --project) project=$2 ;;
        --scene) scene=$2 ;;
        --addon) addon=$2 ;;
        --addon-sha256) addon_sha256=$2 ;;
        --timeout) run_timeout=$2 ;;
        --quit-after) quit_after=$2 ;;
        --allow-error) allow+=("$2") ;;
        --log-dir) log_dir=$2 ;;
      esac
      shift 2
      ;;
    --) shift; scene_args=("$@"); break ;;
    -h | --help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done
[[ $run_timeout =~ ^[1-9][0-9]*$ ]] || die "--timeout must be a whole number of seconds, got '$run_timeout'"
[[ -z $quit_after || $quit_after =~ ^[1-9][0-9]*$ ]] || die "--quit-after must be a whole number, got '$quit_after'"
[[ -f $project/project.godot ]] || die "$project is not a Godot project (no project.godot)"
project=$(cd "$project" && pwd -P)
log_dir=${log_dir:-$project/.godot/ci-server-check}
mkdir -p "$log_dir"
log_dir=$(cd "$log_dir" && pwd -P)
for tool in timeout sed grep; do
  command -v "$tool" >/dev/null || die "$tool is missing"
done

# absolute PATH: PATH made absolute from the caller's folder (Godot runs in the project's).
absolute() { case $1 in /*) printf '%s\n' "$1" ;; *) printf '%s/%s\n' "$PWD" "$1" ;; esac; }

# fetch URL FILE: download URL (http(s) or file://) to FILE with curl, else wget.
fetch() {
  if command -v curl >/dev/null; then
    curl -fsSL --retry 3 --connect-timeout 30 -o "$2" "$1"
  elif command -v wget >/dev/null; then
    wget -q -O "$2" "$1"
  else
    die "curl or wget is needed to download $1"
  fi
}

# unpack ARCHIVE DIR: extract a .zip (unzip, else python3) or a .tar.gz/.tgz into DIR.
unpack() {
  mkdir -p "$2"
  case $1 in
    *.tar.gz | *.tgz) tar -xzf "$1" -C "$2" ;;
    *)
      if command -v unzip >/dev/null; then
        unzip -q -o "$1" -d "$2"
      elif command -v python3 >/dev/null; then
        python3 -m zipfile -e "$1" "$2"
      else
        die "unzip (or python3) is needed to extract $1"
      fi
      ;;
  esac
}

# sha_check ALGO WANT FILE: fail unless FILE's ALGO (256 or 512) sum is WANT.
sha_check() {
  local got
  got=$("sha$1sum" "$3" | cut -d' ' -f1)
  [[ ${got,,} == "${2,,}" ]] || die "$3: SHA-$1 is $got, want $2"
}

# Temporary files and folders, removed at exit.
cleanup=()
trap 'rm -rf ${cleanup[@]+"${cleanup[@]}"}' EXIT

strip_colours() { sed -e $'s/\x1b\\[[0-9;]*[A-Za-z]//g' -e $'s/\r$//'; }

# ---- 1. Godot ---------------------------------------------------------------------------------
godot_version_of() { "$1" --version 2>/dev/null </dev/null | strip_colours | grep -E '^[0-9]+\.[0-9]+' | head -n1 || true; }
if [[ -n ${GODOT:-} ]]; then
  godot=$(command -v "$GODOT" || true)
  [[ -n $godot ]] || die "GODOT=$GODOT is not an executable"
  [[ $godot == /* ]] || godot=$(absolute "$godot")
else
  version=${GODOT_VERSION:-4.6.3}
  cache=${GODOT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/godot-ci}
  name=Godot_v${version}-stable_linux.x86_64
  godot=$cache/$version/$name
  if [[ ! -x $godot ]]; then
    [[ $(uname -s)/$(uname -m) == Linux/x86_64 ]] || die "downloads are for Linux x86_64 only; set GODOT"
    base=${GODOT_DOWNLOAD_BASE:-https://github.com/godotengine/godot-builds/releases/download}
    url=$base/${version}-stable/$name.zip
    mkdir -p "$cache/$version"
    tmp=$(mktemp -d "$cache/$version/.download.XXXXXX")
    cleanup+=("$tmp")
    say "downloading $url"
    fetch "$url" "$tmp/$name.zip" || die "could not download $url"
    if [[ -n ${GODOT_SHA512:-} ]]; then
      sha_check 512 "$GODOT_SHA512" "$tmp/$name.zip"
    else
      fetch "$base/${version}-stable/SHA512-SUMS.txt" "$tmp/SHA512-SUMS.txt" || die "could not download the release's SHA512-SUMS.txt (or set GODOT_SHA512)"
      want=$(awk -v f="$name.zip" '$2 == f || $2 == "*" f { print $1; exit }' "$tmp/SHA512-SUMS.txt")
      [[ -n $want ]] || die "SHA512-SUMS.txt of $version has no $name.zip"
      sha_check 512 "$want" "$tmp/$name.zip"
    fi
    unpack "$tmp/$name.zip" "$tmp/x"
    [[ -f $tmp/x/$name ]] || die "$name.zip holds no $name"
    chmod +x "$tmp/x/$name"
    mv "$tmp/x/$name" "$godot"
  fi
fi
godot_version=$(godot_version_of "$godot")
[[ $godot_version =~ ^([0-9]+)\.([0-9]+) ]] || die "$godot does not run (no --version)"
if ((BASH_REMATCH[1] < 4 || (BASH_REMATCH[1] == 4 && BASH_REMATCH[2] < 6))); then
  die "$godot is Godot $godot_version; the extension needs 4.6 or newer"
fi
say "Godot $godot_version ($godot)"

# ---- 2. The addon -----------------------------------------------------------------------------
dest=$project/addons/godot_steam_server
if [[ -n $addon ]]; then
  src=$addon
  if [[ ! -d $addon ]]; then # an archive: a URL or a file
    tmp_addon=$(mktemp -d)
    cleanup+=("$tmp_addon")
    case $addon in
      *://*) say "downloading the addon from $addon"; fetch "$addon" "$tmp_addon/addon.archive" || die "could not download $addon" ;;
      *) [[ -f $addon ]] || die "GOSTEAM_ADDON=$addon is neither a folder nor a file"; cp "$addon" "$tmp_addon/addon.archive" ;;
    esac
    [[ -z $addon_sha256 ]] || sha_check 256 "$addon_sha256" "$tmp_addon/addon.archive"
    case $addon in *.tar.gz | *.tgz) mv "$tmp_addon/addon.archive" "$tmp_addon/addon.tar.gz" ;; *) mv "$tmp_addon/addon.archive" "$tmp_addon/addon.zip" ;; esac
    unpack "$tmp_addon"/addon.* "$tmp_addon/x"
    src=$(find "$tmp_addon/x" -name steam.gdextension -print -quit)
    [[ -n $src ]] || die "$addon holds no steam.gdextension"
    src=$(dirname "$src")
  fi
  [[ -f $src/steam.gdextension ]] || die "$src has no steam.gdextension: not the addon folder"
  src=$(cd "$src" && pwd -P)
  if [[ $src != "$dest" ]]; then
    rm -rf "$dest"
    mkdir -p "$(dirname "$dest")"
    cp -R "$src" "$dest"
    say "addon: $src -> addons/godot_steam_server"
  fi
fi
[[ -f $dest/steam.gdextension ]] || die "$dest/steam.gdextension is missing: give --addon or GOSTEAM_ADDON"

# ---- The environment of every Godot run --------------------------------------------------------
export GOSTEAM_BACKEND=offline
if [[ -n ${GOSTEAM_REALM_KEY:-} ]]; then
  [[ $GOSTEAM_REALM_KEY =~ ^[0-9a-fA-F]{64}$ ]] || die "GOSTEAM_REALM_KEY must be 64 hex digits"
  unset GOSTEAM_REALM_KEY_FILE
  realm="GOSTEAM_REALM_KEY"
elif [[ -n ${GOSTEAM_REALM_KEY_FILE:-} ]]; then
  [[ -f $GOSTEAM_REALM_KEY_FILE ]] || die "GOSTEAM_REALM_KEY_FILE=$GOSTEAM_REALM_KEY_FILE does not exist"
  GOSTEAM_REALM_KEY_FILE=$(absolute "$GOSTEAM_REALM_KEY_FILE")
  export GOSTEAM_REALM_KEY_FILE
  realm="GOSTEAM_REALM_KEY_FILE=$GOSTEAM_REALM_KEY_FILE"
else
  realm="a fresh key (neither GOSTEAM_REALM_KEY nor GOSTEAM_REALM_KEY_FILE set)"
fi
if [[ -n ${GOSTEAM_OFFLINE_DATA:-} ]]; then
  [[ -f $GOSTEAM_OFFLINE_DATA ]] || die "GOSTEAM_OFFLINE_DATA=$GOSTEAM_OFFLINE_DATA does not exist"
  GOSTEAM_OFFLINE_DATA=$(absolute "$GOSTEAM_OFFLINE_DATA")
  export GOSTEAM_OFFLINE_DATA
  data=$GOSTEAM_OFFLINE_DATA
elif [[ -f $project/steam_offline.json ]]; then
  data="$project/steam_offline.json (the project's)"
else
  data="none (the extension's defaults)"
fi
if [[ -z ${SERVER_CHECK_KEEP_CONFIG:-} ]]; then
  config_home=$(mktemp -d)
  cleanup+=("$config_home")
  export XDG_CONFIG_HOME=$config_home
fi
say "offline backend; realm key: $realm; data file: $data"

# problems LOG: the lines of LOG that fail a run (each prefixed with what it is), or nothing.
extension_failure='Can'"'"'t open dynamic library|GDExtension dynamic library not found|Error loading extension|GDExtension initialization function .* returned an error|Failed to load GDExtension'
crash='Program crashed|handle_crash|Segmentation fault|Dumping the backtrace'
problems() {
  local line pattern allowed
  while IFS= read -r line; do
    case $line in
      *"SCRIPT ERROR"*) printf 'script error: %s\n' "$line"; continue ;;
    esac
    if [[ $line =~ $extension_failure ]]; then
      printf 'the extension did not load: %s\n' "$line"
    elif [[ $line =~ $crash ]]; then
      printf 'a crash: %s\n' "$line"
    elif [[ $line =~ ^ERROR:|ObjectDB\ instances\ leaked ]]; then
      allowed=
      for pattern in ${allow[@]+"${allow[@]}"}; do
        if [[ $line =~ $pattern ]]; then allowed=1; break; fi
      done
      [[ -n $allowed ]] || printf 'an error line: %s\n' "$line"
    fi
  done < <(strip_colours <"$1" | grep -E "SCRIPT ERROR|^ERROR:|ObjectDB instances leaked|$extension_failure|$crash" || true)
}

# fail WHAT LOG REASON...: print the FAIL verdict (the reasons, each once, joined by "; ") and exit 1.
fail() {
  local what=$1 log=$2 joined
  shift 2
  joined=$(printf '%s\n' "$@" | awk 'NF && !seen[$0]++' | head -n 10 | awk '{ printf "%s%s", (NR > 1 ? "; " : ""), $0 }')
  printf '%s: FAIL: %s: %s; log: %s\n' "$me" "$what" "$joined" "$log"
  exit 1
}

# run_godot LOG SECONDS ARGS...: run Godot with ARGS under a timeout, its output written to LOG
# and then shown; sets status to its exit status (124 when it timed out). A run that prints a
# SCRIPT ERROR is stopped (SIGTERM) two seconds later instead of hanging until the timeout: a
# GDScript error aborts the function it happens in, which is often the one that would have quit.
run_godot() {
  local log=$1 secs=$2 pid
  shift 2
  status=0
  stopped_early=
  timeout -k 10 "$secs" "$godot" "$@" </dev/null >"$log" 2>&1 &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    if grep -q 'SCRIPT ERROR' "$log"; then
      sleep 2
      if kill -0 "$pid" 2>/dev/null; then
        stopped_early=1
        kill -TERM "$pid" 2>/dev/null || true # timeout passes it on to Godot (and kills it 10 s later)
      fi
      break
    fi
    sleep 0.5
  done
  wait "$pid" || status=$?
  strip_colours <"$log" | sed 's/^/  | /' >&2
}

# ---- 3. The import ----------------------------------------------------------------------------
list=$project/.godot/extension_list.cfg
if [[ ! -f $list ]] || ! grep -qx 'res://addons/godot_steam_server/steam.gdextension' "$list"; then
  mkdir -p "$project/.godot"
  echo 'res://addons/godot_steam_server/steam.gdextension' >>"$list"
fi
for attempt in 1 2; do
  say "importing the project (attempt $attempt)"
  run_godot "$log_dir/import.log" 600 --headless --path "$project" --import
  # ERROR: lines of an import are shown but do not fail it: the run below is what is judged.
  found=$(problems "$log_dir/import.log" | grep -v '^an error line' || true)
  ((status == 0)) && [[ -z $found ]] && break
  # Godot 4.6 can abort at exit after an import that loaded an extension for the first time:
  # a failed import is tried once more, and the second must be clean.
  ((status != 0 && attempt == 1)) && [[ $found != *"extension did not load"* ]] && continue
  fail "the import" "$log_dir/import.log" "$([[ $status == 0 ]] || echo "exited with status $status")" "$found"
done

# ---- 4. The probe: the extension loads ---------------------------------------------------------
probe=$(mktemp "$log_dir/probe.XXXXXX")
mv "$probe" "$probe.gd"
probe=$probe.gd
cat >"$probe" <<'EOF'
extends SceneTree

func _initialize() -> void:
	if Engine.has_singleton("SteamServer"):
		print("ci-server-check probe: extension loaded (", Engine.get_singleton("SteamServer").get_godotsteam_version(), ")")
		quit(0)
	else:
		print("ci-server-check probe: no SteamServer singleton")
		quit(3)
EOF
run_godot "$log_dir/probe.log" 120 --headless --path "$project" --script "$probe"
rm -f "$probe"
if ((status != 0)) || ! grep -q 'ci-server-check probe: extension loaded' "$log_dir/probe.log"; then
  fail "the probe" "$log_dir/probe.log" "the extension did not load from addons/godot_steam_server (status $status)" \
    "$(problems "$log_dir/probe.log" | grep '^the extension did not load' || true)"
fi

# ---- 5. The run -------------------------------------------------------------------------------
args=(--headless --path "$project")
[[ -z $quit_after ]] || args+=(--quit-after "$quit_after")
[[ -z $scene ]] || args+=("$scene")
((${#scene_args[@]} == 0)) || args+=(-- "${scene_args[@]}")
what=${scene:-the main scene}
say "running $what: godot ${args[*]} (at most ${run_timeout}s)"
run_godot "$log_dir/run.log" "$run_timeout" "${args[@]}"

# ---- 6. The verdict ---------------------------------------------------------------------------
reasons=()
if [[ -n $stopped_early ]]; then
  reasons+=("stopped after a SCRIPT ERROR")
elif ((status == 124 || status == 137)); then
  reasons+=("timed out after ${run_timeout}s (the scene must quit by itself)")
elif ((status != 0)); then
  reasons+=("exited with status $status")
fi
found=$(problems "$log_dir/run.log")
((${#reasons[@]} == 0)) && [[ -z $found ]] || fail "$what" "$log_dir/run.log" ${reasons[@]+"${reasons[@]}"} "$found"
allowed=$(strip_colours <"$log_dir/run.log" | grep -cE '^ERROR:|ObjectDB instances leaked' || true)
printf '%s: PASS: %s exited 0 with no script error%s (Godot %s, offline backend); log: %s\n' "$me" "$what" \
  "$( ((allowed == 0)) && echo ", no error line" || echo ", $allowed allowed error line(s)")" "$godot_version" "$log_dir/run.log"
