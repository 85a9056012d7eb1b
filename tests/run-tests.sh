#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite with ctest (GUI tests on the
# offscreen platform). Exits non-zero on any failure.
#   BUILD_DIR   build directory (default: build/ in the checkout)
#   BUILD_TYPE  CMake build type (default: Debug: the quickest to build, with assertions on)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${BUILD_DIR:-$root/build}"
build_type="${BUILD_TYPE:-Debug}"
jobs="$(nproc)"

"$root/installer/install-deps.sh"

cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="$build_type"
cmake --build "$build_dir" -j "$jobs"

export QT_QPA_PLATFORM=offscreen
cd "$build_dir"
ctest --output-on-failure -j "$jobs" --timeout 600
