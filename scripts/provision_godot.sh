#!/usr/bin/env bash
# scripts/provision_godot.sh: prints the path of a Godot 4.6+ binary: $GODOT, else a `godot` 4.6+
# on PATH, else Debian sid's `godot` and `godot-template-release` packages with their libraries,
# unpacked (not installed) into $GOSTEAM_CACHE/godot-debian-sid and run through their own loader by
# the wrapper bin/godot (root/usr/bin/godot-template-release beside it is the export template of
# that exact build). Messages go to stderr. build.sh runs it and passes the path on as GODOT_BIN;
# the e2e tests run it when GODOT_BIN is unset. Concurrent runs wait for each other (flock).
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ESC=$(printf '\033')
GODOT_BIN=
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
# Generated by scripts/provision_godot.sh: Debian $GODOT_SUITE's godot package, unpacked (not installed) with its
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

provision_godot
printf '%s\n' "$GODOT_BIN"
