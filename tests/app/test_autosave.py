"""Autosave: atomic snapshots while dirty; only drafts of dead processes are offered back."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from reportdesk.app.autosave import Autosaver, DraftSnapshot, autosave_dir, find_recoveries


def make(tmp_path, state):
    return Autosaver(
        tmp_path,
        lambda: DraftSnapshot(state["text"], "/old.txt", "/new.txt"),
        lambda: state["dirty"],
        seconds=30,
    )


def test_writes_only_while_dirty_and_changed(qtbot, tmp_path):
    state = {"text": "草稿一", "dirty": False}
    saver = make(tmp_path, state)
    assert saver.timer.interval() == 30_000
    assert not saver.tick()
    assert not saver.path.exists()
    state["dirty"] = True
    assert saver.tick()
    assert DraftSnapshot.from_json(saver.path.read_bytes()).text == "草稿一"
    assert not saver.tick()  # nothing new
    state["text"] = "草稿二"
    assert saver.tick()
    assert saver.writes == 2
    state["dirty"] = False  # saved by the user: nothing to recover
    saver.tick()
    assert not saver.path.exists()
    saver.shutdown()


def test_timer_fires(qtbot, tmp_path):
    state = {"text": "草稿", "dirty": True}
    saver = make(tmp_path, state)
    saver.set_interval(1)
    qtbot.waitUntil(lambda: saver.path.exists(), timeout=3000)
    saver.shutdown()
    assert not saver.path.exists()


def test_a_running_instance_is_not_recovered(qtbot, tmp_path):
    state = {"text": "草稿", "dirty": True}
    saver = make(tmp_path, state)
    saver.tick()
    assert find_recoveries(tmp_path) == []  # we hold the lock
    saver.shutdown()


def test_a_crashed_instance_is_recovered(tmp_path):
    script = textwrap.dedent(
        f"""
        import os
        from pathlib import Path
        from reportdesk.app.autosave import Autosaver, DraftSnapshot
        s = Autosaver(Path({str(tmp_path)!r}), lambda: DraftSnapshot("崩溃前的草稿", "/o.txt", "/n.txt", "/s.docx"), lambda: True)
        assert s.tick()
        os._exit(3)  # no clean shutdown
        """
    )
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert r.returncode == 3, r.stderr
    recs = find_recoveries(tmp_path)
    assert len(recs) == 1
    snap = recs[0].snapshot
    assert (snap.text, snap.old_path, snap.new_path, snap.save_path) == ("崩溃前的草稿", "/o.txt", "/n.txt", "/s.docx")
    assert snap.saved_at > 0
    recs[0].discard()
    assert find_recoveries(tmp_path) == []
    assert not list(autosave_dir(tmp_path).glob("*.json"))


def test_garbage_files_are_skipped(tmp_path):
    folder = autosave_dir(tmp_path)
    folder.mkdir(parents=True)
    (folder / "draft-bad.json").write_text("{not json", encoding="utf-8")
    assert find_recoveries(tmp_path) == []
