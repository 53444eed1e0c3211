#!/usr/bin/env bash
# Installs the Debian 12 packages the build, the wall and the tests need, and only the missing
# ones: a second run on a ready machine touches nothing and asks for no password.
set -euo pipefail

packages=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-positioning-dev qt6-websockets-dev qt6-multimedia-dev
    qt6-declarative-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libqt6sql6-sqlite libqt6sql6-psql libsqlite3-dev libzstd-dev libsimdjson-dev libgl-dev catch2
    postgresql
    libsystemd-dev qt6-svg-dev dpkg-dev
    libmosquitto-dev mosquitto
    qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
    qml6-module-qtquick-window qml6-module-qtquick-templates qml6-module-qtqml-workerscript
    fontconfig fonts-dejavu-core
    poppler-utils  # the dossier and report tests read their PDFs back with pdftotext
)

missing=()
for package in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)
    [[ "$status" == installed ]] || missing+=("$package")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "Installing ${#missing[@]} Debian package(s): ${missing[*]}" >&2
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { echo "error: not root and no sudo; install: ${missing[*]}" >&2; exit 1; }
    sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -q
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
