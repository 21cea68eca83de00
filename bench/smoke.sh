#!/usr/bin/env bash
# ctest bench_smoke: the benchmark programs run and produce what the drivers
# parse, on tiny sizes. Nothing is timed or compared against a threshold.
#   bash bench/smoke.sh BUILD_BENCH_DIR
set -euo pipefail
B=${1:?usage: smoke.sh BUILD_BENCH_DIR}
T=$(mktemp -d "${TMPDIR:-/tmp}/egdi-bench-smoke.XXXXXX")
trap 'rm -rf "$T"' EXIT

out=$("$B/bench_replications" --reps 50 --repeat 2 --dump "$T" --dump-count 3)
grep -q '^median_reps_per_s=[0-9.]* ' <<<"$out"
[ "$(wc -l <"$T/weights.csv")" -eq 4 ] && [ "$(wc -l <"$T/ranks.csv")" -eq 3 ]
[ "$(wc -l <"$T/data.csv")" -eq 194 ]
# every dumped ranking is a competition ranking of 193 units: rank 1 is present
awk -F, '{ one = 0; for (i = 1; i <= NF; i++) if ($i == 1) one = 1; if (NF != 193 || !one) exit 1 }' \
  "$T/ranks.csv"

out=$("$B/bench_threads" --reps 20 --repeat 1 --threads 1,2)
grep -q '^| 2 | [0-9]* | [0-9]* | [0-9.]*x | [0-9]* | [0-9.]* |$' <<<"$out"

{
  echo "code,name,osi,tii,hci,epi"
  echo "A,Alpha,0.9,0.8,0.95,0.5"
  echo "B,Beta,0.2,0.1,0.3,0.4"
  echo "C,Gamma,0.6,0.7,0.5,0.3"
  echo "D,Delta,0.2,0.1,0.3,0.2"
} >"$T/in.csv"
out=$("$B/bench_pipeline" "$T/in.csv" "$T/out.csv")
grep -q '^read=[0-9.]* compute=[0-9.]* sort=[0-9.]* write=[0-9.]* total=[0-9.]* units=4$' <<<"$out"
[ "$(sed -n 1p "$T/out.csv")" = \
  "code,name,osi,tii,hci,egdi,epi,rank,group,rating_class,osi_rank,tii_rank,hci_rank,epi_rank" ]
# rank order, ties (B, D) in input order
[ "$(cut -d, -f1,8 "$T/out.csv" | tail -n +2 | tr '\n' ' ')" = "A,1 C,2 B,3 D,3 " ]
echo "bench smoke: ok"
