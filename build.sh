#!/usr/bin/env bash
# Tracedeck's two commands on a fresh Debian 12 machine:
#   bash build.sh run    install what is missing, build, start Tracedeck (listener on 127.0.0.1:4318)
#   bash build.sh test   install what is missing, build, run the whole test suite (ctest)
# Extra arguments after `run` go to tracedeck (e.g. bash build.sh run --listen 127.0.0.1:4319).
set -euo pipefail
cd "$(dirname "$0")"

mode="${1:-}"
shift || true
case "$mode" in
run | test) ;;
*)
    echo "usage: bash build.sh run [tracedeck options] | bash build.sh test" >&2
    exit 2
    ;;
esac

# libqt6opengl6-dev: Qt6Charts' CMake config needs Qt6OpenGL's, which qt6-charts-dev does not pull in.
# qt6-translations-l10n: Qt's own strings (OK, Cancel, file dialogs) in German and French.
packages=(cmake ninja-build g++ pkg-config qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-httpserver-dev qt6-websockets-dev
    qt6-svg-dev qt6-tools-dev qt6-l10n-tools qt6-translations-l10n libsqlite3-dev nlohmann-json3-dev libprotobuf-dev
    protobuf-compiler zlib1g-dev libgraphviz-dev libdtl-dev)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# The package test builds the .deb and validates its desktop entry, AppStream metainfo and MIME types.
if [ "$mode" = test ]; then
    for p in dpkg-dev desktop-file-utils appstream shared-mime-info; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
fi
# The end-to-end test drives the OpenTelemetry JS SDK; any Node.js >= 18 with npm will do.
if [ "$mode" = test ] && ! command -v npm >/dev/null 2>&1; then
    missing+=(nodejs npm)
fi
if [ ${#missing[@]} -gt 0 ]; then
    echo "build.sh: installing ${missing[*]}" >&2
    sudo_cmd=()
    [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j "$(nproc)"

if [ "$mode" = run ]; then
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
        echo "build.sh: no display, starting headless (Ctrl+C stops it)" >&2
        exec ./build/app/tracedeck --headless "$@"
    fi
    exec ./build/app/tracedeck "$@"
fi

(cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
ctest --test-dir build --output-on-failure --timeout 600

# The same suite under AddressSanitizer + UndefinedBehaviorSanitizer (any report fails the test).
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTRACEDECK_SANITIZE=ON
cmake --build build-asan -j "$(nproc)"
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ASAN_OPTIONS=detect_leaks=1 \
    ctest --test-dir build-asan --output-on-failure --timeout 900
