#!/usr/bin/env bash
# Shared by scripts/run and scripts/test: decides where Variant Studio builds.
#
# The host is used when CMake finds every dependency there. Otherwise (Debian 12
# has Qt 6.4 but no KF6 SyntaxHighlighting) a Debian 13 root is made once with
# debootstrap outside the work tree, reused afterwards, and commands run inside
# it in a private mount namespace, so every mount vanishes when the command
# ends, even when it is killed, and mounts of a concurrent run never clash.
set -euo pipefail

VS_TREE=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
VS_ROOT=${VARIANT_STUDIO_ROOT:-${XDG_CACHE_HOME:-$HOME/.cache}/variant-studio/debian13-root}
VS_MIRROR=${VARIANT_STUDIO_MIRROR:-http://deb.debian.org/debian}
# Everything the build, the tests and the app need inside the root.
VS_PACKAGES="build-essential cmake ninja-build git ca-certificates
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev
  qt6-translations-l10n libqt6svg6 qt6-svg-plugins qt6-qpa-plugins
  libkf6syntaxhighlighting-dev libyaml-cpp-dev nix-bin
  xvfb xauth x11-utils fonts-dejavu-core fonts-noto-core
  desktop-file-utils appstream procps ccache openssh-server openssh-client"

vs_log() { echo "variant-studio: $*" >&2; }

vs_sudo() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# True when the host can build and test without the root.
vs_host_has_everything() {
  [ "${VARIANT_STUDIO_FORCE_ROOT:-}" = 1 ] && return 1
  command -v cmake >/dev/null && command -v ninja >/dev/null || return 1
  command -v nix-instantiate >/dev/null && command -v nix-build >/dev/null || return 1
  command -v git >/dev/null || return 1
  local probe
  probe=$(mktemp -d)
  cp "$VS_TREE/scripts/probe/CMakeLists.txt" "$probe/"
  if cmake -S "$probe" -B "$probe/build" -G Ninja >"$probe/log" 2>&1; then
    rm -rf "$probe"
    return 0
  fi
  rm -rf "$probe"
  return 1
}

vs_packages_stamp() { echo "$VS_PACKAGES" | tr -s ' \n' ' ' | md5sum | cut -d' ' -f1; }

# Runs "$@" inside the root with /proc, /dev, /dev/pts and the work tree mounted.
vs_in_root() {
  local tree=$VS_TREE
  local -a pass=(PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
    HOME=/root LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM="${TERM:-dumb}"
    DEBIAN_FRONTEND=noninteractive)
  local v
  for v in CI DISPLAY WAYLAND_DISPLAY XDG_RUNTIME_DIR QT_QPA_PLATFORM XAUTHORITY \
    VARIANT_STUDIO_BUILD_TYPE VARIANT_STUDIO_BUILD_DIR CTEST_PARALLEL_LEVEL CTEST_OUTPUT_ON_FAILURE VS_CTEST_ARGS \
    VS_UPDATE_REFERENCES VS_FUZZ_SEED VS_FUZZ_ITERATIONS; do
    [ -n "${!v:-}" ] && pass+=("$v=${!v}")
  done
  local shared
  shared=$(cd "$tree/.." && pwd -P)/shared
  vs_sudo unshare --mount --propagation private -- bash -euc '
    root=$1; tree=$2; shared=$3; shift 3
    mount -t proc proc "$root/proc"
    mount --rbind /dev "$root/dev"
    mkdir -p "$root$tree"
    mount --bind "$tree" "$root$tree"
    if [ -d "$shared" ]; then mkdir -p "$root$shared"; mount --bind "$shared" "$root$shared"; fi
    # Folders named on the command line (scripts/run REPO COMPANION...), at the same path; only
    # where the root has nothing of its own, so never over its /usr or /etc.
    while IFS= read -r d; do
      if [ -n "$d" ] && [ -d "$d" ] && { [ ! -e "$root$d" ] || [ -z "$(ls -A "$root$d" 2>/dev/null)" ]; }; then
        mkdir -p "$root$d"; mount --bind "$d" "$root$d"; fi
    done <<<"${VS_BIND_DIRS:-}"
    if [ -d /tmp/.X11-unix ]; then mkdir -p "$root/tmp/.X11-unix"; mount --bind /tmp/.X11-unix "$root/tmp/.X11-unix"; fi
    if [ -n "${XDG_RUNTIME_DIR_HOST:-}" ] && [ -d "$XDG_RUNTIME_DIR_HOST" ]; then
      mkdir -p "$root$XDG_RUNTIME_DIR_HOST"; mount --bind "$XDG_RUNTIME_DIR_HOST" "$root$XDG_RUNTIME_DIR_HOST"; fi
    if [ -n "${XAUTH_HOST:-}" ] && [ -f "$XAUTH_HOST" ]; then
      mkdir -p "$root$(dirname "$XAUTH_HOST")"; touch "$root$XAUTH_HOST"; mount --bind "$XAUTH_HOST" "$root$XAUTH_HOST"; fi
    cp -L /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
    exec chroot "$root" /usr/bin/env -i "$@"
  ' vs-root "$VS_ROOT" "$tree" "$shared" "${pass[@]}" "$@"
}

# Creates the root once; installs (or completes) its packages when the list changed.
vs_ensure_root() {
  vs_sudo mkdir -p "$(dirname "$VS_ROOT")"
  exec 9>"$VS_ROOT.lock"
  flock 9
  if [ ! -x "$VS_ROOT/usr/bin/apt-get" ] || [ ! -f "$VS_ROOT/.debootstrap-done" ]; then
    if ! command -v debootstrap >/dev/null; then
      vs_log "installing debootstrap on the host"
      vs_sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
      vs_sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
    fi
    vs_log "creating the Debian 13 root in $VS_ROOT (about a minute, once)"
    vs_sudo rm -rf "$VS_ROOT"
    vs_sudo debootstrap --variant=minbase trixie "$VS_ROOT" "$VS_MIRROR" >"$VS_ROOT.debootstrap.log" 2>&1 || {
      vs_log "debootstrap failed; see $VS_ROOT.debootstrap.log"; tail -20 "$VS_ROOT.debootstrap.log" >&2; return 1; }
    vs_sudo touch "$VS_ROOT/.debootstrap-done"
  fi
  local stamp
  stamp=$(vs_packages_stamp)
  if [ "$(cat "$VS_ROOT/.packages-stamp" 2>/dev/null)" != "$stamp" ]; then
    vs_log "installing build packages into the root (about two minutes, once)"
    # shellcheck disable=SC2086
    vs_in_root bash -ec "apt-get update -qq && apt-get install -y -qq --no-install-recommends $(echo $VS_PACKAGES) >/var/log/variant-studio-apt.log 2>&1 || { tail -30 /var/log/variant-studio-apt.log; exit 1; }"
    mkdir -p "$VS_ROOT/etc/nix"
    # Single-user, offline Nix inside the root: no build users, no sandbox, no downloads.
    printf '%s\n' 'build-users-group =' 'sandbox = false' 'substituters =' \
      'experimental-features = nix-command' >"$VS_ROOT/etc/nix/nix.conf"
    echo "$stamp" >"$VS_ROOT/.packages-stamp"
  fi
  flock -u 9
}

# Runs "$@" on the host or in the root, whichever has the dependencies.
vs_exec() {
  if vs_host_has_everything; then
    "$@"
  else
    vs_ensure_root
    XDG_RUNTIME_DIR_HOST=${XDG_RUNTIME_DIR:-} XAUTH_HOST=${XAUTHORITY:-} vs_in_root "$@"
  fi
}
