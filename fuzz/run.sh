#!/usr/bin/env bash
# Build the libFuzzer harnesses and run every target.
#
#   bash fuzz/run.sh [--smoke | --long SECONDS] [BUILD_DIR]
#
# --smoke (default): about 25 s per target on a temporary copy of the seed
#   corpus (fuzz/corpus/ is never modified).
# --long SECONDS: SECONDS per target; the corpus grows in
#   BUILD_DIR/fuzz-corpus/<target>/ (seeded from fuzz/corpus/<target>/) and
#   is kept for the next long run.
# BUILD_DIR defaults to build-fuzz (relative to the current directory).
#
# Prints the number of executions per target and exits non-zero if any
# target crashed, leaked, timed out or ran out of memory; the inputs that did
# are copied to fuzz/crashes-found/<target>/ (not committed). Works
# unattended (CI=true, no stdin, as root on a fresh Debian 12): it installs
# what it needs with tools/install-deps.sh. See fuzz/README.md.
set -euo pipefail

usage() {
  awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$0"
  exit "${1:-2}"
}

mode=smoke
seconds=${EGDI_FUZZ_SMOKE_SECONDS:-25}
case "${1:-}" in
  --smoke) shift ;;
  --long)
    [ $# -ge 2 ] || usage 2
    mode=long
    seconds=$2
    shift 2
    ;;
  -h | --help) usage 0 ;;
  -*) echo "run.sh: unknown option '$1'" >&2; usage 2 ;;
esac
case "$seconds" in
  '' | *[!0-9]* | 0) echo "run.sh: SECONDS must be a positive whole number, not '$seconds'" >&2; exit 2 ;;
esac
[ $# -le 1 ] || usage 2
build=${1:-build-fuzz}
case "$build" in /*) ;; *) build=$PWD/$build ;; esac

cd "$(dirname "$0")/.."
src=$PWD

# clang 14 with its libFuzzer/ASan/UBSan runtimes, and llvm-symbolizer
bash tools/install-deps.sh clang libclang-rt-14-dev llvm-14 < /dev/null

# A build directory configured with another compiler cannot be switched to clang.
if [ -f "$build/CMakeCache.txt" ] &&
   ! grep -q '^CMAKE_C_COMPILER:[A-Z]*=.*clang' "$build/CMakeCache.txt"; then
  echo "run.sh: $build was configured with a compiler other than clang; remove it or pick" \
       "another BUILD_DIR" >&2
  exit 2
fi

echo "== configure and build in $build"
mkdir -p "$build"
CC=clang cmake -S "$src" -B "$build" -DEGDI_FUZZ=ON -DEGDI_BUILD_PYTHON=OFF \
  -DEGDI_BUILD_TESTS=OFF -DEGDI_BUILD_BENCH=OFF -DEGDI_BUILD_EXAMPLES=OFF \
  -DEGDI_BUILD_TOOLS=OFF > "$build/configure.log" 2>&1 || {
  cat "$build/configure.log" >&2
  exit 1
}
cmake --build "$build" -j"$(nproc)"

mapfile -t targets < "$build/fuzz/targets.txt"
work=$(mktemp -d "${TMPDIR:-/tmp}/egdi-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT

symbolizer=$(command -v llvm-symbolizer-14 || command -v llvm-symbolizer || true)
export ASAN_OPTIONS="detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1${symbolizer:+:external_symbolizer_path=$symbolizer}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${symbolizer:+:external_symbolizer_path=$symbolizer}"

echo "== $mode run: $seconds s per target (${targets[*]})"
failed=()
declare -A execs result
start=$SECONDS
for t in "${targets[@]}"; do
  dir=$work/$t
  mkdir -p "$dir/artifacts" "$dir/tmp"
  if [ "$mode" = long ]; then
    corpus=$build/fuzz-corpus/$t
    mkdir -p "$corpus"
  else
    corpus=$dir/corpus
    mkdir -p "$corpus"
  fi
  for f in "$src/fuzz/corpus/$t"/*; do
    [ -e "$corpus/${f##*/}" ] || cp "$f" "$corpus/"
  done
  log=$dir/log
  set +e
  (cd "$dir" && TMPDIR=$dir/tmp timeout --kill-after=30 $((seconds + 120)) \
    "$build/fuzz/fuzz_$t" "$corpus" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$dir/artifacts/" \
    < /dev/null > "$log" 2>&1)
  rc=$?
  set -e
  n=$(sed -n 's/^stat::number_of_executed_units: *\([0-9]*\).*/\1/p' "$log" | tail -n 1)
  execs[$t]=${n:-?}
  if [ $rc -ne 0 ] || [ -n "$(ls -A "$dir/artifacts")" ]; then
    result[$t]="FAILED (exit $rc)"
    failed+=("$t")
    mkdir -p "$src/fuzz/crashes-found/$t"
    cp "$dir/artifacts/"* "$src/fuzz/crashes-found/$t/" 2> /dev/null || true
    cp "$log" "$src/fuzz/crashes-found/$t/last-run.log"
    echo "---- $t failed (exit $rc); the end of its log:"
    grep -v '^#[0-9]' "$log" | tail -n 60
    echo "---- inputs saved in fuzz/crashes-found/$t/"
  else
    result[$t]=ok
  fi
  printf '%-10s %-18s %s executions\n' "$t" "${result[$t]}" "${execs[$t]}"
done

echo "== summary ($((SECONDS - start)) s of fuzzing)"
printf '%-10s %-18s %s\n' target result executions
for t in "${targets[@]}"; do
  printf '%-10s %-18s %s\n' "$t" "${result[$t]}" "${execs[$t]}"
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED: ${failed[*]} (reproduce: $build/fuzz/fuzz_<target> fuzz/crashes-found/<target>/<file>)"
  exit 1
fi
echo "all ${#targets[@]} targets passed"
