"""Crash handler: the draft is saved first, a log is written, the dialog is shown once."""

from __future__ import annotations

import sys

from reportdesk.app.crash import CrashHandler, setup_logging


def _raise():
    try:
        raise RuntimeError("boom 爆炸")
    except RuntimeError:
        return sys.exc_info()


def test_handler_saves_draft_logs_and_shows(tmp_path):
    calls = []
    h = CrashHandler(tmp_path, lambda: calls.append("save"), lambda summary, log: calls.append(("show", summary, log)))
    h(*_raise())
    assert calls[0] == "save"
    kind, summary, log = calls[1]
    assert kind == "show" and "boom 爆炸" in summary
    text = log.read_text(encoding="utf-8")
    assert "RuntimeError: boom 爆炸" in text and "Traceback" in text
    assert log.parent == tmp_path / "logs"


def test_failing_save_still_logs_and_shows(tmp_path):
    shown = []

    def bad_save():
        raise OSError("disk gone")

    h = CrashHandler(tmp_path, bad_save, lambda s, log: shown.append(log))
    h(*_raise())
    assert shown and shown[0].exists()


def test_no_dialog_loop_when_the_dialog_itself_crashes(tmp_path):
    shown = []

    def show(summary, log):
        shown.append(summary)
        h(*_raise())  # an exception while the dialog is up

    h = CrashHandler(tmp_path, lambda: None, show)
    h(*_raise())
    assert len(shown) == 1 and h.count == 2


def test_setup_logging(tmp_path):
    import logging

    path = setup_logging(tmp_path)
    logging.getLogger("reportdesk.test").warning("你好")
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert path is not None and "你好" in path.read_text(encoding="utf-8")
    for handler in list(logging.getLogger().handlers):
        if getattr(handler, "baseFilename", "") == str(path):
            logging.getLogger().removeHandler(handler)
            handler.close()
