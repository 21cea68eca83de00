#!/usr/bin/env bash
# Install libegdi into a temporary prefix, then build examples/rank_edition.c
# against the installed copy twice: with pkg-config and with find_package(egdi
# CONFIG). Both must compute the same 2024 ranking as the build tree's example.
set -euo pipefail
src=$1 build=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmake --install "$build" --prefix "$tmp/prefix" > "$tmp/install.log"
libdir=$(ls -d "$tmp"/prefix/lib*/ | head -n 1)
export PKG_CONFIG_PATH="$libdir/pkgconfig"
export LD_LIBRARY_PATH="$libdir"
data="$src/data/un-egov/EGOV_DATA_2024.csv"

# 1. pkg-config
pkg-config --exists egdi
test "$(pkg-config --modversion egdi)" = "$(grep -m1 -o 'project(egdi VERSION [0-9.]*' "$src/CMakeLists.txt" | cut -d' ' -f3)"
cc -std=c11 -Wall -Wextra -Werror "$src/examples/rank_edition.c" -o "$tmp/ex_pc" \
   $(pkg-config --cflags --libs egdi)
"$tmp/ex_pc" 2024 "$data" 20 > "$tmp/out_pc.txt"
# the experimental plan/eval interface needs no feature macro
cc -std=c11 -Wall -Wextra -Werror "$src/examples/weight_sensitivity.c" -o "$tmp/ex_ws" \
   $(pkg-config --cflags --libs egdi)
"$tmp/ex_ws" "$data" Bahrain 200 | grep "^Bahrain: rank 18 with equal weights" > /dev/null

# 2. find_package(egdi CONFIG)
cmake -S "$src/examples/consumer" -B "$tmp/consumer" -DCMAKE_PREFIX_PATH="$tmp/prefix" \
      > "$tmp/consumer.log"
cmake --build "$tmp/consumer" >> "$tmp/consumer.log"
"$tmp/consumer/rank_edition" 2024 "$data" 20 > "$tmp/out_cmake.txt"

# the installed library is the one used, and both programs agree with the build tree
ldd "$tmp/ex_pc" | grep "$libdir" > /dev/null
"$build/examples/example_rank_edition" 2024 "$data" 20 > "$tmp/out_tree.txt"
cmp "$tmp/out_pc.txt" "$tmp/out_cmake.txt"
cmp "$tmp/out_pc.txt" "$tmp/out_tree.txt"
head -n 1 "$tmp/out_pc.txt" | grep "1  0.9847.  Denmark" > /dev/null
test "$(wc -l < "$tmp/out_pc.txt")" -eq 20

# only egdi_ symbols are exported
stray=$(nm -D --defined-only "$libdir"/libegdi.so | awk '$2 ~ /[TDBRVW]/ {print $3}' \
        | grep -v -E '^(egdi_|_init$|_fini$)' || true)
test -z "$stray" || { echo "exported non-egdi symbols: $stray"; exit 1; }
# the SONAME carries the major version
objdump -p "$libdir"/libegdi.so | grep 'SONAME *libegdi.so.1' > /dev/null
echo "install test: pkg-config and find_package builds agree (20 ranks)"
