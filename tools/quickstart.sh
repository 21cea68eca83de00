#!/usr/bin/env bash
# README command 1: install dependencies, build, install libegdi and the egdi
# tool under /usr/local, and print the 2024 EGDI ranking computed by libegdi
# from the bundled UN Data Center export.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DPython3_EXECUTABLE=/usr/bin/python3
cmake --build build -j"$(nproc)"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO cmake --install build
$SUDO ldconfig
echo
echo "== EGDI 2024, computed by libegdi from data/un-egov/EGOV_DATA_2024.csv =="
egdi compute --edition 2024 data/un-egov/EGOV_DATA_2024.csv
