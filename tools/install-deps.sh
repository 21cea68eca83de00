#!/usr/bin/env bash
# Install the Debian 12 packages libegdi needs to build and test (idempotent),
# and any further packages named on the command line (fuzz/run.sh adds clang).
set -euo pipefail
pkgs=(build-essential cmake pkg-config libgsl-dev libglpk-dev check libsubunit-dev swig python3
      python3-dev python3-numpy python3-pandas python3-pytest python3-matplotlib binutils
      jupyter-nbconvert python3-ipykernel python3-nbformat python3-nbclient
      valgrind abigail-tools "$@")
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "installing: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" < /dev/null
fi
