#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# shellcheck disable=SC2016,SC2317  # dpkg-query formats are literal; cleanup() runs from the EXIT trap
# Proves the Debian package on a fresh Debian 12: builds it with CPack (or takes a .deb), unpacks a
# pristine bookworm minbase root made by debootstrap, lets apt install the .deb there and resolve
# its dependencies, then checks what a user would: both programs on the PATH, their --version, the
# GUI drawing the bundled demo (offscreen screenshot), the CLI importing the demo, the desktop
# entry, AppStream metadata, hicolor icon and copyright at their paths (validated), and a clean
# purge. Prints one PASS/FAIL line per check and exits 1 when any failed.
#
# Not part of CTest: it needs root (chroot, mounts) and the network (the Debian mirror).
#
#   packaging/test-deb-install.sh [PATH/TO/modeldesk_*.deb]
#
# Environment:
#   MODELDESK_DEB_TEST_CACHE   where the debootstrap'd root (a tarball) and the downloaded .debs are
#                              kept between runs (default: ${XDG_CACHE_HOME:-~/.cache}/modeldesk-deb-test)
#   MODELDESK_DEB_TEST_REFRESH=1   make the root tarball again (e.g. after a point release)
#   MODELDESK_DEB_TEST_NO_RECOMMENDS=1   install with --no-install-recommends (proves Depends alone suffice)
#   MODELDESK_DEB_TEST_KEEP=1  keep the test root afterwards (its path is printed)
#   MODELDESK_DEB_TEST_MIRROR  the Debian mirror (default: the bookworm entry of /etc/apt/sources*)
#   MODELDESK_BUILD_DIR        the build to package when no .deb is given (default: build/release)
# Artefacts (the screenshot, the logs) are left in $MODELDESK_DEB_TEST_CACHE/last-run/.
set -euo pipefail

if [ "$(id -u)" -ne 0 ]; then
    exec sudo --preserve-env=MODELDESK_DEB_TEST_CACHE,MODELDESK_DEB_TEST_REFRESH,MODELDESK_DEB_TEST_NO_RECOMMENDS,MODELDESK_DEB_TEST_KEEP,MODELDESK_DEB_TEST_MIRROR,MODELDESK_BUILD_DIR,XDG_CACHE_HOME "$0" "$@"
fi

t_start=$(date +%s)
src=$(cd "$(dirname "$0")/.." && pwd)
suite=bookworm
arch=$(dpkg --print-architecture)
cache=${MODELDESK_DEB_TEST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/modeldesk-deb-test}
build=${MODELDESK_BUILD_DIR:-$src/build/release}
out=$cache/last-run
mkdir -p "$cache/apt-archives" "$out"
rm -f "$out"/*

say() { printf '== %s\n' "$*"; }
die() { printf 'test-deb-install: %s\n' "$*" >&2; exit 2; }
elapsed() { echo $(($(date +%s) - $1)); }

# ---- host tools this script needs (not build dependencies: packaging/install-deps.sh has those) --
host_tools=(debootstrap debian-archive-keyring desktop-file-utils appstream file dpkg-dev)
missing=()
for p in "${host_tools[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
    say "installing on the host: ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# ---- the package -------------------------------------------------------------------------------
version=$(sed -n 's/^project(ModelDesk VERSION \([0-9][0-9.]*\).*/\1/p' "$src/CMakeLists.txt")
[ -n "$version" ] || die "cannot read the project version from $src/CMakeLists.txt"
if [ $# -ge 1 ]; then
    deb=$(realpath "$1")
    [ -f "$deb" ] || die "no such file: $1"
else
    [ -f "$build/CMakeCache.txt" ] || die "$build is not a configured build dir (cmake --preset release)"
    say "building and packaging $build"
    t0=$(date +%s)
    cmake --build "$build" -j2 >"$out/build.log" 2>&1 || { tail -n 30 "$out/build.log"; die "build failed"; }
    rm -f "$build"/modeldesk_*.deb
    (cd "$build" && cpack -G DEB) >"$out/cpack.log" 2>&1 || { tail -n 30 "$out/cpack.log"; die "cpack failed"; }
    deb=$(ls "$build"/modeldesk_*.deb)
    echo "   $(basename "$deb") in $(elapsed "$t0") s"
fi
deb_version=$(dpkg-deb -f "$deb" Version)
deb_depends=$(dpkg-deb -f "$deb" Depends)
deb_installed_kib=$(dpkg-deb -f "$deb" Installed-Size)
deb_bytes=$(stat -c %s "$deb")

# ---- a pristine Debian 12 root, made once and kept as a tarball ---------------------------------
detect_uri() {  # detect_uri SUITE: the first URI serving SUITE in the host's apt sources
    local want=$1 f
    for f in /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] || continue
        awk -v want="$want" '
            BEGIN { RS = ""; FS = "\n" }
            {
                uris = ""; ok = 0
                for (i = 1; i <= NF; i++) {
                    if ($i ~ /^URIs:/) { uris = $i; sub(/^URIs:[ \t]*/, "", uris); split(uris, u, /[ \t]+/); uris = u[1] }
                    if ($i ~ /^Suites:/) { n = split($i, s, /[ \t]+/); for (j = 2; j <= n; j++) if (s[j] == want) ok = 1 }
                }
                if (ok && uris != "") { print uris; exit }
            }' "$f"
    done
    cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | grep -v '^#' |
        awk -v want="$want" '$1 == "deb" { sub(/\[[^]]*\][ \t]*/, ""); if ($3 == want) { print $2; exit } }'
}
mirror=${MODELDESK_DEB_TEST_MIRROR:-$(detect_uri "$suite" | head -n 1 || true)}
mirror=${mirror:-http://deb.debian.org/debian}
security=$(detect_uri "$suite-security" | head -n 1 || true)
security=${security:-http://deb.debian.org/debian-security}

tarball=$cache/debian-$suite-minbase-$arch.tar
if [ "${MODELDESK_DEB_TEST_REFRESH:-0}" = 1 ] || [ ! -s "$tarball" ]; then
    say "debootstrap --variant=minbase $suite from $mirror (once; cached in $tarball)"
    t0=$(date +%s)
    boot=$cache/debootstrap.tmp
    umount -R "$boot/proc" "$boot/sys" 2>/dev/null || true
    rm -rf --one-file-system "$boot"
    debootstrap --variant=minbase --arch="$arch" "$suite" "$boot" "$mirror" >"$out/debootstrap.log" 2>&1 ||
        { tail -n 30 "$out/debootstrap.log"; die "debootstrap failed"; }
    # What a fresh Debian 12 installation reads: the release, its updates and security updates.
    cat >"$boot/etc/apt/sources.list" <<EOF
deb $mirror $suite main
deb $mirror $suite-updates main
deb $security $suite-security main
EOF
    # The archives go to our own cache (see below), not into the tarball.
    rm -f "$boot"/var/cache/apt/archives/*.deb
    tar --numeric-owner -C "$boot" -cf "$tarball.part" . && mv "$tarball.part" "$tarball"
    rm -rf --one-file-system "$boot"
    echo "   done in $(elapsed "$t0") s"
fi

root=$(mktemp -d "$cache/root.XXXXXX")
cleanup() {
    local m
    for m in "$root/dev/pts" "$root/dev" "$root/proc"; do
        mountpoint -q "$m" 2>/dev/null && umount -l "$m"
    done
    if [ "${MODELDESK_DEB_TEST_KEEP:-0}" = 1 ]; then
        echo "test root kept: $root"
    elif ! grep -q " $root/" /proc/mounts; then
        rm -rf --one-file-system "$root"
    fi
}
trap cleanup EXIT
say "fresh root from $(basename "$tarball") (made $(date -r "$tarball" '+%F %R'))"
tar --numeric-owner -C "$root" -xpf "$tarball"
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
cp -L /etc/resolv.conf "$root/etc/resolv.conf"
# No daemons start in a chroot.
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod 755 "$root/usr/sbin/policy-rc.d"
# Downloaded packages are reused between runs (hard links; the root is fresh every time).
find "$cache/apt-archives" -maxdepth 1 -name '*.deb' -exec cp -l {} "$root/var/cache/apt/archives/" \; 2>/dev/null ||
    find "$cache/apt-archives" -maxdepth 1 -name '*.deb' -exec cp {} "$root/var/cache/apt/archives/" \;
cp "$deb" "$root/tmp/"
debname=$(basename "$deb")

in_root() {  # in_root USER COMMAND...: run COMMAND in the root as USER, with a clean login-like environment
    local user=$1 home=/root
    shift
    [ "$user" = root ] || home=/home/$user
    chroot --userspec="$user:$user" "$root" /usr/bin/env -i \
        PATH=/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games HOME="$home" USER="$user" \
        LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"
}
in_root_admin() {
    chroot "$root" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
        LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"
}

# ---- install -----------------------------------------------------------------------------------
results=()
failed=0
record() {  # record PASS|FAIL NAME [DETAIL]: DETAIL on one line, at most 200 characters
    local detail
    detail=$(printf '%s' "${3:-}" | tr '\n' ' ' | cut -c1-200)
    results+=("$(printf '%-4s  %-36s %s' "$1" "$2" "$detail")")
    [ "$1" = PASS ] || failed=1
    printf '   %s %s %s\n' "$1" "$2" "$detail"
}

say "apt-get update && apt-get install -y ./$debname"
t_install=$(date +%s)
apt_opts=()
[ "${MODELDESK_DEB_TEST_NO_RECOMMENDS:-0}" = 1 ] && apt_opts+=(--no-install-recommends)
before=$(in_root_admin dpkg-query -W -f='${Package}\n' | wc -l)
if in_root_admin apt-get update >"$out/apt-update.log" 2>&1 &&
    in_root_admin sh -c "cd /tmp && apt-get install -y ${apt_opts[*]:-} ./$debname" >"$out/apt-install.log" 2>&1; then
    after=$(in_root_admin dpkg-query -W -f='${Package}\n' | wc -l)
    record PASS "apt installs the package" "$((after - before)) packages added in $(elapsed "$t_install") s"
else
    tail -n 30 "$out/apt-update.log" "$out/apt-install.log"
    record FAIL "apt installs the package" "see $out/apt-install.log"
fi
find "$root/var/cache/apt/archives" -maxdepth 1 -name '*.deb' -exec cp -n {} "$cache/apt-archives/" \;
grep -E '^[0-9]+ upgraded' "$out/apt-install.log" | sed 's/^/   /' || true

status=$(in_root_admin dpkg-query -W -f='${Status} ${Version}' modeldesk 2>/dev/null || true)
if [ "$status" = "install ok installed $version" ]; then
    record PASS "dpkg: modeldesk $version installed"
else
    record FAIL "dpkg: modeldesk $version installed" "dpkg says: ${status:-not known}"
fi
if [ "$deb_version" = "$version" ]; then
    record PASS "package version = CMake version" "$deb_version"
else
    record FAIL "package version = CMake version" "package $deb_version, CMake $version"
fi

# ---- the programs ------------------------------------------------------------------------------
in_root_admin useradd --create-home --shell /bin/bash tester
for bin in modeldesk modeldesk-cli; do
    where=$(in_root tester sh -c "command -v $bin" || true)
    if [ "$where" = "/usr/bin/$bin" ]; then record PASS "$bin on PATH" "$where"; else record FAIL "$bin on PATH" "'$where'"; fi
    # No display and no QT_QPA_PLATFORM: --version must not need one.
    got=$(in_root tester "$bin" --version 2>&1 || true)
    if [ "$got" = "$bin $version" ]; then
        record PASS "$bin --version" "$got"
    else
        record FAIL "$bin --version" "printed '$got', expected '$bin $version'"
    fi
    notfound=$(in_root_admin ldd "/usr/bin/$bin" 2>&1 | grep 'not found' || true)
    if [ -z "$notfound" ]; then record PASS "$bin: every shared library found"; else record FAIL "$bin: every shared library found" "$notfound"; fi
done

# Plugins Qt loads at run time, out of dpkg-shlibdeps' sight: the SVG icon engine (the window's
# icons) and the image format, and the platforms a desktop and this test use.
for plugin in iconengines/libqsvgicon.so imageformats/libqsvg.so platforms/libqxcb.so platforms/libqoffscreen.so; do
    if compgen -G "$root/usr/lib/*/qt6/plugins/$plugin" >/dev/null; then
        record PASS "Qt plugin $plugin"
    else
        record FAIL "Qt plugin $plugin" "not installed by the package's dependencies"
    fi
done

# The GUI on first start (empty cache) imports the bundled demo and draws it.
png_rel=/tmp/modeldesk-screenshot.png
if in_root tester env QT_QPA_PLATFORM=offscreen timeout 120 modeldesk --screenshot "$png_rel" >"$out/screenshot.log" 2>&1; then
    rc=0
else
    rc=$?
fi
png=$root$png_rel
if [ "$rc" -eq 0 ] && [ -s "$png" ] && file -b "$png" | grep -q '^PNG image data'; then
    cp "$png" "$out/screenshot.png"
    record PASS "modeldesk --screenshot (demo)" "$(file -b "$png" | cut -d, -f2 | tr -d ' '), $(stat -c %s "$png") bytes"
else
    sed 's/^/   | /' "$out/screenshot.log" | tail -n 20
    record FAIL "modeldesk --screenshot (demo)" "exit $rc, $( [ -f "$png" ] && stat -c %s "$png" || echo no) bytes"
fi
grep -v 'XDG_RUNTIME_DIR' "$out/screenshot.log" | sed 's/^/   stderr: /' | head -n 5 || true

# The CLI, on a cache of its own: write the demo, import both of its stores, list what it holds.
cli() { in_root tester modeldesk-cli --cache /home/tester/cli-cache.sqlite "$@"; }
if cli demo --into /home/tester/demo >"$out/cli.log" 2>&1; then
    fs_uri=$(sed -n 's/^ *MLflow file store: *//p' "$out/cli.log")
    folder_uri=$(sed -n 's/^ *model folder: *//p' "$out/cli.log")
    if [ -n "$fs_uri" ] && [ -n "$folder_uri" ] && cli --quiet sync "$fs_uri" >>"$out/cli.log" 2>&1 &&
        cli --quiet sync "$folder_uri" >>"$out/cli.log" 2>&1; then
        record PASS "modeldesk-cli demo + sync" "$fs_uri, $folder_uri"
    else
        tail -n 20 "$out/cli.log"
        record FAIL "modeldesk-cli demo + sync" "see $out/cli.log"
    fi
else
    tail -n 20 "$out/cli.log"
    record FAIL "modeldesk-cli demo + sync" "demo --into failed, see $out/cli.log"
fi
rows() { cli --format csv "$@" 2>>"$out/cli.log" | tail -n +2 | grep -c . || true; }
nsources=$(rows sources)
nruns=$(rows runs --experiment car_price)
nversions=$(rows versions car_price_model)
cli sources >>"$out/cli.log" 2>&1 || true
if [ "$nsources" = 2 ] && [ "$nruns" = 4 ] && [ "$nversions" = 4 ]; then
    record PASS "modeldesk-cli sources/runs/versions" "2 sources, 4 car_price runs, 4 model versions"
else
    record FAIL "modeldesk-cli sources/runs/versions" "$nsources sources (want 2), $nruns runs (want 4), $nversions versions (want 4)"
fi

# ---- desktop integration -----------------------------------------------------------------------
app_id=io.github.modeldesk.ModelDesk
desktop=/usr/share/applications/$app_id.desktop
metainfo=/usr/share/metainfo/$app_id.metainfo.xml
icon=/usr/share/icons/hicolor/scalable/apps/$app_id.svg
copyright=/usr/share/doc/modeldesk/copyright
for f in "$desktop" "$metainfo" "$icon" "$copyright"; do
    if [ -s "$root$f" ]; then record PASS "installed $f"; else record FAIL "installed $f" "missing or empty"; fi
done
if v=$(desktop-file-validate "$root$desktop" 2>&1) && ! grep -qE 'error: |warning: ' <<<"$v"; then
    record PASS "desktop-file-validate"
else
    record FAIL "desktop-file-validate" "$(tr '\n' ' ' <<<"$v")"
fi
if v=$(appstreamcli validate --no-net --strict "$root$metainfo" 2>&1); then
    record PASS "appstreamcli validate --strict"
else
    record FAIL "appstreamcli validate --strict" "$(tr '\n' ' ' <<<"$v" | cut -c1-200)"
fi
if file -b "$root$icon" | grep -q SVG; then record PASS "icon is an SVG image"; else record FAIL "icon is an SVG image" "$(file -b "$root$icon")"; fi
icon_key=$(sed -n 's/^Icon=//p' "$root$desktop")
exec_bin=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$root$desktop")
launchable=$(sed -n 's:.*<launchable type="desktop-id">\(.*\)</launchable>.*:\1:p' "$root$metainfo")
if [ "$icon_key" = "$app_id" ] && [ "$exec_bin" = modeldesk ] && [ "$launchable" = "$app_id.desktop" ]; then
    record PASS "desktop entry/metainfo/icon agree" "Icon=$icon_key Exec=$exec_bin"
else
    record FAIL "desktop entry/metainfo/icon agree" "Icon=$icon_key Exec=$exec_bin launchable=$launchable"
fi

# ---- removal -----------------------------------------------------------------------------------
if in_root_admin apt-get purge -y modeldesk >"$out/apt-purge.log" 2>&1 &&
    [ ! -e "$root/usr/bin/modeldesk" ] && [ ! -e "$root$desktop" ] && [ ! -e "$root/usr/share/doc/modeldesk" ]; then
    record PASS "apt-get purge removes every file"
else
    record FAIL "apt-get purge removes every file" "see $out/apt-purge.log"
fi

# ---- summary -----------------------------------------------------------------------------------
trap - EXIT
cleanup
echo
echo "==================== test-deb-install: Debian 12 ($suite, $arch, minbase) ===================="
printf '%s\n' "${results[@]}"
echo "------------------------------------------------------------------------------------------------"
echo "package:        $(basename "$deb")  $((deb_bytes / 1024)) KiB ($deb_bytes bytes)"
echo "installed size: $deb_installed_kib KiB"
echo "Depends:        $deb_depends"
echo "Recommends:     $(dpkg-deb -f "$deb" Recommends)"
echo "apt install:    ${apt_opts[*]:-with Recommends}; mirror $mirror"
echo "artefacts:      $out"
echo "total time:     $(elapsed "$t_start") s"
if [ "$failed" -eq 0 ]; then
    echo "RESULT: PASS (${#results[@]} checks)"
else
    echo "RESULT: FAIL ($(printf '%s\n' "${results[@]}" | grep -c '^FAIL') of ${#results[@]} checks failed)"
fi
exit "$failed"
