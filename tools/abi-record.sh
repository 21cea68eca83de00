#!/usr/bin/env bash
# Record the ABI of libegdi.so.1 in abi/libegdi.so.1.abi: the reference that
# tests/abi/test_abi.sh compares every release build with (docs/STABILITY.md).
#
# Run it when a release intentionally adds to the ABI (functions, enum values,
# a new version of a versioned struct), on the release commit, on Debian 12
# (x86_64, GCC 12, abigail-tools 2.2), and commit the new file with the release:
#
#   bash tools/abi-record.sh                  # build the library in a temporary directory
#   bash tools/abi-record.sh BUILD_DIR        # use the library built in BUILD_DIR
#   bash tools/abi-record.sh -o FILE [BUILD_DIR]   # write FILE instead (test_abi.sh does)
#
# The library needs debug information (RelWithDebInfo or Debug). abidw reads
# it with the public headers (include/egdi and the generated version.h), so
# only public types are described. Never re-record to silence the test after a
# stable function, type or struct layout was removed or changed: that is an
# ABI break and needs a new major version.
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
out=$src/abi/libegdi.so.1.abi
if [ "${1:-}" = "-o" ]; then
  out=$2
  shift 2
fi
if [ $# -ge 1 ]; then
  build=$(cd "$1" && pwd)
else
  build=$(mktemp -d)
  trap 'rm -rf "$build"' EXIT
  cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DEGDI_BUILD_TESTS=OFF \
        -DEGDI_BUILD_TOOLS=OFF -DEGDI_BUILD_PYTHON=OFF -DEGDI_BUILD_EXAMPLES=OFF \
        -DEGDI_BUILD_BENCH=OFF > "$build/configure.log"
  cmake --build "$build" --target egdi -j"$(nproc)" > "$build/build.log"
fi
lib=$(readlink -f "$build/lib/libegdi.so.1")
if [ ! -f "$lib" ]; then
  echo "abi-record: $build/lib/libegdi.so.1 not found" >&2
  exit 1
fi
if ! grep -q '\.debug_info' <<< "$(readelf -S "$lib")"; then
  echo "abi-record: $lib has no debug information (build with RelWithDebInfo or Debug)" >&2
  exit 1
fi
mkdir -p "$(dirname "$out")"
abidw --headers-dir "$src/include/egdi" --headers-dir "$build/include/egdi" \
      --drop-private-types --drop-undefined-syms --exported-interfaces-only \
      --no-corpus-path --no-comp-dir-path --short-locs --out-file "$out" "$lib"
echo "abi-record: $(grep -c '<elf-symbol ' "$out") exported symbols of $(basename "$lib") -> $out"
