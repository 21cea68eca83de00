#!/usr/bin/env bash
# Run every libegdi benchmark and print its tables (see bench/README.md and
# docs/PERFORMANCE.md).
#
#   bash bench/run.sh [BUILD_DIR] [--quick] [--only a|b|c]
#
# BUILD_DIR (default: build-bench in the repository) is configured as a
# Release build if it has no CMakeCache.txt yet; the tool, the Python module
# and the benchmark programs are (re)built in it either way. --quick runs
# small sizes and few repetitions, to check that everything works (its numbers
# mean little). --only runs one part: a = pipeline, b = replications,
# c = threads. PYTHON=... picks the interpreter (default: /usr/bin/python3 if
# it has numpy and pandas, else python3). Generated data goes to a temporary
# directory that is removed at exit.
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
BUILD="" QUICK="" ONLY="abc"
while [ $# -gt 0 ]; do
  case $1 in
    --quick) QUICK=--quick ;;
    --only) ONLY=${2:?--only takes a, b or c}; shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    *) BUILD=$1 ;;
  esac
  shift
done
BUILD=$(mkdir -p "${BUILD:-$REPO/build-bench}" && cd "${BUILD:-$REPO/build-bench}" && pwd)

PY=${PYTHON:-}
if [ -z "$PY" ]; then
  for c in /usr/bin/python3 python3; do
    if "$c" -c 'import numpy, pandas' 2>/dev/null; then PY=$c; break; fi
  done
fi
if [ -z "$PY" ] || ! "$PY" -c 'import numpy, pandas' 2>/dev/null; then
  echo "run.sh: need a Python 3 with numpy and pandas (set PYTHON=...)" >&2
  exit 2
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/egdi-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# ---- build
if [ ! -f "$BUILD/CMakeCache.txt" ]; then
  echo "configuring $BUILD (Release)"
  cmake -S "$REPO" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DPython3_EXECUTABLE="$PY" \
    >"$WORK/configure.log" 2>&1 || { cat "$WORK/configure.log"; exit 1; }
fi
cache() { sed -n "s/^$1:[A-Z]*=//p" "$BUILD/CMakeCache.txt"; }
case $(cache CMAKE_BUILD_TYPE) in
  Release|RelWithDebInfo) ;;
  *) echo "run.sh: warning: $BUILD is a '$(cache CMAKE_BUILD_TYPE)' build; use Release" >&2 ;;
esac
if [ "$(cache EGDI_SANITIZE)" = ON ] || [ "$(cache EGDI_TSAN)" = ON ]; then
  echo "run.sh: warning: $BUILD is built with sanitizers; timings are meaningless" >&2
fi
targets=(egdi_tool bench_pipeline bench_replications bench_threads)
echo "building ${targets[*]} in $BUILD"
cmake --build "$BUILD" -j"$(nproc)" --target "${targets[@]}" >"$WORK/build.log" 2>&1 \
  || { tail -40 "$WORK/build.log"; exit 1; }
NO_PY=--no-python
if [ -d "$BUILD/bindings/python" ]; then
  if cmake --build "$BUILD" -j"$(nproc)" --target egdi_python >"$WORK/build-py.log" 2>&1; then
    NO_PY=""
  else
    tail -20 "$WORK/build-py.log"
    echo "run.sh: warning: the Python module did not build; egdi.compute is not measured" >&2
  fi
fi

# ---- machine
echo
echo "== machine =="
echo "cpu:     $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) logical CPUs"
echo "kernel:  $(uname -sr)"
echo "gcc:     $(gcc --version | head -1)"
echo "python:  $("$PY" -c 'import sys, numpy, pandas; print(sys.version.split()[0], "numpy",
  numpy.__version__, "pandas", pandas.__version__)')"
echo "tree:    $(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo '?')$(
  git -C "$REPO" diff --quiet HEAD -- lib include tools bindings 2>/dev/null \
  || echo ' + uncommitted changes in lib/include/tools/bindings')"
echo "build:   $(cache CMAKE_BUILD_TYPE), $(cache CMAKE_C_COMPILER)"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) at start"
echo "command: bash bench/run.sh $BUILD${QUICK:+ $QUICK}"

if [[ $ONLY == *b* ]]; then
  echo
  echo "== (b) weight-only replications: libegdi vs numpy =="
  "$PY" "$REPO/bench/replications.py" "$BUILD" "$WORK" $QUICK
fi
if [[ $ONLY == *c* ]]; then
  echo
  echo "== (c) N threads with N contexts on one plan vs one thread =="
  if [ -n "$QUICK" ]; then
    "$BUILD/bench/bench_threads" --reps 2000 --repeat 2 --threads 1,2,4
  else
    "$BUILD/bench/bench_threads" --reps 30000 --repeat 7 --threads 1,2,4
  fi
fi
if [[ $ONLY == *a* ]]; then
  echo
  echo "== (a) pipeline: egdi compute, C API, egdi.compute vs pandas+numpy =="
  "$PY" "$REPO/bench/pipeline.py" "$BUILD" "$WORK" $QUICK $NO_PY
fi
echo
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) at the end"
