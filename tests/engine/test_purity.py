"""The engine is pure Python: no Qt, no python-docx (checked in a clean interpreter)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ENGINE = Path(__file__).resolve().parents[2] / "reportdesk" / "engine"


def test_engine_imports_no_qt_and_no_docx():
    mods = sorted(p.stem for p in ENGINE.glob("*.py") if p.stem != "__init__")
    code = (
        "import sys, importlib\n"
        f"for m in {mods!r}: importlib.import_module('reportdesk.engine.' + m)\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'docx', 'shiboken6')]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_cli_imports_no_qt():
    code = "import sys, reportdesk.cli; print([m for m in sys.modules if m.startswith('PySide6')])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
