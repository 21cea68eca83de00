#!/usr/bin/env bash
# README command 2: build and run the whole test suite three times: as a normal
# build, as an AddressSanitizer + UndefinedBehaviorSanitizer build and as a
# ThreadSanitizer build; then run every Check suite of the normal build under
# valgrind's memcheck, and every libFuzzer harness for a short smoke run.
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
  if [ "$variant" = tsan ] && ! grep -q 'Total Tests: 1$' <<< "$(cd "$dir" && ctest -N -R '^threads$')"; then
    echo "the ThreadSanitizer build has no threads test"
    exit 1
  fi
done

# The optimisation level of README command 1 (tools/quickstart.sh, Release:
# -O3) warns where -O2 does not (GCC's maybe-uninitialized), and warnings are
# errors: compile the library, the tool and the Python module that way too.
echo "== quick-start configuration (Release) compiles =="
cmake -S . -B build-test-quickstart -DCMAKE_BUILD_TYPE=Release -DEGDI_BUILD_TESTS=OFF \
  -DEGDI_BUILD_BENCH=OFF -DEGDI_BUILD_EXAMPLES=OFF -DPython3_EXECUTABLE=/usr/bin/python3 > /dev/null
cmake --build build-test-quickstart -j"$jobs"

# Valgrind memcheck over every Check suite (tests/<topic>/test_<name>.c, the
# ctest tests labelled with their topic) of the release build, $jobs at a
# time: about 35 s of CPU in all; the slowest suite, strmap, takes 9 s. A
# memcheck error (invalid access, uninitialised value, bad free) or a block
# definitely or indirectly lost makes valgrind exit with 99, a failed check
# makes the suite exit with 1: either fails this script. The other tests (tool,
# install, Python, notebook, bench, badinput, abi) are not Check suites.
echo "== valgrind memcheck (release build) =="
dir=build-test-release
logs=$dir/valgrind
rm -rf "$logs"
mkdir -p "$logs"
# shellcheck disable=SC2054 # the commas are inside option values
vg=(valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect
    --show-leak-kinds=definite,indirect --track-origins=no)
usec() { local t=$EPOCHREALTIME; echo "${t/[.,]/}"; }
# positive control: a definite leak must make valgrind fail
printf '#include <stdlib.h>\nint main(void) { void *volatile p = malloc(16); p = 0; return 0; }\n' \
  | cc -O0 -x c - -o "$logs/leak"
rc=0
"${vg[@]}" "$logs/leak" > "$logs/leak.log" 2>&1 || rc=$?
if [ "$rc" -ne 99 ]; then
  cat "$logs/leak.log"
  echo "valgrind did not report the control's leak (exit status $rc)"
  exit 1
fi
# name, working directory, executable of each Check suite
src=$PWD
mapfile -t suites < <(cd "$dir" && ctest --show-only=json-v1 | python3 -c '
import json, os, sys
for t in json.load(sys.stdin)["tests"]:
    props = {p["name"]: p["value"] for p in t.get("properties", [])}
    labels, cmd = props.get("LABELS", []), t.get("command", [])
    if len(labels) == 1 and len(cmd) == 1 and os.path.exists(
            os.path.join(sys.argv[1], "tests", labels[0], "test_%s.c" % t["name"])):
        print("%s\t%s\t%s" % (t["name"], props.get("WORKING_DIRECTORY", "."), cmd[0]))
' "$src")
if [ ${#suites[@]} -eq 0 ]; then
  echo "no Check suites found in $dir"
  exit 1
fi
memcheck() { # NAME DIR EXECUTABLE -> $logs/NAME.log, $logs/NAME.status ("status microseconds")
  local start rc=0 extra=()
  start=$(usec)
  # test_alloc counts allocations with its own malloc, calloc, realloc and
  # free. By default valgrind replaces those too and the counter sees nothing
  # (its positive control fails), so keep the executable's allocator: memcheck
  # still checks that suite's memory accesses and values, but its heap blocks
  # come from glibc's allocator unseen, without leak or overrun checks.
  if grep -q ' T malloc$' <<< "$(nm --defined-only "$3")"; then
    extra=(--soname-synonyms=somalloc=nouserintercepts)
  fi
  (cd "$2" && CK_FORK=no "${vg[@]}" "${extra[@]}" "$3") > "$logs/$1.log" 2>&1 || rc=$?
  echo "$rc $(($(usec) - start))" > "$logs/$1.status"
}
start=$(usec)
for s in "${suites[@]}"; do
  IFS=$'\t' read -r name wd exe <<< "$s"
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
  memcheck "$name" "$wd" "$exe" &
done
wait
failed=0
for s in "${suites[@]}"; do
  name=${s%%$'\t'*}
  read -r rc us < "$logs/$name.status"
  case $rc in
    0) verdict=ok ;;
    99) verdict="memcheck errors or leaks" ;;
    *) verdict="exit status $rc" ;;
  esac
  printf '%-12s %6d.%d s  %s\n' "$name" $((us / 1000000)) $((us / 100000 % 10)) "$verdict"
  if [ "$rc" -ne 0 ]; then
    cat "$logs/$name.log"
    failed=1
  fi
done
us=$(($(usec) - start))
echo "valgrind: ${#suites[@]} suites in $((us / 1000000)) s (logs in $logs)"
[ "$failed" -eq 0 ] || { echo "valgrind memcheck failed"; exit 1; }

# libFuzzer smoke runs: every harness (each reader, ranking, computing fuzzed
# index definitions) for about 25 s on a copy of the committed seed corpus, in
# a clang build with ASan+UBSan; a crash, leak, timeout or broken invariant
# fails. The long run is `bash fuzz/run.sh --long 600` (fuzz/README.md).
echo "== fuzzing smoke runs =="
bash fuzz/run.sh --smoke build-test-fuzz
