# shellcheck shell=bash
# Debian sid packages unpacked, never installed: sid_unpack resolves packages' dependency closure
# (against an empty dpkg status) with apt under a private configuration and state, pointing at the
# system's own Debian mirror, downloads and unpacks it. Used by scripts/provision_godot.sh (Godot)
# and scripts/provision_wine.sh (Wine). Needs scripts/common.sh (say, die).
SID_SUITE=sid

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
# key block is written to $SID_DIR/keys/inline.asc (SID_DIR: sid_unpack's DIR) and that path printed instead.
source_keyrings() {
  local file=${1%:*} n=${1##*:}
  [[ -r $file && $n =~ ^[0-9]+$ ]] || return 0
  if [[ $file == *.sources ]]; then
    awk -v want="$n" -v inline="$SID_DIR/keys/inline.asc" '
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


# sid_unpack DIR HINT PACKAGE...: unpack Debian $SID_SUITE's PACKAGEs and their dependency closure
# into DIR/root.tmp (apt's state in DIR/apt, keys in DIR/keys); HINT ends every error message
# ("set GODOT=/path/to/godot"). Sets SID_TMP (the unpacked root), SID_APT (apt's folder), SID_DEBS
# (the .deb file names, in SID_APT/cache/archives), SID_LD (the loader, relative to the root) and
# SID_LIBPATH (every folder holding shared libraries, the main multiarch one first, each as
# "$root/FOLDER", colon-separated). The caller moves SID_TMP into place, then calls sid_clean DIR.
sid_unpack() {
  local SID_DIR=$1 hint=$2
  shift 2
  local -a want=("$@")
  local tool
  for tool in apt-get apt-config dpkg-deb; do
    command -v "$tool" >/dev/null || die "$tool is missing to fetch ${want[*]} from Debian $SID_SUITE; $hint"
  done
  local src uri entry
  src=$(system_debian_source)
  [[ -n $src ]] || die "no Debian archive found in the system's apt sources; $hint"
  uri=${src%%$'\t'*} entry=${src#*$'\t'}
  say "Debian mirror from $entry: $uri (suite $SID_SUITE)"

  local apt=$SID_DIR/apt
  mkdir -p "$apt"/{etc/apt.conf.d,etc/preferences.d,etc/sources.list.d,trusted.gpg.d,lists/partial,cache/archives/partial,log} "$SID_DIR/keys"
  : >"$apt/status"
  printf 'deb %s %s main\n' "$uri" "$SID_SUITE" >"$apt/etc/sources.list"

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
  ((${#keys[@]})) || die "found no apt keyring to verify Debian $SID_SUITE with"
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
    die "only x86_64 is supported by the Debian Godot fetch; $hint"
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
  if ! apt_update "$SID_SUITE"; then
    cat "$apt/log/update-$SID_SUITE.log" >&2
    grep -qE 'NO_PUBKEY|EXPKEYSIG|REVKEYSIG|BADSIG|GPG error|not signed|signatures (couldn.t|were invalid)' \
      "$apt/log/update-$SID_SUITE.log" || die "apt-get update for Debian $SID_SUITE failed (see above)"
    # Debian $SID_SUITE is signed by keys newer than this system's keyring: take the
    # debian-archive-keyring package from a suite that the current keys do verify (this
    # system's own release, else stable, else testing), then retry with its keys too.
    say "Debian $SID_SUITE did not verify with the system keyring; fetching a newer debian-archive-keyring"
    local boot got='' ring ext
    for boot in $(os_codename) stable testing; do
      apt_update "$boot" || continue
      rm -rf "$SID_DIR/keys"/*.deb "$SID_DIR/keys/x"
      (cd "$SID_DIR/keys" && papt apt-get -q download debian-archive-keyring >/dev/null 2>&1) || continue
      dpkg-deb -x "$SID_DIR/keys"/debian-archive-keyring_*.deb "$SID_DIR/keys/x"
      for ring in "$SID_DIR"/keys/x/usr/share/keyrings/debian-archive-keyring.{gpg,pgp,asc}; do
        [[ -f $ring ]] || continue
        ext=gpg # apt reads binary keyrings only under the .gpg name
        [[ $ring != *.asc ]] || ext=asc
        cp -L "$ring" "$apt/trusted.gpg.d/0-debian-archive-keyring-$boot.$ext"
        got=$boot
        break 2
      done
    done
    [[ -n $got ]] || die "could not get a keyring that verifies Debian $SID_SUITE; $hint"
    say "using debian-archive-keyring from Debian $got"
    if ! apt_update "$SID_SUITE"; then
      cat "$apt/log/update-$SID_SUITE.log" >&2
      die "apt-get update for Debian $SID_SUITE failed (see above)"
    fi
  fi

  # Resolve the packages' dependency closure against the empty status file, then download it.
  local -a pkgs=()
  local line
  papt apt-get -q install --simulate "${want[@]}" >"$apt/log/resolve.log" 2>&1 || {
    cat "$apt/log/resolve.log" >&2
    die "could not resolve ${want[*]} in Debian $SID_SUITE"
  }
  # "Inst NAME (VERSION ARCHIVE [ARCH])" -> the file name apt stores: NAME_VERSION_ARCH.deb
  while IFS= read -r line; do
    pkgs+=("$line")
  done < <(sed -nE 's/^Inst ([^ ]+) \(([^ ]+) .*\[([^]]+)\]\).*/\1_\2_\3.deb/p' "$apt/log/resolve.log" | sed 's/:/%3a/g')
  ((${#pkgs[@]})) || die "resolving ${want[*]} gave no packages (see $apt/log/resolve.log)"
  say "downloading ${#pkgs[@]} packages: ${want[*]} and their dependency closure"
  papt apt-get -q -y install --download-only "${want[@]}" >"$apt/log/download.log" 2>&1 || {
    cat "$apt/log/download.log" >&2
    die "downloading ${want[*]} from Debian $SID_SUITE failed (rerun to resume)"
  }

  say "unpacking into $SID_DIR/root"
  local tmp=$SID_DIR/root.tmp deb
  rm -rf "$tmp"
  mkdir -p "$tmp"
  local -a files=()
  for deb in "${pkgs[@]}"; do
    [[ -f $apt/cache/archives/$deb ]] || die "expected $apt/cache/archives/$deb after download"
    files+=("$apt/cache/archives/$deb")
  done
  printf '%s\0' "${files[@]}" | xargs -0 -P "$(nproc 2>/dev/null || echo 2)" -I{} dpkg-deb -x {} "$tmp" ||
    die "unpacking the downloaded packages failed"

  # The loader, wherever this Debian release puts it.
  local ld='' cand
  for cand in usr/lib64/ld-linux-x86-64.so.2 lib64/ld-linux-x86-64.so.2 usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2; do
    if [[ -e $tmp/$cand ]]; then ld=$cand; break; fi
  done
  [[ -n $ld ]] || die "no ld-linux-x86-64.so.2 in the unpacked packages"
  # Every folder holding shared libraries, the main multiarch one first; glibc's gconv
  # modules are loaded by path, not searched.
  # shellcheck disable=SC2016 # $root is expanded by the wrapper
  local libpath='$root/usr/lib/x86_64-linux-gnu' dir
  while IFS= read -r dir; do
    [[ $dir == usr/lib/x86_64-linux-gnu ]] && continue
    libpath+=":\$root/$dir"
  done < <(cd "$tmp" && find . \( -name '*.so' -o -name '*.so.*' \) \( -type f -o -type l \) -printf '%h\n' |
    sed 's|^\./||' | grep -vE '(^|/)(share|gconv|etc)(/|$)|^etc$' | sort -u)
  # shellcheck disable=SC2034 # read by the callers
  SID_TMP=$tmp SID_APT=$apt SID_DEBS=("${pkgs[@]}") SID_LD=$ld SID_LIBPATH=$libpath
}

# sid_clean DIR: drop the downloaded .deb files (the unpacked root is the cache).
sid_clean() { rm -f "$1"/apt/cache/archives/*.deb "$1"/keys/*.deb; }
