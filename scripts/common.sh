# shellcheck shell=bash
# Helpers shared by build.sh and the provisioning scripts: messages, the flock locks that
# serialise concurrent runs sharing the cache (Go's side takes the same ones, e2e/internal/extbuild),
# and need_tools, which installs the Debian packages of scripts/system_packages.sh's rows.
# shellcheck source=scripts/system_packages.sh
source "$(dirname "${BASH_SOURCE[0]}")/system_packages.sh"

CACHE=${GOSTEAM_CACHE:-${HOME:?HOME is unset: set GOSTEAM_CACHE}/.cache/gosteam}

say() { printf '==> %s\n' "$*" >&2; }
die() { printf '==> ERROR: %s\n' "$*" >&2; exit 1; }

# take_lock NAME / release_lock NAME: flock on $CACHE/locks/NAME.lock (also released at exit).
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

# need_tools TOOL...: install the Debian packages of each TOOL's row in scripts/system_packages.sh
# that this machine lacks (root only).
need_tools() {
  local tool missing log
  take_lock apt
  mapfile -t missing < <(for tool in "$@"; do missing_packages "$tool"; done)
  if ((${#missing[@]} > 0)); then
    ((EUID == 0)) || die "$* need Debian packages and installing them needs root: run as root, or run: sudo apt-get install -y --no-install-recommends ${missing[*]}"
    command -v apt-get >/dev/null || die "$* need ${missing[*]} and there is no apt-get to install them"
    say "installing ${missing[*]} with apt-get (for $*)"
    mkdir -p "$CACHE/logs"
    log=$CACHE/logs/apt-install.log
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
