"""Start-up with a recovered draft (issue 12): the window warms up as on any other start.

The engine's face imports on first use, and ``gui.warm_up`` imports what showing a comparison
needs (the clutter notice's word diff, 55-90 ms) in a background thread.  Restoring a draft
returned before ``warm_up``, so that import ran on the GUI thread when the restored comparison
arrived (``ClutterController.offer``)."""
# ruff: noqa: F811 - pytest fixtures are imported from main_window_support

from __future__ import annotations

from types import SimpleNamespace

from reportdesk import gui
from tests.ui.main_window_support import boxes, window  # noqa: F401 - fixtures


def test_restoring_a_draft_at_start_warms_up_too(window, monkeypatch):
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
