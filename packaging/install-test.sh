#!/usr/bin/env bash
# Builds the Debian package, checks it with lintian, installs it with apt on this machine, runs
# the installed wall headless on the demo feeds (seven virtual monitors) and saves its screens,
# checks what the package put where, and removes the package again.
#
# Usage: packaging/install-test.sh [OUTPUT-DIR] [SECONDS]     (as root, or with sudo)
# OUTPUT-DIR (default out/install-test) gets the .deb, lintian.txt, the screenshots and
# stats.json. The wall runs for SECONDS (default 20) before it takes its screenshots.
set -euo pipefail
cd "$(dirname "$0")/.."
source_dir=$PWD
out=$(realpath -m "${1:-out/install-test}")
seconds=${2:-20}

sudo_cmd=()
[[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
step() { printf '\n== %s\n' "$*"; }

step "dependencies"
scripts/install-deps.sh
if ! command -v lintian >/dev/null; then
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends lintian
fi
if dpkg-query -W -f='${db:Status-Status}' tlr-wall 2>/dev/null | grep -qx installed; then
    echo "tlr-wall is already installed here; this script installs and removes its own build" >&2
    exit 1
fi

step "build and package (CMAKE_INSTALL_PREFIX=/usr)"
if [[ -f build/build.ninja ]]; then
    cmake -S . -B build -DCMAKE_INSTALL_PREFIX=/usr >/dev/null
else
    cmake --preset release -DCMAKE_INSTALL_PREFIX=/usr >/dev/null
fi
cmake --build build --parallel "$(nproc)" --target tlr-wall tlr-feedsim tlr_icons tlr_manpages tlr_changelog
rm -f build/tlr-wall_*.deb
(cd build && cpack -G DEB >/dev/null)
deb=$(ls build/tlr-wall_*.deb)
mkdir -p "$out"
rm -f "$out"/*.deb "$out"/screen-*.png "$out"/stats.json
cp "$deb" "$out/"
deb="$out/$(basename "$deb")"
echo "package: $deb ($(du -h "$deb" | cut -f1))"
dpkg-deb --field "$deb" Package Version Architecture Depends Recommends
echo "files: $(dpkg-deb --contents "$deb" | grep -vc '/$')"

step "lintian"
# lintian exits non-zero for errors; the findings are written down either way and the script
# goes on: packaging/README.md explains each one that is left.
lintian --info --display-info --pedantic "$deb" >"$out/lintian.txt" 2>&1 || true
if [[ -s "$out/lintian.txt" ]]; then
    grep -E '^[EWIPX]: ' "$out/lintian.txt" | sort | uniq -c | sort -rn || true
else
    echo "no findings"
fi

step "install with apt"
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q "$deb" | tail -n 3
installed=yes
remove_package() {
    if [[ $installed == yes ]]; then
        step "remove"
        DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get purge -y -q tlr-wall | tail -n 2
        installed=no
        for path in /usr/bin/tlr-wall /usr/bin/tlr-feedsim /etc/xdg/tlr-wall/tlr-wall.conf \
                    /usr/lib/systemd/user/tlr-wall.service; do
            [[ ! -e $path ]] || { echo "still there after purge: $path" >&2; exit 1; }
        done
        echo "removed: no tlr-wall files left"
    fi
}
trap remove_package EXIT

step "what the package installed"
for path in /usr/bin/tlr-wall /usr/bin/tlr-feedsim /etc/xdg/tlr-wall/tlr-wall.conf \
            /usr/lib/systemd/user/tlr-wall.service /usr/lib/systemd/user/tlr-feedsim.service \
            /usr/share/applications/id.go.tangerangkota.tlr_wall.desktop \
            /usr/share/metainfo/id.go.tangerangkota.tlr_wall.metainfo.xml \
            /usr/share/icons/hicolor/scalable/apps/tlr-wall.svg \
            /usr/share/man/man1/tlr-wall.1.gz /usr/share/man/man1/tlr-feedsim.1.gz \
            /usr/share/tlr-wall/walls/laptop.json /usr/share/tlr-wall/feeds/feedsim.json; do
    [[ -e $path ]] || { echo "missing: $path" >&2; exit 1; }
done
echo "icons: $(ls /usr/share/icons/hicolor/*/apps/tlr-wall.* | wc -l) sizes"
tlr-wall --version
tlr-feedsim --version
desktop-file-validate /usr/share/applications/id.go.tangerangkota.tlr_wall.desktop && echo "desktop file: valid"
appstreamcli validate --no-net /usr/share/metainfo/id.go.tangerangkota.tlr_wall.metainfo.xml | tail -n 1
systemd-analyze verify --man=no /usr/lib/systemd/user/tlr-wall.service \
    /usr/lib/systemd/user/tlr-feedsim.service && echo "user units: verified"
man -w tlr-wall tlr-feedsim
# Every option the wall lists is in its installed manual page.
for option in $(tlr-wall --help | grep -oE '^  (-\S, )?--[a-z][a-z0-9-]*' | grep -oE -- '--[a-z0-9-]+'); do
    zcat /usr/share/man/man1/tlr-wall.1.gz | grep -qF -- "${option//-/\\-}" \
        || { echo "man tlr-wall lacks $option" >&2; exit 1; }
done
echo "man tlr-wall: every option of --help"

step "run the installed wall: --demo, 7 offscreen monitors, ${seconds} s"
# A fresh user: the wall finds its configuration and data in XDG places of its own, and
# starts the installed tlr-feedsim from /usr/bin beside it.
home=$(mktemp -d)
set +e
(cd / && env -i PATH=/usr/bin:/bin HOME="$home" LANG=C.UTF-8 \
    QT_QPA_PLATFORM="offscreen:configfile=$source_dir/tests/data/screens/screens-7.json" \
    /usr/bin/tlr-wall --demo --lang en --screenshot "$out" --quit-after "$seconds" \
    --stats "$out/stats.json") >"$out/wall.log" 2>&1
status=$?
set -e
echo "exit status $status; log: $out/wall.log ($(wc -l <"$out/wall.log") lines)"
grep -E 'first frame|saved|tlr-feedsim listening|demo database|storing to' "$out/wall.log" | head -n 5 || true
[[ $status -eq 0 ]] || { tail -n 20 "$out/wall.log" >&2; exit 1; }
ls -l "$out"/screen-*.png | awk '{print $5, $9}'
python3 - "$out/stats.json" <<'EOF'
import json, sys
stats = json.load(open(sys.argv[1]))
for feed in stats["feeds"]:
    print(f'  {feed["id"]:16} received {feed["received"]:6}  accepted {feed["accepted"]:6}  '
          f'rejected {feed["rejected"]}  {feed["state"]}')
print(f'  stored events {stats["stored_events"]}, frame p50 {stats["frame_ms_p50"]:.1f} ms, '
      f'p99 {stats["frame_ms_p99"]:.1f} ms, peak RSS {stats["peak_rss_mb"]:.0f} MB')
EOF
echo "demo database: $(ls "$home"/.local/share/tlr-wall/)"
rm -rf "$home"

remove_package
trap - EXIT
step "done: $out"
