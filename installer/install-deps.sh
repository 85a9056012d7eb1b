#!/usr/bin/env bash
# Installs the Debian 12 packages Abuse Workbench needs to build, test and run its demo.
# Only what is missing is installed (dpkg -s first, then apt-get install --no-upgrade), so a
# second run does nothing. Shared by installer/run-demo.sh and tests/run-tests.sh.
set -euo pipefail

packages=(
  # build
  build-essential cmake ninja-build pkg-config dpkg-dev file
  qt6-base-dev qt6-base-dev-tools qt6-qpa-plugins libqt6opengl6-dev libxkbcommon-dev
  qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-translations-l10n qt6-pdf-dev
  libgmime-3.0-dev libsqlite3-dev libssl-dev
  # the evidence package of `awb export` as a .zip
  libzip-dev
  # looking at the program: a real window under Xvfb, screenshots, PDFs to PNG, fonts
  xvfb xauth x11-utils xdotool imagemagick poppler-utils fonts-dejavu-core fonts-noto-cjk
  # validating the .desktop file and the AppStream metadata
  desktop-file-utils appstream
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages are present"
  exit 0
fi

echo "install-deps: installing ${#missing[@]} missing packages: ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
else
  SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-upgrade --no-install-recommends "${missing[@]}"
