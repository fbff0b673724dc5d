#!/usr/bin/env bash
# Runs inside the chosen environment (host or Debian 13 root): configure, build,
# then either test or launch. Usage: scripts/inside.sh test|build|run [args...]
set -euo pipefail
cd "$(dirname "$0")/.."
. /etc/os-release
build="${VARIANT_STUDIO_BUILD_DIR:-build/${ID:-linux}-${VERSION_ID:-unknown}}"
# ccache, when present, shares compiled objects between work trees of the project
# (paths below the parent folder are hashed relative to it).
launcher=()
if command -v ccache >/dev/null; then
  export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$(cd .. && pwd -P)}" CCACHE_NOHASHDIR=1
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE="${VARIANT_STUDIO_BUILD_TYPE:-RelWithDebInfo}" "${launcher[@]}" >/dev/null
cmake --build "$build"
mode=${1:-build}
shift || true
case "$mode" in
  build) ;;
  test)
    ctest --test-dir "$build" --output-on-failure -j"${CTEST_PARALLEL_LEVEL:-2}" ${VS_CTEST_ARGS:-} "$@" ;;
  run)
    exec "$build/app/variant-studio" "$@" ;;
  bench)
    exec "$build/bench/$1" "${@:2}" ;;
  *) echo "unknown mode $mode" >&2; exit 2 ;;
esac
