#!/usr/bin/env bash
# README command 2: build and run the whole test suite twice, as a normal build
# and as an AddressSanitizer + UndefinedBehaviorSanitizer build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
jobs=$(nproc)
for variant in release asan; do
  dir=build-test-$variant
  flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo)
  # the Python interpreter is not instrumented, so it cannot load an ASan library:
  # the bindings are tested in the release build only
  [ "$variant" = asan ] && flags=(-DCMAKE_BUILD_TYPE=Debug -DEGDI_SANITIZE=ON -DEGDI_BUILD_PYTHON=OFF)
  echo "== $variant build =="
  cmake -S . -B "$dir" "${flags[@]}" -DPython3_EXECUTABLE=/usr/bin/python3 > /dev/null
  cmake --build "$dir" -j"$jobs"
  (cd "$dir" && ctest --output-on-failure -j"$jobs")
done
