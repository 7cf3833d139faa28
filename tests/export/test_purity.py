"""The export layer never imports Qt (it runs from the command line and in worker threads)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_export_imports_no_qt() -> None:
    code = (
        "import sys, pkgutil, importlib, reportdesk.export as e\n"
        "for m in pkgutil.iter_modules(e.__path__): importlib.import_module('reportdesk.export.' + m.name)\n"
        "bad = [n for n in sys.modules if n.startswith(('PySide6', 'PyQt', 'shiboken'))]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert out.stdout.strip() == ""
