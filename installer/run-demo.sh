#!/usr/bin/env bash
# Installs what is missing, builds, and opens the workbench on the bundled demo data. With no
# display it says so and runs the same demo through the command line (awb demo) instead.
#   BUILD_DIR   build directory (default: build/ in the checkout)
#   DEMO_OUT    where the command-line demo writes its case database (default: ./awb-demo)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${BUILD_DIR:-$root/build}"

"$root/installer/install-deps.sh"
cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-Debug}"
cmake --build "$build_dir" -j "$(nproc)" --target awb abuse-workbench

export AWB_DATA_DIR="$root/resources"
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  echo "run-demo: opening the workbench on the demo data"
  exec "$build_dir/bin/abuse-workbench" --demo
fi

out="${DEMO_OUT:-$PWD/awb-demo}"
echo "run-demo: no display (DISPLAY and WAYLAND_DISPLAY are unset), so the window cannot open."
echo "run-demo: running the same demo through the command line: awb demo --out $out"
echo "run-demo: (to see the window without a display: xvfb-run -a $0)"
echo
exec "$build_dir/bin/awb" demo --out "$out"
