"""Start-up imports (issue 12): the window's process imports the engine's types, not its
comparing; the engine process imports all of it before its first job."""

from __future__ import annotations

import os
import subprocess
import sys

from reportdesk.app.engine_process import EngineProcess

COMPARING = ("numpy", "jieba", "reportdesk.engine.align", "reportdesk.engine.comparison.pipeline",
             "reportdesk.engine.session.live", "reportdesk.engine.targets.extract", "reportdesk.engine.load.loader",
             "reportdesk.engine.comparison.clutter")


def loaded(names: tuple[str, ...]) -> list[str]:
    """Which of ``names`` this process has imported (sent to the engine process by reference)."""
    return [n for n in names if n in sys.modules]


def test_the_window_module_imports_none_of_the_comparing():
    code = ("import sys\nfrom reportdesk.gui import guard_none_refcount\nguard_none_refcount()\n"
            "from reportdesk.ui.main_window import MainWindow\n"
            f"print(sorted(m for m in {COMPARING!r} if m in sys.modules))")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120, env=env)
    assert r.stdout.strip().splitlines()[-1] == "[]"


def test_the_engine_process_has_imported_all_of_it_before_its_first_job():
    e = EngineProcess()
    try:
        # jieba's dictionary is loaded later (gui.warm_up); numpy where a stage needs it
        assert e.call(loaded, COMPARING[2:], timeout=120) == list(COMPARING[2:])
    finally:
        e.close()
