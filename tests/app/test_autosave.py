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


def test_snapshot_is_private_and_written_by_the_shared_writer(qtbot, tmp_path, monkeypatch):
    import os
    import stat

    from reportdesk.export import atomic

    calls = []
    real = atomic.write_bytes
    monkeypatch.setattr(atomic, "write_bytes", lambda *a, **k: calls.append(a[0]) or real(*a, **k))
    saver = make(tmp_path, {"text": "草稿", "dirty": True})
    assert saver.tick()
    assert calls == [saver.path]
    if os.name == "posix":
        assert stat.S_IMODE(saver.path.stat().st_mode) == 0o600
    saver.shutdown()


def test_an_autosave_writes_no_journal_entry(qtbot, tmp_path, monkeypatch):
    # the autosave folder is cleaned by name at the next start: a journal entry per write is waste
    from reportdesk.export import inflight

    recorded = []
    monkeypatch.setattr(inflight, "record", lambda tmp: recorded.append(tmp))
    saver = make(tmp_path, {"text": "草稿", "dirty": True})
    assert saver.tick()
    assert recorded == [] and saver.path.exists()
    saver.shutdown()


def test_a_failed_autosave_never_interrupts_typing(qtbot, tmp_path, monkeypatch):
    import errno
    import os

    state = {"text": "旧草稿", "dirty": True}
    saver = make(tmp_path, state)
    assert saver.tick()
    before = saver.path.read_bytes()

    def full(_fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    state["text"] = "新草稿"
    assert not saver.tick()  # logged, not raised
    assert saver.path.read_bytes() == before
    assert not [p for p in saver.path.parent.iterdir() if p.name.endswith(".tmp")]
    monkeypatch.undo()
    assert saver.tick()  # and tries again next time
    assert DraftSnapshot.from_json(saver.path.read_bytes()).text == "新草稿"
    saver.shutdown()
