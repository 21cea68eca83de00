#!/usr/bin/env bash
# README command 2: build and run the whole test suite three times: as a normal
# build, as an AddressSanitizer + UndefinedBehaviorSanitizer build and as a
# ThreadSanitizer build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
jobs=$(nproc)
for variant in release asan tsan; do
  dir=build-test-$variant
  # the Python interpreter is not instrumented, so it cannot load a sanitized
  # library: the bindings are tested in the release build only
  case $variant in
    release) flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo) ;;
    asan) flags=(-DCMAKE_BUILD_TYPE=Debug -DEGDI_SANITIZE=ON -DEGDI_BUILD_PYTHON=OFF) ;;
    # every C suite, above all engine/threads (one plan shared by several
    # threads); a reported race makes the test exit with status 66, so it fails.
    # The install test is left out by tests/CMakeLists.txt.
    tsan) flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DEGDI_TSAN=ON -DEGDI_BUILD_PYTHON=OFF) ;;
  esac
  echo "== $variant build =="
  cmake -S . -B "$dir" "${flags[@]}" -DPython3_EXECUTABLE=/usr/bin/python3 > /dev/null
  cmake --build "$dir" -j"$jobs"
  (cd "$dir" && ctest --output-on-failure -j"$jobs")
done
