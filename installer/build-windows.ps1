# Builds the Windows app image and .msi with jpackage, from the same option files as Linux and macOS.
# Run on Windows from the repository root:  powershell -ExecutionPolicy Bypass -File installer\build-windows.ps1
# Needs: a JDK 17+ (jpackage, jlink) on PATH, Maven, and WiX Toolset 3.x (candle.exe, light.exe) on PATH.
# Output: target\installer\image\Registrar\ (app image) and target\installer\Registrar-<version>.msi
param(
    [string]$Version = "",
    [string]$BuildDir = "target"
)
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")

if ($Version -eq "") {
    $Version = ([xml](Get-Content pom.xml)).project.version
}
foreach ($tool in "jpackage", "candle", "light") {
    if (-not (Get-Command $tool -ErrorAction SilentlyContinue)) {
        throw "Missing $tool on PATH (jpackage comes with the JDK; candle/light with WiX Toolset 3)"
    }
}
if (-not (Test-Path "$BuildDir\registrar.jar")) {
    mvn -B package -DskipTests
    if ($LASTEXITCODE -ne 0) { throw "mvn package failed" }
}

$out = "$BuildDir\installer"
$inputDir = "$out\input"
if (Test-Path $out) { Remove-Item -Recurse -Force $out }
New-Item -ItemType Directory -Force "$inputDir\lib" | Out-Null
Copy-Item "$BuildDir\registrar.jar" $inputDir
Copy-Item "$BuildDir\registrar-bench.jar" $inputDir
Copy-Item "$BuildDir\lib\*.jar" "$inputDir\lib"
# embedded-postgres brings PostgreSQL for every OS; this package needs only Windows x86-64
Get-ChildItem "$inputDir\lib\embedded-postgres-binaries-*.jar" |
    Where-Object { $_.Name -notlike "embedded-postgres-binaries-windows-amd64-*" } |
    Remove-Item
# target\lib holds the JavaFX jars of the OS Maven ran on (classifier win): build on Windows, not across

jpackage "@installer/common.args" "@installer/app-image.args" "@installer/windows-image.args" `
    --type app-image --input $inputDir --dest "$out\image" --app-version $Version
if ($LASTEXITCODE -ne 0) { throw "jpackage app-image failed" }
jpackage "@installer/common.args" "@installer/windows-package.args" `
    --app-image "$out\image\Registrar" --dest $out --app-version $Version
if ($LASTEXITCODE -ne 0) { throw "jpackage msi failed" }

Get-ChildItem "$out\*.msi" | ForEach-Object { "Package: $($_.FullName) ($([math]::Round($_.Length / 1MB)) MB)" }
