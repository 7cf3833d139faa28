#!/usr/bin/env bash
# The Windows check (CI runs it after the Linux tests): on Debian, under Wine 8 with the
# Chinese ANSI code page cp936, as on a Chinese Windows 10:
#   1. build the program and the installer (installer/build-windows.sh);
#   2. run the test subset that touches files, encodings, processes and the GUI (offscreen)
#      with the Windows Python that built the program;
#   3. install the built setup.exe silently (/S) into a fresh Wine prefix and check what it
#      put where (program, Start menu, uninstall entry, Open with);
#   4. run the installed programs: reportdesk-cli.exe compare on the bundled reports, -o into
#      a folder named with Chinese characters and spaces (python-docx must open the result),
#      and ReportDesk.exe --demo -platform offscreen --screenshot (a picture of the window);
#   5. uninstall silently: the program goes, the user's drafts stay.
# Any failure stops the check with a line saying which step failed.
#
#   bash installer/wine-check.sh [OUT]     (OUT defaults to build/windows)
# While working on one step: WINE_CHECK_SKIP="build tests" reuses the last build and skips
# the tests (CI never sets it).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$(mkdir -p "${1:-$ROOT/build/windows}" && cd "${1:-$ROOT/build/windows}" && pwd)"
. "$ROOT/installer/windows/wine.sh"
HOST_PY="${HOST_PY:-$ROOT/.venv/bin/python}"  # a Linux Python with python-docx and PySide6
t0=$SECONDS
step() { say "$* (at $((SECONDS - t0)) s)"; }

# The tests that meet Windows: paths and files (load, atomic writes, saving, autosave, locks,
# clean-up), encodings (cp936 is the ANSI code page here), child processes (engine process,
# kill harness), the command line, and the window offscreen.  Left out: the engine's
# algorithm tests (alignment, targets, gold sets, property tests), which read text already
# in memory and run the same on every OS, the corpus-wide and fuzz runs (time; the fuzz
# harness uses POSIX resource limits), and tests/test_quality.py (ruff/mypy are Linux tools).
WINE_TESTS=(
  tests/app tests/export tests/ui tests/test_cli.py
  tests/engine/test_load.py tests/engine/test_load_errors.py tests/engine/test_load_limits.py
  tests/engine/test_load_reading.py tests/engine/test_normalize.py tests/engine/test_targets_cli.py
)

skip() { case " ${WINE_CHECK_SKIP:-} " in *" $1 "*) say "skipped: $1 (WINE_CHECK_SKIP)"; return 0 ;; esac; return 1; }

step "1/5 build"
skip build || bash "$ROOT/installer/build-windows.sh" "$OUT" >"$OUT/build.out" || die "build (installer/build-windows.sh)"
SETUP="$(tail -n1 "$OUT/build.out")"
[ -f "$SETUP" ] || die "build made no setup.exe"
PY="$OUT/python/python.exe"

step "2/5 tests under Wine (cp936)"
skip tests || {
wine_init "$OUT/prefix-test"
cp="$(wine_run 120 "$PY" -c "import locale; print(locale.getpreferredencoding())" | tr -d '\r')"
[ "$cp" = cp936 ] || die "the Wine prefix's ANSI code page is '$cp', not cp936 (is the zh_CN.UTF-8 locale there?)"
rc=0
(cd "$ROOT" && wine_run 2400 "$PY" -u -m pytest -q -p no:cacheprovider -rfE "${WINE_TESTS[@]}") \
  | tee "$OUT/wine-tests.log" || rc=$?
[ "$rc" = 0 ] || die "tests under Wine (exit $rc; log: $OUT/wine-tests.log)"
timeout -k 5 60 wineserver -k >/dev/null 2>&1 || true
}

step "3/5 silent install into a fresh prefix"
wine_init "$OUT/prefix-install"
wine_run 300 "$SETUP" /S || die "setup.exe /S"
timeout -k 5 120 wineserver -w || true
USERS="$WINEPREFIX/drive_c/users"
INST="$(find "$USERS" -maxdepth 5 -type d -path '*/AppData/Local/Programs/ReportDesk' | head -n1)"
[ -n "$INST" ] || die "nothing installed under %LOCALAPPDATA%\\Programs\\ReportDesk"
HOME_W="${INST%/AppData/Local/Programs/ReportDesk}"
for f in ReportDesk.exe reportdesk-cli.exe uninstall.exe _internal/resources/samples; do
  [ -e "$INST/$f" ] || die "installed program lacks $f"
done
MENU="$HOME_W/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/报告对照台"
for f in "报告对照台.lnk" "报告对照台（示例）.lnk"; do
  [ -f "$MENU/$f" ] || die "no Start-menu entry $f"
done
[ -f "$HOME_W/Desktop/报告对照台.lnk" ] || die "no desktop icon"
UNINST='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\ReportDesk'
wine_run 60 reg query "$UNINST" /v DisplayVersion | grep -q "$(basename "$SETUP" | sed 's/ReportDesk-\(.*\)-setup.exe/\1/')" \
  || die "no uninstall entry with the version in $UNINST"
wine_run 60 reg query 'HKCU\Software\Classes\.docx\OpenWithProgids' | grep -q ReportDesk.Document \
  || die "ReportDesk is not under Open with for .docx"

step "4/5 installed programs"
CHECK="$OUT/check/审阅 稿"
rm -rf "$OUT/check" && mkdir -p "$CHECK"
SAMPLES="$INST/_internal/resources/samples"
wine_run 600 "$INST/reportdesk-cli.exe" compare "$(winpath "$SAMPLES/2024年政府工作报告.txt")" \
  "$(winpath "$SAMPLES/2025年政府工作报告.txt")" -o "$(winpath "$CHECK")\\审阅稿.docx" >"$OUT/check/cli.log" \
  || { cat "$OUT/check/cli.log" >&2; die "installed reportdesk-cli.exe compare -o"; }
"$HOST_PY" - "$CHECK/审阅稿.docx" <<'EOF' || die "the installed CLI's review document does not open with python-docx"
import sys
import docx

doc = docx.Document(sys.argv[1])
text = "\n".join(p.text for p in doc.paragraphs)
assert len(doc.paragraphs) > 100 and "政府工作报告" in text, len(doc.paragraphs)
print(f"[windows] review document: {len(doc.paragraphs)} paragraphs, {len(doc.tables)} tables")
EOF
SHOT="$OUT/check/demo.png"
wine_run 600 "$INST/ReportDesk.exe" --demo -platform offscreen --screenshot "$(winpath "$OUT/check")\\demo.png" \
  >"$OUT/check/gui.log" || { cat "$OUT/check/gui.log" >&2; die "installed ReportDesk.exe --demo --screenshot"; }
QT_QPA_PLATFORM=offscreen "$HOST_PY" - "$SHOT" <<'EOF' || die "the demo screenshot is missing or blank ($SHOT)"
import sys
from PySide6.QtGui import QGuiApplication, QImage

app = QGuiApplication([])
img = QImage(sys.argv[1])
colours = {img.pixel(x, y) for x in range(0, img.width(), 7) for y in range(0, img.height(), 7)}
assert (img.width(), img.height()) == (1400, 900) and len(colours) > 50, (img.size(), len(colours))
print(f"[windows] demo window: {img.width()}x{img.height()}, {len(colours)} colours")
EOF

step "5/5 uninstall"
DRAFTS="$HOME_W/AppData/Local/ReportDesk/ReportDesk/autosave"
mkdir -p "$DRAFTS" "$HOME_W/AppData/Local/ReportDesk/cache"
echo "草稿" >"$DRAFTS/keep-me.txt"
wine_run 300 "$INST/uninstall.exe" /S || die "uninstall.exe /S"
timeout -k 5 120 wineserver -w || true  # the uninstaller runs from a copy in %TEMP%: wait for it
[ ! -e "$INST" ] || die "uninstall left $INST"
[ ! -e "$MENU" ] || die "uninstall left the Start-menu folder"
[ ! -e "$HOME_W/Desktop/报告对照台.lnk" ] || die "uninstall left the desktop icon"
[ -f "$DRAFTS/keep-me.txt" ] || die "uninstall removed the user's drafts"
[ ! -e "$HOME_W/AppData/Local/ReportDesk/cache" ] || die "uninstall left the cache"
! wine_run 60 reg query "$UNINST" >/dev/null 2>&1 || die "uninstall left $UNINST"
timeout -k 5 60 wineserver -k >/dev/null 2>&1 || true

step "Windows check passed: $(du -h "$SETUP" | cut -f1) $(basename "$SETUP"), program $(du -sh "$OUT/dist/ReportDesk" | cut -f1)"
