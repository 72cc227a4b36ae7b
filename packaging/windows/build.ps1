# Build the Windows bundle and installer, then smoke-test the bundle. Run from any folder:
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
#
# Needs: Python 3.11 (x64) as `python` (or set $env:PYTHON), Inno Setup 6 (iscc.exe on PATH or
# in its default folder). Output: dist\ombud-desktop\ (the bundle) and
# dist\ombud-desktop-VERSION-setup.exe (the installer). Same steps as packaging/build_linux.sh.
$ErrorActionPreference = "Stop"
$Root = (Resolve-Path "$PSScriptRoot\..\..").Path
Set-Location $Root
$Python = if ($env:PYTHON) { $env:PYTHON } else { "python" }
$PyInstallerVersion = if ($env:PYINSTALLER_VERSION) { $env:PYINSTALLER_VERSION } else { "6.22.3" }
$Venv = "$Root\build\bundle-venv"
$Py = "$Venv\Scripts\python.exe"

function Run($exe, [string[]]$arguments) {
    & $exe @arguments
    if ($LASTEXITCODE -ne 0) { throw "$exe $arguments failed with exit code $LASTEXITCODE" }
}

Write-Host "==> Build venv"
if (-not (Test-Path "$Venv\Scripts\pyinstaller.exe")) {
    Run $Python @("-m", "venv", $Venv)
    Run $Py @("-m", "pip", "install", "--upgrade", "pip")
    Run $Py @("-m", "pip", "install", "pyinstaller==$PyInstallerVersion")
}
Run $Py @("-m", "pip", "install", "--force-reinstall", "--no-deps", $Root)
Run $Py @("-m", "pip", "install", $Root)
$Version = (& $Py -c "from importlib.metadata import version; print(version('ombud-desktop'))").Trim()

Write-Host "==> Icons and translations"
$env:QT_QPA_PLATFORM = "offscreen"
Remove-Item -Recurse -Force "$Root\build\icons", "$Root\build\qm" -ErrorAction SilentlyContinue
Run $Py @("packaging\make_icons.py", "build\icons")
Run $Py @("packaging\compile_translations.py", "build\qm")

Write-Host "==> PyInstaller"
Remove-Item -Recurse -Force "$Root\dist\ombud-desktop" -ErrorAction SilentlyContinue
Run "$Venv\Scripts\pyinstaller.exe" @("--noconfirm", "--clean", "--log-level", "WARN",
    "--workpath", "build\pyinstaller", "--distpath", "dist", "packaging\ombud-desktop.spec")
Set-Content -Path "dist\ombud-desktop\VERSION" -Value $Version

Write-Host "==> Smoke test of the bundle"
$Scratch = Join-Path ([System.IO.Path]::GetTempPath()) ("ombud-smoke-" + [guid]::NewGuid())
New-Item -ItemType Directory -Path $Scratch | Out-Null
$Bundle = "$Root\dist\ombud-desktop"
$out = (& "$Bundle\ombud.exe" --version) -join " "
if ($LASTEXITCODE -ne 0 -or $out -notlike "*$Version*") { throw "ombud --version: $out" }
Write-Host "ok   ombud --version: $out"
Run "$Bundle\ombud.exe" @("--workspace", "$Scratch\ws", "demo", "--entities", "2", "--quiet")
Write-Host "ok   ombud demo"
Run "$Bundle\ombud.exe" @("--workspace", "$Scratch\ws", "score", "--json") | Out-Null
Write-Host "ok   ombud score"
# The GUI has no console: its exit code is the check (0 = window shown, workspace open, quit).
$gui = Start-Process -FilePath "$Bundle\ombud-desktop.exe" -PassThru -Wait -ArgumentList @(
    "--workspace", "`"$Scratch\ws`"", "--settings", "`"$Scratch\ui.ini`"", "--quit-after", "1500")
if ($gui.ExitCode -ne 0) { throw "GUI exited with $($gui.ExitCode)" }
Write-Host "ok   GUI started and quit"
Remove-Item -Recurse -Force $Scratch -ErrorAction SilentlyContinue

Write-Host "==> Installer (Inno Setup 6)"
$Iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $Iscc) { $Iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
if (-not (Test-Path $Iscc)) { throw "Inno Setup 6 not found: install it (choco install innosetup)" }
Run $Iscc @("/Qp", "/DAppVersion=$Version", "packaging\windows\ombud-desktop.iss")
$size = [math]::Round((Get-Item "dist\ombud-desktop-$Version-setup.exe").Length / 1MB, 1)
Write-Host "installer: dist\ombud-desktop-$Version-setup.exe ($size MB)"
