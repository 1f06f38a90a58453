#!/usr/bin/env bash
# The fresh-machine check (./build.sh fresh): `.ci/run` on a fresh clone of HEAD, as CI runs it on a
# new machine of the project's kind, as closely as one machine allows:
#   - the Debian packages build.sh installs (scripts/system_packages.sh: all but the image's own
#     Node.js, and any that another installed package needs) are purged first, with whatever they
#     alone had pulled in, so build.sh installs them again exactly as it would on a new machine (a
#     missing package name fails here, as it would there);
#   - a read-only copy of shared/ beside the clone, as CI has it;
#   - Go's build and module caches, npm's cache and the project's cache (GOSTEAM_CACHE: Godot from
#     Debian, the test peers, steamworks.js) start empty in a scratch folder, removed at the end.
# Prints the wall time of the whole run. Needs root (apt-get). Uncommitted changes are not in the
# clone: commit first.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$ROOT"
# shellcheck source=scripts/system_packages.sh
source scripts/system_packages.sh
say() { printf '==> fresh: %s\n' "$*" >&2; }
die() { printf '==> fresh: ERROR: %s\n' "$*" >&2; exit 1; }

((EUID == 0)) || die "the fresh-machine check purges Debian packages: run it as root"
[[ -z $(git status --porcelain --untracked-files=no) ]] ||
  say "note: uncommitted changes are not in the clone (it is of HEAD, $(git rev-parse --short HEAD))"

# The packages to purge: every row's but the image's tools'.
purge=()
for tool in "${!SYSTEM_PACKAGES[@]}"; do
  [[ " ${IMAGE_TOOLS[*]} " == *" $tool "* ]] && continue
  read -ra pkgs <<<"${SYSTEM_PACKAGES[$tool]}"
  for p in "${pkgs[@]}"; do dpkg_installed "$p" && purge+=("$p"); done
done
# A package that something else installed needs (the image's curl needs libcurl4) came with the
# machine, not from build.sh: purging it would take that along, so it stays.
removed_with() { apt-get -s purge "$@" 2>/dev/null | sed -n 's/^Purg \([^ :]*\).*/\1/p' | sort -u; }
if ((${#purge[@]} > 0)); then
  mapfile -t extra < <(comm -13 <(printf '%s\n' "${purge[@]}" | sort -u) <(removed_with "${purge[@]}"))
  if ((${#extra[@]} > 0)); then
    kept=()
    for p in "${purge[@]}"; do
      [[ -n $(comm -13 <(printf '%s\n' "${purge[@]}" | sort -u) <(removed_with "$p")) ]] && kept+=("$p")
    done
    say "keeping ${kept[*]}: other installed packages need them (${extra[*]})"
    mapfile -t purge < <(comm -23 <(printf '%s\n' "${purge[@]}" | sort -u) <(printf '%s\n' "${kept[@]}" | sort -u))
  fi
fi
# autoremovable: what apt would remove as no longer needed (purged only when our purge made it so,
# never what the image already left behind).
autoremovable() { apt-get -s autoremove 2>/dev/null | sed -n 's/^Remv \([^ ]*\).*/\1/p' | sort; }
if ((${#purge[@]} > 0)); then
  before=$(autoremovable)
  say "purging ${purge[*]}"
  apt_get purge -y "${purge[@]}" >/dev/null
  mapfile -t orphans < <(comm -13 <(printf '%s\n' "$before") <(autoremovable))
  if ((${#orphans[@]} > 0)); then
    say "purging what only they needed: ${orphans[*]}"
    apt_get purge -y "${orphans[@]}" >/dev/null
  fi
fi

scratch=$(mktemp -d "${TMPDIR:-/tmp}/gosteam-fresh.XXXXXX")
cleanup() {
  chmod -R u+w "$scratch" 2>/dev/null || true # Go's module cache is read-only
  rm -rf "$scratch"
}
trap cleanup EXIT
git clone -q --no-hardlinks "$ROOT" "$scratch/clone"
# CI's clone has a read-only copy of the project's shared/ folder beside it (the Steam emulator).
if [[ -d $ROOT/../shared ]]; then
  cp -a "$ROOT/../shared" "$scratch/shared"
  chmod -R a-w "$scratch/shared"
fi
say "clone of $(git rev-parse --short HEAD) in $scratch/clone; empty GOCACHE, GOMODCACHE, npm cache, GOSTEAM_CACHE"
start=$SECONDS
status=0
(
  cd "$scratch/clone"
  export GOCACHE=$scratch/go-build GOMODCACHE=$scratch/go-mod GOSTEAM_CACHE=$scratch/gosteam
  export npm_config_cache=$scratch/npm CI=true
  unset GODOT GOFLAGS
  bash .ci/run </dev/null
) || status=$?
elapsed=$((SECONDS - start))
if ((status != 0)); then
  die "./build.sh test failed on the fresh clone after ${elapsed}s (exit $status)"
fi
say "fresh-machine ./build.sh test passed in ${elapsed}s ($((elapsed / 60)) min $((elapsed % 60)) s)"
