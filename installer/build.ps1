# Build the one-folder Windows bundle dist\Moedesekretaer\ and smoke-test it.
#
#   powershell -ExecutionPolicy Bypass -File installer\build.ps1
#
# Uses the Python on PATH (in CI: actions/setup-python 3.11) and installs the app into it with
# `pip install .` (not -e): collect_data_files finds the resources only in an installed package.
# The folder holds Moedesekretaer.exe (windowed, for the Start menu) and secretary-app.exe
# (console, the command line); installer\windows-installer.iss packs the folder.
# (ASCII only: Windows PowerShell 5.1 reads a script without BOM in the ANSI code page.)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root

function Invoke-Native([string]$What, [scriptblock]$Command) {
    & $Command
    if ($LASTEXITCODE -ne 0) { throw "$What failed (exit code $LASTEXITCODE)" }
}

function Fail([string]$Message) { throw "smoke test failed: $Message" }

Invoke-Native 'pip install' { python -m pip install --quiet --disable-pip-version-check '.[bundle]' }
# `pyinstaller`, not `python -m PyInstaller`: the latter puts the working directory first on
# sys.path, and the spec would import the source tree instead of the installed package.
Invoke-Native 'PyInstaller' {
    pyinstaller --noconfirm --clean --log-level WARN --workpath build\pyinstaller `
        --distpath dist installer\secretary_app.spec
}

$Bundle = Join-Path $Root 'dist\Moedesekretaer'
$Gui = Join-Path $Bundle 'Moedesekretaer.exe'
$Cli = Join-Path $Bundle 'secretary-app.exe'
foreach ($program in $Gui, $Cli) {
    if (-not (Test-Path $program)) { throw "PyInstaller made no $program" }
}
$size = (Get-ChildItem $Bundle -Recurse -File | Measure-Object -Property Length -Sum).Sum / 1MB
'build: {0:N0} MB in {1}' -f $size, $Bundle

# Smoke tests: the command line over a new archive, then the window for a few seconds.
$Work = Join-Path ([IO.Path]::GetTempPath()) ('moedesekretaer-smoke-' + [guid]::NewGuid())
New-Item -ItemType Directory -Path $Work | Out-Null
try {
    $Db = Join-Path $Work 'x.sqlite3'
    $id = (& $Cli --db $Db demo | Out-String).Trim()
    if ($LASTEXITCODE -ne 0 -or $id -notmatch '^\d+$') { Fail "demo printed '$id'" }
    $again = (& $Cli --db $Db demo | Out-String).Trim()
    if ($again -ne $id) { Fail "demo is not idempotent: $id, then $again" }
    $meetings = & $Cli --db $Db meetings
    if (-not ($meetings | Where-Object { $_ -match "^$id`t" })) {
        Fail "meetings does not list meeting $id"
    }
    $Json = Join-Path $Work 'meeting.json'
    Invoke-Native 'dump' { & $Cli --db $Db dump $id -o $Json }
    Invoke-Native 'load' { & $Cli --db (Join-Path $Work 'y.sqlite3') load $Json | Out-Null }
    "smoke: demo -> meeting $id; meetings, dump and load work"

    # The documents: the default Word template and the PDF writer travel in the bundle.
    $Docx = Join-Path $Work 'referat.docx'
    $Pdf = Join-Path $Work 'dagsorden.pdf'
    Invoke-Native 'export docx' { & $Cli --db $Db export $id --document minutes -o $Docx }
    Invoke-Native 'export pdf' { & $Cli --db $Db export $id --document agenda --chair -o $Pdf }
    if (-not ((Test-Path $Docx) -and (Test-Path $Pdf))) { Fail 'an exported file is missing' }
    Invoke-Native 'template check' { & $Cli template check $Docx | Out-Null }
    "smoke: minutes as .docx, the chair's agenda as .pdf, template check"

    # The windowed program must come up and stay up.
    $env:QT_QPA_PLATFORM = 'offscreen'
    $window = Start-Process -FilePath $Gui -ArgumentList @('--db', "`"$Db`"") -PassThru
    Start-Sleep -Seconds 8
    if ($window.HasExited) { Fail "the window exited with code $($window.ExitCode)" }
    Stop-Process -Id $window.Id
    $window.WaitForExit()
    'smoke: the window (offscreen) stays up'
}
finally {
    Remove-Item Env:QT_QPA_PLATFORM -ErrorAction SilentlyContinue
    Remove-Item -Recurse -Force $Work -ErrorAction SilentlyContinue
}
"build: $Bundle is ready"
