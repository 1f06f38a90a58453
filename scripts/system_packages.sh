# shellcheck shell=bash
# The Debian packages build.sh and scripts/provision_test_deps.sh install (as root, with apt-get --no-install-recommends), one row per
# tool it runs: the tool, then its packages. The first package provides the tool and is not needed
# when the tool is already on PATH (installed some other way); every other package of a row is
# checked with dpkg. --no-install-recommends leaves Recommends out, so a package needed only through
# one is named here itself. Sourced by scripts/common.sh (build.sh, the provisioning scripts) and scripts/fresh_machine.sh.
#
#   quakestat               qstat: a server browser's A2S client; the query-port checks
#   patchelf                patchelf: points the exported server at Debian sid's loader (export check)
#   x86_64-w64-mingw32-gcc  gcc-mingw-w64-x86-64: cgo's C compiler for the Windows DLL; its Depends
#                           bring MinGW's headers and runtime (mingw-w64-x86-64-dev, ...-runtime)
#   aarch64-linux-gnu-gcc   gcc-aarch64-linux-gnu: cgo's C compiler for the arm64 .so, and
#                           libc6-dev-arm64-cross: its C library headers (only a Recommends of it)
#   steam-emulator          the Steam emulator's runtime libraries (not a tool: each package is
#                           checked with dpkg): libprotobuf-lite32, libmbedcrypto7, libcurl4
#   node, npm               the image's Node.js when it has one, else Debian's nodejs and npm
#                           (gamedig, steamworks.js's libsteam_api.so)
#   [shellcheck]            shellcheck: lints build.sh, scripts/ and the CI recipe in ./build.sh test
declare -A SYSTEM_PACKAGES=(
  [quakestat]="qstat"
  [patchelf]="patchelf"
  [x86_64-w64-mingw32-gcc]="gcc-mingw-w64-x86-64"
  [aarch64-linux-gnu-gcc]="gcc-aarch64-linux-gnu libc6-dev-arm64-cross"
  [steam-emulator]="libprotobuf-lite32 libmbedcrypto7 libcurl4"
  [node]="nodejs"
  [npm]="npm"
  [shellcheck]="shellcheck"
)
# The tools a machine of this project's kind may already have (the fresh-machine recipe keeps them).
# shellcheck disable=SC2034 # read by scripts/fresh_machine.sh, which sources this file
IMAGE_TOOLS=(node npm)

# apt_get ARGS...: apt-get, non-interactive, waiting for another apt (a concurrent build.sh) to finish.
apt_get() {
  DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=600 "$@"
}

# dpkg_installed PKG: true when Debian's package PKG is installed.
dpkg_installed() {
  [[ $(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null) == installed ]]
}

# missing_packages TOOL: the packages of TOOL's row that this machine lacks, one per line.
missing_packages() {
  local tool=$1 pkgs i
  read -ra pkgs <<<"${SYSTEM_PACKAGES[$tool]:?no package row for $tool}"
  for i in "${!pkgs[@]}"; do
    if ((i == 0)) && command -v "$tool" >/dev/null; then
      continue
    fi
    command -v dpkg-query >/dev/null || continue # not Debian: the tool on PATH is all we can check
    dpkg_installed "${pkgs[i]}" && continue
    printf '%s\n' "${pkgs[i]}"
  done
}
