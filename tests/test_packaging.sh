#!/usr/bin/env bash
# Builds the .deb from the build tree and checks it as a distribution would: its contents, its
# dependencies, the desktop entry (desktop-file-validate), the AppStream metainfo (appstreamcli), the MIME
# types (update-mime-database). As root under CI it also installs the package with apt, runs the installed
# binary and removes the package again, checking that nothing of it is left.
# usage: test_packaging.sh BUILD_DIR
set -euo pipefail
build="$(cd "$1" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }

(cd "$work" && cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) ||
    { cat "$work/cpack.log" >&2; fail "cpack could not build the package"; }
debs=("$work"/out/tracedeck_*.deb)
[ -f "${debs[0]}" ] || fail "no tracedeck_*.deb written"
deb="${debs[0]}"
echo "package: $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB)"

contents="$(dpkg-deb -c "$deb")"
for path in ./usr/bin/tracedeck \
    ./usr/share/applications/org.tracedeck.Tracedeck.desktop \
    ./usr/share/metainfo/org.tracedeck.Tracedeck.metainfo.xml \
    ./usr/share/mime/packages/tracedeck.xml \
    ./usr/share/icons/hicolor/scalable/apps/tracedeck.svg \
    ./usr/share/icons/hicolor/48x48/apps/tracedeck.png \
    ./usr/share/icons/hicolor/256x256/apps/tracedeck.png \
    ./usr/share/man/man1/tracedeck.1.gz; do
    grep -q " $path\$" <<<"$contents" || fail "package lacks $path"
done
if grep -q "\./usr/lib\|\.a\$\|/include/" <<<"$contents"; then fail "package ships libraries or headers"; fi

depends="$(dpkg-deb -f "$deb" Depends)"
for lib in libqt6core6 libqt6widgets6 libqt6httpserver6 libsqlite3-0 libprotobuf32 libqt6svg6; do
    grep -q "$lib" <<<"$depends" || fail "Depends lacks $lib: $depends"
done

root="$work/root"
dpkg-deb -x "$deb" "$root"
desktop-file-validate "$root/usr/share/applications/org.tracedeck.Tracedeck.desktop" ||
    fail "desktop-file-validate"
appstreamcli validate --no-net "$root/usr/share/metainfo/org.tracedeck.Tracedeck.metainfo.xml" ||
    fail "appstreamcli validate"
mkdir -p "$work/mime/packages"
cp "$root/usr/share/mime/packages/tracedeck.xml" "$work/mime/packages/"
update-mime-database "$work/mime" || fail "update-mime-database"
[ -f "$work/mime/application/vnd.tracedeck.otlp+json.xml" ] || fail "MIME type not registered"
grep -q "vnd.tracedeck.otlp+json" "$work/mime/globs2" || fail "MIME globs not registered"
"$root/usr/bin/tracedeck" --version | grep -q "^tracedeck " || fail "packaged binary does not run"
zcat "$root/usr/share/man/man1/tracedeck.1.gz" | grep -q "^.SH SYNOPSIS" || fail "man page"

if [ "$(id -u)" = 0 ] && [ -n "${CI:-}" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >"$work/apt.log" 2>&1 ||
        { cat "$work/apt.log" >&2; fail "apt-get install of the package"; }
    /usr/bin/tracedeck --version | grep -q "^tracedeck " || fail "installed binary does not run"
    [ -f /usr/share/applications/org.tracedeck.Tracedeck.desktop ] || fail "desktop entry not installed"
    DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq tracedeck >>"$work/apt.log" 2>&1 ||
        { cat "$work/apt.log" >&2; fail "apt-get remove"; }
    for path in /usr/bin/tracedeck /usr/share/applications/org.tracedeck.Tracedeck.desktop \
        /usr/share/man/man1/tracedeck.1.gz /usr/share/icons/hicolor/scalable/apps/tracedeck.svg; do
        [ ! -e "$path" ] || fail "$path left after removal"
    done
    echo "installed with apt, ran, removed cleanly"
fi
echo "1 passed, 0 failed"
