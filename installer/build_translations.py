"""Regenerate the translation files: ``.ts`` sources from the code, ``.qm`` for the app.

    python installer/build_translations.py          # lupdate + lrelease
    python installer/build_translations.py --check  # fail if a zh_CN string is untranslated

UI strings are English in ``tr()``; ``resources/i18n/reportdesk_zh_CN.ts``
holds the Simplified Chinese (edit it in Qt Linguist: ``pyside6-linguist``).
lupdate keeps existing translations and adds new strings as unfinished.
The built ``.qm`` files are committed, so running the app needs no Qt tools.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("zh_CN",)  # English is the source language
SOURCES = ("reportdesk/ui", "reportdesk/gui.py", "reportdesk/app")


def tool(name: str) -> str:
    """pyside6-<name> from the venv, else the binary inside the PySide6 package."""
    exe = Path(sys.executable).parent
    for cand in (exe / f"pyside6-{name}", exe / f"pyside6-{name}.exe", exe / "Scripts" / f"pyside6-{name}.exe"):
        if cand.exists():
            return str(cand)
    found = shutil.which(f"pyside6-{name}")
    if found:
        return found
    import PySide6

    pkg = Path(PySide6.__file__).parent
    for cand in (pkg / name, pkg / f"{name}.exe", pkg / "Qt" / "libexec" / name):
        if cand.exists():
            return str(cand)
    raise SystemExit(f"cannot find the Qt tool {name!r}; install PySide6-Essentials")


def python_sources() -> list[str]:
    files: list[str] = []
    for s in SOURCES:
        p = ROOT / s
        files += [str(f.relative_to(ROOT)) for f in sorted(p.rglob("*.py"))] if p.is_dir() else [s]
    return files


def unfinished(ts: Path) -> list[str]:
    root = ET.parse(ts).getroot()
    out = []
    for ctx in root.iter("context"):
        name = ctx.findtext("name")
        for m in ctx.iter("message"):
            tr = m.find("translation")
            if tr is not None and tr.get("type") == "unfinished":
                out.append(f"{name}: {m.findtext('source')}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 when a string lacks a translation")
    args = ap.parse_args(argv)
    I18N.mkdir(parents=True, exist_ok=True)
    sources = python_sources()
    status = 0
    for lang in LANGUAGES:
        ts = I18N / f"reportdesk_{lang}.ts"
        qm = ts.with_suffix(".qm")
        subprocess.run([tool("lupdate"), "-no-obsolete", "-locations", "none", "-target-language", lang,
                        *sources, "-ts", str(ts)], cwd=ROOT, check=True)
        subprocess.run([tool("lrelease"), str(ts), "-qm", str(qm)], cwd=ROOT, check=True)
        missing = unfinished(ts)
        if missing:
            print(f"{ts.name}: {len(missing)} untranslated", file=sys.stderr)
            for m in missing:
                print("  " + m, file=sys.stderr)
            status = 1 if args.check else status
    return status


if __name__ == "__main__":
    sys.exit(main())
