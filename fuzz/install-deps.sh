#!/usr/bin/env bash
# Install the Debian 12 packages the libFuzzer harnesses need (idempotent):
# clang 14 with its libFuzzer/ASan/UBSan runtimes (libclang-rt-14-dev) and
# what the library itself needs to build. Called by fuzz/run.sh.
set -euo pipefail
pkgs=(clang libclang-rt-14-dev llvm-14 build-essential cmake pkg-config libgsl-dev)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "installing: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" < /dev/null
fi
