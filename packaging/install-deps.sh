#!/usr/bin/env bash
# Installs every Debian 12 package that building, testing and running ModelDesk needs.
# Idempotent: safe to run again. Must run as root (or through sudo).
set -euo pipefail

packages=(
    # toolchain
    cmake ninja-build ccache g++ dpkg-dev file pkg-config
    # Qt 6 and friends
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev
    libqt6svg6 qt6-translations-l10n qt6-qpa-plugins
    libqcustomplot-dev
    qtkeychain-qt6-dev
    # storage and parsing
    libsqlite3-dev sqlite3 nlohmann-json3-dev libyaml-cpp-dev
    # tests: headless display, the MLflow-compatible test server, its TLS certificates
    # (openssl CLI), packaging checks
    xvfb xauth python3 openssl desktop-file-utils appstream
    # fonts so that screenshots show text
    fonts-dejavu-core fonts-noto-cjk fonts-noto-color-emoji
)

if [ "$(id -u)" -ne 0 ]; then
    exec sudo "$0" "$@"
fi

export DEBIAN_FRONTEND=noninteractive
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ "${#missing[@]}" -eq 0 ]; then
    echo "install-deps: all ${#packages[@]} packages already installed"
    exit 0
fi
echo "install-deps: installing ${missing[*]}"
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
