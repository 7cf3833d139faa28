"""What the window's GUI thread would import on first use is imported ahead (issue 12).

The engine's face imports on first use; ``gui.warm_up`` imports what showing a comparison
needs (``gui.SHOW_NEEDS``) in a background thread, so that no such import (30-90 ms) runs on
the GUI thread when a comparison arrives or a panel first paints."""
# ruff: noqa: F811 - pytest fixtures are imported from main_window_support

from __future__ import annotations

import ast
from pathlib import Path
from types import SimpleNamespace

from reportdesk import gui
from tests.ui.main_window_support import boxes, window  # noqa: F401 - fixtures

UI = Path(gui.__file__).resolve().parent / "ui"
# Imported on first use by the GUI thread, on purpose not ahead: a user's action, after a dialog.
LEFT_TO_FIRST_USE = {"comparison_to_dict"}  # File ▸ Export JSON, after the save dialog


def test_restoring_a_draft_at_start_warms_up_too(window, monkeypatch):
    """``_start`` returned before ``warm_up`` when a recovered draft was restored: the clutter
    notice's imports (55-90 ms) then ran on the GUI thread when its comparison arrived."""
    from reportdesk.app import autosave
    from reportdesk.ui.dialogs import prompts

    restored, warmed = [], []
    rec = SimpleNamespace(snapshot=SimpleNamespace(saved_at=0.0))
    monkeypatch.setattr(autosave, "find_recoveries", lambda _folder: [rec])
    monkeypatch.setattr(prompts, "ask_restore", lambda *_a: True)
    monkeypatch.setattr(window.files, "restore", restored.append)
    monkeypatch.setattr(gui, "warm_up", warmed.append)
    gui._start(window, [])
    assert restored == [rec] and warmed == [window]


def _imported_in_functions(path: Path) -> set[str]:
    """Names a module imports from the engine's face inside its functions (on first use)."""
    out = set()
    for fn in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
            for node in ast.walk(fn):
                if isinstance(node, ast.ImportFrom) and node.module == "reportdesk.engine":
                    out |= {a.name for a in node.names}
    return out


def test_the_names_the_widgets_import_on_first_use_are_imported_ahead():
    """e.g. the targets table's ``stated`` (~30 ms), at the first look at that tab."""
    named = set().union(*(_imported_in_functions(p) for p in UI.rglob("*.py")))
    assert "clutter_notice" in named  # the scan sees them
    assert sorted(named - set(gui.SHOW_NEEDS) - LEFT_TO_FIRST_USE) == []
