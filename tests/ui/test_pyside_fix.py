from __future__ import annotations

import subprocess
import sys
import textwrap


def test_many_void_qt_calls_do_not_kill_the_process() -> None:
    """Thousands of void calls (a few repaints' worth) must not abort at exit."""
    code = textwrap.dedent(
        """
        from reportdesk.ui.pyside_fix import make_none_immortal
        make_none_immortal()
        from PySide6.QtGui import QImage, QPainter
        img = QImage(4, 4, QImage.Format.Format_ARGB32)
        p = QPainter(img)
        for _ in range(20000):
            p.save(); p.restore()
        p.end()
        print("ok")
        """
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr[-500:]
    assert r.stdout.strip() == "ok"
