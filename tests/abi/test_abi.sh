#!/usr/bin/env bash
# The ABI of the freshly built libegdi.so.1 against the recorded one,
# abi/libegdi.so.1.abi (see "How the ABI is checked" in docs/STABILITY.md).
# Any removed or changed stable function, type, enum value or struct layout
# fails. Allowed, as by the policy: added functions and enum values, members
# appended to a versioned struct, and any change to the experimental plan/eval
# interface (abi/suppressions.abignore).
# Usage: test_abi.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
src=$1 build=$2
recorded=$src/abi/libegdi.so.1.abi
supp=$src/abi/suppressions.abignore
xml=$src/tests/abi/abi_xml.py
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

lib=$(readlink -f "$build/lib/libegdi.so.1" || true)
if [ ! -f "$lib" ]; then
  echo "FAIL: $build/lib/libegdi.so.1 not found"
  exit 1
fi
if ! grep -q '\.debug_info' <<< "$(readelf -S "$lib")"; then
  echo "SKIP: $lib has no debug information (build with RelWithDebInfo or Debug)"
  exit 77
fi
bash "$src/tools/abi-record.sh" -o "$tmp/fresh.abi" "$build"

# compare ABIXML REPORT: set $status to abidiff's exit status for the recorded
# ABI against ABIXML, whose versioned structs are first cut back to their
# recorded members (so members appended at the end are not compared).
# With --no-added-syms, added functions set no bit, and abidiff files added
# enum values as harmless, so every non-zero status is a failure: bit 1 an
# error, bit 4 an ABI change (a changed parameter type or struct member sets
# only this bit in abigail 2.2), bit 8 an incompatible change (a removed
# symbol: 12).
compare() {
  python3 "$xml" prefix "$recorded" "$1" "$1.cut" > "$2"
  status=0
  abidiff --no-added-syms --suppressions "$supp" "$recorded" "$1.cut" >> "$2" 2>&1 || status=$?
}

compare "$tmp/fresh.abi" "$tmp/report.txt"
cat "$tmp/report.txt"
echo "abidiff exit status $status"
if [ "$status" -ne 0 ]; then
  echo "FAIL: abidiff exit status $status: the stable ABI changed (report above)."
  echo "Only a new major version may do that; see docs/STABILITY.md."
  exit 1
fi

# Controls: the same comparison must fail for a broken copy of the fresh ABI
# and pass for a copy extended as the policy allows.
for control in remove-function:12 reorder-member:4 append-member:0 remove-experimental:0; do
  kind=${control%:*} want=${control#*:}
  python3 "$xml" mutate "$kind" "$tmp/fresh.abi" "$tmp/$kind.abi"
  compare "$tmp/$kind.abi" "$tmp/$kind.txt"
  echo "control $kind: abidiff exit status $status (expected $want)"
  if [ "$status" -ne "$want" ]; then
    cat "$tmp/$kind.txt"
    echo "FAIL: control $kind"
    exit 1
  fi
done
echo "abi test: no change to the stable ABI of $(basename "$lib")"
