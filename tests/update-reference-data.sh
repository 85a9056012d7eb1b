#!/usr/bin/env bash
# Regenerates the reference files that tests compare generated output with, from a build of the
# current tree. Review the diff before committing it: a change here is a change users see.
#   BUILD_DIR   the build directory (default: build/ in the checkout)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${BUILD_DIR:-$root/build}"
cmake --build "$build_dir" --target awb
"$build_dir/bin/awb" checks --markdown > "$root/resources/doc/checks.md"
echo "updated resources/doc/checks.md"
