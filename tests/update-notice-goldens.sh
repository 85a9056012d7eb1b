#!/usr/bin/env bash
# Regenerates the notice golden files (tests/data/notices: every notice type as text, HTML and
# .eml) from a build of the current tree, by running the notice tests with AWB_UPDATE_GOLDENS=1.
# Review the diff before committing it: a change here is a change customers and reporters read.
#   BUILD_DIR   the build directory (default: build/ in the checkout)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${BUILD_DIR:-$root/build}"
cmake --build "$build_dir" --target tst_notice_composer tst_notice_eml
for test in tst_notice_composer tst_notice_eml; do
  AWB_UPDATE_GOLDENS=1 QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8 "$build_dir/tests/$test" >/dev/null
done
# A second run without the variable proves that what was written is what the tests compare.
for test in tst_notice_composer tst_notice_eml; do
  QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8 "$build_dir/tests/$test" >/dev/null
done
echo "updated tests/data/notices"
